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
 * really one workshop entered twice, waiting to be merged. Dates are relative to today.
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
