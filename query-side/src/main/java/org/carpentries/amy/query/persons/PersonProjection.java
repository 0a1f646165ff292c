package org.carpentries.amy.query.persons;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.carpentries.amy.command.PersonalDataVault;
import org.carpentries.amy.command.person.events.AwardRevoked;
import org.carpentries.amy.command.person.events.BadgeAwarded;
import org.carpentries.amy.command.person.events.PersonAirportChanged;
import org.carpentries.amy.command.person.events.PersonArchived;
import org.carpentries.amy.command.person.events.PersonContactPermissionChanged;
import org.carpentries.amy.command.person.events.PersonDomainAdded;
import org.carpentries.amy.command.person.events.PersonDomainRemoved;
import org.carpentries.amy.command.person.events.PersonEmailChanged;
import org.carpentries.amy.command.person.events.PersonErased;
import org.carpentries.amy.command.person.events.PersonMarkedNotDuplicate;
import org.carpentries.amy.command.person.events.PersonMergedInto;
import org.carpentries.amy.command.person.events.PersonGenderChanged;
import org.carpentries.amy.command.person.events.PersonNotesChanged;
import org.carpentries.amy.command.person.events.PersonOccupationChanged;
import org.carpentries.amy.command.person.events.PersonOnlineProfilesChanged;
import org.carpentries.amy.command.person.events.PersonQualificationWithdrawn;
import org.carpentries.amy.command.person.events.PersonQualified;
import org.carpentries.amy.command.person.events.PersonRegistered;
import org.carpentries.amy.command.person.events.PersonRenamed;
import org.carpentries.amy.command.person.events.PersonRestored;
import org.carpentries.amy.command.person.events.PersonUsernameChanged;
import org.carpentries.amy.command.person.events.PersonsMerged;
import org.carpentries.amy.command.person.events.Sealed;
import org.carpentries.amy.query.replay.ProjectionWrites;
import org.carpentries.amy.query.replay.ReadModel;
import org.carpentries.amy.query.replay.Tables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code person_view} and its lessons and domains; idempotent handlers; erasure blanks personal data. */
@Component
@ProcessingGroup(PersonProjection.NAME)
public class PersonProjection implements ReadModel {

    public static final String NAME = "persons";
    static final String PERSONAL_COLUMNS = "email = NULL, gender = NULL, airport_id = NULL, github = NULL, "
            + "twitter = NULL, url = NULL, orcid = NULL, occupation = NULL, affiliation = NULL, notes = NULL";
    private final JdbcTemplate jdbc;
    private final PersonalDataVault vault;
    private final Tables tables;
    private final ProjectionWrites writes;

    @Autowired
    public PersonProjection(JdbcTemplate jdbc, PersonalDataVault vault) {
        this(jdbc, vault, Tables.LIVE);
    }

