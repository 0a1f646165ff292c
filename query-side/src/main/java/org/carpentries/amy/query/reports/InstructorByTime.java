package org.carpentries.amy.query.reports;

import java.util.LinkedHashMap;
import java.util.Map;

/** An instructor task in a period, with the instructor's email (none once erased) and all-time teaching count. */
public record InstructorByTime(String eventSlug, String personName, String personEmail, long numTaught) {

    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event_slug", eventSlug);
        m.put("person_name", personName);
        m.put("person_email", personEmail);
        m.put("num_taught", numTaught);
        return m;
    }
}
