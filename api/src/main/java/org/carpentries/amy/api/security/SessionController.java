package org.carpentries.amy.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.carpentries.amy.api.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Logging in and out: a server-side session behind an {@code HttpOnly} cookie. */
@RestController
@RequestMapping("/api/session")
@Access(Caller.ANONYMOUS)
class SessionController {

    private final AuthenticationManager authentication;
    private final SecurityContextRepository contexts;

    SessionController(AuthenticationManager authentication, SecurityContextRepository contexts) {
        this.authentication = authentication;
        this.contexts = contexts;
    }

    /** Credentials for a login. */
    record Login(String username, String password) {
    }

    /** Who is logged in. */
    record Session(java.util.UUID id, String username, List<String> roles) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> login(@RequestBody Login login, HttpServletRequest request, HttpServletResponse response) {
        Authentication result;
        try {
            result = authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                    login.username() == null ? "" : login.username(), login.password() == null ? "" : login.password()));
        } catch (AuthenticationException e) {
            ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, "login-failed",
                    "Wrong username or password.");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        request.getSession(true);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(result);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return ResponseEntity.ok(session(result));
    }

    @GetMapping
    ResponseEntity<?> current(Authentication auth) {
        if (auth == null || !(auth.getPrincipal() instanceof AmyPrincipal)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Not logged in."));
        }
        return ResponseEntity.ok(session(auth));
    }

    @DeleteMapping
    ResponseEntity<Void> logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return ResponseEntity.noContent().build();
    }

    private static Session session(Authentication auth) {
        return new Session(((AmyPrincipal) auth.getPrincipal()).id(), auth.getName(), auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.replaceFirst("^ROLE_", "").toLowerCase(java.util.Locale.ROOT)).toList());
    }
}
