package vn.loa.channels.radio;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.loa.channels.radio.speech.VietnameseNumbers.Variant;
import vn.loa.organisations.Organisations;

/**
 * The radio stations, each belonging to an organisation, kept in the database: added and
 * changed at the desk or over the API, seen by every node at once (every question reads
 * the table). {@code loa.radio.stations} seeds those missing when Loa starts and never
 * overwrites one; with none configured, the one default station.
 */
@Service
public class RadioStations implements InitializingBean {

	private static final Log logger = LogFactory.getLog(RadioStations.class);

	private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final String COLUMNS = "id, organisation, name, slots, syllables_per_minute, enabled, variant, version";

	private final NamedParameterJdbcTemplate jdbc;

	private final RadioProperties properties;

	private final Organisations organisations;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RadioStations(NamedParameterJdbcTemplate jdbc, RadioProperties properties, Organisations organisations,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.organisations = organisations;
		this.events = events;
		this.clock = clock;
	}

	/** Seeds the configured stations the database does not have yet. */
	@Override
	public void afterPropertiesSet() {
		int seeded = 0;
		for (RadioStation station : this.properties.stations()) {
			if (find(station.id()).isEmpty()) {
				try {
					insert(station);
					seeded++;
				}
				catch (DuplicateKeyException ex) {
					// Another node seeding at the same moment stored it.
				}
			}
		}
		if (seeded > 0) {
			logger.info("Radio: " + seeded + " station(s) seeded from loa.radio.stations");
		}
	}

	/** Every station, by organisation and name. */
	public List<RadioStation> all() {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM radio_station ORDER BY organisation, name, id", this::map);
	}

