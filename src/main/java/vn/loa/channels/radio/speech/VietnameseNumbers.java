package vn.loa.channels.radio.speech;

import java.util.ArrayList;
import java.util.List;

/**
 * Numbers as a Vietnamese speaker says them: “hai mươi mốt”, “hai mươi tư”, “mười lăm”,
 * “một trăm linh năm”, “một nghìn không trăm hai mươi lăm”, “tháng tư”, “thứ nhất”.
 */
public final class VietnameseNumbers {

	private static final String[] DIGITS = { "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín" };

	private static final String[] GROUPS = { "", "nghìn", "triệu", "tỷ" };

	private final Variant variant;

	public VietnameseNumbers(Variant variant) {
		this.variant = variant;
	}

	/**
	 * A whole number, 0 to 999 999 999 999 999 (“nghìn tỷ” above a billion's thousands).
	 */
	public String cardinal(long number) {
		if (number < 0) {
			return "âm " + cardinal(-number);
		}
		if (number == 0) {
			return DIGITS[0];
		}
		if (number >= 1_000_000_000_000L) {
			long billions = number / 1_000_000_000L;
			long rest = number % 1_000_000_000L;
			String head = cardinal(billions) + " tỷ";
			return (rest == 0) ? head : head + " " + groups(rest, true);
		}
		return groups(number, false);
	}

	/**
	 * Groups of three digits under a billion's billion; {@code inside}: after a higher
	 * group.
	 */
	private String groups(long number, boolean inside) {
		List<Integer> parts = new ArrayList<>();
		for (long rest = number; rest > 0; rest /= 1000) {
			parts.add((int) (rest % 1000));
		}
		if (inside) {
			while (parts.size() < 3) {
				parts.add(0);
			}
		}
		List<String> words = new ArrayList<>();
		boolean higher = inside;
		for (int i = parts.size() - 1; i >= 0; i--) {
			int part = parts.get(i);
			if (part == 0) {
				continue;
			}
			words.add(hundreds(part, higher));
			if (i > 0) {
				words.add((i == 1) ? this.variant.thousand() : GROUPS[i]);
			}
			higher = true;
		}
		return String.join(" ", words);
	}

	/** 1 to 999; {@code full}: a higher group came before, so “không trăm linh năm”. */
	private String hundreds(int number, boolean full) {
		int hundreds = number / 100;
		int rest = number % 100;
		StringBuilder words = new StringBuilder();
		if (hundreds > 0 || full) {
			words.append(DIGITS[hundreds]).append(" trăm");
			if (rest == 0) {
				return words.toString();
			}
			if (rest < 10) {
				return words.append(' ').append(this.variant.zeroTens()).append(' ').append(DIGITS[rest]).toString();
			}
			words.append(' ');
		}
		return words.append(tens(rest)).toString();
	}

	/** 1 to 99: “mười”, “mười lăm”, “hai mươi mốt”, “hai mươi tư”. */
	private static String tens(int number) {
		if (number < 10) {
			return DIGITS[number];
		}
		int tens = number / 10;
		int units = number % 10;
		String head = (tens == 1) ? "mười" : DIGITS[tens] + " mươi";
		if (units == 0) {
			return head;
		}
		String unit = switch (units) {
			case 1 -> (tens == 1) ? "một" : "mốt";
			case 4 -> (tens == 1) ? "bốn" : "tư";
			case 5 -> "lăm";
			default -> DIGITS[units];
		};
		return head + " " + unit;
	}

	/** After “thứ” or “lần thứ”: “nhất”, “hai”, “tư”, “mười bốn”. */
	public String ordinal(long number) {
		if (number == 1) {
			return "nhất";
		}
		if (number == 4) {
			return "tư";
		}
		return cardinal(number);
	}

	/** A month's name after “tháng”: “một”, “tư”, “mười hai”. */
	public String month(int month) {
		return (month == 4) ? "tư" : cardinal(month);
	}

	/** A day of the month after “ngày”: “mồng hai” for the first ten, else the number. */
	public String day(int day) {
		return (day <= 10) ? this.variant.earlyDay() + " " + cardinal(day) : cardinal(day);
	}

	/** Digits read one by one, for what follows a decimal comma: “không năm”. */
	public String digits(String digits) {
		List<String> words = new ArrayList<>();
		for (char digit : digits.toCharArray()) {
			words.add(DIGITS[digit - '0']);
		}
		return String.join(" ", words);
	}

	/**
	 * How the regions say a few numbers: the north “nghìn”, “linh” and “mồng”, the south
	 * “ngàn”, “lẻ” and “mùng”.
	 */
	public enum Variant {

		NORTH("nghìn", "linh", "mồng"), CENTRAL("nghìn", "lẻ", "mồng"), SOUTH("ngàn", "lẻ", "mùng");

		private final String thousand;

		private final String zeroTens;

		private final String earlyDay;

		Variant(String thousand, String zeroTens, String earlyDay) {
			this.thousand = thousand;
			this.zeroTens = zeroTens;
			this.earlyDay = earlyDay;
		}

		String thousand() {
			return this.thousand;
		}

		String zeroTens() {
			return this.zeroTens;
		}

		String earlyDay() {
			return this.earlyDay;
		}

	}

}
