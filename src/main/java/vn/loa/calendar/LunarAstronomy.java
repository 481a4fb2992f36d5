package vn.loa.calendar;

/**
 * The two astronomical quantities the lunar calendar needs, from the approximations in
 * Jean Meeus, <i>Astronomical Algorithms</i> (2nd ed.): the instant of a new moon
 * (chapter 49) and the apparent longitude of the sun (chapter 25, low accuracy), with
 * Espenak and Meeus' polynomials for ΔT. Days are local days of UTC+7, counted as
 * {@link java.time.LocalDate#toEpochDay() epoch days}.
 */
final class LunarAstronomy {

	/** Vietnam's calendar is computed for UTC+7, whatever the server's zone. */
	private static final double ZONE_DAYS = 7.0 / 24.0;

	/** Julian day of 1970-01-01 00:00 UT. */
	private static final double JD_EPOCH = 2440587.5;

	/** Meeus' new moon number 0 fell on 2000-01-06, epoch day 10962. */
	private static final long NEW_MOON_ZERO = 10962;

	private static final double SYNODIC_MONTH = 29.530588861;

	// Meeus table 49.A, new moon column: coefficient, power of E, and multiples of
	// M (sun's anomaly), M' (moon's anomaly), F (moon's argument of latitude).
	private static final double[][] PERIODIC = { { -0.40720, 0, 0, 1, 0 }, { 0.17241, 1, 1, 0, 0 },
			{ 0.01608, 0, 0, 2, 0 }, { 0.01039, 0, 0, 0, 2 }, { 0.00739, 1, -1, 1, 0 }, { -0.00514, 1, 1, 1, 0 },
			{ 0.00208, 2, 2, 0, 0 }, { -0.00111, 0, 0, 1, -2 }, { -0.00057, 0, 0, 1, 2 }, { 0.00056, 1, 1, 2, 0 },
			{ -0.00042, 0, 0, 3, 0 }, { 0.00042, 1, 1, 0, 2 }, { 0.00038, 1, 1, 0, -2 }, { -0.00024, 1, -1, 2, 0 },
			{ -0.00007, 0, 2, 1, 0 }, { 0.00004, 0, 0, 2, -2 }, { 0.00004, 0, 3, 0, 0 }, { 0.00003, 0, 1, 1, -2 },
			{ 0.00003, 0, 0, 2, 2 }, { -0.00003, 0, 1, 1, 2 }, { 0.00003, 0, -1, 1, 2 }, { -0.00002, 0, -1, 1, -2 },
			{ -0.00002, 0, 1, 3, 0 }, { 0.00002, 0, 0, 4, 0 } };

	// Meeus' planetary arguments A1..A14: constant, coefficient of k, amplitude.
	private static final double[][] PLANETARY = { { 299.77, 0.107408, 0.000325 }, { 251.88, 0.016321, 0.000165 },
			{ 251.83, 26.651886, 0.000164 }, { 349.42, 36.412478, 0.000126 }, { 84.66, 18.206239, 0.000110 },
			{ 141.74, 53.303771, 0.000062 }, { 207.14, 2.453732, 0.000060 }, { 154.84, 7.306860, 0.000056 },
			{ 34.52, 27.261239, 0.000047 }, { 207.19, 0.121824, 0.000042 }, { 291.34, 1.844379, 0.000040 },
			{ 161.72, 24.198154, 0.000037 }, { 239.56, 25.513099, 0.000035 }, { 331.55, 3.592518, 0.000023 } };

	private LunarAstronomy() {
	}

	/** The number of the new moon nearest to a day (0 is the one of 2000-01-06). */
	static int newMoonNear(long day) {
		return (int) Math.round((day - NEW_MOON_ZERO) / SYNODIC_MONTH);
	}

	/** The local day on which new moon number {@code k} falls. */
	static long newMoonDay(int k) {
		double universal = newMoon(k) - deltaT(2000 + k / 12.3685) / 86400;
		return (long) Math.floor(universal + ZONE_DAYS - JD_EPOCH);
	}

	/**
	 * The major solar term (trung khí) in force when a local day starts: the sun's
	 * apparent longitude in whole 30° sectors, 0 to 11 (9 from the winter solstice).
	 */
	static int majorTermAtStartOf(long day) {
		return (int) Math.floor(sunLongitude(day + JD_EPOCH - ZONE_DAYS) / 30);
	}

