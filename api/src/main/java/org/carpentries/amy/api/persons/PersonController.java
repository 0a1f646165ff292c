package org.carpentries.amy.api.persons;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.carpentries.amy.api.security.Access;
import org.carpentries.amy.api.security.Caller;
import org.carpentries.amy.api.security.StaffFields;
import org.carpentries.amy.api.web.AmyProperties;
import org.carpentries.amy.api.web.Ids;
import org.carpentries.amy.api.web.JsonFields;
import org.carpentries.amy.api.web.Params;
import org.carpentries.amy.api.web.AsOf;
import org.carpentries.amy.api.web.Versions;
import org.carpentries.amy.api.web.Writes;
import org.carpentries.amy.api.problem.BadRequest;
import org.carpentries.amy.command.Change;
import org.carpentries.amy.command.Countries;
import org.carpentries.amy.command.RecordNotFound;
import org.carpentries.amy.command.person.ArchivePerson;
import org.carpentries.amy.command.person.AwardBadge;
import org.carpentries.amy.command.person.RevokeAward;
import org.carpentries.amy.command.person.EditPerson;
import org.carpentries.amy.command.person.MarkNotDuplicate;
import org.carpentries.amy.command.person.ErasePerson;
import org.carpentries.amy.command.person.PersonDetails;
import org.carpentries.amy.command.person.PersonPatch;
import org.carpentries.amy.command.person.RegisterPerson;
import org.carpentries.amy.command.person.RestorePerson;
import org.carpentries.amy.query.References;
import org.carpentries.amy.query.airports.AirportQueries;
import org.carpentries.amy.query.asof.RecordsAsOf;
import org.carpentries.amy.query.history.HistoryEntry;
import org.carpentries.amy.query.knowledgedomains.KnowledgeDomainQueries;
import org.carpentries.amy.query.lessons.LessonQueries;
import org.carpentries.amy.query.history.RecordHistory;
import org.carpentries.amy.query.badges.BadgeQueries;
import org.carpentries.amy.query.persons.AwardView;
import org.carpentries.amy.query.persons.Duplicates;
import org.carpentries.amy.query.persons.FindPersons;
import org.carpentries.amy.query.tags.TagQueries;
import org.carpentries.amy.query.workshops.PersonTaskView;
import org.carpentries.amy.query.workshops.WorkshopQueries;
import org.carpentries.amy.query.persons.PersonPage;
import org.carpentries.amy.query.persons.PersonQueries;
import org.carpentries.amy.query.persons.PersonView;
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
@RequestMapping("/api/persons")
@Tag(name = "Persons", description = "People who teach, learn and host. Personal data is sealed per person in "
        + "history and can be erased.")
class PersonController {

    static final Set<String> FIELDS = Set.of("personal", "middle", "family", "username", "email", "gender",
            "airport", "github", "twitter", "url", "orcid", "occupation", "affiliation", "notes", "may_contact",
            "lessons", "domains");
    private final Writes writes;
    private final RecordsAsOf asOf;
    private final PersonQueries persons;
    private final RecordHistory history;
    private final AmyProperties properties;
    private final AirportQueries airports;
    private final LessonQueries lessons;
    private final KnowledgeDomainQueries domains;

    private final BadgeQueries badges;
    private final WorkshopQueries workshops;
    private final java.time.Clock clock;
    private final TagQueries tags;

    PersonController(Writes writes, PersonQueries persons, RecordHistory history, AmyProperties properties,
                     AirportQueries airports, LessonQueries lessons, KnowledgeDomainQueries domains,
                     BadgeQueries badges, WorkshopQueries workshops, java.time.Clock clock, TagQueries tags,
                     RecordsAsOf asOf) {
        this.tags = tags;
        this.badges = badges;
        this.workshops = workshops;
        this.clock = clock;
        this.airports = airports;
        this.lessons = lessons;
        this.domains = domains;
        this.writes = writes;
        this.persons = persons;
        this.history = history;
        this.asOf = asOf;
        this.properties = properties;
    }

    /** One page of people, in DRF's envelope. */
    record Page(long count, String next, String previous, List<PersonView> results) {
    }

