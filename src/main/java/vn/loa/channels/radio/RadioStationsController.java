package vn.loa.channels.radio;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

import vn.loa.organisations.Organisation;
import vn.loa.organisations.Organisations;
import vn.loa.organisations.Scope;

/**
 * Radio stations at the desk ({@code /desk/stations}: each organisation's stations,
 * adding one, changing its name, organisation, slots, reading speed, disabling it) and
 * over the API ({@code /api/radio/stations}). A change takes effect at once, on every
 * node.
 */
@Controller
class RadioStationsController {

	private final RadioStations stations;

	private final Organisations organisations;

	private final MessageSource messages;

	RadioStationsController(RadioStations stations, Organisations organisations, MessageSource messages) {
		this.stations = stations;
		this.organisations = organisations;
		this.messages = messages;
	}

	@GetMapping("/api/radio/stations")
	@ResponseBody
	List<RadioStation> list(@RequestParam(required = false) @Nullable String organisation, Scope scope) {
		return ((organisation == null || organisation.isBlank()) ? this.stations.all()
				: this.stations.ofOrganisations(List.of(organisation.strip())))
			.stream()
			.filter((station) -> this.organisations.covers(scope, station.organisation()))
			.toList();
	}

	@GetMapping("/api/radio/stations/{id}")
	@ResponseBody
	ResponseEntity<RadioStation> show(@PathVariable String id, Scope scope) {
		return ResponseEntity.of(within(scope, id));
	}

	@PostMapping("/api/radio/stations")
	@ResponseBody
	ResponseEntity<RadioStation> create(@RequestBody RadioStations.StationForm form, Principal who, Scope scope) {
		RadioStation station = this.stations.create(form(scope, form), who.getName());
		return ResponseEntity.created(URI.create("/api/radio/stations/" + station.id())).body(station);
	}

