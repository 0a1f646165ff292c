package org.carpentries.amy.api.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries the read models' positions over when they change processors ({@link ReadModelProcessors}), before the
 * processors start. A read model's position is its processor's token, so a processor that a model moved into would
 * otherwise start from the beginning of the store and apply every event again to live tables, or start from a
 * position the model never had. Where the models were is in {@code read_model_processor} (a model without a row ran
 * in a processor named after it).
 *
 * <p>A processor whose models all come from processors at one position takes that position (positions that differ
 * only by events the models behind do not handle are one). When their positions differ (or one of them has none: a
 * model new to a processor that has one), the processor takes the furthest of theirs and its models are rebuilt from
 * the store: until then the ones that were behind show the events they missed no sooner than the rebuild does, and
 * nothing is lost. Tokens of processors that no longer run any model are deleted; tokens of other processors are left
 * alone.
 */
public class ReadModelMoves {

    private static final Logger log = LoggerFactory.getLogger(ReadModelMoves.class);
    /** Serialises concurrent start-ups of several nodes on one database. */
    private static final long LOCK = 0x616d795f6d6f7665L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final TokenStore tokenStore;
    private final Serializer serializer;

    public ReadModelMoves(JdbcTemplate jdbc, TransactionTemplate tx, TokenStore tokenStore, Serializer serializer) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.tokenStore = tokenStore;
        this.serializer = serializer;
    }

    /**
     * Moves the positions for {@code processorByModel} (every read model with the processor that will run it) and
     * answers the models to rebuild, in the order given. Models whose positions differ only by events that the ones
     * behind do not handle ({@code handles}: whether a model has a handler for a payload type) are at one position:
     * processors are not woken by the events they skip, so their tokens trail by those.
     */
    public List<String> move(Map<String, String> processorByModel, BiPredicate<String, Class<?>> handles) {
        List<String> rebuild = tx.execute(s -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)", Object.class, LOCK);
            Map<String, String> former = new HashMap<>();
            jdbc.query("SELECT read_model, processor FROM read_model_processor",
                    rs -> {
                        former.put(rs.getString(1), rs.getString(2));
                    });
            Map<String, List<String>> modelsByProcessor = new LinkedHashMap<>();
            processorByModel.forEach((model, processor) ->
                    modelsByProcessor.computeIfAbsent(processor, p -> new ArrayList<>()).add(model));
            List<String> toRebuild = new ArrayList<>();
            Set<String> left = new LinkedHashSet<>();
            // Several models may come from one processor (a shared one split up): each is read once.
            Map<String, TrackingToken> positions = new HashMap<>();
            Function<String, TrackingToken> positionOf = name -> positions.computeIfAbsent(name,
                    this::position);
            modelsByProcessor.forEach((processor, models) -> {
                List<String> from = models.stream().map(m -> former.getOrDefault(m, m)).toList();
                if (from.stream().allMatch(processor::equals)) {
                    return;
                }
                from.stream().filter(f -> !processorByModel.containsValue(f)).forEach(left::add);
                TrackingToken own = positionOf.apply(processor);
                Map<String, TrackingToken> at = new LinkedHashMap<>();
                for (int i = 0; i < models.size(); i++) {
                    at.put(models.get(i), positionOf.apply(from.get(i)));
                }
                if (at.values().stream().allMatch(Objects::isNull)) {
                    // None of them has a position: a new database, or models new to the code; they start together.
                    return;
                }
                boolean same = !at.containsValue(null) && (own == null || from.contains(processor));
                TrackingToken furthest = at.values().stream().filter(Objects::nonNull)
                        .reduce(TrackingToken::upperBound).orElseThrow();
                same = same && at.entrySet().stream().allMatch(model -> model.getValue().equals(furthest)
                        || !handlesAnyBetween(handles, model.getKey(), model.getValue(), furthest));
                if (own == null || !own.equals(furthest)) {
                    // Rows without a token (claimed, nothing handled yet) would refuse the new ones.
                    jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", processor);
                    tokenStore.initializeTokenSegments(processor, 1, furthest);
                }
                if (same) {
                    log.info("Read models {} now run in processor {}, at their position {}", models, processor,
                            furthest);
                } else {
                    log.warn("Read models {} now run in processor {}, and their positions differed ({}): they are "
                            + "rebuilt from the store", models, processor, at);
                    toRebuild.addAll(models);
                }
            });
            for (String processor : left) {
                jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", processor);
            }
            processorByModel.forEach((model, processor) -> jdbc.update("""
                    INSERT INTO read_model_processor (read_model, processor) VALUES (?, ?)
                    ON CONFLICT (read_model) DO UPDATE SET processor = excluded.processor
                    WHERE read_model_processor.processor <> excluded.processor""", model, processor));
            return toRebuild;
        });
        return rebuild == null ? List.of() : rebuild;
    }

    /**
     * Whether the model handles an event that {@code furthest} covers and {@code at} may not: any stored between the
     * lowest position {@code at} has not seen and the furthest one. A payload type that is no class here (an older
     * name an upcaster renames) counts as handled.
     */
    private boolean handlesAnyBetween(BiPredicate<String, Class<?>> handles, String model, TrackingToken at,
                                      TrackingToken furthest) {
        long after = at.position().orElse(-1);
        if (at instanceof GapAwareTrackingToken gapAware && !gapAware.getGaps().isEmpty()) {
            after = gapAware.getGaps().first() - 1;
        }
        long upTo = furthest.position().orElse(Long.MAX_VALUE);
        List<String> types = jdbc.queryForList("SELECT DISTINCT payload_type FROM domain_event_entry "
                + "WHERE global_index > ? AND global_index <= ?", String.class, after, upTo);
        for (String type : types) {
            Class<?> payload;
            try {
                payload = Class.forName(type, false, ReadModelMoves.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                return true;
            }
            if (handles.test(model, payload)) {
                return true;
            }
        }
        return false;
    }

    /** The processor's position: the lowest of its segments' tokens; null when it has none. */
    private TrackingToken position(String processor) {
        List<TrackingToken> tokens = new ArrayList<>();
        jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ? ORDER BY segment", rs -> {
            byte[] data = rs.getBytes(1);
            tokens.add(data == null ? null : serializer.deserialize(
                    new SimpleSerializedObject<>(data, byte[].class, rs.getString(2), null)));
        }, processor);
        if (tokens.isEmpty() || tokens.contains(null)) {
            return null;
        }
        return tokens.stream().reduce(TrackingToken::lowerBound).orElseThrow();
    }
}
