package org.carpentries.amy.command.person;

import java.util.Set;
import java.util.UUID;
import org.carpentries.amy.command.Change;

/** Some of a person's fields, qualifications (lesson ids) and knowledge domains; null leaves a field as it is. */
public record PersonPatch(Change<String> personal, Change<String> middle, Change<String> family,
                          Change<String> username, Change<String> email, Change<String> gender,
                          Change<UUID> airportId, Change<String> github, Change<String> twitter, Change<String> url,
                          Change<String> orcid, Change<String> occupation, Change<String> affiliation,
                          Change<String> notes, Change<Boolean> mayContact, Set<UUID> lessonIds,
                          Set<UUID> domainIds) {

    PersonDetails applyTo(PersonDetails d) {
        return new PersonDetails(pick(personal, d.personal()), pick(middle, d.middle()), pick(family, d.family()),
                pick(username, d.username()), pick(email, d.email()), pick(gender, d.gender()),
                pick(airportId, d.airportId()), pick(github, d.github()), pick(twitter, d.twitter()),
                pick(url, d.url()), pick(orcid, d.orcid()), pick(occupation, d.occupation()),
                pick(affiliation, d.affiliation()), pick(notes, d.notes()),
                mayContact == null || mayContact.value() == null ? d.mayContact() : mayContact.value()).normalised();
    }

    private static <T> T pick(Change<T> change, T current) {
        return change == null ? current : change.value();
    }
}
