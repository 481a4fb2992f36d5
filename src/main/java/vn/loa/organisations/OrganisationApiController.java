package vn.loa.organisations;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.multipart.MultipartFile;

/**
 * The organisations over the API: list them (all, or those below one), read one with its
 * ancestors, add, change (rename, retype, move, disable, enable) and import a list of
 * administrative units.
 */
@RestController
@RequestMapping("/api/organisations")
class OrganisationApiController {

	private final Organisations organisations;

	OrganisationApiController(Organisations organisations) {
		this.organisations = organisations;
	}

	/**
	 * Every organisation, parents before their children; with {@code within}, only that
	 * organisation and those below it.
	 */
	@GetMapping
	ResponseEntity<List<OrganisationJson>> list(@RequestParam(required = false) @Nullable String within, Scope scope) {
		if (within == null || within.isBlank()) {
			within = scope.organisation();
		}
		if (within != null && !within.isBlank()) {
			return this.organisations.find(within.strip())
				.filter((top) -> this.organisations.covers(scope, top.id()))
				.map((top) -> ResponseEntity.ok(java.util.stream.Stream
					.concat(java.util.stream.Stream.of(top), this.organisations.descendants(top.id()).stream())
					.map(OrganisationJson::of)
					.toList()))
				.orElse(ResponseEntity.notFound().build());
		}
		return ResponseEntity.ok(this.organisations.all().stream().map(OrganisationJson::of).toList());
	}

	@GetMapping("/{id}")
	ResponseEntity<OrganisationDetail> find(@PathVariable String id, Scope scope) {
		return ResponseEntity.of(this.organisations.find(id)
			.filter((organisation) -> this.organisations.covers(scope, organisation.id()))
			.map((organisation) -> new OrganisationDetail(OrganisationJson.of(organisation),
					this.organisations.ancestors(id).stream().map(Organisation::id).toList(),
					this.organisations.children(id).stream().map(Organisation::id).toList())));
	}

	@PostMapping
	ResponseEntity<OrganisationJson> create(@RequestBody NewOrganisation draft, Principal who, Scope scope) {
		if (!this.organisations.mayCreateUnder(scope, draft.parent())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"a new organisation goes under '" + scope.organisation() + "' or one below it");
		}
		Organisation created = this.organisations.create(draft, who.getName());
		return ResponseEntity.created(URI.create("/api/organisations/" + created.id()))
			.body(OrganisationJson.of(created));
	}

	@PatchMapping("/{id}")
	ResponseEntity<OrganisationJson> update(@PathVariable String id, @RequestBody OrganisationChange change,
			Principal who, Scope scope) {
		if (this.organisations.find(id).isEmpty() || !this.organisations.covers(scope, id)) {
			return ResponseEntity.notFound().build();
		}
		if (!this.organisations.mayChange(scope, id, change)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"'" + id + "' may be renamed by its own people; moving, retyping or disabling it is for the level "
							+ "above");
		}
		return ResponseEntity.ok(OrganisationJson.of(this.organisations.update(id, change, who.getName())));
	}

	/**
	 * Loads provinces and their communes from the two CSV files of a list of
	 * administrative units ({@code provinces} and {@code communes}), or from the list Loa
	 * ships when none is sent; {@code province} (repeatable, a code or slug) limits it.
	 */
	@PostMapping("/import")
	Organisations.Imported importUnits(@RequestParam(required = false) @Nullable MultipartFile provinces,
			@RequestParam(required = false) @Nullable MultipartFile communes,
			@RequestParam(name = "province", required = false) @Nullable List<String> only, Principal who, Scope scope)
			throws IOException {
		if (!scope.everywhere()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"provinces are loaded by the installation's administrators");
		}
		List<String> wanted = (only != null) ? only : List.of();
		if (provinces == null && communes == null) {
			return this.organisations.importShipped(wanted, who.getName());
		}
		if (provinces == null || communes == null) {
			throw new InvalidOrganisationException((provinces == null) ? "provinces" : "communes", "files",
					"send both provinces and communes, or neither for the list Loa ships");
		}
		return this.organisations.importUnits(new String(provinces.getBytes(), StandardCharsets.UTF_8),
				new String(communes.getBytes(), StandardCharsets.UTF_8), wanted, who.getName());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> refused(InvalidOrganisationException ex) {
		return ResponseEntity.status(ex.isConflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST)
			.body(Map.of("field", ex.field(), "message", String.valueOf(ex.getMessage())));
	}

	/**
	 * An organisation as the API writes it.
	 *
	 * @param id its id
	 * @param name its name
	 * @param kind its kind ({@code commune})
	 * @param parent its parent's id, or {@code null}
	 * @param code its code in the list it was imported from, or {@code null}
	 * @param enabled whether it takes new content, subscribers and stations
	 * @param version what a change sends back to be refused if another change passed it
	 */
	record OrganisationJson(String id, String name, String kind, @Nullable String parent, @Nullable String code,
			boolean enabled, long version) {

		static OrganisationJson of(Organisation organisation) {
			return new OrganisationJson(organisation.id(), organisation.name(), organisation.kind().key(),
					organisation.parentId(), organisation.code(), organisation.enabled(), organisation.version());
		}

	}

	/**
	 * One organisation with where it stands.
	 *
	 * @param organisation the organisation
	 * @param ancestors the ids above it, nearest first
	 * @param children the ids directly below it, by name
	 */
	record OrganisationDetail(OrganisationJson organisation, List<String> ancestors, List<String> children) {

	}

}
