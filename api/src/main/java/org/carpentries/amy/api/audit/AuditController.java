package org.carpentries.amy.api.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.carpentries.amy.api.problem.BadRequest;
import org.carpentries.amy.api.security.Access;
import org.carpentries.amy.api.security.Caller;
import org.carpentries.amy.api.web.AmyProperties;
import org.carpentries.amy.api.web.Formats;
import org.carpentries.amy.api.web.Params;
import org.carpentries.amy.query.References;
import org.carpentries.amy.query.audit.AuditCsv;
import org.carpentries.amy.query.audit.AuditCursor;
import org.carpentries.amy.query.audit.AuditEntry;
import org.carpentries.amy.query.audit.AuditFilter;
import org.carpentries.amy.query.audit.AuditPage;
import org.carpentries.amy.query.audit.AuditQueries;
import org.carpentries.amy.query.audit.AuditedEvents;
import org.carpentries.amy.query.published.ExportFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit", description = "The audit log: every domain event of every record, who did it, when, in which "
        + "request, and the fields it changed with old and new values.")
class AuditController {

    private static final Set<String> PARAMS = Set.of("from", "to", "actor", "record_type", "record_id",
            "event_type", "request_id", "order", "limit", "after");
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final String CURSOR_PREFIX = "audit:";
    private final AuditQueries audit;
    private final AmyProperties properties;

    AuditController(AuditQueries audit, AmyProperties properties) {
        this.audit = audit;
        this.properties = properties;
    }

    @Access({Caller.AUDITOR, Caller.AUDIT_READ})
    @GetMapping("/api/audit")
    @Operation(summary = "The audit log", description = "Domain events across all records, newest first by default "
            + "(by time, then position). "
            + "Filters combine: from (inclusive) and to (exclusive) are instants with an explicit offset "
            + "(2016-04-06T19:05:00+02:00, + written %2B, or …Z) and answered in UTC; actor is an id or a name as "
            + "the actor metadata holds it; record_type, record_id, event_type (a simple class name such as "
            + "TagUnassignedFromWorkshop), request_id. Pages by position: pass the answer's next as after. "
            + "Accept: text/csv answers as /api/audit.csv does.",
            parameters = {
                @Parameter(name = "from", in = ParameterIn.QUERY, schema = @Schema(type = "string",
                        format = "date-time")),
                @Parameter(name = "to", in = ParameterIn.QUERY, schema = @Schema(type = "string",
                        format = "date-time")),
                @Parameter(name = "actor", in = ParameterIn.QUERY),
                @Parameter(name = "record_type", in = ParameterIn.QUERY, schema = @Schema(allowableValues = {
                    "airport", "badge", "knowledge_domain", "lesson", "organisation", "person", "role", "tag",
                    "token", "workshop"})),
                @Parameter(name = "record_id", in = ParameterIn.QUERY, schema = @Schema(type = "string",
                        format = "uuid")),
                @Parameter(name = "event_type", in = ParameterIn.QUERY),
                @Parameter(name = "request_id", in = ParameterIn.QUERY),
                @Parameter(name = "order", in = ParameterIn.QUERY, schema = @Schema(allowableValues = {"newest",
                    "oldest"}, defaultValue = "newest")),
                @Parameter(name = "limit", in = ParameterIn.QUERY, schema = @Schema(type = "integer",
                        defaultValue = "100")),
                @Parameter(name = "after", in = ParameterIn.QUERY, description = "The next cursor of the page "
                        + "before.")})
    @ApiResponse(responseCode = "200", description = "{entries: [{position, time, actor, actor_name, record: {type, "
            + "id, label}, event_type, summary, changes: [{field, old, new}], request_id, correlation_id, "
            + "causation_id, reason, restored_as_of}], next}; a Link header with rel=next while there are more.")
    @ApiResponse(responseCode = "400", description = "unknown-parameter, invalid-parameter, instant-without-offset, "
            + "invalid-window, unknown-record-type, unknown-event-type, invalid-cursor")
    ResponseEntity<?> log(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query,
                          HttpServletRequest request) {
        boolean csv = Formats.accepted(request.getHeader(HttpHeaders.ACCEPT), f -> f != ExportFormat.YAML)
                == ExportFormat.CSV;
        return answer(query, request, csv);
    }

