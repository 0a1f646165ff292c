package org.carpentries.amy.api.exports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.carpentries.amy.api.problem.BadRequest;
import org.carpentries.amy.api.problem.Problems;
import org.carpentries.amy.api.security.Access;
import org.carpentries.amy.api.security.Caller;
import org.carpentries.amy.api.web.AsOf;
import org.carpentries.amy.api.web.ExportResponses;
import org.carpentries.amy.api.web.Params;
import org.carpentries.amy.query.asof.ExportDiff;
import org.carpentries.amy.query.asof.PeopleAsOf;
import org.carpentries.amy.query.peopleexports.PeopleExport;
import org.carpentries.amy.query.peopleexports.PeopleExportQuery;
import org.carpentries.amy.query.peopleexports.PeopleExports;
import org.carpentries.amy.query.published.ExportDocument;
import org.carpentries.amy.query.published.ExportFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "AMY exports")
class PeopleExportsController {

    /** AMY's {@code default_membership_cutoff}: members taught within the last two years. */
    static final int MEMBERSHIP_DAYS = 730;
    private static final Map<PeopleExport, Set<String>> PARAMS = Map.of(
            PeopleExport.BADGES, Set.of("format", "as_of"),
            PeopleExport.INSTRUCTORS, Set.of("format", "may_contact", "as_of"),
            PeopleExport.MEMBERS, Set.of("format", "earliest", "latest"));
    private static final String CONDITIONAL = " Strong ETag (the export's read-model position and the query) and "
            + "Last-Modified; If-None-Match or If-Modified-Since that match answer 304. A document rendered anew "
            + "(after a change, or as of an instant) waits for a free render slot; after AMY_RENDERS_WAIT it is a "
            + "503 renders-busy with Retry-After.";
    private static final String FORMATS = " Format by suffix, ?format= or Accept (default JSON); an unknown format "
            + "is a 400 unknown-format, one this export does not offer a 404 format-not-available.";

    private static final String AS_OF = " as_of=<instant with offset> answers the export as it was then, "
            + "computed from the event store (no ETag, Cache-Control: no-store); a future instant is a 400 "
            + "as-of-in-future.";
    private final PeopleExports exports;
    private final PeopleAsOf asOf;
    private final Clock clock;

    PeopleExportsController(PeopleExports exports, PeopleAsOf asOf, Clock clock) {
        this.exports = exports;
        this.asOf = asOf;
        this.clock = clock;
    }

    @Access(Caller.ANONYMOUS)
    @GetMapping({"/api/v1/export/badges", "/api/v1/export/badges/"})
    @Operation(summary = "Badges and who holds them (AMY's badges.yaml); public",
            description = "Every badge that is not retired, in creation order, as {name, persons}; persons are the "
                    + "current awards of people who are not archived, in award order, as {name (full name), user "
                    + "(username), awarded (YYYY-MM-DD, a string)}. A badge nobody holds has persons []. No filters: "
                    + "any parameter other than format and as_of is a 400 unknown-parameter." + FORMATS + CONDITIONAL + AS_OF,
            parameters = {
                @Parameter(name = "format", in = ParameterIn.QUERY,
                        schema = @Schema(allowableValues = {"json", "yaml"})),
                @Parameter(name = "as_of", in = ParameterIn.QUERY, schema = @Schema(type = "string",
                        format = "date-time"))},
            responses = {
                @ApiResponse(responseCode = "200", content = {@Content(mediaType = "application/json"),
                    @Content(mediaType = "application/yaml")}),
                @ApiResponse(responseCode = "304", description = "Not modified"),
                @ApiResponse(responseCode = "503", description = "Every render slot stayed busy: renders-busy",
                        content = @Content(mediaType = "application/problem+json")),
                @ApiResponse(responseCode = "400", description = "Unknown parameter or format",
                        content = @Content(mediaType = "application/problem+json"))})
    ResponseEntity<byte[]> badges(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query,
                                  HttpServletRequest request) {
        return serve(PeopleExport.BADGES, query, request, null);
    }

    @Access(Caller.ANONYMOUS)
    @GetMapping("/api/v1/export/badges.{format}")
    @Operation(summary = "Badges as badges.yaml or badges.json; public",
            description = "The badges export with its format in the path." + CONDITIONAL)
    ResponseEntity<byte[]> badgesAs(
            @Parameter(schema = @Schema(allowableValues = {"json", "yaml"})) @PathVariable String format,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query, HttpServletRequest request) {
        return serve(PeopleExport.BADGES, query, request, format);
    }

