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
	}

}
