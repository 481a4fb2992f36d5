package vn.loa.emergency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.loa.content.ContentActor;
import vn.loa.content.ContentDraft;
import vn.loa.content.ContentWorkflow;
import vn.loa.content.InvalidContentException;
import vn.loa.content.Outlet;
import vn.loa.organisations.Audience;
import vn.loa.organisations.Organisations;
import vn.loa.organisations.OutsideScopeException;
import vn.loa.organisations.Scope;
import vn.loa.text.PlainText;

/**
 * Issues emergency bulletins: checks the request, records it, and hands the bulletin to
 * the content workflow as an item due now with {@code EMERGENCY} priority, which the
 * publisher sends out at once on every outlet it names. Where
 * {@code loa.emergency.second-approval} is on, a bulletin waits for another person with
 * the emergency role to approve it. Channels read its terms (repeat and expiry) here.
 */
@Service
public class EmergencyBulletins {

	/** The shortest interval between radio readings. */
	static final int MIN_REPEAT_MINUTES = 5;

	/** The longest a bulletin stays on air. */
	static final int MAX_HOURS = 72;

	private static final String COLUMNS = "id, organisation, audience, title, body, outlets, repeat_minutes, "
			+ "expires_at, status, requested_by, requested_at, decided_by, decided_at";

	private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm", Locale.ROOT);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

	private final NamedParameterJdbcTemplate jdbc;

	private final ContentWorkflow workflow;

	private final Organisations organisations;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId zone;

	private final boolean secondApproval;

	EmergencyBulletins(NamedParameterJdbcTemplate jdbc, ContentWorkflow workflow, Organisations organisations,
			ApplicationEventPublisher events, Clock clock, ZoneId zone,
			@Value("${loa.emergency.second-approval:false}") boolean secondApproval) {
		this.jdbc = jdbc;
		this.workflow = workflow;
		this.organisations = organisations;
		this.events = events;
		this.clock = clock;
		this.zone = zone;
		this.secondApproval = secondApproval;
	}

	/** Whether a second person must approve a bulletin before it goes out. */
	public boolean secondApproval() {
		return this.secondApproval;
	}

	/**
	 * Issues a bulletin now, or, where a second approval is asked, records it to wait for
	 * one.
	 * @param username who issues it (holding the emergency role)
	 * @param scope the organisations they act for
	 * @throws InvalidEmergencyException naming the field at fault
	 */
	@Transactional
	public EmergencyBulletin issue(EmergencyRequest request, String username, Scope scope) {
		EmergencyBulletin bulletin = checked(request, username, scope);
		insert(bulletin);
		if (bulletin.status() == EmergencyStatus.AWAITING) {
			announce(username, "emergency.request", null, bulletin);
			return bulletin;
		}
		publish(bulletin, username);
		announce(username, "emergency.issue", null, bulletin);
		return find(bulletin.id()).orElseThrow();
	}

	/**
	 * Approves a waiting bulletin, which then goes out at once; its expiry counts from
	 * now.
	 * @throws InvalidEmergencyException when it is not waiting, or the approver is the
	 * one who asked
	 */
	@Transactional
	public EmergencyBulletin approve(String id, String username, Scope scope) {
		EmergencyBulletin before = reachable(id, scope);
		if (before.status() != EmergencyStatus.AWAITING) {
			throw new InvalidEmergencyException("status", "notAwaiting",
					"bulletin '" + id + "' is " + before.status().key() + ", not awaiting approval", id);
		}
		if (before.requestedBy().equals(username)) {
			throw new InvalidEmergencyException("status", "ownRequest",
					"a second person approves an emergency bulletin, not the one who asked for it", id);
		}
		Instant now = this.clock.instant();
		Duration onAir = Duration.between(before.requestedAt(), before.expiresAt());
		Instant expires = now.plus(onAir);
		if (this.jdbc.update(
				"UPDATE emergency_bulletin SET status = 'ISSUED', decided_by = :user, decided_at = :now, "
						+ "expires_at = :expires WHERE id = :id AND status = 'AWAITING'",
				new MapSqlParameterSource("id", id).addValue("user", username)
					.addValue("now", Timestamp.from(now))
					.addValue("expires", Timestamp.from(expires))) != 1) {
			throw new InvalidEmergencyException("status", "notAwaiting", "bulletin '" + id + "' was decided meanwhile",
					id);
		}
		EmergencyBulletin after = find(id).orElseThrow();
		publish(after, username);
		announce(username, "emergency.approve", before, after);
		return after;
	}

	/** Refuses a waiting bulletin: it never goes out. */
	@Transactional
	public EmergencyBulletin refuse(String id, String username, Scope scope) {
		EmergencyBulletin before = reachable(id, scope);
		if (!decide(id, EmergencyStatus.AWAITING, EmergencyStatus.REFUSED, username)) {
			throw new InvalidEmergencyException("status", "notAwaiting",
					"bulletin '" + id + "' is " + before.status().key() + ", not awaiting approval", id);
		}
		EmergencyBulletin after = find(id).orElseThrow();
		announce(username, "emergency.refuse", before, after);
		return after;
	}

