package vn.loa.web.security;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import vn.loa.channels.feed.FeedDocument;
import vn.loa.channels.feed.Feeds;
import vn.loa.icalendar.IcsDocument;
import vn.loa.icalendar.IcsDocuments;
import vn.loa.organisations.Organisations;
import vn.loa.settings.LoaSettings;

/**
 * Answers the feeds ({@code /feed.xml}, {@code /feed.atom} and each organisation's under
 * {@code /o/{id}/}) and the iCalendar feeds ({@code /calendar.ics}, a plan's, an
 * organisation's) straight from the bytes {@link Feeds} and {@link IcsDocuments} keep,
 * before the security chain and Spring MVC: no session, no database query, no application
 * event per request. The answer is the one the chain and the controller would give: the
 * same browser headers (policy, framing, sniffing, referrer, HSTS behind https), the
 * {@code ETag} (strong for the feeds, weak for the calendars), {@code Last-Modified} for
 * the feeds, and {@code 304} for a reader that has them. Anything else (an organisation
 * Loa does not know, another method, a path written otherwise) goes down the chain as
 * before.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
final class FeedFastPath implements Filter {

	private static final Pattern ORGANISATION_FEED = Pattern.compile("/o/([a-z0-9]+(?:-[a-z0-9]+)*)/feed\\.(xml|atom)");

	/** RFC 9110's preferred date, two-digit day included. */
	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
		.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US)
		.withZone(ZoneOffset.UTC);

	private static final String CACHE_CONTROL = "no-cache, public";

	private final Feeds feeds;

	private final Organisations organisations;

	private final IcsDocuments calendars;

	private final boolean https;

	FeedFastPath(Feeds feeds, IcsDocuments calendars, Organisations organisations, LoaSettings settings) {
		this.feeds = feeds;
		this.calendars = calendars;
		this.organisations = organisations;
		this.https = settings.baseUrl().startsWith("https:");
	}

	// A plain filter, not a OncePerRequestFilter: it is the first of the chain, answers
	// or passes on at once, and the attribute that class sets costs a fifth of its time.
	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws ServletException, IOException {
		if (!(servletRequest instanceof HttpServletRequest request)
				|| !(servletResponse instanceof HttpServletResponse response)) {
			chain.doFilter(servletRequest, servletResponse);
			return;
		}
		String method = request.getMethod();
		String path = request.getRequestURI();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			chain.doFilter(request, response);
			return;
		}
		if (path.endsWith(".ics")) {
			Optional<IcsDocument> calendar = this.calendars.forPath(path, request.getParameter("from"),
					request.getParameter("to"));
			if (calendar.isPresent()) {
				answer(request, response, calendar.get().bytes(), calendar.get().etag(), null,
						IcsDocument.CONTENT_TYPE);
				return;
			}
		}
		else {
			FeedDocument document = document(path);
			if (document != null) {
				answer(request, response, document.bytes(), document.etag(), document.lastModified(),
						document.contentType());
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private void answer(HttpServletRequest request, HttpServletResponse response, byte[] bytes, String etag,
			@Nullable Instant lastModified, String contentType) throws IOException {
		browserHeaders(response);
		response.setHeader(HttpHeaders.ETAG, etag);
		response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
		if (lastModified != null) {
			response.setHeader(HttpHeaders.LAST_MODIFIED, httpDate(lastModified));
		}
		if (notModified(request, etag, lastModified)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(contentType);
		response.setContentLength(bytes.length);
		if ("GET".equals(request.getMethod())) {
			// The whole feed in the response buffer: one write to the socket with the
			// headers, rather than the body cut at Tomcat's 8 KB buffer.
			response.setBufferSize(bytes.length + 2048);
			response.getOutputStream().write(bytes);
		}
	}

	/**
	 * The last date written, as written: feeds change far less often than they are read.
	 */
	private volatile Written written = new Written(Instant.EPOCH, HTTP_DATE.format(Instant.EPOCH));

	private String httpDate(Instant instant) {
		Written last = this.written;
		if (!last.instant().equals(instant)) {
			last = new Written(instant, HTTP_DATE.format(instant));
			this.written = last;
		}
		return last.text();
	}

	private record Written(Instant instant, String text) {

	}

	/** The feed a path names, or {@code null} when this filter does not answer it. */
	private @Nullable FeedDocument document(String path) {
		switch (path) {
			case "/feed.xml":
				return this.feeds.rss();
			case "/feed.atom":
				return this.feeds.atom();
			default:
				Matcher matcher = ORGANISATION_FEED.matcher(path);
				if (!matcher.matches() || this.organisations.find(matcher.group(1)).isEmpty()) {
					return null;
				}
				return "xml".equals(matcher.group(2)) ? this.feeds.rss(matcher.group(1))
						: this.feeds.atom(matcher.group(1));
		}
	}

	/** What {@link WebSecurity#browserHeaders} makes the chain write on every answer. */
	private void browserHeaders(HttpServletResponse response) {
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-XSS-Protection", "0");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Content-Security-Policy", WebSecurity.CONTENT_SECURITY_POLICY);
		response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
		if (this.https) {
			response.setHeader("Strict-Transport-Security", "max-age=" + WebSecurity.HSTS_MAX_AGE.toSeconds());
		}
	}

	/**
	 * Whether the reader has these bytes: an {@code If-None-Match} naming the tag (or
	 * {@code *}), compared weakly as RFC 9110 asks for {@code GET}; without one, an
	 * {@code If-Modified-Since} not before the newest entry.
	 */
	static boolean notModified(HttpServletRequest request, String etag, @Nullable Instant lastModified) {
		String noneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		if (noneMatch != null) {
			String opaque = opaque(etag);
			for (String candidate : noneMatch.split(",")) {
				String tag = candidate.strip();
				if (tag.equals("*") || opaque(tag).equals(opaque)) {
					return true;
				}
			}
			return false;
		}
		String modifiedSince = request.getHeader(HttpHeaders.IF_MODIFIED_SINCE);
		if (modifiedSince == null || lastModified == null) {
			return false;
		}
		try {
			Instant since = Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(modifiedSince.strip()));
			return !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private static String opaque(String tag) {
		return tag.startsWith("W/") ? tag.substring(2) : tag;
	}

}
