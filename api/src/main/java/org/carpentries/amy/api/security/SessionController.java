package org.carpentries.amy.api.security;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carpentries.amy.api.problem.Problems;
import org.carpentries.amy.api.web.Writes;
import org.carpentries.amy.command.person.SetPassword;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Logging in and out: a session in PostgreSQL behind the {@code HttpOnly} cookie {@code AMY_SESSION}. Every failed
 * login is the same 401 {@code login-failed}; five failures for one login string within 15 minutes throttle it (429
 * {@code login-throttled}), whether or not anyone has it.
 */
@RestController
@RequestMapping("/api/session")
@Access(Caller.ANONYMOUS)
class SessionController {

    private final AuthenticationManager authentication;
    private final SecurityContextRepository contexts;
    private final LoginThrottle throttle;
    private final LoginAccounts accounts;
    private final SecurityLog securityLog;
    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final PasswordRules rules;
    private final Writes writes;

    SessionController(AuthenticationManager authentication, SecurityContextRepository contexts, LoginThrottle throttle,
                      LoginAccounts accounts, SecurityLog securityLog, JdbcTemplate jdbc, PasswordEncoder encoder,
                      PasswordRules rules, Writes writes) {
        this.authentication = authentication;
        this.contexts = contexts;
        this.throttle = throttle;
        this.accounts = accounts;
        this.securityLog = securityLog;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.rules = rules;
        this.writes = writes;
    }

    /** Credentials for a login: the username or email, and the password. */
    record Login(String username, String password) {
    }

    /** Who is logged in. */
    record Session(UUID id, String username, List<String> roles) {
    }

    /** A change of one's own password. */
    record PasswordChange(String currentPassword, String newPassword) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Access(Caller.ANONYMOUS)
    @Operation(summary = "Log in", description = "username (or email) and password; answers who is logged in and "
            + "sets the session cookie. Any failure is 401 login-failed; repeated failures for one login are 429 "
            + "login-throttled with Retry-After.")
    ResponseEntity<?> login(@RequestBody Login login, HttpServletRequest request, HttpServletResponse response) {
        return authenticate(login.username(), login.password(), request, response);
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Access(Caller.ANONYMOUS)
    @Operation(summary = "Log in from a form", description = "The same as the JSON login, for a browser's form.")
    ResponseEntity<?> loginForm(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request,
                                HttpServletResponse response) {
        return authenticate(form.getFirst("username"), form.getFirst("password"), request, response);
    }

    private ResponseEntity<?> authenticate(String username, String password, HttpServletRequest request,
                                           HttpServletResponse response) {
        String login = username == null ? "" : username;
        Optional<Duration> wait = throttle.blocked(login);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            log("login-throttled", accounts.personOf(login).orElse(null));
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "login-throttled",
                            "Too many failed logins; try again in " + seconds + " seconds."));
        }
        Authentication result;
        try {
            result = authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(login,
                    password == null ? "" : password));
        } catch (AuthenticationException e) {
            throttle.failed(login);
            log("login-failed", accounts.personOf(login).orElse(null));
            ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, "login-failed",
                    "Wrong username or password.");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        throttle.succeeded(login);
        UUID personId = ((AmyPrincipal) result.getPrincipal()).id();
        // A new session id at every login, so a session id planted before it is worthless after.
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        request.getSession(true);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(result);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        jdbc.update("UPDATE login_account SET last_login_at = now() WHERE person_id = ?", personId);
        log("login-succeeded", personId);
        return ResponseEntity.ok(session(result));
    }

    @GetMapping
    @Access(Caller.ANONYMOUS)
    @Operation(summary = "Who is logged in", description = "401 unauthenticated when nobody is.")
    ResponseEntity<?> current(Authentication auth) {
        if (auth == null || !(auth.getPrincipal() instanceof AmyPrincipal)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Not logged in."));
        }
        return ResponseEntity.ok(session(auth));
    }

    @DeleteMapping
    @Access(Caller.ANONYMOUS)
    @Operation(summary = "Log out", description = "Ends the session; its row leaves PostgreSQL.")
    ResponseEntity<Void> logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/password")
    @Access(Caller.PERSON)
    @Operation(summary = "Change one's own password", description = "current_password and new_password; the new "
            + "one keeps AMY's password rules (400 password-too-weak). A wrong current password is 403 "
            + "wrong-password.")
    ResponseEntity<?> changePassword(@RequestBody PasswordChange change, Authentication auth) {
        AmyPrincipal principal = (AmyPrincipal) auth.getPrincipal();
        String hash = accounts.principal(principal.id(), true).map(AmyPrincipal::getPassword).orElse("");
        if (change.currentPassword() == null || hash.isEmpty() || !encoder.matches(change.currentPassword(), hash)) {
            log("password-change-refused", principal.id());
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(HttpStatus.FORBIDDEN, "wrong-password", "The current password is wrong."));
        }
        rules.check(change.newPassword(), accounts.attributes(principal.id()));
        writes.send(new SetPassword(principal.id(), encoder.encode(change.newPassword())));
        log("password-changed", principal.id());
        return ResponseEntity.noContent().build();
    }

    private void log(String event, UUID personId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("person", personId);
        securityLog.record(event, fields);
    }

    private static Session session(Authentication auth) {
        return new Session(((AmyPrincipal) auth.getPrincipal()).id(), auth.getName(), auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()).toLowerCase(Locale.ROOT)).toList());
    }
}
