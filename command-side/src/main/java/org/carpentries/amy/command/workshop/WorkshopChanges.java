package org.carpentries.amy.command.workshop;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.carpentries.amy.command.workshop.events.TagAssignedToWorkshop;
import org.carpentries.amy.command.workshop.events.TagUnassignedFromWorkshop;
import org.carpentries.amy.command.workshop.events.WorkshopAdminFeeChanged;
import org.carpentries.amy.command.workshop.events.WorkshopAdministratorChanged;
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
import org.carpentries.amy.command.workshop.events.WorkshopNotesChanged;
import org.carpentries.amy.command.workshop.events.WorkshopRegistrationKeyChanged;
import org.carpentries.amy.command.workshop.events.WorkshopReopened;
import org.carpentries.amy.command.workshop.events.WorkshopSlugChanged;
import org.carpentries.amy.command.workshop.events.WorkshopSurveyLinksChanged;
import org.carpentries.amy.command.workshop.events.WorkshopUrlChanged;

/** The events that take a workshop from one set of fields (and tags) to another, in a fixed order. */
final class WorkshopChanges {

    private WorkshopChanges() {
    }

    static List<WorkshopEvent> between(UUID id, WorkshopFields before, WorkshopFields after) {
        List<WorkshopEvent> events = new ArrayList<>();
        if (!Objects.equals(before.slug(), after.slug())) {
            events.add(new WorkshopSlugChanged(id, after.slug()));
        }
        if (!Objects.equals(before.url(), after.url())) {
            events.add(new WorkshopUrlChanged(id, after.url()));
        }
        if (!Objects.equals(before.hostId(), after.hostId())) {
            events.add(new WorkshopHostChanged(id, after.hostId()));
        }
        if (!Objects.equals(before.administratorId(), after.administratorId())) {
            events.add(new WorkshopAdministratorChanged(id, after.administratorId()));
        }
        if (!Objects.equals(before.start(), after.start()) || !Objects.equals(before.end(), after.end())) {
            events.add(new WorkshopDatesChanged(id, after.start(), after.end()));
        }
        if (!before.sameLocation(after)) {
            events.add(new WorkshopLocationChanged(id, new Location(after.country(), after.venue(), after.address(),
                    after.latitude(), after.longitude())));
        }
        if (!before.contact().equals(after.contact())) {
            events.add(new WorkshopContactChanged(id, after.contact()));
        }
        if (!before.notes().equals(after.notes())) {
            events.add(new WorkshopNotesChanged(id, after.notes()));
        }
        if (!Objects.equals(before.registrationKey(), after.registrationKey())) {
            events.add(new WorkshopRegistrationKeyChanged(id, after.registrationKey()));
        }
        if (!Objects.equals(before.attendance(), after.attendance())) {
            events.add(new WorkshopAttendanceChanged(id, after.attendance()));
        }
        if (!before.sameAdminFee(after.adminFee())) {
            events.add(new WorkshopAdminFeeChanged(id, after.adminFee()));
        }
        if (before.invoiceStatus() != after.invoiceStatus()) {
            events.add(new WorkshopInvoiceStatusChanged(id, after.invoiceStatus()));
        }
        if (!before.sameSurveyLinks(after)) {
            events.add(new WorkshopSurveyLinksChanged(id, after.learnersPre(), after.learnersPost(),
                    after.instructorsPre(), after.instructorsPost(), after.learnersLongterm()));
        }
        if (!Objects.equals(before.assignedTo(), after.assignedTo())) {
            events.add(new WorkshopAssigneeChanged(id, after.assignedTo()));
        }
        if (before.completed() != after.completed()) {
            events.add(after.completed() ? new WorkshopCompleted(id) : new WorkshopReopened(id));
        }
        return events;
    }

    /** Unassigns first, then assigns, each in id order, so the same change always reads the same. */
    static List<WorkshopEvent> tags(UUID id, Set<UUID> before, Set<UUID> after) {
        List<WorkshopEvent> events = new ArrayList<>();
        for (UUID tag : new TreeSet<>(before)) {
            if (!after.contains(tag)) {
                events.add(new TagUnassignedFromWorkshop(id, tag));
            }
        }
        for (UUID tag : new TreeSet<>(after)) {
            if (!before.contains(tag)) {
                events.add(new TagAssignedToWorkshop(id, tag));
            }
        }
        return events;
    }
}