    /** Everything AMY holds about a person: the profile and every event, personal values unsealed. */
    record PersonalData(PersonView person, List<HistoryEntry> history) {
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping
    @Operation(summary = "List people", description = "q: AMY's lookup (personal, family, email, username; two words "
            + "match personal and family in either order); may_contact; archived (default false); badge (repeatable, "
            + "all required; id or name); is_instructor (holds swc-instructor or dc-instructor); airport (id or IATA); "
            + "country (of their airport); taught_tag (instructor at a workshop with this tag); page, page_size. "
            + "An unknown badge, airport, country or tag is a 400.")
    Page list(@RequestParam MultiValueMap<String, String> query) {
        Params p = new Params(query, Set.of("q", "may_contact", "archived", "badge", "is_instructor", "airport",
                "country", "taught_tag", "page", "page_size"));
        int page = p.integer("page", 1, 1, 1_000_000);
        int size = p.integer("page_size", 100, 1, properties.maxPageSize());
        Boolean archived = p.bool("archived");
        List<UUID> badgeIds = p.all("badge").stream().map(b -> badges.byReference(b).map(x -> x.id())
                .orElseThrow(() -> new BadRequest("unknown-badge", "No badge '" + b + "'."))).toList();
        String airport = p.one("airport");
        UUID airportId = airport == null ? null : airports.byReference(airport).map(a -> a.id())
                .orElseThrow(() -> new BadRequest("unknown-airport", "No airport '" + airport + "'."));
        String country = Countries.normalise(p.one("country"));
        if (country != null && !Countries.isValid(country)) {
            throw new BadRequest("unknown-country", "No country '" + country + "'.");
        }
        String taught = p.one("taught_tag");
        UUID taughtTagId = taught == null ? null : tags.idByName(taught)
                .orElseThrow(() -> new BadRequest("unknown-tag", "No tag named '" + taught + "'."));
        // Staff see no emails or home airports: the lookup leaves emails out, and they may not filter by airport.
        boolean staff = StaffFields.apply();
        if (staff && (airportId != null || country != null)) {
            throw new org.springframework.security.access.AccessDeniedException("Staff may not search people by "
                    + "their airport or its country.");
        }
        PersonPage result = persons.find(new FindPersons(p.one("q"), p.bool("may_contact"),
                archived != null && archived, badgeIds, p.bool("is_instructor"), airportId, country, taughtTagId, page,
                size, !staff));
        return new Page(result.count(), link(result, page + 1), page > 1 ? link(result, page - 1) : null,
                result.results());
    }

    @Access({})
    @PostMapping
    @Operation(summary = "Register a person", description = "personal and family are required; without a username "
            + "AMY's family_personal is made; email, github and twitter are unique (email case-insensitively).")
    ResponseEntity<PersonView> register(@RequestBody Map<String, Object> body) {
        Set<String> allowed = new java.util.HashSet<>(FIELDS);
        allowed.add("id");
        JsonFields json = new JsonFields(body, allowed);
        UUID id = Ids.optional(json);
        PersonPatch patch = patch(json);
        json.throwIfAny();
        PersonDetails details = new PersonDetails(value(patch.personal()), value(patch.middle()),
                value(patch.family()), value(patch.username()), value(patch.email()), value(patch.gender()),
                value(patch.airportId()), value(patch.github()), value(patch.twitter()), value(patch.url()),
                value(patch.orcid()), value(patch.occupation()), value(patch.affiliation()), value(patch.notes()),
                patch.mayContact() == null || patch.mayContact().value() == null || patch.mayContact().value());
        writes.send(new RegisterPerson(id, details, patch.lessonIds(), patch.domainIds()));
        PersonView view = require(id.toString());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).eTag(Versions.etag(view.version())).body(view);
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping("/duplicates")
    @Operation(summary = "People who may be the same person", description = "AMY's report: switched names, "
            + "identical names (exact), and the same email in any case; archived people and dismissed pairs are left "
            + "out.")
    Duplicates duplicates() {
        return persons.duplicates();
    }

