package org.carpentries.amy.api.badges;

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
import org.carpentries.amy.api.web.Versions;
import org.carpentries.amy.api.web.Writes;
import org.carpentries.amy.command.Change;
import org.carpentries.amy.command.RecordNotFound;
import org.carpentries.amy.command.badge.CreateBadge;
import org.carpentries.amy.command.badge.EditBadge;
import org.carpentries.amy.command.badge.ReinstateBadge;
import org.carpentries.amy.command.badge.RetireBadge;
import org.carpentries.amy.query.badges.BadgeQueries;
import org.carpentries.amy.query.badges.BadgeView;
import org.carpentries.amy.query.history.HistoryEntry;
import org.carpentries.amy.query.persons.BadgeHolder;
import org.carpentries.amy.query.persons.PersonQueries;
import org.carpentries.amy.query.history.RecordHistory;
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
@RequestMapping("/api/badges")
@Tag(name = "Badges", description = "Badges AMY awards, such as swc-instructor. The name is fixed; title and "
        + "criteria can change. Retired, never deleted.")
class BadgeController {

    private final Writes writes;
    private final BadgeQueries badges;
    private final RecordHistory history;
    private final PersonQueries persons;

    BadgeController(Writes writes, BadgeQueries badges, RecordHistory history, PersonQueries persons) {
        this.persons = persons;
        this.writes = writes;
        this.badges = badges;
        this.history = history;
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping
    @Operation(summary = "List badges", description = "By name; retired badges only with include_retired=true "
            + "(pickers leave them out).")
    List<BadgeView> list(@RequestParam MultiValueMap<String, String> query) {
        Boolean all = new Params(query, Set.of("include_retired")).bool("include_retired");
        return badges.list(all != null && all);
    }

    @Access({})
    @PostMapping
    @Operation(summary = "Create a badge", description = "Body: name (unique, lower-case letters, digits and '-', "
            + "at most 40, never changes), title (at most 40), criteria (at most 100), all required; optional id. "
            + "409 badge-name-taken.")
    ResponseEntity<BadgeView> create(@RequestBody Map<String, Object> body) {
        JsonFields json = new JsonFields(body, Set.of("id", "name", "title", "criteria"));
        UUID id = Ids.optional(json);
        Change<String> name = json.text("name");
        Change<String> title = json.text("title");
        Change<String> criteria = json.text("criteria");
        json.throwIfAny();
        writes.send(new CreateBadge(id, value(name), value(title), value(criteria)));
        BadgeView view = require(id.toString());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).eTag(Versions.etag(view.version())).body(view);
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping("/{ref}")
    @Operation(summary = "A badge by id or name")
    ResponseEntity<BadgeView> get(@PathVariable String ref) {
        BadgeView view = require(ref);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @Access({})
    @PatchMapping(path = "/{ref}", consumes = {"application/json", "application/merge-patch+json"})
    @Operation(summary = "Change a badge's title or criteria", description = "JSON merge patch of title and "
            + "criteria (neither can be cleared); the name never changes. Needs If-Match.")
    ResponseEntity<BadgeView> edit(@PathVariable String ref,
                                   @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                   @RequestBody Map<String, Object> body) {
        long version = Versions.required(ifMatch);
        BadgeView current = require(ref);
        JsonFields json = new JsonFields(body, Set.of("title", "criteria"));
        Change<String> title = json.text("title");
        Change<String> criteria = json.text("criteria");
        json.throwIfAny();
        writes.send(new EditBadge(current.id(), version, title, criteria));
        BadgeView view = require(current.id().toString());
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @Access({})
    @PutMapping("/{ref}/retired")
    @Operation(summary = "Retire a badge", description = "It can no longer be newly awarded; holders keep it.")
    ResponseEntity<Void> retire(@PathVariable String ref) {
        BadgeView current = require(ref);
        writes.send(new RetireBadge(current.id()));
        return ResponseEntity.noContent().eTag(Versions.etag(require(ref).version())).build();
    }

    @Access({})
    @DeleteMapping("/{ref}/retired")
    @Operation(summary = "Reinstate a retired badge")
    ResponseEntity<Void> reinstate(@PathVariable String ref) {
        BadgeView current = require(ref);
        writes.send(new ReinstateBadge(current.id()));
        return ResponseEntity.noContent().eTag(Versions.etag(require(ref).version())).build();
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping("/{ref}/holders")
    @Operation(summary = "Who holds the badge", description = "People holding it (not archived), in award order.")
    List<BadgeHolder> holders(@PathVariable String ref) {
        return persons.holders(require(ref).id());
    }

    @Access(Caller.AUDITOR)
    @GetMapping("/{ref}/history")
    @Operation(summary = "The badge's events", description = "Who changed what and when, field by field.")
    List<HistoryEntry> history(@PathVariable String ref) {
        BadgeView current = require(ref);
        return history.of(current.id()).orElseThrow(() -> new RecordNotFound("badge", ref));
    }

    private BadgeView require(String ref) {
        return badges.byReference(ref).orElseThrow(() -> new RecordNotFound("badge", ref));
    }

    private static String value(Change<String> change) {
        return change == null ? null : change.value();
    }
}
