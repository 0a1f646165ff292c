package org.carpentries.amy.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.carpentries.amy.command.tag.CreateTag;
import org.carpentries.amy.command.tag.EditTagDetails;
import org.carpentries.amy.support.AmyIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A command's events carry the global positions the store gave them as it persisted them (StoredPositions, declared
 * in META-INF/orm.xml), so a write waits for exactly those without reading them back from the event table.
 */
class StoredPositionsIT extends AmyIT {

    @Autowired
    CommandGateway commands;

    @Test
    void aCaptureKnowsThePositionsItsEventsWereStoredAt() {
        UUID tag = UUID.randomUUID();
        String name = "positions-" + tag.toString().substring(0, 8);

        EventCapture.Captured<Object> created = EventCapture.during(
                () -> commands.sendAndWait(new CreateTag(tag, name, "first")));

        assertThat(created.events()).hasSize(1);
        assertThat(created.positions()).contains(stored(tag));
    }

    @Test
    void anEnclosingCaptureKnowsThePositionsOfEveryCommandWithinIt() {
        UUID tag = UUID.randomUUID();
        String name = "nested-" + tag.toString().substring(0, 8);

        EventCapture.Captured<Object> outer = EventCapture.during(() -> {
            EventCapture.Captured<Object> inner = EventCapture.during(
                    () -> commands.sendAndWait(new CreateTag(tag, name, "first")));
            assertThat(inner.positions()).contains(stored(tag));
            return commands.sendAndWait(new EditTagDetails(tag, 0L, "second"));
        });

        List<Long> both = stored(tag);
        assertThat(both).hasSize(2);
        assertThat(outer.events()).hasSize(2);
        assertThat(outer.positions()).contains(both);
    }

    private List<Long> stored(UUID aggregate) {
        return jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY global_index", Long.class, aggregate.toString());
    }
}
