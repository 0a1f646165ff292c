package org.carpentries.amy.api.asof;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.carpentries.amy.api.security.Access;
import org.carpentries.amy.api.security.Caller;
import org.carpentries.amy.api.web.AsOf;
import org.carpentries.amy.api.web.Params;
import org.carpentries.amy.command.RecordNotFound;
import org.carpentries.amy.query.asof.FieldDiff;
import org.carpentries.amy.query.asof.RecordDiff;
import org.carpentries.amy.query.organisations.OrganisationQueries;
import org.carpentries.amy.query.organisations.OrganisationView;
import org.carpentries.amy.query.persons.PersonQueries;
import org.carpentries.amy.query.persons.PersonView;
import org.carpentries.amy.query.tags.TagQueries;
import org.carpentries.amy.query.workshops.WorkshopQueries;
import org.carpentries.amy.query.workshops.WorkshopView;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit", description = "Records and exports as they were at an instant, and what changed between two.")
class RecordDiffController {

    private static final Set<String> PARAMS = Set.of("from", "to");
    private static final String DESCRIPTION = "Field-level changes between from and to (instants with offset; to "
            + "defaults to now): [{field, old, new}], fields named and valued as in the record's history. The record "
            + "is named by its id or current key. 404 if it did not exist at to; 400 missing-parameter, "
            + "invalid-instant, as-of-in-future or invalid-instant-range.";

    private final RecordDiff diffs;
    private final WorkshopQueries workshops;
    private final TagQueries tags;
    private final OrganisationQueries organisations;
    private final PersonQueries persons;
    private final Clock clock;

    RecordDiffController(RecordDiff diffs, WorkshopQueries workshops, TagQueries tags,
                         OrganisationQueries organisations, PersonQueries persons, Clock clock) {
        this.diffs = diffs;
        this.workshops = workshops;
        this.tags = tags;
        this.organisations = organisations;
        this.persons = persons;
        this.clock = clock;
    }

    /** The changes of one record between two instants. */
    record Answer(String type, UUID id, Instant from, Instant to, List<FieldDiff> changes) {
    }

    @Access(Caller.AUDITOR)
    @GetMapping("/api/workshops/{ref}/diff")
    @Operation(summary = "What changed in a workshop between two instants", description = DESCRIPTION)
    ResponseEntity<Answer> workshop(@PathVariable String ref, @RequestParam MultiValueMap<String, String> query) {
        return diff("workshop", ref, query, r -> workshops.byReference(r).map(WorkshopView::id));
    }

    @Access(Caller.AUDITOR)
    @GetMapping("/api/tags/{ref}/diff")
    @Operation(summary = "What changed in a tag between two instants", description = DESCRIPTION)
    ResponseEntity<Answer> tag(@PathVariable String ref, @RequestParam MultiValueMap<String, String> query) {
        return diff("tag", ref, query, tags::idOf);
    }

    @Access(Caller.AUDITOR)
    @GetMapping("/api/organisations/{ref}/diff")
    @Operation(summary = "What changed in an organisation between two instants", description = DESCRIPTION)
    ResponseEntity<Answer> organisation(@PathVariable String ref,
                                        @RequestParam MultiValueMap<String, String> query) {
        return diff("organisation", ref, query, r -> organisations.byReference(r).map(OrganisationView::id));
    }

    @Access(Caller.AUDITOR)
    @GetMapping("/api/persons/{ref}/diff")
    @Operation(summary = "What changed in a person between two instants", description = DESCRIPTION)
    ResponseEntity<Answer> person(@PathVariable String ref, @RequestParam MultiValueMap<String, String> query) {
        return diff("person", ref, query, r -> persons.byReference(r).map(PersonView::id));
    }

    private ResponseEntity<Answer> diff(String type, String ref, MultiValueMap<String, String> query,
                                        Function<String, Optional<UUID>> resolve) {
        Params p = new Params(query, PARAMS);
        AsOf.Window window = AsOf.window(p.one("from"), p.one("to"), clock);
        UUID id = resolve.apply(ref).orElseThrow(() -> new RecordNotFound(type, ref));
        List<FieldDiff> changes = diffs.between(id, window.from(), window.to())
                .orElseThrow(() -> new RecordNotFound(type, ref + " as of " + window.to()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new Answer(type, id, window.from(), window.to(), changes));
    }
}
