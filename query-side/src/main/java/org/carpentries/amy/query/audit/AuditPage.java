package org.carpentries.amy.query.audit;

import java.util.List;

/** A page of the audit log, and the position after which the next page starts (null on the last page). */
public record AuditPage(List<AuditEntry> entries, Long nextAfter) {
}
