package org.carpentries.amy.query.audit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The ids an event names in its own fields (a task's person and role, a workshop's host): the records whose labels
 * the log may need while folding it, so a batch reads them with its own records in one query instead of one query
 * each.
 */
final class NamedIds {

    private static final ClassValue<List<Method>> UUID_ACCESSORS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            List<Method> accessors = new ArrayList<>();
            RecordComponent[] components = type.getRecordComponents();
            if (components != null) {
                for (RecordComponent c : components) {
                    if (c.getType() == UUID.class) {
                        accessors.add(c.getAccessor());
                    }
                }
            }
            return List.copyOf(accessors);
        }
    };

    private NamedIds() {
    }

    /** The non-null {@link UUID} components of {@code payload} when it is a record; none otherwise. */
    static List<UUID> in(Object payload) {
        List<Method> accessors = UUID_ACCESSORS.get(payload.getClass());
        if (accessors.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = new ArrayList<>(accessors.size());
        for (Method accessor : accessors) {
            try {
                if (accessor.invoke(payload) instanceof UUID id) {
                    ids.add(id);
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot read " + accessor + " of " + payload.getClass(), e);
            }
        }
        return ids;
    }
}
