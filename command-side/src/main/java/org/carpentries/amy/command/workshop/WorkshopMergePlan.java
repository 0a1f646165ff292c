package org.carpentries.amy.command.workshop;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.carpentries.amy.command.Merging;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.workshop.events.MergeChoice;
import org.carpentries.amy.command.workshop.events.TaskAdded;
import org.carpentries.amy.command.workshop.events.TaskRemoved;
import org.carpentries.amy.command.workshop.events.WorkshopEvent;
import org.carpentries.amy.command.workshop.events.WorkshopMergeStrategy;
import org.carpentries.amy.command.workshop.events.WorkshopMergedInto;
import org.carpentries.amy.command.workshop.events.WorkshopsMerged;

/**
 * The pure part of a workshop merge: from two workshops and a strategy to the events of each side. Tags move as
 * links of the survivor only; no tag and no third workshop appears in the result.
 */
public final class WorkshopMergePlan {

    private static final Set<String> COMBINABLE = Set.of("contact", "venue", "address", "notes", "tags", "tasks");
    private static final java.util.Comparator<Task> ROSTER = java.util.Comparator.comparing(Task::personId)
            .thenComparing(Task::roleId);

    private WorkshopMergePlan() {
    }

    /** Rejects {@code combine} on fields AMY never combined. */
    public static void checkStrategy(WorkshopMergeStrategy strategy) {
        Merging.checkCombinable(strategy, COMBINABLE,
                "Only contact, venue, address, notes, tags and tasks can be combined.");
    }

    public static MergeOutcome plan(WorkshopState a, WorkshopState b, WorkshopMergeStrategy s, boolean dryRun) {
        for (WorkshopState w : List.of(a, b)) {
            if (w.archived()) {
                throw new RuleViolation("workshop-archived", "Workshop " + w.workshopId() + " is archived.");
            }
        }
        WorkshopMergeStrategy st = s == null ? WorkshopMergeStrategy.allFromA() : s;
        boolean aSurvives = st.id() != MergeChoice.B;
        WorkshopState survivor = aSurvives ? a : b;
        WorkshopState absorbed = aSurvives ? b : a;
        WorkshopFields fa = a.fields();
        WorkshopFields fb = b.fields();
        WorkshopFields merged = new WorkshopFields(
                pick(st.slug(), fa, fb, WorkshopFields::slug),
                pick(st.host(), fa, fb, WorkshopFields::hostId),
                pick(st.administrator(), fa, fb, WorkshopFields::administratorId),
                pick(st.start(), fa, fb, WorkshopFields::start),
                pick(st.end(), fa, fb, WorkshopFields::end),
                pick(st.url(), fa, fb, WorkshopFields::url),
                pick(st.registrationKey(), fa, fb, WorkshopFields::registrationKey),
                pick(st.attendance(), fa, fb, WorkshopFields::attendance),
                pick(st.adminFee(), fa, fb, WorkshopFields::adminFee),
                pick(st.invoiceStatus(), fa, fb, WorkshopFields::invoiceStatus),
                text(st.notes(), fa.notes(), fb.notes()),
                text(st.contact(), fa.contact(), fb.contact()),
                pick(st.country(), fa, fb, WorkshopFields::country),
                text(st.venue(), fa.venue(), fb.venue()),
                text(st.address(), fa.address(), fb.address()),
                pick(st.latitude(), fa, fb, WorkshopFields::latitude),
                pick(st.longitude(), fa, fb, WorkshopFields::longitude),
                pick(st.learnersPre(), fa, fb, WorkshopFields::learnersPre),
                pick(st.learnersPost(), fa, fb, WorkshopFields::learnersPost),
                pick(st.instructorsPre(), fa, fb, WorkshopFields::instructorsPre),
                pick(st.instructorsPost(), fa, fb, WorkshopFields::instructorsPost),
                pick(st.learnersLongterm(), fa, fb, WorkshopFields::learnersLongterm),
                pick(st.completed(), fa, fb, WorkshopFields::completed),
                pick(st.assignedTo(), fa, fb, WorkshopFields::assignedTo)).normalised();
        Set<UUID> tags = switch (choice(st.tags())) {
            case A -> a.tagIds();
            case B -> b.tagIds();
            case COMBINE -> {
                Set<UUID> union = new HashSet<>(a.tagIds());
                union.addAll(b.tagIds());
                yield union;
            }
        };
        List<Task> skipped = new ArrayList<>();
        Set<Task> tasks = switch (choice(st.tasks())) {
            case A -> a.tasks();
            case B -> b.tasks();
            case COMBINE -> {
                Set<Task> union = new HashSet<>(a.tasks());
                for (Task t : b.tasks()) {
                    if (!union.add(t)) {
                        skipped.add(t);
                    }
                }
                yield union;
            }
        };
        skipped.sort(ROSTER);
        UUID sid = survivor.workshopId();
        UUID aid = absorbed.workshopId();
        List<WorkshopEvent> survivorEvents = new ArrayList<>();
        survivorEvents.add(new WorkshopsMerged(sid, aid, st));
        survivorEvents.addAll(WorkshopChanges.between(sid, survivor.fields(), merged));
        survivorEvents.addAll(WorkshopChanges.tags(sid, survivor.tagIds(), tags));
        survivor.tasks().stream().filter(t -> !tasks.contains(t)).sorted(ROSTER)
                .forEach(t -> survivorEvents.add(new TaskRemoved(sid, t.personId(), t.roleId())));
        tasks.stream().filter(t -> !survivor.tasks().contains(t)).sorted(ROSTER)
                .forEach(t -> survivorEvents.add(new TaskAdded(sid, t.personId(), t.roleId())));
        // The absorbed workshop gives up its roster, so no one is counted twice once it is archived.
        List<WorkshopEvent> absorbedEvents = new ArrayList<>();
        absorbed.tasks().stream().sorted(ROSTER)
                .forEach(t -> absorbedEvents.add(new TaskRemoved(aid, t.personId(), t.roleId())));
        absorbedEvents.add(new WorkshopMergedInto(aid, sid));
        return new MergeOutcome(sid, aid, merged, tags, tasks, skipped, survivorEvents, absorbedEvents, dryRun);
    }

    private static MergeChoice choice(MergeChoice c) {
        return Merging.choice(c);
    }

    private static <T> T pick(MergeChoice c, WorkshopFields a, WorkshopFields b, Function<WorkshopFields, T> field) {
        return choice(c) == MergeChoice.B ? field.apply(b) : field.apply(a);
    }

    static String text(MergeChoice c, String a, String b) {
        return Merging.text(c, a, b);
    }
}
