package vn.loa.calendar;

import org.jspecify.annotations.Nullable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A propaganda plan ("Kế hoạch tuyên truyền") as issued.
 *
 * @param id stable id ({@code 443-kh-tu}); plans without a number still have one
 * @param number the document number as written ({@code 443-KH/TU}), or {@code null}
 * @param issuer the issuing body
 * @param place the place written before the date
 * @param date the document date, or {@code null} when the copy does not show it
 * @param title the title
 * @param implementsDocuments the documents it implements, as written
 * @param phases its phases, in order
 * @param anniversaries ids of the anniversaries it names
 * @param events ids of the events it names
 * @param recipients the "Nơi nhận" list
 * @param organisation the organisation that owns it
 * @param occurrences by anniversary id, the occurrence the plan targets where it says
 * ({@code {id: quoc-khanh, ordinal: 80, year: 2025}})
 */
public record Plan(String id, @Nullable String number, String issuer, @Nullable String place, @Nullable LocalDate date,
		String title, List<String> implementsDocuments, List<Phase> phases, List<String> anniversaries,
		List<String> events, List<String> recipients, String organisation, Map<String, Occurrence> occurrences) {

	/** A plan that names its anniversaries without their occurrences. */
	public Plan(String id, @Nullable String number, String issuer, @Nullable String place, @Nullable LocalDate date,
			String title, List<String> implementsDocuments, List<Phase> phases, List<String> anniversaries,
			List<String> events, List<String> recipients, String organisation) {
		this(id, number, issuer, place, date, title, implementsDocuments, phases, anniversaries, events, recipients,
				organisation, Map.of());
	}

	/**
	 * The occurrence of an anniversary a plan targets: the ordinal it celebrates and the
	 * year it falls in.
	 *
	 * @param ordinal the ordinal ("80 năm"), or {@code null} where the plan names none
	 * @param year the year of the occurrence, or {@code null}
	 */
	public record Occurrence(@Nullable Integer ordinal, @Nullable Integer year) {

	}

	public Optional<Phase> phase(int number) {
		return this.phases.stream().filter((phase) -> phase.number() == number).findFirst();
	}

	/**
	 * Whether a reference written by a person ("443-KH/TU" or "443-kh-tu") names this
	 * plan.
	 */
	public boolean isNamedBy(String reference) {
		return this.id.equalsIgnoreCase(reference) || (this.number != null && this.number.equalsIgnoreCase(reference));
	}

}
