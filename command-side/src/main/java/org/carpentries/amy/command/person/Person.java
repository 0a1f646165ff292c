package org.carpentries.amy.command.person;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateVersion;
import org.axonframework.spring.stereotype.Aggregate;
import org.carpentries.amy.command.InvalidInput;
import org.carpentries.amy.command.RecordNotFound;
import org.carpentries.amy.command.PersonalDataVault;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.Metadata;
import org.carpentries.amy.command.login.Logins;
import org.carpentries.amy.command.lookup.Lookups;
import org.carpentries.amy.command.lookup.ReferenceKind;
import org.carpentries.amy.command.lookup.UniqueKind;
import org.carpentries.amy.command.person.events.AwardRevoked;
import org.carpentries.amy.command.person.events.BadgeAwarded;
import org.carpentries.amy.command.person.events.PersonAirportChanged;
import org.carpentries.amy.command.person.events.PersonArchived;
import org.carpentries.amy.command.person.events.PersonContactPermissionChanged;
import org.carpentries.amy.command.person.events.PersonDomainAdded;
import org.carpentries.amy.command.person.events.PersonDomainRemoved;
import org.carpentries.amy.command.person.events.PersonEmailChanged;
import org.carpentries.amy.command.person.events.PersonErased;
import org.carpentries.amy.command.person.events.PersonEvent;
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
import org.carpentries.amy.command.person.events.PersonLoginDisabled;
import org.carpentries.amy.command.person.events.PersonLoginEnabled;
import org.carpentries.amy.command.person.events.PersonPasswordResetIssued;
import org.carpentries.amy.command.person.events.PersonPasswordResetUsed;
import org.carpentries.amy.command.person.events.PersonPasswordSet;
import org.carpentries.amy.command.person.events.PersonRoleGranted;
import org.carpentries.amy.command.person.events.PersonRoleRevoked;
import org.carpentries.amy.command.person.events.LoginRole;
import org.carpentries.amy.command.person.events.Sealed;

/**
 * A person. The aggregate keeps personal values sealed, as the events carry them, and unseals them only to compare
 * an edit or to release what the person holds.
 */
@Aggregate(cache = "aggregateCache")
public class Person {

    @AggregateIdentifier
    private UUID personId;
    @AggregateVersion
    private Long version;
    private String personal;
    private String middle;
    private String family;
    private String username;
    private boolean mayContact;
    private Sealed email;
    private Sealed gender;
    private Sealed airportId;
    private Sealed github;
    private Sealed twitter;
    private Sealed url;
    private Sealed orcid;
    private Sealed occupation;
    private Sealed affiliation;
    private Sealed notes;
    private final Set<UUID> lessons = new HashSet<>();
    private final Set<UUID> domains = new HashSet<>();
    private final Map<UUID, Award> awards = new HashMap<>();
    private final Set<UUID> notDuplicates = new HashSet<>();
    private boolean archived;
    private boolean erased;
    private UUID mergedInto;
    private boolean loginEnabled;
    private final Set<LoginRole> roles = EnumSet.noneOf(LoginRole.class);

    protected Person() {
    }

    @CommandHandler
    Person(RegisterPerson cmd, Lookups lookups, PersonalDataVault vault) {
        UUID id = cmd.personId();
        PersonDetails d = cmd.details();
        checkReferences(null, d, lookups);
        checkAll(ReferenceKind.LESSON, "lessons", cmd.lessonIds(), lookups);
        checkAll(ReferenceKind.KNOWLEDGE_DOMAIN, "domains", cmd.domainIds(), lookups);
        String name = d.username() != null ? claimUsername(id, d.username(), lookups) : generateUsername(id, d, lookups);
        claimPersonal(id, null, d, lookups);
        vault.createKey(id);
        lookups.putReference(ReferenceKind.PERSON, id, name, false);
        apply(new PersonRegistered(id, d.personal(), d.middle(), d.family(), name, d.mayContact(),
                vault.seal(id, d.email()), vault.seal(id, d.gender()), vault.seal(id, text(d.airportId())),
                vault.seal(id, d.github()), vault.seal(id, d.twitter()), vault.seal(id, d.url()),
                vault.seal(id, d.orcid()), vault.seal(id, d.occupation()), vault.seal(id, d.affiliation()),
                vault.seal(id, d.notes())));
        new TreeSet<>(cmd.lessonIds()).forEach(l -> apply(new PersonQualified(id, l)));
        new TreeSet<>(cmd.domainIds()).forEach(k -> apply(new PersonDomainAdded(id, k)));
    }

