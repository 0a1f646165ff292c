package org.carpentries.amy.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.carpentries.amy.command.person.events.PersonAirportChanged;
import org.carpentries.amy.command.person.events.Sealed;
import org.carpentries.amy.command.workshop.events.WorkshopAdminFeeChanged;
import org.carpentries.amy.command.workshop.events.WorkshopDatesChanged;
import org.junit.jupiter.api.Test;

class RecordStateTest {

    private static final UUID W = UUID.fromString("00000000-0000-0000-0000-000000000001");

    /** A state read back from JSON: dates as text, decimals of another type. */
    private static RecordState readBack() {
        return new RecordState(UUID::toString, sealed -> RecordState.ERASED, Map.of("start", "2016-05-06", "end",
                "2016-05-07", "admin_fee", 150.0));
    }

    @Test
    void valuesEqualAsJsonAreNoChange() {
        RecordState state = readBack();
        assertThat(state.apply(new WorkshopDatesChanged(W, LocalDate.parse("2016-05-06"),
                LocalDate.parse("2016-05-07")))).isEmpty();
        assertThat(state.apply(new WorkshopAdminFeeChanged(W, new BigDecimal("150.00")))).isEmpty();
    }

    @Test
    void aContinuedStateReportsOldValuesFromWhereItWasKept() {
        RecordState state = readBack();
        assertThat(state.apply(new WorkshopDatesChanged(W, LocalDate.parse("2016-05-06"),
                LocalDate.parse("2016-05-08")))).containsExactly(new HistoryEntry.FieldChange("end", "2016-05-07",
                LocalDate.parse("2016-05-08")));
    }

    @Test
    void aSealedValueThatIsNoIdStaysAsItIs() {
        RecordState state = new RecordState(id -> "AMS", sealed -> "kept:" + sealed.value());
        assertThat(state.apply(new PersonAirportChanged(W, Sealed.of("v1:abc"))))
                .containsExactly(new HistoryEntry.FieldChange("airport", null, "kept:v1:abc"));
        RecordState opened = new RecordState(id -> "AMS", sealed -> W.toString());
        assertThat(opened.apply(new PersonAirportChanged(W, Sealed.of("v1:abc"))))
                .containsExactly(new HistoryEntry.FieldChange("airport", null, "AMS"));
    }
}
