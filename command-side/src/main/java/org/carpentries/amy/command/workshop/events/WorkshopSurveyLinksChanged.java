package org.carpentries.amy.command.workshop.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The workshop's survey links are now these. */
@Revision("1")
public record WorkshopSurveyLinksChanged(UUID workshopId, String learnersPre, String learnersPost, String instructorsPre,
                                         String instructorsPost, String learnersLongterm) implements WorkshopEvent {
}
