package org.carpentries.amy.api.lessons;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.carpentries.amy.api.security.Access;
import org.carpentries.amy.api.security.Caller;
import org.carpentries.amy.api.web.Ids;
import org.carpentries.amy.api.web.JsonFields;
import org.carpentries.amy.api.web.Params;
import org.carpentries.amy.api.web.Versions;
import org.carpentries.amy.api.web.Writes;
import org.carpentries.amy.command.Change;
import org.carpentries.amy.command.RecordNotFound;
import org.carpentries.amy.command.lesson.CreateLesson;
import org.carpentries.amy.command.lesson.ReinstateLesson;
import org.carpentries.amy.command.lesson.RenameLesson;
import org.carpentries.amy.command.lesson.RetireLesson;
import org.carpentries.amy.query.history.HistoryEntry;
import org.carpentries.amy.query.history.RecordHistory;
import org.carpentries.amy.query.lessons.LessonQueries;
import org.carpentries.amy.query.lessons.LessonView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/lessons")
@Tag(name = "Lessons", description = "Lessons instructors are qualified to teach, such as swc/git. Names contain "
        + "'/', so a lesson is addressed by id and found by name with ?name=. Retired, never deleted.")
class LessonController {

    private final Writes writes;
    private final LessonQueries lessons;
    private final RecordHistory history;

    LessonController(Writes writes, LessonQueries lessons, RecordHistory history) {
        this.writes = writes;
        this.lessons = lessons;
        this.history = history;
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping
    @Operation(summary = "List lessons", description = "By name; name=… keeps only the lesson with exactly that "
            + "name (such as swc/git); retired ones only with include_retired=true (pickers leave them out).")
    List<LessonView> list(@RequestParam MultiValueMap<String, String> query) {
        Params params = new Params(query, Set.of("name", "include_retired"));
        Boolean all = params.bool("include_retired");
        return lessons.list(params.one("name"), all != null && all);
    }

    @Access({})
    @PostMapping
    @Operation(summary = "Create a lesson", description = "Body: name (unique, case-sensitive, at most "
            + "40 characters, '/' allowed), optional id. 409 lesson-name-taken.")
    ResponseEntity<LessonView> create(@RequestBody Map<String, Object> body) {
        JsonFields json = new JsonFields(body, Set.of("id", "name"));
        UUID id = Ids.optional(json);
        Change<String> name = json.text("name");
        json.throwIfAny();
        writes.send(new CreateLesson(id, name == null ? null : name.value()));
        LessonView view = require(id.toString());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).eTag(Versions.etag(view.version())).body(view);
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping("/{id}")
    @Operation(summary = "A lesson by id", description = "Find the id by name with GET /api/lessons?name=…")
    ResponseEntity<LessonView> get(@PathVariable String id) {
        LessonView view = require(id);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @Access({})
    @PatchMapping(path = "/{id}", consumes = {"application/json", "application/merge-patch+json"})
    @Operation(summary = "Rename a lesson", description = "Body: name, under the same rules as creating; "
            + "needs If-Match. The old name is free again.")
    ResponseEntity<LessonView> rename(@PathVariable String id,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      @RequestBody Map<String, Object> body) {
        long version = Versions.required(ifMatch);
        LessonView current = require(id);
        JsonFields json = new JsonFields(body, Set.of("name"));
        Change<String> name = json.text("name");
        json.throwIfAny();
        if (name != null) {
            writes.send(new RenameLesson(current.id(), version, name.value()));
        }
        LessonView view = require(current.id().toString());
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @Access({})
    @PutMapping("/{id}/retired")
    @Operation(summary = "Retire a lesson", description = "It can no longer be newly chosen; whoever has it "
            + "keeps it.")
    ResponseEntity<Void> retire(@PathVariable String id) {
        LessonView current = require(id);
        writes.send(new RetireLesson(current.id()));
        return ResponseEntity.noContent().eTag(Versions.etag(require(current.id().toString()).version())).build();
    }

    @Access({})
    @DeleteMapping("/{id}/retired")
    @Operation(summary = "Reinstate a retired lesson")
    ResponseEntity<Void> reinstate(@PathVariable String id) {
        LessonView current = require(id);
        writes.send(new ReinstateLesson(current.id()));
        return ResponseEntity.noContent().eTag(Versions.etag(require(current.id().toString()).version())).build();
    }

    @Access(Caller.AUDITOR)
    @GetMapping("/{id}/history")
    @Operation(summary = "The lesson's events", description = "Who changed what and when, field by field.")
    List<HistoryEntry> history(@PathVariable String id) {
        LessonView current = require(id);
        return history.of(current.id()).orElseThrow(() -> new RecordNotFound("lesson", id));
    }

    private LessonView require(String id) {
        return lessons.byReference(id).orElseThrow(() -> new RecordNotFound("lesson", id));
    }
}
