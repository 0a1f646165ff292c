package org.carpentries.amy.api.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A session repository that saves a session only when something about it changed: an attribute, its id, its
 * timeout, or its last access by at least {@code touch}. Spring Session moves a session's last access on every
 * request, which marks it changed, so its repository would otherwise write the session row on every request of a
 * logged-in person (a transaction: {@code BEGIN}, {@code UPDATE}, {@code COMMIT}). A session can so expire up to
 * {@code touch} before its idle timeout is quite over.
 *
 * <p>A save runs in one transaction of {@code writes}, so a session's row and its attributes are written together;
 * the delegate is meant to run everything else (a read, a delete: one statement each) without a transaction of its
 * own.
 */
final class TouchedSessions<S extends Session>
        implements FindByIndexNameSessionRepository<TouchedSessions.Tracked<S>>, InitializingBean, DisposableBean {

    private final FindByIndexNameSessionRepository<S> delegate;
    private final TransactionOperations writes;
    private final Duration touch;

    TouchedSessions(FindByIndexNameSessionRepository<S> delegate, TransactionOperations writes, Duration touch) {
        this.delegate = delegate;
        this.writes = writes;
        this.touch = touch;
    }

    @Override
    public Tracked<S> createSession() {
        return new Tracked<>(delegate.createSession(), true);
    }

    @Override
    public void save(Tracked<S> session) {
        if (session.isNew || session.changed
                || Duration.between(session.written, session.getLastAccessedTime()).compareTo(touch) >= 0) {
            writes.executeWithoutResult(status -> delegate.save(session.session));
            session.saved();
        }
    }

    @Override
    public Tracked<S> findById(String id) {
        S session = delegate.findById(id);
        return session == null ? null : new Tracked<>(session, false);
    }

    @Override
    public void deleteById(String id) {
        delegate.deleteById(id);
    }

    @Override
    public Map<String, Tracked<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, Tracked<S>> found = new LinkedHashMap<>();
        delegate.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> found.put(id, new Tracked<>(session, false)));
        return found;
    }

    @Override
    public void afterPropertiesSet() throws Exception {
        if (delegate instanceof InitializingBean bean) {
            bean.afterPropertiesSet();
        }
    }

    @Override
    public void destroy() throws Exception {
        if (delegate instanceof DisposableBean bean) {
            bean.destroy();
        }
    }

    /** A session that knows whether anything but its last access changed since it was read or saved. */
    static final class Tracked<S extends Session> implements Session {

        private final S session;
        private boolean isNew;
        private boolean changed;
        private Instant written;

        Tracked(S session, boolean isNew) {
            this.session = session;
            this.isNew = isNew;
            this.written = session.getLastAccessedTime();
        }

        private void saved() {
            isNew = false;
            changed = false;
            written = session.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return session.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return session.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            changed = true;
            session.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            changed = true;
            session.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            session.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            changed = true;
            session.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }
    }
}
