package org.carpentries.amy.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.carpentries.amy.api.security.Access;
import org.carpentries.amy.api.security.Caller;
import org.carpentries.amy.api.web.ReadModelLag;
import org.carpentries.amy.command.RecordNotFound;
import org.carpentries.amy.query.replay.ReadModelStatus;
import org.carpentries.amy.query.replay.ReadModels;
import org.carpentries.amy.query.replay.RebuildProgress;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/read-models")
@Tag(name = "Read models", description = "Positions, lag, rebuilds from the event store and verifications.")
class ReadModelController {

    private final ReadModels readModels;
    private final ReadModelLag lag;

    ReadModelController(ReadModels readModels, ReadModelLag lag) {
        this.readModels = readModels;
        this.lag = lag;
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping("/lag")
    @Operation(summary = "How long writes waited for the read models", description = "A cumulative histogram since "
            + "the application started of the time between a command being acknowledged (its events stored) and "
            + "every read model that handles its events including them: non-empty buckets with their upper bound in milliseconds "
            + "(0.1 ms steps up to 100 ms, then 10 ms steps; null for 10 s and above). Read it twice and subtract "
            + "for the distribution in between. With it, how many times a waiting write was woken by a read model's "
            + "batch that had its events (woken_by_batches), and how many times it looked again on its own, after "
            + "amy.read-model-recheck or at the end of its wait, because no batch had woken it (rechecks).")
    Lag lag() {
        ReadModelLag.Snapshot waits = lag.snapshot();
        ReadModels.WaitWakes wakes = readModels.waitWakes();
        return new Lag(waits.count(), waits.buckets(), wakes.wokenByBatches(), wakes.rechecks());
    }

    /** The waits' histogram ({@link ReadModelLag}) and how the waits were woken ({@link ReadModels#waitWakes()}). */
    record Lag(long count, List<ReadModelLag.Bucket> buckets, long wokenByBatches, long rechecks) {
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping
    @Operation(summary = "Every read model with its position, the store's head and the lag between", description =
            "Each with the processor that runs its handlers (`processor`): models that share one (set by "
            + "`amy.read-model-processors`) handle each batch of events in one transaction and have one position, "
            + "and are stopped, paused and rebuilt together.")
    List<ReadModelStatus> list() {
        return readModels.status();
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping("/{name}")
    @Operation(summary = "One read model")
    ReadModelStatus get(@PathVariable String name) {
        return readModels.status(name);
    }

    @Access({})
    @PostMapping("/rebuilds")
    @Operation(summary = "Rebuild every read model from the event store in one pass", description = "Reads the "
            + "store once for all the read models (each event is read and deserialised once), each into its own "
            + "shadow tables while the live models keep serving; at the head every live processor pauses and each "
            + "model switches in its own transaction. A model that fails stops alone: the others switch in. Answers "
            + "202 with each model's progress; follow Location (every model with its `last_rebuild`). 409 "
            + "`rebuild-running` when any model is being rebuilt already (nothing is started then).")
    ResponseEntity<List<RebuildProgress>> rebuildAll() {
        List<RebuildProgress> progress = readModels.startAll(false);
        return ResponseEntity.accepted().location(URI.create("/api/admin/read-models")).body(progress);
    }

    @Access({})
    @PostMapping("/verifications")
    @Operation(summary = "Compare every read model with a fresh rebuild, in one pass", description = "As the "
            + "rebuild of every model, but each model's shadow tables are compared with its live ones instead of "
            + "switched in; each model's `last_rebuild` lists the rows that differ.")
    ResponseEntity<List<RebuildProgress>> verifyAll() {
        List<RebuildProgress> progress = readModels.startAll(true);
        return ResponseEntity.accepted().location(URI.create("/api/admin/read-models")).body(progress);
    }

    @Access({})
    @PostMapping("/{name}/rebuilds")
    @Operation(summary = "Rebuild from the event store", description = "Replays every event into shadow tables "
            + "while the live model keeps serving, then switches in one transaction. The other models of its "
            + "processor (`processor` in its status) are rebuilt in the same pass, since they share the position "
            + "the switch moves. Answers 202 with this model's progress; follow Location for progress (position, "
            + "head, events/s, seconds left). 409 `rebuild-running` when one of them is being rebuilt already.")
    ResponseEntity<RebuildProgress> rebuild(@PathVariable String name) {
        RebuildProgress progress = readModels.start(name, false);
        return ResponseEntity.accepted().location(URI.create("/api/admin/read-models/" + name + "/rebuilds/latest"))
                .body(progress);
    }

    @Access({})
    @PostMapping("/{name}/verifications")
    @Operation(summary = "Compare the live model with a fresh rebuild", description = "Rebuilds into shadow tables "
            + "and lists rows that differ, without switching.")
    ResponseEntity<RebuildProgress> verify(@PathVariable String name) {
        RebuildProgress progress = readModels.start(name, true);
        return ResponseEntity.accepted().location(URI.create("/api/admin/read-models/" + name + "/rebuilds/latest"))
                .body(progress);
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping("/{name}/rebuilds/latest")
    @Operation(summary = "Progress of the latest rebuild or verification")
    RebuildProgress progress(@PathVariable String name) {
        return readModels.progress(name).orElseThrow(() -> new RecordNotFound("rebuild", name));
    }
}
