package org.carpentries.amy.query.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.carpentries.amy.command.airport.events.AirportCodeChanged;
import org.carpentries.amy.command.airport.events.AirportRegistered;
import org.carpentries.amy.command.airport.events.AirportReinstated;
import org.carpentries.amy.command.airport.events.AirportRelocated;
import org.carpentries.amy.command.airport.events.AirportRenamed;
import org.carpentries.amy.command.airport.events.AirportRetired;
import org.carpentries.amy.command.badge.events.BadgeCreated;
import org.carpentries.amy.command.badge.events.BadgeCriteriaChanged;
import org.carpentries.amy.command.badge.events.BadgeReinstated;
import org.carpentries.amy.command.badge.events.BadgeRetired;
import org.carpentries.amy.command.badge.events.BadgeTitleChanged;
import org.carpentries.amy.command.knowledgedomain.events.KnowledgeDomainCreated;
import org.carpentries.amy.command.knowledgedomain.events.KnowledgeDomainReinstated;
import org.carpentries.amy.command.knowledgedomain.events.KnowledgeDomainRenamed;
import org.carpentries.amy.command.knowledgedomain.events.KnowledgeDomainRetired;
import org.carpentries.amy.command.lesson.events.LessonCreated;
import org.carpentries.amy.command.lesson.events.LessonReinstated;
import org.carpentries.amy.command.lesson.events.LessonRenamed;
import org.carpentries.amy.command.lesson.events.LessonRetired;
import org.carpentries.amy.command.organisation.events.OrganisationCountryChanged;
import org.carpentries.amy.command.organisation.events.OrganisationDomainChanged;
import org.carpentries.amy.command.organisation.events.OrganisationFullnameChanged;
import org.carpentries.amy.command.organisation.events.OrganisationNotesChanged;
import org.carpentries.amy.command.organisation.events.OrganisationRegistered;
import org.carpentries.amy.command.person.events.AwardRevoked;
import org.carpentries.amy.command.person.events.BadgeAwarded;
import org.carpentries.amy.command.person.events.PersonAirportChanged;
import org.carpentries.amy.command.person.events.PersonArchived;
import org.carpentries.amy.command.person.events.PersonContactPermissionChanged;
import org.carpentries.amy.command.person.events.PersonDomainAdded;
import org.carpentries.amy.command.person.events.PersonDomainRemoved;
import org.carpentries.amy.command.person.events.PersonEmailChanged;
import org.carpentries.amy.command.person.events.PersonErased;
import org.carpentries.amy.command.person.events.PersonGenderChanged;
import org.carpentries.amy.command.person.events.PersonLoginDisabled;
import org.carpentries.amy.command.person.events.PersonLoginEnabled;
import org.carpentries.amy.command.person.events.PersonPasswordResetIssued;
import org.carpentries.amy.command.person.events.PersonPasswordResetUsed;
import org.carpentries.amy.command.person.events.PersonPasswordSet;
import org.carpentries.amy.command.person.events.PersonRoleGranted;
import org.carpentries.amy.command.person.events.PersonRoleRevoked;
import org.carpentries.amy.command.person.events.PersonMarkedNotDuplicate;
import org.carpentries.amy.command.person.events.PersonMergedInto;
import org.carpentries.amy.command.person.events.PersonNotesChanged;
import org.carpentries.amy.command.person.events.PersonOccupationChanged;
import org.carpentries.amy.command.person.events.PersonOnlineProfilesChanged;
import org.carpentries.amy.command.person.events.PersonQualificationWithdrawn;
import org.carpentries.amy.command.person.events.PersonQualified;
import org.carpentries.amy.command.person.events.PersonRegistered;
import org.carpentries.amy.command.person.events.PersonRenamed;
import org.carpentries.amy.command.person.events.PersonRestored;
import org.carpentries.amy.command.person.events.PersonUsernameChanged;
import org.carpentries.amy.command.person.events.PersonsMerged;
import org.carpentries.amy.command.role.events.RoleCreated;
import org.carpentries.amy.command.role.events.RoleReinstated;
import org.carpentries.amy.command.role.events.RoleRenamed;
import org.carpentries.amy.command.role.events.RoleRetired;
import org.carpentries.amy.command.tag.events.TagCreated;
import org.carpentries.amy.command.tag.events.TagDetailsChanged;
import org.carpentries.amy.command.tag.events.TagReinstated;
import org.carpentries.amy.command.tag.events.TagRetired;
import org.carpentries.amy.command.token.events.TokenIssued;
import org.carpentries.amy.command.token.events.TokenRevoked;
import org.carpentries.amy.command.workshop.events.TagAssignedToWorkshop;
import org.carpentries.amy.command.workshop.events.TagUnassignedFromWorkshop;
import org.carpentries.amy.command.workshop.events.TaskAdded;
import org.carpentries.amy.command.workshop.events.TaskRemoved;
import org.carpentries.amy.command.workshop.events.WorkshopAdminFeeChanged;
import org.carpentries.amy.command.workshop.events.WorkshopAdministratorChanged;
import org.carpentries.amy.command.workshop.events.WorkshopArchived;
import org.carpentries.amy.command.workshop.events.WorkshopAssigneeChanged;
import org.carpentries.amy.command.workshop.events.WorkshopAttendanceChanged;
import org.carpentries.amy.command.workshop.events.WorkshopCompleted;
import org.carpentries.amy.command.workshop.events.WorkshopContactChanged;
import org.carpentries.amy.command.workshop.events.WorkshopDatesChanged;
import org.carpentries.amy.command.workshop.events.WorkshopHostChanged;
import org.carpentries.amy.command.workshop.events.WorkshopInvoiceStatusChanged;
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
import org.carpentries.amy.query.history.HistoryEntry;

