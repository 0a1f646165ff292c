package org.carpentries.amy.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.sql.SQLException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

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

    @Test
    void aClientThatClosedTheConnectionIsNotAnErrorOfOurs() {
        var logger = (Logger) LoggerFactory.getLogger(ProblemHandler.class);
        var lines = new ListAppender<ILoggingEvent>();
        lines.start();
        logger.addAppender(lines);
        try {
            var request = new MockHttpServletRequest("GET", "/api/exports/published.yaml");
            var brokenPipe = new AsyncRequestNotUsableException("ServletOutputStream failed to write",
                    new IOException("Broken pipe"));
            assertThat(handler.unexpected(brokenPipe, request)).isNull();
            assertThat(lines.list).noneMatch(line -> line.getLevel() == Level.ERROR);

            var failure = handler.unexpected(new IllegalStateException("a bug"), request);
            assertThat(failure.getStatusCode().value()).isEqualTo(500);
            assertThat(code(failure)).isEqualTo("internal-error");
            assertThat(lines.list).filteredOn(line -> line.getLevel() == Level.ERROR).hasSize(1);
        } finally {
            logger.detachAppender(lines);
        }
    }
}
