package org.carpentries.amy.api.persons;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.carpentries.amy.api.security.Access;
import org.carpentries.amy.api.web.JsonFields;
import org.carpentries.amy.api.web.MergeStrategies;
import org.carpentries.amy.api.web.Writes;
import org.carpentries.amy.command.RecordNotFound;
import org.carpentries.amy.command.person.GivenAward;
import org.carpentries.amy.command.person.MergePersons;
import org.carpentries.amy.command.person.PersonDetails;
import org.carpentries.amy.command.person.PersonMergeOutcome;
import org.carpentries.amy.command.person.PersonMergePlan;
import org.carpentries.amy.command.person.events.PersonMergeStrategy;
import org.carpentries.amy.query.persons.PersonQueries;
import org.carpentries.amy.query.persons.PersonView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Persons")
class PersonMergeController {

    static final List<String> STRATEGY_FIELDS = List.of("id", "username", "personal", "middle", "family", "email",
            "may_contact", "gender", "airport", "github", "twitter", "url", "affiliation", "occupation", "orcid",
            "notes", "awards", "qualifications", "domains", "tasks");
    /** AMY's form names for the relations. */
    static final Map<String, String> AMY_NAMES = Map.of("award_set", "awards", "qualification_set",
            "qualifications", "lessons", "qualifications", "task_set", "tasks");
    static final Map<String, String> NOT_APPLICABLE = Map.of("is_active", "Logins are not merged: the survivor "
            + "keeps its own login and roles, and the absorbed person's login is disabled.");
    private final Writes writes;
    private final PersonQueries persons;

    PersonMergeController(Writes writes, PersonQueries persons) {
        this.writes = writes;
        this.persons = persons;
    }

    /** What a merge did, or would do: the survivor, the resulting person, what moved, and the events recorded. */
    record MergeResult(boolean dryRun, UUID survivor, UUID absorbed, PersonMergeStrategy strategy,
                       Map<String, Object> result, PersonMergeOutcome.Items moved,
                       PersonMergeOutcome.Items skippedDuplicates, PersonMergeOutcome.Items removed,
                       PersonMergeOutcome.Items dropped, List<GivenAward> awardsGivenByAbsorbed,
                       List<String> warnings, List<RecordedEvent> events, PersonView person) {
    }

    /** One event of a merge as it is (or would be) recorded: its type and the person or workshop it belongs to. */
    record RecordedEvent(String type, String record, UUID recordId) {
    }

    @Access({})
    @PostMapping("/api/persons/merges")
    @Operation(summary = "Merge two people", description = "Body: person_a, person_b (id or username), strategy "
            + "(per field a, b or combine; id picks the survivor, a or b; missing fields take a), dry_run. Fields: "
            + "username, personal, middle, family, email, may_contact, gender, airport, github, twitter, url, "
            + "affiliation, occupation, orcid, notes (combinable: distinct non-empty texts joined by a line break), "
            + "awards, qualifications (AMY's lessons), domains, tasks (each a, b or combine). AMY's is_active is "
            + "rejected with merge-not-applicable: the survivor keeps its own login and roles and the absorbed "
            + "person's login is disabled. Combine moves the absorbed "
            + "person's items to the survivor; duplicates (same badge, lesson, domain, or workshop and role) are "
            + "skipped and listed in skipped_duplicates, never a failure. Choosing the other side unlinks the "
            + "survivor's own items (listed in removed); items of the absorbed person not chosen are listed in "
            + "dropped. Moved awards keep their date, workshop and awarded_by; moved tasks are TaskRemoved and "
            + "TaskAdded on each workshop. The absorbed person gives up everything, is archived (PersonMergedInto) "
            + "and frees its username, email, GitHub and Twitter before the survivor claims any. Awards it gave to "
            + "others keep naming it (awards_given_by_absorbed). No badge, lesson, domain, role, tag, other person "
            + "or workshop (beyond moved tasks) is changed. All or nothing; a dry run answers the same and records "
            + "nothing.")
    @ApiResponse(responseCode = "200", description = "Merged, or for a dry run what would happen.")
    @ApiResponse(responseCode = "400", description = "Missing or unknown field or strategy, combine where not "
            + "allowed (merge-cannot-combine), is_active (merge-not-applicable), the same person twice "
            + "(merge-same-person).", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such person (person-not-found).",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "A person is archived or erased (person-archived, "
            + "person-erased), or the chosen username, email or handle is held by a third person (username-taken, "
            + "email-taken, github-taken, twitter-taken).", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<MergeResult> merge(@RequestBody Map<String, Object> body) {
        JsonFields json = new JsonFields(body, Set.of("person_a", "person_b", "strategy", "dry_run"));
        String a = required(json, "person_a");
        String b = required(json, "person_b");
        var dry = json.bool("dry_run");
        PersonMergeStrategy strategy = MergeStrategies.parse(json, json.raw("strategy"), STRATEGY_FIELDS, AMY_NAMES,
                NOT_APPLICABLE, PersonMergeStrategy.class);
        json.throwIfAny();
        PersonMergePlan.checkStrategy(strategy);
        PersonView pa = persons.byReference(a).orElseThrow(() -> new RecordNotFound("person", a));
        PersonView pb = persons.byReference(b).orElseThrow(() -> new RecordNotFound("person", b));
        boolean dryRun = dry != null && dry.value() != null && dry.value();
        PersonMergeOutcome outcome = writes.send(new MergePersons(pa.id(), pb.id(), strategy, dryRun));
        List<RecordedEvent> events = new ArrayList<>();
        outcome.survivorEvents().forEach(e -> events.add(new RecordedEvent(e.getClass().getSimpleName(), "person",
                e.personId())));
        outcome.absorbedEvents().forEach(e -> events.add(new RecordedEvent(e.getClass().getSimpleName(), "person",
                e.personId())));
        outcome.workshopEvents().forEach(e -> events.add(new RecordedEvent(e.getClass().getSimpleName(), "workshop",
                e.workshopId())));
        PersonView survivor = dryRun ? null : persons.byId(outcome.survivorId()).orElse(null);
        return ResponseEntity.ok(new MergeResult(dryRun, outcome.survivorId(), outcome.absorbedId(), strategy,
                describe(outcome), outcome.moved(), outcome.skippedDuplicates(), outcome.removed(),
                outcome.dropped(), outcome.awardsGiven(), outcome.warnings(), events, survivor));
    }

    private static String required(JsonFields json, String field) {
        var value = json.text(field);
        if (value == null || value.value() == null || value.value().isBlank()) {
            json.fail(field, "required", "Name the person by id or username.");
            return "";
        }
        return value.value().strip();
    }

    private static Map<String, Object> describe(PersonMergeOutcome o) {
        PersonDetails f = o.fields();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", f.username());
        m.put("personal", f.personal());
        m.put("middle", f.middle());
        m.put("family", f.family());
        m.put("email", f.email());
        m.put("may_contact", f.mayContact());
        m.put("gender", f.gender());
        m.put("airport", f.airportId());
        m.put("github", f.github());
        m.put("twitter", f.twitter());
        m.put("url", f.url());
        m.put("affiliation", f.affiliation());
        m.put("occupation", f.occupation());
        m.put("orcid", f.orcid());
        m.put("notes", f.notes());
        m.put("awards", o.awards());
        m.put("qualifications", o.lessonIds());
        m.put("domains", o.domainIds());
        m.put("tasks", o.tasks());
        return m;
    }
}
