package vn.loa.cli;

import java.util.Locale;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --lang vi|en}: the language a command speaks, Vietnamese unless asked. */
final class LanguageOption {

	@CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
	CommandLine.Model.CommandSpec spec;

	@Option(names = "--lang", defaultValue = "vi", paramLabel = "vi|en",
			description = "Language of the output: vi (Vietnamese, the default) or en (English)")
	String lang = "vi";

	CliText text() {
		return switch (this.lang.strip().toLowerCase(Locale.ROOT)) {
			case "vi" -> new CliText(Locale.forLanguageTag("vi"));
			case "en" -> new CliText(Locale.ENGLISH);
			default -> throw new CommandLine.ParameterException(this.spec.commandLine(),
					"--lang takes vi or en, not '" + this.lang + "'");
		};
	}

}
