package org.carpentries.amy.api.bootstrap;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.carpentries.amy.command.Change;
import org.carpentries.amy.command.airport.RegisterAirport;
import org.carpentries.amy.command.organisation.RegisterOrganisation;
import org.carpentries.amy.command.person.AwardBadge;
import org.carpentries.amy.command.person.EditPerson;
import org.carpentries.amy.command.person.PersonDetails;
import org.carpentries.amy.command.person.PersonPatch;
import org.carpentries.amy.command.person.RegisterPerson;
import org.carpentries.amy.command.person.RevokeAward;
import org.carpentries.amy.command.tag.ReinstateTag;
import org.carpentries.amy.command.tag.RetireTag;
import org.carpentries.amy.command.workshop.AddTask;
import org.carpentries.amy.command.workshop.ArchiveWorkshop;
import org.carpentries.amy.command.workshop.AssignTagToWorkshop;
import org.carpentries.amy.command.workshop.EditWorkshop;
import org.carpentries.amy.command.workshop.MergeWorkshops;
import org.carpentries.amy.command.workshop.ScheduleWorkshop;
import org.carpentries.amy.command.workshop.UnassignTagFromWorkshop;
import org.carpentries.amy.command.workshop.WorkshopFields;
import org.carpentries.amy.command.workshop.WorkshopPatch;
import org.carpentries.amy.command.workshop.events.InvoiceStatus;

/**
 * The benchmark's data set, as the commands that create it: organisations, airports and people, then workshops over
 * twelve years with AMY-like tag, country and publication mixes and their rosters, awards, and edits, tag churn,
 * retirements, archivals and merges spread among them. The same seed and size give the same commands (and ids)
 * every time. At size 1.0: 10,000 workshops, 100,000 people, about 300,000 tasks and 50,000 awards, about 1.5
 * million events; {@code quick} is a tenth of that.
 */
final class BenchDataSet {

    static final LocalDate FIRST_DAY = LocalDate.of(2014, 1, 6);
    private static final int YEARS = 12;
    private static final String[] COUNTRIES = {"US", "US", "US", "US", "GB", "GB", "CA", "CA", "AU", "DE", "NL", "ZA",
        "NZ", "FR", "ES", "BR", "IN", "JP", "NO", "SE", "CH", "PL", "MX", "KE", "NG", "CL", "IE", "IT", "DK", "FI"};
    private static final String[] PERSONAL = {"Ada", "Alan", "Amara", "Ana", "Ben", "Carla", "Chen", "Dana", "David",
        "Elena", "Emma", "Femi", "Grace", "Hana", "Hugo", "Ines", "Ivan", "James", "Jia", "Kofi", "Lena", "Liam",
        "Maria", "Mei", "Nadia", "Noah", "Olga", "Omar", "Priya", "Rosa", "Sam", "Sara", "Tariq", "Thabo", "Uma",
        "Victor", "Wei", "Yusuf", "Zoe", "Łucja", "Søren", "José", "Zoë", "Ngozi", "Aroha"};
    private static final String[] SYLLABLES = {"ka", "ro", "mi", "an", "te", "lo", "vi", "son", "berg", "ez", "ova",
        "ski", "man", "dra", "ko", "ne", "sa", "tu", "ri", "gar", "ley", "wood", "ton", "hal", "mo", "bri"};

    /** The ids of the reference data the set uses, by name: tags, roles, badges, lessons. */
    record Reference(Map<String, UUID> tags, Map<String, UUID> roles, Map<String, UUID> badges,
                     List<UUID> lessons) {
    }

    /** What the commands create, for the figures that depend on the data set's shape. */
    record Shape(int organisations, int airports, int people, int workshops, int tasks, int awards, int edits) {
    }

    private final double size;
    private final Random random;
    private final Reference reference;
    private final Consumer<Object> out;
    private final List<UUID> organisations = new ArrayList<>();
    private final List<String> organisationCountries = new ArrayList<>();
    private final List<UUID> airports = new ArrayList<>();
    private final List<double[]> airportPlaces = new ArrayList<>();
    private final List<UUID> people = new ArrayList<>();
    private final List<UUID> workshops = new ArrayList<>();
    private final Set<UUID> gone = new HashSet<>();
    private final Set<Long> awarded = new HashSet<>();
    private int tasks;
    private int awards;
    private int edits;

    BenchDataSet(double size, long seed, Reference reference, Consumer<Object> out) {
        this.size = size;
        this.random = new Random(seed);
        this.reference = reference;
        this.out = out;
    }

