package org.carpentries.amy.query.workshops;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A workshop as lists and details show it: every field, its tags by name, whether AMY would publish it, its timing
 * relative to today, and the data AMY would flag as missing.
 */
public record WorkshopView(UUID id, String slug, OrganisationRef host, OrganisationRef administrator, UUID assignedTo,
                           LocalDate start,
                           LocalDate end, String url, String registrationKey, Integer attendance, BigDecimal adminFee,
                           String invoiceStatus, String notes, String contact, String country, String venue,
                           String address, Double latitude, Double longitude, String learnersPre,
                           String learnersPost, String instructorsPre, String instructorsPost,
                           String learnersLongterm, boolean completed, boolean archived, UUID mergedInto,
                           List<TagRef> tags, boolean published, String timing, List<String> issues, long version,
                           Instant createdAt, Instant updatedAt) {

    /** An organisation as a workshop refers to it. */
    public record OrganisationRef(UUID id, String domain, String fullname) {
    }

    /** A tag as a workshop carries it. */
    public record TagRef(UUID id, String name, boolean retired) {
    }
}
