package org.carpentries.amy.command.person;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carpentries.amy.command.Merging;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.person.events.AwardRevoked;
import org.carpentries.amy.command.person.events.BadgeAwarded;
import org.carpentries.amy.command.person.events.PersonEvent;
import org.carpentries.amy.command.person.events.PersonMergeStrategy;
import org.carpentries.amy.command.person.events.PersonMergedInto;
import org.carpentries.amy.command.person.events.PersonsMerged;
import org.carpentries.amy.command.person.events.Sealed;
import org.carpentries.amy.command.workshop.events.MergeChoice;
import org.carpentries.amy.command.workshop.events.TaskAdded;
import org.carpentries.amy.command.workshop.events.TaskRemoved;
import org.carpentries.amy.command.workshop.events.WorkshopEvent;

/**
 * The pure part of a person merge: from two people, their tasks and a strategy to the events of each person and of
 * each workshop whose roster changes. Awards, lessons and domains move as the survivor's own links; no badge,
 * lesson, domain, role, workshop or third person appears in the result other than as a link.
 */
public final class PersonMergePlan {

    private static final Set<String> COMBINABLE = Set.of("notes", "awards", "qualifications", "domains", "tasks");

    private PersonMergePlan() {
    }

    /** Rejects {@code combine} on fields AMY never combined. */
    public static void checkStrategy(PersonMergeStrategy strategy) {
        Merging.checkCombinable(strategy, COMBINABLE,
                "Only notes, awards, qualifications, domains and tasks can be combined.");
    }

    /**
     * Plans merging {@code a} and {@code b}; {@code seal} seals a plain value under the survivor's key, and
     * {@code awardsGiven} are the awards others hold from the absorbed person, which stay as they are.
     */
    public static PersonMergeOutcome plan(PersonMergeState a, PersonMergeState b, PersonMergeStrategy s,
                                          Function<String, Sealed> seal, List<GivenAward> awardsGiven,
                                          boolean dryRun) {
        for (PersonMergeState p : List.of(a, b)) {
            if (p.erased()) {
                throw new RuleViolation("person-erased", "Person " + p.personId() + "'s personal data was erased.");
            }
            if (p.archived()) {
                throw new RuleViolation("person-archived", "Person " + p.personId() + " is archived.");
            }
        }
        PersonMergeStrategy st = s == null ? PersonMergeStrategy.allFromA() : s;
        boolean aSurvives = st.id() != MergeChoice.B;
        PersonMergeState survivor = aSurvives ? a : b;
        PersonMergeState absorbed = aSurvives ? b : a;
        PersonDetails da = a.details();
        PersonDetails db = b.details();
        PersonDetails merged = new PersonDetails(
                pick(st.personal(), da, db, PersonDetails::personal),
                pick(st.middle(), da, db, PersonDetails::middle),
                pick(st.family(), da, db, PersonDetails::family),
                pick(st.username(), da, db, PersonDetails::username),
                pick(st.email(), da, db, PersonDetails::email),
                pick(st.gender(), da, db, PersonDetails::gender),
                pick(st.airport(), da, db, PersonDetails::airportId),
                pick(st.github(), da, db, PersonDetails::github),
                pick(st.twitter(), da, db, PersonDetails::twitter),
                pick(st.url(), da, db, PersonDetails::url),
                pick(st.orcid(), da, db, PersonDetails::orcid),
                pick(st.occupation(), da, db, PersonDetails::occupation),
                pick(st.affiliation(), da, db, PersonDetails::affiliation),
                Merging.text(st.notes(), da.notes(), db.notes()),
                pick(st.mayContact(), da, db, PersonDetails::mayContact)).normalised();

        Relation<UUID, Award> awards = relate(st.awards(), aSurvives, byKey(a.awards().values(), Award::badgeId),
                byKey(b.awards().values(), Award::badgeId));
        Relation<UUID, UUID> lessons = relate(st.qualifications(), aSurvives, byKey(a.lessonIds(), l -> l),
                byKey(b.lessonIds(), l -> l));
        Relation<UUID, UUID> domains = relate(st.domains(), aSurvives, byKey(a.domainIds(), k -> k),
                byKey(b.domainIds(), k -> k));
        Relation<PersonTask, PersonTask> tasks = relate(st.tasks(), aSurvives, byKey(a.tasks(), t -> t),
                byKey(b.tasks(), t -> t));

        UUID sid = survivor.personId();
        UUID aid = absorbed.personId();
        List<PersonEvent> survivorEvents = new ArrayList<>();
        survivorEvents.add(new PersonsMerged(sid, aid, st));
        survivorEvents.addAll(PersonChanges.between(sid, survivor.details(), merged, seal));
        awards.removed().stream().sorted(PersonMergeOutcome.BY_BADGE)
                .forEach(w -> survivorEvents.add(new AwardRevoked(sid, w.badgeId())));
        awards.moved().stream().sorted(PersonMergeOutcome.BY_BADGE).forEach(w -> survivorEvents.add(
                new BadgeAwarded(sid, w.badgeId(), w.awarded(), w.workshopId(), w.awardedBy())));
        survivorEvents.addAll(PersonChanges.lessons(sid, survivor.lessonIds(), lessons.result().keySet()));
        survivorEvents.addAll(PersonChanges.domains(sid, survivor.domainIds(), domains.result().keySet()));

        // The absorbed person gives up everything, so nothing is counted twice once it is archived.
        List<PersonEvent> absorbedEvents = new ArrayList<>();
        absorbed.awards().values().stream().sorted(PersonMergeOutcome.BY_BADGE)
                .forEach(w -> absorbedEvents.add(new AwardRevoked(aid, w.badgeId())));
        absorbedEvents.addAll(PersonChanges.lessons(aid, absorbed.lessonIds(), Set.of()));
        absorbedEvents.addAll(PersonChanges.domains(aid, absorbed.domainIds(), Set.of()));
        absorbedEvents.add(new PersonMergedInto(aid, sid));

        Map<UUID, List<WorkshopEvent>> perWorkshop = new TreeMap<>();
        tasks.removed().stream().sorted(PersonMergeOutcome.BY_WORKSHOP).forEach(t -> perWorkshop
                .computeIfAbsent(t.workshopId(), w -> new ArrayList<>()).add(new TaskRemoved(t.workshopId(), sid,
                        t.roleId())));
        absorbed.tasks().stream().sorted(PersonMergeOutcome.BY_WORKSHOP).forEach(t -> perWorkshop
                .computeIfAbsent(t.workshopId(), w -> new ArrayList<>()).add(new TaskRemoved(t.workshopId(), aid,
                        t.roleId())));
        tasks.moved().stream().sorted(PersonMergeOutcome.BY_WORKSHOP).forEach(t -> perWorkshop
                .computeIfAbsent(t.workshopId(), w -> new ArrayList<>()).add(new TaskAdded(t.workshopId(), sid,
                        t.roleId())));
        List<WorkshopEvent> workshopEvents = perWorkshop.values().stream().flatMap(List::stream).toList();

        PersonMergeOutcome.Items moved = new PersonMergeOutcome.Items(awards.moved(), lessons.moved(),
                domains.moved(), tasks.moved());
        PersonMergeOutcome.Items skipped = new PersonMergeOutcome.Items(awards.skipped(), lessons.skipped(),
                domains.skipped(), tasks.skipped());
        PersonMergeOutcome.Items removed = new PersonMergeOutcome.Items(awards.removed(), lessons.removed(),
                domains.removed(), tasks.removed());
        PersonMergeOutcome.Items dropped = new PersonMergeOutcome.Items(awards.dropped(), lessons.dropped(),
                domains.dropped(), tasks.dropped());
        return new PersonMergeOutcome(sid, aid, merged, List.copyOf(awards.result().values()),
                List.copyOf(lessons.result().keySet()), List.copyOf(domains.result().keySet()),
                List.copyOf(tasks.result().keySet()), moved, skipped, removed, dropped, awardsGiven,
                warnings(skipped, dropped, awardsGiven), survivorEvents, absorbedEvents, workshopEvents, dryRun);
    }

