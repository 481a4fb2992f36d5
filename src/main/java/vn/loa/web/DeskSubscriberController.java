package vn.loa.web;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import vn.loa.channels.email.BulletinDeliveries;
import vn.loa.channels.email.Delivery;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentCatalog;
import vn.loa.organisations.Organisations;
import vn.loa.subscribers.InvalidSubscriberException;
import vn.loa.subscribers.Subscriber;
import vn.loa.subscribers.SubscriberStatus;
import vn.loa.subscribers.Subscribers;
import vn.loa.web.security.CallerScope;

/**
 * The subscribers' desk: the list with search and a status filter, adding one, importing
 * and exporting CSV, and what was sent to each.
 */
@Controller
class DeskSubscriberController {

	static final long MAX_IMPORT_BYTES = 2 * 1024 * 1024;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private final Subscribers subscribers;

	private final BulletinDeliveries deliveries;

	private final ContentCatalog contents;

	private final ZoneId zone;

	private final ErrorMessages errors;

	private final Organisations organisations;

	DeskSubscriberController(Subscribers subscribers, BulletinDeliveries deliveries, ContentCatalog contents,
			ZoneId zone, ErrorMessages errors, Organisations organisations) {
		this.organisations = organisations;
		this.subscribers = subscribers;
		this.deliveries = deliveries;
		this.contents = contents;
		this.zone = zone;
		this.errors = errors;
	}

	@GetMapping("/desk/subscribers")
	String list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String status, Model model) {
		String search = (q != null) ? q.strip().toLowerCase(Locale.ROOT) : "";
		SubscriberStatus wanted = filter(status);
		model.addAttribute("q", search);
		model.addAttribute("status", (wanted != null) ? wanted.name() : "");
		model.addAttribute("statuses", SubscriberStatus.values());
		model.addAttribute("subscribers",
				this.subscribers.list(null, wanted)
					.stream()
					.filter((s) -> this.organisations.covers(CallerScope.current(), s.organisation()))
					.filter((s) -> search.isEmpty() || s.email().toLowerCase(Locale.ROOT).contains(search)
							|| s.name().toLowerCase(Locale.ROOT).contains(search))
					.toList());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new Form("", "", "PENDING"));
		}
		return "desk-subscribers";
	}

	@PostMapping("/desk/subscribers")
	String add(@ModelAttribute("form") Form form, Model model, HttpServletResponse response) {
		try {
			Subscriber added = this.subscribers.add(CallerScope.current().organisationOr(Organisations.DEFAULT),
					form.email(), form.name(), parse(form.status()), Actors.current());
			return "redirect:/desk/subscribers/" + added.id();
		}
		catch (InvalidSubscriberException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", ex.field());
			model.addAttribute("errorText", this.errors.of(ex));
			return list(null, null, model);
		}
	}

	@GetMapping("/desk/subscribers/{id}")
	String subscriber(@PathVariable long id, Model model) {
		Subscriber subscriber = this.subscribers.find(id)
			.filter((found) -> this.organisations.covers(CallerScope.current(), found.organisation()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no subscriber " + id));
		model.addAttribute("subscriber", subscriber);
		List<Delivery> history = this.deliveries.forSubscriber(id);
		Map<String, String> titles = this.contents.findAll(history.stream().map(Delivery::itemId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(ContentItem::id, ContentItem::title));
		model.addAttribute("deliveries",
				history.stream()
					.map((d) -> new Sent(d.itemId(), titles.get(d.itemId()), d.status().name(), d.attempts(),
							format(d.lastAttemptAt()), format(d.sentAt()), d.lastReply()))
					.toList());
		return "desk-subscribers-detail";
	}

	@PostMapping("/desk/subscribers/import")
	String importCsv(@RequestParam("file") MultipartFile file, Model model) throws IOException {
		model.addAttribute("statuses", SubscriberStatus.values());
		model.addAttribute("form", new Form("", "", "PENDING"));
		if (file.getSize() > MAX_IMPORT_BYTES) {
			model.addAttribute("importError", "desksub.import.tooLarge");
			return list(null, null, model);
		}
		DeskSubscriberCsv.Parsed parsed;
		try {
			parsed = DeskSubscriberCsv.read(file.getBytes());
		}
		catch (DeskSubscriberCsv.Unreadable ex) {
			model.addAttribute("importError", "desksub.import.unreadable");
			model.addAttribute("importDetail", this.errors.text(ex.error.code, ex.arguments, ex.getMessage()));
			return list(null, null, model);
		}
		List<Refusal> problems = new ArrayList<>(parsed.problems()
			.stream()
			.map((p) -> new Refusal(p.line(), this.errors.text(p.code(), p.arguments(), p.message())))
			.toList());
		Subscribers.Imported imported = this.subscribers.importAll(
				CallerScope.current().organisationOr(Organisations.DEFAULT),
				parsed.rows()
					.stream()
					.map((row) -> new Subscribers.NewSubscriber(row.line(), row.email(), row.name(), row.status()))
					.toList(),
				problems.size(), Actors.current());
		imported.refused()
			.forEach((refused) -> problems.add(new Refusal(refused.line(), this.errors.of(refused.reason()))));
		problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
		int added = imported.added();
		int duplicates = imported.duplicates();
		model.addAttribute("imported", new Imported(added, duplicates, problems));
		return list(null, null, model);
	}

	@GetMapping("/desk/subscribers/export")
	ResponseEntity<byte[]> exportCsv(@RequestParam(required = false) @Nullable String status) {
		String csv = DeskSubscriberCsv.write(this.subscribers.list(null, filter(status))
			.stream()
			.filter((s) -> this.organisations.covers(CallerScope.current(), s.organisation()))
			.toList());
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"subscribers.csv\"")
			.body(csv.getBytes(StandardCharsets.UTF_8));
	}

	private String format(@Nullable Instant instant) {
		return (instant != null) ? TIME.format(instant.atZone(this.zone)) : "";
	}

	/** A status to filter by; an unknown one filters nothing rather than failing. */
	private static @Nullable SubscriberStatus filter(@Nullable String status) {
		try {
			return parse(status);
		}
		catch (InvalidSubscriberException ex) {
			return null;
		}
	}

	private static @Nullable SubscriberStatus parse(@Nullable String status) {
		return (status != null && !status.isBlank()) ? SubscriberStatus.parse(status) : null;
	}

	/**
	 * A bulletin sent (or to be sent) to the subscriber: its item (title, or {@code null}
	 * when the item is gone) and how the delivery stands.
	 */
	record Sent(String itemId, @Nullable String title, String status, int attempts, @Nullable String attemptedAt,
			@Nullable String sentAt, @Nullable String reply) {

	}

	/** The add form as typed. */
	record Form(String email, String name, String status) {

	}

	/** What an import did. */
	record Imported(int added, int duplicates, List<Refusal> problems) {

	}

	/** A line of an upload that was not imported, and why, in the page's language. */
	record Refusal(int line, String message) {

	}

}
