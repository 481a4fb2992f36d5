package vn.loa.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

import vn.loa.calendar.CalendarService;
import vn.loa.content.ContentQueries;
import vn.loa.content.Preparation;
import vn.loa.publishing.PublicationLog;

/**
 * Prints what falls in a date range. Reads the same database as the server (content added
 * through the API, what was missed) after bringing in the content/ files as the server
 * does at start-up, and publishes nothing.
 */
@Command(name = "calendar", description = "Print anniversaries, events, phases and content in a date range.")
class CalendarCommand implements Callable<Integer> {

	private static final DateTimeFormatter[] FORMATS = { DateTimeFormatter.ISO_LOCAL_DATE,
			DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT) };

	private final Class<?> application;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Option(names = "--from", description = "First day: 2025-09-01 or 01/09/2025")
	String from;

	@Option(names = "--to", description = "Last day: 2025-09-30 or 30/09/2025")
	String to;

	@Option(names = "--upcoming", paramLabel = "DAYS",
			description = "From today to DAYS ahead, listing the anniversaries with no content yet, most urgent first")
	Integer upcoming;

	@Option(names = "--json", description = "Print JSON instead of text")
	boolean json;

	@CommandLine.Mixin
	LanguageOption language = new LanguageOption();

	/**
	 * Any other {@code --name=value} is a Spring property, as when serving
	 * ({@code --loa.data-dir=...}).
	 */
	@CommandLine.Unmatched
	java.util.List<String> springArguments = new java.util.ArrayList<>();

	CalendarCommand(Class<?> application) {
		this.application = application;
	}

	@Override
	public Integer call() {
		CliText text = this.language.text();
		if (this.upcoming == null && (this.from == null || this.to == null)) {
			throw new CommandLine.ParameterException(this.spec.commandLine(),
					"give --from and --to, or --upcoming DAYS");
		}
		if (this.upcoming != null && (this.upcoming < 1 || this.upcoming > 3660)) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), "--upcoming takes 1 to 3660 days");
		}
		LocalDate first = (this.from != null) ? date("--from", this.from) : null;
		LocalDate last = (this.to != null) ? date("--to", this.to) : null;
		if (first != null && last != null && last.isBefore(first)) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), "--to is before --from");
		}
		try (ConfigurableApplicationContext context = QuietContext.start(this.application, this.springArguments)) {
			ZoneId zone = context.getBean(ZoneId.class);
			List<Preparation.Unprepared> unprepared = List.of();
			if (this.upcoming != null) {
				LocalDate today = LocalDate.now(context.getBean(Clock.class));
				first = (first != null) ? first : today;
				last = (last != null) ? last : today.plusDays(this.upcoming);
				unprepared = context.getBean(Preparation.class).unprepared(today, this.upcoming);
			}
			ContentQueries store = context.getBean(ContentQueries.class);
			PublicationLog log = context.getBean(PublicationLog.class);
			// Both are known here: given, or filled in from --upcoming above.
			LocalDate start = Objects.requireNonNull(first, "first day");
			LocalDate end = Objects.requireNonNull(last, "last day");
			CalendarReport report = CalendarReport.of(start, end, zone, context.getBean(CalendarService.class).book(),
					store.findDueBetween(CalendarReport.startOf(start, zone),
							CalendarReport.startOf(end.plusDays(1), zone)),
					log.dueBetween(CalendarReport.startOf(start, zone), CalendarReport.startOf(end.plusDays(1), zone)),
					unprepared, text.locale());
			if (this.json) {
				this.spec.commandLine()
					.getOut()
					.println(JsonMapper.builder()
						.enable(SerializationFeature.INDENT_OUTPUT)
						.build()
						.writeValueAsString(report));
			}
			else {
				report.print(this.spec.commandLine().getOut(), text);
			}
			this.spec.commandLine().getOut().flush();
		}
		return 0;
	}

	private LocalDate date(String option, String text) {
		for (DateTimeFormatter format : FORMATS) {
			try {
				return LocalDate.parse(text.strip(), format);
			}
			catch (DateTimeParseException ex) {
				// try the next form
			}
		}
		throw new CommandLine.ParameterException(this.spec.commandLine(),
				"impossible date for " + option + ": '" + text + "' (expected 2025-09-01 or 01/09/2025)");
	}

}
