package org.carpentries.amy.command.restore;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Bring a record (or a tag's links) back to its state at {@code asOf}, all or nothing; a dry run records nothing
 * and answers the plan. Links a tag gained after {@code asOf} are removed only with {@code removeLaterLinks}.
 * Rejected when the record did not exist at {@code asOf}, when it is no longer at {@code expectedVersion} (when
 * given), and by any rule of the commands it plans.
 */
public record RestoreRecord(RestoreKind kind, UUID recordId, Instant asOf, boolean removeLaterLinks,
                            boolean dryRun, Long expectedVersion) {

    public RestoreRecord(RestoreKind kind, UUID recordId, Instant asOf, boolean removeLaterLinks, boolean dryRun) {
        this(kind, recordId, asOf, removeLaterLinks, dryRun, null);
    }

    public RestoreRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(asOf, "asOf");
    }
}
