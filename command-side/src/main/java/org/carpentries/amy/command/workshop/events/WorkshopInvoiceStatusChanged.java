package org.carpentries.amy.command.workshop.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The workshop's invoice status is now {@code invoiceStatus}. */
@Revision("1")
public record WorkshopInvoiceStatusChanged(UUID workshopId, InvoiceStatus invoiceStatus) implements WorkshopEvent {
}
