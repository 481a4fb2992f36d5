package vn.loa.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import vn.loa.content.ContentActor;
import vn.loa.content.ContentCorrections;
import vn.loa.content.ContentItem;
import vn.loa.content.CorrectionDraft;
import vn.loa.content.InvalidContentException;
import vn.loa.content.Outlet;
import vn.loa.content.ReviewRefusedException;
import vn.loa.web.security.CallerScope;

/**
 * Corrections (đính chính) at the desk: an editor writes the corrected text of an item
 * that went out with a note saying what changed, and an approver other than the editor
 * applies or refuses it on the item's page.
 */
@Controller
class DeskCorrectionsController {

	private final ContentCorrections corrections;

	private final ScopedContent scoped;

	private final ErrorMessages errors;

	DeskCorrectionsController(ContentCorrections corrections, ScopedContent scoped, ErrorMessages errors) {
		this.corrections = corrections;
		this.scoped = scoped;
		this.errors = errors;
	}

	@GetMapping("/desk/content/{id}/correct")
	String form(@PathVariable String id, Model model) {
		ContentItem item = item(id);
		CorrectionForm form = new CorrectionForm(item.title(), item.summary(), item.body(),
				(item.radioScript() != null) ? item.radioScript() : "", "", null);
		return page(model, item, form, Map.of(), null);
	}

	@PostMapping("/desk/content/{id}/correct")
	String propose(@PathVariable String id, @ModelAttribute CorrectionForm form, Model model,
			HttpServletResponse response) {
		ContentItem item = item(id);
		try {
			this.corrections.propose(id, form.draft(), actor());
		}
		catch (InvalidContentException ex) {
			response.setStatus(ex.isConflict() ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
			boolean field = CorrectionForm.FIELDS.contains(ex.field());
			return page(model, item, form, field ? Map.of(ex.field(), this.errors.of(ex)) : Map.of(),
					field ? null : this.errors.of(ex));
		}
		return edit(id);
	}

	@PostMapping("/desk/content/{id}/corrections/{seq}/approve")
	String approve(@PathVariable String id, @PathVariable int seq, RedirectAttributes redirect) {
		return decide(id, seq, true, redirect);
	}

	@PostMapping("/desk/content/{id}/corrections/{seq}/refuse")
	String refuse(@PathVariable String id, @PathVariable int seq, RedirectAttributes redirect) {
		return decide(id, seq, false, redirect);
	}

	private String decide(String id, int seq, boolean apply, RedirectAttributes redirect) {
		item(id);
		try {
			if (apply) {
				this.corrections.approve(id, seq, actor());
			}
			else {
				this.corrections.refuse(id, seq, actor());
			}
		}
		catch (InvalidContentException ex) {
			redirect.addFlashAttribute("correctionProblem", this.errors.of(ex));
		}
		catch (ReviewRefusedException ex) {
			redirect.addFlashAttribute("correctionProblem", this.errors.of(ex));
		}
		return edit(id);
	}

	private String page(Model model, ContentItem item, CorrectionForm form, Map<String, String> errors,
			@Nullable String problem) {
		model.addAttribute("item", item);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("problem", problem);
		model.addAttribute("byEmail", item.goesTo(Outlet.EMAIL));
		return "desk-content-correct";
	}

	private static String edit(String id) {
		return "redirect:/desk/content/" + UriUtils.encodePathSegment(id, java.nio.charset.StandardCharsets.UTF_8)
				+ "/edit#corrections";
	}

	private ContentItem item(String id) {
		return this.scoped.require(CallerScope.current(), id);
	}

	private static ContentActor actor() {
		return new ContentActor(Actors.current(), Actors.hasAnyRole("APPROVER", "ADMIN"));
	}

	/**
	 * The correction form as typed.
	 *
	 * @param title the corrected title
	 * @param summary the corrected summary
	 * @param body the corrected body
	 * @param radioScript the corrected radio script, blank to read the body
	 * @param note what changed and why
	 * @param notifyEmail whether subscribers get a correction bulletin ({@code null}: the
	 * box is not ticked)
	 */
	record CorrectionForm(@Nullable String title, @Nullable String summary, @Nullable String body,
			@Nullable String radioScript, @Nullable String note, @Nullable Boolean notifyEmail) {

		static final java.util.Set<String> FIELDS = java.util.Set.of("title", "summary", "body", "radioScript", "note",
				"notifyEmail");

		CorrectionDraft draft() {
			return new CorrectionDraft(this.title, this.summary, this.body, this.radioScript, this.note,
					this.notifyEmail);
		}

	}

}
