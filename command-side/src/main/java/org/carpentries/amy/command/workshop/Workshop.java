package org.carpentries.amy.command.workshop;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateVersion;
import org.axonframework.spring.stereotype.Aggregate;
import org.carpentries.amy.command.InvalidInput;
import org.carpentries.amy.command.RecordNotFound;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.lookup.Lookups;
import org.carpentries.amy.command.lookup.ReferenceKind;
import org.carpentries.amy.command.lookup.UniqueKind;
import org.carpentries.amy.command.workshop.events.TagAssignedToWorkshop;
import org.carpentries.amy.command.workshop.events.TaskAdded;
import org.carpentries.amy.command.workshop.events.TaskRemoved;
import org.carpentries.amy.command.workshop.events.TagUnassignedFromWorkshop;
import org.carpentries.amy.command.workshop.events.WorkshopAdminFeeChanged;
import org.carpentries.amy.command.workshop.events.WorkshopAdministratorChanged;
import org.carpentries.amy.command.workshop.events.WorkshopArchived;
import org.carpentries.amy.command.workshop.events.WorkshopAssigneeChanged;
import org.carpentries.amy.command.workshop.events.WorkshopAttendanceChanged;
import org.carpentries.amy.command.workshop.events.WorkshopCompleted;
import org.carpentries.amy.command.workshop.events.WorkshopContactChanged;
import org.carpentries.amy.command.workshop.events.WorkshopDatesChanged;
import org.carpentries.amy.command.workshop.events.WorkshopEvent;
import org.carpentries.amy.command.workshop.events.WorkshopHostChanged;
import org.carpentries.amy.command.workshop.events.WorkshopInvoiceStatusChanged;
import org.carpentries.amy.command.workshop.events.Location;
import org.carpentries.amy.command.workshop.events.WorkshopLocationChanged;
import org.carpentries.amy.command.workshop.events.WorkshopMergedInto;
import org.carpentries.amy.command.workshop.events.WorkshopNotesChanged;
import org.carpentries.amy.command.workshop.events.WorkshopRegistrationKeyChanged;
import org.carpentries.amy.command.workshop.events.WorkshopReopened;
import org.carpentries.amy.command.workshop.events.WorkshopRestored;
import org.carpentries.amy.command.workshop.events.WorkshopScheduled;
import org.carpentries.amy.command.workshop.events.WorkshopSlugChanged;
import org.carpentries.amy.command.workshop.events.WorkshopSurveyLinksChanged;
import org.carpentries.amy.command.workshop.events.WorkshopUrlChanged;
import org.carpentries.amy.command.workshop.events.WorkshopsMerged;

/** A workshop: its fields, its tags and tasks (ids only: they point at other aggregates), completion, archiving. */
@Aggregate(cache = "aggregateCache")
public class Workshop {

    /** AMY's code counts learners by this role name; it cannot be renamed. */
    static final String LEARNER = "learner";

    @AggregateIdentifier
    private UUID workshopId;
    @AggregateVersion
    private Long version;
    private WorkshopFields fields;
    private final Set<UUID> tags = new HashSet<>();
    private final Set<Task> tasks = new HashSet<>();
    private boolean archived;
    private UUID mergedInto;

    protected Workshop() {
    }

    @CommandHandler
    Workshop(ScheduleWorkshop cmd, Lookups lookups) {
        UUID id = cmd.workshopId();
        WorkshopFields f = cmd.fields();
        checkOrganisations(null, f, lookups);
        checkAssignee(null, f, lookups);
        for (UUID tag : cmd.tagIds()) {
            checkAssignable(tag, lookups);
        }
        claim(id, null, f, lookups);
        lookups.putReference(ReferenceKind.WORKSHOP, id, f.slug() == null ? id.toString() : f.slug(), false);
        apply(new WorkshopScheduled(id, f.slug(), f.hostId(), f.administratorId(), f.start(), f.end(), f.url(),
                f.registrationKey(), f.attendance(), f.adminFee(), f.invoiceStatus(), f.notes(), f.contact(),
                f.country(), f.venue(), f.address(), f.latitude(), f.longitude(), f.learnersPre(), f.learnersPost(),
                f.instructorsPre(), f.instructorsPost(), f.learnersLongterm(), f.assignedTo()));
        WorkshopChanges.tags(id, Set.of(), cmd.tagIds()).forEach(e -> apply(e));
        if (f.completed()) {
            apply(new WorkshopCompleted(id));
        }
    }

