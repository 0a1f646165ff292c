package org.carpentries.amy.api.security;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin when there is no account: {@code AMY_ADMIN_USERNAME} (default {@code admin}) with
 * {@code AMY_ADMIN_PASSWORD}, or a generated password printed once.
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private final Accounts accounts;
    private final String username;
    private final String password;

    FirstAdmin(Accounts accounts, @Value("${amy.admin.username:admin}") String username,
               @Value("${amy.admin.password:}") String password) {
        this.accounts = accounts;
        this.username = username.isBlank() ? "admin" : username.strip();
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.any()) {
            return;
        }
        boolean generated = password.isBlank();
        String secret = generated ? generate() : password;
        accounts.create(username, secret, "admin");
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
