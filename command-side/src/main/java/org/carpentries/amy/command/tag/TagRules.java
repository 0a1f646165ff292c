package org.carpentries.amy.command.tag;

import java.util.regex.Pattern;
import org.carpentries.amy.command.Checks;

/** Shape of a tag name: AMY allowed 40 characters; we also keep '/' and control characters out of URLs. */
final class TagRules {

    private static final Pattern FORBIDDEN = Pattern.compile("[/\\p{Cntrl}\\p{Zl}\\p{Zp}]");
    /** Tags are named by id or by name in URLs, so a name must not read as an id. */
    static final Pattern ID_SHAPE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private TagRules() {
    }

    static Checks checkName(String name, Checks checks) {
        if (name == null || name.isEmpty()) {
            return checks.fail("name", "required", "A tag needs a name.");
        }
        checks.maxLength(name, 40, "name");
        return checks.require(!FORBIDDEN.matcher(name).find(), "name", "tag-name-invalid",
                "A tag name may not contain '/' or control characters.")
                .require(!ID_SHAPE.matcher(name).matches(), "name", "tag-name-looks-like-id",
                        "A tag name must not look like an id (a UUID).");
    }
}
