package org.carpentries.amy.api.store;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

/**
 * The aggregates of the latest commands, held by strong references up to a bound (the least recently used leaves
 * first), so a command on an aggregate this node used lately does not replay its snapshot and events. Axon's
 * {@code WeakReferenceCache}, used before, lost every entry at each garbage collection (docs/benchmarks.md).
 * <p>
 * An entry is answered only while the store holds no newer event of its aggregate than the entry's version: one
 * indexed read of the aggregate's last sequence number, so a write by another node on the same PostgreSQL is never
 * missed by a command here that decides without writing (the entry is dropped and the aggregate replayed). A unit
 * of work that rolls back evicts its aggregate (Axon's caching repository).
 */
final class BoundedAggregateCache implements Cache {

    /** The version an {@link AggregateCacheEntry} was cached at; Axon keeps it private. */
    private static final Field VERSION = versionField();

    private final int capacity;
    private final Function<String, Optional<Long>> lastSequenceNumber;
    private final Map<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param capacity           how many aggregates are held at most
     * @param lastSequenceNumber the store's last sequence number of an aggregate, empty when it has no events
     */
    BoundedAggregateCache(int capacity, Function<String, Optional<Long>> lastSequenceNumber) {
        if (capacity < 1) {
            throw new IllegalArgumentException("An aggregate cache holds at least one aggregate, not " + capacity);
        }
        this.capacity = capacity;
        this.lastSequenceNumber = lastSequenceNumber;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value;
        synchronized (entries) {
            value = entries.get(key);
        }
        if (value == null) {
            return null;
        }
        if (value instanceof AggregateCacheEntry<?> entry && !current(key, entry)) {
            synchronized (entries) {
                entries.remove(key, value);
            }
            listeners.forEach(l -> l.onEntryExpired(key));
            return null;
        }
        Object read = value;
        listeners.forEach(l -> l.onEntryRead(key, read));
        return (V) value;
    }

    private boolean current(Object key, AggregateCacheEntry<?> entry) {
        Long version;
        try {
            version = (Long) VERSION.get(entry);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Axon's cache entry hides its version", e);
        }
        return Objects.equals(Optional.ofNullable(version), lastSequenceNumber.apply(key.toString()));
    }

    @Override
    public void put(Object key, Object value) {
        Object previous;
        List<Object> evicted;
        synchronized (entries) {
            previous = entries.put(key, value);
            evicted = trim();
        }
        notifyPut(key, value, previous, evicted);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean[] added = {false};
        computeIfAbsent(key, () -> {
            added[0] = true;
            return value;
        });
        return added[0];
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T value;
        List<Object> evicted;
        synchronized (entries) {
            T present = (T) entries.get(key);
            if (present != null) {
                return present;
            }
            value = valueSupplier.get();
            entries.put(key, value);
            evicted = trim();
        }
        notifyPut(key, value, null, evicted);
        return value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Object previous;
        V value;
        synchronized (entries) {
            previous = entries.get(key);
            if (previous == null) {
                return;
            }
            value = update.apply((V) previous);
            if (value == null) {
                entries.remove(key);
            } else {
                entries.put(key, value);
            }
        }
        if (value == null) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        } else {
            listeners.forEach(l -> l.onEntryUpdated(key, value));
        }
    }

    @Override
    public boolean remove(Object key) {
        boolean removed;
        synchronized (entries) {
            removed = entries.remove(key) != null;
        }
        if (removed) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        List<Object> keys;
        synchronized (entries) {
            keys = List.copyOf(entries.keySet());
            entries.clear();
        }
        keys.forEach(key -> listeners.forEach(l -> l.onEntryRemoved(key)));
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** How many aggregates are held now. */
    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** Drops the least recently used entries past the capacity; answers their keys. Called holding the lock. */
    private List<Object> trim() {
        if (entries.size() <= capacity) {
            return List.of();
        }
        List<Object> evicted = new ArrayList<>(entries.size() - capacity);
        Iterator<Object> oldest = entries.keySet().iterator();
        while (entries.size() > capacity) {
            evicted.add(oldest.next());
            oldest.remove();
        }
        return evicted;
    }

    private void notifyPut(Object key, Object value, Object previous, List<Object> evicted) {
        if (listeners.isEmpty()) {
            return;
        }
        for (EntryListener listener : listeners) {
            if (previous == null) {
                listener.onEntryCreated(key, value);
            } else {
                listener.onEntryUpdated(key, value);
            }
            evicted.forEach(listener::onEntryExpired);
        }
    }

    private static Field versionField() {
        try {
            Field field = AggregateCacheEntry.class.getDeclaredField("version");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError("Axon's AggregateCacheEntry no longer has the field version: " + e);
        }
    }
}
