package org.carpentries.amy.api.web;

import java.util.Locale;
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
        if (accept != null) {
            for (String part : accept.split(",")) {
                String type = part.split(";")[0].strip().toLowerCase(Locale.ROOT);
                switch (type) {
                    case "application/json", "*/*", "application/*" -> {
                        return ExportFormat.JSON;
                    }
                    case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml" -> {
                        return ExportFormat.YAML;
                    }
                    case "text/csv" -> {
                        return ExportFormat.CSV;
                    }
                    default -> {
                        // try the next one
                    }
                }
            }
        }
        return ExportFormat.JSON;
    }
}
