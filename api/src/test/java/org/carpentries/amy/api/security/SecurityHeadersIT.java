package org.carpentries.amy.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.junit.jupiter.api.Test;

class SecurityHeadersIT extends AmyIT {

    @Test
    void everyAnswerForbidsFramingSniffingAndReferrersAndLimitsWhereContentComesFrom() {
        for (Api.Response r : List.of(anonymous.get("/"), anonymous.get("/api/v1/events/published.yaml"),
                api.get("/api/tags"), anonymous.get("/api/tags"), anonymous.get("/swagger-ui/index.html"))) {
            assertThat(r.header("Content-Security-Policy")).as(r.toString())
                    .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
                            "object-src 'none'");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
        }
    }

    @Test
    void strictTransportSecurityOnlyOverTls() {
        assertThat(anonymous.get("/api/v1/events/published.yaml").header("Strict-Transport-Security")).isNull();
    }

    @Test
    void corsIsClosedToOtherSites() {
        Api.Response simple = anonymous.raw("GET", "/api/v1/events/published.json", null, null,
                "Origin", "https://evil.example");
        assertThat(simple.header("Access-Control-Allow-Origin")).as(simple.toString()).isNull();
        Api.Response preflight = api.raw("OPTIONS", "/api/workshops", null, null, "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        assertThat(preflight.header("Access-Control-Allow-Origin")).as(preflight.toString()).isNull();
        assertThat(preflight.header("Access-Control-Allow-Methods")).as(preflight.toString()).isNull();
    }

    @Test
    void anOriginNamedInTheConfigurationMayCallWithoutCookies() {
        Api.Response preflight = anonymous.raw("OPTIONS", "/api/v1/events/published.json", null, null,
                "Origin", "https://websites.example", "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "authorization");
        assertThat(preflight.header("Access-Control-Allow-Origin")).as(preflight.toString())
                .isEqualTo("https://websites.example");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
        Api.Response read = anonymous.raw("GET", "/api/v1/events/published.json", null, null,
                "Origin", "https://websites.example");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Access-Control-Allow-Origin")).isEqualTo("https://websites.example");
    }
}
