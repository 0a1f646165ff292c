package org.carpentries.amy.command.restore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.carpentries.amy.command.workshop.AddTask;
import org.carpentries.amy.command.workshop.ArchiveWorkshop;
import org.carpentries.amy.command.workshop.AssignTagToWorkshop;
import org.carpentries.amy.command.workshop.EditWorkshop;
import org.carpentries.amy.command.workshop.RemoveTask;
import org.carpentries.amy.command.workshop.RestoreWorkshop;
import org.carpentries.amy.command.workshop.Task;
import org.carpentries.amy.command.workshop.UnassignTagFromWorkshop;
import org.carpentries.amy.command.workshop.WorkshopFields;
import org.carpentries.amy.command.workshop.WorkshopPatch;
import org.carpentries.amy.command.workshop.WorkshopState;

/**
 * The commands that take a workshop from its state now to its state then. An archived workshop is restored before
 * any edit and archived again at the end when it was archived then. Tasks come before the field edit, so the
 * attendance a learner task raises ends as it was then.
 */
final class WorkshopRestores {

    private static final Comparator<Task> TASK_ORDER = Comparator.comparing(Task::personId)
            .thenComparing(Task::roleId);
    private final Labels labels;

    WorkshopRestores(Labels labels) {
        this.labels = labels;
    }

    RestorePlan plan(WorkshopState now, WorkshopState then) {
        UUID id = now.workshopId();
        RecordRef ref = labels.workshop(id);
        List<RestoreStep> edits = new ArrayList<>();
        List<Task> added = new ArrayList<>();
        then.tasks().stream().filter(t -> !now.tasks().contains(t)).sorted(TASK_ORDER).forEach(t -> {
            added.add(t);
            edits.add(RestoreStep.of(new AddTask(id, t.personId(), t.roleId()), ref, task(t)));
        });
        now.tasks().stream().filter(t -> !then.tasks().contains(t)).sorted(TASK_ORDER).forEach(t -> edits.add(
                RestoreStep.of(new RemoveTask(id, t.personId(), t.roleId()), ref, task(t))));
        new TreeSet<>(then.tagIds()).stream().filter(t -> !now.tagIds().contains(t)).forEach(t -> edits.add(
                RestoreStep.of(new AssignTagToWorkshop(id, t), ref, tag(t))));
        new TreeSet<>(now.tagIds()).stream().filter(t -> !then.tagIds().contains(t)).forEach(t -> edits.add(
                RestoreStep.of(new UnassignTagFromWorkshop(id, t), ref, tag(t))));
        Map<String, Object> arguments = new LinkedHashMap<>();
        WorkshopPatch patch = patch(now.fields(), then.fields(), !added.isEmpty(), arguments);
        if (!arguments.isEmpty()) {
            edits.add(RestoreStep.of(new EditWorkshop(id, null, patch), ref, arguments));
        }
        List<RestoreStep> commands = new ArrayList<>();
        boolean reopen = now.archived() && (!edits.isEmpty() || !then.archived());
        if (reopen) {
            commands.add(RestoreStep.of(new RestoreWorkshop(id), ref, Map.of()));
        }
        commands.addAll(edits);
        if (then.archived() && (reopen || !now.archived())) {
            commands.add(RestoreStep.of(new ArchiveWorkshop(id), ref, Map.of()));
        }
        List<RecordDiff.FieldChange> changes = changes(describe(now), describe(then));
        List<RecordDiff> diff = changes.isEmpty() ? List.of() : List.of(new RecordDiff(ref, changes));
        return new RestorePlan(commands, diff, List.of());
    }

    /** The workshop's fields as the API shows them, references by name: what the diff compares. */
    Map<String, Object> describe(WorkshopState s) {
        Map<String, Object> m = s.fields().shown(labels::organisation, labels::account);
        m.put("tags", labels.tagNames(s.tagIds()));
        m.put("tasks", s.tasks().stream().map(t -> labels.person(t.personId()) + " as " + labels.role(t.roleId()))
                .sorted().toList());
        m.put("archived", s.archived());
        return m;
    }

    static List<RecordDiff.FieldChange> changes(Map<String, Object> now, Map<String, Object> then) {
        List<RecordDiff.FieldChange> changes = new ArrayList<>();
        then.forEach((field, value) -> {
            if (!PatchArguments.same(now.get(field), value)) {
                changes.add(new RecordDiff.FieldChange(field, now.get(field), value));
            }
        });
        return changes;
    }

    private Map<String, Object> task(Task t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("person_id", t.personId());
        m.put("person", labels.person(t.personId()));
        m.put("role_id", t.roleId());
        m.put("role", labels.role(t.roleId()));
        return m;
    }

    private Map<String, Object> tag(UUID tagId) {
        return RestoreStep.arguments("tag_id", tagId, "tag", labels.tag(tagId));
    }

    /** A patch setting every field that differs (and the attendance when tasks are added); records the arguments. */
    private static WorkshopPatch patch(WorkshopFields now, WorkshopFields then, boolean keepAttendance,
                                       Map<String, Object> args) {
        return new WorkshopPatch(
                PatchArguments.change("slug", now.slug(), then.slug(), args),
                PatchArguments.change("host_id", now.hostId(), then.hostId(), args),
                PatchArguments.change("administrator_id", now.administratorId(), then.administratorId(), args),
                PatchArguments.change("start", now.start(), then.start(), args),
                PatchArguments.change("end", now.end(), then.end(), args),
                PatchArguments.change("url", now.url(), then.url(), args),
                PatchArguments.change("registration_key", now.registrationKey(), then.registrationKey(), args),
                keepAttendance ? PatchArguments.set("attendance", then.attendance(), args)
                        : PatchArguments.change("attendance", now.attendance(), then.attendance(), args),
                PatchArguments.change("admin_fee", now.adminFee(), then.adminFee(), args),
                PatchArguments.change("invoice_status", now.invoiceStatus(), then.invoiceStatus(), args),
                PatchArguments.change("notes", now.notes(), then.notes(), args),
                PatchArguments.change("contact", now.contact(), then.contact(), args),
                PatchArguments.change("country", now.country(), then.country(), args),
                PatchArguments.change("venue", now.venue(), then.venue(), args),
                PatchArguments.change("address", now.address(), then.address(), args),
                PatchArguments.change("latitude", now.latitude(), then.latitude(), args),
                PatchArguments.change("longitude", now.longitude(), then.longitude(), args),
                PatchArguments.change("learners_pre", now.learnersPre(), then.learnersPre(), args),
                PatchArguments.change("learners_post", now.learnersPost(), then.learnersPost(), args),
                PatchArguments.change("instructors_pre", now.instructorsPre(), then.instructorsPre(), args),
                PatchArguments.change("instructors_post", now.instructorsPost(), then.instructorsPost(), args),
                PatchArguments.change("learners_longterm", now.learnersLongterm(), then.learnersLongterm(), args),
                PatchArguments.change("completed", now.completed(), then.completed(), args),
                PatchArguments.change("assigned_to", now.assignedTo(), then.assignedTo(), args));
    }
}
