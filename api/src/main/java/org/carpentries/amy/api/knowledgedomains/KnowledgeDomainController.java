package org.carpentries.amy.api.knowledgedomains;

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
import org.carpentries.amy.command.knowledgedomain.CreateKnowledgeDomain;
import org.carpentries.amy.command.knowledgedomain.ReinstateKnowledgeDomain;
import org.carpentries.amy.command.knowledgedomain.RenameKnowledgeDomain;
import org.carpentries.amy.command.knowledgedomain.RetireKnowledgeDomain;
import org.carpentries.amy.query.history.HistoryEntry;
import org.carpentries.amy.query.history.RecordHistory;
import org.carpentries.amy.query.knowledgedomains.KnowledgeDomainQueries;
import org.carpentries.amy.query.knowledgedomains.KnowledgeDomainView;
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
@RequestMapping("/api/knowledge-domains")
@Tag(name = "Knowledge domains", description = "Fields people work in, such as Physics. Names may contain '/' "
        + "(Mathematics/statistics), so a domain is addressed by id and found by name with ?name=. Retired, never "
        + "deleted.")
class KnowledgeDomainController {

    private final Writes writes;
    private final KnowledgeDomainQueries domains;
    private final RecordHistory history;

    KnowledgeDomainController(Writes writes, KnowledgeDomainQueries domains, RecordHistory history) {
        this.writes = writes;
        this.domains = domains;
        this.history = history;
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping
    @Operation(summary = "List knowledge domains", description = "By name; name=… keeps only the domain with "
            + "exactly that name (such as Physics); retired ones only with include_retired=true (pickers leave them "
            + "out).")
    List<KnowledgeDomainView> list(@RequestParam MultiValueMap<String, String> query) {
        Params params = new Params(query, Set.of("name", "include_retired"));
        Boolean all = params.bool("include_retired");
        return domains.list(params.one("name"), all != null && all);
    }

    @Access({})
    @PostMapping
    @Operation(summary = "Create a knowledge domain", description = "Body: name (unique, case-sensitive, at most "
            + "100 characters, '/' allowed), optional id. 409 knowledge-domain-name-taken.")
    ResponseEntity<KnowledgeDomainView> create(@RequestBody Map<String, Object> body) {
        JsonFields json = new JsonFields(body, Set.of("id", "name"));
        UUID id = Ids.optional(json);
        Change<String> name = json.text("name");
        json.throwIfAny();
        writes.send(new CreateKnowledgeDomain(id, name == null ? null : name.value()));
        KnowledgeDomainView view = require(id.toString());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).eTag(Versions.etag(view.version())).body(view);
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping("/{id}")
    @Operation(summary = "A knowledge domain by id",
            description = "Find the id by name with GET /api/knowledge-domains?name=…")
    ResponseEntity<KnowledgeDomainView> get(@PathVariable String id) {
        KnowledgeDomainView view = require(id);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @Access({})
    @PatchMapping(path = "/{id}", consumes = {"application/json", "application/merge-patch+json"})
    @Operation(summary = "Rename a knowledge domain", description = "Body: name, under the same rules as creating; "
            + "needs If-Match. The old name is free again.")
    ResponseEntity<KnowledgeDomainView> rename(
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody Map<String, Object> body) {
        long version = Versions.required(ifMatch);
        KnowledgeDomainView current = require(id);
        JsonFields json = new JsonFields(body, Set.of("name"));
        Change<String> name = json.text("name");
        json.throwIfAny();
        if (name != null) {
            writes.send(new RenameKnowledgeDomain(current.id(), version, name.value()));
        }
        KnowledgeDomainView view = require(current.id().toString());
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @Access({})
    @PutMapping("/{id}/retired")
    @Operation(summary = "Retire a knowledge domain", description = "It can no longer be newly chosen; whoever has it "
            + "keeps it.")
    ResponseEntity<Void> retire(@PathVariable String id) {
        KnowledgeDomainView current = require(id);
        writes.send(new RetireKnowledgeDomain(current.id()));
        return ResponseEntity.noContent().eTag(Versions.etag(require(current.id().toString()).version())).build();
    }

    @Access({})
    @DeleteMapping("/{id}/retired")
    @Operation(summary = "Reinstate a retired knowledge domain")
    ResponseEntity<Void> reinstate(@PathVariable String id) {
        KnowledgeDomainView current = require(id);
        writes.send(new ReinstateKnowledgeDomain(current.id()));
        return ResponseEntity.noContent().eTag(Versions.etag(require(current.id().toString()).version())).build();
    }

    @Access(Caller.AUDITOR)
    @GetMapping("/{id}/history")
    @Operation(summary = "The knowledge domain's events", description = "Who changed what and when, field by field.")
    List<HistoryEntry> history(@PathVariable String id) {
        KnowledgeDomainView current = require(id);
        return history.of(current.id()).orElseThrow(() -> new RecordNotFound("knowledge-domain", id));
    }

    private KnowledgeDomainView require(String id) {
        return domains.byReference(id).orElseThrow(() -> new RecordNotFound("knowledge-domain", id));
    }
}
