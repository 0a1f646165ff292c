package org.carpentries.amy.command.workshop.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A workshop now exists with these fields; its tags follow as {@link TagAssignedToWorkshop}. */
@Revision("1")
public record WorkshopScheduled(UUID workshopId, String slug, UUID hostId, UUID administratorId, LocalDate start,
                                LocalDate end, String url,
                                String registrationKey, Integer attendance, BigDecimal adminFee,
                                InvoiceStatus invoiceStatus, String notes, String contact, String country,
                                String venue, String address, Double latitude, Double longitude,
                                String learnersPre, String learnersPost, String instructorsPre,
                                String instructorsPost, String learnersLongterm, UUID assignedTo) implements WorkshopEvent {
}
