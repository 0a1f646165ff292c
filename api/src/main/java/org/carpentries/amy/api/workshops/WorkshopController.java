package org.carpentries.amy.api.workshops;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.carpentries.amy.api.problem.BadRequest;
import org.carpentries.amy.api.security.Access;
import org.carpentries.amy.api.security.Caller;
import org.carpentries.amy.api.web.Ids;
import org.carpentries.amy.api.web.JsonFields;
import org.carpentries.amy.api.web.Params;
import org.carpentries.amy.api.web.AsOf;
import org.carpentries.amy.api.web.Versions;
import org.carpentries.amy.api.web.Writes;
import org.carpentries.amy.api.web.AmyProperties;
import org.carpentries.amy.api.web.CurrentUser;
import org.carpentries.amy.command.RecordNotFound;
import org.carpentries.amy.command.workshop.AddTask;
import org.carpentries.amy.command.workshop.ArchiveWorkshop;
import org.carpentries.amy.command.workshop.AssignTagToWorkshop;
import org.carpentries.amy.command.workshop.EditWorkshop;
import org.carpentries.amy.command.workshop.MarkWorkshopCompleted;
import org.carpentries.amy.command.workshop.RemoveTask;
import org.carpentries.amy.command.workshop.ReplaceWorkshopTags;
import org.carpentries.amy.command.workshop.RestoreWorkshop;
import org.carpentries.amy.command.workshop.ScheduleWorkshop;
import org.carpentries.amy.command.workshop.UnassignTagFromWorkshop;
import org.carpentries.amy.command.workshop.WorkshopFields;
import org.carpentries.amy.command.workshop.WorkshopPatch;
import org.carpentries.amy.command.Change;
import org.carpentries.amy.query.References;
import org.carpentries.amy.query.asof.RecordsAsOf;
import org.carpentries.amy.query.history.HistoryEntry;
import org.carpentries.amy.query.history.RecordHistory;
import org.carpentries.amy.query.organisations.OrganisationQueries;
import org.carpentries.amy.query.organisations.OrganisationView;
import org.carpentries.amy.query.persons.PersonQueries;
import org.carpentries.amy.query.persons.PersonView;
import org.carpentries.amy.query.roles.RoleQueries;
import org.carpentries.amy.query.roles.RoleView;
import org.carpentries.amy.query.tags.TagQueries;
import org.carpentries.amy.query.workshops.FindWorkshops;
import org.carpentries.amy.query.workshops.TaskView;
import org.carpentries.amy.query.workshops.Timing;
import org.carpentries.amy.query.workshops.WorkshopOrder;
import org.carpentries.amy.query.workshops.WorkshopPage;
import org.carpentries.amy.query.workshops.WorkshopQueries;
import org.carpentries.amy.query.workshops.WorkshopView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/workshops")
@Tag(name = "Workshops", description = "AMY's events: schedule, edit, tag, complete, archive, and their history.")
class WorkshopController {

    private static final Set<String> LIST_PARAMS = Set.of("tag", "host", "administrator", "assigned_to",
            "published", "completed",
            "archived", "start_after", "start_before", "end_after", "end_before", "q", "timing", "ordering", "page",
            "page_size");
    private final Writes writes;
    private final RecordsAsOf asOf;
    private final java.time.Clock clock;
    private final WorkshopQueries workshops;
    private final WorkshopRequests requests;
    private final TagQueries tags;
    private final OrganisationQueries organisations;
    private final RecordHistory history;
    private final AmyProperties properties;
    private final PersonQueries persons;
    private final RoleQueries roles;

    WorkshopController(Writes writes, WorkshopQueries workshops, WorkshopRequests requests, TagQueries tags,
                       OrganisationQueries organisations, RecordHistory history, AmyProperties properties,
                       PersonQueries persons, RoleQueries roles, RecordsAsOf asOf, java.time.Clock clock) {
        this.persons = persons;
        this.roles = roles;
        this.writes = writes;
        this.workshops = workshops;
        this.requests = requests;
        this.tags = tags;
        this.organisations = organisations;
        this.history = history;
        this.asOf = asOf;
        this.clock = clock;
        this.properties = properties;
    }

