package vn.loa.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Converts between solar dates and the Vietnamese lunar calendar (âm lịch), computed for
 * UTC+7 from the astronomical rules: a month starts on the day of a new moon, the month
 * holding the winter solstice is month 11, and in a span of 13 months from one month 11
 * to the next the first month without a major solar term (trung khí) is the leap month,
 * numbered as the month before it.
 */
public final class LunarCalendar {

	/** The first lunar year converted. */
	public static final int FIRST_YEAR = 1800;

	/** The last lunar year converted. */
	public static final int LAST_YEAR = 2199;

	// Each lunar year is computed once; there are at most 400 of them.
	private static final Map<Integer, LunarYear> YEARS = new ConcurrentHashMap<>();

	private LunarCalendar() {
	}

	/**
	 * The lunar date of a solar date.
	 * @throws DateTimeException when the date is outside the lunar years
	 * {@value #FIRST_YEAR} to {@value #LAST_YEAR}
	 */
	public static LunarDate toLunar(LocalDate date) {
		long day = date.toEpochDay();
		int year = date.getYear();
		LunarYear lunar = (year >= FIRST_YEAR && year <= LAST_YEAR) ? year(year) : null;
		if ((lunar == null || day < lunar.start()) && year - 1 >= FIRST_YEAR && year - 1 <= LAST_YEAR) {
			lunar = year(year - 1);
		}
		if (lunar == null || day < lunar.start() || day >= lunar.end()) {
			throw new DateTimeException(
					"lunar dates are known from lunar year " + FIRST_YEAR + " to " + LAST_YEAR + ", not for " + date);
		}
		List<LunarMonth> months = lunar.months();
		int index = months.size() - 1;
		while (months.get(index).start() > day) {
			index--;
		}
		LunarMonth month = months.get(index);
		return new LunarDate((int) (day - month.start()) + 1, month.number(), lunar.year(), month.leap());
	}

	/**
	 * The solar date of a lunar date, or empty when that day does not exist (day 30 of a
	 * 29-day month, a leap month the year does not have) or its year is outside
	 * {@value #FIRST_YEAR} to {@value #LAST_YEAR}.
	 */
	public static Optional<LocalDate> toSolar(LunarDate date) {
		if (date.year() < FIRST_YEAR || date.year() > LAST_YEAR) {
			return Optional.empty();
		}
		LunarYear lunar = year(date.year());
		List<LunarMonth> months = lunar.months();
		for (int i = 0; i < months.size(); i++) {
			LunarMonth month = months.get(i);
			if (month.number() == date.month() && month.leap() == date.leap()) {
				long next = (i + 1 < months.size()) ? months.get(i + 1).start() : lunar.end();
				long day = month.start() + date.day() - 1;
				return (day < next) ? Optional.of(LocalDate.ofEpochDay(day)) : Optional.empty();
			}
		}
		return Optional.empty();
	}

	/**
	 * The month a lunar year repeats as its leap month, or empty when it has 12 months.
	 * @throws DateTimeException when the year is outside {@value #FIRST_YEAR} to
	 * {@value #LAST_YEAR}
	 */
	public static OptionalInt leapMonth(int year) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new DateTimeException(
					"lunar years are known from " + FIRST_YEAR + " to " + LAST_YEAR + ", not " + year);
		}
		return year(year).months().stream().filter(LunarMonth::leap).mapToInt(LunarMonth::number).findFirst();
	}

	private static LunarYear year(int year) {
		return YEARS.computeIfAbsent(year, LunarCalendar::computeYear);
	}

	/**
	 * Lunar year {@code year}: months 1 to 10 come from the span between the month 11s of
	 * solar years {@code year - 1} and {@code year}, months 11 and 12 from the next span.
	 */
	private static LunarYear computeYear(int year) {
		List<LunarMonth> first = span(year);
		List<LunarMonth> second = span(year + 1);
		int start = indexOfFirstMonth(first);
		int end = indexOfFirstMonth(second);
		List<LunarMonth> months = new ArrayList<>(first.subList(start, first.size()));
		months.addAll(second.subList(0, end));
		return new LunarYear(year, List.copyOf(months), second.get(end).start());
	}

	private static int indexOfFirstMonth(List<LunarMonth> span) {
		for (int i = 0; i < span.size(); i++) {
			if (span.get(i).number() == 1 && !span.get(i).leap()) {
				return i;
			}
		}
		throw new IllegalStateException("a span between two month 11s always holds a month 1");
	}

	/**
	 * The months from month 11 of solar year {@code year - 1} up to (not including) month
	 * 11 of {@code year}, numbered.
	 */
	private static List<LunarMonth> span(int year) {
		int from = month11(year - 1);
		int to = month11(year);
		long[] starts = new long[to - from + 1];
		for (int i = 0; i < starts.length; i++) {
			starts[i] = LunarAstronomy.newMoonDay(from + i);
		}
		int leap = -1;
		if (to - from == 13) {
			for (int i = 1; i < 13 && leap < 0; i++) {
				if (LunarAstronomy.majorTermAtStartOf(starts[i]) == LunarAstronomy.majorTermAtStartOf(starts[i + 1])) {
					leap = i;
				}
			}
		}
		List<LunarMonth> months = new ArrayList<>();
		int number = 11;
		months.add(new LunarMonth(starts[0], number, false));
		for (int i = 1; i < to - from; i++) {
			if (i != leap) {
				number = number % 12 + 1;
			}
			months.add(new LunarMonth(starts[i], number, i == leap));
		}
		return months;
	}

	/** The number of the new moon that starts month 11 of a solar year. */
	private static int month11(int year) {
		long solstice = LocalDate.of(year, Month.DECEMBER, 18).toEpochDay();
		// The solstice falls on the day at whose end the sun has passed 270°.
		while (LunarAstronomy.majorTermAtStartOf(solstice + 1) < 9) {
			solstice++;
		}
		int k = LunarAstronomy.newMoonNear(solstice);
		while (LunarAstronomy.newMoonDay(k) > solstice) {
			k--;
		}
		while (LunarAstronomy.newMoonDay(k + 1) <= solstice) {
			k++;
		}
		return k;
	}

	/** A lunar month: the day it starts, its number, and whether it is a leap month. */
	private record LunarMonth(long start, int number, boolean leap) {

	}

	/** The months of a lunar year in order, and the day after its last one. */
	private record LunarYear(int year, List<LunarMonth> months, long end) {

		long start() {
			return this.months.get(0).start();
		}

	}

}
