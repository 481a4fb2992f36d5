package vn.loa.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Who may use each endpoint of the application: the table
 * {@link SecurityMatrixIntegrationTests} checks every mapped endpoint against. An
 * endpoint missing here fails that test, so add each new one with the callers it is meant
 * for.
 * <p>
 * The rules, from {@code WebSecurity} and the desk's roles: residents' pages are public;
 * the desk is for editors, approvers and administrators, and so is removing a stored plan
 * (whoever may confirm an imported plan may take a mistaken one back); only approvers and
 * administrators approve; only administrators manage accounts and organisations;
 * announcers open the radio desk and nothing else; only the emergency role opens the
 * emergency page, which nothing else opens; {@code /api/**} needs the bearer token,
 * except the audit log, which a logged-in administrator may read too.
 */
final class EndpointAccess {

	/** Who makes a request. */
	enum Caller {

		/** No session, no token: a resident, or anyone. */
		ANONYMOUS,
		/** A desk session of an announcer. */
		ANNOUNCER,
		/** A desk session of an editor. */
		EDITOR,
		/** A desk session of an approver. */
		APPROVER,
		/** A desk session of an administrator. */
		ADMIN,
		/** A desk session of someone who issues emergency bulletins, and nothing else. */
		EMERGENCY,
		/** No session, the API's bearer token. */
		API_TOKEN

	}

	static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);

	static final Set<Caller> RADIO_DESK = EnumSet.of(Caller.ANNOUNCER, Caller.EDITOR, Caller.APPROVER, Caller.ADMIN);

	static final Set<Caller> DESK = EnumSet.of(Caller.EDITOR, Caller.APPROVER, Caller.ADMIN);

	static final Set<Caller> APPROVERS = EnumSet.of(Caller.APPROVER, Caller.ADMIN);

	static final Set<Caller> ADMINS = EnumSet.of(Caller.ADMIN);

	static final Set<Caller> EMERGENCY_DESK = EnumSet.of(Caller.EMERGENCY);

	static final Set<Caller> API = EnumSet.of(Caller.API_TOKEN);

	static final Set<Caller> API_AND_ADMINS = EnumSet.of(Caller.API_TOKEN, Caller.ADMIN);

	/**
	 * {@code METHOD pattern} as Spring maps it (a mapping that names no method is
	 * {@code * pattern}) to the callers allowed to use it.
	 */
	static final Map<String, Set<Caller>> TABLE = table(
			// Residents' pages and feeds.
			"GET /", EVERYONE, //
			"GET /archive/{year}/{month}", EVERYONE, //
			"GET /p/{id}", EVERYONE, //
			"GET /feed.xml", EVERYONE, //
			"GET /feed.atom", EVERYONE, //
			"GET /o/{organisation}", EVERYONE, //
			"GET /o/{organisation}/", EVERYONE, //
			"GET /o/{id}/calendar.ics", EVERYONE, //
			"GET /o/{organisation}/feed.xml", EVERYONE, //
			"GET /o/{organisation}/feed.atom", EVERYONE, //
			"GET /calendar.ics", EVERYONE, //
			"GET /calendar/plans/{*reference}", EVERYONE, //
			"GET /calendar/organisations/{id}.ics", EVERYONE, //
			"GET /radio", EVERYONE, //
			"GET /subscribe", EVERYONE, //
			"POST /subscribe", EVERYONE, //
			"GET /o/{organisation}/subscribe", EVERYONE, //
			"GET /o/{id}/archive/{year}/{month}", EVERYONE, //
			"POST /o/{organisation}/subscribe", EVERYONE, //
			"GET /subscribe/confirm/{token}", EVERYONE, //
			"POST /subscribe/confirm/{token}", EVERYONE, //
			"GET /unsubscribe/{token}", EVERYONE, //
			"POST /unsubscribe/{token}", EVERYONE, //
			"GET /login", EVERYONE, //
			"* /error", EVERYONE, //
			// The desk.
			"GET /desk", DESK, //
			"GET /desk/calendar", DESK, //
			"GET /desk/content", DESK, //
			"GET /desk/content/new", DESK, //
			"GET /desk/content/{id}/edit", DESK, //
			"GET /desk/content/{id}", DESK, //
			"GET /desk/content/{id}/audio", DESK, //
			"POST /desk/content", DESK, //
			"POST /desk/content/{id}", DESK, //
			"POST /desk/content/{id}/submit", DESK, //
			"POST /desk/content/{id}/approve", APPROVERS, //
			"POST /desk/content/{id}/withdraw", DESK, //
			"GET /desk/content/{id}/correct", DESK, //
			"POST /desk/content/{id}/correct", DESK, //
			"POST /desk/content/{id}/corrections/{seq}/approve", APPROVERS, //
			"POST /desk/content/{id}/corrections/{seq}/refuse", APPROVERS, //
			"POST /desk/calendar/move", DESK, //
			"GET /desk/plans", DESK, //
			"GET /desk/plans/{id}", DESK, //
			"GET /desk/plans/import", DESK, //
			"POST /desk/plans/import", DESK, //
			"GET /desk/plans/import/{draftId}", DESK, //
			"POST /desk/plans/import/{draftId}/confirm", DESK, //
			"GET /desk/plans/{id}/remove", DESK, //
			"POST /desk/plans/{id}/remove", DESK, //
			"GET /desk/subscribers", DESK, //
			"POST /desk/subscribers", DESK, //
			"GET /desk/subscribers/{id}", DESK, //
			"POST /desk/subscribers/import", DESK, //
			"GET /desk/subscribers/export", DESK, //
			"GET /desk/deliveries", DESK, //
			"POST /desk/deliveries/resend", DESK, //
			"GET /desk/emergency", EMERGENCY_DESK, //
			"POST /desk/emergency", EMERGENCY_DESK, //
			"POST /desk/emergency/{id}/approve", EMERGENCY_DESK, //
			"POST /desk/emergency/{id}/refuse", EMERGENCY_DESK, //
			"POST /desk/emergency/{id}/withdraw", EMERGENCY_DESK, //
			"GET /desk/radio", RADIO_DESK, //
			"GET /desk/radio/print", RADIO_DESK, //
			"POST /desk/radio/entries/{id}/aired", RADIO_DESK, //
			"GET /desk/radio/entries/{id}/audio", RADIO_DESK, //
			"GET /desk/radio/export", RADIO_DESK, //
			"POST /desk/radio/entries/{id}/skipped", RADIO_DESK, //
			"GET /desk/accounts", ADMINS, //
			"POST /desk/accounts", ADMINS, //
			"GET /desk/accounts/{username}", ADMINS, //
			"POST /desk/accounts/{username}", ADMINS, //
			"POST /desk/accounts/{username}/disable", ADMINS, //
			"POST /desk/accounts/{username}/enable", ADMINS, //
			"POST /desk/accounts/{username}/password", ADMINS, //
			"GET /desk/audit", ADMINS, //
			"GET /desk/tokens", ADMINS, //
			"POST /desk/tokens", ADMINS, //
			"POST /desk/tokens/{id}/revoke", ADMINS, //
			"GET /desk/organisations", ADMINS, //
			"POST /desk/organisations", ADMINS, //
			"POST /desk/organisations/import", ADMINS, //
			"GET /desk/organisations/{id}", ADMINS, //
			"POST /desk/organisations/{id}", ADMINS, //
			"GET /desk/organisations/{id}/email", ADMINS, //
			"POST /desk/organisations/{id}/email", ADMINS, //
			"GET /desk/stations", ADMINS, //
			"GET /desk/coverage", DESK, //
			"POST /desk/stations", ADMINS, //
			"GET /desk/stations/{id}", ADMINS, //
			"POST /desk/stations/{id}", ADMINS, //
			// The HTTP API.
			"GET /api/content", API, //
			"GET /api/content/{id}", API, //
			"POST /api/content", API, //
			"PUT /api/content/{id}", API, //
			"DELETE /api/content/{id}", API, //
			"GET /api/content/{id}/publication", API, //
			"GET /api/content/{id}/corrections", API, //
			"POST /api/content/{id}/corrections", API, //
			"GET /api/publications", API, //
			"GET /api/coverage", API, //
			"GET /api/organisations/{id}/email", API, //
			"PUT /api/organisations/{id}/email", API, //
			"GET /api/radio/stations", API, //
			"POST /api/radio/stations", API, //
			"GET /api/radio/stations/{id}", API, //
			"PATCH /api/radio/stations/{id}", API, //
			"GET /api/calendar/occurrences", API, //
			"GET /api/calendar/upcoming", API, //
			"GET /api/subscribers", API, //
			"GET /api/subscribers/{id}", API, //
			"POST /api/subscribers", API, //
			"POST /api/subscribers/{id}/confirm", API, //
			"DELETE /api/subscribers/{id}", API, //
			"GET /api/deliveries", API, //
			"GET /api/radio/entries", API, //
			"GET /api/radio/export", API, //
			"POST /api/radio/entries/{id}/aired", API, //
			"POST /api/radio/entries/{id}/skipped", API, //
			"POST /api/plans/imports", API, //
			"GET /api/plans/imports/{id}", API, //
			"POST /api/plans/imports/{id}/confirm", API, //
			"DELETE /api/plans/stored/{id}", API, //
			"GET /api/organisations", API, //
			"GET /api/organisations/{id}", API, //
			"POST /api/organisations", API, //
			"PATCH /api/organisations/{id}", API, //
			"POST /api/organisations/import", API, //
			"GET /api/audit", API_AND_ADMINS);

	/**
	 * Writes of the pages that need no CSRF token, each for its reason: a signed link
	 * authenticates itself (and RFC 8058 one-click unsubscribe comes from a mail client
	 * that has no token), and the error page changes nothing.
	 */
	static final Map<String, String> CSRF_EXEMPT = Map.of( //
			"POST /unsubscribe/{token}", "signed link, RFC 8058 one-click", //
			"POST /subscribe/confirm/{token}", "signed link", //
			"* /error", "error page");

	private EndpointAccess() {
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Set<Caller>> table(Object... keysAndCallers) {
		Map<String, Set<Caller>> table = new LinkedHashMap<>();
		for (int i = 0; i < keysAndCallers.length; i += 2) {
			String key = (String) keysAndCallers[i];
			if (table.put(key, (Set<Caller>) keysAndCallers[i + 1]) != null) {
				throw new IllegalStateException("EndpointAccess.TABLE lists " + key + " twice");
			}
		}
		return table;
	}

}