    @Access({Caller.AUDITOR, Caller.AUDIT_READ})
    @GetMapping("/api/audit.csv")
    @Operation(summary = "The audit log as CSV", description = "The same entries and filters as /api/audit, one "
            + "line per entry after a header line (RFC 4180), changes flattened to field: old → new; … with values "
            + "in JSON. The next page is in the Link header (rel=next).")
    @ApiResponse(responseCode = "200", description = "text/csv")
    ResponseEntity<?> csv(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query,
                          HttpServletRequest request) {
        return answer(query, request, true);
    }

    private ResponseEntity<?> answer(MultiValueMap<String, String> query, HttpServletRequest request, boolean csv) {
        Params params = new Params(query, PARAMS);
        AuditFilter filter = filter(params);
        boolean newest = switch (params.one("order") == null ? "newest" : params.one("order")) {
            case "newest" -> true;
            case "oldest" -> false;
            default -> throw new BadRequest("invalid-parameter", "Parameter 'order' must be newest or oldest.");
        };
        int limit = params.integer("limit", 100, 1, properties.maxPageSize());
        AuditPage page = audit.page(filter, newest, after(params.one("after")), limit);
        String next = page.next() == null ? null : cursor(page.next());
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (next != null) {
            ok.header(HttpHeaders.LINK, "<" + nextLink(request, next) + ">; rel=\"next\"");
        }
        if (csv) {
            return ok.contentType(CSV).body(AuditCsv.write(page.entries()).getBytes(StandardCharsets.UTF_8));
        }
        return ok.contentType(MediaType.APPLICATION_JSON).body(new AuditAnswer(page.entries(), next));
    }

    private static AuditFilter filter(Params params) {
        Instant from = params.instant("from");
        Instant to = params.instant("to");
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadRequest("invalid-window", "from must not be after to.");
        }
        String recordType = params.one("record_type");
        if (recordType != null && !AuditedEvents.recordTypes().contains(recordType)) {
            throw new BadRequest("unknown-record-type", "Unknown record_type '" + recordType + "'. Known: "
                    + String.join(", ", AuditedEvents.recordTypes()) + ".");
        }
        String eventType = params.one("event_type");
        if (eventType != null && !AuditedEvents.eventTypes().contains(eventType)) {
            throw new BadRequest("unknown-event-type", "Unknown event_type '" + eventType + "'. Known: "
                    + String.join(", ", AuditedEvents.eventTypes()) + ".");
        }
        String recordIdText = params.one("record_id");
        UUID recordId = recordIdText == null ? null : References.id(recordIdText).orElseThrow(() -> new BadRequest(
                "invalid-parameter", "Parameter 'record_id' must be a record's id (a UUID)."));
        return new AuditFilter(from, to, blankIsAbsent(params.one("actor"), "actor"), recordType, recordId, eventType,
                blankIsAbsent(params.one("request_id"), "request_id"));
    }

    private static String blankIsAbsent(String value, String name) {
        if (value != null && value.isBlank()) {
            throw new BadRequest("invalid-parameter", "Parameter '" + name + "' must not be empty.");
        }
        return value;
    }

    /** Opaque to clients, so the keyset behind it may change; today it is the last entry's time and position. */
    private static String cursor(AuditCursor cursor) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_PREFIX + cursor.time() + "/"
                + cursor.position()).getBytes(StandardCharsets.UTF_8));
    }

    private static AuditCursor after(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int slash = text.indexOf('/');
            if (text.startsWith(CURSOR_PREFIX) && slash > 0) {
                return new AuditCursor(Instant.parse(text.substring(CURSOR_PREFIX.length(), slash)),
                        Long.parseLong(text.substring(slash + 1)));
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            // falls through: not ours
        }
        throw new BadRequest("invalid-cursor", "Parameter 'after' must be a next cursor from an earlier page.");
    }

    /** The same request with {@code after} set to the next cursor, its other parameters as they were sent. */
    private static String nextLink(HttpServletRequest request, String next) {
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        String kept = Arrays.stream(query.split("&")).filter(p -> !p.isEmpty() && !p.startsWith("after="))
                .collect(Collectors.joining("&"));
        return request.getRequestURI() + "?" + (kept.isEmpty() ? "" : kept + "&") + "after=" + next;
    }

    /** A page of the log, and the cursor of the next page (null on the last). */
    record AuditAnswer(List<AuditEntry> entries, String next) {
    }
}
