package org.carpentries.amy.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.carpentries.amy.support.AmyIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Spring Security observes nothing: with an observation registry present it would otherwise wrap each of its
 * filters, its authentications and its authorizations in observations, timers included, on every request. The
 * requests themselves are still timed.
 */
class SecurityObservationsIT extends AmyIT {

    @Autowired
    MeterRegistry meters;

    @Test
    void requestsAreTimedButSecurityIsNotObserved() {
        assertThat(api.get("/api/tags").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/tags").status()).isEqualTo(401);

        assertThat(meters.find("http.server.requests").timers()).isNotEmpty();
        assertThat(meters.getMeters()).noneMatch(m -> m.getId().getName().startsWith("spring.security."));
    }
}