/**
 * Every event class the audit log knows, with the phrase its one-line summary starts from. A new event without a
 * phrase here fails {@code AuditedEventsTest}, so the log never shows an event it cannot describe.
 */
public final class AuditedEvents {

    private static final Map<Class<?>, String> PHRASES = Map.ofEntries(
            Map.entry(AirportRegistered.class, "airport registered"),
            Map.entry(AirportCodeChanged.class, "IATA code changed"),
            Map.entry(AirportRenamed.class, "airport renamed"),
            Map.entry(AirportRelocated.class, "airport relocated"),
            Map.entry(AirportRetired.class, "airport retired"),
            Map.entry(AirportReinstated.class, "airport reinstated"),
            Map.entry(BadgeCreated.class, "badge created"),
            Map.entry(BadgeTitleChanged.class, "badge title changed"),
            Map.entry(BadgeCriteriaChanged.class, "badge criteria changed"),
            Map.entry(BadgeRetired.class, "badge retired"),
            Map.entry(BadgeReinstated.class, "badge reinstated"),
            Map.entry(KnowledgeDomainCreated.class, "knowledge domain created"),
            Map.entry(KnowledgeDomainRenamed.class, "knowledge domain renamed"),
            Map.entry(KnowledgeDomainRetired.class, "knowledge domain retired"),
            Map.entry(KnowledgeDomainReinstated.class, "knowledge domain reinstated"),
            Map.entry(LessonCreated.class, "lesson created"),
            Map.entry(LessonRenamed.class, "lesson renamed"),
            Map.entry(LessonRetired.class, "lesson retired"),
            Map.entry(LessonReinstated.class, "lesson reinstated"),
            Map.entry(OrganisationRegistered.class, "organisation registered"),
            Map.entry(OrganisationDomainChanged.class, "domain changed"),
            Map.entry(OrganisationFullnameChanged.class, "full name changed"),
            Map.entry(OrganisationCountryChanged.class, "country changed"),
            Map.entry(OrganisationNotesChanged.class, "notes changed"),
            Map.entry(PersonRegistered.class, "person registered"),
            Map.entry(PersonRenamed.class, "person renamed"),
            Map.entry(PersonUsernameChanged.class, "username changed"),
            Map.entry(PersonEmailChanged.class, "email changed"),
            Map.entry(PersonGenderChanged.class, "gender changed"),
            Map.entry(PersonAirportChanged.class, "airport changed"),
            Map.entry(PersonOnlineProfilesChanged.class, "online profiles changed"),
            Map.entry(PersonOccupationChanged.class, "occupation or affiliation changed"),
            Map.entry(PersonNotesChanged.class, "notes changed"),
            Map.entry(PersonContactPermissionChanged.class, "contact permission changed"),
            Map.entry(PersonQualified.class, "qualified to teach a lesson"),
            Map.entry(PersonQualificationWithdrawn.class, "lesson qualification withdrawn"),
            Map.entry(PersonDomainAdded.class, "knowledge domain added"),
            Map.entry(PersonDomainRemoved.class, "knowledge domain removed"),
            Map.entry(BadgeAwarded.class, "badge awarded"),
            Map.entry(AwardRevoked.class, "badge award revoked"),
            Map.entry(PersonMarkedNotDuplicate.class, "marked as not a duplicate"),
            Map.entry(PersonsMerged.class, "another person merged into this one"),
            Map.entry(PersonMergedInto.class, "merged into another person"),
            Map.entry(PersonArchived.class, "person archived"),
            Map.entry(PersonRestored.class, "person restored"),
            Map.entry(PersonErased.class, "personal data erased"),
            Map.entry(PersonLoginEnabled.class, "login enabled"),
            Map.entry(PersonLoginDisabled.class, "login disabled"),
            Map.entry(PersonRoleGranted.class, "role granted"),
            Map.entry(PersonRoleRevoked.class, "role revoked"),
            Map.entry(PersonPasswordSet.class, "password set"),
            Map.entry(PersonPasswordResetIssued.class, "password reset link issued"),
            Map.entry(PersonPasswordResetUsed.class, "password reset link used"),
            Map.entry(RoleCreated.class, "role created"),
            Map.entry(RoleRenamed.class, "role renamed"),
            Map.entry(RoleRetired.class, "role retired"),
            Map.entry(RoleReinstated.class, "role reinstated"),
            Map.entry(TagCreated.class, "tag created"),
            Map.entry(TagDetailsChanged.class, "tag details changed"),
            Map.entry(TagRetired.class, "tag retired"),
            Map.entry(TagReinstated.class, "tag reinstated"),
            Map.entry(TokenIssued.class, "bearer token issued"),
            Map.entry(TokenRevoked.class, "bearer token revoked"),
            Map.entry(WorkshopScheduled.class, "workshop scheduled"),
            Map.entry(WorkshopSlugChanged.class, "slug changed"),
            Map.entry(WorkshopUrlChanged.class, "URL changed"),
            Map.entry(WorkshopHostChanged.class, "host changed"),
            Map.entry(WorkshopAdministratorChanged.class, "administrator changed"),
            Map.entry(WorkshopAssigneeChanged.class, "assignee changed"),
            Map.entry(WorkshopDatesChanged.class, "dates changed"),
            Map.entry(WorkshopLocationChanged.class, "location changed"),
            Map.entry(WorkshopContactChanged.class, "contact changed"),
            Map.entry(WorkshopNotesChanged.class, "notes changed"),
            Map.entry(WorkshopRegistrationKeyChanged.class, "registration key changed"),
            Map.entry(WorkshopAttendanceChanged.class, "attendance changed"),
            Map.entry(WorkshopAdminFeeChanged.class, "admin fee changed"),
            Map.entry(WorkshopInvoiceStatusChanged.class, "invoice status changed"),
            Map.entry(WorkshopSurveyLinksChanged.class, "survey links changed"),
            Map.entry(TagAssignedToWorkshop.class, "tag assigned"),
            Map.entry(TagUnassignedFromWorkshop.class, "tag unassigned"),
            Map.entry(TaskAdded.class, "task added"),
            Map.entry(TaskRemoved.class, "task removed"),
            Map.entry(WorkshopCompleted.class, "workshop completed"),
            Map.entry(WorkshopReopened.class, "workshop reopened"),
            Map.entry(WorkshopArchived.class, "workshop archived"),
            Map.entry(WorkshopRestored.class, "workshop restored"),
            Map.entry(WorkshopsMerged.class, "another workshop merged into this one"),
            Map.entry(WorkshopMergedInto.class, "merged into another workshop"));
    private static final int MAX_DETAILS = 4;
    private static final int MAX_VALUE = 40;
    private static final Set<String> EVENT_TYPES = sorted(PHRASES.keySet().stream().map(Class::getSimpleName)
            .toList());
    private static final Set<String> RECORD_TYPES = sorted(PHRASES.keySet().stream().map(AuditedEvents::recordType)
            .toList());

