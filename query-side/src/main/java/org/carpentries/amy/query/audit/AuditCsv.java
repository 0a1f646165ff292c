package org.carpentries.amy.query.audit;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The audit log as CSV (RFC 4180: a header line, CRLF line ends, fields quoted when they hold a comma, quote or line
 * break): one line per entry, its changes flattened to {@code field: old → new; …} with values in JSON.
 */
public final class AuditCsv {

    private static final List<String> HEADER = List.of("position", "time", "actor", "actor_name", "record_type",
            "record_id", "record_label", "event_type", "summary", "changes", "request_id", "correlation_id",
            "causation_id", "reason", "restored_as_of");

    private AuditCsv() {
    }

    public static String write(List<AuditEntry> entries) {
        StringBuilder out = new StringBuilder();
        line(out, HEADER);
        for (AuditEntry e : entries) {
            line(out, java.util.Arrays.asList(Long.toString(e.position()), e.time().toString(), e.actor(),
                    e.actorName(), e.record().type(), e.record().id().toString(), e.record().label(), e.eventType(),
                    e.summary(), changes(e.changes()), e.requestId(), e.correlationId(), e.causationId(), e.reason(),
                    e.restoredAsOf() == null ? null : e.restoredAsOf().toString()));
        }
        return out.toString();
    }

    static String changes(List<AuditEntry.Change> changes) {
        return changes.stream().map(c -> c.field() + ": " + AuditJson.write(c.oldValue()) + " → "
                + AuditJson.write(c.newValue())).collect(Collectors.joining("; "));
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quoted(fields.get(i)));
        }
        out.append("\r\n");
    }

    static String quoted(String field) {
        if (field == null) {
            return "";
        }
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
