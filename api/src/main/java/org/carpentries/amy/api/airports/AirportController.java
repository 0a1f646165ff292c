package org.carpentries.amy.api.airports;

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
import org.carpentries.amy.command.airport.EditAirport;
import org.carpentries.amy.command.airport.RegisterAirport;
import org.carpentries.amy.command.airport.ReinstateAirport;
import org.carpentries.amy.command.airport.RetireAirport;
import org.carpentries.amy.query.airports.AirportQueries;
import org.carpentries.amy.query.airports.AirportView;
import org.carpentries.amy.query.history.HistoryEntry;
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
@RequestMapping("/api/airports")
@Tag(name = "Airports", description = "Airports people travel from, by IATA code. Retired, never deleted.")
class AirportController {

    private static final Set<String> FIELDS = Set.of("iata", "fullname", "country", "latitude", "longitude");
    private final Writes writes;
    private final AirportQueries airports;
    private final RecordHistory history;

    AirportController(Writes writes, AirportQueries airports, RecordHistory history) {
        this.writes = writes;
        this.airports = airports;
        this.history = history;
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping
    @Operation(summary = "List airports", description = "Ordered by IATA code; q searches code and name "
            + "(case-insensitive); retired airports only with include_retired=true (pickers leave them out).")
    List<AirportView> list(@RequestParam MultiValueMap<String, String> query) {
        Params params = new Params(query, Set.of("q", "include_retired"));
        Boolean all = params.bool("include_retired");
        return airports.list(params.one("q"), all != null && all);
    }

    @Access({})
    @PostMapping
    @Operation(summary = "Register an airport", description = "Body: iata (unique; letters and digits, at most 10, "
            + "stored upper-case), fullname (unique, at most 100 characters), country (ISO code, EU or W3), latitude "
            + "(-90 to 90), longitude (-180 to 180), all required; optional id. 409 airport-code-taken or "
            + "airport-name-taken.")
    ResponseEntity<AirportView> register(@RequestBody Map<String, Object> body) {
        Set<String> allowed = new java.util.HashSet<>(FIELDS);
        allowed.add("id");
        JsonFields json = new JsonFields(body, allowed);
        UUID id = Ids.optional(json);
        Change<String> iata = json.text("iata");
        Change<String> fullname = json.text("fullname");
        Change<String> country = json.text("country");
        Change<Double> latitude = json.number("latitude");
        Change<Double> longitude = json.number("longitude");
        json.throwIfAny();
        writes.send(new RegisterAirport(id, value(iata), value(fullname), value(country), value(latitude),
                value(longitude)));
        AirportView view = require(id.toString());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).eTag(Versions.etag(view.version())).body(view);
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping("/{ref}")
    @Operation(summary = "An airport by id or IATA code", description = "The code in any case: /api/airports/ams.")
    ResponseEntity<AirportView> get(@PathVariable String ref) {
        AirportView view = require(ref);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @Access({})
    @PatchMapping(path = "/{ref}", consumes = {"application/json", "application/merge-patch+json"})
    @Operation(summary = "Change some fields", description = "JSON merge patch of iata, fullname, country, latitude, "
            + "longitude (none can be cleared); needs If-Match. A new code or name must be free; the old one is "
            + "released.")
    ResponseEntity<AirportView> edit(@PathVariable String ref,
                                     @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                     @RequestBody Map<String, Object> body) {
        long version = Versions.required(ifMatch);
        AirportView current = require(ref);
        JsonFields json = new JsonFields(body, FIELDS);
        Change<String> iata = json.text("iata");
        Change<String> fullname = json.text("fullname");
        Change<String> country = json.text("country");
        Change<Double> latitude = json.number("latitude");
        Change<Double> longitude = json.number("longitude");
        json.throwIfAny();
        writes.send(new EditAirport(current.id(), version, iata, fullname, country, latitude, longitude));
        AirportView view = require(current.id().toString());
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @Access({})
    @PutMapping("/{ref}/retired")
    @Operation(summary = "Retire an airport", description = "It can no longer be newly chosen; whoever names it "
            + "keeps it.")
    ResponseEntity<Void> retire(@PathVariable String ref) {
        AirportView current = require(ref);
        writes.send(new RetireAirport(current.id()));
        return ResponseEntity.noContent().eTag(Versions.etag(require(current.id().toString()).version())).build();
    }

    @Access({})
    @DeleteMapping("/{ref}/retired")
    @Operation(summary = "Reinstate a retired airport")
    ResponseEntity<Void> reinstate(@PathVariable String ref) {
        AirportView current = require(ref);
        writes.send(new ReinstateAirport(current.id()));
        return ResponseEntity.noContent().eTag(Versions.etag(require(current.id().toString()).version())).build();
    }

    @Access(Caller.AUDITOR)
    @GetMapping("/{ref}/history")
    @Operation(summary = "The airport's events", description = "Who changed what and when, field by field.")
    List<HistoryEntry> history(@PathVariable String ref) {
        AirportView current = require(ref);
        return history.of(current.id()).orElseThrow(() -> new RecordNotFound("airport", ref));
    }

    private AirportView require(String ref) {
        return airports.byReference(ref).orElseThrow(() -> new RecordNotFound("airport", ref));
    }

    private static <T> T value(Change<T> change) {
        return change == null ? null : change.value();
    }
}
