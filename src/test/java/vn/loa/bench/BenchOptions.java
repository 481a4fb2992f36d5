package vn.loa.bench;

/** Reads {@code --name value} or {@code --name=value} from a benchmark's arguments. */
final class BenchOptions {

	private BenchOptions() {
	}

	static String option(String[] args, String name, String fallback) {
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--" + name) && i + 1 < args.length) {
				return args[i + 1];
			}
			if (args[i].startsWith("--" + name + "=")) {
				return args[i].substring(name.length() + 3);
			}
		}
		return fallback;
	}

	static boolean flag(String[] args, String name) {
		for (String arg : args) {
			if (arg.equals("--" + name)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * An integer option, refused outside {@code [min, max]} so every run stays bounded.
	 */
	static int intOption(String[] args, String name, int fallback, int min, int max) {
		int value = Integer.parseInt(option(args, name, String.valueOf(fallback)));
		if (value < min || value > max) {
			throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max);
		}
		return value;
	}

}
