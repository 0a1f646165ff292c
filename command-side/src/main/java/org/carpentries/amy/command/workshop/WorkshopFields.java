package org.carpentries.amy.command.workshop;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.carpentries.amy.command.Checks;
import org.carpentries.amy.command.Countries;
import org.carpentries.amy.command.workshop.events.InvoiceStatus;

/**
 * Every scalar field of a workshop. {@link #normalised()} applies AMY's form rules; commands hold only
 * normalised fields, while history is replayed as it was recorded.
 */
public record WorkshopFields(String slug, UUID hostId, UUID administratorId, LocalDate start, LocalDate end,
                             String url, String registrationKey, Integer attendance, BigDecimal adminFee,
                             InvoiceStatus invoiceStatus, String notes, String contact, String country,
                             String venue, String address, Double latitude, Double longitude, String learnersPre,
                             String learnersPost, String instructorsPre, String instructorsPost,
                             String learnersLongterm, boolean completed, UUID assignedTo) {

    public static final String ONLINE_PLACE = "Internet";
    /** The Oceanic Pole of Inaccessibility, where AMY put online workshops. */
    public static final double ONLINE_LATITUDE = -48.876667;
    public static final double ONLINE_LONGITUDE = -123.393333;

    /** Fills defaults only: replaying history must never fail on a rule introduced later. */
    public WorkshopFields {
        invoiceStatus = invoiceStatus == null ? InvoiceStatus.UNKNOWN : invoiceStatus;
        notes = notes == null ? "" : notes;
        contact = contact == null ? "" : contact;
        venue = venue == null ? "" : venue;
        address = address == null ? "" : address;
        learnersPre = learnersPre == null ? "" : learnersPre;
        learnersPost = learnersPost == null ? "" : learnersPost;
        instructorsPre = instructorsPre == null ? "" : instructorsPre;
        instructorsPost = instructorsPost == null ? "" : instructorsPost;
        learnersLongterm = learnersLongterm == null ? "" : learnersLongterm;
    }

    /**
     * These fields trimmed and normalised as AMY saved them (empty unique fields become null, country {@code W3}
     * forces the online location); throws {@code InvalidInput} listing every broken form rule.
     */
    public WorkshopFields normalised() {
        String nSlug = Checks.blankToNull(slug);
        String nUrl = Checks.blankToNull(url);
        String nKey = Checks.blankToNull(registrationKey);
        String nCountry = Countries.normalise(country);
        String nVenue = venue.strip();
        String nAddress = address.strip();
        Double nLatitude = latitude;
        Double nLongitude = longitude;
        if (Countries.ONLINE.equals(nCountry)) {
            nVenue = ONLINE_PLACE;
            nAddress = ONLINE_PLACE;
            nLatitude = ONLINE_LATITUDE;
            nLongitude = ONLINE_LONGITUDE;
        }
        Double lat = nLatitude;
        Double lng = nLongitude;
        Checks checks = new Checks();
        WorkshopRules.checkSlug(nSlug, checks);
        WorkshopRules.checkUrl(nUrl, checks);
        checks.require(hostId != null, "host", "required", "A workshop needs a host organisation.")
                .maxLength(nKey, 20, "registration_key")
                .require(attendance == null || attendance >= 0, "attendance", "attendance-negative",
                        "Attendance must not be negative.")
                .require(start == null || end == null || !end.isBefore(start), "end", "end-before-start",
                        "Must not be earlier than start date.")
                .maxLength(contact.strip(), 255, "contact")
                .maxLength(nVenue, 255, "venue")
                .maxLength(nAddress, 255, "address")
                .require(lat == null || (Double.isFinite(lat) && Math.abs(lat) <= 90), "latitude",
                        "latitude-out-of-range", "Latitude must be between -90 and 90.")
                .require(lng == null || (Double.isFinite(lng) && Math.abs(lng) <= 180), "longitude",
                        "longitude-out-of-range", "Longitude must be between -180 and 180.");
        Countries.check(nCountry, "country", checks);
        BigDecimal nFee = WorkshopRules.checkAdminFee(adminFee, checks);
        WorkshopRules.checkSurveyLink(learnersPre.strip(), "learners_pre", checks);
        WorkshopRules.checkSurveyLink(learnersPost.strip(), "learners_post", checks);
        WorkshopRules.checkSurveyLink(instructorsPre.strip(), "instructors_pre", checks);
        WorkshopRules.checkSurveyLink(instructorsPost.strip(), "instructors_post", checks);
        WorkshopRules.checkSurveyLink(learnersLongterm.strip(), "learners_longterm", checks);
        checks.throwIfAny();
        return new WorkshopFields(nSlug, hostId, administratorId, start, end, nUrl, nKey, attendance, nFee,
                invoiceStatus, notes, contact.strip(), nCountry, nVenue, nAddress, nLatitude, nLongitude,
                learnersPre.strip(), learnersPost.strip(), instructorsPre.strip(), instructorsPost.strip(),
                learnersLongterm.strip(), completed, assignedTo);
    }

    /**
     * The fields as the API shows them (snake_case names), referenced organisations and the assignee as the given
     * functions name them: what merge results and restore diffs show.
     */
    public Map<String, Object> shown(Function<UUID, ?> organisation,
                                                Function<UUID, ?> account) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slug", slug);
        m.put("host", hostId == null ? null : organisation.apply(hostId));
        m.put("administrator", administratorId == null ? null : organisation.apply(administratorId));
        m.put("start", start);
        m.put("end", end);
        m.put("url", url);
        m.put("registration_key", registrationKey);
        m.put("attendance", attendance);
        m.put("admin_fee", adminFee);
        m.put("invoice_status", invoiceStatus.code());
        m.put("notes", notes);
        m.put("contact", contact);
        m.put("country", country);
        m.put("venue", venue);
        m.put("address", address);
        m.put("latitude", latitude);
        m.put("longitude", longitude);
        m.put("learners_pre", learnersPre);
        m.put("learners_post", learnersPost);
        m.put("instructors_pre", instructorsPre);
        m.put("instructors_post", instructorsPost);
        m.put("learners_longterm", learnersLongterm);
        m.put("completed", completed);
        m.put("assigned_to", assignedTo == null ? null : account.apply(assignedTo));
        return m;
    }

    /** A minimal workshop: a host and nothing else, as AMY's form allowed. */
    public static WorkshopFields hostedBy(UUID hostId) {
        return new WorkshopFields(null, hostId, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, false, null);
    }

    WorkshopFields withSlug(String value) {
        return new WorkshopFields(value, hostId, administratorId, start, end, url, registrationKey, attendance,
                adminFee, invoiceStatus, notes, contact, country, venue, address, latitude, longitude, learnersPre,
                learnersPost, instructorsPre, instructorsPost, learnersLongterm, completed, assignedTo);
    }

    WorkshopFields withUrl(String value) {
        return new WorkshopFields(slug, hostId, administratorId, start, end, value, registrationKey, attendance,
                adminFee, invoiceStatus, notes, contact, country, venue, address, latitude, longitude, learnersPre,
                learnersPost, instructorsPre, instructorsPost, learnersLongterm, completed, assignedTo);
    }

    WorkshopFields withHost(UUID value) {
        return new WorkshopFields(slug, value, administratorId, start, end, url, registrationKey, attendance,
                adminFee, invoiceStatus, notes, contact, country, venue, address, latitude, longitude, learnersPre,
                learnersPost, instructorsPre, instructorsPost, learnersLongterm, completed, assignedTo);
    }

    WorkshopFields withAdministrator(UUID value) {
        return new WorkshopFields(slug, hostId, value, start, end, url, registrationKey, attendance,
                adminFee, invoiceStatus, notes, contact, country, venue, address, latitude, longitude, learnersPre,
                learnersPost, instructorsPre, instructorsPost, learnersLongterm, completed, assignedTo);
    }

    WorkshopFields withDates(LocalDate newStart, LocalDate newEnd) {
        return new WorkshopFields(slug, hostId, administratorId, newStart, newEnd, url, registrationKey, attendance,
                adminFee, invoiceStatus, notes, contact, country, venue, address, latitude, longitude, learnersPre,
                learnersPost, instructorsPre, instructorsPost, learnersLongterm, completed, assignedTo);
    }

    WorkshopFields withLocation(String newCountry, String newVenue, String newAddress, Double newLatitude,
                                Double newLongitude) {
        return new WorkshopFields(slug, hostId, administratorId, start, end, url, registrationKey, attendance,
                adminFee, invoiceStatus, notes, contact, newCountry, newVenue, newAddress, newLatitude, newLongitude,
                learnersPre, learnersPost, instructorsPre, instructorsPost, learnersLongterm, completed, assignedTo);
    }

    WorkshopFields withContact(String value) {
        return new WorkshopFields(slug, hostId, administratorId, start, end, url, registrationKey, attendance,
                adminFee, invoiceStatus, notes, value, country, venue, address, latitude, longitude, learnersPre,
                learnersPost, instructorsPre, instructorsPost, learnersLongterm, completed, assignedTo);
    }

    WorkshopFields withNotes(String value) {
        return new WorkshopFields(slug, hostId, administratorId, start, end, url, registrationKey, attendance,
                adminFee, invoiceStatus, value, contact, country, venue, address, latitude, longitude, learnersPre,
                learnersPost, instructorsPre, instructorsPost, learnersLongterm, completed, assignedTo);
    }

    WorkshopFields withRegistrationKey(String value) {
        return new WorkshopFields(slug, hostId, administratorId, start, end, url, value, attendance,
                adminFee, invoiceStatus, notes, contact, country, venue, address, latitude, longitude, learnersPre,
                learnersPost, instructorsPre, instructorsPost, learnersLongterm, completed, assignedTo);
    }

    WorkshopFields withAttendance(Integer value) {
        return new WorkshopFields(slug, hostId, administratorId, start, end, url, registrationKey, value,
                adminFee, invoiceStatus, notes, contact, country, venue, address, latitude, longitude, learnersPre,
                learnersPost, instructorsPre, instructorsPost, learnersLongterm, completed, assignedTo);
    }

    WorkshopFields withAdminFee(BigDecimal value) {
        return new WorkshopFields(slug, hostId, administratorId, start, end, url, registrationKey, attendance,
                value, invoiceStatus, notes, contact, country, venue, address, latitude, longitude, learnersPre,
                learnersPost, instructorsPre, instructorsPost, learnersLongterm, completed, assignedTo);
    }

    WorkshopFields withInvoiceStatus(InvoiceStatus value) {
        return new WorkshopFields(slug, hostId, administratorId, start, end, url, registrationKey, attendance,
                adminFee, value, notes, contact, country, venue, address, latitude, longitude, learnersPre,
                learnersPost, instructorsPre, instructorsPost, learnersLongterm, completed, assignedTo);
    }

    WorkshopFields withSurveyLinks(String lp, String lpo, String ip, String ipo, String ll) {
        return new WorkshopFields(slug, hostId, administratorId, start, end, url, registrationKey, attendance,
                adminFee, invoiceStatus, notes, contact, country, venue, address, latitude, longitude, lp, lpo, ip,
                ipo, ll, completed, assignedTo);
    }

    WorkshopFields withCompleted(boolean value) {
        return new WorkshopFields(slug, hostId, administratorId, start, end, url, registrationKey, attendance,
                adminFee, invoiceStatus, notes, contact, country, venue, address, latitude, longitude, learnersPre,
                learnersPost, instructorsPre, instructorsPost, learnersLongterm, value, assignedTo);
    }

    WorkshopFields withAssignedTo(UUID value) {
        return new WorkshopFields(slug, hostId, administratorId, start, end, url, registrationKey, attendance,
                adminFee, invoiceStatus, notes, contact, country, venue, address, latitude, longitude, learnersPre,
                learnersPost, instructorsPre, instructorsPost, learnersLongterm, completed, value);
    }

    boolean sameAdminFee(BigDecimal other) {
        return adminFee == null ? other == null : other != null && adminFee.compareTo(other) == 0;
    }

    static BigDecimal scaled(BigDecimal fee) {
        return fee == null ? null : fee.setScale(2, RoundingMode.UNNECESSARY);
    }

    boolean sameLocation(WorkshopFields o) {
        return Objects.equals(country, o.country) && venue.equals(o.venue) && address.equals(o.address)
                && Objects.equals(latitude, o.latitude) && Objects.equals(longitude, o.longitude);
    }

    boolean sameSurveyLinks(WorkshopFields o) {
        return learnersPre.equals(o.learnersPre) && learnersPost.equals(o.learnersPost)
                && instructorsPre.equals(o.instructorsPre) && instructorsPost.equals(o.instructorsPost)
                && learnersLongterm.equals(o.learnersLongterm);
    }
}
