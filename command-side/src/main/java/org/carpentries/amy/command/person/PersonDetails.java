package org.carpentries.amy.command.person;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.carpentries.amy.command.Checks;

/**
 * A person's profile in plain text, as commands carry it. {@link #normalised()} applies AMY's rules: names and
 * email trimmed, email lower-cased, empty optional values null, a leading {@code @} dropped from Twitter handles,
 * gender one of U, M, F, O (default U), AMY's lengths and username pattern.
 */
public record PersonDetails(String personal, String middle, String family, String username, String email,
                            String gender, UUID airportId, String github, String twitter, String url, String orcid,
                            String occupation, String affiliation, String notes, boolean mayContact) {

    static final Set<String> GENDERS = Set.of("U", "M", "F", "O");

    public PersonDetails normalised() {
        String nPersonal = personal == null ? null : personal.strip();
        String nFamily = family == null ? null : family.strip();
        String nEmail = Checks.blankToNull(email);
        nEmail = nEmail == null ? null : nEmail.toLowerCase(Locale.ROOT);
        String nTwitter = Checks.blankToNull(twitter);
        if (nTwitter != null && nTwitter.startsWith("@")) {
            nTwitter = Checks.blankToNull(nTwitter.substring(1));
        }
        String nGender = Checks.blankToNull(gender);
        nGender = nGender == null ? "U" : nGender.toUpperCase(Locale.ROOT);
        PersonDetails n = new PersonDetails(nPersonal, Checks.blankToNull(middle), nFamily,
                Checks.blankToNull(username), nEmail, nGender, airportId, Checks.blankToNull(github), nTwitter,
                Checks.blankToNull(url), Checks.nullToEmpty(orcid), Checks.nullToEmpty(occupation),
                Checks.nullToEmpty(affiliation), notes == null ? "" : notes, mayContact);
        Checks checks = new Checks()
                .require(n.personal != null && !n.personal.isEmpty(), "personal", "required", "A person needs a "
                        + "personal name.")
                .require(n.family != null && !n.family.isEmpty(), "family", "required", "A person needs a family "
                        + "name.")
                .maxLength(n.personal, 100, "personal").maxLength(n.middle, 100, "middle")
                .maxLength(n.family, 100, "family").maxLength(n.username, 40, "username")
                .maxLength(n.email, 100, "email").maxLength(n.github, 40, "github").maxLength(n.twitter, 40, "twitter")
                .maxLength(n.url, 100, "url").maxLength(n.orcid, 100, "orcid").maxLength(n.occupation, 100, "occupation")
                .maxLength(n.affiliation, 100, "affiliation")
                .require(GENDERS.contains(n.gender), "gender", "gender-unknown", "Gender is U (undisclosed), M, F or O.")
                .require(n.username == null || Usernames.VALID.matcher(n.username).matches(), "username",
                        "username-invalid", "A username has only ASCII letters, digits, '_' and '-'.");
        checks.throwIfAny();
        return n;
    }
}
