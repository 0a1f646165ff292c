package org.carpentries.amy.command.tag;

import java.util.regex.Pattern;
import org.carpentries.amy.command.Checks;

/** Shape of a tag name: AMY allowed 40 characters; we also keep '/' and control characters out of URLs. */
final class TagRules {

    private static final Pattern FORBIDDEN = Pattern.compile("[/\\p{Cntrl}\\p{Zl}\\p{Zp}]");

    private TagRules() {
    }

    static Checks checkName(String name, Checks checks) {
        if (name == null || name.isEmpty()) {
            return checks.fail("name", "required", "A tag needs a name.");
        }
        checks.maxLength(name, 40, "name");
        return checks.require(!FORBIDDEN.matcher(name).find(), "name", "tag-name-invalid",
                "A tag name may not contain '/' or control characters.");
    }
}