    @CommandHandler
    void handle(EditWorkshop cmd, Lookups lookups) {
        requireActive();
        WorkshopFields after = cmd.patch().applyTo(fields);
        checkOrganisations(fields, after, lookups);
        checkAssignee(fields, after, lookups);
        claim(workshopId, fields, after, lookups);
        WorkshopChanges.between(workshopId, fields, after).forEach(e -> apply(e));
    }

    @CommandHandler
    void handle(AssignTagToWorkshop cmd, Lookups lookups) {
        requireActive();
        if (tags.contains(cmd.tagId())) {
            return;
        }
        checkAssignable(cmd.tagId(), lookups);
        apply(new TagAssignedToWorkshop(workshopId, cmd.tagId()));
    }

    @CommandHandler
    void handle(UnassignTagFromWorkshop cmd) {
        requireActive();
        if (!tags.contains(cmd.tagId())) {
            return;
        }
        if (tags.size() == 1) {
            throw new RuleViolation("workshop-needs-a-tag",
                    "A workshop needs at least one tag; assign another before removing this one.");
        }
        apply(new TagUnassignedFromWorkshop(workshopId, cmd.tagId()));
    }

    @CommandHandler
    void handle(ReplaceWorkshopTags cmd, Lookups lookups) {
        requireActive();
        for (UUID tag : cmd.tagIds()) {
            if (!tags.contains(tag)) {
                checkAssignable(tag, lookups);
            }
        }
        WorkshopChanges.tags(workshopId, tags, cmd.tagIds()).forEach(e -> apply(e));
    }

    @CommandHandler
    void handle(AddTask cmd, Lookups lookups) {
        requireActive();
        Task task = new Task(cmd.personId(), cmd.roleId());
        if (tasks.contains(task)) {
            return;
        }
        var person = lookups.reference(ReferenceKind.PERSON, cmd.personId())
                .orElseThrow(() -> new RecordNotFound("person", cmd.personId()));
        if (person.retired()) {
            throw new RuleViolation("person-archived", "Person " + person.label() + " is archived.");
        }
        var role = lookups.reference(ReferenceKind.ROLE, cmd.roleId())
                .orElseThrow(() -> new RecordNotFound("role", cmd.roleId()));
        if (role.retired()) {
            throw new RuleViolation("role-retired", "Role '" + role.label() + "' is retired.");
        }
        apply(new TaskAdded(workshopId, cmd.personId(), cmd.roleId()));
        if (LEARNER.equals(role.label())) {
            long learners = tasks.stream().filter(t -> t.roleId().equals(cmd.roleId())).count();
            Integer attendance = fields.attendance();
            if (attendance == null || attendance < learners) {
                apply(new WorkshopAttendanceChanged(workshopId, (int) learners));
            }
        }
    }

    @CommandHandler
    void handle(RemoveTask cmd) {
        requireActive();
        if (tasks.contains(new Task(cmd.personId(), cmd.roleId()))) {
            apply(new TaskRemoved(workshopId, cmd.personId(), cmd.roleId()));
        }
    }

    @CommandHandler
    void handle(MarkWorkshopCompleted cmd) {
        requireActive();
        if (!fields.completed()) {
            apply(new WorkshopCompleted(workshopId));
        }
    }

    @CommandHandler
    void handle(ArchiveWorkshop cmd, Lookups lookups) {
        if (archived) {
            return;
        }
        release(lookups);
        lookups.putReference(ReferenceKind.WORKSHOP, workshopId, label(), true);
        apply(new WorkshopArchived(workshopId));
    }

    @CommandHandler
    void handle(RestoreWorkshop cmd, Lookups lookups) {
        if (!archived) {
            return;
        }
        if (mergedInto != null) {
            throw new RuleViolation("workshop-merged",
                    "This workshop was merged into " + mergedInto + "; it cannot be restored on its own.");
        }
        claim(workshopId, null, fields, lookups);
        lookups.putReference(ReferenceKind.WORKSHOP, workshopId, label(), false);
        apply(new WorkshopRestored(workshopId));
    }

    /** What a merge plan or a restore starts from. */
    public WorkshopState state() {
        return new WorkshopState(workshopId, fields, tags, tasks, archived, mergedInto,
                version == null ? -1 : version);
    }

    /** Records a merge planned by {@link WorkshopMergePlan}, whose events all concern this workshop. */
    void record(List<WorkshopEvent> planned) {
        planned.forEach(e -> apply(e));
    }

    /** The roles {@code personId} holds at this workshop: what a person merge moves. */
    public Set<UUID> rolesOf(UUID personId) {
        Set<UUID> roles = new java.util.TreeSet<>();
        tasks.stream().filter(t -> t.personId().equals(personId)).forEach(t -> roles.add(t.roleId()));
        return roles;
    }

