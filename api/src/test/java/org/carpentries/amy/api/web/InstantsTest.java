package org.carpentries.amy.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.carpentries.amy.api.problem.BadRequest;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

/** Found by the hostile-input probe: instants beyond PostgreSQL's range reached SQL and answered 500. */
class InstantsTest {

    @Test
    void instantsOutsideTheYears1To9999AreRefusedAsUnreadable() {
        for (String far : new String[] {"-290000-01-01T00:00:00Z", "-999999-01-01T00:00:00Z",
                "+999999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "0000-12-31T23:59:59Z"}) {
            assertThatThrownBy(() -> Instants.fromQuery(far)).as(far).isInstanceOf(DateTimeParseException.class);
        }
        assertThat(Instants.withOffset("0001-01-01T00:00:00Z")).isEqualTo(Instants.EARLIEST);
        assertThat(Instants.withOffset("9999-12-31T23:59:59Z")).isBefore(Instants.LATEST);
        assertThat(Instants.fromQuery("2016-04-06T19:05:00 02:00")).isEqualTo(Instant.parse("2016-04-06T17:05:00Z"));
    }

    @Test
    void paramsAnswerFarInstantsAndDatesWithTheirUsualCodes() {
        LinkedMultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.add("from", "+999999-12-31T23:59:59Z");
        query.add("day", "+10000-01-01");
        Params params = new Params(query, java.util.Set.of("from", "day"));
        assertThatThrownBy(() -> params.instant("from")).isInstanceOfSatisfying(BadRequest.class,
                e -> assertThat(e.code()).isEqualTo("invalid-parameter"));
        assertThatThrownBy(() -> params.date("day")).isInstanceOfSatisfying(BadRequest.class,
                e -> assertThat(e.code()).isEqualTo("invalid-parameter"));
    }
}
