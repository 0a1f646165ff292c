package org.carpentries.amy.api.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.axonframework.eventhandling.DomainEventData;

/**
 * The JPA entity listener of the event table's entries (declared in META-INF/orm.xml): once an entry is persisted its
 * global index is known, so {@link EventCapture} can tell a write which positions to wait for without reading them
 * back from the table. Axon's entry keeps the index in a field without a getter; it is read as JPA reads it. The
 * entry's class is named, not imported: its compiled annotations name {@code javax.persistence} types that are not
 * on the class path, which javac would warn about.
 */
public class StoredPositions {

    private static final Class<?> ENTRY;
    private static final VarHandle GLOBAL_INDEX;

    static {
        try {
            ENTRY = Class.forName("org.axonframework.eventhandling.AbstractSequencedDomainEventEntry");
            GLOBAL_INDEX = MethodHandles.privateLookupIn(ENTRY, MethodHandles.lookup())
                    .findVarHandle(ENTRY, "globalIndex", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Called by the JPA provider after an event entry's insert. */
    public void stored(Object entry) {
        if (ENTRY.isInstance(entry) && entry instanceof DomainEventData<?> event) {
            long globalIndex = (long) GLOBAL_INDEX.get(entry);
            if (globalIndex > 0) {
                EventCapture.stored(event.getAggregateIdentifier(), event.getSequenceNumber(), globalIndex);
            }
        }
    }
}
