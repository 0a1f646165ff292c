package org.carpentries.amy.command.workshop;

import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.carpentries.amy.command.RecordNotFound;
import org.carpentries.amy.command.lookup.Lookups;
import org.springframework.stereotype.Component;

/**
 * Merges two workshops in one unit of work: both aggregates are loaded (in id order, so two merges of the same
 * pair cannot deadlock), the plan is computed, and each side records its own events. Any failure rolls back both.
 */
@Component
class WorkshopMerger {

    private final Repository<Workshop> workshops;
    private final Lookups lookups;

    WorkshopMerger(Repository<Workshop> workshopRepository, Lookups lookups) {
        this.workshops = workshopRepository;
        this.lookups = lookups;
    }

    @CommandHandler
    MergeOutcome handle(MergeWorkshops cmd) {
        boolean aFirst = cmd.workshopA().compareTo(cmd.workshopB()) < 0;
        Aggregate<Workshop> first = load(aFirst ? cmd.workshopA() : cmd.workshopB());
        Aggregate<Workshop> second = load(aFirst ? cmd.workshopB() : cmd.workshopA());
        Aggregate<Workshop> a = aFirst ? first : second;
        Aggregate<Workshop> b = aFirst ? second : first;
        MergeOutcome outcome = WorkshopMergePlan.plan(a.invoke(Workshop::state), b.invoke(Workshop::state),
                cmd.strategy(), cmd.dryRun());
        if (cmd.dryRun()) {
            return outcome;
        }
        Aggregate<Workshop> survivor = outcome.survivorId().equals(cmd.workshopA()) ? a : b;
        Aggregate<Workshop> absorbed = survivor == a ? b : a;
        absorbed.execute(w -> {
            w.releaseUniqueValues(lookups);
            w.record(outcome.absorbedEvents());
        });
        survivor.execute(w -> {
            w.claimUniqueValues(outcome.fields(), lookups);
            w.record(outcome.survivorEvents());
        });
        return outcome;
    }

    private Aggregate<Workshop> load(UUID id) {
        try {
            return workshops.load(id.toString());
        } catch (AggregateNotFoundException e) {
            throw new RecordNotFound("workshop", id);
        }
    }
}
