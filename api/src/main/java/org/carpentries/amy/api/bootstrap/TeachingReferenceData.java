package org.carpentries.amy.api.bootstrap;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.carpentries.amy.api.web.RequestIds;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.badge.CreateBadge;
import org.carpentries.amy.command.knowledgedomain.CreateKnowledgeDomain;
import org.carpentries.amy.command.lesson.CreateLesson;
import org.carpentries.amy.command.lookup.Lookups;
import org.carpentries.amy.command.lookup.UniqueKind;
import org.carpentries.amy.command.role.CreateRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * AMY's teaching reference data at first start: the roles its rules name, its badges, the core lessons and the
 * knowledge domains, each created through its command so it is in history, and only when no record holds the name
 * yet. Skipped with {@code amy.seed=false}.
 */
@Component
@Order(1)
class TeachingReferenceData implements ApplicationRunner {

    static final String STEP = "teaching-reference-data-v1";

    /**
     * The roles AMY v1.5.2's code looks up by name. AMY had no seed migration for roles; {@code tutor} and
     * {@code debriefed} came only from its fake-data command, so they are not seeded.
     */
    static final List<String> ROLES = List.of("instructor", "learner", "helper", "host", "organizer");

    /**
     * Name, title, criteria. The first four from AMY's migrations 0064 and 0070; {@code member}, {@code creator} and
     * {@code organizer} came from production data, with the titles and criteria of AMY's fake-data command.
     */
    static final List<List<String>> BADGES = List.of(
            List.of("swc-instructor", "Software Carpentry Instructor",
                    "Teaching at Software Carpentry workshops or online"),
            List.of("dc-instructor", "Data Carpentry Instructor", "Teaching at Data Carpentry workshops or online"),
            List.of("maintainer", "Maintainer", "Maintainer of Software or Data Carpentry lesson"),
            List.of("trainer", "Trainer", "Teaching instructor training workshops"),
            List.of("member", "Member", "Software Carpentry Foundation member"),
            List.of("creator", "Creator", "Creating learning materials and other content"),
            List.of("organizer", "Organizer", "Organizing workshops and learning groups"));

    /** The reference's examples (swc/git, dc/sql, dc/spreadsheets) and the other core SWC and DC lessons. */
    static final List<String> LESSONS = List.of("swc/shell", "swc/git", "swc/python", "swc/r", "swc/sql",
            "dc/spreadsheets", "dc/openrefine", "dc/r", "dc/python", "dc/sql", "dc/cloud", "dc/shell");

    /** The fields of science the reference names (of AMY's 15), and the three AMY added later. */
    static final List<String> KNOWLEDGE_DOMAINS = List.of("Space sciences", "Physics",
            "Genetics, genomics, bioinformatics", "Library and information science", "Mathematics/statistics",
            "High performance computing", "Don't know yet");

    private static final Logger log = LoggerFactory.getLogger(TeachingReferenceData.class);
    private final CommandGateway commands;
    private final Lookups lookups;
    private final BootstrapSteps steps;
    private final boolean enabled;

    TeachingReferenceData(CommandGateway commands, Lookups lookups, BootstrapSteps steps,
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
            seed(UniqueKind.ROLE_NAME, ROLES, name -> new CreateRole(UUID.randomUUID(), name));
            for (List<String> badge : BADGES) {
                seed(UniqueKind.BADGE_NAME, List.of(badge.get(0)),
                        name -> new CreateBadge(UUID.randomUUID(), name, badge.get(1), badge.get(2)));
            }
            seed(UniqueKind.LESSON_NAME, LESSONS, name -> new CreateLesson(UUID.randomUUID(), name));
            seed(UniqueKind.KNOWLEDGE_DOMAIN_NAME, KNOWLEDGE_DOMAINS,
                    name -> new CreateKnowledgeDomain(UUID.randomUUID(), name));
        });
        steps.markDone(STEP);
        log.info("Created AMY's teaching reference data: {} roles, {} badges, {} lessons, {} knowledge domains",
                ROLES.size(), BADGES.size(), LESSONS.size(), KNOWLEDGE_DOMAINS.size());
    }

    private void seed(UniqueKind kind, List<String> names, Function<String, Object> command) {
        for (String name : names) {
            if (lookups.holder(kind, name).isPresent()) {
                continue;
            }
            try {
                commands.sendAndWait(command.apply(name));
            } catch (RuleViolation e) {
                // Another node seeded the same value a moment ago.
                log.debug("Seed skipped: {}", e.getMessage());
            }
        }
    }
}