    /** One page of workshops, in DRF's envelope as AMY's API had it. */
    record Page(long count, String next, String previous, List<WorkshopView> results) {
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping
    @Operation(summary = "List workshops", description = "Filters: tag (repeatable, all must match; unknown tag is "
            + "400), host, administrator (id or domain), assigned_to (me, noone, all or an account id), published, "
            + "completed, archived (default false), "
            + "start_after/start_before/end_after/end_before (inclusive), q (slug, url, contact, venue, address), "
            + "timing (past, ongoing, upcoming), ordering (-start, start, -end, end, slug, -slug, created, -created), "
            + "page, page_size.")
    Page list(@RequestParam MultiValueMap<String, String> query) {
        Params p = new Params(query, LIST_PARAMS);
        List<UUID> tagIds = new ArrayList<>();
        for (String name : p.all("tag")) {
            tagIds.add(tags.idByName(name).orElseThrow(() -> new BadRequest("unknown-tag",
                    "No tag named '" + name + "'; an unknown tag never widens the list.")));
        }
        String timing = p.one("timing");
        String ordering = p.one("ordering");
        int pageSize = p.integer("page_size", 100, 1, properties.maxPageSize());
        int page = p.integer("page", 1, 1, 1_000_000);
        Boolean archived = p.bool("archived");
        String assignee = p.one("assigned_to");
        UUID assignedTo = null;
        if ("me".equals(assignee)) {
            assignedTo = CurrentUser.id().orElseThrow();
        } else if (assignee != null && !assignee.equals("noone") && !assignee.equals("all")) {
            assignedTo = References.id(assignee).orElseThrow(() -> new BadRequest("invalid-parameter",
                    "assigned_to must be me, noone, all or an account id."));
        }
        FindWorkshops q = new FindWorkshops(tagIds, organisation(p.one("host"), "host"),
                organisation(p.one("administrator"), "administrator"), assignedTo, "noone".equals(assignee),
                p.bool("published"), p.bool("completed"),
                archived != null && archived, p.date("start_after"), p.date("start_before"), p.date("end_after"),
                p.date("end_before"), p.one("q"),
                timing == null ? null : Timing.fromCode(timing).orElseThrow(() -> new BadRequest("invalid-parameter",
                        "timing must be past, ongoing or upcoming.")),
                ordering == null ? null : WorkshopOrder.fromCode(ordering).orElseThrow(() -> new BadRequest(
                        "invalid-parameter", "Unknown ordering '" + ordering + "'.")), page, pageSize);
        WorkshopPage result = workshops.find(q);
        return new Page(result.count(), link(result, page + 1), page > 1 ? link(result, page - 1) : null,
                result.results());
    }

    @Access({})
    @PostMapping
    @Operation(summary = "Schedule a workshop", description = "Needs host and at least one tag (names or ids). "
            + "An optional id (UUID) chooses the workshop's id.")
    ResponseEntity<WorkshopView> schedule(@RequestBody Map<String, Object> body) {
        JsonFields json = WorkshopRequests.json(body, "id", "tags");
        UUID id = Ids.optional(json);
        WorkshopPatch patch = requests.patch(json);
        List<String> tagRefs = json.strings("tags");
        if (tagRefs == null || tagRefs.isEmpty()) {
            json.fail("tags", "tags-required", "A workshop needs at least one tag.");
        }
        if (!json.has("host")) {
            json.fail("host", "required", "A workshop needs a host organisation.");
        }
        Set<UUID> tagIds = requests.tags(json, "tags", tagRefs == null ? List.of() : tagRefs);
        json.throwIfAny();
        WorkshopFields fields = patch.applyTo(WorkshopFields.hostedBy(patch.hostId().value()));
        writes.send(new ScheduleWorkshop(id, fields, tagIds));
        WorkshopView view = require(id.toString());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).eTag(Versions.etag(view.version())).body(view);
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping("/{ref}")
    @Operation(summary = "A workshop by id or slug", description = "The ETag is the version to send in If-Match. "
            + AsOf.DETAIL)
    ResponseEntity<WorkshopView> get(@PathVariable String ref,
                             @RequestParam(name = "as_of", required = false) String asOf) {
        java.time.Instant at = AsOf.parse(asOf, clock);
        WorkshopView view = require(ref);
        return AsOf.detail(view, view.version(), at, t -> this.asOf.workshop(view.id(), t),
                () -> new RecordNotFound("workshop", ref + " as of " + at));
    }

