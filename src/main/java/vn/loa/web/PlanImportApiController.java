package vn.loa.web;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

import vn.loa.organisations.Scope;
import vn.loa.importer.PlanDocuments;
import vn.loa.importer.PlanImports;
import vn.loa.importer.UnreadableDocumentException;

/**
 * Upload a plan document, review the draft and its report, confirm it into the calendar.
 */
@RestController
@RequestMapping("/api/plans/imports")
class PlanImportApiController {

	private final PlanImports imports;

	private final ScopedPlans scoped;

	PlanImportApiController(PlanImports imports, ScopedPlans scoped) {
		this.imports = imports;
		this.scoped = scoped;
	}

	@PostMapping
	ResponseEntity<PlanImports.Draft> upload(@RequestParam("file") MultipartFile file, Scope scope) throws IOException {
		String name = (file.getOriginalFilename() != null) ? file.getOriginalFilename() : "plan";
		PlanImports.Draft draft = this.imports.upload(name, file.getBytes(), scope);
		return ResponseEntity.created(URI.create("/api/plans/imports/" + draft.id())).body(draft);
	}

	@GetMapping("/{id}")
	ResponseEntity<PlanImports.Draft> show(@PathVariable String id, Scope scope) {
		return this.scoped.draft(scope, id).map(ResponseEntity::ok).orElse(ResponseEntity.notFound().build());
	}

	@PostMapping("/{id}/confirm")
	ResponseEntity<PlanImports.Draft> confirm(@PathVariable String id,
			@RequestParam(defaultValue = "false") boolean replace, Scope scope) {
		if (!scope.everywhere() && this.scoped.draft(scope, id).isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok(this.imports.confirm(id, replace, Actors.current()));
	}

	@ExceptionHandler(UnreadableDocumentException.class)
	ResponseEntity<Map<String, String>> unreadable(UnreadableDocumentException ex) {
		return ResponseEntity.badRequest().body(Map.of("field", "file", "message", ex.getMessage()));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<Map<String, String>> tooLarge(MaxUploadSizeExceededException ex) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(Map.of("field", "file", "message",
					"the file is larger than " + PlanDocuments.MAX_BYTES / 1048576 + " MB, the largest accepted"));
	}

	@ExceptionHandler(PlanImports.ImportConflictException.class)
	ResponseEntity<Map<String, String>> conflict(PlanImports.ImportConflictException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", ex.getMessage()));
	}

}
