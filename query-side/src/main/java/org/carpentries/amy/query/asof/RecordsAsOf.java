package org.carpentries.amy.query.asof;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.carpentries.amy.command.PersonalDataVault;
import org.carpentries.amy.command.organisation.events.OrganisationCountryChanged;
import org.carpentries.amy.command.organisation.events.OrganisationDomainChanged;
import org.carpentries.amy.command.organisation.events.OrganisationFullnameChanged;
import org.carpentries.amy.command.organisation.events.OrganisationNotesChanged;
import org.carpentries.amy.command.organisation.events.OrganisationRegistered;
import org.carpentries.amy.command.person.events.PersonAirportChanged;
import org.carpentries.amy.command.person.events.PersonArchived;
import org.carpentries.amy.command.person.events.PersonContactPermissionChanged;
import org.carpentries.amy.command.person.events.PersonDomainAdded;
import org.carpentries.amy.command.person.events.PersonDomainRemoved;
import org.carpentries.amy.command.person.events.PersonEmailChanged;
import org.carpentries.amy.command.person.events.PersonErased;
import org.carpentries.amy.command.person.events.PersonGenderChanged;
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
import org.carpentries.amy.command.person.events.Sealed;
import org.carpentries.amy.command.tag.events.TagCreated;
import org.carpentries.amy.command.tag.events.TagDetailsChanged;
import org.carpentries.amy.command.tag.events.TagReinstated;
import org.carpentries.amy.command.tag.events.TagRetired;
import org.carpentries.amy.command.workshop.events.WorkshopAdminFeeChanged;
import org.carpentries.amy.command.workshop.events.WorkshopAssigneeChanged;
import org.carpentries.amy.command.workshop.events.WorkshopAttendanceChanged;
import org.carpentries.amy.command.workshop.events.WorkshopCompleted;
import org.carpentries.amy.command.workshop.events.WorkshopInvoiceStatusChanged;
import org.carpentries.amy.command.workshop.events.WorkshopMergedInto;
import org.carpentries.amy.command.workshop.events.WorkshopNotesChanged;
import org.carpentries.amy.command.workshop.events.WorkshopReopened;
import org.carpentries.amy.command.workshop.events.WorkshopScheduled;
import org.carpentries.amy.command.workshop.events.WorkshopSurveyLinksChanged;
import org.carpentries.amy.query.organisations.OrganisationView;
import org.carpentries.amy.query.persons.PersonView;
import org.carpentries.amy.query.tags.TagView;
import org.carpentries.amy.query.workshops.WorkshopQueries;
import org.carpentries.amy.query.workshops.WorkshopView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One workshop, tag, organisation or person as its detail endpoint would have shown it at an instant: the record's
 * own events up to then, folded as its projection folds them, and what it refers to (host, tags) as they were then
 * too. The version is that of the last event up to then; "today" for a workshop's timing is the instant's day in
 * AMY's time zone. Empty when the record did not exist yet.
 */
@Component
public class RecordsAsOf {

    private final EventStore store;
    private final JdbcTemplate jdbc;
    private final PersonalDataVault vault;
    private final PublishedAsOf published;
    private final Clock clock;

    public RecordsAsOf(EventStore store, JdbcTemplate jdbc, PersonalDataVault vault, PublishedAsOf published,
                       Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.vault = vault;
        this.published = published;
        this.clock = clock;
    }