	@PatchMapping("/api/radio/stations/{id}")
	@ResponseBody
	ResponseEntity<RadioStation> update(@PathVariable String id, @RequestBody RadioStations.StationForm form,
			@RequestParam(required = false) @Nullable Long version, Principal who, Scope scope) {
		if (within(scope, id).isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		if (form.organisation() != null && !form.organisation().isBlank()) {
			form(scope, form);
		}
		return ResponseEntity.ok(this.stations.update(id, form, version, who.getName()));
	}

	@ExceptionHandler(InvalidStationException.class)
	@ResponseBody
	ResponseEntity<Map<String, String>> refused(InvalidStationException ex) {
		return ResponseEntity.status(ex.isConflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST)
			.body(Map.of("field", ex.field(), "error", String.valueOf(ex.getMessage())));
	}

	@GetMapping("/desk/stations")
	String page(@RequestParam(defaultValue = "") String organisation, Model model, Scope scope) {
		String of = organisation.strip();
		if (!of.isEmpty() && !this.organisations.covers(scope, of)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return listPage(model, of, new Draft("", "", of, "", "", ""), null, HttpServletResponse.SC_OK, null, scope);
	}

	@PostMapping("/desk/stations")
	String add(@RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String organisation, @RequestParam(defaultValue = "") String slots,
			@RequestParam(defaultValue = "") String syllablesPerMinute, @RequestParam(defaultValue = "") String variant,
			Principal who, Model model, HttpServletResponse response, Scope scope) {
		Draft draft = new Draft(id, name, organisation, slots, syllablesPerMinute, variant);
		try {
			RadioStation station = this.stations.create(form(scope, new RadioStations.StationForm(id, name,
					organisation, slots, rate(syllablesPerMinute), true, variant)), who.getName());
			return "redirect:/desk/stations?organisation=" + station.organisation() + "&added=" + station.id();
		}
		catch (InvalidStationException ex) {
			return listPage(model, organisation.strip(), draft, ex,
					ex.isConflict() ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST, response,
					scope);
		}
	}

	@GetMapping("/desk/stations/{id}")
	String edit(@PathVariable String id, Model model, Scope scope) {
		RadioStation station = station(scope, id);
		return editPage(model, station, Draft.of(station), this.stations.version(id), null, HttpServletResponse.SC_OK,
				null);
	}

	@PostMapping("/desk/stations/{id}")
	String change(@PathVariable String id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String organisation, @RequestParam(defaultValue = "") String slots,
			@RequestParam(defaultValue = "") String syllablesPerMinute, @RequestParam(defaultValue = "") String enabled,
			@RequestParam(defaultValue = "") String variant, @RequestParam(required = false) @Nullable Long version,
			Principal who, Model model, HttpServletResponse response, Scope scope) {
		RadioStation before = station(scope, id);
		Draft draft = new Draft(id, name, organisation, slots, syllablesPerMinute, variant);
		try {
			this.stations.update(id, form(scope, new RadioStations.StationForm(id, name, organisation, slots,
					rate(syllablesPerMinute), !enabled.isBlank(), variant)), version, who.getName());
			return "redirect:/desk/stations/" + id + "?saved";
		}
		catch (InvalidStationException ex) {
			RadioStation now = this.stations.find(id).orElse(before);
			return editPage(model, now, ex.isConflict() ? Draft.of(now) : draft, this.stations.version(id), ex,
					ex.isConflict() ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST, response);
		}
	}

	private String listPage(Model model, String organisation, Draft draft, @Nullable InvalidStationException error,
			int status, @Nullable HttpServletResponse response, Scope scope) {
		if (response != null) {
			response.setStatus(status);
		}
		Organisation of = organisation.isEmpty() ? null : this.organisations.find(organisation).orElse(null);
		List<RadioStation> shown = ((of != null) ? this.stations.ofOrganisations(List.of(of.id()))
				: this.stations.all())
			.stream()
			.filter((station) -> this.organisations.covers(scope, station.organisation()))
			.toList();
		model.addAttribute("organisation", of);
		model.addAttribute("rows", shown.stream().map(this::row).toList());
		model.addAttribute("draft", draft);
		model.addAttribute("error", (error != null) ? text(error) : null);
		model.addAttribute("errorField", (error != null) ? error.field() : "");
		return "desk-stations";
	}

	private String editPage(Model model, RadioStation station, Draft draft, long version,
			@Nullable InvalidStationException error, int status, @Nullable HttpServletResponse response) {
		if (response != null) {
			response.setStatus(status);
		}
		model.addAttribute("station", row(station));
		model.addAttribute("draft", draft);
		model.addAttribute("enabled", station.enabled());
		model.addAttribute("version", version);
		model.addAttribute("error", (error != null) ? text(error) : null);
		model.addAttribute("errorField", (error != null) ? error.field() : "");
		return "desk-station";
	}

	private Row row(RadioStation station) {
		String organisation = this.organisations.find(station.organisation())
			.map(Organisation::name)
			.orElse(station.organisation());
		return new Row(station.id(), station.name(), station.organisation(), organisation,
				station.slotsText().replace(",", ", "), station.syllablesPerMinute(), station.enabled());
	}

	private RadioStation station(Scope scope, String id) {
		return within(scope, id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no radio station " + id));
	}

	/** The station, when it belongs within the caller's organisation. */
	private java.util.Optional<RadioStation> within(Scope scope, String id) {
		return this.stations.find(id).filter((station) -> this.organisations.covers(scope, station.organisation()));
	}

	/**
	 * The form as the caller may send it: a station of the caller's own organisation when
	 * it names none, refused ({@code 403}) when it names one outside.
	 */
	private RadioStations.StationForm form(Scope scope, RadioStations.StationForm form) {
		if (scope.everywhere()) {
			return form;
		}
		String organisation = this.organisations.ownerFor(scope, form.organisation());
		return new RadioStations.StationForm(form.id(), form.name(), organisation, form.slots(),
				form.syllablesPerMinute(), form.enabled(), form.variant());
	}

	/** A blank speed is the default; one that is not a number is refused by its range. */
	private static @Nullable Integer rate(String written) {
		if (written.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(written.strip());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/** The refusal in the page's language; as Loa wrote it when that lacks it. */
	private String text(InvalidStationException ex) {
		String english = String.valueOf(ex.getMessage());
		String text = this.messages.getMessage("stations.error." + ex.code(), ex.arguments().toArray(), english,
				LocaleContextHolder.getLocale());
		return (text != null) ? text : english;
	}

	/**
	 * One station in a list.
	 *
	 * @param id its id
	 * @param name its name
	 * @param organisation its organisation's id
	 * @param organisationName its organisation's name
	 * @param slots its slots as typed
	 * @param syllablesPerMinute its reading speed
	 * @param enabled whether items are queued for it
	 */
	record Row(String id, String name, String organisation, String organisationName, String slots,
			int syllablesPerMinute, boolean enabled) {

	}

	/** A station form as typed; {@code variant} blank for the installation's. */
	record Draft(String id, String name, String organisation, String slots, String syllablesPerMinute, String variant) {

		static Draft of(RadioStation station) {
			return new Draft(station.id(), station.name(), station.organisation(),
					station.slotsText().replace(",", ", "), Integer.toString(station.syllablesPerMinute()),
					(station.variant() != null) ? station.variant().name().toLowerCase(java.util.Locale.ROOT) : "");
		}

	}

}
