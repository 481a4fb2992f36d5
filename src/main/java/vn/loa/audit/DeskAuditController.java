package vn.loa.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log for administrators, read only: newest first, {@value #PAGE_SIZE} to a
 * page, filtered by actor, action, subject text and a range of days in the configured
 * zone.
 */
@Controller
class DeskAuditController {

	static final int PAGE_SIZE = 50;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int SHORT_TEXT = 80;

	private final AuditLog audit;

	private final ZoneId zone;

	DeskAuditController(AuditLog audit, ZoneId zone) {
		this.audit = audit;
		this.zone = zone;
	}

	@GetMapping("/desk/audit")
	String audit(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String action,
			@RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "1") int page, Model model,
			HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate first = day("from", from, errors);
		LocalDate last = day("to", to, errors);
		if (first != null && last != null && last.isBefore(first)) {
			errors.put("to", "audit.error.order");
		}
		model.addAttribute("actors", this.audit.actors());
		model.addAttribute("actions", this.audit.actions());
		model.addAttribute("filter",
				new Typed(actor.strip(), action.strip(), subject.strip(), from.strip(), to.strip()));
		model.addAttribute("errors", errors);
		if (!errors.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("entries", List.of());
			model.addAttribute("result", new AuditLog.Page(List.of(), 1, 1, 0));
			return "desk-audit";
		}
		Instant since = (first != null) ? first.atStartOfDay(this.zone).toInstant() : null;
		Instant until = (last != null) ? last.plusDays(1).atStartOfDay(this.zone).toInstant() : null;
		AuditLog.Page result = this.audit.search(new AuditLog.Filter(actor, action, subject, since, until), page,
				PAGE_SIZE);
		model.addAttribute("result", result);
		model.addAttribute("entries", result.entries().stream().map(this::row).toList());
		model.addAttribute("previous",
				(result.page() > 1) ? link(actor, action, subject, from, to, result.page() - 1) : null);
		model.addAttribute("next",
				(result.page() < result.pages()) ? link(actor, action, subject, from, to, result.page() + 1) : null);
		return "desk-audit";
	}

	private static @Nullable LocalDate day(String field, String text, Map<String, String> errors) {
		if (text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip(), DAY);
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "audit.error.date");
			return null;
		}
	}

	/**
	 * The address of another page with the same filters, each value form-encoded: a
	 * {@code +} in a subject must not come back as a space.
	 */
	private static String link(String actor, String action, String subject, String from, String to, int page) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("actor", actor);
		params.put("action", action);
		params.put("subject", subject);
		params.put("from", from);
		params.put("to", to);
		StringJoiner query = new StringJoiner("&", "/desk/audit?", "");
		params.forEach((name, value) -> {
			if (!value.isBlank()) {
				query.add(name + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
			}
		});
		return query.add("page=" + page).toString();
	}

	private Row row(AuditEntry entry) {
		return new Row(TIME.format(entry.at().atZone(this.zone)), entry.actor(), entry.action(), entry.subject(),
				entry.before(), entry.after(), summary(entry.before(), entry.after()));
	}

	/**
	 * What changed, in one line: the fields whose values differ when both states are JSON
	 * objects, otherwise the start of the state after (or before).
	 */
	static String summary(@Nullable String before, @Nullable String after) {
		JsonNode old = object(before);
		JsonNode now = object(after);
		if (old != null && now != null) {
			List<String> changes = new ArrayList<>();
			for (String name : now.propertyNames()) {
				JsonNode was = old.get(name);
				if (!Objects.equals(was, now.get(name))) {
					changes.add(name + ": " + text(was) + " → " + text(now.get(name)));
				}
			}
			for (String name : old.propertyNames()) {
				if (!now.has(name)) {
					changes.add(name + ": " + text(old.get(name)) + " → –");
				}
			}
			return changes.isEmpty() ? "" : shorten(String.join("; ", changes));
		}
		String shown = (after != null) ? after : before;
		return (shown != null) ? shorten(shown) : "";
	}

	private static @Nullable JsonNode object(@Nullable String state) {
		if (state == null || !state.strip().startsWith("{")) {
			return null;
		}
		try {
			JsonNode node = JSON.readTree(state);
			return node.isObject() ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String text(JsonNode node) {
		if (node == null || node.isNull()) {
			return "–";
		}
		return node.isValueNode() ? node.asString() : node.toString();
	}

	private static String shorten(String text) {
		return (text.length() <= SHORT_TEXT * 2) ? text : text.substring(0, SHORT_TEXT * 2 - 1) + "…";
	}

	/** The filter as typed, shown back in the form. */
	record Typed(String actor, String action, String subject, String from, String to) {

	}

	/** One entry as the page shows it; the times are in the configured zone. */
	record Row(String at, String actor, String action, String subject, @Nullable String before, @Nullable String after,
			String summary) {

	}

}