    /** The record's events with a timestamp at or before {@code asOf}, oldest first. */
    public List<DomainEventMessage<?>> events(UUID id, Instant asOf) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        DomainEventStream stream = store.readEvents(id.toString());
        while (stream.hasNext()) {
            DomainEventMessage<?> e = stream.next();
            if (!e.getTimestamp().isAfter(asOf)) {
                events.add(e);
            }
        }
        return events;
    }

    public Optional<OrganisationView> organisation(UUID id, Instant asOf) {
        return fold(id, asOf, new Organisation(id));
    }

    public Optional<TagView> tag(UUID id, Instant asOf) {
        return fold(id, asOf, new Tag(id)).map(t -> new TagView(t.id(), t.name(), t.details(), t.retired(),
                t.version(), published.workshopsTagged(id, asOf), t.createdAt(), t.updatedAt()));
    }

    public Optional<WorkshopView> workshop(UUID id, Instant asOf) {
        return fold(id, asOf, new Workshop(id)).map(w -> w.view(asOf));
    }

    public Optional<PersonView> person(UUID id, Instant asOf) {
        var read = vault.reader(id);
        return fold(id, asOf, new Person(id, sealed -> sealed == null ? null : read.apply(sealed).orElse(null)));
    }

    private <T> Optional<T> fold(UUID id, Instant asOf, Fold<T> fold) {
        List<DomainEventMessage<?>> events = events(id, asOf);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        for (DomainEventMessage<?> e : events) {
            fold.apply(e.getPayload());
        }
        DomainEventMessage<?> first = events.get(0);
        DomainEventMessage<?> last = events.get(events.size() - 1);
        return Optional.ofNullable(fold.view(last.getSequenceNumber(), first.getTimestamp(), last.getTimestamp()));
    }

    /** A record's state, evolved one event at a time, and its view with version and times. */
    private interface Fold<T> {
        void apply(Object event);

        T view(long version, Instant createdAt, Instant updatedAt);
    }

    private static final class Organisation implements Fold<OrganisationView> {
        private final UUID id;
        private String domain;
        private String fullname;
        private String country;
        private String notes;
        private boolean registered;

        Organisation(UUID id) {
            this.id = id;
        }

        @Override
        public void apply(Object event) {
            if (event instanceof OrganisationRegistered e) {
                registered = true;
                domain = e.domain();
                fullname = e.fullname();
                country = e.country();
                notes = e.notes();
            } else if (event instanceof OrganisationDomainChanged e) {
                domain = e.domain();
            } else if (event instanceof OrganisationFullnameChanged e) {
                fullname = e.fullname();
            } else if (event instanceof OrganisationCountryChanged e) {
                country = e.country();
            } else if (event instanceof OrganisationNotesChanged e) {
                notes = e.notes();
            }
        }

        @Override
        public OrganisationView view(long version, Instant createdAt, Instant updatedAt) {
            return registered ? new OrganisationView(id, domain, fullname, country, notes, version, createdAt,
                    updatedAt) : null;
        }
    }

    private static final class Tag implements Fold<TagView> {
        private final UUID id;
        private String name;
        private String details;
        private boolean retired;

        Tag(UUID id) {
            this.id = id;
        }

        @Override
        public void apply(Object event) {
            if (event instanceof TagCreated e) {
                name = e.name();
                details = e.details();
            } else if (event instanceof TagDetailsChanged e) {
                details = e.details();
            } else if (event instanceof TagRetired) {
                retired = true;
            } else if (event instanceof TagReinstated) {
                retired = false;
            }
        }

        @Override
        public TagView view(long version, Instant createdAt, Instant updatedAt) {
            return name == null ? null : new TagView(id, name, details, retired, version, 0, createdAt, updatedAt);
        }
    }

    /**
     * A workshop: the fields the published export shows, folded by {@link PublishedAsOf.Workshop}, and those only
     * the detail shows.
     */
    private final class Workshop implements Fold<Workshop> {
        private final UUID id;
        private PublishedAsOf.Workshop shown;
        private UUID assignedTo;
        private Integer attendance;
        private BigDecimal adminFee;
        private String invoiceStatus;
        private String notes;
        private String[] surveys;
        private boolean completed;
        private UUID mergedInto;
        private long version;
        private Instant createdAt;
        private Instant updatedAt;

        Workshop(UUID id) {
            this.id = id;
        }

        @Override
        public void apply(Object event) {
            if (event instanceof WorkshopScheduled e) {
                shown = new PublishedAsOf.Workshop(id, e, 0);
                assignedTo = e.assignedTo();
                attendance = e.attendance();
                adminFee = e.adminFee();
                invoiceStatus = e.invoiceStatus().code();
                notes = e.notes();
                surveys = new String[] {e.learnersPre(), e.learnersPost(), e.instructorsPre(), e.instructorsPost(),
                    e.learnersLongterm()};
                return;
            }
            if (shown == null) {
                return;
            }
            shown.apply(event);
            if (event instanceof WorkshopAssigneeChanged e) {
                assignedTo = e.assignedTo();
            } else if (event instanceof WorkshopNotesChanged e) {
                notes = e.notes();
            } else if (event instanceof WorkshopAttendanceChanged e) {
                attendance = e.attendance();
            } else if (event instanceof WorkshopAdminFeeChanged e) {
                adminFee = e.adminFee();
            } else if (event instanceof WorkshopInvoiceStatusChanged e) {
                invoiceStatus = e.invoiceStatus().code();
            } else if (event instanceof WorkshopSurveyLinksChanged e) {
                surveys = new String[] {e.learnersPre(), e.learnersPost(), e.instructorsPre(), e.instructorsPost(),
                    e.learnersLongterm()};
            } else if (event instanceof WorkshopCompleted) {
                completed = true;
            } else if (event instanceof WorkshopReopened) {
                completed = false;
            } else if (event instanceof WorkshopMergedInto e) {
                mergedInto = e.survivorWorkshopId();
            }
        }

        @Override
        public Workshop view(long version, Instant createdAt, Instant updatedAt) {
            this.version = version;
            this.createdAt = createdAt;
            this.updatedAt = updatedAt;
            return shown == null ? null : this;
        }

        /** The view with what it refers to as of {@code asOf}; "today" is that instant's day. */
        WorkshopView view(Instant asOf) {
            PublishedAsOf.Workshop w = shown;
            boolean published = w.publishable();
            LocalDate today = LocalDate.ofInstant(asOf, clock.getZone());
            Map<UUID, Long> created = created(w.tags);
            List<WorkshopView.TagRef> refs = new ArrayList<>();
            w.tags.stream().sorted(Comparator.comparing(t -> created.getOrDefault(t, Long.MAX_VALUE)))
                    .forEach(t -> tag(t, asOf).ifPresent(v -> refs.add(new WorkshopView.TagRef(t, v.name(),
                            v.retired()))));
            return new WorkshopView(id, w.slug, organisationRef(w.host, asOf), organisationRef(w.administrator, asOf),
                    assignedTo, w.start, w.end, w.url, w.registrationKey, attendance, adminFee, invoiceStatus, notes,
                    w.contact, w.country, w.venue, w.address, w.latitude, w.longitude, surveys[0], surveys[1],
                    surveys[2], surveys[3], surveys[4], completed, w.archived, mergedInto, List.copyOf(refs),
                    published, WorkshopQueries.timing(w.start, w.end, published, today),
                    WorkshopQueries.issues(w.start, w.end, w.url, attendance, w.country, w.venue, w.address,
                            w.latitude, w.longitude),
                    version, createdAt, updatedAt);
        }

        private Optional<TagView> tag(UUID tag, Instant asOf) {
            return fold(tag, asOf, new Tag(tag));
        }
    }

    private WorkshopView.OrganisationRef organisationRef(UUID id, Instant asOf) {
        if (id == null) {
            return null;
        }
        return organisation(id, asOf).map(o -> new WorkshopView.OrganisationRef(id, o.domain(), o.fullname()))
                .orElse(new WorkshopView.OrganisationRef(id, null, null));
    }

    /** The store position each record was created at: the order the read models list them in. */
    private Map<UUID, Long> created(java.util.Collection<UUID> ids) {
        Map<UUID, Long> created = new HashMap<>();
        if (ids.isEmpty()) {
            return created;
        }
        jdbc.query("SELECT aggregate_identifier, global_index FROM domain_event_entry WHERE aggregate_identifier = "
                + "ANY(?) AND sequence_number = 0", rs -> {
                    created.put(UUID.fromString(rs.getString(1)), rs.getLong(2));
                }, (Object) ids.stream().map(UUID::toString).toArray(String[]::new));
        return created;
    }

    private static final class Person implements Fold<PersonView> {
        private final UUID id;
        private final Function<Sealed, String> open;
        private boolean registered;
        private String personal;
        private String middle;
        private String family;
        private String username;
        private String email;
        private String gender;
        private String airport;
        private String github;
        private String twitter;
        private String url;
        private String orcid;
        private String occupation;
        private String affiliation;
        private String notes;
        private boolean mayContact;
        private final TreeSet<String> lessons = new TreeSet<>();
        private final TreeSet<String> domains = new TreeSet<>();
        private boolean archived;
        private boolean erased;
        private UUID mergedInto;

        Person(UUID id, Function<Sealed, String> open) {
            this.id = id;
            this.open = open;
        }

        @Override
        public void apply(Object event) {
            if (event instanceof PersonRegistered e) {
                registered = true;
                personal = e.personal();
                middle = e.middle();
                family = e.family();
                username = e.username();
                mayContact = e.mayContact();
                email = open.apply(e.email());
                gender = open.apply(e.gender());
                airport = open.apply(e.airportId());
                github = open.apply(e.github());
                twitter = open.apply(e.twitter());
                url = open.apply(e.url());
                orcid = open.apply(e.orcid());
                occupation = open.apply(e.occupation());
                affiliation = open.apply(e.affiliation());
                notes = open.apply(e.notes());
            } else if (event instanceof PersonRenamed e) {
                personal = e.personal();
                middle = e.middle();
                family = e.family();
            } else if (event instanceof PersonUsernameChanged e) {
                username = e.username();
            } else if (event instanceof PersonEmailChanged e) {
                email = open.apply(e.email());
            } else if (event instanceof PersonGenderChanged e) {
                gender = open.apply(e.gender());
            } else if (event instanceof PersonAirportChanged e) {
                airport = open.apply(e.airportId());
            } else if (event instanceof PersonOnlineProfilesChanged e) {
                github = open.apply(e.github());
                twitter = open.apply(e.twitter());
                url = open.apply(e.url());
                orcid = open.apply(e.orcid());
            } else if (event instanceof PersonOccupationChanged e) {
                occupation = open.apply(e.occupation());
                affiliation = open.apply(e.affiliation());
            } else if (event instanceof PersonNotesChanged e) {
                notes = open.apply(e.notes());
            } else if (event instanceof PersonContactPermissionChanged e) {
                mayContact = e.mayContact();
            } else if (event instanceof PersonQualified e) {
                lessons.add(e.lessonId().toString());
            } else if (event instanceof PersonQualificationWithdrawn e) {
                lessons.remove(e.lessonId().toString());
            } else if (event instanceof PersonDomainAdded e) {
                domains.add(e.domainId().toString());
            } else if (event instanceof PersonDomainRemoved e) {
                domains.remove(e.domainId().toString());
            } else if (event instanceof PersonArchived) {
                archived = true;
            } else if (event instanceof PersonMergedInto e) {
                archived = true;
                mergedInto = e.survivorPersonId();
            } else if (event instanceof PersonRestored) {
                archived = false;
            } else if (event instanceof PersonErased) {
                erased = true;
                email = null;
                gender = null;
                airport = null;
                github = null;
                twitter = null;
                url = null;
                orcid = null;
                occupation = null;
                affiliation = null;
                notes = null;
            }
        }

        @Override
        public PersonView view(long version, Instant createdAt, Instant updatedAt) {
            if (!registered) {
                return null;
            }
            // The live view lists lessons and domains by id as PostgreSQL orders UUIDs: as their text.
            return new PersonView(id, personal, middle, family, personal + (middle == null ? "" : " " + middle) + " "
                    + family, username, email, gender, airport == null ? null : UUID.fromString(airport), github,
                    twitter, url, orcid, occupation, affiliation, notes, mayContact,
                    lessons.stream().map(UUID::fromString).toList(), domains.stream().map(UUID::fromString).toList(),
                    archived, erased, mergedInto, version, createdAt, updatedAt);
        }
    }
}
