package org.carpentries.amy.api.security;

import java.security.SecureRandom;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.carpentries.amy.command.lookup.Lookups;
import org.carpentries.amy.command.lookup.UniqueKind;
import org.carpentries.amy.command.person.EnableLogin;
import org.carpentries.amy.command.person.GrantRole;
import org.carpentries.amy.command.person.PersonDetails;
import org.carpentries.amy.command.person.RegisterPerson;
import org.carpentries.amy.command.person.SetPassword;
import org.carpentries.amy.command.person.events.LoginRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin when nobody can log in: a person "AMY Administrator" with username
 * {@code AMY_ADMIN_USERNAME} (default {@code admin}; an existing person with that username is used instead), an
 * enabled login, the admin role and {@code AMY_ADMIN_PASSWORD} or a generated password printed once, all through
 * the person's commands.
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private final CommandGateway commands;
    private final Lookups lookups;
    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final PasswordRules rules;
    private final String username;
    private final String password;

    FirstAdmin(CommandGateway commands, Lookups lookups, JdbcTemplate jdbc, PasswordEncoder encoder,
               PasswordRules rules, @Value("${amy.admin.username:admin}") String username,
               @Value("${amy.admin.password:}") String password) {
        this.commands = commands;
        this.lookups = lookups;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.rules = rules;
        this.username = username.isBlank() ? "admin" : username.strip();
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long enabled = jdbc.queryForObject("SELECT count(*) FROM login_account WHERE enabled", Long.class);
        if (enabled != null && enabled > 0) {
            return;
        }
        boolean generated = password.isBlank();
        String secret = generated ? generate() : password;
        if (!generated) {
            String weak = rules.problem(secret, username, "AMY", "Administrator");
            if (weak != null) {
                log.warn("AMY_ADMIN_PASSWORD breaks AMY's password rules ({}); it is used anyway, change it soon",
                        weak);
            }
        }
        UUID id = lookups.holder(UniqueKind.PERSON_USERNAME, username).orElseGet(() -> {
            UUID fresh = UUID.randomUUID();
            commands.sendAndWait(new RegisterPerson(fresh, new PersonDetails("AMY", null, "Administrator", username,
                    null, null, null, null, null, null, null, null, null, null, false), Set.of(), Set.of()));
            return fresh;
        });
        commands.sendAndWait(new SetPassword(id, encoder.encode(secret)));
        commands.sendAndWait(new GrantRole(id, LoginRole.ADMIN));
        commands.sendAndWait(new EnableLogin(id));
        if (generated) {
            // Logged once, at WARN so it stands out; it is stored only as a hash.
            log.warn("AMY created the first admin. Log in as '{}' with password: {}  (shown only now; set "
                    + "AMY_ADMIN_PASSWORD before the first start to choose it yourself)", username, secret);
        } else {
            log.info("Created the first admin '{}' with the password from AMY_ADMIN_PASSWORD", username);
        }
    }
    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
