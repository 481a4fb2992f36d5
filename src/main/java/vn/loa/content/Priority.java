package vn.loa.content;

import java.util.Locale;

import vn.loa.text.PlainText;

/**
 * How urgently an item reaches its audience, in the three levels of Circular
 * 39/2020/TT-BTTTT for commune stations: an ordinary item is fitted into the station's
 * own schedule, a priority item goes before ordinary ones in its slot, an emergency
 * bulletin (storm, flood, fire, epidemic) goes out at once on every outlet. Only an
 * emergency bulletin issued at the desk carries {@link #EMERGENCY}.
 */
public enum Priority {

	/** Thông thường: fitted into the schedule. */
	NORMAL("thông thường"),

	/** Ưu tiên: before ordinary items in its slot. */
	PRIORITY("ưu tiên"),

	/** Khẩn cấp: at once, ahead of everything queued. */
	EMERGENCY("khẩn cấp");

	private final String vietnamese;

	Priority(String vietnamese) {
		this.vietnamese = vietnamese;
	}

	/** The key used in files, the API and the database ({@code normal}). */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Reading order: emergency 0, priority 1, ordinary 2. */
	public int rank() {
		return 2 - ordinal();
	}

	/**
	 * A priority as written in English or Vietnamese ({@code priority}, {@code ưu tiên},
	 * {@code uu-tien}); blank is ordinary.
	 * @throws IllegalArgumentException naming the levels when it is none of them
	 */
	public static Priority parse(String text) {
		String key = text.strip().toLowerCase(Locale.ROOT);
		if (key.isEmpty()) {
			return NORMAL;
		}
		for (Priority priority : values()) {
			String plain = PlainText.withoutMarks(priority.vietnamese);
			if (priority.key().equals(key) || priority.vietnamese.equals(key) || plain.equals(key)
					|| plain.replace(' ', '-').equals(key)) {
				return priority;
			}
		}
		throw new IllegalArgumentException(
				"unknown priority '" + text.strip() + "': write normal (thông thường) or priority (ưu tiên)");
	}

}
