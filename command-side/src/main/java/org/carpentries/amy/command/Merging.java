package org.carpentries.amy.command;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.carpentries.amy.command.workshop.events.MergeChoice;

/** What workshop and person merges share: which fields may combine, and how text combines. */
public final class Merging {

    private Merging() {
    }

    /** Rejects {@code combine} on any component of {@code strategy} (a record of choices) not in {@code combinable}. */
    public static void checkCombinable(Record strategy, Set<String> combinable, String message) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        for (var component : strategy.getClass().getRecordComponents()) {
            Object choice;
            try {
                choice = component.getAccessor().invoke(strategy);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (choice == MergeChoice.COMBINE && !combinable.contains(component.getName())) {
                errors.add(new InvalidInput.FieldError(component.getName(), "merge-cannot-combine", message));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    /** A missing choice means A, as AMY's form defaulted. */
    public static MergeChoice choice(MergeChoice c) {
        return c == null ? MergeChoice.A : c;
    }

    /** AMY concatenated with nothing between, which garbled addresses; we join distinct non-empty parts by lines. */
    public static String text(MergeChoice c, String a, String b) {
        return switch (choice(c)) {
            case A -> a;
            case B -> b;
            case COMBINE -> {
                Set<String> parts = new LinkedHashSet<>();
                for (String part : List.of(a == null ? "" : a, b == null ? "" : b)) {
                    if (!part.isEmpty()) {
                        parts.add(part);
                    }
                }
                yield String.join("\n", parts);
            }
        };
    }
}
