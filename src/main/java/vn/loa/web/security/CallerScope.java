package vn.loa.web.security;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import vn.loa.organisations.Scope;

/**
 * Hands a controller method the {@link Scope} of whoever calls it, as the security
 * filters found it: a desk account's organisation, or an API token's. A method that takes
 * a {@code Scope} is one that acts on rows of organisations; called without a scope (no
 * filter set one), it is refused rather than given the whole installation.
 */
public final class CallerScope implements HandlerMethodArgumentResolver {

	/** The scope the filters set on {@code request}. */
	public static Scope of(HttpServletRequest request) {
		Object scope = request.getAttribute(Scope.ATTRIBUTE);
		if (scope instanceof Scope found) {
			return found;
		}
		throw new AccessDeniedException("no caller scope");
	}

	/** The scope of the request being served, for a desk controller's helpers. */
	public static Scope current() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return of(attributes.getRequest());
		}
		throw new AccessDeniedException("no request, no caller scope");
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Scope.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
			NativeWebRequest request, @Nullable WebDataBinderFactory binders) {
		HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
		if (servlet == null) {
			throw new AccessDeniedException("no caller scope");
		}
		return of(servlet);
	}

}