    /**
     * Records the part of a person merge that concerns this workshop: only {@link TaskRemoved} of tasks it has and
     * {@link TaskAdded} of tasks it lacks. Archived workshops take part too, so their history follows the person.
     * The attendance rule of {@link AddTask} holds afterwards.
     */
    public void recordTaskHandover(List<WorkshopEvent> planned, Lookups lookups) {
        boolean learnerAdded = false;
        for (WorkshopEvent e : planned) {
            if (e instanceof TaskRemoved r && r.workshopId().equals(workshopId)
                    && tasks.contains(new Task(r.personId(), r.roleId()))) {
                apply(r);
            } else if (e instanceof TaskAdded t && t.workshopId().equals(workshopId)
                    && !tasks.contains(new Task(t.personId(), t.roleId()))) {
                apply(t);
                learnerAdded |= isLearner(t.roleId(), lookups);
            } else {
                throw new IllegalArgumentException("Not a task hand-over of workshop " + workshopId + ": " + e);
            }
        }
        if (learnerAdded) {
            long learners = tasks.stream().filter(t -> isLearner(t.roleId(), lookups)).count();
            Integer attendance = fields.attendance();
            if (attendance == null || attendance < learners) {
                apply(new WorkshopAttendanceChanged(workshopId, (int) learners));
            }
        }
    }

    private static boolean isLearner(UUID roleId, Lookups lookups) {
        return lookups.reference(ReferenceKind.ROLE, roleId).map(r -> LEARNER.equals(r.label())).orElse(false);
    }

    void releaseUniqueValues(Lookups lookups) {
        release(lookups);
        lookups.putReference(ReferenceKind.WORKSHOP, workshopId, label(), true);
    }

    private String label() {
        return fields.slug() == null ? workshopId.toString() : fields.slug();
    }

    void claimUniqueValues(WorkshopFields after, Lookups lookups) {
        claim(workshopId, fields, after, lookups);
    }

    private void requireActive() {
        if (archived) {
            throw new RuleViolation("workshop-archived", "Workshop " + workshopId + " is archived; restore it first.");
        }
    }

    private static void checkAssignable(UUID tagId, Lookups lookups) {
        var tag = lookups.reference(ReferenceKind.TAG, tagId).orElseThrow(() -> new RecordNotFound("tag", tagId));
        if (tag.retired()) {
            throw new RuleViolation("tag-retired", "Tag '" + tag.label() + "' is retired and cannot be assigned.");
        }
    }

    private static void checkAssignee(WorkshopFields before, WorkshopFields after, Lookups lookups) {
        UUID assignee = after.assignedTo();
        if (assignee != null && (before == null || !assignee.equals(before.assignedTo()))
                && lookups.reference(ReferenceKind.ACCOUNT, assignee).filter(a -> !a.retired()).isEmpty()) {
            // A person whose login is disabled keeps the workshops assigned before, but takes no new ones.
            throw InvalidInput.of("assigned_to", "assignee-not-found", "No login " + assignee + " to assign.");
        }
    }

    private static void checkOrganisations(WorkshopFields before, WorkshopFields after, Lookups lookups) {
        if (before == null || !after.hostId().equals(before.hostId())) {
            if (lookups.reference(ReferenceKind.ORGANISATION, after.hostId()).isEmpty()) {
                throw InvalidInput.of("host", "organisation-not-found", "No organisation " + after.hostId() + ".");
            }
        }
        UUID admin = after.administratorId();
        if (admin != null && (before == null || !admin.equals(before.administratorId()))
                && lookups.reference(ReferenceKind.ORGANISATION, admin).isEmpty()) {
            throw InvalidInput.of("administrator", "organisation-not-found", "No organisation " + admin + ".");
        }
    }

    /** Claims the slug and url of {@code after} that {@code before} did not hold, and frees the ones it gave up. */
    private static void claim(UUID id, WorkshopFields before, WorkshopFields after, Lookups lookups) {
        claimOne(UniqueKind.WORKSHOP_SLUG, id, before == null ? null : before.slug(), after.slug(), lookups,
                "slug-taken", "slug");
        claimOne(UniqueKind.WORKSHOP_URL, id, before == null ? null : before.url(), after.url(), lookups,
                "url-taken", "url");
    }

