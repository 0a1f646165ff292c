package org.carpentries.amy.api.bootstrap;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.carpentries.amy.api.web.RequestIds;
import org.carpentries.amy.command.lookup.Lookups;
import org.carpentries.amy.command.lookup.UniqueKind;
import org.carpentries.amy.command.organisation.RegisterOrganisation;
import org.carpentries.amy.command.tag.CreateTag;
import org.carpentries.amy.command.airport.RegisterAirport;
import org.carpentries.amy.command.person.AwardBadge;
import org.carpentries.amy.command.person.PersonDetails;
import org.carpentries.amy.command.person.RegisterPerson;
import org.carpentries.amy.command.role.CreateRole;
import org.carpentries.amy.command.workshop.AddTask;
import org.carpentries.amy.command.workshop.ArchiveWorkshop;
import org.carpentries.amy.command.workshop.ScheduleWorkshop;
import org.carpentries.amy.command.workshop.WorkshopFields;
import org.carpentries.amy.command.workshop.events.InvoiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A small, realistic demo data set, loaded once when {@code AMY_DEMO=true} (or {@code ops/run --demo}): hosts on
 * four continents, workshops in the past, running today, upcoming and unpublished, one archived, and two that are
 * really one workshop entered twice, waiting to be merged; airports, and people teaching, helping and learning at
 * them, some with instructor badges. Dates are relative to today.
 */
@Component
@Order(2)
class DemoData implements ApplicationRunner {

    static final String STEP = "demo-data-v1";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private final CommandGateway commands;
    private final Lookups lookups;
    private final BootstrapSteps steps;
    private final Clock clock;
    private final boolean enabled;
    private final Map<String, UUID> organisations = new LinkedHashMap<>();
    private final Map<String, UUID> tags = new LinkedHashMap<>();

