package org.carpentries.amy.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.carpentries.amy.command.tag.events.TagCreated;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Fixtures;
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

    private static final BiPredicate<String, Class<?>> NOTHING = (model, type) -> false;
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

        assertThat(moves.move(assign(a, shared, b, shared), NOTHING)).isEmpty();
        assertThat(tokens(shared)).containsExactly(at);
        assertThat(tokens(a)).isEmpty();
        assertThat(tokens(b)).isEmpty();
        assertThat(tokens(other)).as("a processor that ran none of the models").hasSize(1);
        assertThat(jdbc.queryForList("SELECT processor FROM read_model_processor WHERE read_model IN (?, ?)",
                String.class, a, b)).containsExactly(shared, shared);

        // A second start with the same processors moves nothing.
        assertThat(moves.move(assign(a, shared, b, shared), NOTHING)).isEmpty();
        assertThat(tokens(shared)).containsExactly(at);

        // Each model back in a processor of its own takes the shared position with it.
        assertThat(moves.move(assign(a, a, b, b), NOTHING)).isEmpty();
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
        long created = tagCreated();
        position(a, GapAwareTrackingToken.newInstance(created - 1, Set.of()));
        position(b, GapAwareTrackingToken.newInstance(created + 12, Set.of(created + 10)));

        assertThat(moves.move(assign(a, shared, b, shared), (model, type) -> true)).containsExactly(a, b);
        assertThat(tokens(shared)).containsExactly(GapAwareTrackingToken.newInstance(created + 12,
                Set.of(created + 10)));
        assertThat(tokens(a)).isEmpty();
    }

    /** A new tag's position in the store: the event there is a TagCreated. */
    private long tagCreated() {
        api.post("/api/tags", Fixtures.tag("m" + UUID.randomUUID().toString().substring(0, 8)));
        return jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry WHERE payload_type = ?",
                Long.class, TagCreated.class.getName());
    }

    /** A model new to the code joins a processor with a position: it has none of the events before it. */
    @Test
    void aModelWithoutAPositionJoiningOneWithAPositionIsRebuiltWithIt() {
        position(a, GapAwareTrackingToken.newInstance(40, Set.of()));

        assertThat(moves.move(assign(a, shared, b, shared), NOTHING)).containsExactly(a, b);
        assertThat(tokens(shared)).containsExactly(GapAwareTrackingToken.newInstance(40, Set.of()));
    }

    /** On a new database no model has a position: the processor starts from the beginning of the store. */
    @Test
    void modelsWithoutPositionsLeaveTheSharedProcessorWithoutOne() {
        assertThat(moves.move(assign(a, shared, b, shared), NOTHING)).isEmpty();
        assertThat(tokens(shared)).isEmpty();
    }

    /**
     * A processor is not woken by events its models skip, so the tokens of models that will share one usually trail
     * each other by such events: those positions are one, and nothing is rebuilt. A model that would miss an event it
     * handles is rebuilt.
     */
    @Test
    void positionsThatDifferOnlyByEventsTheModelBehindSkipsAreOne() {
        long created = tagCreated();
        GapAwareTrackingToken before = GapAwareTrackingToken.newInstance(created - 1, Set.of());
        GapAwareTrackingToken after = GapAwareTrackingToken.newInstance(created, Set.of());
        position(a, before);
        position(b, after);

        assertThat(moves.move(assign(a, shared, b, shared), (model, type) -> model.equals(b))).isEmpty();
        assertThat(tokens(shared)).containsExactly(after);

        forget();
        position(a, before);
        position(b, after);
        assertThat(moves.move(assign(a, shared, b, shared),
                (model, type) -> model.equals(a) && type == TagCreated.class)).containsExactly(a, b);
        assertThat(tokens(shared)).containsExactly(after);
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
            List<TrackingToken> found = new ArrayList<>();
            for (int segment : segments) {
                found.add(tokenStore.fetchToken(processor, segment));
                tokenStore.releaseClaim(processor, segment);
            }
            return found;
        });
    }
}
