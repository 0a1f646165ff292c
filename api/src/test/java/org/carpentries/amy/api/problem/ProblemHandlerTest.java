package org.carpentries.amy.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ProblemHandlerTest {

    private final ProblemHandler handler = new ProblemHandler();

    private static String code(ResponseEntity<ProblemDetail> r) {
        return String.valueOf(r.getBody().getProperties().get("code"));
    }

    @Test
    void anotherWriterTakingTheSameEventNumberIsAConflict() {
        var race = handler.concurrent(new ConcurrencyException("taken"));
        assertThat(race.getStatusCode().value()).isEqualTo(409);
        assertThat(code(race)).isEqualTo("concurrent-change");
        var duplicate = handler.concurrent(new EventStoreException("append failed", new RuntimeException("wrapped",
                new SQLException("duplicate key value violates unique constraint", "23505"))));
        assertThat(duplicate.getStatusCode().value()).isEqualTo(409);
        assertThat(code(duplicate)).isEqualTo("concurrent-change");
    }

    @Test
    void aStoreThatFailsForAnyOtherReasonIsUnavailableNotAConflict() {
        var failed = handler.concurrent(new EventStoreException("append failed",
                new SQLException("injected fault", "P0001")));
        assertThat(failed.getStatusCode().value()).isEqualTo(503);
        assertThat(code(failed)).isEqualTo("event-store-unavailable");
        assertThat(handler.concurrent(new EventStoreException("no connection")).getStatusCode().value())
                .isEqualTo(503);
    }
}
