package org.carpentries.amy.api.asof;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.carpentries.amy.command.workshop.events.WorkshopNotesChanged;
import org.carpentries.amy.query.asof.StoredEvents;
import org.carpentries.amy.support.AmyIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The as-of cut is by timestamp, parsed: {@code time_stamp} is text, and {@code …:00Z} sorts after {@code …:00.500Z}
 * as text although it is earlier; commits can interleave, so a later global index can carry an earlier time.
 */
class StoredEventsIT extends AmyIT {

    @Autowired
    private StoredEvents events;

    @Test
    void theCutIsEveryEventAtOrBeforeTheInstantInStoreOrderWhateverItsPlaceInTheIndex() {
        // Notes of a workshop no projection knows: the projections' updates touch no row.
        UUID workshop = UUID.randomUUID();
        append(workshop, 0, "2016-04-06T19:05:00.500Z", "committed first, stamped later");
        append(workshop, 1, "2016-04-06T19:05:00Z", "committed second, stamped earlier");

        assertThat(notes(workshop, "2016-04-06T19:04:59.999999Z")).isEmpty();
        assertThat(notes(workshop, "2016-04-06T19:05:00Z")).containsExactly("committed second, stamped earlier");
        assertThat(notes(workshop, "2016-04-06T19:05:00.2Z")).containsExactly("committed second, stamped earlier");
        assertThat(notes(workshop, "2016-04-06T19:05:00.5Z")).containsExactly("committed first, stamped later",
                "committed second, stamped earlier");
    }

    private List<String> notes(UUID workshop, String asOf) {
        List<String> notes = new ArrayList<>();
        events.read(List.of(WorkshopNotesChanged.class), Instant.parse(asOf), e -> {
            if (e.payload() instanceof WorkshopNotesChanged n && n.workshopId().equals(workshop)) {
                notes.add(n.notes());
            }
        });
        return notes;
    }

    private void append(UUID workshop, long sequence, String timestamp, String notes) {
        jdbc.update("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, ?, 'Workshop', ?, ?, '1', ?, ?)""", UUID.randomUUID().toString(), workshop.toString(),
                sequence, timestamp, WorkshopNotesChanged.class.getName(),
                ("{\"workshopId\":\"" + workshop + "\",\"notes\":\"" + notes + "\"}").getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
    }
}
