package org.carpentries.amy.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.carpentries.amy.support.AmyIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A read model's position is its processor's token: when models change processors, their positions go with them
 * before the processors start (ReadModelMoves). The models and processors here are names of this test's own, which
 * no processor of the running application reads.
 */
class ReadModelMovesIT extends AmyIT {

    @Autowired
    ReadModelMoves moves;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    TransactionManager transactions;

    private final String prefix = "moves-" + UUID.randomUUID() + "-";
    private final String a = prefix + "a";
    private final String b = prefix + "b";
    private final String shared = prefix + "shared";

    @AfterEach
    void forget() {
        jdbc.update("DELETE FROM token_entry WHERE processor_name LIKE ?", prefix + "%");
        jdbc.update("DELETE FROM read_model_processor WHERE read_model LIKE ?", prefix + "%");
    }

    @Test
    void modelsFromProcessorsAtOnePositionTakeItToTheProcessorTheyShareAndBackAgain() {
        GapAwareTrackingToken at = GapAwareTrackingToken.newInstance(40, Set.of(37L));
        position(a, at);
        position(b, at);
        String other = prefix + "other";
        position(other, GapAwareTrackingToken.newInstance(2, Set.of()));

        assertThat(moves.move(assign(a, shared, b, shared))).isEmpty();
        assertThat(tokens(shared)).containsExactly(at);
        assertThat(tokens(a)).isEmpty();
        assertThat(tokens(b)).isEmpty();
        assertThat(tokens(other)).as("a processor that ran none of the models").hasSize(1);
        assertThat(jdbc.queryForList("SELECT processor FROM read_model_processor WHERE read_model IN (?, ?)",
                String.class, a, b)).containsExactly(shared, shared);

        // A second start with the same processors moves nothing.
        assertThat(moves.move(assign(a, shared, b, shared))).isEmpty();
        assertThat(tokens(shared)).containsExactly(at);

        // Each model back in a processor of its own takes the shared position with it.
        assertThat(moves.move(assign(a, a, b, b))).isEmpty();
        assertThat(tokens(a)).containsExactly(at);
        assertThat(tokens(b)).containsExactly(at);
        assertThat(tokens(shared)).isEmpty();
    }

    /**
     * Models at different positions cannot share one without some of them applying events twice or missing some:
     * the processor starts at the furthest and they are rebuilt from the store.
     */
    @Test
    void modelsAtDifferentPositionsAreRebuiltInTheProcessorTheyShare() {
        position(a, GapAwareTrackingToken.newInstance(40, Set.of()));
        position(b, GapAwareTrackingToken.newInstance(52, Set.of(50L)));

        assertThat(moves.move(assign(a, shared, b, shared))).containsExactly(a, b);
        assertThat(tokens(shared)).containsExactly(GapAwareTrackingToken.newInstance(52, Set.of(50L)));
        assertThat(tokens(a)).isEmpty();
    }

    /** A model new to the code joins a processor with a position: it has none of the events before it. */
    @Test
    void aModelWithoutAPositionJoiningOneWithAPositionIsRebuiltWithIt() {
        position(a, GapAwareTrackingToken.newInstance(40, Set.of()));

        assertThat(moves.move(assign(a, shared, b, shared))).containsExactly(a, b);
        assertThat(tokens(shared)).containsExactly(GapAwareTrackingToken.newInstance(40, Set.of()));
    }

    /** On a new database no model has a position: the processor starts from the beginning of the store. */
    @Test
    void modelsWithoutPositionsLeaveTheSharedProcessorWithoutOne() {
        assertThat(moves.move(assign(a, shared, b, shared))).isEmpty();
        assertThat(tokens(shared)).isEmpty();
    }

    private static Map<String, String> assign(String model1, String processor1, String model2, String processor2) {
        Map<String, String> assignment = new LinkedHashMap<>();
        assignment.put(model1, processor1);
        assignment.put(model2, processor2);
        return assignment;
    }

    private void position(String processor, TrackingToken token) {
        transactions.executeInTransaction(() -> tokenStore.initializeTokenSegments(processor, 1, token));
    }

    private List<TrackingToken> tokens(String processor) {
        return transactions.fetchInTransaction(() -> {
            int[] segments = tokenStore.fetchSegments(processor);
            List<TrackingToken> found = new java.util.ArrayList<>();
            for (int segment : segments) {
                found.add(tokenStore.fetchToken(processor, segment));
                tokenStore.releaseClaim(processor, segment);
            }
            return found;
        });
    }
}