    @CommandHandler
    void handle(EditPerson cmd, Lookups lookups, PersonalDataVault vault) {
        requireEditable();
        PersonDetails before = details(vault);
        PersonDetails after = cmd.patch().applyTo(before);
        checkReferences(before, after, lookups);
        if (cmd.patch().lessonIds() != null) {
            checkAll(ReferenceKind.LESSON, "lessons", cmd.patch().lessonIds(), lookups);
        }
        if (cmd.patch().domainIds() != null) {
            checkAll(ReferenceKind.KNOWLEDGE_DOMAIN, "domains", cmd.patch().domainIds(), lookups);
        }
        if (after.username() == null) {
            throw InvalidInput.of("username", "required", "A person keeps a username; choose another one instead.");
        }
        if (!after.username().equals(username)) {
            claimUsername(personId, after.username(), lookups);
            lookups.release(UniqueKind.PERSON_USERNAME, username, personId);
            lookups.putReference(ReferenceKind.PERSON, personId, after.username(), false);
            if (loginEnabled) {
                lookups.putReference(ReferenceKind.ACCOUNT, personId, after.username(), false);
            }
        }
        claimPersonal(personId, before, after, lookups);
        UUID id = personId;
        PersonChanges.between(id, before, after, value -> vault.seal(id, value)).forEach(e -> apply(e));
        if (cmd.patch().lessonIds() != null) {
            PersonChanges.lessons(id, lessons, cmd.patch().lessonIds()).forEach(e -> apply(e));
        }
        if (cmd.patch().domainIds() != null) {
            PersonChanges.domains(id, domains, cmd.patch().domainIds()).forEach(e -> apply(e));
        }
    }

    @CommandHandler
    void handle(AwardBadge cmd, Lookups lookups) {
        requireEditable();
        if (awards.containsKey(cmd.badgeId())) {
            throw new RuleViolation("award-exists", "The person already holds this badge; revoke it first to change "
                    + "the award.");
        }
        var badge = lookups.reference(ReferenceKind.BADGE, cmd.badgeId())
                .orElseThrow(() -> new RecordNotFound("badge", cmd.badgeId()));
        if (badge.retired()) {
            throw new RuleViolation("badge-retired", "Badge '" + badge.label() + "' is retired.");
        }
        if (cmd.workshopId() != null && !workshopExists(cmd.workshopId(), lookups)) {
            throw InvalidInput.of("workshop", "workshop-not-found", "No workshop " + cmd.workshopId() + ".");
        }
        if (cmd.awardedBy() != null && lookups.reference(ReferenceKind.PERSON, cmd.awardedBy()).isEmpty()) {
            throw InvalidInput.of("awarded_by", "person-not-found", "No person " + cmd.awardedBy() + ".");
        }
        apply(new BadgeAwarded(personId, cmd.badgeId(), cmd.awarded(), cmd.workshopId(), cmd.awardedBy()));
    }

    @CommandHandler
    void handle(RevokeAward cmd) {
        requireEditable();
        if (awards.containsKey(cmd.badgeId())) {
            apply(new AwardRevoked(personId, cmd.badgeId()));
        }
    }

    @CommandHandler
    void handle(MarkNotDuplicate cmd, Lookups lookups) {
        if (notDuplicates.contains(cmd.otherPersonId())) {
            return;
        }
        if (lookups.reference(ReferenceKind.PERSON, cmd.otherPersonId()).isEmpty()) {
            throw new RecordNotFound("person", cmd.otherPersonId());
        }
        apply(new PersonMarkedNotDuplicate(personId, cmd.otherPersonId()));
    }

    private static boolean workshopExists(UUID workshopId, Lookups lookups) {
        return lookups.reference(ReferenceKind.WORKSHOP, workshopId).isPresent();
    }

    @CommandHandler
    void handle(ArchivePerson cmd, Lookups lookups, PersonalDataVault vault, Logins logins) {
        if (archived) {
            return;
        }
        lookups.release(UniqueKind.PERSON_USERNAME, username, personId);
        if (!erased) {
            claimPersonal(personId, details(vault), null, lookups);
        }
        lookups.putReference(ReferenceKind.PERSON, personId, username, true);
        closeLogin(lookups, logins);
        apply(new PersonArchived(personId));
    }