	/**
	 * Withdraws an issued bulletin: its radio repeats end, its unsent e-mail is
	 * cancelled, it leaves the feeds.
	 */
	@Transactional
	public EmergencyBulletin withdraw(String id, String username, Scope scope) {
		EmergencyBulletin before = reachable(id, scope);
		if (!decide(id, EmergencyStatus.ISSUED, EmergencyStatus.WITHDRAWN, username)) {
			throw new InvalidEmergencyException("status", "notIssued",
					"bulletin '" + id + "' is " + before.status().key() + ", not issued", id);
		}
		this.workflow.withdraw(id, new ContentActor(username, true, true));
		EmergencyBulletin after = find(id).orElseThrow();
		announce(username, "emergency.withdraw", before, after);
		return after;
	}

	/** The bulletins issued or asked for within {@code scope}, newest first. */
	public List<EmergencyBulletin> recent(Scope scope, int limit) {
		List<String> reach = this.organisations.reach(scope);
		return this.jdbc.query(
				"SELECT " + COLUMNS + " FROM emergency_bulletin"
						+ ((reach != null) ? " WHERE organisation IN (:reach)" : "")
						+ " ORDER BY requested_at DESC, id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
				(reach != null) ? Map.of("reach", reach) : Map.of(), this::mapRow);
	}

	public Optional<EmergencyBulletin> find(String id) {
		return this.jdbc
			.query("SELECT " + COLUMNS + " FROM emergency_bulletin WHERE id = :id", Map.of("id", id), this::mapRow)
			.stream()
			.findFirst();
	}

	/** The terms of those of these items that are issued emergency bulletins, by id. */
	public Map<String, EmergencyTerms> terms(Collection<String> itemIds) {
		Map<String, EmergencyTerms> terms = new HashMap<>();
		if (!itemIds.isEmpty()) {
			this.jdbc
				.query("SELECT " + COLUMNS + " FROM emergency_bulletin WHERE id IN (:ids)",
						Map.of("ids", List.copyOf(itemIds)), this::mapRow)
				.forEach((bulletin) -> terms.put(bulletin.id(), bulletin.terms()));
		}
		return terms;
	}

	private EmergencyBulletin reachable(String id, Scope scope) {
		return find(id).filter((bulletin) -> this.organisations.covers(scope, bulletin.organisation()))
			.orElseThrow(
					() -> new InvalidEmergencyException("id", "unknown", "no emergency bulletin '" + id + "'", id));
	}

