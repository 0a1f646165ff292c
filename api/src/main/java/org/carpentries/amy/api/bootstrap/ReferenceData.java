package org.carpentries.amy.api.bootstrap;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.carpentries.amy.api.web.RequestIds;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.lookup.Lookups;
import org.carpentries.amy.command.lookup.UniqueKind;
import org.carpentries.amy.command.organisation.RegisterOrganisation;
import org.carpentries.amy.command.tag.CreateTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * AMY's reference data at first start: the tags its migrations created (and SWC, DC, LC, TTT, which production
 * had), and the {@code self-organized} organisation. Skipped with {@code amy.seed=false}.
 */
@Component
@Order(1)
class ReferenceData implements ApplicationRunner {

    static final String STEP = "reference-data-v1";
    static final Map<String, String> TAGS = tags();
    private static final Logger log = LoggerFactory.getLogger(ReferenceData.class);
    private final CommandGateway commands;
    private final Lookups lookups;
    private final BootstrapSteps steps;
    private final boolean enabled;

    ReferenceData(CommandGateway commands, Lookups lookups, BootstrapSteps steps,
                  @Value("${amy.seed:true}") boolean enabled) {
        this.commands = commands;
        this.lookups = lookups;
        this.steps = steps;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || steps.done(STEP)) {
            return;
        }
        RequestIds.asJob("seed", () -> {
            TAGS.forEach((name, details) -> {
                if (lookups.holder(UniqueKind.TAG_NAME, name).isEmpty()) {
                    send(new CreateTag(UUID.randomUUID(), name, details));
                }
            });
            if (lookups.holder(UniqueKind.ORGANISATION_DOMAIN, "self-organized").isEmpty()) {
                send(new RegisterOrganisation(UUID.randomUUID(), "self-organized", "self-organized", "W3", ""));
            }
        });
        steps.markDone(STEP);
        log.info("Created AMY's reference data: {} tags and the self-organized organisation", TAGS.size());
    }

    private void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (RuleViolation e) {
            // Another node seeded the same value a moment ago.
            log.debug("Seed skipped: {}", e.getMessage());
        }
    }

    private static Map<String, String> tags() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("SWC", "Software Carpentry");
        t.put("DC", "Data Carpentry");
        t.put("LC", "Library Carpentry");
        t.put("TTT", "Train the Trainers (instructor training)");
        t.put("WiSE", "Women in Science and Engineering");
        t.put("online", "Events taking place entirely online");
        t.put("stalled", "Events with lost contact with the host or TTT events that aren't running");
        t.put("unresponsive", "Events whose hosts and/or organizers aren't going to send us attendance data");
        t.put("hackathon", "Event is a hackathon");
        return java.util.Collections.unmodifiableMap(t);
    }
}