    @CommandHandler
    void handle(RestorePerson cmd, Lookups lookups, PersonalDataVault vault) {
        if (!archived) {
            return;
        }
        if (mergedInto != null) {
            throw new RuleViolation("person-merged",
                    "This person was merged into " + mergedInto + "; they cannot be restored on their own.");
        }
        claimUsername(personId, username, lookups);
        if (!erased) {
            claimPersonal(personId, null, details(vault), lookups);
        }
        lookups.putReference(ReferenceKind.PERSON, personId, username, false);
        apply(new PersonRestored(personId));
    }

    @CommandHandler
    void handle(ErasePerson cmd, Lookups lookups, PersonalDataVault vault, Logins logins) {
        if (erased) {
            return;
        }
        closeLogin(lookups, logins);
        logins.delete(personId);
        if (!archived) {
            claimPersonal(personId, details(vault), null, lookups);
        }
        vault.erase(personId);
        apply(new PersonErased(personId));
    }

    @CommandHandler
    void handle(EnableLogin cmd, Lookups lookups, Logins logins) {
        requireEditable();
        if (loginEnabled) {
            return;
        }
        logins.enable(personId);
        lookups.putReference(ReferenceKind.ACCOUNT, personId, username, false);
        apply(new PersonLoginEnabled(personId));
    }

    @CommandHandler
    void handle(DisableLogin cmd, Lookups lookups, Logins logins, @MetaDataValue(Metadata.ACTOR) String actor) {
        requireNotSelf(actor, "disable their own login");
        closeLogin(lookups, logins);
    }

    @CommandHandler
    void handle(GrantRole cmd, Logins logins, @MetaDataValue(Metadata.ACTOR) String actor) {
        requireNotSelf(actor, "change their own roles");
        requireEditable();
        if (roles.contains(cmd.role())) {
            return;
        }
        Set<LoginRole> after = EnumSet.copyOf(roles);
        after.add(cmd.role());
        logins.setRoles(personId, after);
        apply(new PersonRoleGranted(personId, cmd.role()));
    }

    @CommandHandler
    void handle(RevokeRole cmd, Logins logins, @MetaDataValue(Metadata.ACTOR) String actor) {
        requireNotSelf(actor, "change their own roles");
        if (!roles.contains(cmd.role())) {
            return;
        }
        Set<LoginRole> after = EnumSet.copyOf(roles);
        after.remove(cmd.role());
        logins.setRoles(personId, after);
        apply(new PersonRoleRevoked(personId, cmd.role()));
    }

    @CommandHandler
    void handle(SetPassword cmd, Logins logins) {
        requireEditable();
        logins.setPassword(personId, requireHash(cmd.passwordHash()), Instant.now());
        apply(new PersonPasswordSet(personId));
    }

    @CommandHandler
    void handle(IssuePasswordReset cmd, Logins logins) {
        requireEditable();
        if (!loginEnabled) {
            throw new RuleViolation("login-disabled", "This person cannot log in; enable their login first.");
        }
        logins.issueReset(cmd.resetId(), personId, requireHash(cmd.tokenHash()), cmd.expiresAt());
        apply(new PersonPasswordResetIssued(personId, cmd.resetId(), cmd.expiresAt()));
    }

    @CommandHandler
    void handle(UsePasswordReset cmd, Logins logins) {
        if (!loginEnabled || erased || archived || !logins.useReset(cmd.resetId(), personId, cmd.at())) {
            throw new RuleViolation("reset-invalid", "This link is unknown, used or expired; ask an admin for a "
                    + "new one.");
        }
        logins.setPassword(personId, requireHash(cmd.passwordHash()), cmd.at());
        logins.endSessions(personId);
        apply(new PersonPasswordResetUsed(personId, cmd.resetId()));
        apply(new PersonPasswordSet(personId));
    }

    /** Disables the login if enabled: its sessions end and workshops can no longer be assigned to it. */
    private void closeLogin(Lookups lookups, Logins logins) {
        if (!loginEnabled) {
            return;
        }
        logins.disable(personId);
        lookups.putReference(ReferenceKind.ACCOUNT, personId, username, true);
        apply(new PersonLoginDisabled(personId));
    }

    private void requireNotSelf(String actor, String what) {
        if (personId.toString().equals(actor)) {
            throw new RuleViolation("own-access", "Nobody may " + what + "; ask another admin.");
        }
    }

    private static String requireHash(String hash) {
        if (hash == null || hash.isBlank()) {
            throw InvalidInput.of("password", "required", "A password is required.");
        }
        return hash;
    }

