package org.carpentries.amy.query.history;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
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
import org.carpentries.amy.command.role.events.RoleCreated;
import org.carpentries.amy.command.role.events.RoleReinstated;
import org.carpentries.amy.command.role.events.RoleRenamed;
import org.carpentries.amy.command.role.events.RoleRetired;
import org.carpentries.amy.command.tag.events.TagCreated;
import org.carpentries.amy.command.tag.events.TagDetailsChanged;
import org.carpentries.amy.command.tag.events.TagReinstated;
import org.carpentries.amy.command.tag.events.TagRetired;
import org.carpentries.amy.command.workshop.events.TagAssignedToWorkshop;
import org.carpentries.amy.command.workshop.events.TagUnassignedFromWorkshop;
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

/**
 * A record's fields as a map (snake_case names, as the API shows them), evolved one event at a time. References
 * to other records are shown by name through {@code labels}.
 */
public final class RecordState {

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Function<UUID, String> labels;

    public RecordState(Function<UUID, String> labels) {
        this.labels = labels;
    }

    public Map<String, Object> fields() {
        return java.util.Collections.unmodifiableMap(fields);
    }

    /** Applies {@code event} and answers what it changed. */
    public List<HistoryEntry.FieldChange> apply(Object event) {
        Map<String, Object> before = new LinkedHashMap<>(fields);
        evolve(event);
        List<HistoryEntry.FieldChange> changes = new ArrayList<>();
        for (String key : fields.keySet()) {
            Object old = before.get(key);
            Object now = fields.get(key);
            if (!same(old, now)) {
                changes.add(new HistoryEntry.FieldChange(key, old, now));
            }
        }
        return changes;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    private void evolve(Object event) {
        if (event instanceof WorkshopScheduled e) {
            put("slug", e.slug());
            put("host", label(e.hostId()));
            put("administrator", label(e.administratorId()));
            put("assigned_to", label(e.assignedTo()));
            put("start", e.start());
            put("end", e.end());
            put("url", e.url());
            put("registration_key", e.registrationKey());
            put("attendance", e.attendance());
            put("admin_fee", e.adminFee());
            put("invoice_status", e.invoiceStatus().code());
            put("notes", e.notes());
            put("contact", e.contact());
            location(e.country(), e.venue(), e.address(), e.latitude(), e.longitude());
            surveys(e.learnersPre(), e.learnersPost(), e.instructorsPre(), e.instructorsPost(),
                    e.learnersLongterm());
            put("completed", false);
            put("archived", false);
            put("tags", List.of());
        } else if (event instanceof WorkshopSlugChanged e) {
            put("slug", e.slug());
        } else if (event instanceof WorkshopUrlChanged e) {
            put("url", e.url());
        } else if (event instanceof WorkshopHostChanged e) {
            put("host", label(e.hostId()));
        } else if (event instanceof WorkshopAdministratorChanged e) {
            put("administrator", label(e.administratorId()));
        } else if (event instanceof WorkshopDatesChanged e) {
            put("start", e.start());
            put("end", e.end());
        } else if (event instanceof WorkshopLocationChanged e) {
            location(e.country(), e.venue(), e.address(), e.latitude(),
                e.longitude());
        } else if (event instanceof WorkshopContactChanged e) {
            put("contact", e.contact());
        } else if (event instanceof WorkshopNotesChanged e) {
            put("notes", e.notes());
        } else if (event instanceof WorkshopRegistrationKeyChanged e) {
            put("registration_key", e.registrationKey());
        } else if (event instanceof WorkshopAttendanceChanged e) {
            put("attendance", e.attendance());
        } else if (event instanceof WorkshopAdminFeeChanged e) {
            put("admin_fee", e.adminFee());
        } else if (event instanceof WorkshopInvoiceStatusChanged e) {
            put("invoice_status", e.invoiceStatus().code());
        } else if (event instanceof WorkshopSurveyLinksChanged e) {
            surveys(e.learnersPre(), e.learnersPost(), e.instructorsPre(),
                e.instructorsPost(), e.learnersLongterm());
        } else if (event instanceof WorkshopAssigneeChanged e) {
            put("assigned_to", label(e.assignedTo()));
        } else if (event instanceof WorkshopCompleted e) {
            put("completed", true);
        } else if (event instanceof WorkshopReopened e) {
            put("completed", false);
        } else if (event instanceof TagAssignedToWorkshop e) {
            tags(e.tagId(), true);
        } else if (event instanceof TagUnassignedFromWorkshop e) {
            tags(e.tagId(), false);
        } else if (event instanceof WorkshopArchived e) {
            put("archived", true);
        } else if (event instanceof WorkshopRestored e) {
            put("archived", false);
        } else if (event instanceof WorkshopMergedInto e) {
            put("archived", true);
            put("merged_into", e.survivorWorkshopId().toString());
        } else if (event instanceof TagCreated e) {
            put("name", e.name());
            put("details", e.details());
            put("retired", false);
        } else if (event instanceof TagDetailsChanged e) {
            put("details", e.details());
        } else if (event instanceof TagRetired e) {
            put("retired", true);
        } else if (event instanceof TagReinstated e) {
            put("retired", false);
        } else if (event instanceof OrganisationRegistered e) {
            put("domain", e.domain());
            put("fullname", e.fullname());
            put("country", e.country());
            put("notes", e.notes());
        } else if (event instanceof OrganisationDomainChanged e) {
            put("domain", e.domain());
        } else if (event instanceof OrganisationFullnameChanged e) {
            put("fullname", e.fullname());
        } else if (event instanceof OrganisationCountryChanged e) {
            put("country", e.country());
        } else if (event instanceof OrganisationNotesChanged e) {
            put("notes", e.notes());
        } else if (event instanceof AirportRegistered e) {
            put("iata", e.iata());
            put("fullname", e.fullname());
            airportLocation(e.country(), e.latitude(), e.longitude());
            put("retired", false);
        } else if (event instanceof AirportCodeChanged e) {
            put("iata", e.iata());
        } else if (event instanceof AirportRenamed e) {
            put("fullname", e.fullname());
        } else if (event instanceof AirportRelocated e) {
            airportLocation(e.country(), e.latitude(), e.longitude());
        } else if (event instanceof AirportRetired || event instanceof LessonRetired || event instanceof RoleRetired
                || event instanceof KnowledgeDomainRetired || event instanceof BadgeRetired) {
            put("retired", true);
        } else if (event instanceof AirportReinstated || event instanceof LessonReinstated
                || event instanceof RoleReinstated || event instanceof KnowledgeDomainReinstated
                || event instanceof BadgeReinstated) {
            put("retired", false);
        } else if (event instanceof LessonCreated e) {
            named(e.name());
        } else if (event instanceof LessonRenamed e) {
            put("name", e.name());
        } else if (event instanceof RoleCreated e) {
            named(e.name());
        } else if (event instanceof RoleRenamed e) {
            put("name", e.name());
        } else if (event instanceof KnowledgeDomainCreated e) {
            named(e.name());
        } else if (event instanceof KnowledgeDomainRenamed e) {
            put("name", e.name());
        } else if (event instanceof BadgeCreated e) {
            put("name", e.name());
            put("title", e.title());
            put("criteria", e.criteria());
            put("retired", false);
        } else if (event instanceof BadgeTitleChanged e) {
            put("title", e.title());
        } else if (event instanceof BadgeCriteriaChanged e) {
            put("criteria", e.criteria());
        }
        // Events that change no field (a merge's summary, for one) still appear in the history.
    }

    private void put(String field, Object value) {
        fields.put(field, value);
    }

    private String label(UUID id) {
        return id == null ? null : labels.apply(id);
    }

    private void airportLocation(String country, Double latitude, Double longitude) {
        put("country", country);
        put("latitude", latitude);
        put("longitude", longitude);
    }

    private void named(String name) {
        put("name", name);
        put("retired", false);
    }

    private void location(String country, String venue, String address, Double latitude, Double longitude) {
        put("country", country);
        put("venue", venue);
        put("address", address);
        put("latitude", latitude);
        put("longitude", longitude);
    }

    private void surveys(String lp, String lpo, String ip, String ipo, String ll) {
        put("learners_pre", lp);
        put("learners_post", lpo);
        put("instructors_pre", ip);
        put("instructors_post", ipo);
        put("learners_longterm", ll);
    }

    @SuppressWarnings("unchecked")
    private void tags(UUID tag, boolean add) {
        TreeSet<String> names = new TreeSet<>((Collection<String>) fields.getOrDefault("tags", List.of()));
        String name = labels.apply(tag);
        if (add) {
            names.add(name);
        } else {
            names.remove(name);
        }
        put("tags", List.copyOf(names));
    }
}
