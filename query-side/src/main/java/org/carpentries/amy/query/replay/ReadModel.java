package org.carpentries.amy.query.replay;

import java.util.List;

/**
 * A read model that can be rebuilt from the event store. The live instance is an Axon event handler in processing
 * group {@link #name()}; {@link #writingTo(Tables)} gives a twin that writes the shadow tables.
 */
public interface ReadModel {

    /** The processing group, and the name admins use. */
    String name();

    /** Its live tables, in the order they are copied. */
    List<String> tables();

    /** A projection of the same code that writes {@code tables} instead; not registered with Axon. */
    Object writingTo(Tables tables);

    /**
     * Tables (of {@link #tables()}) the model only inserts into while it replays, never reading them nor updating
     * their rows: a rebuild drops their twins' non-unique indexes first and builds them once at the head (one sort
     * each instead of a B-tree insertion per row and index). A unique index stays, for {@code ON CONFLICT}.
     */
    default List<String> insertOnlyTables() {
        return List.of();
    }

    /** Called after a rebuild's tables replaced the live ones (committed): caches of the live tables are stale. */
    default void replaced() {
    }
}
