package org.carpentries.amy.api.accounts;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.carpentries.amy.api.problem.BadRequest;
import org.carpentries.amy.api.security.Access;
import org.carpentries.amy.api.security.Caller;
import org.carpentries.amy.api.security.PasswordRules;
import org.carpentries.amy.api.security.SecurityLog;
import org.carpentries.amy.api.web.AmyProperties;
import org.carpentries.amy.api.web.Params;
import org.carpentries.amy.api.web.Writes;
import org.carpentries.amy.command.RecordNotFound;
import org.carpentries.amy.command.login.Logins;
import org.carpentries.amy.command.person.DisableLogin;
import org.carpentries.amy.command.person.EnableLogin;
import org.carpentries.amy.command.person.GrantRole;
import org.carpentries.amy.command.person.IssuePasswordReset;
import org.carpentries.amy.command.person.RevokeRole;
import org.carpentries.amy.command.person.SetPassword;
import org.carpentries.amy.command.person.UsePasswordReset;
import org.carpentries.amy.command.person.events.LoginRole;
import org.carpentries.amy.query.persons.PersonQueries;
import org.carpentries.amy.query.persons.PersonView;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Logins are people's: an admin enables or disables a person's login, grants and revokes roles, sets an initial
 * password or issues a one-time reset link (AMY sends no mail, so the admin hands the link on). Nobody changes
 * their own login or roles (409 {@code own-access}).
 */
@RestController
@Access({})
class AccountController {

    static final Duration RESET_LIFETIME = Duration.ofHours(24);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Writes writes;
    private final PersonQueries persons;
    private final Logins logins;
    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final PasswordRules rules;
    private final SecurityLog securityLog;
    private final AmyProperties properties;
    private final Clock clock;

    AccountController(Writes writes, PersonQueries persons, Logins logins, JdbcTemplate jdbc, PasswordEncoder encoder,
                      PasswordRules rules, SecurityLog securityLog, AmyProperties properties, Clock clock) {
        this.writes = writes;
        this.persons = persons;
        this.logins = logins;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.rules = rules;
        this.securityLog = securityLog;
        this.properties = properties;
        this.clock = clock;
    }

    /** A person's login as admins see it. */
    record Account(UUID id, String username, String personal, String family, boolean enabled, List<String> roles,
                   Instant lastLoginAt) {
    }

    /** A page of accounts. */
    record Page(long count, String next, String previous, List<Account> results) {
    }

    /** A password an admin sets. */
    record NewPassword(String password) {
    }

    /** A reset link to hand to the person; it works once, until {@code expiresAt}. */
    record ResetLink(String url, Instant expiresAt) {
    }

    /** A reset link's token and the new password. */
    record UseReset(String token, String password) {
    }

