package org.carpentries.amy.command.person;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.carpentries.amy.command.PersonalDataVault;
import org.carpentries.amy.command.RecordNotFound;
import org.carpentries.amy.command.login.Logins;
import org.carpentries.amy.command.lookup.Lookups;
import org.carpentries.amy.command.workshop.Workshop;
import org.carpentries.amy.command.workshop.events.MergeChoice;
import org.carpentries.amy.command.workshop.events.WorkshopEvent;
import org.springframework.stereotype.Component;

/**
 * Merges two people in one unit of work: both are loaded (in id order, so two merges of the same pair cannot
 * deadlock), then every workshop that ever gave either of them a task; the plan is computed; the absorbed person
 * frees its unique values before the survivor claims any, and each aggregate records its own events. Any failure
 * rolls back all of them.
 */
@Component
class PersonMerger {

    private final Repository<Person> persons;
    private final Repository<Workshop> workshops;
    private final PersonReferences references;
    private final Lookups lookups;
    private final PersonalDataVault vault;
    private final Logins logins;

    PersonMerger(Repository<Person> personRepository, Repository<Workshop> workshopRepository,
                 PersonReferences references, Lookups lookups, PersonalDataVault vault, Logins logins) {
        this.logins = logins;
        this.persons = personRepository;
        this.workshops = workshopRepository;
        this.references = references;
        this.lookups = lookups;
        this.vault = vault;
    }

    @CommandHandler
    PersonMergeOutcome handle(MergePersons cmd) {
        boolean aFirst = cmd.personA().compareTo(cmd.personB()) < 0;
        Aggregate<Person> first = load(aFirst ? cmd.personA() : cmd.personB());
        Aggregate<Person> second = load(aFirst ? cmd.personB() : cmd.personA());
        Aggregate<Person> a = aFirst ? first : second;
        Aggregate<Person> b = aFirst ? second : first;
        Map<UUID, Aggregate<Workshop>> rosters = new LinkedHashMap<>();
        List<PersonTask> tasksA = new ArrayList<>();
        List<PersonTask> tasksB = new ArrayList<>();
        List<UUID> candidates = new ArrayList<>(references.workshopsWithTasks(cmd.personA()));
        references.workshopsWithTasks(cmd.personB()).stream().filter(w -> !candidates.contains(w))
                .forEach(candidates::add);
        candidates.sort(null);
        for (UUID workshopId : candidates) {
            Aggregate<Workshop> w = workshops.load(workshopId.toString());
            rosters.put(workshopId, w);
            w.invoke(x -> x.rolesOf(cmd.personA())).forEach(r -> tasksA.add(new PersonTask(workshopId, r)));
            w.invoke(x -> x.rolesOf(cmd.personB())).forEach(r -> tasksB.add(new PersonTask(workshopId, r)));
        }
        PersonMergeState stateA = a.invoke(p -> p.mergeState(vault, tasksA));
        PersonMergeState stateB = b.invoke(p -> p.mergeState(vault, tasksB));
        UUID survivorId = cmd.strategy().id() == MergeChoice.B
                ? cmd.personB() : cmd.personA();
        UUID absorbedId = survivorId.equals(cmd.personA()) ? cmd.personB() : cmd.personA();
        List<GivenAward> given = new ArrayList<>();
        for (UUID holder : references.awardedBy(absorbedId)) {
            if (holder.equals(absorbedId)) {
                continue;
            }
            load(holder).invoke(p -> p.awardsGivenBy(absorbedId)).forEach(badge -> given.add(
                    new GivenAward(holder, badge)));
        }
        PersonMergeOutcome outcome = PersonMergePlan.plan(stateA, stateB, cmd.strategy(),
                value -> vault.seal(survivorId, value), given, cmd.dryRun());
        if (cmd.dryRun()) {
            return outcome;
        }
        Aggregate<Person> survivor = survivorId.equals(cmd.personA()) ? a : b;
        Aggregate<Person> absorbed = survivor == a ? b : a;
        absorbed.execute(p -> {
            p.releaseForMerge(lookups, vault, logins);
            p.record(outcome.absorbedEvents());
        });
        survivor.execute(p -> {
            p.claimForMerge(outcome.fields(), lookups, vault);
            p.record(outcome.survivorEvents());
        });
        Map<UUID, List<WorkshopEvent>> perWorkshop = new LinkedHashMap<>();
        outcome.workshopEvents().forEach(e -> perWorkshop.computeIfAbsent(e.workshopId(), w -> new ArrayList<>())
                .add(e));
        perWorkshop.forEach((workshopId, events) -> rosters.get(workshopId)
                .execute(w -> w.recordTaskHandover(events, lookups)));
        return outcome;
    }

    private Aggregate<Person> load(UUID id) {
        try {
            return persons.load(id.toString());
        } catch (AggregateNotFoundException e) {
            throw new RecordNotFound("person", id);
        }
    }
}
