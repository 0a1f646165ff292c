package org.carpentries.amy.api.restores;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.carpentries.amy.api.problem.BadRequest;
import org.carpentries.amy.api.security.Access;
import org.carpentries.amy.api.security.Caller;
import org.carpentries.amy.api.store.EventCapture;
import org.carpentries.amy.api.web.CurrentUser;
import org.carpentries.amy.api.web.Instants;
import org.carpentries.amy.api.web.JsonFields;
import org.carpentries.amy.api.web.RequestIds;
import org.carpentries.amy.api.web.Versions;
import org.carpentries.amy.api.web.Writes;
import org.carpentries.amy.command.Change;
import org.carpentries.amy.command.RecordNotFound;
import org.carpentries.amy.command.restore.RestoreStep;
import org.carpentries.amy.command.restore.RecordDiff;
import org.carpentries.amy.command.restore.RecordRef;
import org.carpentries.amy.command.restore.RestoreKind;
import org.carpentries.amy.command.restore.RestorePlan;
import org.carpentries.amy.command.restore.RestoreRecord;
import org.carpentries.amy.query.organisations.OrganisationQueries;
import org.carpentries.amy.query.persons.PersonQueries;
import org.carpentries.amy.query.tags.TagQueries;
import org.carpentries.amy.query.workshops.WorkshopQueries;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Restores", description = "Bring a record, or a tag's links across all workshops, back to its state at "
        + "an instant, as new events. History is never rewritten.")
class RestoreController {

