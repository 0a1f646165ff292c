package org.carpentries.amy.command.person;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.carpentries.amy.command.person.events.PersonAirportChanged;
import org.carpentries.amy.command.person.events.PersonContactPermissionChanged;
import org.carpentries.amy.command.person.events.PersonDomainAdded;
import org.carpentries.amy.command.person.events.PersonDomainRemoved;
import org.carpentries.amy.command.person.events.PersonEmailChanged;
import org.carpentries.amy.command.person.events.PersonEvent;
import org.carpentries.amy.command.person.events.PersonGenderChanged;
import org.carpentries.amy.command.person.events.PersonNotesChanged;
import org.carpentries.amy.command.person.events.PersonOccupationChanged;
import org.carpentries.amy.command.person.events.PersonOnlineProfilesChanged;
import org.carpentries.amy.command.person.events.PersonQualificationWithdrawn;
import org.carpentries.amy.command.person.events.PersonQualified;
import org.carpentries.amy.command.person.events.PersonRenamed;
import org.carpentries.amy.command.person.events.PersonUsernameChanged;
import org.carpentries.amy.command.person.events.Sealed;

/** The events that take a person from one profile (and set of lessons or domains) to another, in a fixed order. */
final class PersonChanges {

    private PersonChanges() {
    }

    /** {@code seal} seals a plain value under the person's key. */
    static List<PersonEvent> between(UUID id, PersonDetails before, PersonDetails after,
                                     Function<String, Sealed> seal) {
        List<PersonEvent> events = new ArrayList<>();
        if (!Objects.equals(before.personal(), after.personal()) || !Objects.equals(before.middle(), after.middle())
                || !Objects.equals(before.family(), after.family())) {
            events.add(new PersonRenamed(id, after.personal(), after.middle(), after.family()));
        }
        if (!Objects.equals(before.username(), after.username())) {
            events.add(new PersonUsernameChanged(id, after.username()));
        }
        if (!Objects.equals(before.email(), after.email())) {
            events.add(new PersonEmailChanged(id, seal.apply(after.email())));
        }
        if (!Objects.equals(before.gender(), after.gender())) {
            events.add(new PersonGenderChanged(id, seal.apply(after.gender())));
        }
        if (!Objects.equals(before.airportId(), after.airportId())) {
            events.add(new PersonAirportChanged(id, seal.apply(text(after.airportId()))));
        }
        if (!Objects.equals(before.github(), after.github()) || !Objects.equals(before.twitter(), after.twitter())
                || !Objects.equals(before.url(), after.url()) || !Objects.equals(before.orcid(), after.orcid())) {
            events.add(new PersonOnlineProfilesChanged(id, seal.apply(after.github()), seal.apply(after.twitter()),
                    seal.apply(after.url()), seal.apply(after.orcid())));
        }
        if (!Objects.equals(before.occupation(), after.occupation())
                || !Objects.equals(before.affiliation(), after.affiliation())) {
            events.add(new PersonOccupationChanged(id, seal.apply(after.occupation()),
                    seal.apply(after.affiliation())));
        }
        if (!Objects.equals(before.notes(), after.notes())) {
            events.add(new PersonNotesChanged(id, seal.apply(after.notes())));
        }
        if (before.mayContact() != after.mayContact()) {
            events.add(new PersonContactPermissionChanged(id, after.mayContact()));
        }
        return events;
    }

    static List<PersonEvent> lessons(UUID id, Set<UUID> before, Set<UUID> after) {
        return links(before, after, l -> new PersonQualificationWithdrawn(id, l), l -> new PersonQualified(id, l));
    }

    static List<PersonEvent> domains(UUID id, Set<UUID> before, Set<UUID> after) {
        return links(before, after, k -> new PersonDomainRemoved(id, k), k -> new PersonDomainAdded(id, k));
    }

    /** Removals first, then additions, each in id order. */
    private static List<PersonEvent> links(Set<UUID> before, Set<UUID> after, Function<UUID, PersonEvent> removed,
                                           Function<UUID, PersonEvent> added) {
        List<PersonEvent> events = new ArrayList<>();
        new TreeSet<>(before).stream().filter(x -> !after.contains(x)).forEach(x -> events.add(removed.apply(x)));
        new TreeSet<>(after).stream().filter(x -> !before.contains(x)).forEach(x -> events.add(added.apply(x)));
        return events;
    }

    static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
