package org.carpentries.amy.command;

import java.util.regex.Pattern;

/**
 * Shape of the names of reference records (lessons, roles, knowledge domains, badges): required, bounded, free of
 * control characters, and never reading as an id, because the API accepts an id or a name in the same place.
 */
public final class ReferenceNames {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Zl}\\p{Zp}]");
    private static final Pattern ID_SHAPE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ReferenceNames() {
    }

    /**
     * Checks {@code name} for a record of {@code kind} (kebab-case, the prefix of its codes); {@code slashAllowed}
     * for names never used as a URL segment, such as {@code swc/git}.
     */
    public static Checks check(String name, String kind, int max, boolean slashAllowed, Checks checks) {
        if (name == null || name.isEmpty()) {
            return checks.fail("name", "required", "A name is required.");
        }
        checks.maxLength(name, max, "name");
        boolean clean = !CONTROL.matcher(name).find() && (slashAllowed || name.indexOf('/') < 0);
        String rule = slashAllowed ? "A name may not contain control characters."
                : "A name may not contain '/' or control characters.";
        return checks.require(clean, "name", kind + "-name-invalid", rule)
                .require(!looksLikeId(name), "name", kind + "-name-looks-like-id",
                        "A name must not look like an id (a UUID).");
    }

    public static boolean looksLikeId(String value) {
        return value != null && ID_SHAPE.matcher(value).matches();
    }
}
