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
import org.carpentries.amy.query.References;
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
import org.carpentries.amy.command.person.events.PersonMergedInto;
import org.carpentries.amy.command.person.events.PersonsMerged;
import org.carpentries.amy.command.person.events.PersonContactPermissionChanged;
import org.carpentries.amy.command.person.events.PersonDomainAdded;
import org.carpentries.amy.command.person.events.PersonDomainRemoved;
import org.carpentries.amy.command.person.events.PersonEmailChanged;
import org.carpentries.amy.command.person.events.PersonGenderChanged;
import org.carpentries.amy.command.person.events.PersonMarkedNotDuplicate;
import org.carpentries.amy.command.person.events.PersonNotesChanged;
import org.carpentries.amy.command.person.events.PersonOccupationChanged;
import org.carpentries.amy.command.person.events.PersonOnlineProfilesChanged;
import org.carpentries.amy.command.person.events.PersonQualificationWithdrawn;
import org.carpentries.amy.command.person.events.PersonQualified;
import org.carpentries.amy.command.person.events.PersonRegistered;
import org.carpentries.amy.command.person.events.PersonRenamed;
import org.carpentries.amy.command.person.events.PersonRestored;
import org.carpentries.amy.command.person.events.PersonUsernameChanged;
import org.carpentries.amy.command.person.events.Sealed;
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

/**
 * A record's fields as a map (snake_case names, as the API shows them), evolved one event at a time. References
 * to other records are shown by name through {@code labels}.
 */
public final class RecordState {

    /** How an erased personal value reads in history. */
    public static final String ERASED = "(erased)";
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Function<UUID, String> labels;
    private final Function<Sealed, String> unseal;

    public RecordState(Function<UUID, String> labels) {
        this(labels, sealed -> ERASED);
    }

    /** {@code unseal} reads the record's sealed personal values, or answers {@link #ERASED}. */
    public RecordState(Function<UUID, String> labels, Function<Sealed, String> unseal) {
        this(labels, unseal, Map.of());
    }

    /** Continues from {@code fields}, a state kept earlier (possibly read back from JSON). */
    public RecordState(Function<UUID, String> labels, Function<Sealed, String> unseal, Map<String, ?> fields) {
        this.labels = labels;
        this.unseal = unseal;
        this.fields.putAll(fields);
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

    /** Equal as JSON shows them: a state read back from JSON holds dates as text and decimals of any type. */
    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            try {
                return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
            } catch (NumberFormatException notFinite) {
                return x.equals(y);
            }
        }
        if (a instanceof java.time.temporal.Temporal || b instanceof java.time.temporal.Temporal) {
            return a != null && b != null && a.toString().equals(b.toString());
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
            location(e.location().country(), e.location().venue(), e.location().address(),
                    e.location().latitude(), e.location().longitude());
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
        } else if (event instanceof TaskAdded e) {
            task(e.personId(), e.roleId(), true);
        } else if (event instanceof TaskRemoved e) {
            task(e.personId(), e.roleId(), false);
        } else if (event instanceof PersonRegistered e) {
            put("personal", e.personal());
            put("middle", e.middle());
            put("family", e.family());
            put("username", e.username());
            put("email", open(e.email()));
            put("gender", open(e.gender()));
            put("airport", airport(open(e.airportId())));
            put("github", open(e.github()));
            put("twitter", open(e.twitter()));
            put("url", open(e.url()));
            put("orcid", open(e.orcid()));
            put("occupation", open(e.occupation()));
            put("affiliation", open(e.affiliation()));
            put("notes", open(e.notes()));
            put("may_contact", e.mayContact());
            put("archived", false);
            put("lessons", List.of());
            put("domains", List.of());
        } else if (event instanceof PersonRenamed e) {
            put("personal", e.personal());
            put("middle", e.middle());
            put("family", e.family());
        } else if (event instanceof PersonUsernameChanged e) {
            put("username", e.username());
        } else if (event instanceof PersonEmailChanged e) {
            put("email", open(e.email()));
        } else if (event instanceof PersonGenderChanged e) {
            put("gender", open(e.gender()));
        } else if (event instanceof PersonAirportChanged e) {
            put("airport", airport(open(e.airportId())));
        } else if (event instanceof PersonOnlineProfilesChanged e) {
            put("github", open(e.github()));
            put("twitter", open(e.twitter()));
            put("url", open(e.url()));
            put("orcid", open(e.orcid()));
        } else if (event instanceof PersonOccupationChanged e) {
            put("occupation", open(e.occupation()));
            put("affiliation", open(e.affiliation()));
        } else if (event instanceof PersonNotesChanged e) {
            put("notes", open(e.notes()));
        } else if (event instanceof PersonContactPermissionChanged e) {
            put("may_contact", e.mayContact());
        } else if (event instanceof PersonQualified e) {
            set("lessons", e.lessonId(), true);
        } else if (event instanceof PersonQualificationWithdrawn e) {
            set("lessons", e.lessonId(), false);
        } else if (event instanceof PersonDomainAdded e) {
            set("domains", e.domainId(), true);
        } else if (event instanceof PersonDomainRemoved e) {
            set("domains", e.domainId(), false);
        } else if (event instanceof BadgeAwarded e) {
            set("badges", e.badgeId(), true);
        } else if (event instanceof AwardRevoked e) {
            set("badges", e.badgeId(), false);
        } else if (event instanceof PersonMarkedNotDuplicate e) {
            set("not_duplicates", e.otherPersonId(), true);
        } else if (event instanceof PersonArchived) {
            put("archived", true);
        } else if (event instanceof PersonsMerged e) {
            set("absorbed", e.absorbedPersonId(), true);
        } else if (event instanceof PersonMergedInto e) {
            put("archived", true);
            put("merged_into", e.survivorPersonId().toString());
        } else if (event instanceof PersonRestored) {
            put("archived", false);
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
        } else if (event instanceof TokenIssued e) {
            put("name", e.name());
            put("scopes", e.scopes());
            put("expires_at", e.expiresAt().toString());
            put("revoked", false);
        } else if (event instanceof TokenRevoked) {
            put("revoked", true);
        }
        // Events that change no field (a merge's summary, an erasure) still appear in the history.
    }

    @SuppressWarnings("unchecked")
    private void task(UUID person, UUID role, boolean add) {
        TreeSet<String> roster = new TreeSet<>((Collection<String>) fields.getOrDefault("tasks", List.of()));
        String line = labels.apply(person) + " as " + labels.apply(role);
        if (add) {
            roster.add(line);
        } else {
            roster.remove(line);
        }
        put("tasks", List.copyOf(roster));
    }

    private String open(Sealed sealed) {
        return sealed == null ? null : unseal.apply(sealed);
    }

    /** An airport by name; a value that is no id (erased, or still sealed) stays as it is. */
    private String airport(String id) {
        return id == null || References.id(id).isEmpty() ? id : labels.apply(UUID.fromString(id));
    }

    @SuppressWarnings("unchecked")
    private void set(String field, UUID id, boolean add) {
        TreeSet<String> names = new TreeSet<>((Collection<String>) fields.getOrDefault(field, List.of()));
        String name = labels.apply(id);
        if (add) {
            names.add(name);
        } else {
            names.remove(name);
        }
        put(field, List.copyOf(names));
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