    @Access(Caller.ANONYMOUS)
    @GetMapping({"/api/v1/export/instructors", "/api/v1/export/instructors/"})
    @Operation(summary = "Instructors by airport (AMY's instructors.yaml); public",
            description = "As of AMY v1.11.4: airports where at least one person who is not archived holds an "
                    + "instructor badge (swc-instructor, dc-instructor), in the order airports were registered, as "
                    + "{name (airport name), latitude, longitude, instructors: [{name, user}], country}; instructors "
                    + "in the order they were registered. may_contact=true or false keeps only instructors who may "
                    + "(or may not) be contacted, and airports left with none are omitted. Erased people have no "
                    + "airport. Any other parameter, or another may_contact value, is a 400." + FORMATS + CONDITIONAL + AS_OF,
            parameters = {
                @Parameter(name = "may_contact", in = ParameterIn.QUERY, schema = @Schema(type = "boolean")),
                @Parameter(name = "format", in = ParameterIn.QUERY,
                        schema = @Schema(allowableValues = {"json", "yaml"})),
                @Parameter(name = "as_of", in = ParameterIn.QUERY, schema = @Schema(type = "string",
                        format = "date-time"))},
            responses = {
                @ApiResponse(responseCode = "200", content = {@Content(mediaType = "application/json"),
                    @Content(mediaType = "application/yaml")}),
                @ApiResponse(responseCode = "304", description = "Not modified"),
                @ApiResponse(responseCode = "503", description = "Every render slot stayed busy: renders-busy",
                        content = @Content(mediaType = "application/problem+json")),
                @ApiResponse(responseCode = "400", description = "Unknown parameter, bad may_contact or format",
                        content = @Content(mediaType = "application/problem+json"))})
    ResponseEntity<byte[]> instructors(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query,
                                       HttpServletRequest request) {
        return serve(PeopleExport.INSTRUCTORS, query, request, null);
    }

    @Access(Caller.ANONYMOUS)
    @GetMapping("/api/v1/export/instructors.{format}")
    @Operation(summary = "Instructors as instructors.yaml or instructors.json; public",
            description = "The instructors export with its format in the path; may_contact as above." + CONDITIONAL)
    ResponseEntity<byte[]> instructorsAs(
            @Parameter(schema = @Schema(allowableValues = {"json", "yaml"})) @PathVariable String format,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query, HttpServletRequest request) {
        return serve(PeopleExport.INSTRUCTORS, query, request, format);
    }

    @Access({Caller.AUDITOR, Caller.MEMBERS_READ})
    @GetMapping({"/api/v1/export/members", "/api/v1/export/members/"})
    @Operation(summary = "Software Carpentry Foundation members (AMY's get_members); login required",
            description = "People who are not archived and hold the badge member, or hold an instructor badge and "
                    + "had an instructor task at a workshop (not archived) whose start is within [earliest, latest], "
                    + "in the order they were registered, as {name, email, username}; email is null when erased or "
                    + "absent. earliest and latest are YYYY-MM-DD and default to today - 730 days and today in AMY's "
                    + "time zone; a malformed date or earliest after latest is a 400 (AMY silently used the "
                    + "default)." + FORMATS + CONDITIONAL + " The ETag covers the resolved dates.",
            parameters = {
                @Parameter(name = "earliest", in = ParameterIn.QUERY, schema = @Schema(type = "string",
                        format = "date")),
                @Parameter(name = "latest", in = ParameterIn.QUERY, schema = @Schema(type = "string",
                        format = "date")),
                @Parameter(name = "format", in = ParameterIn.QUERY,
                        schema = @Schema(allowableValues = {"json", "yaml", "csv"}))},
            responses = {
                @ApiResponse(responseCode = "200", content = {@Content(mediaType = "application/json"),
                    @Content(mediaType = "application/yaml"), @Content(mediaType = "text/csv")}),
                @ApiResponse(responseCode = "304", description = "Not modified"),
                @ApiResponse(responseCode = "503", description = "Every render slot stayed busy: renders-busy",
                        content = @Content(mediaType = "application/problem+json")),
                @ApiResponse(responseCode = "400", description = "Unknown parameter, bad date or format",
                        content = @Content(mediaType = "application/problem+json")),
                @ApiResponse(responseCode = "401", description = "Not logged in",
                        content = @Content(mediaType = "application/problem+json"))})
    ResponseEntity<byte[]> members(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query,
                                   HttpServletRequest request) {
        return serve(PeopleExport.MEMBERS, query, request, null);
    }

