package org.carpentries.amy.api.web;

import java.util.Locale;
import java.util.function.Predicate;
import org.carpentries.amy.api.problem.BadRequest;
import org.carpentries.amy.query.published.ExportFormat;

/**
 * AMY's format selection for exports and reports: a URL suffix ({@code .yaml}), else {@code ?format=}, else the
 * first {@code Accept} type we speak; JSON by default. An unknown suffix or {@code format} is a 400.
 */
public final class Formats {

    private Formats() {
    }

    public static ExportFormat negotiate(String suffix, String format, String accept) {
        if (suffix != null) {
            return ExportFormat.fromSuffix(suffix).orElseThrow(() -> new BadRequest("unknown-format",
                    "Formats: yaml, json, csv."));
        }
        if (format != null) {
            return ExportFormat.fromSuffix(format).orElseThrow(() -> new BadRequest("unknown-format",
                    "format must be yaml, json or csv."));
        }
        return accepted(accept, f -> true);
    }

    /** The first type in {@code Accept} that we speak and the endpoint offers; JSON when none. */
    public static ExportFormat accepted(String accept, Predicate<ExportFormat> offered) {
        if (accept != null) {
            for (String part : accept.split(",")) {
                ExportFormat f = switch (part.split(";")[0].strip().toLowerCase(Locale.ROOT)) {
                    case "application/json", "*/*", "application/*" -> ExportFormat.JSON;
                    case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml" -> ExportFormat.YAML;
                    case "text/csv" -> ExportFormat.CSV;
                    default -> null;
                };
                if (f != null && offered.test(f)) {
                    return f;
                }
            }
        }
        return ExportFormat.JSON;
    }
}
