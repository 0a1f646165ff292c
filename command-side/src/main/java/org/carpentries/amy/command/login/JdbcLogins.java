package org.carpentries.amy.command.login;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.carpentries.amy.command.person.events.LoginRole;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Login state in PostgreSQL ({@code login_account}, {@code password_reset}, Spring Session's tables). */
@Component
class JdbcLogins implements Logins {

    private final JdbcTemplate jdbc;

    JdbcLogins(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void enable(UUID personId) {
        jdbc.update("""
                INSERT INTO login_account (person_id, enabled) VALUES (?, TRUE)
                ON CONFLICT (person_id) DO UPDATE SET enabled = TRUE""", personId);
    }

    @Override
    public void disable(UUID personId) {
        jdbc.update("UPDATE login_account SET enabled = FALSE WHERE person_id = ?", personId);
        endSessions(personId);
    }

    @Override
    public void setRoles(UUID personId, Set<LoginRole> roles) {
        jdbc.update("""
                INSERT INTO login_account (person_id, roles) VALUES (?, ?)
                ON CONFLICT (person_id) DO UPDATE SET roles = excluded.roles""", personId, codes(roles));
    }

    @Override
    public void setPassword(UUID personId, String passwordHash, Instant at) {
        jdbc.update("""
                INSERT INTO login_account (person_id, password_hash, password_set_at) VALUES (?, ?, ?)
                ON CONFLICT (person_id) DO UPDATE SET password_hash = excluded.password_hash,
                    password_set_at = excluded.password_set_at""", personId, passwordHash, Timestamp.from(at));
    }

    @Override
    public void delete(UUID personId) {
        jdbc.update("DELETE FROM login_account WHERE person_id = ?", personId);
        endSessions(personId);
    }

    @Override
    public void endSessions(UUID personId) {
        jdbc.update("DELETE FROM spring_session WHERE principal_name = ?", personId.toString());
    }

    @Override
    public void issueReset(UUID resetId, UUID personId, String tokenHash, Instant expiresAt) {
        jdbc.update("INSERT INTO login_account (person_id) VALUES (?) ON CONFLICT DO NOTHING", personId);
        jdbc.update("INSERT INTO password_reset (id, person_id, token_hash, expires_at) VALUES (?, ?, ?, ?)",
                resetId, personId, tokenHash, Timestamp.from(expiresAt));
    }

    @Override
    public boolean useReset(UUID resetId, UUID personId, Instant at) {
        return jdbc.update("""
                UPDATE password_reset SET used_at = ?
                 WHERE id = ? AND person_id = ? AND used_at IS NULL AND expires_at > ?""",
                Timestamp.from(at), resetId, personId, Timestamp.from(at)) == 1;
    }

    @Override
    public Optional<Account> find(UUID personId) {
        return jdbc.query("SELECT enabled, roles, password_hash FROM login_account WHERE person_id = ?",
                (rs, i) -> new Account(personId, rs.getBoolean(1), roles(rs.getString(2)), rs.getString(3)),
                personId).stream().findFirst();
    }

    @Override
    public Optional<Reset> resetByTokenHash(String tokenHash) {
        return jdbc.query("SELECT id, person_id, expires_at, used_at FROM password_reset WHERE token_hash = ?",
                (rs, i) -> new Reset(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()),
                tokenHash).stream().findFirst();
    }

    /** LoginRole codes as stored: sorted, comma-separated. */
    static String codes(Set<LoginRole> roles) {
        return roles.stream().sorted().map(LoginRole::code).collect(Collectors.joining(","));
    }

    /** The roles of a stored {@code roles} value; unknown codes are ignored. */
    static Set<LoginRole> roles(String codes) {
        Set<LoginRole> roles = EnumSet.noneOf(LoginRole.class);
        Arrays.stream(codes == null ? new String[0] : codes.split(",")).map(String::strip)
                .forEach(c -> LoginRole.find(c).ifPresent(roles::add));
        return roles;
    }
}