    @Access({Caller.AUDITOR, Caller.MEMBERS_READ})
    @GetMapping("/api/v1/export/members.{format}")
    @Operation(summary = "Members as members.yaml, members.json or members.csv; login required",
            description = "The members export with its format in the path; earliest and latest as above."
                    + CONDITIONAL)
    ResponseEntity<byte[]> membersAs(
            @Parameter(schema = @Schema(allowableValues = {"json", "yaml", "csv"})) @PathVariable String format,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query, HttpServletRequest request) {
        return serve(PeopleExport.MEMBERS, query, request, format);
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping("/api/exports/{export:badges|instructors}/diff")
    @Operation(summary = "How the badges or instructors export changed between two instants",
            description = "Records (badges, or airports, by name) that entered or left the export between from and "
                    + "to (instants with offset; to defaults to now), and those in both with their changed fields as "
                    + "{field, old, new} (persons or instructors compare as whole lists). instructors takes "
                    + "may_contact as its export does. Computed from the event store. 400 missing-parameter, "
                    + "invalid-instant, as-of-in-future, invalid-instant-range, unknown-parameter; 503 renders-busy "
                    + "when no render slot frees in time.")
    ResponseEntity<ExportDiff> diff(@PathVariable String export,
                                    @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        PeopleExport which = export.equals("badges") ? PeopleExport.BADGES : PeopleExport.INSTRUCTORS;
        Params p = new Params(query, which == PeopleExport.BADGES ? Set.of("from", "to")
                : Set.of("from", "to", "may_contact"));
        AsOf.Window window = AsOf.window(p.one("from"), p.one("to"), clock);
        Boolean mayContact = which == PeopleExport.INSTRUCTORS ? ExportRequests.bool(p, "may_contact") : null;
        return ResponseEntity.ok().cacheControl(org.springframework.http.CacheControl.noStore())
                .body(asOf.diff(which, mayContact, window.from(), window.to()));
    }

    @ExceptionHandler(FormatNotAvailable.class)
    ResponseEntity<ProblemDetail> formatNotAvailable(FormatNotAvailable e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.NOT_FOUND, "format-not-available", e.getMessage()));
    }

    private ResponseEntity<byte[]> serve(PeopleExport export, MultiValueMap<String, String> query,
                                         HttpServletRequest request, String suffix) {
        Params p = new Params(query, PARAMS.get(export));
        ExportFormat format = ExportRequests.format(export, suffix, p.one("format"),
                request.getHeader(HttpHeaders.ACCEPT));
        Instant at = export == PeopleExport.MEMBERS ? null : AsOf.parse(p.one("as_of"), clock);
        if (at != null) {
            return AsOf.export(export == PeopleExport.BADGES ? asOf.badges(format, at)
                    : asOf.instructors(format, ExportRequests.bool(p, "may_contact"), at), at);
        }
        Instant floor = Instant.EPOCH;
        PeopleExportQuery q;
        switch (export) {
            case INSTRUCTORS -> q = PeopleExportQuery.instructors(format, ExportRequests.bool(p, "may_contact"));
            case MEMBERS -> {
                LocalDate today = LocalDate.now(clock);
                LocalDate earliest = ExportRequests.date(p, "earliest");
                LocalDate latest = ExportRequests.date(p, "latest");
                if (earliest == null || latest == null) {
                    // A default window moves at midnight, so the document may be newer than the last change.
                    floor = today.atStartOfDay(clock.getZone()).toInstant();
                }
                earliest = earliest == null ? today.minusDays(MEMBERSHIP_DAYS) : earliest;
                latest = latest == null ? today : latest;
                if (earliest.isAfter(latest)) {
                    throw new BadRequest("invalid-date-range", "earliest (" + earliest + ") is after latest ("
                            + latest + ").");
                }
                q = PeopleExportQuery.members(format, earliest, latest);
            }
            default -> q = PeopleExportQuery.badges(format);
        }
        ExportDocument document = exports.render(q);
        return ExportResponses.of(request, document, later(document.lastModified(), floor));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