    private static void claimOne(UniqueKind kind, UUID id, String before, String after, Lookups lookups,
                                 String code, String field) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (after != null && !lookups.claim(kind, after, id)) {
            throw new RuleViolation(code, "Another workshop already has " + field + " '" + after + "'.");
        }
        if (before != null) {
            lookups.release(kind, before, id);
        }
    }

    private void release(Lookups lookups) {
        if (fields.slug() != null) {
            lookups.release(UniqueKind.WORKSHOP_SLUG, fields.slug(), workshopId);
        }
        if (fields.url() != null) {
            lookups.release(UniqueKind.WORKSHOP_URL, fields.url(), workshopId);
        }
    }

    @EventSourcingHandler
    void on(WorkshopScheduled e) {
        workshopId = e.workshopId();
        fields = new WorkshopFields(e.slug(), e.hostId(), e.administratorId(), e.start(), e.end(), e.url(),
                e.registrationKey(), e.attendance(), e.adminFee(), e.invoiceStatus(), e.notes(), e.contact(),
                e.country(), e.venue(), e.address(), e.latitude(), e.longitude(), e.learnersPre(), e.learnersPost(),
                e.instructorsPre(), e.instructorsPost(), e.learnersLongterm(), false, e.assignedTo());
    }

    @EventSourcingHandler
    void on(WorkshopSlugChanged e) {
        fields = fields.withSlug(e.slug());
    }

    @EventSourcingHandler
    void on(WorkshopUrlChanged e) {
        fields = fields.withUrl(e.url());
    }

    @EventSourcingHandler
    void on(WorkshopHostChanged e) {
        fields = fields.withHost(e.hostId());
    }

    @EventSourcingHandler
    void on(WorkshopAdministratorChanged e) {
        fields = fields.withAdministrator(e.administratorId());
    }

    @EventSourcingHandler
    void on(WorkshopDatesChanged e) {
        fields = fields.withDates(e.start(), e.end());
    }

    @EventSourcingHandler
    void on(WorkshopLocationChanged e) {
        Location l = e.location();
        fields = fields.withLocation(l.country(), l.venue(), l.address(), l.latitude(), l.longitude());
    }

    @EventSourcingHandler
    void on(WorkshopContactChanged e) {
        fields = fields.withContact(e.contact());
    }

    @EventSourcingHandler
    void on(WorkshopNotesChanged e) {
        fields = fields.withNotes(e.notes());
    }

    @EventSourcingHandler
    void on(WorkshopRegistrationKeyChanged e) {
        fields = fields.withRegistrationKey(e.registrationKey());
    }

    @EventSourcingHandler
    void on(WorkshopAttendanceChanged e) {
        fields = fields.withAttendance(e.attendance());
    }

    @EventSourcingHandler
    void on(WorkshopAdminFeeChanged e) {
        fields = fields.withAdminFee(e.adminFee());
    }

    @EventSourcingHandler
    void on(WorkshopInvoiceStatusChanged e) {
        fields = fields.withInvoiceStatus(e.invoiceStatus());
    }

    @EventSourcingHandler
    void on(WorkshopSurveyLinksChanged e) {
        fields = fields.withSurveyLinks(e.learnersPre(), e.learnersPost(), e.instructorsPre(), e.instructorsPost(),
                e.learnersLongterm());
    }

    @EventSourcingHandler
    void on(WorkshopAssigneeChanged e) {
        fields = fields.withAssignedTo(e.assignedTo());
    }

    @EventSourcingHandler
    void on(WorkshopCompleted e) {
        fields = fields.withCompleted(true);
    }

    @EventSourcingHandler
    void on(WorkshopReopened e) {
        fields = fields.withCompleted(false);
    }

    @EventSourcingHandler
    void on(TagAssignedToWorkshop e) {
        tags.add(e.tagId());
    }

    @EventSourcingHandler
    void on(TagUnassignedFromWorkshop e) {
        tags.remove(e.tagId());
    }

    @EventSourcingHandler
    void on(TaskAdded e) {
        tasks.add(new Task(e.personId(), e.roleId()));
    }

    @EventSourcingHandler
    void on(TaskRemoved e) {
        tasks.remove(new Task(e.personId(), e.roleId()));
    }

    @EventSourcingHandler
    void on(WorkshopArchived e) {
        archived = true;
    }

    @EventSourcingHandler
    void on(WorkshopRestored e) {
        archived = false;
    }

    @EventSourcingHandler
    void on(WorkshopsMerged e) {
        // The merge's effects arrive as their own events.
    }

    @EventSourcingHandler
    void on(WorkshopMergedInto e) {
        archived = true;
        mergedInto = e.survivorWorkshopId();
    }
}
