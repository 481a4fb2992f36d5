package vn.loa.content;

import java.util.Locale;

/** Where a content item goes out. */
public enum Outlet {

	/** The RSS and Atom feeds and the public item page. */
	FEED,

	/** Email bulletins to confirmed subscribers. */
	EMAIL,

	/** The radio script queue of the loudspeaker station. */
	RADIO;

	/**
	 * The name used in files and the API ({@code feed}, {@code email}, {@code radio}).
	 */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Reads {@code feed}, {@code email} or {@code radio}, any case. */
	public static Outlet parse(String text) {
		for (Outlet outlet : values()) {
			if (outlet.key().equalsIgnoreCase(text.trim())) {
				return outlet;
			}
		}
		throw new IllegalArgumentException("unknown outlet '" + text + "' (expected feed, email or radio)");
	}

}
