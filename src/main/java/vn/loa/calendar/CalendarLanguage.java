package vn.loa.calendar;

import java.util.Locale;

/**
 * The little English the calendar writes: which locales get it, and ordinals ("1st",
 * "12th", "80th"). Everything else the calendar says is Vietnamese.
 */
final class CalendarLanguage {

	private CalendarLanguage() {
	}

	/** Whether {@code locale} asks for English; any other language gets Vietnamese. */
	static boolean english(Locale locale) {
		return locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
	}

	/**
	 * The English ordinal of a number: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 111th,
	 * 122nd.
	 */
	static String ordinal(int number) {
		int lastTwo = Math.abs(number) % 100;
		if (lastTwo >= 11 && lastTwo <= 13) {
			return number + "th";
		}
		return switch (lastTwo % 10) {
			case 1 -> number + "st";
			case 2 -> number + "nd";
			case 3 -> number + "rd";
			default -> number + "th";
		};
	}

}
