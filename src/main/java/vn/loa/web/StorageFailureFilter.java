package vn.loa.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.loa.database.StorageFailures;

/**
 * When the storage fails (disk full, the database closed after a failed write), every
 * request that needed it gets a 503 saying nothing was saved, never a 201 or a bare 500:
 * JSON for the API, the error page for people. The failure is kept for the dashboard.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StorageFailureFilter extends OncePerRequestFilter {

	private static final Log logger = LogFactory.getLog(StorageFailureFilter.class);

	static final String MESSAGE = "The database cannot store anything right now (disk full or failing); "
			+ "nothing of this request was saved. Try again in a few minutes; the operator is alerted by "
			+ "/actuator/health.";

	private final StorageFailures failures;

	StorageFailureFilter(StorageFailures failures) {
		this.failures = failures;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			if (!StorageFailures.isStorageFailure(ex) || response.isCommitted()) {
				throw ex;
			}
			this.failures.record(ex);
			logger.error("Storage failure on " + request.getMethod() + " " + request.getRequestURI(), ex);
			response.resetBuffer();
			response.setHeader("Retry-After", "60");
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
				response.setContentType("application/json");
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				response.getWriter().write("{\"message\":\"" + MESSAGE + "\"}");
			}
			else {
				response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			}
		}
	}

}
