package vn.loa.channels.email;

import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import vn.loa.content.ContentItem;
import vn.loa.content.ContentCatalog;
import vn.loa.organisations.Scope;

/**
 * The deliveries' desk: the recent bulletins with their deliveries counted by status, one
 * bulletin's deliveries per recipient with the SMTP reply, and sending the failed ones
 * again.
 */
@Controller
class DeskDeliveriesController {

	static final int PAGE_SIZE = 20;

	/**
	 * The deepest page asked for: far beyond any outbox, and no overflow of the offset.
	 */
	static final int MAX_PAGE = 1_000_000;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private final BulletinDeliveries deliveries;

	private final ContentCatalog contents;

	private final ZoneId zone;

	private final ScopedDeliveries scoped;

	DeskDeliveriesController(BulletinDeliveries deliveries, ContentCatalog contents, ZoneId zone,
			ScopedDeliveries scoped) {
		this.scoped = scoped;
		this.deliveries = deliveries;
		this.contents = contents;
		this.zone = zone;
	}

	@GetMapping("/desk/deliveries")
	String deliveries(@RequestParam(required = false) @Nullable String item, @RequestParam(defaultValue = "1") int page,
			Model model, Scope scope) {
		String itemId = (item != null) ? item.strip() : "";
		model.addAttribute("item", itemId);
		if (itemId.isEmpty()) {
			return recent(page, model, scope);
		}
		List<Delivery> all = this.scoped.forItem(scope, itemId);
		Map<String, Long> counts = new TreeMap<>();
		all.forEach((d) -> counts.merge(d.status().name(), 1L, Long::sum));
		model.addAttribute("itemTitle", this.contents.find(itemId).map(ContentItem::title).orElse(null));
		model.addAttribute("counts", counts);
		model.addAttribute("failed", counts.getOrDefault(DeliveryStatus.FAILED.name(), 0L));
		model.addAttribute("rows", all.stream().map(this::row).toList());
		return "desk-deliveries";
	}

	@PostMapping("/desk/deliveries/resend")
	String resend(@RequestParam String item, Principal editor, RedirectAttributes redirect, Scope scope) {
		this.scoped.forItem(scope, item);
		int queued = this.deliveries.resendFailed(item, this.scoped.reach(scope), editor.getName());
		redirect.addFlashAttribute("resent", queued);
		return "redirect:"
				+ UriComponentsBuilder.fromPath("/desk/deliveries").queryParam("item", item).encode().toUriString();
	}

	/**
	 * One page of the recent bulletins with deliveries to the caller's subscribers; one
	 * more than a page is read to know whether an older page exists.
	 */
	private String recent(int page, Model model, Scope scope) {
		if (page < 1) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page must be 1 or more, not " + page);
		}
		if (page > MAX_PAGE) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page must be at most " + MAX_PAGE);
		}
		List<Bulletin> found = this.deliveries.recent((page - 1) * PAGE_SIZE, PAGE_SIZE + 1, this.scoped.reach(scope));
		List<Bulletin> onPage = found.subList(0, Math.min(found.size(), PAGE_SIZE));
		List<ContentItem> items = this.contents.findAll(onPage.stream().map(Bulletin::itemId).toList());
		Map<String, String> titles = items.stream().collect(Collectors.toMap(ContentItem::id, ContentItem::title));
		model.addAttribute("bulletins",
				onPage.stream()
					.map((b) -> new BulletinRow(b.itemId(), titles.get(b.itemId()), format(b.queuedAt()), b.sent(),
							b.retrying(), b.pending(), b.failed(), b.cancelled()))
					.toList());
		model.addAttribute("page", page);
		model.addAttribute("older", (found.size() > PAGE_SIZE) ? page + 1 : null);
		model.addAttribute("newer", (page > 1) ? page - 1 : null);
		return "desk-deliveries";
	}

	private Row row(Delivery d) {
		return new Row(d.id(), d.itemId(), d.email(), d.status().name(), d.attempts(), d.lastReply(),
				format(d.sentAt()));
	}

	private String format(@Nullable Instant instant) {
		return (instant != null) ? TIME.format(instant.atZone(this.zone)) : "";
	}

	/** One delivery as the desk shows it. */
	record Row(long id, String itemId, @Nullable String email, String status, int attempts, @Nullable String reply,
			@Nullable String sentAt) {

	}

	/**
	 * A bulletin in the recent list: its item (title, or {@code null} when the item is
	 * gone), when it went out and its deliveries by status.
	 */
	record BulletinRow(String itemId, @Nullable String title, String publishedAt, int sent, int retrying, int pending,
			int failed, int cancelled) {

	}

}