    @Access({})
    @PostMapping("/duplicates/dismissals")
    @Operation(summary = "Mark a pair as different people", description = "Body {a, b} (ids or usernames). The pair "
            + "no longer shows in the report; recorded as an event.")
    ResponseEntity<Void> dismiss(@RequestBody Map<String, Object> body) {
        JsonFields json = new JsonFields(body, Set.of("a", "b"));
        Change<String> a = json.text("a");
        Change<String> b = json.text("b");
        if (a == null || a.value() == null) {
            json.fail("a", "required", "Name the first person.");
        }
        if (b == null || b.value() == null) {
            json.fail("b", "required", "Name the second person.");
        }
        json.throwIfAny();
        writes.send(MarkNotDuplicate.of(require(a.value()).id(), require(b.value()).id()));
        return ResponseEntity.noContent().build();
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping("/{ref}")
    @Operation(summary = "A person by id or username", description = AsOf.DETAIL)
    ResponseEntity<PersonView> get(@PathVariable String ref,
                             @RequestParam(name = "as_of", required = false) String asOf) {
        java.time.Instant at = AsOf.parse(asOf, clock);
        PersonView view = require(ref);
        return AsOf.detail(view, view.version(), at, t -> this.asOf.person(view.id(), t),
                () -> new RecordNotFound("person", ref + " as of " + at));
    }

    @Access({})
    @PatchMapping(path = "/{ref}", consumes = {"application/json", "application/merge-patch+json"})
    @Operation(summary = "Change some fields", description = "JSON merge patch; lessons and domains replace the "
            + "sets. Needs If-Match.")
    ResponseEntity<PersonView> edit(@PathVariable String ref,
                                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                    @RequestBody Map<String, Object> body) {
        long version = Versions.required(ifMatch);
        PersonView current = require(ref);
        JsonFields json = new JsonFields(body, FIELDS);
        PersonPatch patch = patch(json);
        json.throwIfAny();
        writes.send(new EditPerson(current.id(), version, patch));
        return fresh(current.id());
    }

    @Access({})
    @PutMapping("/{ref}/archived")
    @Operation(summary = "Archive (AMY's delete)", description = "Frees the username, email and handles.")
    ResponseEntity<PersonView> archive(@PathVariable String ref) {
        PersonView current = require(ref);
        writes.send(new ArchivePerson(current.id()));
        return fresh(current.id());
    }

    @Access({})
    @DeleteMapping("/{ref}/archived")
    @Operation(summary = "Restore an archived person")
    ResponseEntity<PersonView> restore(@PathVariable String ref) {
        PersonView current = require(ref);
        writes.send(new RestorePerson(current.id()));
        return fresh(current.id());
    }

    @Access({})
    @PostMapping("/{ref}/erasure")
    @Operation(summary = "Erase the person's personal data", description = "Deletes the person's key: email, "
            + "gender, airport, handles, url, ORCID, occupation, affiliation and notes become unreadable in history "
            + "and are removed from every view. Names and teaching history stay. Cannot be undone.")
    ResponseEntity<PersonView> erase(@PathVariable String ref) {
        PersonView current = require(ref);
        writes.send(new ErasePerson(current.id()));
        return fresh(current.id());
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping("/{ref}/awards")
    @Operation(summary = "The person's badges")
    List<AwardView> awards(@PathVariable String ref) {
        return persons.awards(require(ref).id());
    }

    @Access({})
    @PutMapping("/{ref}/awards/{badge}")
    @Operation(summary = "Award a badge", description = "Badge by id or name. Optional body: awarded (date, default "
            + "today in AMY's time zone), workshop (id or slug), awarded_by (person id or username). A person holds "
            + "a badge once (409 award-exists).")
    ResponseEntity<List<AwardView>> award(@PathVariable String ref, @PathVariable String badge,
                                          @RequestBody(required = false) Map<String, Object> body) {
        PersonView current = require(ref);
        JsonFields json = new JsonFields(body, Set.of("awarded", "workshop", "awarded_by"));
        Change<java.time.LocalDate> awarded = json.date("awarded");
        Change<String> workshop = json.text("workshop");
        Change<String> by = json.text("awarded_by");
        UUID workshopId = workshop == null || workshop.value() == null ? null : workshops.byReference(
                workshop.value()).map(w -> w.id()).orElse(null);
        if (workshop != null && workshop.value() != null && workshopId == null) {
            json.fail("workshop", "workshop-not-found", "No workshop '" + workshop.value() + "'.");
        }
        UUID byId = by == null || by.value() == null ? null : persons.byReference(by.value()).map(PersonView::id)
                .orElse(null);
        if (by != null && by.value() != null && byId == null) {
            json.fail("awarded_by", "person-not-found", "No person '" + by.value() + "'.");
        }
        json.throwIfAny();
        UUID badgeId = badges.byReference(badge).map(b -> b.id()).orElseThrow(() -> new RecordNotFound("badge",
                badge));
        writes.send(new AwardBadge(current.id(), badgeId, awarded == null || awarded.value() == null
                ? java.time.LocalDate.now(clock) : awarded.value(), workshopId, byId));
        return ResponseEntity.ok().eTag(Versions.etag(require(ref).version())).body(persons.awards(current.id()));
    }

    @Access(Caller.AUDITOR)
    @GetMapping("/{ref}/awards/{badge}/history")
    @Operation(summary = "One award's history", description = "Every event of the person's award of this badge "
            + "(badge by id or name): awarded, revoked, awarded again, moved by a merge, with held, awarded, "
            + "workshop and awarded_by before and after. An empty list when the person never held it.")
    List<HistoryEntry> awardHistory(@PathVariable String ref, @PathVariable String badge) {
        UUID personId = require(ref).id();
        UUID badgeId = badges.byReference(badge).map(b -> b.id()).orElseThrow(() -> new RecordNotFound("badge",
                badge));
        return history.award(personId, badgeId);
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping("/{ref}/tasks")
    @Operation(summary = "The person's tasks", description = "Their roles at workshops (archived workshops "
            + "included, marked), newest workshop first; AMY's persons/{pk}/tasks.")
    List<PersonTaskView> tasks(@PathVariable String ref) {
        return workshops.tasksOf(require(ref).id());
    }

    @Access({})
    @DeleteMapping("/{ref}/awards/{badge}")
    @Operation(summary = "Revoke a badge", description = "Recorded as an event; the badge and history stay.")
    ResponseEntity<Void> revoke(@PathVariable String ref, @PathVariable String badge) {
        PersonView current = require(ref);
        UUID badgeId = badges.byReference(badge).map(b -> b.id()).orElseThrow(() -> new RecordNotFound("badge",
                badge));
        writes.send(new RevokeAward(current.id(), badgeId));
        return ResponseEntity.noContent().eTag(Versions.etag(require(ref).version())).build();
    }

    @Access(Caller.AUDITOR)
    @GetMapping("/{ref}/history")
    @Operation(summary = "The person's events", description = "Personal values read as (erased) after erasure.")
    List<HistoryEntry> history(@PathVariable String ref) {
        PersonView current = require(ref);
        return history.of(current.id()).orElseThrow(() -> new RecordNotFound("person", ref));
    }

    @Access(Caller.AUDITOR)
    @GetMapping("/{ref}/personal-data")
    @Operation(summary = "Everything held about the person, as JSON", description = "The profile and every event "
            + "with its changes; for the person or an admin acting for them.")
    ResponseEntity<PersonalData> personalData(@PathVariable String ref) {
        PersonView current = require(ref);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + current.username() + ".json\"")
                .body(new PersonalData(current, history.of(current.id()).orElse(List.of())));
    }

    /** Airport by id or IATA code, lessons and knowledge domains by id or exact name. */
    private PersonPatch patch(JsonFields json) {
        Change<String> airport = json.text("airport");
        Change<UUID> airportId = null;
        if (airport != null) {
            if (airport.value() == null || airport.value().isBlank()) {
                airportId = Change.to(null);
            } else {
                var found = airports.byReference(airport.value().strip());
                if (found.isEmpty()) {
                    json.fail("airport", "airport-not-found", "No airport '" + airport.value() + "'.");
                } else {
                    airportId = Change.to(found.get().id());
                }
            }
        }
        return new PersonPatch(json.text("personal"), json.text("middle"), json.text("family"),
                json.text("username"), json.text("email"), json.text("gender"), airportId, json.text("github"),
                json.text("twitter"), json.text("url"), json.text("orcid"), json.text("occupation"),
                json.text("affiliation"), json.text("notes"), json.bool("may_contact"),
                ids(json, "lessons", name -> lessons.list(name, true).stream().map(l -> l.id()).findFirst()),
                ids(json, "domains", name -> domains.list(name, true).stream().map(d -> d.id()).findFirst()));
    }

    private static Set<UUID> ids(JsonFields json, String field,
                                 java.util.function.Function<String, java.util.Optional<UUID>> byName) {
        List<String> given = json.strings(field);
        if (given == null) {
            return null;
        }
        Set<UUID> ids = new LinkedHashSet<>();
        String kind = field.substring(0, field.length() - 1);
        for (String g : given) {
            References.id(g).or(() -> byName.apply(g)).ifPresentOrElse(ids::add,
                    () -> json.fail(field, kind + "-not-found", "No " + kind + " '" + g + "'."));
        }
        return ids;
    }

    private static <T> T value(Change<T> change) {
        return change == null ? null : change.value();
    }

    private PersonView require(String ref) {
        return persons.byReference(ref).orElseThrow(() -> new RecordNotFound("person", ref));
    }

    private ResponseEntity<PersonView> fresh(UUID id) {
        PersonView view = require(id.toString());
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    private static String link(PersonPage page, int number) {
        if (number < 1 || (long) (number - 1) * page.pageSize() >= page.count()) {
            return null;
        }
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", number).toUriString();
    }
}
