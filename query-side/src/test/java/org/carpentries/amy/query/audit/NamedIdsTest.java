package org.carpentries.amy.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.carpentries.amy.command.workshop.events.TaskAdded;
import org.carpentries.amy.command.workshop.events.WorkshopHostChanged;
import org.junit.jupiter.api.Test;

class NamedIdsTest {

    @Test
    void aTaskNamesItsWorkshopPersonAndRole() {
        UUID workshop = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        UUID role = UUID.randomUUID();

        assertThat(NamedIds.in(new TaskAdded(workshop, person, role))).containsExactly(workshop, person, role);
    }

    @Test
    void anAbsentIdIsLeftOut() {
        UUID workshop = UUID.randomUUID();

        assertThat(NamedIds.in(new WorkshopHostChanged(workshop, null))).containsExactly(workshop);
    }

    @Test
    void aPayloadThatIsNoRecordNamesNothing() {
        assertThat(NamedIds.in("not a record")).isEmpty();
        assertThat(NamedIds.in(UUID.randomUUID())).isEmpty();
    }
}
