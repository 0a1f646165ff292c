package org.carpentries.amy.api.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carpentries.amy.api.problem.BadRequest;
import org.carpentries.amy.api.security.Access;
import org.carpentries.amy.api.security.Caller;
import org.carpentries.amy.api.security.StaffFields;
import org.carpentries.amy.api.web.Formats;
import org.carpentries.amy.api.web.Params;
import org.carpentries.amy.query.published.DrfCsv;
import org.carpentries.amy.query.published.DrfJson;
import org.carpentries.amy.query.published.ExportFormat;
import org.carpentries.amy.query.published.PyYaml;
import org.carpentries.amy.query.reports.DatedCount;
import org.carpentries.amy.query.reports.InstructorByTime;
import org.carpentries.amy.query.reports.Reports;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@Tag(name = "AMY reports", description = "AMY's /api/v1/reports in JSON, YAML or CSV: by suffix (.json, .yaml, "
        + ".csv), ?format= or Accept; JSON by default. Login required. Archived workshops and people never count.")
class ReportsController {

    private static final String BASE = "/api/v1/reports";
    private static final List<String> NAMES = List.of("workshops_over_time", "learners_over_time",
            "instructors_over_time", "instructor_num_taught", "all_activity_over_time", "instructors_by_time");
    private static final Set<String> FORMAT_ONLY = Set.of("format");
    private static final Set<String> PERIOD = Set.of("start", "end", "format");
    private final Reports reports;

