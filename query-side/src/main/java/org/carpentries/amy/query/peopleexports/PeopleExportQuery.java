package org.carpentries.amy.query.peopleexports;

import java.time.LocalDate;
import java.util.Objects;
import org.carpentries.amy.query.published.ExportFormat;

/**
 * One people export in one format: instructors optionally only those who may (or may not) be contacted; members
 * with both ends of the teaching window resolved. Rejects a format the export does not offer, a filter of another
 * export and a window that ends before it starts.
 */
public record PeopleExportQuery(PeopleExport export, ExportFormat format, Boolean mayContact, LocalDate earliest,
                                LocalDate latest) {

    public PeopleExportQuery {
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(format, "format");
        if (!export.offers(format)) {
            throw new IllegalArgumentException(export.key() + " is not offered as " + format.suffix());
        }
        if (mayContact != null && export != PeopleExport.INSTRUCTORS) {
            throw new IllegalArgumentException("may_contact filters the instructors export only");
        }
        if (export == PeopleExport.MEMBERS) {
            Objects.requireNonNull(earliest, "earliest");
            Objects.requireNonNull(latest, "latest");
            if (earliest.isAfter(latest)) {
                throw new IllegalArgumentException("earliest " + earliest + " is after latest " + latest);
            }
        } else if (earliest != null || latest != null) {
            throw new IllegalArgumentException("earliest and latest bound the members export only");
        }
    }

    public static PeopleExportQuery badges(ExportFormat format) {
        return new PeopleExportQuery(PeopleExport.BADGES, format, null, null, null);
    }

    public static PeopleExportQuery instructors(ExportFormat format, Boolean mayContact) {
        return new PeopleExportQuery(PeopleExport.INSTRUCTORS, format, mayContact, null, null);
    }

    public static PeopleExportQuery members(ExportFormat format, LocalDate earliest, LocalDate latest) {
        return new PeopleExportQuery(PeopleExport.MEMBERS, format, null, earliest, latest);
    }
}
