package vn.loa.organisations;

import java.util.Arrays;
import java.util.Locale;

/** What kind of body an organisation is. */
public enum OrganisationKind {

	/** A central body (Ban Tuyên giáo và Dân vận Trung ương, a ministry). */
	CENTRAL("central"),

	/** A province or centrally-run city (tỉnh, thành phố trực thuộc Trung ương). */
	PROVINCE("province"),

	/** A commune (xã). */
	COMMUNE("commune"),

	/** A ward (phường). */
	WARD("ward"),

	/** A special zone (đặc khu). */
	SPECIAL_ZONE("special-zone"),

	/** A district as it was before 1 July 2025, for plans issued then (huyện, quận). */
	HISTORICAL_DISTRICT("historical-district"),

	/** A communication centre (trung tâm truyền thông, trung tâm văn hóa - thể thao). */
	COMMUNICATION_CENTRE("communication-centre"),

	/** Any other body: a party committee, an association, Loa's own default. */
	OTHER("other");

	private final String key;

	OrganisationKind(String key) {
		this.key = key;
	}

	/** The kind as written in files, forms and the API ({@code special-zone}). */
	public String key() {
		return this.key;
	}

	/**
	 * The kind written as its key or its name, in any case.
	 * @throws IllegalArgumentException naming the kinds there are
	 */
	public static OrganisationKind parse(String text) {
		String wanted = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
		return Arrays.stream(values())
			.filter((kind) -> kind.key.equals(wanted))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown organisation kind '" + text.strip() + "' (known: "
					+ String.join(", ", Arrays.stream(values()).map(OrganisationKind::key).toList()) + ")"));
	}

}
