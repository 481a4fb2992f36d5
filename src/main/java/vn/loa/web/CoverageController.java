package vn.loa.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

import vn.loa.organisations.Organisation;
import vn.loa.organisations.Organisations;
import vn.loa.organisations.Scope;

/**
 * The coverage page ({@code /desk/coverage}) and API ({@code /api/coverage}): for an
 * organisation and the coming days (a week by default, at most 62), who within it has
 * content for each occurrence and who could not carry it.
 */
@Controller
class CoverageController {

	private static final int MAX_DAYS = 62;

	private final Coverage coverage;

	private final Organisations organisations;

	private final Clock clock;

	private final ZoneId zone;

	CoverageController(Coverage coverage, Organisations organisations, Clock clock, ZoneId zone) {
		this.coverage = coverage;
		this.organisations = organisations;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping("/desk/coverage")
	String page(@RequestParam(required = false) @Nullable String organisation,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			Model model, Scope scope) {
		model.addAttribute("report", report(scope, organisation, from, to));
		return "desk-coverage";
	}

	@GetMapping("/api/coverage")
	@ResponseBody
	Coverage.Report api(@RequestParam(required = false) @Nullable String organisation,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			Scope scope) {
		return report(scope, organisation, from, to);
	}

	/**
	 * The report for {@code organisation}, the caller's own when none is asked for; one
	 * outside the caller's is not found.
	 */
	private Coverage.Report report(Scope scope, @Nullable String asked, @Nullable String from, @Nullable String to) {
		String organisation = (asked != null && !asked.isBlank()) ? asked.strip()
				: scope.organisationOr(Organisations.DEFAULT);
		Organisation top = this.organisations.find(organisation)
			.filter((found) -> this.organisations.covers(scope, found.id()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no organisation " + organisation));
		LocalDate today = LocalDate.now(this.clock.withZone(this.zone));
		LocalDate start = day(from, today);
		LocalDate end = day(to, start.plusDays(7));
		if (end.isBefore(start) || end.isAfter(start.plusDays(MAX_DAYS))) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"the days run from 'from' to 'to', at most " + MAX_DAYS + " days");
		}
		return this.coverage.of(top, start, end);
	}

	private static LocalDate day(@Nullable String written, LocalDate fallback) {
		if (written == null || written.isBlank()) {
			return fallback;
		}
		try {
			return LocalDate.parse(written.strip());
		}
		catch (DateTimeParseException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'" + written + "' is not a day (yyyy-MM-dd)");
		}
	}

}
