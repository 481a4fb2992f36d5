package vn.loa.icalendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

import vn.loa.calendar.CalendarService;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentQueries;
import vn.loa.organisations.Organisations;

/**
 * The iCalendar feeds: the whole campaign calendar, one plan, or one organisation, over a
 * window of whole years.
 */
@Service
class IcsFeeds {

	private final CalendarService calendar;

	private final ContentQueries content;

	private final Organisations organisations;

	private final IcsProperties properties;

	private final Clock clock;

	private final ZoneId zone;

	IcsFeeds(CalendarService calendar, ContentQueries content, Organisations organisations, IcsProperties properties,
			Clock clock, ZoneId zone) {
		this.organisations = organisations;
		this.calendar = calendar;
		this.content = content;
		this.properties = properties;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * The window a request asks for ({@code yyyy} or {@code null} each), else the
	 * configured years around the current one.
	 * @throws InvalidYearWindowException when a year is malformed, the window is reversed
	 * or longer than {@value YearWindow#MAX_YEARS} years
	 */
	public YearWindow window(@Nullable String from, @Nullable String to) {
		int year = LocalDate.now(this.clock.withZone(this.zone)).getYear();
		YearWindow defaults = new YearWindow(year - this.properties.yearsBack(), year + this.properties.yearsAhead());
		return YearWindow.parse(from, to, defaults);
	}

	public String all(YearWindow window) {
		return calendars(window, true).all();
	}

	/** The feed of a plan named by its id or number, if there is such a plan. */
	public Optional<String> plan(String reference, YearWindow window) {
		return calendars(window, false).plan(reference);
	}

	/** The feed of an organisation, if there is such an organisation. */
	public Optional<String> organisation(String id, YearWindow window) {
		// The organisations module knows every organisation, the calendar's files only
		// those they declare.
		return this.organisations.find(id)
			.map((organisation) -> calendars(window, true).organisation(organisation.id(), organisation.name()))
			.or(() -> calendars(window, true).organisation(id));
	}

	private IcsCalendars calendars(YearWindow window, boolean withContent) {
		List<ContentItem> items = withContent
				? this.content.findDueBetween(window.firstDay().atStartOfDay(this.zone).toInstant(),
						window.lastDay().plusDays(1).atStartOfDay(this.zone).toInstant())
				: List.of();
		return new IcsCalendars(this.calendar.book(), items, window, this.clock.instant(), this.zone);
	}

}
