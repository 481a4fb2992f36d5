package vn.loa.web;

import java.time.ZoneId;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loa.calendar.StoredPlan;
import vn.loa.organisations.Scope;
import vn.loa.content.PlanRemoval;

/**
 * Removing a stored plan at the desk: a page that says what will happen (the file plan
 * that comes back, the content that keeps the plan from going), and the form that does
 * it. Only plans confirmed at run time; a shipped plan has neither.
 */
@Controller
class DeskPlanRemovalController {

	private final PlanRemoval removal;

	private final MessageSource messages;

	private final ZoneId zone;

	private final ScopedPlans scoped;

	DeskPlanRemovalController(PlanRemoval removal, MessageSource messages, ZoneId zone, ScopedPlans scoped) {
		this.scoped = scoped;
		this.removal = removal;
		this.messages = messages;
		this.zone = zone;
	}

	@GetMapping("/desk/plans/{id}/remove")
	String confirmation(@PathVariable String id, Model model, Scope scope) {
		this.scoped.requireOwn(scope, id);
		PlanRemoval.Preview preview = this.removal.preview(id).orElseThrow(() -> notStored(id));
		show(preview, model);
		return "desk-plan-remove";
	}

	@PostMapping("/desk/plans/{id}/remove")
	String remove(@PathVariable String id, Model model, HttpServletResponse response, Locale locale,
			RedirectAttributes redirect, Scope scope) {
		this.scoped.requireOwn(scope, id);
		try {
			PlanRemoval.Preview removed = this.removal.remove(id, Actors.current());
			redirect.addFlashAttribute("removed", removed.stored().planId());
			redirect.addFlashAttribute("shippedBack", removed.shippedComesBack());
			return removed.shippedComesBack() ? "redirect:/desk/plans/" + removed.stored().planId()
					: "redirect:/desk/plans";
		}
		catch (PlanRemoval.NotStoredException ex) {
			throw notStored(id);
		}
		catch (PlanRemoval.PlanInUseException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			show(ex.preview(), model);
			model.addAttribute("conflict", ex.preview().inUse(this.messages, locale));
			return "desk-plan-remove";
		}
		catch (PlanRemoval.ChangedMeanwhileException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			show(ex.preview(), model);
			model.addAttribute("conflict", this.messages.getMessage("deskplan.remove.meanwhile",
					new Object[] { ex.preview().stored().planId() }, locale));
			return "desk-plan-remove";
		}
	}

	private void show(PlanRemoval.Preview preview, Model model) {
		StoredPlan stored = preview.stored();
		model.addAttribute("plan", preview.plan());
		model.addAttribute("stored", stored);
		model.addAttribute("storedAt", DeskPlanDetail.format(stored.storedAt(), this.zone));
		model.addAttribute("shippedComesBack", preview.shippedComesBack());
		model.addAttribute("blocking", preview.blocking());
	}

	private static ResponseStatusException notStored(String id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND,
				"no stored plan " + id + "; plans of calendar/ change by deploying");
	}

}