    private static List<String> warnings(PersonMergeOutcome.Items skipped, PersonMergeOutcome.Items dropped,
                                         List<GivenAward> awardsGiven) {
        List<String> warnings = new ArrayList<>();
        count(warnings, skipped.awards().size(), "duplicate award(s) skipped: the survivor already holds the badge");
        count(warnings, skipped.lessonIds().size(), "duplicate qualification(s) skipped");
        count(warnings, skipped.domainIds().size(), "duplicate knowledge domain(s) skipped");
        count(warnings, skipped.tasks().size(),
                "duplicate task(s) skipped: the survivor already has that role at that workshop");
        count(warnings, dropped.awards().size() + dropped.lessonIds().size() + dropped.domainIds().size()
                + dropped.tasks().size(), "item(s) of the absorbed person not carried over (strategy chose the "
                + "survivor's own)");
        count(warnings, awardsGiven.size(), "award(s) given by the absorbed person keep naming them as awarded_by");
        return warnings;
    }

    private static void count(List<String> warnings, int n, String what) {
        if (n > 0) {
            warnings.add(n + " " + what + ".");
        }
    }

    /** One relation after the merge, keyed (awards by badge), and how each item got there or why it did not. */
    private record Relation<K, V>(Map<K, V> result, List<V> moved, List<V> skipped, List<V> removed,
                                  List<V> dropped) {
    }

    private static <K, V> Map<K, V> byKey(java.util.Collection<V> items, Function<V, K> key) {
        return items.stream().collect(Collectors.toMap(key, v -> v, (x, y) -> x, LinkedHashMap::new));
    }

    /**
     * Choosing the survivor's side keeps its items and drops the absorbed person's; choosing the absorbed side
     * moves all of its items and unlinks the survivor's own that differ; combining moves what the survivor lacks and
     * skips the duplicates.
     */
    private static <K, V> Relation<K, V> relate(MergeChoice c, boolean aSurvives, Map<K, V> a, Map<K, V> b) {
        Map<K, V> own = aSurvives ? a : b;
        Map<K, V> other = aSurvives ? b : a;
        MergeChoice choice = Merging.choice(c);
        List<V> moved = new ArrayList<>();
        List<V> skipped = new ArrayList<>();
        List<V> removed = new ArrayList<>();
        List<V> dropped = new ArrayList<>();
        Map<K, V> result = new LinkedHashMap<>(own);
        if (choice == MergeChoice.COMBINE) {
            other.forEach((k, v) -> {
                if (own.containsKey(k)) {
                    skipped.add(v);
                } else {
                    moved.add(v);
                    result.put(k, v);
                }
            });
        } else if ((choice == MergeChoice.A) == aSurvives) {
            dropped.addAll(other.values());
        } else {
            result.clear();
            result.putAll(other);
            own.forEach((k, v) -> {
                if (!Objects.equals(other.get(k), v)) {
                    removed.add(v);
                }
            });
            other.forEach((k, v) -> {
                if (Objects.equals(own.get(k), v)) {
                    skipped.add(v);
                } else {
                    moved.add(v);
                }
            });
        }
        return new Relation<>(result, moved, skipped, removed, dropped);
    }

    private static <T> T pick(MergeChoice c, PersonDetails a, PersonDetails b, Function<PersonDetails, T> field) {
        return Merging.choice(c) == MergeChoice.B ? field.apply(b) : field.apply(a);
    }
}