    /** The profile in plain text, awards, lessons and domains (no tasks): what a restore compares. */
    public PersonMergeState state(PersonalDataVault vault) {
        return mergeState(vault, List.of());
    }

    PersonMergeState mergeState(PersonalDataVault vault, java.util.Collection<PersonTask> tasks) {
        return new PersonMergeState(personId, details(vault), awards, lessons, domains, tasks, archived, erased);
    }

    /**
     * The merge took this person's username, email and handles away: frees them before the survivor claims any, and
     * disables their login.
     */
    void releaseForMerge(Lookups lookups, PersonalDataVault vault, Logins logins) {
        closeLogin(lookups, logins);
        lookups.release(UniqueKind.PERSON_USERNAME, username, personId);
        claimPersonal(personId, details(vault), null, lookups);
        lookups.putReference(ReferenceKind.PERSON, personId, username, true);
    }

    /** Claims the survivor's merged username, email and handles; the absorbed person has freed its own. */
    void claimForMerge(PersonDetails after, Lookups lookups, PersonalDataVault vault) {
        if (!after.username().equals(username)) {
            claimUsername(personId, after.username(), lookups);
            lookups.release(UniqueKind.PERSON_USERNAME, username, personId);
            lookups.putReference(ReferenceKind.PERSON, personId, after.username(), false);
            if (loginEnabled) {
                lookups.putReference(ReferenceKind.ACCOUNT, personId, after.username(), false);
            }
        }
        claimPersonal(personId, details(vault), after, lookups);
    }

    /** The badges this person holds from {@code giver}. */
    List<UUID> awardsGivenBy(UUID giver) {
        return awards.values().stream().filter(w -> giver.equals(w.awardedBy())).map(Award::badgeId).sorted()
                .toList();
    }

    /** Records a merge planned by {@link PersonMergePlan}, whose events all concern this person. */
    void record(List<PersonEvent> planned) {
        planned.forEach(e -> apply(e));
    }

    private void requireEditable() {
        if (erased) {
            throw new RuleViolation("person-erased", "This person's personal data was erased; the record is closed.");
        }
        if (archived) {
            throw new RuleViolation("person-archived", "Person " + personId + " is archived; restore them first.");
        }
    }

    /** The current profile in plain text. */
    private PersonDetails details(PersonalDataVault vault) {
        var read = vault.reader(personId);
        java.util.function.Function<Sealed, String> plain = sealed -> read.apply(sealed).orElse(null);
        String airport = plain.apply(airportId);
        return new PersonDetails(personal, middle, family, username, plain.apply(email), plain.apply(gender),
                airport == null ? null : UUID.fromString(airport), plain.apply(github), plain.apply(twitter),
                plain.apply(url), plain.apply(orcid), plain.apply(occupation), plain.apply(affiliation),
                plain.apply(notes), mayContact);
    }

    private static String text(UUID id) {
        return PersonChanges.text(id);
    }

    private static void checkReferences(PersonDetails before, PersonDetails after, Lookups lookups) {
        UUID airport = after.airportId();
        if (airport != null && (before == null || !airport.equals(before.airportId()))) {
            var found = lookups.reference(ReferenceKind.AIRPORT, airport);
            if (found.isEmpty() || found.get().retired()) {
                throw InvalidInput.of("airport", "airport-not-found", "No airport " + airport + ".");
            }
        }
    }

    private static void checkAll(ReferenceKind kind, String field, Set<UUID> ids, Lookups lookups) {
        for (UUID id : ids) {
            if (lookups.reference(kind, id).isEmpty()) {
                throw InvalidInput.of(field, field.substring(0, field.length() - 1) + "-not-found",
                        "No " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + id + ".");
            }
        }
    }

    private static String claimUsername(UUID id, String name, Lookups lookups) {
        if (!lookups.claim(UniqueKind.PERSON_USERNAME, name, id)) {
            throw new RuleViolation("username-taken", "Username '" + name + "' is taken.");
        }
        return name;
    }

    private static String generateUsername(UUID id, PersonDetails d, Lookups lookups) {
        return Usernames.first(d.personal(), d.family(), candidate -> lookups.claim(UniqueKind.PERSON_USERNAME,
                candidate, id)).orElseThrow(() -> new RuleViolation("username-exhausted",
                "No free username after 100 tries; choose one."));
    }

