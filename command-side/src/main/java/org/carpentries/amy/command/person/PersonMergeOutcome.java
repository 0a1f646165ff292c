package org.carpentries.amy.command.person;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.carpentries.amy.command.person.events.PersonEvent;
import org.carpentries.amy.command.workshop.events.WorkshopEvent;

/**
 * What a person merge does (or, for a dry run, would do): the survivor's resulting profile, awards, lessons, domains
 * and tasks; the items moved from the absorbed person, the duplicates a combine skipped (AMY v1.6 reported them
 * instead of failing), the survivor's own items unlinked because the other side was chosen, and the absorbed
 * person's items not carried over; awards the absorbed person gave, which keep naming them; warnings; and the
 * events recorded on each person and on each workshop whose tasks moved, in order.
 */
public record PersonMergeOutcome(UUID survivorId, UUID absorbedId, PersonDetails fields, List<Award> awards,
                                 List<UUID> lessonIds, List<UUID> domainIds, List<PersonTask> tasks, Items moved,
                                 Items skippedDuplicates, Items removed, Items dropped, List<GivenAward> awardsGiven,
                                 List<String> warnings, List<PersonEvent> survivorEvents,
                                 List<PersonEvent> absorbedEvents, List<WorkshopEvent> workshopEvents,
                                 boolean dryRun) {

    static final Comparator<Award> BY_BADGE = Comparator.comparing(Award::badgeId);
    static final Comparator<PersonTask> BY_WORKSHOP = Comparator.comparing(PersonTask::workshopId)
            .thenComparing(PersonTask::roleId);

    public PersonMergeOutcome {
        awards = awards.stream().sorted(BY_BADGE).toList();
        lessonIds = lessonIds.stream().sorted().toList();
        domainIds = domainIds.stream().sorted().toList();
        tasks = tasks.stream().sorted(BY_WORKSHOP).toList();
        awardsGiven = List.copyOf(awardsGiven);
        warnings = List.copyOf(warnings);
        survivorEvents = List.copyOf(survivorEvents);
        absorbedEvents = List.copyOf(absorbedEvents);
        workshopEvents = List.copyOf(workshopEvents);
    }

    /** Awards, lessons, domains and tasks of one kind of change, each sorted. */
    public record Items(List<Award> awards, List<UUID> lessonIds, List<UUID> domainIds, List<PersonTask> tasks) {

        public Items {
            awards = awards.stream().sorted(BY_BADGE).toList();
            lessonIds = lessonIds.stream().sorted().toList();
            domainIds = domainIds.stream().sorted().toList();
            tasks = tasks.stream().sorted(BY_WORKSHOP).toList();
        }

        public boolean isEmpty() {
            return awards.isEmpty() && lessonIds.isEmpty() && domainIds.isEmpty() && tasks.isEmpty();
        }
    }
}
