package org.carpentries.amy.api.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.carpentries.amy.api.security.SecurityLog;
import org.junit.jupiter.api.AfterEach;
import org.carpentries.amy.support.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class RateLimitsTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2016-04-06T17:05:00Z"));
    private final List<Map<String, Object>> logged = new ArrayList<>();
    private final SecurityLog log = new SecurityLog() {
        @Override
        public void record(String event, Map<String, ?> fields) {
            assertThat(event).isEqualTo("rate-limited");
            logged.add(new java.util.HashMap<>(fields));
        }
    };
    private final RateLimits limits = new RateLimits(new RateLimitProperties(true,
            new RateLimitProperties.Limit(60, 2), new RateLimitProperties.Limit(6, 1)), clock, log);

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private MockHttpServletResponse call(String method, String path, String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        limits.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void anonymousExportReadsBeyondTheBurstAre429WithRetryAfterAndOneLogLineWithoutTheAddress() throws Exception {
        assertThat(call("GET", "/api/v1/export/badges.json", "192.0.2.7").getStatus()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/events/published", "192.0.2.7").getStatus()).isEqualTo(200);
        MockHttpServletResponse refused = call("GET", "/api/v1/export/instructors", "192.0.2.7");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"code\":\"rate-limited\"");
        assertThat(call("GET", "/api/v1/export/badges", "192.0.2.7").getStatus()).isEqualTo(429);
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0)).containsEntry("path", "/api/v1/export/instructors").containsEntry("limit", "exports");
        assertThat(logged.get(0).toString()).doesNotContain("192.0.2.7");
        assertThat(call("GET", "/api/v1/export/badges", "198.51.100.1").getStatus()).as("another address").isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        assertThat(call("GET", "/api/v1/export/badges", "192.0.2.7").getStatus()).isEqualTo(200);
    }

    @Test
    void authenticatedExportReadsAreNotLimitedButTheirLoginsAre() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin",
                null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        for (int i = 0; i < 10; i++) {
            assertThat(call("GET", "/api/v1/export/badges", "192.0.2.8").getStatus()).isEqualTo(200);
        }
        assertThat(call("POST", "/api/session", "192.0.2.8").getStatus()).isEqualTo(200);
        MockHttpServletResponse refused = call("POST", "/api/session", "192.0.2.8");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("10");
    }

    @Test
    void otherPathsAndMethodsAreNeverLimited() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(call("GET", "/api/workshops", "192.0.2.9").getStatus()).isEqualTo(200);
            assertThat(call("GET", "/api/session", "192.0.2.9").getStatus()).isEqualTo(200);
        }
    }

    @Test
    void switchedOffNothingIsLimited() throws Exception {
        RateLimits off = new RateLimits(new RateLimitProperties(false, null, null), clock, log);
        for (int i = 0; i < 100; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/events/published");
            MockHttpServletResponse response = new MockHttpServletResponse();
            off.doFilter(request, response, new MockFilterChain());
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }
}
