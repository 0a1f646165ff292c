package org.carpentries.amy.api.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.carpentries.amy.api.security.Access;
import org.carpentries.amy.api.security.Caller;
import org.carpentries.amy.api.web.Params;
import org.carpentries.amy.query.reports.InstructorIssues;
import org.carpentries.amy.query.reports.Reports;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reports", description = "AMY's admin reports.")
class InstructorIssuesController {

    private final Reports reports;

    InstructorIssuesController(Reports reports) {
        this.reports = reports;
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping("/api/reports/instructor-issues")
    @Operation(summary = "Instructor issues", description = "AMY's three lists: instructors_without_airport (people "
            + "with swc-instructor or dc-instructor and no airport; erased people are left out), incomplete_trainees "
            + "(people without an instructor badge who are learners at TTT workshops not tagged stalled, with those "
            + "workshops) and stalled_trainees (the same at stalled TTT workshops, leaving out anyone also in the "
            + "first list). Without the learner role or the TTT tag the trainee lists are empty. Takes no "
            + "parameters.")
    @ApiResponse(responseCode = "200", description = "{instructors_without_airport: [{id, username, name, email}], "
            + "incomplete_trainees: [{person, workshops: [{id, slug, start}]}], stalled_trainees: [...]}")
    @ApiResponse(responseCode = "400", description = "unknown-parameter")
    InstructorIssues instructorIssues(@RequestParam MultiValueMap<String, String> query) {
        new Params(query, Set.of());
        return reports.instructorIssues();
    }
}