    DemoData(CommandGateway commands, Lookups lookups, BootstrapSteps steps, Clock clock,
             @Value("${amy.demo:false}") boolean enabled) {
        this.commands = commands;
        this.lookups = lookups;
        this.steps = steps;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || steps.done(STEP)) {
            return;
        }
        RequestIds.asJob("demo", this::load);
        steps.markDone(STEP);
        log.info("Loaded the demo data set");
    }

    private void load() {
        organisation("ed.ac.uk", "University of Edinburgh", "GB");
        organisation("uct.ac.za", "University of Cape Town", "ZA");
        organisation("monash.edu", "Monash University", "AU");
        organisation("lbl.gov", "Lawrence Berkeley National Laboratory", "US");
        organisation("ethz.ch", "ETH Zürich", "CH");
        organisation("self-organized", "self-organized", "W3");
        ReferenceData.TAGS.forEach(this::tag);
        LocalDate today = LocalDate.now(clock);

        workshop("ed.ac.uk", null, today.minusYears(2).withDayOfMonth(10), 2, "Informatics Forum, room G.07",
                "10 Crichton Street, Edinburgh EH8 9AB", 55.9445, -3.1869, 28, "GB", List.of("SWC"), true,
                InvoiceStatus.INVOICED, "2500.00");
        workshop("uct.ac.za", null, today.minusYears(1).withDayOfMonth(3), 2, "Computer Science Building",
                "18 University Avenue, Rondebosch, Cape Town 7700", -33.9563, 18.4612, 35, "ZA", List.of("DC"),
                true, InvoiceStatus.NA_WAIVER, null);
        workshop("monash.edu", null, today.minusMonths(5).withDayOfMonth(14), 1, "Sir Louis Matheson Library",
                "40 Exhibition Walk, Clayton VIC 3800", -37.9126, 145.1334, null, "AU", List.of("LC"), false,
                InvoiceStatus.NOT_INVOICED, "1250.00");
        workshop("lbl.gov", null, today.minusDays(1), 2, "Building 59, room 3101",
                "1 Cyclotron Road, Berkeley, CA 94720", 37.8763, -122.2469, null, "US", List.of("SWC", "hackathon"),
                false, InvoiceStatus.UNKNOWN, null);
        workshop("ethz.ch", null, today.plusDays(14), 1, "HG E 1.1", "Rämistrasse 101, 8092 Zürich", 47.3763,
                8.5476, null, "CH", List.of("DC"), false, InvoiceStatus.UNKNOWN, null);
        workshop("ed.ac.uk", "self-organized", today.plusDays(30), 1, null, null, null, null, null, "W3",
                List.of("LC", "online"), false, InvoiceStatus.NA_SELF_ORG, null);
        workshop("lbl.gov", null, today.plusDays(45), 3, "Building 50 auditorium", "1 Cyclotron Road, Berkeley",
                37.8760, -122.2470, null, "US", List.of("TTT"), false, InvoiceStatus.UNKNOWN, null);
        schedule("ethz.ch", null, today.plusDays(60), 1, null, "", "", null, null, null, "CH",
                List.of("SWC"), false, InvoiceStatus.UNKNOWN, null, slug(today.plusDays(60), "ethz-unconfirmed"));
        schedule("uct.ac.za", null, today.plusDays(20), 2, "https://uct-carpentries.github.io/draft/",
                "Chemistry Building", "", -33.957, 18.461, null, "ZA", List.of("DC", "WiSE"), false,
                InvoiceStatus.UNKNOWN, null, slug(today.plusDays(20), "uct-wise"));

        LocalDate twice = today.plusDays(21);
        schedule("ed.ac.uk", null, twice, 1, "https://edcarp.github.io/" + slug(twice, "edinburgh") + "/",
                "Main Library, room 1.09", "30 George Square, Edinburgh", 55.9427, -3.1889, null, "GB",
                List.of("SWC"), false, InvoiceStatus.UNKNOWN, null, slug(twice, "edinburgh"));
        schedule("ed.ac.uk", null, twice, 1, null, "Main Library", "George Square", 55.9427, -3.1889, null, "GB",
                List.of("DC"), false, InvoiceStatus.UNKNOWN, null, slug(twice, "ed-dc"));

        UUID cancelled = schedule("monash.edu", null, today.plusDays(90), 1, null, "", "", null, null, null, "AU",
                List.of("SWC", "stalled"), false, InvoiceStatus.UNKNOWN, null, slug(today.plusDays(90), "monash"));
        commands.sendAndWait(new ArchiveWorkshop(cancelled));
        people(today);
    }

    /** Airports, instructors, helpers and learners, with their tasks at the demo workshops. */
    private void people(LocalDate today) {
        UUID edi = airport("EDI", "Edinburgh Airport", "GB", 55.95, -3.3725);
        UUID cpt = airport("CPT", "Cape Town International Airport", "ZA", -33.9648, 18.6017);
        UUID mel = airport("MEL", "Melbourne Airport", "AU", -37.6733, 144.8433);
        UUID sfo = airport("SFO", "San Francisco International Airport", "US", 37.6189, -122.375);
        airport("ZRH", "Zurich Airport", "CH", 47.4647, 8.5492);
        UUID instructor = role("instructor");
        UUID helper = role("helper");
        UUID learner = role("learner");
        UUID host = role("host");
        UUID ada = person("Ada", "Lovelace", "ada@ed.ac.uk", "F", edi, "ada-l");
        UUID thabo = person("Thabo", "Mokoena", "thabo@uct.ac.za", "M", cpt, null);
        UUID mei = person("Mei", "Chen", "mei.chen@monash.edu", "F", mel, "meichen");
        UUID rosa = person("Rosa", "Martínez", "rosa@lbl.gov", "F", sfo, null);
        UUID sam = person("Sam", "Okafor", null, "U", null, null);
        UUID lena = person("Lena", "Fischer", "lena@ethz.ch", "F", null, null);
        String past = slug(today.minusYears(2).withDayOfMonth(10), "ed");
        task(past, ada, instructor);
        task(past, sam, helper);
        task(past, lena, learner);
        task(slug(today.minusYears(1).withDayOfMonth(3), "uct"), thabo, instructor);
        task(slug(today.minusYears(1).withDayOfMonth(3), "uct"), ada, instructor);
        task(slug(today.minusMonths(5).withDayOfMonth(14), "monash"), mei, instructor);
        task(slug(today.minusMonths(5).withDayOfMonth(14), "monash"), sam, learner);
        task(slug(today.minusMonths(5).withDayOfMonth(14), "monash"), lena, learner);
        task(slug(today.minusDays(1), "lbl"), rosa, instructor);
        task(slug(today.minusDays(1), "lbl"), rosa, host);
        task(slug(today.plusDays(14), "ethz"), lena, helper);
        award(ada, "swc-instructor", today.minusYears(3));
        award(ada, "dc-instructor", today.minusYears(2));
        award(thabo, "dc-instructor", today.minusYears(2).plusMonths(4));
        award(mei, "swc-instructor", today.minusYears(1));
        award(rosa, "swc-instructor", today.minusYears(4));
        award(rosa, "trainer", today.minusYears(2));
    }

    /** Awards need AMY's badges, which the seed data creates; without them there are none. */
    private void award(UUID person, String badge, LocalDate awarded) {
        lookups.holder(UniqueKind.BADGE_NAME, badge)
                .ifPresent(b -> commands.sendAndWait(new AwardBadge(person, b, awarded, null, null)));
    }

    private UUID airport(String iata, String name, String country, double latitude, double longitude) {
        return lookups.holder(UniqueKind.AIRPORT_IATA, iata).orElseGet(() -> {
            UUID id = UUID.randomUUID();
            commands.sendAndWait(new RegisterAirport(id, iata, name, country, latitude, longitude));
            return id;
        });
    }

    private UUID role(String name) {
        return lookups.holder(UniqueKind.ROLE_NAME, name).orElseGet(() -> {
            UUID id = UUID.randomUUID();
            commands.sendAndWait(new CreateRole(id, name));
            return id;
        });
    }

    private UUID person(String personal, String family, String email, String gender, UUID airport, String github) {
        UUID id = UUID.randomUUID();
        commands.sendAndWait(new RegisterPerson(id, new PersonDetails(personal, null, family, null, email, gender,
                airport, github, null, null, null, "", "", "", true), Set.of(), Set.of()));
        return id;
    }

    private void task(String workshopSlug, UUID person, UUID role) {
        lookups.holder(UniqueKind.WORKSHOP_SLUG, workshopSlug)
                .ifPresent(w -> commands.sendAndWait(new AddTask(w, person, role)));
    }

    private void organisation(String domain, String fullname, String country) {
        UUID id = lookups.holder(UniqueKind.ORGANISATION_DOMAIN, domain).orElseGet(() -> {
            UUID created = UUID.randomUUID();
            commands.sendAndWait(new RegisterOrganisation(created, domain, fullname, country, ""));
            return created;
        });
        organisations.put(domain, id);
    }

    private void tag(String name, String details) {
        UUID id = lookups.holder(UniqueKind.TAG_NAME, name).orElseGet(() -> {
            UUID created = UUID.randomUUID();
            commands.sendAndWait(new CreateTag(created, name, details));
            return created;
        });
        tags.put(name, id);
    }

    private void workshop(String host, String administrator, LocalDate start, int days, String venue, String address,
                          Double latitude, Double longitude, Integer attendance, String country, List<String> tagNames,
                          boolean completed, InvoiceStatus invoice, String fee) {
        String slug = slug(start, host.substring(0, host.indexOf('.') > 0 ? host.indexOf('.') : host.length()));
        String url = "https://" + slug.substring(11) + "-carpentries.github.io/" + slug + "/";
        schedule(host, administrator, start, days, url, venue, address, latitude, longitude, attendance, country,
                tagNames, completed, invoice, fee, slug);
    }

    private UUID schedule(String host, String administrator, LocalDate start, int days, String url, String venue,
                          String address, Double latitude, Double longitude, Integer attendance, String country,
                          List<String> tagNames, boolean completed, InvoiceStatus invoice, String fee, String slug) {
        if (lookups.holder(UniqueKind.WORKSHOP_SLUG, slug).isPresent()) {
            return lookups.holder(UniqueKind.WORKSHOP_SLUG, slug).get();
        }
        UUID id = UUID.randomUUID();
        Set<UUID> tagIds = new HashSet<>();
        tagNames.forEach(t -> tagIds.add(tags.get(t)));
        WorkshopFields fields = new WorkshopFields(slug, organisations.get(host),
                administrator == null ? null : organisations.get(administrator), start, start.plusDays(days - 1L),
                url, null, attendance, fee == null ? null : new BigDecimal(fee), invoice, "", "team@" + host,
                country, venue, address, latitude, longitude, "", "", "", "", "", completed, null);
        commands.sendAndWait(new ScheduleWorkshop(id, fields, tagIds));
        return id;
    }

    private static String slug(LocalDate start, String place) {
        return start + "-" + place;
    }
}
