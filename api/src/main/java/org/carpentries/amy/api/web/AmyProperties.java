package org.carpentries.amy.api.web;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * AMY's own settings: the zone that defines "today", how long a write waits for the read models, the largest
 * request body, and the largest page.
 */
@ConfigurationProperties("amy")
public record AmyProperties(ZoneId timeZone, Duration readModelWait, long maxBodyBytes, int maxPageSize) {

    public AmyProperties {
        timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
        readModelWait = readModelWait == null ? Duration.ofSeconds(5) : readModelWait;
        maxBodyBytes = maxBodyBytes <= 0 ? 1_048_576 : maxBodyBytes;
        maxPageSize = maxPageSize <= 0 ? 1000 : maxPageSize;
    }
}
