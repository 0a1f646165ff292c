package org.carpentries.amy.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/** Which saves reach the session store, and in which transaction, over an in-memory store that records them. */
class TouchedSessionsTest {

    /** The ids of the sessions the store saved, in order, each with whether it ran in a write transaction. */
    private final List<String> saves = new ArrayList<>();
    private boolean inTransaction;

    private final TransactionOperations writes = new TransactionOperations() {
        @Override
        public <T> T execute(TransactionCallback<T> action) {
            TransactionStatus status = new SimpleTransactionStatus(true);
            inTransaction = true;
            try {
                return action.doInTransaction(status);
            } finally {
                inTransaction = false;
            }
        }
    };

    private final MapSessionRepository store = new MapSessionRepository(new ConcurrentHashMap<>());

    private final FindByIndexNameSessionRepository<MapSession> recorded = new FindByIndexNameSessionRepository<>() {
        @Override
        public MapSession createSession() {
            return store.createSession();
        }

        @Override
        public void save(MapSession session) {
            saves.add(session.getId() + (inTransaction ? " in a transaction" : " alone"));
            store.save(session);
        }

        @Override
        public MapSession findById(String id) {
            return store.findById(id);
        }

        @Override
        public void deleteById(String id) {
            store.deleteById(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            MapSession found = store.findById(indexValue);
            return found == null ? Map.of() : Map.of(found.getId(), found);
        }
    };

    private final TouchedSessions<MapSession> sessions = new TouchedSessions<>(recorded, writes, Duration.ofMinutes(1));

    @Test
    void aNewSessionIsSavedInOneWriteTransaction() {
        TouchedSessions.Tracked<MapSession> session = sessions.createSession();
        session.setAttribute("who", "Lena");
        sessions.save(session);

        assertThat(saves).containsExactly(session.getId() + " in a transaction");
        assertThat(store.findById(session.getId()).<String>getAttribute("who")).isEqualTo("Lena");
    }

    @Test
    void aSessionWhoseLastAccessMovedByLessThanAMinuteIsNotWrittenAgain() {
        String id = saved(Instant.now().minusSeconds(59));
        TouchedSessions.Tracked<MapSession> session = sessions.findById(id);
        session.setLastAccessedTime(Instant.now());
        session.getAttribute("who");
        sessions.save(session);

        assertThat(saves).isEmpty();
    }

    @Test
    void aSessionLastWrittenAMinuteAgoIsWrittenWithItsNewLastAccessOnce() {
        String id = saved(Instant.now().minusSeconds(61));
        TouchedSessions.Tracked<MapSession> session = sessions.findById(id);
        Instant now = Instant.now();
        session.setLastAccessedTime(now);
        sessions.save(session);
        sessions.save(session);

        assertThat(saves).containsExactly(id + " in a transaction");
        assertThat(store.findById(id).getLastAccessedTime()).isEqualTo(now);
    }

    @Test
    void anyOtherChangeIsWrittenAtOnce() {
        List<Consumer<TouchedSessions.Tracked<MapSession>>> changes = List.of(
                s -> s.setAttribute("who", "Ana"),
                s -> s.removeAttribute("who"),
                s -> s.setMaxInactiveInterval(Duration.ofHours(1)),
                TouchedSessions.Tracked::changeSessionId);
        for (Consumer<TouchedSessions.Tracked<MapSession>> change : changes) {
            saves.clear();
            TouchedSessions.Tracked<MapSession> session = sessions.findById(saved(Instant.now()));
            change.accept(session);
            sessions.save(session);

            assertThat(saves).hasSize(1).allSatisfy(s -> assertThat(s).endsWith(" in a transaction"));
            assertThat(store.findById(session.getId())).isNotNull();
        }
    }

    @Test
    void readsAndDeletesPassThroughWithoutAWriteTransaction() {
        String id = saved(Instant.now());
        assertThat(sessions.findById(id).<String>getAttribute("who")).isEqualTo("Lena");
        assertThat(sessions.findByIndexNameAndIndexValue("any", id)).containsOnlyKeys(id);
        assertThat(sessions.findById("unknown")).isNull();
        sessions.deleteById(id);

        assertThat(sessions.findById(id)).isNull();
        assertThat(saves).isEmpty();
    }

    /** Spring Session's own filter: a request creating a session saves it; the next with its cookie saves nothing. */
    @Test
    void throughSpringSessionsFilterOnlyTheFirstRequestWrites() throws Exception {
        MockHttpServletResponse first = new MockHttpServletResponse();
        new MockFilterChain(servlet(), new SessionRepositoryFilter<>(sessions))
                .doFilter(new MockHttpServletRequest("POST", "/api/session"), first);
        Cookie cookie = first.getCookie("SESSION");
        assertThat(cookie).isNotNull();
        assertThat(saves).hasSize(1);

        MockHttpServletRequest second = new MockHttpServletRequest("GET", "/api/session");
        second.setCookies(cookie);
        new MockFilterChain(servlet(), new SessionRepositoryFilter<>(sessions))
                .doFilter(second, new MockHttpServletResponse());

        assertThat(saves).hasSize(1);
    }

    /** Logs in on the first request (a new session with an attribute), reads the attribute on later ones. */
    private static HttpServlet servlet() {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) {
                if (request.getSession(false) == null) {
                    request.getSession().setAttribute("who", "Lena");
                } else {
                    request.getSession().getAttribute("who");
                }
            }
        };
    }

    /**
     * A session last written at {@code lastAccess}, holding "who": put straight into the store, so no save is
     * recorded.
     */
    private String saved(Instant lastAccess) {
        MapSession session = store.createSession();
        session.setAttribute("who", "Lena");
        session.setLastAccessedTime(lastAccess);
        store.save(session);
        return session.getId();
    }
}
