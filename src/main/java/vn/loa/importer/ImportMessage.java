package vn.loa.importer;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything the importer tells a person, each under a stable code: the desk looks up
 * {@code importer.<code>} in its messages and fills in the arguments, while the command
 * line and the API keep the English text written next to each use.
 */
enum ImportMessage {

	// A document that cannot be read: UnreadableDocumentException.
	DOCUMENT_EMPTY("document.empty"), DOCUMENT_TOO_LARGE("document.too-large"), DOCUMENT_DOC("document.doc"),
	DOCUMENT_UNSUPPORTED("document.unsupported"), DOCUMENT_BLANK("document.blank"), DOCUMENT_OTHER("document.other"),
	DOCX_OLD_OR_PROTECTED("document.docx.old-or-protected"), DOCX_NOT_DOCX("document.docx.not-docx"),
	DOCX_DAMAGED("document.docx.damaged"), HTML_UNREADABLE("document.html.unreadable"),
	PDF_PASSWORD("document.pdf.password"), PDF_NOT_PDF("document.pdf.not-pdf"), PDF_DAMAGED("document.pdf.damaged"),
	PDF_SCANNED("document.pdf.scanned"), TEXT_ENCODING("document.text.encoding"),
	TEXT_NUL_CHARACTERS("document.text.nul-characters"), TEXT_NUL_BYTES("document.text.nul-bytes"),
	TEXT_IS_PDF("document.text.is-pdf"), TEXT_IS_ZIP("document.text.is-zip"), TEXT_IS_DOC("document.text.is-doc"),

	// What a person should check in a draft: PlanDraft.Warning.
	PLAN_EXISTS("plan.exists"), NUMBER_BLANK("identity.number-blank"), NO_NUMBER("identity.no-number"),
	NO_DATE("identity.no-date"), IMPOSSIBLE_DOCUMENT_DATE("identity.impossible-date"),
	DATE_BLANK("identity.date-blank"), NO_HEADING("identity.no-heading"), NO_TITLE("identity.no-title"),
	NO_ISSUER("identity.no-issuer"), NO_RECIPIENTS("closing.no-recipients"), NO_SIGNATURE("closing.no-signature"),
	NO_SIGNER_NAME("closing.no-signer-name"), PHASE_NO_START("phase.no-start"), PHASE_NO_END("phase.no-end"),
	PHASE_IMPOSSIBLE_DATE("phase.impossible-date"), PHASE_FROM_IMPLEMENTED("phase.from-implemented"),
	PHASE_NO_PLAN_DATE("phase.no-plan-date"), ANNIVERSARY_RANGE_IMPOSSIBLE_DATE("anniversary.range-impossible-date"),
	ANNIVERSARY_IMPOSSIBLE_DATE("anniversary.impossible-date"), ANNIVERSARY_ORDINAL_SPAN("anniversary.ordinal-span"),
	ANNIVERSARY_DIFFERENT_DAYS("anniversary.different-days"), ANNIVERSARY_UNDATED("anniversary.undated"),
	ANNIVERSARY_OTHER_YEAR("anniversary.other-year"), ANNIVERSARY_PROPOSED("anniversary.proposed"),
	ANNIVERSARY_RECALLED("anniversary.recalled"), ANNIVERSARY_EXCLUDED("anniversary.excluded"),
	EVENT_PROPOSED("event.proposed"), NO_FORMS_SECTION("outlets.no-section"), NO_OUTLET("outlets.none"),
	NO_UNITS_SECTION("units.no-section"), PLACE_IMPLAUSIBLE("identity.place-implausible"),
	TITLE_RUN_ON("identity.title-run-on"), SIGNER_IMPLAUSIBLE("closing.signer-implausible"),

	// A confirmation that cannot be carried out: ImportConflictException.
	CONFLICT_NO_DRAFT("conflict.no-draft"), CONFLICT_CONFIRMED("conflict.confirmed"),
	CONFLICT_EXISTS("conflict.exists"), CONFLICT_CALENDAR("conflict.calendar"),
	CONFLICT_MEANWHILE("conflict.meanwhile"),

	// The values of a draft, as the review page lists them: PlanDraft.Recognised.
	VALUE_NUMBER("value.number"), VALUE_ISSUER("value.issuer"), VALUE_DATE("value.date"), VALUE_TITLE("value.title"),
	VALUE_PHASE("value.phase"), VALUE_PHASE_UNTIL("value.phase.until"),
	VALUE_PHASE_INCOMPLETE("value.phase.incomplete"), VALUE_ANNIVERSARY("value.anniversary"),
	VALUE_ANNIVERSARY_ORDINAL("value.anniversary.ordinal"), VALUE_ANNIVERSARY_PROPOSED("value.anniversary.proposed"),
	VALUE_EVENT("value.event"), VALUE_EVENT_PROPOSED("value.event.proposed"), VALUE_OUTLET_RADIO("value.outlet.radio"),
	VALUE_OUTLET_FEED("value.outlet.feed"), VALUE_OUTLET_EMAIL("value.outlet.email"),
	VALUE_HEADING_UNDER_HEADER("value.heading.under-header"), VALUE_HEADING_FIRST("value.heading.first"),
	VALUE_HEADING_LEAD("value.heading.lead"), VALUE_HEADING_NONE("value.heading.none");

	/** The prefix of every key in the messages. */
	static final String KEY_PREFIX = "importer.";

	private final String code;

	ImportMessage(String code) {
		this.code = code;
	}

	String code() {
		return this.code;
	}

	/** Arguments as the messages take them: text, so that no number gets a separator. */
	static List<String> arguments(Object... arguments) {
		return Arrays.stream(arguments).map((argument) -> Objects.toString(argument, "")).toList();
	}

}
