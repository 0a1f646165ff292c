package org.carpentries.amy.command.workshop;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.carpentries.amy.command.Change;
import org.carpentries.amy.command.workshop.events.InvoiceStatus;

/** Some of a workshop's fields; a null {@link Change} leaves the field as it is. */
public record WorkshopPatch(Change<String> slug, Change<UUID> hostId, Change<UUID> administratorId,
                            Change<LocalDate> start, Change<LocalDate> end, Change<String> url,
                            Change<String> registrationKey, Change<Integer> attendance, Change<BigDecimal> adminFee,
                            Change<InvoiceStatus> invoiceStatus, Change<String> notes, Change<String> contact,
                            Change<String> country, Change<String> venue, Change<String> address,
                            Change<Double> latitude, Change<Double> longitude, Change<String> learnersPre,
                            Change<String> learnersPost, Change<String> instructorsPre,
                            Change<String> instructorsPost, Change<String> learnersLongterm,
                            Change<Boolean> completed, Change<UUID> assignedTo) {

    /** The fields after this patch; throws {@code InvalidInput} when the result breaks a rule. */
    public WorkshopFields applyTo(WorkshopFields f) {
        return new WorkshopFields(pick(slug, f.slug()), pick(hostId, f.hostId()),
                pick(administratorId, f.administratorId()), pick(start, f.start()), pick(end, f.end()),
                pick(url, f.url()), pick(registrationKey, f.registrationKey()), pick(attendance, f.attendance()),
                pick(adminFee, f.adminFee()), pick(invoiceStatus, f.invoiceStatus()), pick(notes, f.notes()),
                pick(contact, f.contact()), pick(country, f.country()), pick(venue, f.venue()),
                pick(address, f.address()), pick(latitude, f.latitude()), pick(longitude, f.longitude()),
                pick(learnersPre, f.learnersPre()), pick(learnersPost, f.learnersPost()),
                pick(instructorsPre, f.instructorsPre()), pick(instructorsPost, f.instructorsPost()),
                pick(learnersLongterm, f.learnersLongterm()),
                completed == null || completed.value() == null ? f.completed() : completed.value(),
                pick(assignedTo, f.assignedTo())).normalised();
    }

    private static <T> T pick(Change<T> change, T current) {
        return change == null ? current : change.value();
    }
}
