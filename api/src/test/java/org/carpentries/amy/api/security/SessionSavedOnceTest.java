package org.carpentries.amy.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Spring Session's filter in front of a servlet that flushes its body as Spring MVC does, over a session
 * repository that counts its reads.
 */
class SessionSavedOnceTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final MapSessionRepository sessions = new MapSessionRepository(new ConcurrentHashMap<>()) {
        @Override
        public MapSession findById(String id) {
            reads.incrementAndGet();
            return super.findById(id);
        }
    };

    @Test
    void aFlushedBodyLeavesTheSessionReadOnce() throws Exception {
        MockHttpServletResponse response = run(existingSession(), new SessionSavedOnce());

        assertThat(reads).hasValue(1);
        assertThat(response.getContentAsString()).isEqualTo("{\"ok\":true}");
        assertThat(response.isCommitted()).isFalse();
    }

    /** Spring Session alone reads the session a second time: what the filter is there for. */
    @Test
    void withoutItTheFlushReadsTheSessionAgain() throws Exception {
        run(existingSession(), null);

        assertThat(reads).hasValue(2);
    }

    @Test
    void aNewSessionStillGetsItsCookie() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/session");
        MockHttpServletResponse response = new MockHttpServletResponse();
        new MockFilterChain(servlet(true), new SessionRepositoryFilter<>(sessions), new SessionSavedOnce())
                .doFilter(request, response);

        Cookie cookie = response.getCookie("SESSION");
        assertThat(cookie).isNotNull();
        String id = new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
        assertThat(sessions.findById(id)).isNotNull();
        assertThat(response.getContentAsString()).isEqualTo("{\"ok\":true}");
    }

    private MockHttpServletRequest existingSession() {
        MapSession session = sessions.createSession();
        sessions.save(session);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/workshops");
        request.setCookies(new Cookie("SESSION",
                Base64.getEncoder().encodeToString(session.getId().getBytes(StandardCharsets.UTF_8))));
        return request;
    }

    private MockHttpServletResponse run(MockHttpServletRequest request, Filter deferring) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        Filter[] filters = deferring == null ? new Filter[] {new SessionRepositoryFilter<>(sessions)}
                : new Filter[] {new SessionRepositoryFilter<>(sessions), deferring};
        new MockFilterChain(servlet(false), filters).doFilter(request, response);
        return response;
    }

    /** Reads the session (creating it when asked) and writes a body, flushing it as Spring MVC does. */
    private static HttpServlet servlet(boolean create) {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                request.getSession(create);
                response.setStatus(201);
                response.getOutputStream().write("{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
                response.getOutputStream().flush();
            }
        };
    }
}
