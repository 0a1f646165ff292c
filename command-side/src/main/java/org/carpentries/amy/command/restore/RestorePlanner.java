package org.carpentries.amy.command.restore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.carpentries.amy.command.Change;
import org.carpentries.amy.command.RecordNotFound;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.lookup.Lookups;
import org.carpentries.amy.command.lookup.ReferenceKind;
import org.carpentries.amy.command.organisation.EditOrganisation;
import org.carpentries.amy.command.organisation.Organisation;
import org.carpentries.amy.command.organisation.OrganisationState;
import org.carpentries.amy.command.tag.EditTagDetails;
import org.carpentries.amy.command.tag.ReinstateTag;
import org.carpentries.amy.command.tag.RetireTag;
import org.carpentries.amy.command.tag.Tag;
import org.carpentries.amy.command.tag.TagState;
import org.carpentries.amy.command.workshop.AssignTagToWorkshop;
import org.carpentries.amy.command.workshop.UnassignTagFromWorkshop;
import org.carpentries.amy.command.workshop.Workshop;
import org.carpentries.amy.command.workshop.WorkshopState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Computes a restore's commands from the event store itself (not from read models, which may lag): the record's
 * state at the instant and now, each evolved by its aggregate's own handlers, and the commands between them.
 */
@Component
class RestorePlanner {

    private static final String TAG_ASSIGNED = "org.carpentries.amy.command.workshop.events.TagAssignedToWorkshop";
    private final EventStore store;
    private final JdbcTemplate jdbc;
    private final Labels labels;
    private final WorkshopRestores workshops;
    private final PersonRestores persons;

    RestorePlanner(EventStore eventStore, JdbcTemplate jdbc, Lookups lookups, PersonRestores persons) {
        this.store = eventStore;
        this.jdbc = jdbc;
        this.labels = new Labels(lookups);
        this.workshops = new WorkshopRestores(labels);
        this.persons = persons;
    }

    RestorePlan plan(RestoreRecord cmd) {
        return switch (cmd.kind()) {
            case WORKSHOP -> {
                var s = states(Workshop.class, "workshop", cmd, Workshop::state);
                yield workshops.plan(s.now(), s.then());
            }
            case TAG -> tag(states(Tag.class, "tag", cmd, Tag::state));
            case TAG_LINKS -> tagLinks(cmd);
            case ORGANISATION -> organisation(states(Organisation.class, "organisation", cmd, Organisation::state));
            case PERSON -> persons.plan(cmd, labels);
        };
    }

    /** The record's states; rejected when it has no events, or none up to the instant. */
    <T, S> AggregateReplay.States<S> states(Class<T> type, String kind, RestoreRecord cmd, Function<T, S> state) {
        AggregateReplay.States<S> s = AggregateReplay.of(store, type, cmd.recordId(), cmd.asOf(), state)
                .orElseThrow(() -> new RecordNotFound(kind, cmd.recordId()));
        if (s.then() == null) {
            throw notYet(kind, cmd.recordId(), cmd.asOf());
        }
        checkVersion(cmd, s);
        return s;
    }

    /** The version the caller saw (its {@code If-Match}) must still be the record's. */
    static void checkVersion(RestoreRecord cmd, AggregateReplay.States<?> s) {
        if (cmd.expectedVersion() != null && cmd.expectedVersion() != s.version()) {
            throw new ConflictingAggregateVersionException(cmd.recordId().toString(), cmd.expectedVersion(),
                    s.version());
        }
    }

    static RuleViolation notYet(String kind, UUID id, Instant asOf) {
        return new RuleViolation("restore-before-creation", "The " + kind + " " + id + " did not exist at " + asOf
                + "; there is no state to restore.");
    }

    private RestorePlan tag(AggregateReplay.States<TagState> s) {
        TagState now = s.now();
        TagState then = s.then();
        RecordRef ref = labels.record("tag", ReferenceKind.TAG, now.tagId());
        List<RestoreStep> commands = new ArrayList<>();
        if (!Objects.equals(now.details(), then.details())) {
            commands.add(RestoreStep.of(new EditTagDetails(now.tagId(), null, then.details()), ref,
                    Map.of("details", then.details())));
        }
        if (now.retired() != then.retired()) {
            Object command = then.retired() ? new RetireTag(now.tagId()) : new ReinstateTag(now.tagId());
            commands.add(RestoreStep.of(command, ref, Map.of()));
        }
        return new RestorePlan(commands, diff(ref, tagFields(now), tagFields(then)), List.of());
    }

    private static Map<String, Object> tagFields(TagState t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("details", t.details());
        m.put("retired", t.retired());
        return m;
    }

