package org.carpentries.amy.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.carpentries.amy.api.problem.BadRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Spring joins {@code ?a=1&a=2} into {@code "1,2"} for a single {@code String} parameter: here a parameter that AMY
 * reads as one value and that arrives twice is a 400 {@code repeated-parameter}, and a handler of AMY's that takes
 * only named parameters refuses any other with 400 {@code unknown-parameter}. Handlers that read the whole query
 * ({@link Params}) check it themselves, multi-valued filters included.
 */
class SingleValuedParameters implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Set<String> named = new TreeSet<>();
        boolean readsWholeQuery = false;
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            if (annotation == null) {
                continue;
            }
            Class<?> type = parameter.getParameterType();
            String name = !annotation.name().isEmpty() ? annotation.name() : parameter.getParameterName();
            if (Map.class.isAssignableFrom(type)) {
                readsWholeQuery = true;
                continue;
            }
            named.add(name);
            String[] values = request.getParameterValues(name);
            if (values != null && values.length > 1 && !Collection.class.isAssignableFrom(type) && !type.isArray()) {
                throw new BadRequest("repeated-parameter", "Parameter '" + name + "' may be given once.", "query",
                        name);
            }
        }
        if (!readsWholeQuery && method.getBeanType().getName().startsWith("org.carpentries.amy.")
                && request.getQueryString() != null) {
            Set<String> unknown = new TreeSet<>(request.getParameterMap().keySet());
            unknown.removeAll(named);
            if (!unknown.isEmpty()) {
                String first = UnsafeCharacters.printable(unknown.iterator().next());
                throw new BadRequest("unknown-parameter", "Unknown query parameter '" + first + "'"
                        + (named.isEmpty() ? "; this endpoint takes none." : "; known: " + String.join(", ", named)
                        + "."), "query", first);
            }
        }
        return true;
    }
}
