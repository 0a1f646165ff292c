package org.carpentries.amy.api.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.axonframework.eventhandling.AbstractSequencedDomainEventEntry;

/**
 * The JPA entity listener of the event table's entries (declared in META-INF/orm.xml): once an entry is persisted its
 * global index is known, so {@link EventCapture} can tell a write which positions to wait for without reading them
 * back from the table. Axon's entry keeps the index in a field without a getter; it is read as JPA reads it.
 */
public class StoredPositions {

    private static final VarHandle GLOBAL_INDEX;

    static {
        try {
            GLOBAL_INDEX = MethodHandles.privateLookupIn(AbstractSequencedDomainEventEntry.class, MethodHandles.lookup())
                    .findVarHandle(AbstractSequencedDomainEventEntry.class, "globalIndex", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Called by the JPA provider after an event entry's insert. */
    public void stored(Object entry) {
        if (entry instanceof AbstractSequencedDomainEventEntry<?> event) {
            long globalIndex = (long) GLOBAL_INDEX.get(event);
            if (globalIndex > 0) {
                EventCapture.stored(event.getAggregateIdentifier(), event.getSequenceNumber(), globalIndex);
            }
        }
    }
}