    PersonProjection(JdbcTemplate jdbc, PersonalDataVault vault, Tables tables) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.tables = tables;
        this.writes = ProjectionWrites.of(jdbc, tables);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("person_view", "person_lesson_view", "person_domain_view", "person_award_view",
                "person_not_duplicate_view");
    }

    @Override
    public Object writingTo(Tables t) {
        return new PersonProjection(jdbc, vault, t);
    }

    @EventHandler
    void on(PersonRegistered e, @SequenceNumber long v, @Timestamp Instant at, TrackingToken token) {
        UUID p = e.personId();
        var open = opener(p);
        String airport = open.apply(e.airportId());
        writes.update("person_view", """
                INSERT INTO {person_view} (id, personal, middle, family, username, email, gender, airport_id, github,
                    twitter, url, orcid, occupation, affiliation, notes, may_contact, version, created_seq, created_at,
                    updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                p, e.personal(), e.middle(), e.family(), e.username(), open.apply(e.email()),
                open.apply(e.gender()), airport == null ? null : UUID.fromString(airport), open.apply(e.github()),
                open.apply(e.twitter()), open.apply(e.url()), open.apply(e.orcid()), open.apply(e.occupation()),
                open.apply(e.affiliation()), open.apply(e.notes()), e.mayContact(), v, token.position().orElse(0),
                ts(at), ts(at));
    }

    @EventHandler
    void on(PersonRenamed e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.personId(), v, at, "personal = ?, middle = ?, family = ?", e.personal(), e.middle(), e.family());
    }

    @EventHandler
    void on(PersonUsernameChanged e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.personId(), v, at, "username = ?", e.username());
    }

    @EventHandler
    void on(PersonEmailChanged e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.personId(), v, at, "email = ?", open(e.personId(), e.email()));
    }

    @EventHandler
    void on(PersonGenderChanged e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.personId(), v, at, "gender = ?", open(e.personId(), e.gender()));
    }

    @EventHandler
    void on(PersonAirportChanged e, @SequenceNumber long v, @Timestamp Instant at) {
        String airport = open(e.personId(), e.airportId());
        set(e.personId(), v, at, "airport_id = ?", airport == null ? null : UUID.fromString(airport));
    }

    @EventHandler
    void on(PersonOnlineProfilesChanged e, @SequenceNumber long v, @Timestamp Instant at) {
        var open = opener(e.personId());
        set(e.personId(), v, at, "github = ?, twitter = ?, url = ?, orcid = ?", open.apply(e.github()),
                open.apply(e.twitter()), open.apply(e.url()), open.apply(e.orcid()));
    }

    @EventHandler
    void on(PersonOccupationChanged e, @SequenceNumber long v, @Timestamp Instant at) {
        var open = opener(e.personId());
        set(e.personId(), v, at, "occupation = ?, affiliation = ?", open.apply(e.occupation()),
                open.apply(e.affiliation()));
    }

    @EventHandler
    void on(PersonNotesChanged e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.personId(), v, at, "notes = ?", open(e.personId(), e.notes()));
    }

    @EventHandler
    void on(PersonContactPermissionChanged e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.personId(), v, at, "may_contact = ?", e.mayContact());
    }

    @EventHandler
    void on(PersonQualified e, @SequenceNumber long v, @Timestamp Instant at) {
        writes.update("person_lesson_view", "INSERT INTO {person_lesson_view} (person_id, lesson_id) VALUES (?, ?) "
                + "ON CONFLICT DO NOTHING", e.personId(), e.lessonId());
        touch(e.personId(), v, at);
    }

    @EventHandler
    void on(PersonQualificationWithdrawn e, @SequenceNumber long v, @Timestamp Instant at) {
        writes.update("person_lesson_view", "DELETE FROM {person_lesson_view} WHERE person_id = ? AND lesson_id = ?",
                e.personId(), e.lessonId());
        touch(e.personId(), v, at);
    }

    @EventHandler
    void on(PersonDomainAdded e, @SequenceNumber long v, @Timestamp Instant at) {
        writes.update("person_domain_view", "INSERT INTO {person_domain_view} (person_id, domain_id) VALUES (?, ?) "
                + "ON CONFLICT DO NOTHING", e.personId(), e.domainId());
        touch(e.personId(), v, at);
    }

    @EventHandler
    void on(PersonDomainRemoved e, @SequenceNumber long v, @Timestamp Instant at) {
        writes.update("person_domain_view", "DELETE FROM {person_domain_view} WHERE person_id = ? AND domain_id = ?",
                e.personId(), e.domainId());
        touch(e.personId(), v, at);
    }

    @EventHandler
    void on(BadgeAwarded e, @SequenceNumber long v, @Timestamp Instant at) {
        writes.update("person_award_view", """
                INSERT INTO {person_award_view} (person_id, badge_id, awarded, workshop_id, awarded_by)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (person_id, badge_id) DO UPDATE SET awarded = excluded.awarded,
                    workshop_id = excluded.workshop_id, awarded_by = excluded.awarded_by""", e.personId(),
                e.badgeId(), java.sql.Date.valueOf(e.awarded()), e.workshopId(), e.awardedBy());
        touch(e.personId(), v, at);
    }

    @EventHandler
    void on(AwardRevoked e, @SequenceNumber long v, @Timestamp Instant at) {
        writes.update("person_award_view", "DELETE FROM {person_award_view} WHERE person_id = ? AND badge_id = ?",
                e.personId(), e.badgeId());
        touch(e.personId(), v, at);
    }

    @EventHandler
    void on(PersonMarkedNotDuplicate e, @SequenceNumber long v, @Timestamp Instant at) {
        writes.update("person_not_duplicate_view", "INSERT INTO {person_not_duplicate_view} "
                + "(person_id, other_person_id) VALUES (?, ?) "
                + "ON CONFLICT DO NOTHING", e.personId(), e.otherPersonId());
        touch(e.personId(), v, at);
    }

    @EventHandler
    void on(PersonArchived e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.personId(), v, at, "archived = ?", true);
    }

    @EventHandler
    void on(PersonsMerged e, @SequenceNumber long v, @Timestamp Instant at) {
        touch(e.personId(), v, at);
    }

    @EventHandler
    void on(PersonMergedInto e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.personId(), v, at, "archived = ?, merged_into = ?", true, e.survivorPersonId());
    }

    @EventHandler
    void on(PersonRestored e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.personId(), v, at, "archived = ?", false);
    }

    @EventHandler
    void on(PersonErased e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.personId(), v, at, PERSONAL_COLUMNS + ", erased = ?", true);
    }

    @ResetHandler
    void reset() {
        for (String table : tables()) {
            jdbc.update("DELETE FROM " + tables.of(table));
        }
    }

    /** The plain value while the person's key exists; null once erased. */
    private String open(UUID person, Sealed sealed) {
        return vault.unseal(person, sealed).orElse(null);
    }

    /** Opens several of one event's values with a single look-up of the person's key. */
    private java.util.function.Function<Sealed, String> opener(UUID person) {
        var read = vault.reader(person);
        return sealed -> read.apply(sealed).orElse(null);
    }

    private void touch(UUID id, long version, Instant at) {
        writes.update("person_view", "UPDATE {person_view} SET version = ?, updated_at = ? WHERE id = ?", version,
                ts(at), id);
    }

    private void set(UUID id, long version, Instant at, String assignments, Object... values) {
        Object[] args = new Object[values.length + 3];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = version;
        args[values.length + 1] = ts(at);
        args[values.length + 2] = id;
        writes.update("person_view", "UPDATE {person_view} SET " + assignments + ", version = ?, updated_at = ? "
                + "WHERE id = ?", args);
    }

    private static java.sql.Timestamp ts(Instant at) {
        return java.sql.Timestamp.from(at);
    }
}
