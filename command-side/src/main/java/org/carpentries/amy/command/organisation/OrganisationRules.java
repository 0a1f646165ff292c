package org.carpentries.amy.command.organisation;

import java.util.regex.Pattern;
import org.carpentries.amy.command.Checks;

/** AMY's host form rules. */
final class OrganisationRules {

    /** AMY rejected {@code [^\w\.-]+}, with Python's Unicode {@code \w}. */
    private static final Pattern DOMAIN_FORBIDDEN = Pattern.compile("[^\\w.-]", Pattern.UNICODE_CHARACTER_CLASS);

    private static final Pattern ID_SHAPE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private OrganisationRules() {
    }

    static Checks checkDomain(String domain, Checks checks) {
        if (domain == null || domain.isEmpty()) {
            return checks.fail("domain", "required", "An organisation needs a domain.");
        }
        return checks.maxLength(domain, 100, "domain")
                .require(!DOMAIN_FORBIDDEN.matcher(domain).find(), "domain", "domain-invalid",
                        "Please enter only the domain (such as \"math.esu.edu\") without a leading \"http://\" or a "
                                + "trailing \"/\".")
                .require(!ID_SHAPE.matcher(domain).matches(), "domain", "domain-looks-like-id",
                        "A domain must not look like an id (a UUID).");
    }

    static Checks checkFullname(String fullname, Checks checks) {
        if (fullname == null || fullname.isEmpty()) {
            return checks.fail("fullname", "required", "An organisation needs a full name.");
        }
        return checks.maxLength(fullname, 100, "fullname");
    }
}
