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

    /** Called after a rebuild's tables replaced the live ones (committed): caches of the live tables are stale. */
    default void replaced() {
    }
}
