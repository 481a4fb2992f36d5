package vn.loa.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, newest first: for the API's callers and administrators. */
@RestController
class AuditApiController {

	private final AuditLog audit;

	AuditApiController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/api/audit")
	List<AuditEntry> list(@RequestParam(required = false) @Nullable String subject,
			@RequestParam(defaultValue = "100") int limit) {
		return this.audit.latest(subject, limit);
	}

}
