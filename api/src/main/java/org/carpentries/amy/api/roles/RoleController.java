package org.carpentries.amy.api.roles;

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
import org.carpentries.amy.command.role.CreateRole;
import org.carpentries.amy.command.role.ReinstateRole;
import org.carpentries.amy.command.role.RenameRole;
import org.carpentries.amy.command.role.RetireRole;
import org.carpentries.amy.query.history.HistoryEntry;
import org.carpentries.amy.query.history.RecordHistory;
import org.carpentries.amy.query.roles.RoleQueries;
import org.carpentries.amy.query.roles.RoleView;
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
@RequestMapping("/api/roles")
@Tag(name = "Roles", description = "Roles people have at workshops. instructor, learner, helper, host and organizer "
        + "are AMY's own: they cannot be renamed or retired (409 role-protected). Others are retired, never deleted.")
class RoleController {

    private final Writes writes;
    private final RoleQueries roles;
    private final RecordHistory history;

    RoleController(Writes writes, RoleQueries roles, RecordHistory history) {
        this.writes = writes;
        this.roles = roles;
        this.history = history;
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping
    @Operation(summary = "List roles", description = "By name; retired roles only with include_retired=true "
            + "(pickers leave them out).")
    List<RoleView> list(@RequestParam MultiValueMap<String, String> query) {
        Params params = new Params(query, Set.of("include_retired"));
        Boolean all = params.bool("include_retired");
        return roles.list(all != null && all);
    }

    @Access({})
    @PostMapping
    @Operation(summary = "Create a role", description = "Body: name (unique, case-sensitive, at most "
            + "40 characters, no '/'), optional id. 409 role-name-taken.")
    ResponseEntity<RoleView> create(@RequestBody Map<String, Object> body) {
        JsonFields json = new JsonFields(body, Set.of("id", "name"));
        UUID id = Ids.optional(json);
        Change<String> name = json.text("name");
        json.throwIfAny();
        writes.send(new CreateRole(id, name == null ? null : name.value()));
        RoleView view = require(id.toString());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).eTag(Versions.etag(view.version())).body(view);
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping("/{ref}")
    @Operation(summary = "A role by id or name")
    ResponseEntity<RoleView> get(@PathVariable String ref) {
        RoleView view = require(ref);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @Access({})
    @PatchMapping(path = "/{ref}", consumes = {"application/json", "application/merge-patch+json"})
    @Operation(summary = "Rename a role", description = "Body: name, under the same rules as creating; "
            + "needs If-Match. The old name is free again. AMY's own roles refuse with 409 role-protected.")
    ResponseEntity<RoleView> rename(@PathVariable String ref,
                                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                    @RequestBody Map<String, Object> body) {
        long version = Versions.required(ifMatch);
        RoleView current = require(ref);
        JsonFields json = new JsonFields(body, Set.of("name"));
        Change<String> name = json.text("name");
        json.throwIfAny();
        if (name != null) {
            writes.send(new RenameRole(current.id(), version, name.value()));
        }
        RoleView view = require(current.id().toString());
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @Access({})
    @PutMapping("/{ref}/retired")
    @Operation(summary = "Retire a role", description = "It can no longer be newly chosen; whoever has it "
            + "keeps it. 409 role-protected for AMY's own roles.")
    ResponseEntity<Void> retire(@PathVariable String ref) {
        RoleView current = require(ref);
        writes.send(new RetireRole(current.id()));
        return ResponseEntity.noContent().eTag(Versions.etag(require(current.id().toString()).version())).build();
    }

    @Access({})
    @DeleteMapping("/{ref}/retired")
    @Operation(summary = "Reinstate a retired role")
    ResponseEntity<Void> reinstate(@PathVariable String ref) {
        RoleView current = require(ref);
        writes.send(new ReinstateRole(current.id()));
        return ResponseEntity.noContent().eTag(Versions.etag(require(current.id().toString()).version())).build();
    }

    @Access(Caller.AUDITOR)
    @GetMapping("/{ref}/history")
    @Operation(summary = "The role's events", description = "Who changed what and when, field by field.")
    List<HistoryEntry> history(@PathVariable String ref) {
        RoleView current = require(ref);
        return history.of(current.id()).orElseThrow(() -> new RecordNotFound("role", ref));
    }

    private RoleView require(String ref) {
        return roles.byReference(ref).orElseThrow(() -> new RecordNotFound("role", ref));
    }
}
