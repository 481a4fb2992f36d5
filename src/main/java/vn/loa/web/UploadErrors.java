package vn.loa.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A request to an upload (a plan, a list of subscribers, a province's units) that carries
 * no file, or one over the size limit, is the caller's mistake: {@code 400} or
 * {@code 413} naming the field, never a server error.
 */
@RestControllerAdvice
class UploadErrors {

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Map<String, String>> notAnUpload(MultipartException ex) {
		if (ex instanceof MaxUploadSizeExceededException) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.body(Map.of("field", "file", "message", "the file is larger than the largest accepted"));
		}
		return ResponseEntity.badRequest()
			.body(Map.of("field", "file", "message",
					"expected a file sent as multipart/form-data in the field 'file'"));
	}

}