    @Access({})
    @PatchMapping(path = "/{ref}", consumes = {"application/json", "application/merge-patch+json"})
    @Operation(summary = "Change some fields", description = "JSON merge patch: absent fields stay, null clears. "
            + "Needs If-Match.")
    ResponseEntity<WorkshopView> edit(@PathVariable String ref, @RequestHeader(value = HttpHeaders.IF_MATCH,
            required = false) String ifMatch, @RequestBody Map<String, Object> body) {
        long version = Versions.required(ifMatch);
        WorkshopView current = require(ref);
        JsonFields json = WorkshopRequests.json(body);
        WorkshopPatch patch = requests.patch(json);
        json.throwIfAny();
        writes.send(new EditWorkshop(current.id(), version, patch));
        return fresh(current.id());
    }

    @Access({})
    @PutMapping("/{ref}/tags")
    @Operation(summary = "Replace the workshop's tags", description = "Body {\"tags\": [names or ids]}; tags not "
            + "listed are unassigned from this workshop only.")
    ResponseEntity<WorkshopView> replaceTags(@PathVariable String ref, @RequestHeader(value = HttpHeaders.IF_MATCH,
            required = false) String ifMatch, @RequestBody Map<String, Object> body) {
        WorkshopView current = require(ref);
        JsonFields json = new JsonFields(body, Set.of("tags"));
        List<String> refs = json.strings("tags");
        if (refs == null || refs.isEmpty()) {
            json.fail("tags", "tags-required", "A workshop needs at least one tag.");
        }
        Set<UUID> ids = requests.tags(json, "tags", refs == null ? List.of() : refs);
        json.throwIfAny();
        Long version = ifMatch == null ? null : Versions.required(ifMatch);
        writes.send(new ReplaceWorkshopTags(current.id(), version, ids));
        return fresh(current.id());
    }

    @Access({})
    @PutMapping("/{ref}/tags/{tag}")
    @Operation(summary = "Assign a tag", description = "Idempotent; a retired tag cannot be assigned.")
    ResponseEntity<Void> assign(@PathVariable String ref, @PathVariable String tag) {
        WorkshopView current = require(ref);
        writes.send(new AssignTagToWorkshop(current.id(), tag(tag)));
        return noContent(current.id());
    }

    @Access({})
    @DeleteMapping("/{ref}/tags/{tag}")
    @Operation(summary = "Unassign a tag from this workshop", description = "The tag itself stays; the last tag "
            + "cannot be removed.")
    ResponseEntity<Void> unassign(@PathVariable String ref, @PathVariable String tag) {
        WorkshopView current = require(ref);
        writes.send(new UnassignTagFromWorkshop(current.id(), tag(tag)));
        return noContent(current.id());
    }

    @Access({})
    @PutMapping("/{ref}/completed")
    @Operation(summary = "Mark completed")
    ResponseEntity<Void> complete(@PathVariable String ref) {
        WorkshopView current = require(ref);
        writes.send(new MarkWorkshopCompleted(current.id()));
        return noContent(current.id());
    }

    @Access({})
    @DeleteMapping("/{ref}/completed")
    @Operation(summary = "Mark not completed")
    ResponseEntity<Void> reopen(@PathVariable String ref) {
        WorkshopView current = require(ref);
        writes.send(new EditWorkshop(current.id(), null, new WorkshopPatch(null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                Change.to(false), null)));
        return noContent(current.id());
    }

    @Access({})
    @PutMapping("/{ref}/archived")
    @Operation(summary = "Archive (AMY's delete)", description = "Frees the slug and url; tags and history stay.")
    ResponseEntity<Void> archive(@PathVariable String ref) {
        WorkshopView current = require(ref);
        writes.send(new ArchiveWorkshop(current.id()));
        return noContent(current.id());
    }

