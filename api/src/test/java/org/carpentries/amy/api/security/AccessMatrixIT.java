package org.carpentries.amy.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every route the running application has (so a new endpoint is checked the day it appears), fails on any
 * handler without {@link Access}, and calls each route under {@code /api} as every client with placeholder path
 * values and an empty JSON body: a caller the declaration does not name gets 401 {@code unauthenticated} when
 * anonymous and 403 {@code forbidden} otherwise, a caller it names is never refused, and nobody gets a 5xx.
 */
class AccessMatrixIT extends AmyIT {

    /** Routes anyone may call (method and pattern), as docs/security.md lists them. */
    private static final Set<String> PUBLIC = Set.of(
            "GET /api/v1/events/published", "GET /api/v1/events/published/", "GET /api/v1/events/published.{format}",
            "GET /api/v1/events/published.yaml", "GET /api/v1/events/published.json",
            "GET /api/v1/events/published.csv",
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

    /** Clients that are people's logins, so they also count as {@link Caller#PERSON}; the rest are tokens. */
    private static final Set<Caller> PEOPLE = EnumSet.of(Caller.PERSON, Caller.STAFF, Caller.AUDITOR, Caller.ADMIN);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    /** One client per caller, each counting as that caller (and anonymous) only: people by role, tokens by scope. */
    final Map<Caller, Api> clients = new EnumMap<>(Caller.class);

    @BeforeEach
    void accounts() {
        clients.put(Caller.ANONYMOUS, anonymous);
        clients.put(Caller.PERSON, Api.account(port, newLogin("person", "person password 12"), "person password 12"));
        clients.put(Caller.STAFF, newStaff());
        clients.put(Caller.AUDITOR, newAuditor());
        clients.put(Caller.ADMIN, api);
        clients.put(Caller.EXPORTS_READ, newToken("exports:read"));
        clients.put(Caller.MEMBERS_READ, newToken("members:read"));
        clients.put(Caller.AUDIT_READ, newToken("audit:read"));
    }

    @Test
    void everyHandlerOfAmyDeclaresItsCallers() {
        List<String> undeclared = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getName().startsWith("org.carpentries.amy.")
                    && AccessInterceptor.declared(handler) == null) {
                undeclared.add(info + " " + handler.getShortLogMessage());
            }
        });
        assertThat(undeclared).as("handlers without @Access").isEmpty();
    }

    @Test
    void everyRouteAnswersEachCallerAsDeclared() {
        Map<String, List<Caller>> routes = routes();
        assertThat(routes).hasSizeGreaterThan(80).containsKeys("GET /api/audit", "POST /api/restores");
        List<String> wrong = new ArrayList<>();
        Set<String> declaredPublic = new TreeSet<>();
        int calls = 0;
        for (Map.Entry<String, List<Caller>> route : routes.entrySet()) {
            String method = route.getKey().substring(0, route.getKey().indexOf(' '));
            String pattern = route.getKey().substring(route.getKey().indexOf(' ') + 1);
            if (!pattern.startsWith("/api/")) {
                continue;
            }
            List<Caller> declared = route.getValue();
            if (declared.contains(Caller.ANONYMOUS)) {
                declaredPublic.add(route.getKey());
            }
            // A variable with a pattern of alternatives takes the first, so the call reaches its handler.
            String path = pattern.replaceAll("\\{[^}:]+:([a-z-]+)\\|[^}]*}", "$1").replaceAll("\\{[^}]+}", "x");
            for (Map.Entry<Caller, Api> client : clients.entrySet()) {
                Caller who = client.getKey();
                Api.Response r = call(client.getValue(), method, path);
                calls++;
                if (SESSION.contains(route.getKey())) {
                    if (r.status() >= 500) {
                        wrong.add(route.getKey() + " as " + who + ": " + r);
                    }
                    continue;
                }
                EnumSet<Caller> as = EnumSet.of(Caller.ANONYMOUS, who);
                if (PEOPLE.contains(who)) {
                    as.add(Caller.PERSON);
                }
                boolean allowed = Callers.allowed(as, declared);
                Integer refused = allowed ? null : who == Caller.ANONYMOUS ? 401 : 403;
                check(wrong, route.getKey(), who, r, refused);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(calls).isGreaterThan(80 * clients.size());
        assertThat(declaredPublic).as("routes declared ANONYMOUS").isEqualTo(new TreeSet<>(PUBLIC));
    }

    @Test
    void aStrangerGetsNoAnswerButUnauthenticatedUnderApi() {
        Api.Response r = anonymous.get("/api/no-such-thing");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("unauthenticated");
        assertThat(clients.get(Caller.STAFF).get("/api/no-such-thing").status()).isEqualTo(404);
    }

    @Test
    void aStrangerIsRefusedBeforeTheBodyIsReadAndTheRefusalIsLogged() {
        Logger logger = (Logger) LoggerFactory.getLogger("amy.security");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            long before = eventCount();
            Api.Response r = anonymous.raw("POST", "/api/tags", "application/json",
                    "{\"name\": [".getBytes(StandardCharsets.UTF_8));
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.code()).isEqualTo("unauthenticated");
            Api.Response staff = clients.get(Caller.STAFF).raw("POST", "/api/tags", "application/json",
                    "{\"name\": [".getBytes(StandardCharsets.UTF_8));
            assertThat(staff.status()).isEqualTo(403);
            assertThat(staff.code()).isEqualTo("forbidden");
            assertThat(eventCount()).isEqualTo(before);
        } finally {
            logger.detachAppender(lines);
        }
        List<String> denials = lines.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("\"event\":\"access-denied\"") && m.contains("\"path\":\"/api/tags\""))
                .toList();
        assertThat(denials).hasSize(2);
        assertThat(denials.get(0)).contains("\"method\":\"POST\"", "\"authenticated\":false")
                .doesNotContain("\"account\"");
        assertThat(denials.get(1)).contains("\"authenticated\":true")
                .containsPattern("\"account\":\"[0-9a-f-]{36}\"").doesNotContain("staff-");
    }

    /** Every route (method and pattern) with the callers its handler declares (none: the handler has no rule). */
    private Map<String, List<Caller>> routes() {
        Map<String, List<Caller>> routes = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            List<Caller> declared = AccessInterceptor.declared(e.getValue());
            for (String pattern : e.getKey().getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    routes.put(method.name() + " " + pattern, declared == null ? List.of() : declared);
                }
            }
        }
        return routes;
    }

    private static Api.Response call(Api client, String method, String path) {
        boolean body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        return client.raw(method, path, body ? "application/json" : null,
                body ? "{}".getBytes(StandardCharsets.UTF_8) : null, "If-Match", "\"0\"");
    }

    /** Refused with {@code refused} (a problem with the matching code), or, when null, not refused at all; never 5xx. */
    private static void check(List<String> wrong, String route, Caller who, Api.Response r, Integer refused) {
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