    private AuditedEvents() {
    }

    public static Optional<String> phrase(Class<?> eventType) {
        return Optional.ofNullable(PHRASES.get(eventType));
    }

    /** The event type names (simple class names), sorted. */
    public static Set<String> eventTypes() {
        return EVENT_TYPES;
    }

    /** The record types, sorted: {@code workshop}, {@code knowledge_domain} … */
    public static Set<String> recordTypes() {
        return RECORD_TYPES;
    }

    /**
     * The record type of an event, from its aggregate's marker interface ({@code KnowledgeDomainEvent} gives
     * {@code knowledge_domain}); empty for anything that is no domain event.
     */
    public static Optional<String> recordTypeOf(Class<?> eventType) {
        for (Class<?> marker : eventType.getInterfaces()) {
            String name = marker.getSimpleName();
            if (name.endsWith("Event") && marker.getPackageName().equals(eventType.getPackageName())) {
                return Optional.of(snake(name.substring(0, name.length() - "Event".length())));
            }
        }
        return Optional.empty();
    }

    private static Set<String> sorted(List<String> names) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(names));
    }

    private static String recordType(Class<?> eventType) {
        return recordTypeOf(eventType).orElseThrow(() -> new IllegalStateException(eventType + " has no marker"));
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /**
     * One line: the record, the event's phrase, and what changed ({@code tags: +SWC −DC}, {@code venue: A → B}); a
     * record's first event names no fields, and personal values are never shown, only that they changed.
     */
    static String summary(Class<?> eventType, String recordType, String label, List<HistoryEntry.FieldChange> changes) {
        String kind = recordType.replace('_', ' ');
        StringBuilder line = new StringBuilder(kind.substring(0, 1).toUpperCase(Locale.ROOT)).append(kind, 1,
                kind.length()).append(' ').append(label == null ? "(unnamed)" : label).append(": ")
                .append(phrase(eventType).orElse(eventType.getSimpleName()));
        boolean created = changes.stream().allMatch(c -> c.oldValue() == null);
        if (!created) {
            line.append(" (").append(changes.stream().limit(MAX_DETAILS).map(AuditedEvents::describe)
                    .collect(Collectors.joining("; "))).append(changes.size() > MAX_DETAILS ? "; …)" : ")");
        }
        return line.toString();
    }

    private static String describe(HistoryEntry.FieldChange change) {
        Object before = change.oldValue();
        Object after = change.newValue();
        if (AuditProjection.sealed(before) || AuditProjection.sealed(after)) {
            return change.field() + " changed";
        }
        if (before instanceof Collection<?> || after instanceof Collection<?>) {
            List<String> added = difference(after, before);
            List<String> removed = difference(before, after);
            StringBuilder s = new StringBuilder(change.field()).append(':');
            added.forEach(a -> s.append(" +").append(a));
            removed.forEach(r -> s.append(" −").append(r));
            return s.toString();
        }
        return change.field() + ": " + shown(before) + " → " + shown(after);
    }

    private static List<String> difference(Object a, Object b) {
        List<String> out = new ArrayList<>();
        if (a instanceof Collection<?> left) {
            Collection<?> right = b instanceof Collection<?> r ? r : List.of();
            left.stream().filter(x -> !right.contains(x)).forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }

    private static String shown(Object value) {
        if (value == null) {
            return "none";
        }
        String text = value.toString();
        return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE - 1) + "…" : text;
    }
}
