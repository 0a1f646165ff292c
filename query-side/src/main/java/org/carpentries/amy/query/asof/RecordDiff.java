package org.carpentries.amy.query.asof;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carpentries.amy.query.history.RecordHistory;
import org.carpentries.amy.query.history.RecordState;
import org.springframework.stereotype.Component;

/**
 * The fields of one record that differ between two instants, with the field names and values its history shows
 * ({@link RecordState}); a record that did not exist yet at the first instant had no fields then.
 */
@Component
public class RecordDiff {

    private final RecordHistory history;

    public RecordDiff(RecordHistory history) {
        this.history = history;
    }

    /** Empty when the record did not exist at {@code to}. */
    public Optional<List<FieldDiff>> between(UUID id, Instant from, Instant to) {
        List<Map<String, Object>> states = from.isAfter(to) ? List.of() : history.fieldsAt(id, List.of(from, to));
        if (states.isEmpty() || states.get(1) == null) {
            return Optional.empty();
        }
        return Optional.of(Diffs.fields(states.get(0) == null ? Map.of() : states.get(0), states.get(1)));
    }
}
