package org.carpentries.amy.api.exports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.carpentries.amy.api.problem.BadRequest;
import org.carpentries.amy.api.web.Formats;
import org.carpentries.amy.api.web.Params;
import org.carpentries.amy.query.peopleexports.PeopleExport;
import org.carpentries.amy.query.published.ExportFormat;

/** How an export request is read: its format, its strict filter values, and whether the client's copy is current. */
final class ExportRequests {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private ExportRequests() {
    }

    /**
     * The path suffix, else {@code ?format=}, else the first {@code Accept} type the export offers, else JSON. A
     * suffix and a different {@code ?format=} contradict each other and are refused.
     */
    static ExportFormat format(PeopleExport export, String suffix, String given, String accept) {
        ExportFormat fromSuffix = suffix == null ? null : known(export, suffix);
        ExportFormat fromParameter = given == null ? null : known(export, given);
        if (fromSuffix != null && fromParameter != null && fromSuffix != fromParameter) {
            throw new BadRequest("conflicting-format", "The path asks for " + fromSuffix.suffix() + " and format for "
                    + fromParameter.suffix() + ".");
        }
        if (fromSuffix != null || fromParameter != null) {
            return fromSuffix != null ? fromSuffix : fromParameter;
        }
        return Formats.accepted(accept, export::offers);
    }

    private static ExportFormat known(PeopleExport export, String name) {
        ExportFormat format = ExportFormat.fromSuffix(name).orElseThrow(() -> new BadRequest("unknown-format",
                "format must be " + offered(export) + "."));
        if (!export.offers(format)) {
            throw new FormatNotAvailable("AMY never offered the " + export.key() + " export as " + name + "; it is "
                    + offered(export) + ".");
        }
        return format;
    }

    private static String offered(PeopleExport export) {
        return Arrays.stream(ExportFormat.values()).filter(export::offers).map(ExportFormat::suffix)
                .collect(Collectors.joining(", "));
    }

    /** The spellings AMY's boolean filter understood; anything else (which AMY ignored) is a 400. */
    static Boolean bool(Params p, String name) {
        String v = p.one(name);
        if (v == null) {
            return null;
        }
        return switch (v) {
            case "true", "True", "1" -> true;
            case "false", "False", "0" -> false;
            default -> throw new BadRequest("invalid-parameter", "Parameter '" + name + "' must be true or false.");
        };
    }

    /** A date as YYYY-MM-DD; anything else (which AMY replaced by the default) is a 400. */
    static LocalDate date(Params p, String name) {
        String v = p.one(name);
        if (v == null) {
            return null;
        }
        try {
            if (DATE.matcher(v).matches()) {
                return LocalDate.parse(v);
            }
        } catch (DateTimeParseException e) {
            // falls through
        }
        throw new BadRequest("invalid-parameter", "Parameter '" + name + "' must be a date as YYYY-MM-DD.");
    }
}
