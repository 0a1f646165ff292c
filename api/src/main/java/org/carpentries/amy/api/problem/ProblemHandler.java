package org.carpentries.amy.api.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.carpentries.amy.command.InvalidInput;
import org.carpentries.amy.command.RecordNotFound;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.query.Renders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Maps each kind of rejection to its status; domain exceptions bring their own codes. */
@RestControllerAdvice
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final Map<Integer, String> CODES = Map.of(400, "bad-request", 401, "unauthenticated", 403,
            "forbidden", 404, "not-found", 405, "method-not-allowed", 406, "not-acceptable", 413, "body-too-large",
            415, "unsupported-media-type", 429, "rate-limited");

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation-failed", e.getMessage());
        problem.setTitle("Invalid input");
        problem.setProperty("errors", e.errors().stream()
                .map(f -> Map.of("field", f.field(), "code", f.code(), "message", f.message())).toList());
        return respond(problem);
    }

    @ExceptionHandler(RecordNotFound.class)
    ResponseEntity<ProblemDetail> notFound(RecordNotFound e) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, e.code(), e.getMessage()));
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> rule(RuleViolation e) {
        return respond(Problems.of(HttpStatus.CONFLICT, e.code(), e.getMessage()));
    }

    @ExceptionHandler(BadRequest.class)
    ResponseEntity<ProblemDetail> badRequest(BadRequest e) {
        return respond(Problems.refused(e.code(), e.getMessage(), e.where(), e.field()));
    }

    @ExceptionHandler(org.carpentries.amy.api.web.ReadModelsBehind.class)
    ResponseEntity<Map<String, Object>> behind(org.carpentries.amy.api.web.ReadModelsBehind e) {
        return ResponseEntity.accepted().contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", e.code(), "detail", e.getMessage()));
    }

    @ExceptionHandler(Renders.Busy.class)
    ResponseEntity<ProblemDetail> rendersBusy(Renders.Busy e) {
        log.warn("A render was refused after waiting for a slot: {}", e.getMessage());
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "renders-busy", e.getMessage());
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(problem);
    }

    @ExceptionHandler(PreconditionRequired.class)
    ResponseEntity<ProblemDetail> preconditionRequired(PreconditionRequired e) {
        return respond(Problems.of(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", e.getMessage()));
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> versionMismatch(ConflictingAggregateVersionException e) {
        return respond(Problems.of(HttpStatus.PRECONDITION_FAILED, "version-mismatch",
                "The record changed since you read it (now at version " + e.getActualVersion()
                        + "); read it again and retry."));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> exists(AggregateStreamCreationException e) {
        return respond(Problems.of(HttpStatus.CONFLICT, "already-exists", "A record with this id already exists."));
    }

    @ExceptionHandler({ConcurrencyException.class, EventStoreException.class})
    ResponseEntity<ProblemDetail> concurrent(RuntimeException e) {
        if (e instanceof ConcurrencyException || duplicateKey(e)) {
            log.info("Concurrent change refused: {}", e.toString());
            return respond(Problems.of(HttpStatus.CONFLICT, "concurrent-change",
                    "Someone changed this record at the same moment; read it again and retry."));
        }
        // Not a race with another writer: the store itself failed, and nothing was recorded.
        log.error("The event store refused an append", e);
        return respond(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "event-store-unavailable",
                "The change could not be stored and nothing was recorded; try again later."));
    }

    /** Whether a unique key refused the write (SQL state 23505): another writer took the same event number. */
    private static boolean duplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> aggregateNotFound(AggregateNotFoundException e) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "record-not-found", "No such record."));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof org.carpentries.amy.api.web.TooLargeBody || isTooLarge(e)) {
            return respond(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", cause.getMessage()));
        }
        if (cause instanceof tools.jackson.databind.exc.UnrecognizedPropertyException u) {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation-failed",
                    "Unknown field '" + u.getPropertyName() + "'.");
            problem.setProperty("errors", List.of(Map.of("field", String.valueOf(u.getPropertyName()), "code",
                    "unknown-field", "message", "This field is not part of the request.")));
            return respond(problem);
        }
        if (cause instanceof tools.jackson.databind.exc.MismatchedInputException m && m.getPath() != null
                && !m.getPath().isEmpty()) {
            String field = m.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                    : String.valueOf(r.getIndex())).reduce((a, b) -> a + "." + b).orElse("");
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation-failed",
                    "Field '" + field + "' has the wrong type or shape.");
            problem.setProperty("errors", List.of(Map.of("field", field, "code", "wrong-type", "message",
                    "This value has the wrong type or shape.")));
            return respond(problem);
        }
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body",
                "The request body is not valid JSON of the expected shape."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter",
                "Parameter '" + e.getName() + "' has an invalid value."));
    }

    private static ResponseEntity<ProblemDetail> spring(ErrorResponse e) {
        HttpStatusCode status = e.getStatusCode();
        ProblemDetail body = e.getBody();
        String code = code(status.value());
        ProblemDetail problem = Problems.of(status, code, body.getDetail() == null ? body.getTitle() : body.getDetail());
        return ResponseEntity.status(status).headers(e.getHeaders()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The stable code of a status that no more specific rejection named. */
    static String code(int status) {
        return status >= 500 ? "internal-error" : CODES.getOrDefault(status, "request-refused");
    }

    /** A rule about who may do what that only the request's body decides (an auditor's dry run, not its apply). */
    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(org.springframework.security.access.AccessDeniedException e) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "forbidden", e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse response) {
            return spring(response);
        }
        if (isTooLarge(e)) {
            return respond(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "The request body is too large."));
        }
        if (isClientGone(e)) {
            // Nobody is left to read a problem: the client closed the connection while the answer was being sent.
            log.debug("Client gone on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return null;
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Something went wrong on our side; the request id in X-Request-Id helps us find it."));
    }

    private static boolean isTooLarge(Throwable e) {
        return causedBy(e, t -> t instanceof org.carpentries.amy.api.web.TooLargeBody);
    }

    /** The connection was closed under the response (Spring's wrapper, or Tomcat's {@code ClientAbortException}). */
    static boolean isClientGone(Throwable e) {
        return causedBy(e, t -> t instanceof AsyncRequestNotUsableException
                || t.getClass().getName().equals("org.apache.catalina.connector.ClientAbortException"));
    }

    private static boolean causedBy(Throwable e, Predicate<Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (kind.test(t)) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