    ReportsController(Reports reports) {
        this.reports = reports;
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping({BASE, BASE + "/", BASE + ".{format}"})
    @Operation(summary = "The reports", description = "A link to each report, by its name.")
    ResponseEntity<byte[]> list(@PathVariable(required = false) String format,
                                @RequestParam MultiValueMap<String, String> query, HttpServletRequest request) {
        ExportFormat f = format(format, new Params(query, FORMAT_ONLY), request);
        Map<String, Object> links = new LinkedHashMap<>();
        for (String name : NAMES) {
            links.put(name, ServletUriComponentsBuilder.fromCurrentContextPath().path(BASE + "/" + name)
                    .toUriString());
        }
        return render(links, f);
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping({BASE + "/workshops_over_time", BASE + "/workshops_over_time/", BASE + "/workshops_over_time.{format}"})
    @Operation(summary = "Workshops over time", description = "One row per past workshop (start and end before "
            + "today in AMY's time zone, computed at each request), by start: {date, count} with the running count. "
            + "Dates repeat when workshops share a start.")
    @ApiResponse(responseCode = "200", description = "[{date, count}]")
    ResponseEntity<byte[]> workshopsOverTime(@PathVariable(required = false) String format,
                                             @RequestParam MultiValueMap<String, String> query,
                                             HttpServletRequest request) {
        return render(counts(reports.workshopsOverTime()), format(format, new Params(query, FORMAT_ONLY), request));
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping({BASE + "/learners_over_time", BASE + "/learners_over_time/", BASE + "/learners_over_time.{format}"})
    @Operation(summary = "Learners over time", description = "As workshops over time, with the running sum of "
            + "attendance (none counts as 0).")
    @ApiResponse(responseCode = "200", description = "[{date, count}]")
    ResponseEntity<byte[]> learnersOverTime(@PathVariable(required = false) String format,
                                            @RequestParam MultiValueMap<String, String> query,
                                            HttpServletRequest request) {
        return render(counts(reports.learnersOverTime()), format(format, new Params(query, FORMAT_ONLY), request));
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping({BASE + "/instructors_over_time", BASE + "/instructors_over_time/",
            BASE + "/instructors_over_time.{format}"})
    @Operation(summary = "Instructors over time", description = "The running number of instructors by the date of "
            + "their first instructor badge (swc-instructor or dc-instructor), one row per date.")
    @ApiResponse(responseCode = "200", description = "[{date, count}]")
    ResponseEntity<byte[]> instructorsOverTime(@PathVariable(required = false) String format,
                                               @RequestParam MultiValueMap<String, String> query,
                                               HttpServletRequest request) {
        return render(counts(reports.instructorsOverTime()), format(format, new Params(query, FORMAT_ONLY),
                request));
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping({BASE + "/instructor_num_taught", BASE + "/instructor_num_taught/",
            BASE + "/instructor_num_taught.{format}"})
    @Operation(summary = "How often each instructor taught", description = "People with an instructor badge who may "
            + "be contacted, each once (AMY listed holders of both badges twice, bug #787): {person (URL), name, "
            + "num_taught}, num_taught being their instructor tasks; most first, then by family name.")
    @ApiResponse(responseCode = "200", description = "[{person, name, num_taught}]")
    ResponseEntity<byte[]> instructorNumTaught(@PathVariable(required = false) String format,
                                               @RequestParam MultiValueMap<String, String> query,
                                               HttpServletRequest request) {
        ExportFormat f = format(format, new Params(query, FORMAT_ONLY), request);
        List<Map<String, Object>> rows = reports.instructorNumTaught().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("person", ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/persons/{id}")
                    .buildAndExpand(r.personId()).toUriString());
            m.put("name", r.name());
            m.put("num_taught", r.numTaught());
            return m;
        }).toList();
        return render(rows, f);
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping({BASE + "/all_activity_over_time", BASE + "/all_activity_over_time/",
            BASE + "/all_activity_over_time.{format}"})
    @Operation(summary = "All activity in a period", description = "Workshops starting from start to end "
            + "(inclusive; default this year in AMY's time zone): workshops tagged SWC, DC, either (SWC,DC, each "
            + "workshop once), WiSE, TTT, and administered by self-organized; instructor tasks (total, unique people) "
            + "and learners (attendance) at SWC and DC workshops; slugs of workshops missing attendance or "
            + "instructors. A missing tag or organisation counts zero.")
    @ApiResponse(responseCode = "200", description = "{start, end, workshops, instructors, learners, missing}")
    @ApiResponse(responseCode = "400", description = "invalid-parameter (date not YYYY-MM-DD), invalid-period (start "
            + "after end), unknown-parameter, unknown-format")
    ResponseEntity<byte[]> allActivityOverTime(
            @PathVariable(required = false) String format,
            @Parameter(description = "start (YYYY-MM-DD), end (YYYY-MM-DD), format")
            @RequestParam MultiValueMap<String, String> query, HttpServletRequest request) {
        Period period = period(format, query, request);
        return render(reports.allActivity(period.start(), period.end()).fields(), period.format());
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping({BASE + "/instructors_by_time", BASE + "/instructors_by_time/",
            BASE + "/instructors_by_time.{format}"})
    @Operation(summary = "Instructors by time period", description = "Instructor tasks of people who may be "
            + "contacted, at workshops starting on or after start and ending on or before end (default this year), "
            + "except workshops tagged stalled or unresponsive: {event_slug, person_name, person_email (none once "
            + "erased), num_taught}.")
    @ApiResponse(responseCode = "200", description = "[{event_slug, person_name, person_email, num_taught}]")
    @ApiResponse(responseCode = "400", description = "invalid-parameter, invalid-period, unknown-parameter, "
            + "unknown-format")
    ResponseEntity<byte[]> instructorsByTime(
            @PathVariable(required = false) String format,
            @Parameter(description = "start (YYYY-MM-DD), end (YYYY-MM-DD), format")
            @RequestParam MultiValueMap<String, String> query, HttpServletRequest request) {
        Period period = period(format, query, request);
        return render(reports.instructorsByTime(period.start(), period.end()).stream().map(InstructorByTime::fields)
                .toList(), period.format());
    }

    /** A report over a period: its format, {@code start} and {@code end} (by default this year in AMY's zone). */
    private record Period(ExportFormat format, LocalDate start, LocalDate end) {
    }

    private Period period(String suffix, MultiValueMap<String, String> query, HttpServletRequest request) {
        Params p = new Params(query, PERIOD);
        ExportFormat format = format(suffix, p, request);
        LocalDate start = p.date("start");
        LocalDate end = p.date("end");
        int year = reports.today().getYear();
        start = start == null ? LocalDate.of(year, 1, 1) : start;
        end = end == null ? LocalDate.of(year, 12, 31) : end;
        for (LocalDate d : List.of(start, end)) {
            if (d.getYear() < 1 || d.getYear() > 9999) {
                // Python's dates, which the report formats follow, stop at these years.
                throw new BadRequest("invalid-parameter", "Dates must be within the years 1 to 9999.");
            }
        }
        if (start.isAfter(end)) {
            throw new BadRequest("invalid-period", "start (" + start + ") is after end (" + end + ").");
        }
        return new Period(format, start, end);
    }

    private static ExportFormat format(String suffix, Params p, HttpServletRequest request) {
        return Formats.negotiate(suffix, suffix == null ? p.one("format") : null,
                request.getHeader(HttpHeaders.ACCEPT));
    }

    private static List<Map<String, Object>> counts(List<DatedCount> rows) {
        return rows.stream().map(DatedCount::fields).toList();
    }

    private static ResponseEntity<byte[]> render(Map<String, Object> data, ExportFormat format) {
        return render(data, List.of(data), format);
    }

    private static ResponseEntity<byte[]> render(List<Map<String, Object>> rows, ExportFormat format) {
        return render(rows, rows, format);
    }

    /** A single mapping is one CSV row, as drf-csv wrapped it. */
    @SuppressWarnings("unchecked")
    private static ResponseEntity<byte[]> render(Object data, List<Map<String, Object>> rows, ExportFormat format) {
        if (StaffFields.apply()) {
            data = StaffFields.redact(data);
            rows = (List<Map<String, Object>>) StaffFields.redact(rows);
        }
        String body = switch (format) {
            case JSON -> DrfJson.write(data);
            case YAML -> PyYaml.dump(data);
            case CSV -> DrfCsv.write(rows);
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(format.mediaType()))
                .body(body.getBytes(StandardCharsets.UTF_8));
    }
}
