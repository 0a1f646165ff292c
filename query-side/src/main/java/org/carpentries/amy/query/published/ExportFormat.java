package org.carpentries.amy.query.published;

import java.util.Arrays;
import java.util.Optional;

/** The formats AMY's export endpoints speak, with their media types. */
public enum ExportFormat {
    JSON("json", "application/json"),
    YAML("yaml", "application/yaml; charset=utf-8"),
    CSV("csv", "text/csv; charset=utf-8");

    private final String suffix;
    private final String mediaType;

    ExportFormat(String suffix, String mediaType) {
        this.suffix = suffix;
        this.mediaType = mediaType;
    }

    public String suffix() {
        return suffix;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<ExportFormat> fromSuffix(String suffix) {
        return Arrays.stream(values()).filter(f -> f.suffix.equals(suffix)).findFirst();
    }
}