    @Access({})
    @DeleteMapping("/{ref}/archived")
    @Operation(summary = "Restore an archived workshop")
    ResponseEntity<Void> restore(@PathVariable String ref) {
        WorkshopView current = require(ref);
        writes.send(new RestoreWorkshop(current.id()));
        return noContent(current.id());
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping("/{ref}/tasks")
    @Operation(summary = "The workshop's tasks", description = "Who has which role at the workshop.")
    List<TaskView> tasks(@PathVariable String ref) {
        return workshops.tasks(require(ref).id());
    }

    @Access({})
    @PutMapping("/{ref}/tasks/{person}/{role}")
    @Operation(summary = "Give a person a role at the workshop", description = "Person by id or username, role by "
            + "id or name. Idempotent. A learner raises an empty or lower attendance to the number of learners.")
    ResponseEntity<Void> addTask(@PathVariable String ref, @PathVariable String person, @PathVariable String role) {
        WorkshopView current = require(ref);
        writes.send(new AddTask(current.id(), personId(person), roleId(role)));
        return noContent(current.id());
    }

    @Access(Caller.AUDITOR)
    @GetMapping("/{ref}/tasks/{person}/{role}/history")
    @Operation(summary = "One task's history", description = "Every event of this person's role at the workshop "
            + "(person by id or username, role by id or name): added, removed, added again, moved by a person "
            + "merge, with held before and after. An empty list when the person never had the role here.")
    List<HistoryEntry> taskHistory(@PathVariable String ref, @PathVariable String person,
                                   @PathVariable String role) {
        WorkshopView current = require(ref);
        return history.task(current.id(), personId(person), roleId(role));
    }

    @Access({})
    @DeleteMapping("/{ref}/tasks/{person}/{role}")
    @Operation(summary = "Take a role away from a person at the workshop")
    ResponseEntity<Void> removeTask(@PathVariable String ref, @PathVariable String person,
                                    @PathVariable String role) {
        WorkshopView current = require(ref);
        writes.send(new RemoveTask(current.id(), personId(person), roleId(role)));
        return noContent(current.id());
    }

    private UUID personId(String ref) {
        return persons.byReference(ref).map(PersonView::id).orElseThrow(() -> new RecordNotFound("person", ref));
    }

    private UUID roleId(String ref) {
        return roles.byReference(ref).map(RoleView::id).orElseThrow(() -> new RecordNotFound("role", ref));
    }

    @Access(Caller.AUDITOR)
    @GetMapping("/{ref}/history")
    @Operation(summary = "The workshop's events", description = "Oldest first: type, time (UTC), actor, request id, "
            + "reason, and each changed field with its old and new value.")
    List<HistoryEntry> history(@PathVariable String ref) {
        WorkshopView current = require(ref);
        return history.of(current.id()).orElseThrow(() -> new RecordNotFound("workshop", ref));
    }

    private WorkshopView require(String ref) {
        return workshops.byReference(ref).orElseThrow(() -> new RecordNotFound("workshop", ref));
    }

    private UUID tag(String ref) {
        return tags.idOf(ref).orElseThrow(() -> new RecordNotFound("tag", ref));
    }

    private UUID organisation(String ref, String parameter) {
        if (ref == null) {
            return null;
        }
        return organisations.byReference(ref).map(OrganisationView::id).orElseThrow(() -> new BadRequest(
                "unknown-organisation", "No organisation '" + ref + "' for " + parameter + "."));
    }

    private ResponseEntity<WorkshopView> fresh(UUID id) {
        WorkshopView view = require(id.toString());
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    private ResponseEntity<Void> noContent(UUID id) {
        WorkshopView view = require(id.toString());
        return ResponseEntity.noContent().eTag(Versions.etag(view.version())).build();
    }

    private static String link(WorkshopPage page, int number) {
        if (number < 1 || (long) (number - 1) * page.pageSize() >= page.count()) {
            return null;
        }
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", number).toUriString();
    }
}
