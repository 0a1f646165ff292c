package org.carpentries.amy.query.audit;

import java.util.List;

/** A page of the audit log, and where the next page starts (null on the last page). */
public record AuditPage(List<AuditEntry> entries, AuditCursor next) {
}
