package org.carpentries.amy.command.workshop;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carpentries.amy.command.Checks;

/** AMY's event form rules, with Python's Unicode semantics where AMY relied on them. */
public final class WorkshopRules {

    private static final Pattern SLUG = Pattern.compile("[\\w-]+", Pattern.UNICODE_CHARACTER_CLASS);
    /** What Python's {@code int()} accepts among slug characters: an optional minus and Unicode digits. */
    private static final Pattern INTEGER = Pattern.compile("-?\\d+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern UUID_SHAPE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** AMY's REPO_REGEX, matched at the start only as Python's {@code re.match} does. */
    private static final Pattern REPOSITORY = Pattern.compile("https?://github\\.com/([^/]+)/([^/]+)/?");
    private static final Pattern SURVEY_LINK = Pattern.compile("(?i)(https?|ftps?)://[^\\s/?#]+[^\\s]*");
    private static final BigDecimal MAX_FEE = new BigDecimal("9999.99");

    private WorkshopRules() {
    }

    static Checks checkSlug(String slug, Checks checks) {
        if (slug == null) {
            return checks;
        }
        checks.maxLength(slug, 100, "slug");
        if (!SLUG.matcher(slug).matches()) {
            return checks.fail("slug", "slug-invalid-characters",
                    "Only alphanumeric characters and \"-\" are allowed.");
        }
        if (INTEGER.matcher(slug).matches()) {
            return checks.fail("slug", "slug-is-integer", "Slug must not be an integer-value.");
        }
        return checks.require(!UUID_SHAPE.matcher(slug).matches(), "slug", "slug-looks-like-id",
                "Slug must not look like a workshop id (a UUID).");
    }

    static Checks checkUrl(String url, Checks checks) {
        if (url == null) {
            return checks;
        }
        checks.maxLength(url, 100, "url");
        Matcher repository = REPOSITORY.matcher(url);
        if (repository.lookingAt()) {
            checks.fail("url", "url-is-repository", "This is a GitHub repository URL; use the workshop's website "
                    + "instead: https://" + repository.group(1) + ".github.io/" + repository.group(2) + "/");
        }
        return checks;
    }

    static BigDecimal checkAdminFee(BigDecimal fee, Checks checks) {
        if (fee == null) {
            return null;
        }
        if (fee.signum() < 0) {
            checks.fail("admin_fee", "admin-fee-negative", "The admin fee must not be negative.");
            return fee;
        }
        if (fee.stripTrailingZeros().scale() > 2 || fee.compareTo(MAX_FEE) > 0) {
            checks.fail("admin_fee", "admin-fee-invalid", "The admin fee has at most 4 digits and 2 decimals.");
            return fee;
        }
        return WorkshopFields.scaled(fee);
    }

    static Checks checkSurveyLink(String link, String field, Checks checks) {
        if (link.isEmpty()) {
            return checks;
        }
        return checks.maxLength(link, 200, field)
                .require(SURVEY_LINK.matcher(link).matches(), field, "url-invalid", "Enter a valid URL.");
    }
}
