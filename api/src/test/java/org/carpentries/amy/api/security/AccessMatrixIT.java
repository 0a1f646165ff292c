package org.carpentries.amy.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every route the running application has (so a new endpoint is checked the day it appears) as anonymous,
 * auditor and admin, with placeholder path values and an empty JSON body: anonymous callers reach only AMY's public
 * routes, auditors only reads (and a restore's dry run), admins are never refused, and nobody gets a 5xx.
 */
class AccessMatrixIT extends AmyIT {

    /** Routes anyone may call (method and pattern), as docs/security.md lists them. */
    private static final Set<String> PUBLIC = Set.of(
            "GET /api/v1/events/published", "GET /api/v1/events/published/", "GET /api/v1/events/published.{format}",
            "GET /api/v1/export/badges", "GET /api/v1/export/badges/", "GET /api/v1/export/badges.{format}",
            "GET /api/v1/export/instructors", "GET /api/v1/export/instructors/",
            "GET /api/v1/export/instructors.{format}", "GET /api/session", "POST /api/session", "DELETE /api/session",
            "POST /api/password-resets");
    /**
     * Logging in and out, asking who one is, changing one's own password and using a reset link: open to their
     * callers, whose own answers (401 login-failed, 403 wrong-password, 400 reset-invalid) say no to a stranger.
     */
    private static final Set<String> SESSION = Set.of("GET /api/session", "POST /api/session", "DELETE /api/session",
            "PUT /api/session/password", "POST /api/password-resets");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    Api auditor;

    @BeforeEach
    void auditorAccount() {
        auditor = newAuditor();
    }

    @Test
    void everyRouteAnswersEachRoleAsDeclared() {
        List<String> routes = routes();
        assertThat(routes).hasSizeGreaterThan(80).contains("GET /api/audit", "POST /api/restores");
        List<String> wrong = new ArrayList<>();
        Set<String> seenPublic = new TreeSet<>();
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String pattern = route.substring(route.indexOf(' ') + 1);
            if (!pattern.startsWith("/api/")) {
                continue;
            }
            String path = pattern.replaceAll("\\{[^}]+}", "x");
            boolean isPublic = PUBLIC.contains(route);
            if (isPublic) {
                seenPublic.add(route);
            }
            Api.Response anon = call(anonymous, method, path);
            Api.Response audit = call(auditor, method, path);
            Api.Response admin = call(api, method, path);
            if (SESSION.contains(route)) {
                assertThat(List.of(anon.status(), audit.status(), admin.status())).as(route).allMatch(s -> s < 500);
                continue;
            }
            boolean auditorMay = method.equals("GET") || route.equals("POST /api/restores");
            check(wrong, route, "anonymous", anon, isPublic ? null : 401);
            check(wrong, route, "auditor", audit, auditorMay || isPublic ? null : 403);
            check(wrong, route, "admin", admin, null);
        }
        assertThat(wrong).isEmpty();
        assertThat(seenPublic).isEqualTo(new TreeSet<>(PUBLIC));
    }

    private List<String> routes() {
        List<String> routes = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    routes.add(method.name() + " " + pattern);
                }
            }
        }
        routes.sort(null);
        return routes;
    }

    private static Api.Response call(Api client, String method, String path) {
        boolean body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        return client.raw(method, path, body ? "application/json" : null,
                body ? "{}".getBytes(StandardCharsets.UTF_8) : null, "If-Match", "\"0\"");
    }

    /** Refused with {@code refused} (a problem with the matching code), or, when null, not refused at all; never 5xx. */
    private static void check(List<String> wrong, String route, String who, Api.Response r, Integer refused) {
        if (r.status() >= 500) {
            wrong.add(route + " as " + who + ": " + r);
        } else if (refused != null && (r.status() != refused
                || !(refused == 401 ? "unauthenticated" : "forbidden").equals(r.code()))) {
            wrong.add(route + " as " + who + ": expected " + refused + ", got " + r);
        } else if (refused == null && (r.status() == 401 || r.status() == 403)) {
            wrong.add(route + " as " + who + ": refused with " + r);
        }
    }
}
