package vn.loa.cli;

/** Entry point of the command line. */
public final class LoaCommand {

	private LoaCommand() {
	}

	public static int execute(String[] args) {
		System.err.println("not yet");
		return 2;
	}

}
