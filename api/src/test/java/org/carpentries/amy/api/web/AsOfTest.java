package org.carpentries.amy.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.carpentries.amy.api.problem.BadRequest;
import org.junit.jupiter.api.Test;

class AsOfTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2016-04-06T20:00:00Z"), ZoneOffset.UTC);

    @Test
    void anInstantNeedsAnExplicitOffsetAndIsReadInUtc() {
        assertThat(AsOf.parse("2016-04-06T19:05:00Z", NOW)).isEqualTo(Instant.parse("2016-04-06T19:05:00Z"));
        assertThat(AsOf.parse("2016-04-06T21:05:00+02:00", NOW)).isEqualTo(Instant.parse("2016-04-06T19:05:00Z"));
        assertThat(AsOf.parse("2016-04-06T21:05:00.5 02:00", NOW)).isEqualTo(Instant.parse("2016-04-06T19:05:00.5Z"));
        assertThat(AsOf.parse(null, NOW)).isNull();
        assertCode("2016-04-06T19:05:00", "invalid-instant");
        assertCode("2016-04-06", "invalid-instant");
        assertCode("1459969500", "invalid-instant");
        assertCode("2016-04-06T20:00:00.001Z", "as-of-in-future");
        assertThat(AsOf.parse("2016-04-06T20:00:00Z", NOW)).isEqualTo(NOW.instant());
    }

    @Test
    void aWindowNeedsFromDefaultsToToNowAndMustNotRunBackwards() {
        AsOf.Window w = AsOf.window("2016-04-06T19:00:00Z", null, NOW);
        assertThat(w.from()).isEqualTo(Instant.parse("2016-04-06T19:00:00Z"));
        assertThat(w.to()).isEqualTo(NOW.instant());
        assertThatThrownBy(() -> AsOf.window(null, null, NOW)).isInstanceOfSatisfying(BadRequest.class,
                e -> assertThat(e.code()).isEqualTo("missing-parameter"));
        assertThatThrownBy(() -> AsOf.window("2016-04-06T19:30:00Z", "2016-04-06T19:00:00Z", NOW))
                .isInstanceOfSatisfying(BadRequest.class, e -> assertThat(e.code()).isEqualTo("invalid-instant-range"));
    }

    private static void assertCode(String value, String code) {
        assertThatThrownBy(() -> AsOf.parse(value, NOW)).isInstanceOfSatisfying(BadRequest.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
