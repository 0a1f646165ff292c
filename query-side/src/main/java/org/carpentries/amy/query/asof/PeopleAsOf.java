package org.carpentries.amy.query.asof;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.carpentries.amy.command.PersonalDataVault;
import org.carpentries.amy.command.airport.events.AirportRegistered;
import org.carpentries.amy.command.airport.events.AirportRelocated;
import org.carpentries.amy.command.airport.events.AirportRenamed;
import org.carpentries.amy.command.badge.events.BadgeCreated;
import org.carpentries.amy.command.badge.events.BadgeReinstated;
import org.carpentries.amy.command.badge.events.BadgeRetired;
import org.carpentries.amy.command.person.events.AwardRevoked;
import org.carpentries.amy.command.person.events.BadgeAwarded;
import org.carpentries.amy.command.person.events.PersonAirportChanged;
import org.carpentries.amy.command.person.events.PersonArchived;
import org.carpentries.amy.command.person.events.PersonContactPermissionChanged;
import org.carpentries.amy.command.person.events.PersonErased;
import org.carpentries.amy.command.person.events.PersonMergedInto;
import org.carpentries.amy.command.person.events.PersonRegistered;
import org.carpentries.amy.command.person.events.PersonRenamed;
import org.carpentries.amy.command.person.events.PersonRestored;
import org.carpentries.amy.command.person.events.PersonUsernameChanged;
import org.carpentries.amy.command.person.events.Sealed;
import org.carpentries.amy.query.Renders;
import org.carpentries.amy.query.peopleexports.PeopleExport;
import org.carpentries.amy.query.peopleexports.PeopleExports;
import org.carpentries.amy.query.persons.FindPersons;
import org.carpentries.amy.query.published.ExportDocument;
import org.carpentries.amy.query.published.ExportFormat;
import org.springframework.stereotype.Component;

/**
 * The badges and instructors exports as they were at an instant: the events {@code PeopleExportsProjection} keeps
 * them from, folded in memory in store order, selected and ordered as the live exports' queries do, and rendered by
 * {@link PeopleExports}' own record builders. A person's airport is sealed: it is opened only for the instructors
 * shown, and a person erased since then has none (their key is gone), so they are left out.
 */
@Component
public class PeopleAsOf {

    private static final List<Class<?>> TYPES = List.of(BadgeCreated.class, BadgeRetired.class,
            BadgeReinstated.class, PersonRegistered.class, PersonRenamed.class, PersonUsernameChanged.class,
            PersonAirportChanged.class, PersonContactPermissionChanged.class, PersonArchived.class,
            PersonMergedInto.class, PersonRestored.class, PersonErased.class, BadgeAwarded.class, AwardRevoked.class,
            AirportRegistered.class, AirportRenamed.class, AirportRelocated.class);
    private static final Set<String> INSTRUCTOR_BADGES = Set.copyOf(FindPersons.INSTRUCTOR_BADGES);

    private final StoredEvents events;
    private final PersonalDataVault vault;
    private final Renders renders;

    /** Each of its answers folds the history up to its instant in memory, in one of the {@link Renders} slots. */
    public PeopleAsOf(StoredEvents events, PersonalDataVault vault, Renders renders) {
        this.events = events;
        this.vault = vault;
        this.renders = renders;
    }

    /** The badges export at {@code asOf}. */
    public ExportDocument badges(ExportFormat format, Instant asOf) {
        return renders.render(() -> document(format, badgeRecords(asOf), asOf));
    }

    /** The instructors export at {@code asOf}, only those who may (or may not) be contacted when asked. */
    public ExportDocument instructors(ExportFormat format, Boolean mayContact, Instant asOf) {
        return renders.render(() -> document(format, instructorRecords(mayContact, asOf), asOf));
    }

    /** The export's records that appeared, went or changed between the two instants, matched by name. */
    public ExportDiff diff(PeopleExport export, Boolean mayContact, Instant from, Instant to) {
        return renders.render(() -> Diffs.records(export.key(), from, to, "name", records(export, mayContact, from),
                records(export, mayContact, to)));
    }

