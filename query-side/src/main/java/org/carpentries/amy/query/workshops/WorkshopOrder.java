package org.carpentries.amy.query.workshops;

import java.util.Arrays;
import java.util.Optional;

/** The orderings AMY's event API offered, plus creation order; ties break by creation. */
public enum WorkshopOrder {
    START_DESC("-start", "w.start_date DESC NULLS LAST"),
    START("start", "w.start_date ASC NULLS LAST"),
    END_DESC("-end", "w.end_date DESC NULLS LAST"),
    END("end", "w.end_date ASC NULLS LAST"),
    SLUG("slug", "w.slug ASC NULLS LAST"),
    SLUG_DESC("-slug", "w.slug DESC NULLS LAST"),
    CREATED("created", "w.created_seq ASC"),
    CREATED_DESC("-created", "w.created_seq DESC");

    private final String code;
    final String sql;

    WorkshopOrder(String code, String sql) {
        this.code = code;
        this.sql = sql;
    }

    public String code() {
        return code;
    }

    public static Optional<WorkshopOrder> fromCode(String code) {
        return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
    }
}
