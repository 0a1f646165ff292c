package org.carpentries.amy.command.workshop.events;

import java.math.BigDecimal;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The workshop's admin fee is now {@code adminFee} (null: not set). */
@Revision("1")
public record WorkshopAdminFeeChanged(UUID workshopId, BigDecimal adminFee) implements WorkshopEvent {
}
