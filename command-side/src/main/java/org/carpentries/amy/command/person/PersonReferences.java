package org.carpentries.amy.command.person;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which other aggregates ever named a person, read from the event store itself (not from a read model, which may
 * lag): workshops that gave them a task, people who hold an award from them. These are candidates only; the merge
 * loads each aggregate and asks it for its current state.
 */
@Component
class PersonReferences {

    private static final String TASK_ADDED = "org.carpentries.amy.command.workshop.events.TaskAdded";
    private static final String BADGE_AWARDED = "org.carpentries.amy.command.person.events.BadgeAwarded";
    private final JdbcTemplate jdbc;

    PersonReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Workshops that ever added a task for the person. */
    List<UUID> workshopsWithTasks(UUID personId) {
        return ids(TASK_ADDED, "personId", personId);
    }

    /** People who were ever awarded a badge by the person. */
    List<UUID> awardedBy(UUID personId) {
        return ids(BADGE_AWARDED, "awardedBy", personId);
    }

    private List<UUID> ids(String payloadType, String field, UUID personId) {
        return jdbc.queryForList("""
                SELECT DISTINCT aggregate_identifier FROM domain_event_entry
                WHERE payload_type = ? AND convert_from(payload, 'UTF8')::jsonb ->> ? = ?
                ORDER BY aggregate_identifier""", String.class, payloadType, field, personId.toString())
                .stream().map(UUID::fromString).toList();
    }
}
