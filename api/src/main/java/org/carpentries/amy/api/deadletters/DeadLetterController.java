package org.carpentries.amy.api.deadletters;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carpentries.amy.api.security.Access;
import org.carpentries.amy.api.security.Caller;
import org.carpentries.amy.api.web.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/dead-letters")
@Tag(name = "Dead letters", description = "Events a projection could not apply: parked per processing group with "
        + "their cause while the processor goes on; later events of the same record queue behind them.")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Access(Caller.AUDITOR)
    @GetMapping
    @Operation(summary = "Every processing group with its dead letters", description = "Per letter: sequence id "
            + "(the record's aggregate id), event type and id, global position, aggregate, cause type and message "
            + "(none for letters that only queue behind an earlier failure), enqueued and last-touched instants, "
            + "failed retries. `group` limits the answer to one processing group (unknown: 400).")
    List<DeadLetterGroup> list(@RequestParam(required = false) String group) {
        return deadLetters.list(Optional.ofNullable(group));
    }

    @Access({})
    @PostMapping("/{group}/retries")
    @Operation(summary = "Retry dead letters once the cause is fixed", description = "Body (optional): "
            + "`sequence_id` to retry one sequence; without it every sequence of the group. Each sequence is applied "
            + "in order; a letter that fails again stays, with its retry count raised, and so do those behind it.")
    RetryResult retry(@PathVariable String group, @RequestBody(required = false) RetryRequest request) {
        return deadLetters.retry(group, Optional.ofNullable(request).map(RetryRequest::sequenceId));
    }

    @Access({})
    @DeleteMapping("/{group}/{sequence}")
    @Operation(summary = "Evict a sequence's dead letters", description = "Needs `reason`; recorded in the "
            + "application log at WARN with who evicted what. The read model will not contain those events until it "
            + "is rebuilt.")
    ResponseEntity<Void> evict(@PathVariable String group, @PathVariable String sequence,
                               @RequestParam(required = false) String reason) {
        deadLetters.evict(group, sequence, reason, CurrentUser.id().map(UUID::toString).orElse("unknown"));
        return ResponseEntity.noContent().build();
    }
}
