package vn.loa.organisations;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A caller named an organisation outside its own to write a row for: forbidden, whatever
 * the row.
 */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class OutsideScopeException extends RuntimeException {

	OutsideScopeException(String organisation, Scope scope) {
		super("'" + organisation + "' is not within '" + scope.organisation() + "'", null, false, false);
	}

}
