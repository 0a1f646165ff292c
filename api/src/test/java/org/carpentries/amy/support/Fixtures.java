package org.carpentries.amy.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies for tests. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Map<String, Object> organisation(String domain) {
        return Map.of("domain", domain, "fullname", "University of " + domain, "country", "US");
    }

    public static Map<String, Object> tag(String name) {
        return Map.of("name", name, "details", name + " workshops");
    }

    /** A workshop that AMY would publish, tagged with {@code tags}. */
    public static Map<String, Object> publishedWorkshop(String slug, String host, String start, List<String> tags) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("slug", slug);
        w.put("host", host);
        w.put("start", start);
        w.put("end", java.time.LocalDate.parse(start).plusDays(1).toString());
        w.put("url", "https://" + host.replace('.', '-') + ".github.io/" + slug + "/");
        w.put("country", "US");
        w.put("venue", "Main Library");
        w.put("address", "1 Campus Drive, Atlanta, GA");
        w.put("latitude", 33.7756);
        w.put("longitude", -84.3963);
        w.put("contact", "admin@" + host);
        w.put("tags", tags);
        return w;
    }
}
