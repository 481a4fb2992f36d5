package vn.loa.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.loa.text.PlainText;

/**
 * Every page written through a writer (all Thymeleaf pages, the radio print among them)
 * leaves without the characters no page can carry, whatever a stored row holds: the last
 * defence behind the refusal of such characters where text comes in.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PageCharacters extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, new Cleaned(response));
	}

	private static final class Cleaned extends HttpServletResponseWrapper {

		private @Nullable PrintWriter writer;

		Cleaned(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (this.writer == null) {
				this.writer = new PrintWriter(new CleanWriter(super.getWriter()));
			}
			return this.writer;
		}

	}

	/**
	 * Drops forbidden characters as they pass, turning the line breaks of word processors
	 * into {@code \n}; a surrogate pair split across two writes is kept.
	 */
	static final class CleanWriter extends Writer {

		private final Writer out;

		private char pendingHigh;

		CleanWriter(Writer out) {
			this.out = out;
		}

		@Override
		public void write(char[] buffer, int offset, int length) throws IOException {
			char[] cleaned = new char[length + 1];
			int size = 0;
			for (int i = offset; i < offset + length; i++) {
				char c = buffer[i];
				if (this.pendingHigh != 0) {
					char high = this.pendingHigh;
					this.pendingHigh = 0;
					if (Character.isLowSurrogate(c)) {
						if (!PlainText.isForbidden(Character.toCodePoint(high, c))) {
							cleaned[size++] = high;
							cleaned[size++] = c;
						}
						continue;
					}
				}
				if (Character.isHighSurrogate(c)) {
					this.pendingHigh = c;
				}
				else if (c == '\u000B' || c == '\u000C' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
					cleaned[size++] = '\n';
				}
				else if (!PlainText.isForbidden(c)) {
					cleaned[size++] = c;
				}
			}
			this.out.write(cleaned, 0, size);
		}

		@Override
		public void flush() throws IOException {
			this.out.flush();
		}

		@Override
		public void close() throws IOException {
			this.pendingHigh = 0;
			this.out.close();
		}

	}

}
