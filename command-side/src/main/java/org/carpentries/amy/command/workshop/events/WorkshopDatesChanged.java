package org.carpentries.amy.command.workshop.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The workshop now runs from {@code start} to {@code end} (either may be unknown). */
@Revision("1")
public record WorkshopDatesChanged(UUID workshopId, LocalDate start, LocalDate end) implements WorkshopEvent {
}
