package vn.loa.organisations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.loa.text.PlainText;

/**
 * The administrators' page of organisations: the hierarchy a level at a time (a province
 * opens to its communes), a search by name or id, adding one, changing one (rename, kind,
 * parent, disable, enable) and loading a list of administrative units.
 */
@Controller
class DeskOrganisationsController {

	/** At most this many rows a search shows; the page says when there are more. */
	static final int SHOWN = 200;

	private final Organisations organisations;

	private final MessageSource messages;

	DeskOrganisationsController(Organisations organisations, MessageSource messages) {
		this.organisations = organisations;
		this.messages = messages;
	}

	@GetMapping("/desk/organisations")
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String within,
			@RequestParam(required = false) @Nullable Integer added,
			@RequestParam(required = false) @Nullable Integer updated,
			@RequestParam(required = false) @Nullable Integer unchanged, Model model, HttpServletResponse response,
			Scope scope) {
		String own = scope.organisation();
		if (own != null && (within.isBlank() || !this.organisations.covers(scope, within.strip()))) {
			// One organisation's people start from their own.
			return "redirect:/desk/organisations/" + own;
		}
		if (added != null && updated != null && unchanged != null) {
			model.addAttribute("imported", new Organisations.Imported(added, updated, unchanged));
		}
		return page(model, q.strip(), within.strip(), new Form("", "", "", within.strip()), Map.of(), null, response,
				HttpServletResponse.SC_OK);
	}

	@PostMapping("/desk/organisations")
	String create(@RequestParam String id, @RequestParam String name, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "") String parent, Principal who, Model model, HttpServletResponse response,
			Scope scope) {
		Form form = new Form(id, name, kind, parent);
		if (!this.organisations.mayCreateUnder(scope, parent)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		try {
			Organisation created = this.organisations.create(new NewOrganisation(id, name, kind, parent),
					who.getName());
			return "redirect:/desk/organisations/" + created.id() + "?done=created";
		}
		catch (InvalidOrganisationException ex) {
			return page(model, "", parent.strip(), form, Map.of(ex.field(), ex), null, response,
					ex.isConflict() ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
		}
	}

	@PostMapping("/desk/organisations/import")
	String importUnits(@RequestParam(required = false) @Nullable MultipartFile provinces,
			@RequestParam(required = false) @Nullable MultipartFile communes,
			@RequestParam(defaultValue = "") String province, Principal who, Model model, HttpServletResponse response,
			Scope scope) throws IOException {
		if (!scope.everywhere()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		List<String> only = Arrays.stream(province.split("[,\\s]+")).filter((p) -> !p.isBlank()).toList();
		boolean sent = provinces != null && !provinces.isEmpty() && communes != null && !communes.isEmpty();
		boolean partly = !sent
				&& ((provinces != null && !provinces.isEmpty()) || (communes != null && !communes.isEmpty()));
		try {
			if (partly) {
				throw new InvalidOrganisationException("files", "files",
						"send both provinces and communes, or neither for the list Loa ships");
			}
			Organisations.Imported imported = sent
					? this.organisations.importUnits(text(provinces), text(communes), only, who.getName())
					: this.organisations.importShipped(only, who.getName());
			return "redirect:/desk/organisations?added=" + imported.created() + "&updated=" + imported.updated()
					+ "&unchanged=" + imported.unchanged();
		}
		catch (InvalidOrganisationException ex) {
			return page(model, "", "", new Form("", "", "", ""), Map.of(), ex, response,
					HttpServletResponse.SC_BAD_REQUEST);
		}
	}

	@GetMapping("/desk/organisations/{id}")
	String edit(@PathVariable String id, @RequestParam(defaultValue = "") String done, Model model,
			HttpServletResponse response, Scope scope) {
		if (done.equals("created") || done.equals("saved")) {
			model.addAttribute("done", "organisations." + done);
		}
		return this.organisations.find(id)
			.filter((organisation) -> this.organisations.covers(scope, organisation.id()))
			.map((organisation) -> editPage(model, organisation, Edit.of(organisation), null, response,
					HttpServletResponse.SC_OK))
			.orElseGet(() -> {
				response.setStatus(HttpServletResponse.SC_NOT_FOUND);
				return "error";
			});
	}

	@PostMapping("/desk/organisations/{id}")
	String update(@PathVariable String id, @RequestParam String name, @RequestParam String kind,
			@RequestParam(defaultValue = "") String parent, @RequestParam long version,
			@RequestParam(defaultValue = "") String enabled, Principal who, Model model, HttpServletResponse response,
			Scope scope) {
		Organisation before = this.organisations.find(id)
			.filter((organisation) -> this.organisations.covers(scope, organisation.id()))
			.orElse(null);
		if (before == null) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return "error";
		}
		Edit edit = new Edit(name, kind, parent, !enabled.isBlank(), version);
		OrganisationChange change = new OrganisationChange(name, kind, parent.strip(), !enabled.isBlank(), version);
		if (!this.organisations.mayChange(scope, id, change)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		try {
			this.organisations.update(id, change, who.getName());
			return "redirect:/desk/organisations/" + id + "?done=saved";
		}
		catch (InvalidOrganisationException ex) {
			Organisation now = this.organisations.find(id).orElse(before);
			return editPage(model, now, ex.isConflict() ? Edit.of(now) : edit, ex, response,
					ex.isConflict() ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
		}
	}

	private String page(Model model, String q, String within, Form form,
			Map<String, InvalidOrganisationException> errors, @Nullable InvalidOrganisationException importError,
			HttpServletResponse response, int status) {
		response.setStatus(status);
		List<Organisation> rows;
		boolean more = false;
		@Nullable Organisation top = within.isEmpty() ? null : this.organisations.find(within).orElse(null);
		if (!q.isEmpty()) {
			// Without tone marks, so "bang thanh" finds "Bằng Thành".
			String wanted = PlainText.withoutMarks(q);
			rows = new ArrayList<>();
			for (Organisation organisation : this.organisations.all()) {
				if (PlainText.withoutMarks(organisation.name()).contains(wanted) || organisation.id().contains(wanted)
						|| q.equals(organisation.code())) {
					if (rows.size() == SHOWN) {
						more = true;
						break;
					}
					rows.add(organisation);
				}
			}
		}
		else {
			rows = (top != null) ? this.organisations.children(top.id()) : this.organisations.roots();
		}
		model.addAttribute("q", q);
		model.addAttribute("top", top);
		model.addAttribute("path", (top != null) ? reversed(this.organisations.ancestors(top.id())) : List.of());
		model.addAttribute("rows", rows.stream().map(this::row).toList());
		model.addAttribute("more", more);
		model.addAttribute("count", this.organisations.count());
		model.addAttribute("kinds", OrganisationKind.values());
		model.addAttribute("form", form);
		Map<String, String> texts = new LinkedHashMap<>();
		errors.forEach((field, ex) -> texts.put(field, text(ex)));
		model.addAttribute("errors", texts);
		model.addAttribute("importError", (importError != null) ? text(importError) : null);
		return "desk-organisations";
	}

	private String editPage(Model model, Organisation organisation, Edit edit,
			@Nullable InvalidOrganisationException error, HttpServletResponse response, int status) {
		response.setStatus(status);
		model.addAttribute("organisation", organisation);
		model.addAttribute("path", reversed(this.organisations.ancestors(organisation.id())));
		model.addAttribute("children", this.organisations.children(organisation.id()).stream().map(this::row).toList());
		model.addAttribute("edit", edit);
		model.addAttribute("kinds", OrganisationKind.values());
		model.addAttribute("error", (error != null) ? text(error) : null);
		model.addAttribute("errorField", (error != null) ? error.field() : "");
		return "desk-organisation";
	}

	private Row row(Organisation organisation) {
		return new Row(organisation.id(), organisation.name(), organisation.kind().key(), organisation.code(),
				organisation.enabled(), this.organisations.children(organisation.id()).size());
	}

	private static List<Organisation> reversed(List<Organisation> nearestFirst) {
		List<Organisation> path = new ArrayList<>(nearestFirst);
		java.util.Collections.reverse(path);
		return path;
	}

	private static String text(@Nullable MultipartFile file) throws IOException {
		return (file != null) ? new String(file.getBytes(), StandardCharsets.UTF_8) : "";
	}

	/**
	 * One organisation in a list.
	 *
	 * @param id its id
	 * @param name its name
	 * @param kind its kind's key
	 * @param code its code in the list of administrative units, or {@code null}
	 * @param enabled whether it is enabled
	 * @param children how many organisations are directly below it
	 */
	record Row(String id, String name, String kind, @Nullable String code, boolean enabled, int children) {

	}

	/**
	 * The new organisation form as typed.
	 *
	 * @param id the id typed
	 * @param name the name typed
	 * @param kind the kind chosen
	 * @param parent the parent's id typed
	 */
	record Form(String id, String name, String kind, String parent) {

	}

	/**
	 * The change form as typed.
	 *
	 * @param name the name
	 * @param kind the kind's key
	 * @param parent the parent's id, empty for the top
	 * @param enabled whether it stays enabled
	 * @param version the version the form was opened on
	 */
	record Edit(String name, String kind, String parent, boolean enabled, long version) {

		static Edit of(Organisation organisation) {
			return new Edit(organisation.name(), organisation.kind().key(),
					(organisation.parentId() != null) ? organisation.parentId() : "", organisation.enabled(),
					organisation.version());
		}

	}

	/** The refusal in the page's language; as Loa wrote it when that lacks it. */
	private String text(InvalidOrganisationException ex) {
		String english = String.valueOf(ex.getMessage());
		String text = this.messages.getMessage("organisation.error." + ex.code(), ex.arguments().toArray(), english,
				LocaleContextHolder.getLocale());
		return (text != null) ? text : english;
	}

}
