package org.carpentries.amy.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.carpentries.amy.api.problem.Problems;
import org.carpentries.amy.api.web.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Decides every call to one of AMY's handler methods by its {@link Access} declaration (the method's, else its
 * controller's), before any argument is read: a handler without one is refused to everyone. Refusals are a 401
 * problem {@code unauthenticated} for a stranger, a 403 {@code forbidden} for anyone else, each in the security log.
 */
@Component
class AccessInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AccessInterceptor.class);
    private static final String AMY = "org.carpentries.amy.";
    private final Set<Method> undeclaredLogged = ConcurrentHashMap.newKeySet();
    private final SecurityLog securityLog;

    AccessInterceptor(SecurityLog securityLog) {
        this.securityLog = securityLog;
    }

    /** The callers {@code handler} declares, or null when it declares none. */
    static List<Caller> declared(HandlerMethod handler) {
        Access access = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Access.class);
        if (access == null) {
            access = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Access.class);
        }
        return access == null ? null : Arrays.asList(access.value());
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (CorsUtils.isPreFlightRequest(request)) {
            // A browser's CORS pre-flight carries no credentials; Spring answers it by the CORS configuration alone.
            return true;
        }
        if (!(handler instanceof HandlerMethod method)) {
            // No endpoint of AMY's: a stranger learns nothing about what exists under /api.
            return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                    || Callers.authenticated(SecurityContextHolder.getContext().getAuthentication())
                    || refuse(request, response, "no-such-endpoint");
        }
        List<Caller> declared = declared(method);
        if (declared == null) {
            if (!method.getBeanType().getName().startsWith(AMY) && !request.getRequestURI().startsWith(
                    request.getContextPath() + "/api/")) {
                // Spring's error page and the API description: the filter chain's rules decide.
                return true;
            }
            if (undeclaredLogged.add(method.getMethod())) {
                log.error("{} declares no @Access: refused to everyone", method.getShortLogMessage());
            }
            return refuse(request, response, "undeclared");
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Set<Caller> callers = Callers.of(auth);
        if (!Callers.allowed(callers, declared)) {
            return refuse(request, response, "not-declared-for-caller");
        }
        if (Callers.onlyAsStaff(callers, declared)) {
            if (request.getParameterMap().keySet().stream().anyMatch(StaffFields.HIDDEN_FILTERS::contains)) {
                return refuse(request, response, "staff-hidden-filter");
            }
            request.setAttribute(StaffFields.REDACT_ATTRIBUTE, Boolean.TRUE);
        }
        return true;
    }

    private boolean refuse(HttpServletRequest request, HttpServletResponse response, String reason)
            throws IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean authenticated = Callers.authenticated(auth);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("account", auth != null && auth.getPrincipal() instanceof AmyPrincipal p ? p.id() : null);
        fields.put("authenticated", authenticated);
        fields.put("method", request.getMethod());
        fields.put("path", request.getRequestURI());
        fields.put("reason", reason);
        fields.put("request_id", RequestIds.current());
        securityLog.record("access-denied", fields);
        if (authenticated) {
            Problems.write(response, HttpStatus.FORBIDDEN, "forbidden", "Your account may not do this.");
        } else {
            Problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Log in first (POST /api/session).");
        }
        return false;
    }
}