	private EmergencyBulletin checked(EmergencyRequest request, String username, Scope scope) {
		String title = oneLine(request.title());
		if (title.isEmpty()) {
			throw new InvalidEmergencyException("title", "titleRequired", "an emergency bulletin needs a title");
		}
		if (title.length() > 200) {
			throw new InvalidEmergencyException("title", "titleLong", "the title is longer than 200 characters", 200);
		}
		String body = (request.body() != null) ? PlainText.normalise(request.body()).strip() : "";
		if (body.isEmpty()) {
			throw new InvalidEmergencyException("body", "bodyRequired",
					"an emergency bulletin needs the text to publish and read on air");
		}
		if (body.length() > 20_000) {
			throw new InvalidEmergencyException("body", "bodyLong", "the text is longer than 20,000 characters",
					20_000);
		}
		String organisation;
		try {
			organisation = this.organisations.ownerFor(scope, oneLine(request.organisation()));
		}
		catch (OutsideScopeException ex) {
			organisation = oneLine(request.organisation());
		}
		if (!this.organisations.accepts(organisation) || !this.organisations.covers(scope, organisation)) {
			throw new InvalidEmergencyException("organisation", "organisationUnknown",
					"unknown organisation '" + organisation + "'", organisation);
		}
		String reach = oneLine(request.audience()).toLowerCase(Locale.ROOT);
		String audience = switch (reach) {
			case "", "all" -> "all";
			case "own" -> "own";
			case "chosen" -> {
				List<String> chosen = Arrays.stream(oneLine(request.chosen()).split("[,;\\s]+"))
					.filter((id) -> !id.isBlank())
					.distinct()
					.toList();
				if (chosen.isEmpty()) {
					throw new InvalidEmergencyException("chosen", "chosenNone",
							"name the organisations the bulletin goes to");
				}
				List<String> outside = this.organisations.outsideOf(organisation, Audience.parse(chosen));
				if (!outside.isEmpty()) {
					throw new InvalidEmergencyException("chosen", "chosenOutside",
							"'" + outside.get(0) + "' is not an organisation within '" + organisation + "'",
							outside.get(0), organisation);
				}
				yield Audience.parse(chosen).key();
			}
			default -> throw new InvalidEmergencyException("audience", "audienceUnknown",
					"the audience is own, all or chosen, not '" + reach + "'", reach);
		};
		List<String> outlets = (request.outlets() == null || request.outlets().isEmpty())
				? Arrays.stream(Outlet.values()).map(Outlet::key).sorted().toList()
				: request.outlets()
					.stream()
					.map((o) -> o.strip().toLowerCase(Locale.ROOT))
					.distinct()
					.sorted()
					.toList();
		for (String outlet : outlets) {
			try {
				Outlet.parse(outlet);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidEmergencyException("outlets", "outletUnknown", "there is no outlet '" + outlet + "'",
						outlet);
			}
		}
		Integer repeat = request.repeatMinutes();
		if (repeat != null && repeat == 0) {
			repeat = null;
		}
		if (repeat != null && (repeat < MIN_REPEAT_MINUTES || repeat > 24 * 60)) {
			throw new InvalidEmergencyException("repeatMinutes", "repeatRange",
					"repeat every " + MIN_REPEAT_MINUTES + " to 1440 minutes, or 0 to read it once",
					MIN_REPEAT_MINUTES);
		}
		int hours = (request.hours() != null) ? request.hours() : 3;
		if (hours < 1 || hours > MAX_HOURS) {
			throw new InvalidEmergencyException("hours", "hoursRange",
					"an emergency bulletin stays on air 1 to " + MAX_HOURS + " hours", MAX_HOURS);
		}
		Instant now = this.clock.instant();
		String id = "khan-cap-" + LocalDateTime.ofInstant(now, this.zone).format(ID_TIME) + "-"
				+ HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt(1 << 16));
		return new EmergencyBulletin(id, organisation, audience, title, body, outlets, repeat,
				now.plus(Duration.ofHours(hours)),
				this.secondApproval ? EmergencyStatus.AWAITING : EmergencyStatus.ISSUED, username, now, null, null);
	}

	/** Hands the bulletin to the content workflow, due now. */
	private void publish(EmergencyBulletin bulletin, String username) {
		String when = LocalDateTime.ofInstant(this.clock.instant(), this.zone).format(WHEN);
		ContentDraft draft = new ContentDraft(bulletin.id(), bulletin.title(), "", bulletin.body(), null,
				bulletin.outlets(), when, null, bulletin.organisation(), "scheduled", List.of(bulletin.audience()),
				"emergency");
		try {
			this.workflow.issueEmergency(draft, bulletin.id(), username);
		}
		catch (InvalidContentException ex) {
			throw new InvalidEmergencyException(ex.field(), "content", String.valueOf(ex.getMessage()),
					String.valueOf(ex.getMessage()));
		}
	}

	private void insert(EmergencyBulletin bulletin) {
		this.jdbc.update(
				"INSERT INTO emergency_bulletin (" + COLUMNS + ") VALUES (:id, :organisation, :audience, "
						+ ":title, :body, :outlets, :repeat, :expires, :status, :by, :at, NULL, NULL)",
				new MapSqlParameterSource("id", bulletin.id()).addValue("organisation", bulletin.organisation())
					.addValue("audience", bulletin.audience())
					.addValue("title", bulletin.title())
					.addValue("body", bulletin.body())
					.addValue("outlets", String.join(",", bulletin.outlets()))
					.addValue("repeat", bulletin.repeatMinutes())
					.addValue("expires", Timestamp.from(bulletin.expiresAt()))
					.addValue("status", bulletin.status().name())
					.addValue("by", bulletin.requestedBy())
					.addValue("at", Timestamp.from(bulletin.requestedAt())));
	}

	private boolean decide(String id, EmergencyStatus from, EmergencyStatus to, String username) {
		return this.jdbc.update(
				"UPDATE emergency_bulletin SET status = :to, decided_by = :user, decided_at = :now "
						+ "WHERE id = :id AND status = :from",
				new MapSqlParameterSource("id", id).addValue("from", from.name())
					.addValue("to", to.name())
					.addValue("user", username)
					.addValue("now", Timestamp.from(this.clock.instant()))) == 1;
	}

	private void announce(String actor, String action, @Nullable EmergencyBulletin before, EmergencyBulletin after) {
		this.events.publishEvent(new EmergencyChanged(actor, action, after.id(),
				(before != null) ? describe(before) : null, describe(after)));
	}

	/** What the audit log keeps: no text, only what was decided. */
	private static String describe(EmergencyBulletin bulletin) {
		return "status=" + bulletin.status().key() + ", organisation=" + bulletin.organisation() + ", audience="
				+ bulletin.audience() + ", outlets=" + String.join(",", bulletin.outlets()) + ", repeatMinutes="
				+ bulletin.repeatMinutes() + ", expiresAt=" + bulletin.expiresAt() + ", title=" + bulletin.title();
	}

	private static String oneLine(@Nullable String text) {
		return (text != null) ? PlainText.normaliseLine(text).strip() : "";
	}

	private EmergencyBulletin mapRow(ResultSet rs, int row) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new EmergencyBulletin(rs.getString("id"), rs.getString("organisation"), rs.getString("audience"),
				rs.getString("title"), rs.getString("body"), List.of(rs.getString("outlets").split(",")),
				(Integer) rs.getObject("repeat_minutes"), rs.getTimestamp("expires_at").toInstant(),
				EmergencyStatus.valueOf(rs.getString("status")), rs.getString("requested_by"),
				rs.getTimestamp("requested_at").toInstant(), rs.getString("decided_by"),
				(decided != null) ? decided.toInstant() : null);
	}

}
