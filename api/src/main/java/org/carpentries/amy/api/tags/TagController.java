package org.carpentries.amy.api.tags;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.carpentries.amy.api.security.Access;
import org.carpentries.amy.api.security.Caller;
import org.carpentries.amy.api.web.Ids;
import org.carpentries.amy.api.web.JsonFields;
import org.carpentries.amy.api.web.Params;
import org.carpentries.amy.api.web.AsOf;
import org.carpentries.amy.api.web.Versions;
import org.carpentries.amy.api.web.Writes;
import org.carpentries.amy.command.Change;
import org.carpentries.amy.command.RecordNotFound;
import org.carpentries.amy.command.tag.CreateTag;
import org.carpentries.amy.command.tag.EditTagDetails;
import org.carpentries.amy.command.tag.ReinstateTag;
import org.carpentries.amy.command.tag.RetireTag;
import org.carpentries.amy.command.tag.WithdrawTag;
import org.carpentries.amy.query.asof.RecordsAsOf;
import org.carpentries.amy.query.history.HistoryEntry;
import org.carpentries.amy.query.history.RecordHistory;
import org.carpentries.amy.query.tags.TagQueries;
import org.carpentries.amy.query.tags.TagView;
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
@RequestMapping("/api/tags")
@Tag(name = "Tags", description = "Labels for workshops. Tags are retired, never deleted; retiring touches no "
        + "workshop, withdrawing retires and unassigns everywhere in one unit of work.")
class TagController {

    private final Writes writes;
    private final RecordsAsOf asOf;
    private final java.time.Clock clock;
    private final TagQueries tags;
    private final RecordHistory history;

    TagController(Writes writes, TagQueries tags, RecordHistory history, RecordsAsOf asOf, java.time.Clock clock) {
        this.writes = writes;
        this.tags = tags;
        this.history = history;
        this.asOf = asOf;
        this.clock = clock;
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping
    @Operation(summary = "List tags", description = "In creation order; retired tags only with "
            + "include_retired=true (pickers leave them out).")
    List<TagView> list(@RequestParam MultiValueMap<String, String> query) {
        Boolean all = new Params(query, Set.of("include_retired")).bool("include_retired");
        return tags.list(all != null && all);
    }

    @Access({})
    @PostMapping
    @Operation(summary = "Create a tag", description = "Body: name (unique, case-sensitive, at most 40 characters), "
            + "details, optional id.")
    ResponseEntity<TagView> create(@RequestBody Map<String, Object> body) {
        JsonFields json = new JsonFields(body, Set.of("id", "name", "details"));
        Change<String> name = json.text("name");
        Change<String> details = json.text("details");
        UUID id = Ids.optional(json);
        json.throwIfAny();
        writes.send(new CreateTag(id, name == null ? null : name.value(), details == null ? null : details.value()));
        TagView view = require(id.toString());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).eTag(Versions.etag(view.version())).body(view);
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping("/{ref}")
    @Operation(summary = "A tag by id or name", description = AsOf.DETAIL)
    ResponseEntity<TagView> get(@PathVariable String ref,
                             @RequestParam(name = "as_of", required = false) String asOf) {
        java.time.Instant at = AsOf.parse(asOf, clock);
        TagView view = require(ref);
        return AsOf.detail(view, view.version(), at, t -> this.asOf.tag(view.id(), t),
                () -> new RecordNotFound("tag", ref + " as of " + at));
    }

    @Access({})
    @PatchMapping(path = "/{ref}", consumes = {"application/json", "application/merge-patch+json"})
    @Operation(summary = "Change a tag's details", description = "Body: details. The name never changes. Needs "
            + "If-Match.")
    ResponseEntity<TagView> edit(@PathVariable String ref,
                                 @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                 @RequestBody Map<String, Object> body) {
        long version = Versions.required(ifMatch);
        TagView current = require(ref);
        JsonFields json = new JsonFields(body, Set.of("details"));
        Change<String> details = json.text("details");
        json.throwIfAny();
        if (details != null) {
            writes.send(new EditTagDetails(current.id(), version, details.value()));
        }
        TagView view = require(current.id().toString());
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @Access({})
    @PutMapping("/{ref}/retired")
    @Operation(summary = "Retire a tag", description = "It can no longer be assigned; workshops keep it.")
    ResponseEntity<Void> retire(@PathVariable String ref) {
        TagView current = require(ref);
        writes.send(new RetireTag(current.id()));
        return ResponseEntity.noContent().eTag(Versions.etag(require(ref).version())).build();
    }

    @Access({})
    @DeleteMapping("/{ref}/retired")
    @Operation(summary = "Reinstate a retired tag")
    ResponseEntity<Void> reinstate(@PathVariable String ref) {
        TagView current = require(ref);
        writes.send(new ReinstateTag(current.id()));
        return ResponseEntity.noContent().eTag(Versions.etag(require(ref).version())).build();
    }

    @Access({})
    @PostMapping("/{ref}/withdrawals")
    @Operation(summary = "Retire a tag and unassign it from every workshop", description = "One request, one unit "
            + "of work: each workshop (not archived) that has the tag records its unassignment and the tag its "
            + "retirement, or, when one workshop refuses (the tag is its last one: workshop-needs-a-tag), nothing "
            + "changes. No body. Answers the workshops the tag was removed from. X-Change-Reason is recorded on "
            + "every event. Restore the links with POST /api/restores.")
    Withdrawal withdraw(@PathVariable String ref) {
        TagView current = require(ref);
        var workshops = tags.activeWorkshops(current.id());
        writes.send(new WithdrawTag(current.id(), workshops.keySet()));
        return new Withdrawal(current.name(), List.copyOf(workshops.values()));
    }

    /** What a withdrawal did: the tag, now retired, and the slugs of the workshops it was removed from. */
    record Withdrawal(String tag, List<String> workshops) {
    }

    @Access(Caller.AUDITOR)
    @GetMapping("/{ref}/history")
    @Operation(summary = "The tag's events")
    List<HistoryEntry> history(@PathVariable String ref) {
        TagView current = require(ref);
        return history.of(current.id()).orElseThrow(() -> new RecordNotFound("tag", ref));
    }

    private TagView require(String ref) {
        return tags.byReference(ref).orElseThrow(() -> new RecordNotFound("tag", ref));
    }
}
