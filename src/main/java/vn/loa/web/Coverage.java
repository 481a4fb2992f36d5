package vn.loa.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.loa.calendar.CalendarService;
import vn.loa.calendar.Occurrence;
import vn.loa.channels.email.BulletinDeliveries;
import vn.loa.channels.radio.RadioQueue;
import vn.loa.channels.radio.RadioStation;
import vn.loa.channels.radio.RadioStations;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentQueries;
import vn.loa.content.ContentStatus;
import vn.loa.content.Outlet;
import vn.loa.organisations.Organisation;
import vn.loa.organisations.Organisations;
import vn.loa.publishing.PublicationLog;
import vn.loa.subscribers.Subscribers;

/**
 * What a province head reads the week before 02/9: for an organisation and the days
 * ahead, which organisations within it have content for each coming occurrence (their own
 * or a cascade from above) on which outlets, and which of them could not carry it: no
 * station, no confirmed subscriber, radio slots queued beyond their length, bulletins
 * that failed. Composed from the modules' own APIs; nothing here is stored.
 */
@Component
class Coverage {

	private final Organisations organisations;

	private final ContentQueries content;

	private final PublicationLog publications;

	private final CalendarService calendar;

	private final RadioStations stations;

	private final RadioQueue radio;

	private final Subscribers subscribers;

	private final BulletinDeliveries deliveries;

	private final ZoneId zone;

	Coverage(Organisations organisations, ContentQueries content, PublicationLog publications, CalendarService calendar,
			RadioStations stations, RadioQueue radio, Subscribers subscribers, BulletinDeliveries deliveries,
			ZoneId zone) {
		this.organisations = organisations;
		this.content = content;
		this.publications = publications;
		this.calendar = calendar;
		this.stations = stations;
		this.radio = radio;
		this.subscribers = subscribers;
		this.deliveries = deliveries;
		this.zone = zone;
	}

	/**
	 * The coverage of {@code top} and every organisation within it, both days included.
	 */
	Report of(Organisation top, LocalDate from, LocalDate to) {
		List<Organisation> members = new ArrayList<>();
		members.add(top);
		this.organisations.descendants(top.id()).stream().filter(Organisation::enabled).forEach(members::add);
		List<String> ids = members.stream().map(Organisation::id).toList();
		Set<String> within = new LinkedHashSet<>(ids);

		// Every item due in the days, with whom it reaches: the recorded audience once it
		// went out, the hierarchy as it is now before.
		Instant start = from.atStartOfDay(this.zone).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(this.zone).toInstant();
		Map<String, Set<Outlet>> outletsOf = new HashMap<>();
		Map<String, Integer> itemsOf = new HashMap<>();
		List<Reaching> reaching = new ArrayList<>();
		for (ContentItem item : this.content.findDueBetween(start, end)) {
			if (item.status() == ContentStatus.WITHDRAWN || item.status() == ContentStatus.MISSED
					|| item.status() == ContentStatus.ARCHIVED) {
				continue;
			}
			List<String> audience = item.status().hasGoneOut() ? this.publications.audienceOf(item.id())
					: this.organisations.resolve(item.organisation(), item.audience());
			List<String> inside = audience.stream().filter(within::contains).toList();
			if (inside.isEmpty()) {
				continue;
			}
			reaching.add(new Reaching(item, inside));
			for (String organisation : inside) {
				itemsOf.merge(organisation, 1, Integer::sum);
				outletsOf.computeIfAbsent(organisation, (o) -> EnumSet.noneOf(Outlet.class)).addAll(item.outlets());
			}
		}

		List<RadioStation> stationsWithin = this.stations.ofOrganisations(ids);
		Map<String, Integer> stationsOf = new HashMap<>();
		stationsWithin.stream()
			.filter(RadioStation::enabled)
			.forEach((station) -> stationsOf.merge(station.organisation(), 1, Integer::sum));
		Map<String, Integer> overrunsOfStation = this.radio.overruns(stationsWithin, from, to);
		Map<String, Integer> overrunsOf = new HashMap<>();
		stationsWithin.forEach((station) -> overrunsOf.merge(station.organisation(),
				overrunsOfStation.getOrDefault(station.id(), 0), Integer::sum));
		Map<String, Integer> confirmed = this.subscribers.confirmedByOrganisation(ids);
		Map<String, Integer> failed = this.deliveries.failedByOrganisation(ids, start.minusSeconds(7L * 24 * 3600));

		List<Row> rows = members.stream().map((organisation) -> {
			String id = organisation.id();
			Set<Outlet> outlets = outletsOf.getOrDefault(id, Set.of());
			return new Row(id, organisation.name(), itemsOf.getOrDefault(id, 0),
					outlets.stream().map(Outlet::key).sorted().toList(), stationsOf.getOrDefault(id, 0),
					confirmed.getOrDefault(id, 0), overrunsOf.getOrDefault(id, 0), failed.getOrDefault(id, 0));
		}).toList();

		List<OccurrenceLine> occurrences = new ArrayList<>();
		for (Occurrence occurrence : this.calendar.book().occurrencesBetween(from, to)) {
			Set<String> covered = new LinkedHashSet<>();
			Set<Outlet> outlets = EnumSet.noneOf(Outlet.class);
			for (Reaching line : reaching) {
				if (line.item().marks(occurrence.anniversary().id(), occurrence.year())) {
					covered.addAll(line.organisations());
					outlets.addAll(line.item().outlets());
				}
			}
			List<String> missing = members.stream()
				.filter((o) -> !covered.contains(o.id()))
				.map(Organisation::name)
				.toList();
			occurrences
				.add(new OccurrenceLine(occurrence.anniversary().id(), occurrence.title(), occurrence.date().toString(),
						covered.size(), members.size(), outlets.stream().map(Outlet::key).sorted().toList(), missing));
		}
		return new Report(top.id(), top.name(), from.toString(), to.toString(), occurrences, rows);
	}

