package vn.loa.web;

import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language of the public pages: Vietnamese unless the reader chose English with
 * {@code ?lang=en} (remembered in a cookie) or their browser prefers it.
 */
@Configuration(proxyBeanMethods = false)
class PublicPages implements WebMvcConfigurer {

	private final vn.loa.accounts.Accounts accounts;

	PublicPages(vn.loa.accounts.Accounts accounts) {
		this.accounts = accounts;
	}

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	/**
	 * Vietnamese unless the person chose English with the switch ({@code ?lang=en}),
	 * remembered in this browser by the {@code loa-lang} cookie. The browser's own
	 * language is not asked: an office computer set to English must not turn a Vietnamese
	 * editor's desk English.
	 */
	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("loa-lang");
		resolver.setDefaultLocale(VIETNAMESE);
		resolver.setDefaultLocaleFunction((request) -> VIETNAMESE);
		resolver.setCookieMaxAge(java.time.Duration.ofDays(365));
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
		registry.addInterceptor(new RememberLanguage(this.accounts));
	}

	/**
	 * A person logged in at the desk who switches language keeps the choice with their
	 * account, so that it follows them to another browser (the cookie keeps it in this
	 * one).
	 */
	private record RememberLanguage(
			vn.loa.accounts.Accounts accounts) implements org.springframework.web.servlet.HandlerInterceptor {

		@Override
		public boolean preHandle(jakarta.servlet.http.HttpServletRequest request,
				jakarta.servlet.http.HttpServletResponse response, Object handler) {
			String language = request.getParameter("lang");
			org.springframework.security.core.Authentication caller = org.springframework.security.core.context.SecurityContextHolder
				.getContext()
				.getAuthentication();
			if (language != null && caller != null && caller.isAuthenticated()
					&& !(caller instanceof org.springframework.security.authentication.AnonymousAuthenticationToken)) {
				this.accounts.rememberLanguage(caller.getName(), language.strip().toLowerCase(Locale.ROOT));
			}
			return true;
		}

	}

}