	/** Julian ephemeris day of the new moon number {@code k} (Meeus 49.1). */
	static double newMoon(int k) {
		double t = k / 1236.85;
		double jde = 2451550.09766 + SYNODIC_MONTH * k + 0.00015437 * t * t - 0.000000150 * t * t * t
				+ 0.00000000073 * t * t * t * t;
		double e = 1 - 0.002516 * t - 0.0000074 * t * t;
		double m = radians(2.5534 + 29.10535670 * k - 0.0000014 * t * t - 0.00000011 * t * t * t);
		double mm = radians(
				201.5643 + 385.81693528 * k + 0.0107582 * t * t + 0.00001238 * t * t * t - 0.000000058 * t * t * t * t);
		double f = radians(
				160.7108 + 390.67050284 * k - 0.0016118 * t * t - 0.00000227 * t * t * t + 0.000000011 * t * t * t * t);
		double omega = radians(124.7746 - 1.56375588 * k + 0.0020672 * t * t + 0.00000215 * t * t * t);
		double correction = -0.00017 * Math.sin(omega);
		for (double[] term : PERIODIC) {
			correction += term[0] * Math.pow(e, term[1]) * Math.sin(term[2] * m + term[3] * mm + term[4] * f);
		}
		for (double[] term : PLANETARY) {
			double argument = term[0] + term[1] * k;
			if (term == PLANETARY[0]) {
				argument -= 0.009173 * t * t;
			}
			correction += term[2] * Math.sin(radians(argument));
		}
		return jde + correction;
	}

	/** The sun's apparent longitude in degrees, 0 to 360, at a Julian day in UT. */
	static double sunLongitude(double julianDay) {
		double year = 2000 + (julianDay - 2451545.0) / 365.25;
		double t = (julianDay + deltaT(year) / 86400 - 2451545.0) / 36525;
		double meanLongitude = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
		double anomaly = radians(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
		double centre = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(anomaly)
				+ (0.019993 - 0.000101 * t) * Math.sin(2 * anomaly) + 0.000289 * Math.sin(3 * anomaly);
		double omega = radians(125.04 - 1934.136 * t);
		double apparent = meanLongitude + centre - 0.00569 - 0.00478 * Math.sin(omega);
		return ((apparent % 360) + 360) % 360;
	}

	/**
	 * TT − UT in seconds for a decimal year (Espenak and Meeus, "Polynomial expressions
	 * for Delta T").
	 */
	static double deltaT(double year) {
		if (year < 1860) {
			double t = year - 1800;
			return 13.72 - 0.332447 * t + 0.0068612 * t * t + 0.0041116 * Math.pow(t, 3) - 0.00037436 * Math.pow(t, 4)
					+ 0.0000121272 * Math.pow(t, 5) - 0.0000001699 * Math.pow(t, 6) + 0.000000000875 * Math.pow(t, 7);
		}
		if (year < 1900) {
			double t = year - 1860;
			return 7.62 + 0.5737 * t - 0.251754 * t * t + 0.01680668 * Math.pow(t, 3) - 0.0004473624 * Math.pow(t, 4)
					+ Math.pow(t, 5) / 233174;
		}
		if (year < 1920) {
			double t = year - 1900;
			return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * Math.pow(t, 3) - 0.000197 * Math.pow(t, 4);
		}
		if (year < 1941) {
			double t = year - 1920;
			return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * Math.pow(t, 3);
		}
		if (year < 1961) {
			double t = year - 1950;
			return 29.07 + 0.407 * t - t * t / 233 + Math.pow(t, 3) / 2547;
		}
		if (year < 1986) {
			double t = year - 1975;
			return 45.45 + 1.067 * t - t * t / 260 - Math.pow(t, 3) / 718;
		}
		if (year < 2005) {
			double t = year - 2000;
			return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * Math.pow(t, 3) + 0.000651814 * Math.pow(t, 4)
					+ 0.00002373599 * Math.pow(t, 5);
		}
		if (year < 2050) {
			double t = year - 2000;
			return 62.92 + 0.32217 * t + 0.005589 * t * t;
		}
		double u = (year - 1820) / 100;
		if (year < 2150) {
			return -20 + 32 * u * u - 0.5628 * (2150 - year);
		}
		return -20 + 32 * u * u;
	}

	private static double radians(double degrees) {
		return Math.toRadians(degrees % 360);
	}

}
