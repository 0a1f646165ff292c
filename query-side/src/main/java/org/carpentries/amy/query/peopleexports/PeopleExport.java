package org.carpentries.amy.query.peopleexports;

import java.util.Set;
import org.carpentries.amy.query.published.ExportFormat;

/** AMY's three exports of people, each with the formats AMY rendered it in. */
public enum PeopleExport {
    BADGES("badges", Set.of(ExportFormat.JSON, ExportFormat.YAML)),
    INSTRUCTORS("instructors", Set.of(ExportFormat.JSON, ExportFormat.YAML)),
    MEMBERS("members", Set.of(ExportFormat.JSON, ExportFormat.YAML, ExportFormat.CSV));

    private final String key;
    private final Set<ExportFormat> formats;

    PeopleExport(String key, Set<ExportFormat> formats) {
        this.key = key;
        this.formats = formats;
    }

    /** The export's name in its path and in {@code people_export_state}. */
    public String key() {
        return key;
    }

    public boolean offers(ExportFormat format) {
        return formats.contains(format);
    }
}