    @GetMapping("/api/accounts")
    @Operation(summary = "List logins", description = "People with a login row: id, username, names, enabled, roles, "
            + "last_login_at; by family and personal name; page, page_size.")
    Page list(@RequestParam MultiValueMap<String, String> query) {
        Params p = new Params(query, Set.of("page", "page_size"));
        int page = p.integer("page", 1, 1, 1_000_000);
        int size = p.integer("page_size", 100, 1, properties.maxPageSize());
        Long count = jdbc.queryForObject("SELECT count(*) FROM login_account", Long.class);
        List<Account> results = jdbc.query("""
                SELECT a.person_id, p.username, p.personal, p.family, a.enabled, a.roles, a.last_login_at
                  FROM login_account a LEFT JOIN person_view p ON p.id = a.person_id
                 ORDER BY lower(p.family), lower(p.personal), a.person_id LIMIT ? OFFSET ?""",
                (rs, i) -> new Account(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), roles(rs.getString(6)), instant(rs.getTimestamp(7))),
                size, (long) (page - 1) * size);
        long total = count == null ? 0 : count;
        return new Page(total, (long) page * size < total ? link(page + 1, size) : null,
                page > 1 ? link(page - 1, size) : null, results);
    }

    @PutMapping("/api/persons/{ref}/login")
    @Operation(summary = "Enable a person's login", description = "They may log in by username or email once they "
            + "have a password; archived, merged or erased people cannot (409).")
    Account enable(@PathVariable String ref) {
        UUID id = require(ref).id();
        writes.send(new EnableLogin(id));
        return account(id);
    }

    @DeleteMapping("/api/persons/{ref}/login")
    @Operation(summary = "Disable a person's login", description = "Their sessions end at once; 409 own-access for "
            + "one's own login.")
    Account disable(@PathVariable String ref) {
        UUID id = require(ref).id();
        writes.send(new DisableLogin(id));
        return account(id);
    }

    @PutMapping("/api/persons/{ref}/roles/{role}")
    @Operation(summary = "Grant a role", description = "admin, auditor or staff; 409 own-access for one's own roles.")
    Account grant(@PathVariable String ref, @PathVariable String role) {
        UUID id = require(ref).id();
        writes.send(new GrantRole(id, role(role)));
        return account(id);
    }

    @DeleteMapping("/api/persons/{ref}/roles/{role}")
    @Operation(summary = "Revoke a role", description = "Effective on the person's next request; 409 own-access for "
            + "one's own roles.")
    Account revoke(@PathVariable String ref, @PathVariable String role) {
        UUID id = require(ref).id();
        writes.send(new RevokeRole(id, role(role)));
        return account(id);
    }

    @PutMapping("/api/persons/{ref}/password")
    @Operation(summary = "Set a person's password", description = "An initial password an admin chooses, under AMY's "
            + "password rules (400 password-too-weak).")
    ResponseEntity<Void> setPassword(@PathVariable String ref, @RequestBody NewPassword body) {
        PersonView person = require(ref);
        rules.check(body.password(), attributes(person));
        writes.send(new SetPassword(person.id(), encoder.encode(body.password())));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/persons/{ref}/password-resets")
    @Operation(summary = "Issue a password reset link", description = "201 {url, expires_at}: a one-time link valid "
            + "for 24 hours, for the admin to hand on; its token is kept only as a hash. The login must be enabled.")
    ResponseEntity<ResetLink> issueReset(@PathVariable String ref) {
        UUID id = require(ref).id();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID resetId = UUID.randomUUID();
        Instant expires = clock.instant().plus(RESET_LIFETIME).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        writes.send(new IssuePasswordReset(id, resetId, sha256(token), expires));
        securityLog.record("password-reset-issued", Map.of("person", id, "reset", resetId));
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/app/").fragment("password-reset="
                + token).build().toUriString();
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/password-resets").build()
                .toUri();
        return ResponseEntity.created(location).body(new ResetLink(url, expires));
    }

    @PostMapping("/api/password-resets")
    @Access(Caller.ANONYMOUS)
    @Operation(summary = "Use a password reset link", description = "token (from the link) and password: sets the "
            + "password under AMY's rules, uses the link up and ends the person's sessions. An unknown, used or "
            + "expired token is 400 reset-invalid.")
    ResponseEntity<Void> useReset(@RequestBody UseReset body) {
        Instant now = clock.instant();
        Logins.Reset reset = body.token() == null ? null : logins.resetByTokenHash(sha256(body.token())).orElse(null);
        if (reset == null || reset.usedAt() != null || !reset.expiresAt().isAfter(now)) {
            securityLog.record("password-reset-refused", Map.of());
            throw new BadRequest("reset-invalid", "This link is unknown, used or expired; ask an admin for a new one.");
        }
        PersonView person = persons.byReference(reset.personId().toString())
                .orElseThrow(() -> new BadRequest("reset-invalid", "This link is unknown, used or expired."));
        rules.check(body.password(), attributes(person));
        writes.send(new UsePasswordReset(reset.personId(), reset.id(), encoder.encode(body.password()), now));
        securityLog.record("password-reset-used", Map.of("person", reset.personId(), "reset", reset.id()));
        return ResponseEntity.noContent().build();
    }

    private PersonView require(String ref) {
        return persons.byReference(ref).orElseThrow(() -> new RecordNotFound("person", ref));
    }

    private Account account(UUID id) {
        return jdbc.query("""
                SELECT a.person_id, p.username, p.personal, p.family, a.enabled, a.roles, a.last_login_at
                  FROM login_account a LEFT JOIN person_view p ON p.id = a.person_id WHERE a.person_id = ?""",
                (rs, i) -> new Account(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), roles(rs.getString(6)), instant(rs.getTimestamp(7))), id)
                .stream().findFirst().orElseThrow(() -> new RecordNotFound("person", id));
    }

    private static String[] attributes(PersonView p) {
        return new String[] {p.username(), p.personal(), p.middle(), p.family(), p.email()};
    }

    private static LoginRole role(String code) {
        return LoginRole.find(code).orElseThrow(() -> new BadRequest("unknown-role",
                "Role must be admin, auditor or staff, not '" + code + "'."));
    }

    private static List<String> roles(String codes) {
        return Arrays.stream(codes.split(",")).filter(c -> !c.isBlank()).sorted().toList();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String link(int page, int size) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page)
                .replaceQueryParam("page_size", size).build().toUriString();
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
