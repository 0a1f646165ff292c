package org.carpentries.amy.api.admin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The scheduled verification of every read model: whether it runs, when (a Spring cron expression in UTC), and how
 * long one read model's verification may take before the job moves on to the next.
 */
@ConfigurationProperties("amy.verification")
public record VerificationProperties(boolean enabled, String cron, Duration timeout) {

    public VerificationProperties {
        cron = cron == null || cron.isBlank() ? "0 30 2 * * *" : cron;
        timeout = timeout == null ? Duration.ofMinutes(30) : timeout;
    }
}
