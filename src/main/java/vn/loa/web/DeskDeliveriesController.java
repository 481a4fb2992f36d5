package vn.loa.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import vn.loa.accounts.AuditLog;
import vn.loa.channels.email.BulletinDeliveries;
import vn.loa.channels.email.Delivery;
import vn.loa.channels.email.DeliveryStatus;

/**
 * The deliveries' desk: one bulletin's deliveries per recipient with the SMTP reply, and
 * sending the failed ones again.
 */
@Controller
class DeskDeliveriesController {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private final BulletinDeliveries deliveries;

	private final AuditLog audit;

	private final ZoneId zone;

	DeskDeliveriesController(BulletinDeliveries deliveries, AuditLog audit, ZoneId zone) {
		this.deliveries = deliveries;
		this.audit = audit;
		this.zone = zone;
	}

	@GetMapping("/desk/deliveries")
	String deliveries(@RequestParam(required = false) String item, Model model) {
		String itemId = (item != null) ? item.strip() : "";
		List<Delivery> all = itemId.isEmpty() ? List.of() : this.deliveries.forItem(itemId);
		Map<String, Long> counts = new TreeMap<>();
		all.forEach((d) -> counts.merge(d.status().name(), 1L, Long::sum));
		model.addAttribute("item", itemId);
		model.addAttribute("counts", counts);
		model.addAttribute("failed", counts.getOrDefault(DeliveryStatus.FAILED.name(), 0L));
		model.addAttribute("rows", all.stream().map(this::row).toList());
		return "desk-deliveries";
	}

	@PostMapping("/desk/deliveries/resend")
	String resend(@RequestParam String item, RedirectAttributes redirect) {
		int queued = this.deliveries.resendFailed(item);
		if (queued > 0) {
			this.audit.record(Actors.current(), "delivery.resend", "content:" + item, "failed: " + queued,
					"retrying: " + queued);
		}
		redirect.addFlashAttribute("resent", queued);
		return "redirect:"
				+ UriComponentsBuilder.fromPath("/desk/deliveries").queryParam("item", item).encode().toUriString();
	}

	private Row row(Delivery d) {
		return new Row(d.id(), d.itemId(), d.email(), d.status().name(), d.attempts(), d.lastReply(),
				(d.sentAt() != null) ? TIME.format(d.sentAt().atZone(this.zone)) : "");
	}

	/** One delivery as the desk shows it. */
	record Row(long id, String itemId, String email, String status, int attempts, String reply, String sentAt) {

	}

}
