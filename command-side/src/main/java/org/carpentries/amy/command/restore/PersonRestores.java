package org.carpentries.amy.command.restore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.carpentries.amy.command.PersonalDataVault;
import org.carpentries.amy.command.RecordNotFound;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.lookup.ReferenceKind;
import org.carpentries.amy.command.person.ArchivePerson;
import org.carpentries.amy.command.person.Award;
import org.carpentries.amy.command.person.AwardBadge;
import org.carpentries.amy.command.person.EditPerson;
import org.carpentries.amy.command.person.Person;
import org.carpentries.amy.command.person.PersonDetails;
import org.carpentries.amy.command.person.PersonMergeState;
import org.carpentries.amy.command.person.PersonPatch;
import org.carpentries.amy.command.person.RestorePerson;
import org.carpentries.amy.command.person.RevokeAward;
import org.springframework.stereotype.Component;

/**
 * A person's profile, qualifications, domains, awards and archiving as they were. Sealed values are read with the
 * person's key; an erased person has none, and is not restorable.
 */
@Component
class PersonRestores {

    private final EventStore store;
    private final PersonalDataVault vault;

    PersonRestores(EventStore eventStore, PersonalDataVault vault) {
        this.store = eventStore;
        this.vault = vault;
    }

    RestorePlan plan(RestoreRecord cmd, Labels labels) {
        UUID id = cmd.recordId();
        var s = AggregateReplay.of(store, Person.class, id, cmd.asOf(), p -> p.state(vault))
                .orElseThrow(() -> new RecordNotFound("person", id));
        if (s.now().erased()) {
            throw new RuleViolation("person-erased", "This person's personal data was erased; their history cannot "
                    + "be restored.");
        }
        if (s.then() == null) {
            throw RestorePlanner.notYet("person", id, cmd.asOf());
        }
        RestorePlanner.checkVersion(cmd, s);
        PersonMergeState now = s.now();
        PersonMergeState then = s.then();
        RecordRef ref = labels.record("person", ReferenceKind.PERSON, id);
        List<RestoreStep> edits = new ArrayList<>();
        Map<String, Object> arguments = new LinkedHashMap<>();
        PersonPatch patch = patch(now, then, arguments);
        if (!arguments.isEmpty()) {
            edits.add(RestoreStep.of(new EditPerson(id, null, patch), ref, arguments));
        }
        for (UUID badge : new TreeSet<>(now.awards().keySet())) {
            if (!Objects.equals(now.awards().get(badge), then.awards().get(badge))) {
                edits.add(RestoreStep.of(new RevokeAward(id, badge), ref, RestoreStep.arguments("badge_id", badge,
                        "badge", labels.label(ReferenceKind.BADGE, badge))));
            }
        }
        for (UUID badge : new TreeSet<>(then.awards().keySet())) {
            Award award = then.awards().get(badge);
            if (!award.equals(now.awards().get(badge))) {
                Map<String, Object> args = new LinkedHashMap<>();
                args.put("badge_id", badge);
                args.put("badge", labels.label(ReferenceKind.BADGE, badge));
                args.put("awarded", award.awarded());
                args.put("workshop_id", award.workshopId());
                args.put("awarded_by", award.awardedBy());
                edits.add(RestoreStep.of(new AwardBadge(id, badge, award.awarded(), award.workshopId(),
                        award.awardedBy()), ref, args));
            }
        }
        List<RestoreStep> commands = new ArrayList<>();
        boolean reopen = now.archived() && (!edits.isEmpty() || !then.archived());
        if (reopen) {
            commands.add(RestoreStep.of(new RestorePerson(id), ref, Map.of()));
        }
        commands.addAll(edits);
        if (then.archived() && (reopen || !now.archived())) {
            commands.add(RestoreStep.of(new ArchivePerson(id), ref, Map.of()));
        }
        return new RestorePlan(commands, RestorePlanner.diff(ref, describe(now, labels), describe(then, labels)),
                List.of());
    }

    private static PersonPatch patch(PersonMergeState now, PersonMergeState then, Map<String, Object> args) {
        PersonDetails n = now.details();
        PersonDetails t = then.details();
        return new PersonPatch(PatchArguments.change("personal", n.personal(), t.personal(), args),
                PatchArguments.change("middle", n.middle(), t.middle(), args), PatchArguments.change("family", n.family(), t.family(), args),
                PatchArguments.change("username", n.username(), t.username(), args), PatchArguments.change("email", n.email(), t.email(), args),
                PatchArguments.change("gender", n.gender(), t.gender(), args),
                PatchArguments.change("airport_id", n.airportId(), t.airportId(), args),
                PatchArguments.change("github", n.github(), t.github(), args), PatchArguments.change("twitter", n.twitter(), t.twitter(), args),
                PatchArguments.change("url", n.url(), t.url(), args), PatchArguments.change("orcid", n.orcid(), t.orcid(), args),
                PatchArguments.change("occupation", n.occupation(), t.occupation(), args),
                PatchArguments.change("affiliation", n.affiliation(), t.affiliation(), args),
                PatchArguments.change("notes", n.notes(), t.notes(), args),
                PatchArguments.change("may_contact", n.mayContact(), t.mayContact(), args),
                set("lesson_ids", now.lessonIds(), then.lessonIds(), args),
                set("domain_ids", now.domainIds(), then.domainIds(), args));
    }

    private static Set<UUID> set(String field, Set<UUID> now, Set<UUID> then, Map<String, Object> args) {
        if (now.equals(then)) {
            return null;
        }
        args.put(field, new TreeSet<>(then));
        return then;
    }

    private static Map<String, Object> describe(PersonMergeState p, Labels labels) {
        PersonDetails d = p.details();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("personal", d.personal());
        m.put("middle", d.middle());
        m.put("family", d.family());
        m.put("username", d.username());
        m.put("email", d.email());
        m.put("gender", d.gender());
        m.put("airport", labels.label(ReferenceKind.AIRPORT, d.airportId()));
        m.put("github", d.github());
        m.put("twitter", d.twitter());
        m.put("url", d.url());
        m.put("orcid", d.orcid());
        m.put("occupation", d.occupation());
        m.put("affiliation", d.affiliation());
        m.put("notes", d.notes());
        m.put("may_contact", d.mayContact());
        m.put("lessons", names(labels, ReferenceKind.LESSON, p.lessonIds()));
        m.put("domains", names(labels, ReferenceKind.KNOWLEDGE_DOMAIN, p.domainIds()));
        List<String> awards = new ArrayList<>();
        p.awards().values().forEach(a -> awards.add(labels.label(ReferenceKind.BADGE, a.badgeId()) + " "
                + a.awarded()));
        m.put("awards", awards.stream().sorted().toList());
        m.put("archived", p.archived());
        return m;
    }

    private static List<String> names(Labels labels, ReferenceKind kind, Set<UUID> ids) {
        return ids.stream().map(id -> labels.label(kind, id)).sorted().toList();
    }
}