    private List<Map<String, Object>> records(PeopleExport export, Boolean mayContact, Instant asOf) {
        return switch (export) {
            case BADGES -> badgeRecords(asOf);
            case INSTRUCTORS -> instructorRecords(mayContact, asOf);
            case MEMBERS -> throw new IllegalArgumentException("the members export has no as-of view");
        };
    }

    private static ExportDocument document(ExportFormat format, List<Map<String, Object>> records, Instant asOf) {
        byte[] body = PeopleExports.body(format, records).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return ExportDocument.of(body, asOf, format.mediaType());
    }

    /** Badges not retired in creation order, each with the awards of people not archived in award order. */
    private List<Map<String, Object>> badgeRecords(Instant asOf) {
        Fold f = fold(asOf);
        Map<UUID, List<Map<String, Object>>> holders = new LinkedHashMap<>();
        List<Map<String, Object>> records = new ArrayList<>();
        f.badges.values().stream().filter(b -> !b.retired).sorted(Comparator.comparingLong(Badge::created))
                .forEach(b -> {
                    List<Map<String, Object>> persons = new ArrayList<>();
                    holders.put(b.id, persons);
                    records.add(PeopleExports.badge(b.name, persons));
                });
        f.awards().forEach(a -> {
            Person p = f.persons.get(a.person);
            List<Map<String, Object>> persons = holders.get(a.badge);
            if (p != null && !p.archived && persons != null) {
                persons.add(PeopleExports.holder(p.personal, p.middle, p.family, p.username, a.awarded));
            }
        });
        return records;
    }

    /** Airports in registration order with their instructors (people not archived nor erased) in theirs. */
    private List<Map<String, Object>> instructorRecords(Boolean mayContact, Instant asOf) {
        Fold f = fold(asOf);
        Map<UUID, List<Map<String, Object>>> byAirport = new HashMap<>();
        f.persons.values().stream()
                .filter(p -> !p.archived && !p.erased && p.airport != null
                        && (mayContact == null || p.mayContact == mayContact) && f.instructor(p.id))
                .sorted(Comparator.comparingLong(Person::created)).forEach(p -> {
                    UUID airport = airport(p);
                    if (airport != null && f.airports.containsKey(airport)) {
                        byAirport.computeIfAbsent(airport, k -> new ArrayList<>())
                                .add(PeopleExports.instructor(p.personal, p.middle, p.family, p.username));
                    }
                });
        List<Map<String, Object>> records = new ArrayList<>();
        f.airports.values().stream().filter(a -> byAirport.containsKey(a.id))
                .sorted(Comparator.comparingLong(Airport::created))
                .forEach(a -> records.add(PeopleExports.airport(a.fullname, a.latitude, a.longitude, a.country,
                        byAirport.get(a.id))));
        return records;
    }

    private UUID airport(Person p) {
        return vault.unseal(p.id, p.airport).map(UUID::fromString).orElse(null);
    }

    private Fold fold(Instant asOf) {
        Fold fold = new Fold();
        events.read(TYPES, asOf, e -> fold.apply(e.position(), e.payload()));
        return fold;
    }

    /** What {@code people_export_person}, {@code _badge}, {@code _award} and {@code _airport} held. */
    private static final class Fold {

        final Map<UUID, Badge> badges = new HashMap<>();
        final Map<UUID, Person> persons = new HashMap<>();
        final Map<UUID, Airport> airports = new HashMap<>();
        private final Map<UUID, Map<UUID, Award>> awardsByPerson = new HashMap<>();

        /** Every current award, in the order given (a badge awarded again counts from then). */
        List<Award> awards() {
            return awardsByPerson.values().stream().flatMap(m -> m.values().stream())
                    .sorted(Comparator.comparingLong(Award::seq)).toList();
        }