    /**
     * Every workshop that had the tag at the instant and lacks it now gets it back (a retired tag is reinstated
     * first, and retired again at the end when it was retired then). Workshops that gained the tag later are listed,
     * and lose it only when asked.
     */
    private RestorePlan tagLinks(RestoreRecord cmd) {
        AggregateReplay.States<TagState> tag = states(Tag.class, "tag", cmd, Tag::state);
        UUID tagId = cmd.recordId();
        List<UUID> missing = new ArrayList<>();
        List<UUID> later = new ArrayList<>();
        List<RecordDiff> diff = new ArrayList<>();
        for (UUID workshopId : workshopsEverTagged(tagId)) {
            var s = AggregateReplay.of(store, Workshop.class, workshopId, cmd.asOf(), Workshop::state).orElseThrow();
            boolean had = s.then() != null && s.then().tagIds().contains(tagId);
            boolean has = s.now().tagIds().contains(tagId);
            if (had && !has) {
                missing.add(workshopId);
                diff.add(linkDiff(s.now(), tagId, true));
            } else if (!had && has) {
                later.add(workshopId);
                if (cmd.removeLaterLinks()) {
                    diff.add(linkDiff(s.now(), tagId, false));
                }
            }
        }
        RecordRef tagRef = labels.record("tag", ReferenceKind.TAG, tagId);
        Map<String, Object> arguments = RestoreStep.arguments("tag_id", tagId, "tag", tagRef.label());
        List<RestoreStep> commands = new ArrayList<>();
        boolean reinstate = !missing.isEmpty() && tag.now().retired();
        if (reinstate) {
            commands.add(RestoreStep.of(new ReinstateTag(tagId), tagRef, Map.of()));
            diff.add(0, new RecordDiff(tagRef, List.of(new RecordDiff.FieldChange("retired", true,
                    tag.then().retired()))));
        }
        missing.forEach(w -> commands.add(RestoreStep.of(new AssignTagToWorkshop(w, tagId), labels.workshop(w),
                arguments)));
        if (cmd.removeLaterLinks()) {
            later.forEach(w -> commands.add(RestoreStep.of(new UnassignTagFromWorkshop(w, tagId),
                    labels.workshop(w), arguments)));
        }
        if (reinstate && tag.then().retired()) {
            commands.add(RestoreStep.of(new RetireTag(tagId), tagRef, Map.of()));
        }
        return new RestorePlan(commands, diff, later.stream().map(labels::workshop).toList());
    }

    private RecordDiff linkDiff(WorkshopState now, UUID tagId, boolean add) {
        TreeSet<UUID> after = new TreeSet<>(now.tagIds());
        if (add) {
            after.add(tagId);
        } else {
            after.remove(tagId);
        }
        return new RecordDiff(labels.workshop(now.workshopId()), List.of(new RecordDiff.FieldChange("tags",
                labels.tagNames(now.tagIds()), labels.tagNames(after))));
    }

    /** Candidates only, from the store (a read model may lag): each is replayed to see whether it had the tag. */
    private List<UUID> workshopsEverTagged(UUID tagId) {
        return jdbc.queryForList("""
                SELECT DISTINCT aggregate_identifier FROM domain_event_entry
                WHERE payload_type = ? AND convert_from(payload, 'UTF8')::jsonb ->> 'tagId' = ?
                ORDER BY aggregate_identifier""", String.class, TAG_ASSIGNED, tagId.toString())
                .stream().map(UUID::fromString).toList();
    }

    private RestorePlan organisation(AggregateReplay.States<OrganisationState> s) {
        OrganisationState now = s.now();
        OrganisationState then = s.then();
        RecordRef ref = labels.record("organisation", ReferenceKind.ORGANISATION, now.organisationId());
        Map<String, Object> before = organisationFields(now);
        Map<String, Object> after = organisationFields(then);
        List<RecordDiff> diff = diff(ref, before, after);
        if (diff.isEmpty()) {
            return new RestorePlan(List.of(), List.of(), List.of());
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        diff.get(0).changes().forEach(c -> arguments.put(c.field(), c.newValue()));
        EditOrganisation edit = new EditOrganisation(now.organisationId(), null,
                changed(arguments, "domain"), changed(arguments, "fullname"), changed(arguments, "country"),
                changed(arguments, "notes"));
        return new RestorePlan(List.of(RestoreStep.of(edit, ref, arguments)), diff, List.of());
    }

    private static Change<String> changed(Map<String, Object> arguments, String field) {
        return arguments.containsKey(field) ? Change.to((String) arguments.get(field)) : null;
    }

    private static Map<String, Object> organisationFields(OrganisationState o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("domain", o.domain());
        m.put("fullname", o.fullname());
        m.put("country", o.country());
        m.put("notes", o.notes());
        return m;
    }

    static List<RecordDiff> diff(RecordRef ref, Map<String, Object> now, Map<String, Object> then) {
        List<RecordDiff.FieldChange> changes = WorkshopRestores.changes(now, then);
        return changes.isEmpty() ? List.of() : List.of(new RecordDiff(ref, changes));
    }
}
