package org.carpentries.amy.api.organisations;

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
import org.carpentries.amy.command.organisation.EditOrganisation;
import org.carpentries.amy.command.organisation.RegisterOrganisation;
import org.carpentries.amy.query.asof.RecordsAsOf;
import org.carpentries.amy.query.history.HistoryEntry;
import org.carpentries.amy.query.history.RecordHistory;
import org.carpentries.amy.query.organisations.OrganisationQueries;
import org.carpentries.amy.query.organisations.OrganisationView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/organisations")
@Tag(name = "Organisations", description = "AMY's hosts: organisations that host and administer workshops.")
class OrganisationController {

    private static final Set<String> FIELDS = Set.of("domain", "fullname", "country", "notes");
    private final Writes writes;
    private final RecordsAsOf asOf;
    private final java.time.Clock clock;
    private final OrganisationQueries organisations;
    private final RecordHistory history;

    OrganisationController(Writes writes, OrganisationQueries organisations, RecordHistory history,
                           RecordsAsOf asOf, java.time.Clock clock) {
        this.writes = writes;
        this.organisations = organisations;
        this.history = history;
        this.asOf = asOf;
        this.clock = clock;
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping
    @Operation(summary = "List organisations", description = "Ordered by domain; q searches domain and full name.")
    List<OrganisationView> list(@RequestParam MultiValueMap<String, String> query) {
        return organisations.list(new Params(query, Set.of("q")).one("q"));
    }

    @Access({})
    @PostMapping
    @Operation(summary = "Register an organisation", description = "Body: domain (unique; only the domain, such as "
            + "math.esu.edu), fullname (unique), country (ISO code, EU or W3), notes, optional id.")
    ResponseEntity<OrganisationView> register(@RequestBody Map<String, Object> body) {
        Set<String> allowed = new java.util.HashSet<>(FIELDS);
        allowed.add("id");
        JsonFields json = new JsonFields(body, allowed);
        UUID id = Ids.optional(json);
        Change<String> domain = json.text("domain");
        Change<String> fullname = json.text("fullname");
        Change<String> country = json.text("country");
        Change<String> notes = json.text("notes");
        json.throwIfAny();
        writes.send(new RegisterOrganisation(id, value(domain), value(fullname), value(country), value(notes)));
        OrganisationView view = require(id.toString());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).eTag(Versions.etag(view.version())).body(view);
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping("/{ref}")
    @Operation(summary = "An organisation by id or domain", description = AsOf.DETAIL)
    ResponseEntity<OrganisationView> get(@PathVariable String ref,
                             @RequestParam(name = "as_of", required = false) String asOf) {
        java.time.Instant at = AsOf.parse(asOf, clock);
        OrganisationView view = require(ref);
        return AsOf.detail(view, view.version(), at, t -> this.asOf.organisation(view.id(), t),
                () -> new RecordNotFound("organisation", ref + " as of " + at));
    }

    @Access({})
    @PatchMapping(path = "/{ref}", consumes = {"application/json", "application/merge-patch+json"})
    @Operation(summary = "Change some fields", description = "JSON merge patch; needs If-Match.")
    ResponseEntity<OrganisationView> edit(@PathVariable String ref,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @RequestBody Map<String, Object> body) {
        long version = Versions.required(ifMatch);
        OrganisationView current = require(ref);
        JsonFields json = new JsonFields(body, FIELDS);
        Change<String> domain = json.text("domain");
        Change<String> fullname = json.text("fullname");
        Change<String> country = json.text("country");
        Change<String> notes = json.text("notes");
        json.throwIfAny();
        writes.send(new EditOrganisation(current.id(), version, domain, fullname, country, notes));
        OrganisationView view = require(current.id().toString());
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @Access(Caller.AUDITOR)
    @GetMapping("/{ref}/history")
    @Operation(summary = "The organisation's events")
    List<HistoryEntry> history(@PathVariable String ref) {
        OrganisationView current = require(ref);
        return history.of(current.id()).orElseThrow(() -> new RecordNotFound("organisation", ref));
    }

    private OrganisationView require(String ref) {
        return organisations.byReference(ref).orElseThrow(() -> new RecordNotFound("organisation", ref));
    }

    private static String value(Change<String> change) {
        return change == null ? null : change.value();
    }
}