    private static final Set<String> FIELDS = Set.of("target", "as_of", "dry_run", "remove_later_links");
    private final Writes writes;
    private final WorkshopQueries workshops;
    private final TagQueries tags;
    private final OrganisationQueries organisations;
    private final PersonQueries persons;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    RestoreController(Writes writes, WorkshopQueries workshops, TagQueries tags, OrganisationQueries organisations,
                      PersonQueries persons, JdbcTemplate jdbc, Clock clock) {
        this.writes = writes;
        this.workshops = workshops;
        this.tags = tags;
        this.organisations = organisations;
        this.persons = persons;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a restore did, or would do. {@code events} is empty for a dry run and for a restore with nothing to do. */
    record RestoreResult(boolean dryRun, String targetType, RecordRef target, Instant asOf,
                         List<RestoreStep> commands, List<RecordDiff> diff, List<RecordRef> laterLinks,
                         List<RecordedEvent> events) {
    }

    /** One event the restore recorded, by its position in the store. */
    record RecordedEvent(long position, String type, UUID recordId, long sequence, Instant time) {
    }

    @Access(Caller.AUDITOR)
    @PostMapping("/api/restores")
    @Operation(summary = "Restore from history", description = "Body: target {type: workshop | tag | tag-links | "
            + "organisation | person, key: id, slug or name}, as_of (an instant with an explicit offset, not in the "
            + "future), dry_run (default true), remove_later_links (tag-links only, default false). Computes the "
            + "commands that bring the target back to its state at as_of, from the event store; a dry run lists them "
            + "with the resulting diff and records nothing. Applying (dry_run false) needs the X-Change-Reason header "
            + "and records every command's events in one unit of work (all or nothing), each with the reason and "
            + "restored_as_of; the plan is computed again at that moment. Nothing to do answers 200 with no commands "
            + "and no events. A tag's links: workshops that had the tag then and lack it now get it back (a retired "
            + "tag is reinstated first); workshops that gained it later are listed in later_links and lose it only "
            + "with remove_later_links. Optional If-Match (the record's ETag; not for tag-links): 412 when the record "
            + "changed since. Auditors may ask for dry runs; applying needs an admin (403 forbidden).")
    ResponseEntity<RestoreResult> restore(@RequestBody Map<String, Object> body,
                                          @RequestHeader(value = RequestIds.REASON_HEADER, required = false)
                                          String reason,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                          String ifMatch) {
        JsonFields json = new JsonFields(body, FIELDS);
        Map<?, ?> target = target(json);
        RestoreKind kind = kind(json, target);
        String key = key(json, target);
        Instant asOf = asOf(json);
        boolean dryRun = flag(json, "dry_run", true);
        boolean removeLaterLinks = flag(json, "remove_later_links", false);
        if (removeLaterLinks && kind != RestoreKind.TAG_LINKS) {
            json.fail("remove_later_links", "only-for-tag-links", "Only a tag's links have later links to remove.");
        }
        json.throwIfAny();
        if (!dryRun && !CurrentUser.hasRole("ADMIN")) {
            throw new org.springframework.security.access.AccessDeniedException("An auditor may ask for a dry run; "
                    + "applying a restore needs an admin.");
        }
        if (!dryRun && (reason == null || reason.isBlank())) {
            throw new BadRequest("change-reason-required", "Applying a restore needs the " + RequestIds.REASON_HEADER
                    + " header: say why.");
        }
        if (ifMatch != null && kind == RestoreKind.TAG_LINKS) {
            throw new BadRequest("if-match-not-applicable", "A tag's links span many workshops; If-Match names the "
                    + "version of one record.");
        }
        Long expectedVersion = ifMatch == null ? null : Versions.required(ifMatch);
        RecordRef ref = resolve(kind, key);
        RestoreRecord command = new RestoreRecord(kind, ref.id(), asOf, removeLaterLinks, dryRun, expectedVersion);
        EventCapture.Captured<RestorePlan> done = EventCapture.during(() -> writes.send(command));
        RestorePlan plan = done.result();
        return ResponseEntity.ok(new RestoreResult(dryRun, kind.code(), ref, asOf, plan.commands(), plan.diff(),
                plan.laterLinks(), recorded(done.events())));
    }

    private static Map<?, ?> target(JsonFields json) {
        Object raw = json.raw("target");
        if (raw instanceof Map<?, ?> map) {
            map.keySet().stream().map(String::valueOf).filter(k -> !k.equals("type") && !k.equals("key")).sorted()
                    .forEach(k -> json.fail("target." + k, "unknown-field", "A target has a type and a key only."));
            return map;
        }
        json.fail("target", "required", "Name the target: {\"type\": \"workshop\", \"key\": \"<slug or id>\"}.");
        return Map.of();
    }

    private static RestoreKind kind(JsonFields json, Map<?, ?> target) {
        Object type = target.get("type");
        if (target.isEmpty()) {
            return RestoreKind.WORKSHOP;
        }
        if (type instanceof String s && RestoreKind.of(s).isPresent()) {
            return RestoreKind.of(s).get();
        }
        json.fail("target.type", "restore-target-unknown", "The type is one of workshop, tag, tag-links, "
                + "organisation, person.");
        return RestoreKind.WORKSHOP;
    }

    private static String key(JsonFields json, Map<?, ?> target) {
        Object key = target.get("key");
        if (key instanceof String s && !s.isBlank()) {
            return s.strip();
        }
        if (!target.isEmpty()) {
            json.fail("target.key", "required", "Name the record by id, slug or name.");
        }
        return "";
    }

    private Instant asOf(JsonFields json) {
        Change<String> text = json.text("as_of");
        if (text == null || text.value() == null || text.value().isBlank()) {
            json.fail("as_of", "required", "Give the instant to restore, with an offset: 2016-04-06T19:05:00Z.");
            return Instant.EPOCH;
        }
        String value = text.value().strip();
        try {
            Instant instant = Instants.withOffset(value);
            if (instant.isAfter(clock.instant())) {
                json.fail("as_of", "as-of-in-future", "The instant " + value + " has not happened yet.");
            }
            return instant;
        } catch (DateTimeParseException e) {
            json.fail("as_of", Instants.lacksOffset(value) ? "instant-needs-offset" : "instant-invalid",
                    "An instant with an explicit offset, like 2016-04-06T19:05:00Z or 2016-04-06T21:05:00+02:00.");
            return Instant.EPOCH;
        }
    }


    private static boolean flag(JsonFields json, String field, boolean absent) {
        Change<Boolean> value = json.bool(field);
        return value == null || value.value() == null ? absent : value.value();
    }

    private RecordRef resolve(RestoreKind kind, String key) {
        return switch (kind) {
            case WORKSHOP -> workshops.byReference(key).map(w -> new RecordRef("workshop", w.id(), w.slug()))
                    .orElseThrow(() -> new RecordNotFound("workshop", key));
            case TAG, TAG_LINKS -> tags.byReference(key).map(t -> new RecordRef("tag", t.id(), t.name()))
                    .orElseThrow(() -> new RecordNotFound("tag", key));
            case ORGANISATION -> organisations.byReference(key)
                    .map(o -> new RecordRef("organisation", o.id(), o.domain()))
                    .orElseThrow(() -> new RecordNotFound("organisation", key));
            case PERSON -> persons.byReference(key).map(p -> new RecordRef("person", p.id(), p.username()))
                    .orElseThrow(() -> new RecordNotFound("person", key));
        };
    }

    private List<RecordedEvent> recorded(List<EventCapture.Published> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                SELECT d.global_index, d.payload_type, d.aggregate_identifier, d.sequence_number, d.time_stamp
                  FROM domain_event_entry d
                  JOIN unnest(?::varchar[], ?::bigint[]) AS e(aggregate_identifier, sequence_number)
                    ON d.aggregate_identifier = e.aggregate_identifier AND d.sequence_number = e.sequence_number
                 ORDER BY d.global_index""", (rs, i) -> {
                    String type = rs.getString(2);
                    return new RecordedEvent(rs.getLong(1), type.substring(type.lastIndexOf('.') + 1),
                            UUID.fromString(rs.getString(3)), rs.getLong(4), Instant.parse(rs.getString(5)));
                },
                events.stream().map(EventCapture.Published::aggregateId).toArray(String[]::new),
                events.stream().map(EventCapture.Published::sequence).toArray(Long[]::new));
    }
}
