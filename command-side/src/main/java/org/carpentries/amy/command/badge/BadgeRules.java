package org.carpentries.amy.command.badge;

import java.util.regex.Pattern;
import org.carpentries.amy.command.Checks;
import org.carpentries.amy.command.ReferenceNames;

/** AMY's badge fields: name Char(40), unique and slug-like; title Char(40); criteria Char(100). */
final class BadgeRules {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");

    private BadgeRules() {
    }

    static Checks checkName(String name, Checks checks) {
        if (name == null) {
            return checks.fail("name", "required", "A badge needs a name.");
        }
        return checks.maxLength(name, 40, "name")
                .require(NAME.matcher(name).matches(), "name", "badge-name-invalid",
                        "A badge name has only lower-case letters, digits and '-', such as swc-instructor.")
                .require(!ReferenceNames.looksLikeId(name), "name", "badge-name-looks-like-id",
                        "A badge name must not look like an id (a UUID).");
    }

    static Checks checkTitle(String title, Checks checks) {
        if (title == null) {
            return checks.fail("title", "required", "A badge needs a title.");
        }
        return checks.maxLength(title, 40, "title");
    }

    static Checks checkCriteria(String criteria, Checks checks) {
        if (criteria == null) {
            return checks.fail("criteria", "required", "A badge needs its criteria.");
        }
        return checks.maxLength(criteria, 100, "criteria");
    }
}
