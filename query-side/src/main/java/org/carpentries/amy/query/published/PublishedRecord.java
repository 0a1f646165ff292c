package org.carpentries.amy.query.published;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One workshop as AMY's {@code ExportEventSerializer} wrote it, fields in its order: slug, start, end, url (the
 * website URL), humandate, contact, country, venue, address, latitude, longitude, eventbrite_id, tags.
 */
public record PublishedRecord(String slug, LocalDate start, LocalDate end, String url, String contact,
                              String country, String venue, String address, Double latitude, Double longitude,
                              String registrationKey, List<String> tagNames) {

    /** AMY's rule: start, url, country, venue, address, latitude and longitude present; end is optional. */
    public static boolean publishable(LocalDate start, String url, String country, String venue, String address,
                                      Double latitude, Double longitude) {
        return start != null && url != null && country != null && !venue.isEmpty() && !address.isEmpty()
                && latitude != null && longitude != null;
    }

    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slug", slug);
        m.put("start", start);
        m.put("end", end);
        m.put("url", WorkshopUrls.website(url));
        m.put("humandate", HumanDate.of(start, end));
        m.put("contact", contact);
        m.put("country", country);
        m.put("venue", venue);
        m.put("address", address);
        m.put("latitude", latitude);
        m.put("longitude", longitude);
        m.put("eventbrite_id", registrationKey);
        m.put("tags", tagNames.stream().map(name -> Map.<String, Object>of("name", name)).toList());
        return m;
    }

    /** For CSV, dates are the strings DRF's serializer produced. */
    public Map<String, Object> csvFields() {
        Map<String, Object> m = fields();
        m.put("start", start == null ? null : start.toString());
        m.put("end", end == null ? null : end.toString());
        return m;
    }

    public String json() {
        return DrfJson.listItem(fields());
    }

    public String yaml() {
        return PyYaml.listItem(fields());
    }
}
