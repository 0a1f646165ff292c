package org.carpentries.amy.api.workshops;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.carpentries.amy.api.security.Access;
import org.carpentries.amy.api.web.JsonFields;
import org.carpentries.amy.api.web.MergeStrategies;
import org.carpentries.amy.api.web.Writes;
import org.carpentries.amy.command.RecordNotFound;
import org.carpentries.amy.command.workshop.MergeOutcome;
import org.carpentries.amy.command.workshop.MergeWorkshops;
import org.carpentries.amy.command.workshop.Task;
import org.carpentries.amy.command.workshop.WorkshopFields;
import org.carpentries.amy.command.workshop.WorkshopMergePlan;
import org.carpentries.amy.command.workshop.events.WorkshopEvent;
import org.carpentries.amy.command.workshop.events.WorkshopMergeStrategy;
import org.carpentries.amy.query.organisations.OrganisationQueries;
import org.carpentries.amy.query.tags.TagQueries;
import org.carpentries.amy.query.workshops.WorkshopQueries;
import org.carpentries.amy.query.workshops.WorkshopView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Workshops")
class WorkshopMergeController {

    static final List<String> STRATEGY_FIELDS = List.of("id", "slug", "completed", "start", "end", "host",
            "administrator", "url", "registration_key", "admin_fee", "invoice_status", "attendance", "country",
            "latitude", "longitude", "learners_pre", "learners_post", "instructors_pre", "instructors_post",
            "learners_longterm", "contact", "venue", "address", "notes", "tags", "assigned_to", "tasks");
    private final Writes writes;
    private final WorkshopQueries workshops;
    private final TagQueries tags;
    private final OrganisationQueries organisations;

    WorkshopMergeController(Writes writes, WorkshopQueries workshops, TagQueries tags,
                            OrganisationQueries organisations) {
        this.writes = writes;
        this.workshops = workshops;
        this.tags = tags;
        this.organisations = organisations;
    }

    /** What a merge did, or would do: the survivor, the resulting workshop, and the events of each side. */
    record MergeResult(boolean dryRun, UUID survivor, UUID absorbed, WorkshopMergeStrategy strategy,
                       Map<String, Object> result, List<Task> skippedDuplicateTasks, List<RecordedEvent> events,
                       WorkshopView workshop) {
    }

    /** One event of a merge, as it is (or would be) recorded. */
    record RecordedEvent(String type, UUID workshopId, WorkshopEvent payload) {
    }

    @Access({})
    @PostMapping("/api/workshops/merges")
    @Operation(summary = "Merge two workshops", description = "Body: workshop_a, workshop_b (id or slug), strategy "
            + "(per field a, b or combine; contact, venue, address, notes, tags and tasks may combine; id picks "
            + "the survivor; missing fields take a), dry_run. Combined text is joined by a line break; combined tags "
            + "and tasks are the union, duplicate tasks skipped and listed in skipped_duplicate_tasks. The absorbed "
            + "workshop gives up its tasks and is archived. No tag, person, role or other workshop is ever changed. "
            + "A dry run records nothing.")
    ResponseEntity<MergeResult> merge(@RequestBody Map<String, Object> body) {
        JsonFields json = new JsonFields(body, Set.of("workshop_a", "workshop_b", "strategy", "dry_run"));
        String a = required(json, "workshop_a");
        String b = required(json, "workshop_b");
        var dry = json.bool("dry_run");
        WorkshopMergeStrategy strategy = strategy(json, json.raw("strategy"));
        json.throwIfAny();
        WorkshopMergePlan.checkStrategy(strategy);
        WorkshopView wa = workshops.byReference(a).orElseThrow(() -> new RecordNotFound("workshop", a));
        WorkshopView wb = workshops.byReference(b).orElseThrow(() -> new RecordNotFound("workshop", b));
        boolean dryRun = dry != null && dry.value() != null && dry.value();
        MergeOutcome outcome = writes.send(new MergeWorkshops(wa.id(), wb.id(), strategy, dryRun));
        List<RecordedEvent> events = new ArrayList<>();
        outcome.survivorEvents().forEach(e -> events.add(new RecordedEvent(e.getClass().getSimpleName(),
                e.workshopId(), e)));
        outcome.absorbedEvents().forEach(e -> events.add(new RecordedEvent(e.getClass().getSimpleName(),
                e.workshopId(), e)));
        WorkshopView survivor = dryRun ? null : workshops.byId(outcome.survivorId()).orElse(null);
        return ResponseEntity.ok(new MergeResult(dryRun, outcome.survivorId(), outcome.absorbedId(), strategy,
                describe(outcome.fields(), outcome.tagIds(), outcome.tasks()), outcome.skippedDuplicateTasks(), events,
                survivor));
    }

    private static String required(JsonFields json, String field) {
        var value = json.text(field);
        if (value == null || value.value() == null || value.value().isBlank()) {
            json.fail(field, "required", "Name the workshop by id or slug.");
            return "";
        }
        return value.value().strip();
    }

    private static WorkshopMergeStrategy strategy(JsonFields json, Object raw) {
        return MergeStrategies.parse(json, raw, STRATEGY_FIELDS, Map.of("reg_key", "registration_key"), Map.of(),
                WorkshopMergeStrategy.class);
    }

    private Map<String, Object> describe(WorkshopFields f, Set<UUID> tagIds, Set<Task> tasks) {
        Map<String, Object> m = f.shown(id -> organisations.byId(id).map(o -> o.domain()).orElse(id.toString()),
                id -> id);
        m.put("tags", new TreeSet<>(tags.names(tagIds).values()));
        m.put("tasks", tasks.stream().sorted(java.util.Comparator.comparing(Task::personId)
                .thenComparing(Task::roleId)).toList());
        return m;
    }
}
