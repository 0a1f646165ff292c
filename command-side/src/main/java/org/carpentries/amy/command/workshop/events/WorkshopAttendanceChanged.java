package org.carpentries.amy.command.workshop.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The workshop's attendance is now {@code attendance} (null: not known). */
@Revision("1")
public record WorkshopAttendanceChanged(UUID workshopId, Integer attendance) implements WorkshopEvent {
}