	/** The station with this id, enabled or not. */
	public Optional<RadioStation> find(String id) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM radio_station WHERE id = :id", Map.of("id", id), this::map)
			.stream()
			.findFirst();
	}

	/** The version a change must name: raised by every change. */
	public long version(String id) {
		return this.jdbc.queryForList("SELECT version FROM radio_station WHERE id = :id", Map.of("id", id), Long.class)
			.stream()
			.findFirst()
			.orElse(0L);
	}

	/** The stations of these organisations, enabled or not, by organisation and name. */
	public List<RadioStation> ofOrganisations(Collection<String> organisations) {
		if (organisations.isEmpty()) {
			return List.of();
		}
		return this.jdbc.query(
				"SELECT " + COLUMNS + " FROM radio_station WHERE organisation IN (:organisations) "
						+ "ORDER BY organisation, name, id",
				Map.of("organisations", List.copyOf(organisations)), this::map);
	}

	/**
	 * The enabled stations that read for these organisations: where an item is queued.
	 */
	public List<RadioStation> reading(Collection<String> organisations) {
		return ofOrganisations(organisations).stream().filter(RadioStation::enabled).toList();
	}

	/**
	 * Adds a station.
	 * @throws InvalidStationException naming the field at fault, or a conflict for an id
	 * in use
	 */
	@Transactional
	public RadioStation create(StationForm form, String actor) {
		String id = (form.id() != null) ? form.id().strip() : "";
		if (!ID.matcher(id).matches() || id.length() > 120) {
			throw new InvalidStationException("id", "id",
					"id '" + id + "' must be lower-case letters, digits and dashes", id);
		}
		RadioStation station = checked(id, form, true);
		try {
			insert(station);
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidStationException(true, "id", "id-taken", "there is already a station '" + id + "'", id);
		}
		this.events.publishEvent(new RadioStationChanged(actor, id, null, describe(station)));
		return station;
	}

	/**
	 * Changes a station's name, organisation, slots, reading speed or whether it is
	 * enabled; entries already queued stay where they are.
	 * @param version the version the change was made on, or {@code null} for whatever is
	 * stored
	 * @throws InvalidStationException naming the field at fault; a conflict when another
	 * change passed {@code version}
	 */
	@Transactional
	public RadioStation update(String id, StationForm form, @Nullable Long version, String actor) {
		RadioStation was = find(id)
			.orElseThrow(() -> new InvalidStationException("id", "unknown", "there is no station '" + id + "'", id));
		RadioStation now = checked(id, form.orKeep(was), form.organisation() != null);
		int changed = this.jdbc
			.update("UPDATE radio_station SET organisation = :organisation, name = :name, slots = :slots, "
					+ "syllables_per_minute = :rate, enabled = :enabled, variant = :variant, version = version + 1, "
					+ "updated_at = :now " + "WHERE id = :id" + ((version != null) ? " AND version = :version" : ""),
					parameters(now).addValue("version", version));
		if (changed == 0) {
			throw new InvalidStationException(true, "version", "version",
					"station '" + id + "' was changed by someone else since you opened it", id);
		}
		this.events.publishEvent(new RadioStationChanged(actor, id, describe(was), describe(now)));
		return now;
	}

	private RadioStation checked(String id, StationForm form, boolean organisationGiven) {
		String name = (form.name() != null) ? form.name().strip() : "";
		if (name.isEmpty() || name.length() > 200) {
			throw new InvalidStationException("name", "name", "a station needs a name of at most 200 characters");
		}
		String organisation = (form.organisation() != null && !form.organisation().isBlank())
				? form.organisation().strip() : Organisations.DEFAULT;
		if (organisationGiven && !this.organisations.accepts(organisation)) {
			throw new InvalidStationException("organisation", "organisation",
					"there is no enabled organisation '" + organisation + "'", organisation);
		}
		List<RadioSlot> slots;
		try {
			slots = RadioStation.parseSlots((form.slots() != null) ? form.slots() : "");
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidStationException("slots", "slots", String.valueOf(ex.getMessage()),
					String.valueOf(form.slots()));
		}
		int rate = (form.syllablesPerMinute() != null) ? form.syllablesPerMinute()
				: this.properties.defaults().syllablesPerMinute();
		if (rate < 60 || rate > 600) {
			throw new InvalidStationException("syllablesPerMinute", "rate",
					"a reading speed is 60 to 600 syllables a minute, not " + rate, rate);
		}
		if (slots.isEmpty()) {
			slots = this.properties.defaults().slots();
		}
		Variant variant = null;
		if (form.variant() != null && !form.variant().isBlank()) {
			try {
				variant = Variant.valueOf(form.variant().strip().toUpperCase(java.util.Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidStationException("variant", "variant",
						"a station's variant is north, central or south, not '" + form.variant() + "'", form.variant());
			}
		}
		return new RadioStation(id, name, organisation, slots, rate, form.enabled() == null || form.enabled(), variant);
	}

	private void insert(RadioStation station) {
		this.jdbc
			.update("INSERT INTO radio_station (id, organisation, name, slots, syllables_per_minute, enabled, variant, "
					+ "version, created_at, updated_at) VALUES (:id, :organisation, :name, :slots, :rate, :enabled, "
					+ ":variant, 1, :now, :now)", parameters(station));
	}

	private MapSqlParameterSource parameters(RadioStation station) {
		return new MapSqlParameterSource("id", station.id()).addValue("organisation", station.organisation())
			.addValue("name", station.name())
			.addValue("slots", station.slotsText())
			.addValue("rate", station.syllablesPerMinute())
			.addValue("enabled", station.enabled())
			.addValue("variant", (station.variant() != null) ? station.variant().name() : null)
			.addValue("now", Timestamp.from(this.clock.instant()));
	}

	private RadioStation map(ResultSet rs, int row) throws SQLException {
		return new RadioStation(rs.getString("id"), rs.getString("name"), rs.getString("organisation"),
				RadioStation.parseSlots(rs.getString("slots")), rs.getInt("syllables_per_minute"),
				rs.getBoolean("enabled"),
				(rs.getString("variant") != null) ? Variant.valueOf(rs.getString("variant")) : null);
	}

	private static String describe(RadioStation station) {
		return station.name() + " (" + station.organisation() + "): " + station.slotsText() + ", "
				+ station.syllablesPerMinute() + " syllables/min" + ((station.variant() != null)
						? ", " + station.variant().name().toLowerCase(java.util.Locale.ROOT) : "")
				+ (station.enabled() ? "" : ", disabled");
	}

	/**
	 * A station as the desk's form and the API give it; a part left {@code null} in a
	 * change stays as it is.
	 *
	 * @param id its id (only when adding)
	 * @param name its name
	 * @param organisation the organisation whose items it reads
	 * @param slots its daily slots ({@code 06:00/30, 17:00/30}); blank for the defaults
	 * @param syllablesPerMinute the announcer's reading speed; {@code null} for the
	 * default
	 * @param enabled whether new items are queued for it
	 * @param variant {@code north}, {@code central} or {@code south}; blank for the
	 * installation's
	 */
	public record StationForm(@Nullable String id, @Nullable String name, @Nullable String organisation,
			@Nullable String slots, @Nullable Integer syllablesPerMinute, @Nullable Boolean enabled,
			@Nullable String variant) {

		/** A form in the installation's variant. */
		public StationForm(@Nullable String id, @Nullable String name, @Nullable String organisation,
				@Nullable String slots, @Nullable Integer syllablesPerMinute, @Nullable Boolean enabled) {
			this(id, name, organisation, slots, syllablesPerMinute, enabled, null);
		}

		StationForm orKeep(RadioStation was) {
			Variant kept = was.variant();
			return new StationForm(was.id(), (this.name != null) ? this.name : was.name(),
					(this.organisation != null) ? this.organisation : was.organisation(),
					(this.slots != null) ? this.slots : was.slotsText(),
					(this.syllablesPerMinute != null) ? this.syllablesPerMinute : was.syllablesPerMinute(),
					(this.enabled != null) ? this.enabled : was.enabled(),
					(this.variant != null) ? this.variant : (kept != null) ? kept.name() : null);
		}

	}

}
