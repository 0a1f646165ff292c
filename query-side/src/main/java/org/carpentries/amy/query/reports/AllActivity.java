package org.carpentries.amy.query.reports;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AMY's {@code all_activity_over_time} for workshops starting in [{@code start}, {@code end}]: workshops per tag,
 * SWC or DC, self-organised; instructor tasks (total and distinct people) and learners at SWC and DC workshops; the
 * slugs of workshops without attendance or without an instructor.
 */
public record AllActivity(LocalDate start, LocalDate end, long swc, long dc, long swcOrDc, long wise, long ttt,
                          long selfOrganized, Instructors swcInstructors, Instructors dcInstructors,
                          long swcLearners, long dcLearners, List<String> missingAttendance,
                          List<String> missingInstructors) {

    public AllActivity {
        missingAttendance = List.copyOf(missingAttendance);
        missingInstructors = List.copyOf(missingInstructors);
    }

    /** Instructor tasks at a kind of workshop, and how many different people held them. */
    public record Instructors(long total, long unique) {

        Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("total", total);
            m.put("unique", unique);
            return m;
        }
    }

    public Map<String, Object> fields() {
        Map<String, Object> workshops = new LinkedHashMap<>();
        workshops.put("SWC", swc);
        workshops.put("DC", dc);
        workshops.put("SWC,DC", swcOrDc);
        workshops.put("WiSE", wise);
        workshops.put("TTT", ttt);
        workshops.put("self-organized", selfOrganized);
        Map<String, Object> instructors = new LinkedHashMap<>();
        instructors.put("SWC", swcInstructors.fields());
        instructors.put("DC", dcInstructors.fields());
        Map<String, Object> learners = new LinkedHashMap<>();
        learners.put("SWC", swcLearners);
        learners.put("DC", dcLearners);
        Map<String, Object> missing = new LinkedHashMap<>();
        missing.put("attendance", missingAttendance);
        missing.put("instructors", missingInstructors);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", start);
        m.put("end", end);
        m.put("workshops", workshops);
        m.put("instructors", instructors);
        m.put("learners", learners);
        m.put("missing", missing);
        return m;
    }
}