	private record Reaching(ContentItem item, List<String> organisations) {

	}

	/**
	 * The coverage of an organisation over some days.
	 *
	 * @param organisation its id
	 * @param name its name
	 * @param from the first day
	 * @param to the last day
	 * @param occurrences the anniversary occurrences in the days, each with who has
	 * content for it
	 * @param organisations the organisation and each one within it, with what reaches it
	 */
	record Report(String organisation, String name, String from, String to, List<OccurrenceLine> occurrences,
			List<Row> organisations) {

		/** How many organisations no station reads for. */
		public long withoutStation() {
			return this.organisations.stream().filter((row) -> row.stations() == 0).count();
		}

		/** How many organisations have no confirmed subscriber. */
		public long withoutSubscriber() {
			return this.organisations.stream().filter((row) -> row.subscribers() == 0).count();
		}

	}

	/**
	 * One occurrence: how many organisations have content written for it.
	 *
	 * @param anniversary the anniversary's id
	 * @param title its title ("Kỷ niệm 80 năm Ngày Quốc khánh")
	 * @param date its date
	 * @param covered how many organisations content for it reaches
	 * @param of how many organisations there are
	 * @param outlets the outlets that content goes out on
	 * @param missing the names of those it does not reach
	 */
	record OccurrenceLine(String anniversary, String title, String date, int covered, int of, List<String> outlets,
			List<String> missing) {

	}

	/**
	 * One organisation over the days.
	 *
	 * @param id its id
	 * @param name its name
	 * @param items how many items reach it, its own or from above
	 * @param outlets the outlets they go out on
	 * @param stations its enabled radio stations
	 * @param subscribers its confirmed subscribers
	 * @param overruns its stations' slots queued beyond their length
	 * @param failedBulletins bulletins to its subscribers that failed for good (from a
	 * week before the first day)
	 */
	record Row(String id, String name, int items, List<String> outlets, int stations, int subscribers, int overruns,
			int failedBulletins) {

	}

}