    /** Claims the unique personal values {@code after} holds and {@code before} did not; frees the others. */
    private static void claimPersonal(UUID id, PersonDetails before, PersonDetails after, Lookups lookups) {
        claimOne(UniqueKind.PERSON_EMAIL, "email", id, before == null ? null : before.email(),
                after == null ? null : after.email(), lookups);
        claimOne(UniqueKind.PERSON_GITHUB, "github", id, before == null ? null : before.github(),
                after == null ? null : after.github(), lookups);
        claimOne(UniqueKind.PERSON_TWITTER, "twitter", id, before == null ? null : before.twitter(),
                after == null ? null : after.twitter(), lookups);
    }

    private static void claimOne(UniqueKind kind, String field, UUID id, String before, String after,
                                 Lookups lookups) {
        String was = before == null ? null : Digests.of(field, before);
        String now = after == null ? null : Digests.of(field, after);
        if (Objects.equals(was, now)) {
            return;
        }
        if (now != null && !lookups.claim(kind, now, id)) {
            throw new RuleViolation(field + "-taken", "Another person already has this " + field + ".");
        }
        if (was != null) {
            lookups.release(kind, was, id);
        }
    }

    @EventSourcingHandler
    void on(PersonRegistered e) {
        personId = e.personId();
        personal = e.personal();
        middle = e.middle();
        family = e.family();
        username = e.username();
        mayContact = e.mayContact();
        email = e.email();
        gender = e.gender();
        airportId = e.airportId();
        github = e.github();
        twitter = e.twitter();
        url = e.url();
        orcid = e.orcid();
        occupation = e.occupation();
        affiliation = e.affiliation();
        notes = e.notes();
    }

    @EventSourcingHandler
    void on(PersonRenamed e) {
        personal = e.personal();
        middle = e.middle();
        family = e.family();
    }

    @EventSourcingHandler
    void on(PersonUsernameChanged e) {
        username = e.username();
    }

    @EventSourcingHandler
    void on(PersonEmailChanged e) {
        email = e.email();
    }

    @EventSourcingHandler
    void on(PersonGenderChanged e) {
        gender = e.gender();
    }

    @EventSourcingHandler
    void on(PersonAirportChanged e) {
        airportId = e.airportId();
    }

    @EventSourcingHandler
    void on(PersonOnlineProfilesChanged e) {
        github = e.github();
        twitter = e.twitter();
        url = e.url();
        orcid = e.orcid();
    }

    @EventSourcingHandler
    void on(PersonOccupationChanged e) {
        occupation = e.occupation();
        affiliation = e.affiliation();
    }

    @EventSourcingHandler
    void on(PersonNotesChanged e) {
        notes = e.notes();
    }

    @EventSourcingHandler
    void on(PersonContactPermissionChanged e) {
        mayContact = e.mayContact();
    }

    @EventSourcingHandler
    void on(PersonQualified e) {
        lessons.add(e.lessonId());
    }

    @EventSourcingHandler
    void on(PersonQualificationWithdrawn e) {
        lessons.remove(e.lessonId());
    }

    @EventSourcingHandler
    void on(PersonDomainAdded e) {
        domains.add(e.domainId());
    }

    @EventSourcingHandler
    void on(PersonDomainRemoved e) {
        domains.remove(e.domainId());
    }

    @EventSourcingHandler
    void on(BadgeAwarded e) {
        awards.put(e.badgeId(), new Award(e.badgeId(), e.awarded(), e.workshopId(), e.awardedBy()));
    }

    @EventSourcingHandler
    void on(AwardRevoked e) {
        awards.remove(e.badgeId());
    }

    @EventSourcingHandler
    void on(PersonMarkedNotDuplicate e) {
        notDuplicates.add(e.otherPersonId());
    }

    @EventSourcingHandler
    void on(PersonArchived e) {
        archived = true;
    }

    @EventSourcingHandler
    void on(PersonRestored e) {
        archived = false;
    }

    @EventSourcingHandler
    void on(PersonsMerged e) {
        // The merge's effects arrive as their own events.
    }

    @EventSourcingHandler
    void on(PersonMergedInto e) {
        archived = true;
        mergedInto = e.survivorPersonId();
    }

    @EventSourcingHandler
    void on(PersonLoginEnabled e) {
        loginEnabled = true;
    }

    @EventSourcingHandler
    void on(PersonLoginDisabled e) {
        loginEnabled = false;
    }

    @EventSourcingHandler
    void on(PersonRoleGranted e) {
        roles.add(e.role());
    }

    @EventSourcingHandler
    void on(PersonRoleRevoked e) {
        roles.remove(e.role());
    }

    @EventSourcingHandler
    void on(PersonErased e) {
        erased = true;
    }
}