    /** Sends every command to the consumer, in order, and answers what they create. */
    Shape generate() {
        int orgCount = scaled(1_500, 20);
        for (int i = 0; i < orgCount; i++) {
            organisation(i);
        }
        int airportCount = scaled(400, 30);
        for (int i = 0; i < airportCount; i++) {
            airport(i);
        }
        int peopleCount = scaled(100_000, 200);
        for (int i = 0; i < peopleCount; i++) {
            person(i);
        }
        int workshopCount = scaled(10_000, 20);
        int awardTarget = scaled(50_000, 20);
        for (int i = 0; i < workshopCount; i++) {
            workshop(i, workshopCount);
            // Awards, edits and churn are spread among the workshops rather than appended at the end.
            while (awards < (long) awardTarget * (i + 1) / workshopCount) {
                award();
            }
            churn(i);
        }
        return new Shape(orgCount, airportCount, peopleCount, workshopCount, tasks, awards, edits);
    }

    private int scaled(int full, int minimum) {
        return Math.max(minimum, (int) Math.round(full * size));
    }

    private UUID id() {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private void organisation(int i) {
        UUID id = id();
        String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
        out.accept(new RegisterOrganisation(id, "host" + i + ".example.org", "Bench University " + i, country,
                ""));
        organisations.add(id);
        organisationCountries.add(country);
    }

    private void airport(int i) {
        UUID id = id();
        String iata = "Q" + (char) ('A' + i / 26 % 26) + (char) ('A' + i % 26) + (i >= 676 ? String.valueOf(i / 676) : "");
        double latitude = Math.round((random.nextDouble() * 140 - 70) * 1e4) / 1e4;
        double longitude = Math.round((random.nextDouble() * 360 - 180) * 1e4) / 1e4;
        out.accept(new RegisterAirport(id, iata, "Bench Airport " + i, COUNTRIES[random.nextInt(COUNTRIES.length)],
                latitude, longitude));
        airports.add(id);
        airportPlaces.add(new double[] {latitude, longitude});
    }

    private void person(int i) {
        UUID id = id();
        String personal = PERSONAL[random.nextInt(PERSONAL.length)];
        String family = capitalised(SYLLABLES[random.nextInt(SYLLABLES.length)]
                + SYLLABLES[random.nextInt(SYLLABLES.length)] + SYLLABLES[random.nextInt(SYLLABLES.length)]);
        String username = "b" + i + "_" + family.toLowerCase(java.util.Locale.ROOT);
        UUID airport = random.nextInt(10) < 4 ? pick(airports) : null;
        String github = random.nextInt(10) < 3 ? "gh-" + i : null;
        String gender = "UMFO".substring(random.nextInt(4)).substring(0, 1);
        Set<UUID> lessons = new LinkedHashSet<>();
        for (int n = random.nextInt(4); n > 0; n--) {
            lessons.add(pick(reference.lessons()));
        }
        out.accept(new RegisterPerson(id, new PersonDetails(personal, null, family, username,
                username + "@example.org", gender, airport, github, null, null, null, "", "Bench University",
                "", random.nextInt(10) < 8), lessons, Set.of()));
        people.add(id);
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private void workshop(int i, int count) {
        UUID id = id();
        // Starts spread over the twelve years, in order, a little jitter so some share a day.
        LocalDate start = FIRST_DAY.plusDays((long) i * YEARS * 365 / count + random.nextInt(3));
        int host = random.nextInt(organisations.size());
        Set<UUID> tags = new HashSet<>();
        int kind = random.nextInt(100);
        tags.add(reference.tags().get(kind < 45 ? "SWC" : kind < 75 ? "DC" : kind < 90 ? "LC" : "TTT"));
        boolean online = random.nextInt(100) < 8;
        if (online) {
            tags.add(reference.tags().get("online"));
        }
        if (random.nextInt(100) < 3) {
            tags.add(reference.tags().get("WiSE"));
        }
        boolean published = random.nextInt(100) < 85;
        String slug = start + "-bench" + i;
        double[] place = airportPlaces.get(random.nextInt(airportPlaces.size()));
        String country = online ? "W3" : organisationCountries.get(host);
        WorkshopFields fields = new WorkshopFields(slug, organisations.get(host), null, start,
                start.plusDays(random.nextInt(2)), published ? "https://bench" + i + ".github.io/" + slug + "/" : null,
                null, null, random.nextInt(4) == 0 ? new BigDecimal("1250.00") : null, InvoiceStatus.UNKNOWN, "",
                "team" + i + "@example.org", country, published ? "Room " + (i % 300) : "",
                published ? i + " Bench Street" : "", place[0], place[1], "", "", "", "", "", false, null);
        out.accept(new ScheduleWorkshop(id, fields, tags));
        workshops.add(id);
        roster(id);
    }

    /** About thirty tasks: two instructors, up to three helpers, learners. */
    private void roster(UUID workshop) {
        Set<UUID> instructors = new HashSet<>();
        add(workshop, "instructor", 2, instructors);
        add(workshop, "helper", random.nextInt(4), new HashSet<>());
        add(workshop, "learner", 20 + random.nextInt(11), new HashSet<>());
    }

    private void add(UUID workshop, String role, int count, Set<UUID> taken) {
        UUID roleId = reference.roles().get(role);
        while (taken.size() < count) {
            UUID person = pick(people);
            if (taken.add(person)) {
                out.accept(new AddTask(workshop, person, roleId));
                tasks++;
            }
        }
    }

    private void award() {
        UUID person = pick(people);
        int kind = random.nextInt(100);
        String badge = kind < 45 ? "swc-instructor" : kind < 75 ? "dc-instructor" : kind < 85 ? "member"
                : kind < 95 ? "trainer" : "maintainer";
        UUID badgeId = reference.badges().get(badge);
        if (badgeId == null || !awarded.add(person.getMostSignificantBits() ^ badgeId.getLeastSignificantBits())) {
            return;
        }
        LocalDate when = FIRST_DAY.minusYears(2).plusDays(random.nextInt((YEARS + 2) * 365));
        out.accept(new AwardBadge(person, badgeId, when, null, null));
        awards++;
    }

    /** The edits that follow workshop i: notes and contacts, people's details, tag churn, and now and then more. */
    private void churn(int i) {
        for (int n = 0; n < 50; n++) {
            UUID workshop = recentWorkshop();
            if (workshop != null) {
                out.accept(new EditWorkshop(workshop, null, notes("Bench note " + i + "." + n)));
                edits++;
            }
        }
        for (int n = 0; n < 8; n++) {
            UUID person = pick(people);
            out.accept(new EditPerson(person, null, affiliation("Bench Institute " + i + "." + n)));
            edits++;
        }
        UUID workshop = recentWorkshop();
        if (workshop != null && random.nextInt(4) == 0) {
            UUID hackathon = reference.tags().get("hackathon");
            out.accept(new AssignTagToWorkshop(workshop, hackathon));
            out.accept(new UnassignTagFromWorkshop(workshop, hackathon));
            edits += 2;
        }
        if (i % 100 == 50 && awards > 0) {
            UUID person = pick(people);
            for (UUID badge : reference.badges().values()) {
                out.accept(new RevokeAward(person, badge));
            }
        }
        if (i % 200 == 199) {
            UUID wise = reference.tags().get("WiSE");
            out.accept(new RetireTag(wise));
            out.accept(new ReinstateTag(wise));
        }
        if (i % 100 == 99 && workshops.size() > 4) {
            UUID archived = workshops.get(workshops.size() - 3);
            if (gone.add(archived)) {
                out.accept(new ArchiveWorkshop(archived));
            }
        }
        if (i % 150 == 149 && workshops.size() > 6) {
            UUID a = workshops.get(workshops.size() - 5);
            UUID b = workshops.get(workshops.size() - 6);
            if (!gone.contains(a) && gone.add(b)) {
                out.accept(new MergeWorkshops(a, b, null, false));
            }
        }
    }

    /** One of the last hundred workshops that still exists, as an admin would be editing them. */
    private UUID recentWorkshop() {
        for (int tries = 0; tries < 5; tries++) {
            int from = Math.max(0, workshops.size() - 100);
            UUID w = workshops.get(from + random.nextInt(workshops.size() - from));
            if (!gone.contains(w)) {
                return w;
            }
        }
        return null;
    }

    private static WorkshopPatch notes(String notes) {
        return new WorkshopPatch(null, null, null, null, null, null, null, null, null, null, Change.to(notes), null,
                null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static PersonPatch affiliation(String affiliation) {
        return new PersonPatch(null, null, null, null, null, null, null, null, null, null, null, null,
                Change.to(affiliation), null, null, null, null);
    }
}