        boolean instructor(UUID person) {
            return awardsByPerson.getOrDefault(person, Map.of()).keySet().stream().map(badges::get)
                    .anyMatch(b -> b != null && INSTRUCTOR_BADGES.contains(b.name));
        }

        void apply(long position, Object event) {
            if (event instanceof BadgeCreated e) {
                badges.putIfAbsent(e.badgeId(), new Badge(e.badgeId(), e.name(), position));
            } else if (event instanceof BadgeRetired e && badges.containsKey(e.badgeId())) {
                badges.get(e.badgeId()).retired = true;
            } else if (event instanceof BadgeReinstated e && badges.containsKey(e.badgeId())) {
                badges.get(e.badgeId()).retired = false;
            } else if (event instanceof AirportRegistered e) {
                airports.putIfAbsent(e.airportId(), new Airport(e.airportId(), e.fullname(), e.country(), e.latitude(),
                        e.longitude(), position));
            } else if (event instanceof AirportRenamed e && airports.containsKey(e.airportId())) {
                airports.get(e.airportId()).fullname = e.fullname();
            } else if (event instanceof AirportRelocated e && airports.containsKey(e.airportId())) {
                Airport a = airports.get(e.airportId());
                a.country = e.country();
                a.latitude = e.latitude();
                a.longitude = e.longitude();
            } else if (event instanceof PersonRegistered e) {
                persons.putIfAbsent(e.personId(), new Person(e, position));
            } else if (event instanceof BadgeAwarded e) {
                awardsByPerson.computeIfAbsent(e.personId(), k -> new HashMap<>())
                        .put(e.badgeId(), new Award(e.personId(), e.badgeId(), e.awarded(), position));
            } else if (event instanceof AwardRevoked e) {
                awardsByPerson.getOrDefault(e.personId(), new HashMap<>()).remove(e.badgeId());
            } else if (event instanceof org.carpentries.amy.command.person.events.PersonEvent e
                    && persons.containsKey(e.personId())) {
                persons.get(e.personId()).apply(event);
            }
        }
    }

    private static final class Badge {
        final UUID id;
        final String name;
        final long created;
        boolean retired;

        Badge(UUID id, String name, long created) {
            this.id = id;
            this.name = name;
            this.created = created;
        }

        long created() {
            return created;
        }
    }

    private static final class Airport {
        final UUID id;
        final long created;
        String fullname;
        String country;
        double latitude;
        double longitude;

        Airport(UUID id, String fullname, String country, Double latitude, Double longitude, long created) {
            this.id = id;
            this.fullname = fullname;
            this.country = country;
            this.latitude = latitude;
            this.longitude = longitude;
            this.created = created;
        }

        long created() {
            return created;
        }
    }

    private record Award(UUID person, UUID badge, LocalDate awarded, long seq) {
    }

    private static final class Person {
        final UUID id;
        final long created;
        String personal;
        String middle;
        String family;
        String username;
        Sealed airport;
        boolean mayContact;
        boolean archived;
        boolean erased;

        Person(PersonRegistered e, long created) {
            id = e.personId();
            this.created = created;
            personal = e.personal();
            middle = e.middle();
            family = e.family();
            username = e.username();
            airport = e.airportId();
            mayContact = e.mayContact();
        }

        long created() {
            return created;
        }

        void apply(Object event) {
            if (event instanceof PersonRenamed e) {
                personal = e.personal();
                middle = e.middle();
                family = e.family();
            } else if (event instanceof PersonUsernameChanged e) {
                username = e.username();
            } else if (event instanceof PersonAirportChanged e) {
                airport = e.airportId();
            } else if (event instanceof PersonContactPermissionChanged e) {
                mayContact = e.mayContact();
            } else if (event instanceof PersonArchived || event instanceof PersonMergedInto) {
                archived = true;
            } else if (event instanceof PersonRestored) {
                archived = false;
            } else if (event instanceof PersonErased) {
                erased = true;
                airport = null;
            }
        }
    }
}
