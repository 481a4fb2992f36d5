package vn.loa.web;

import java.util.List;
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

	private static final List<Locale> SUPPORTED = List.of(VIETNAMESE, Locale.ENGLISH);

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("loa-lang");
		resolver.setDefaultLocaleFunction((request) -> {
			String header = request.getHeader("Accept-Language");
			if (header == null || header.isBlank()) {
				return VIETNAMESE;
			}
			try {
				Locale preferred = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
				return (preferred != null) ? preferred : VIETNAMESE;
			}
			catch (IllegalArgumentException ex) {
				return VIETNAMESE;
			}
		});
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
