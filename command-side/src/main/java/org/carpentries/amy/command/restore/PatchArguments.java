package org.carpentries.amy.command.restore;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import org.carpentries.amy.command.Change;

/** Builds a patch back to old values: a field that differs becomes a change, and is listed among the arguments. */
final class PatchArguments {

    private PatchArguments() {
    }

    static <T> Change<T> change(String field, T now, T then, Map<String, Object> args) {
        return same(now, then) ? null : set(field, then, args);
    }

    static <T> Change<T> set(String field, T then, Map<String, Object> args) {
        args.put(field, then);
        return Change.to(then);
    }

    /** Equal values; amounts equal at any scale. */
    static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }
}
