package org.carpentries.amy.api.published;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.carpentries.amy.api.problem.BadRequest;
import org.carpentries.amy.api.security.Access;
import org.carpentries.amy.api.security.Caller;
import org.carpentries.amy.api.web.AsOf;
import org.carpentries.amy.api.web.ExportResponses;
import org.carpentries.amy.api.web.Formats;
import org.carpentries.amy.api.web.Params;
import org.carpentries.amy.query.asof.ExportDiff;
import org.carpentries.amy.query.asof.PublishedAsOf;
import org.carpentries.amy.query.organisations.OrganisationQueries;
import org.carpentries.amy.query.organisations.OrganisationView;
import org.carpentries.amy.query.published.ExportDocument;
import org.carpentries.amy.query.published.ExportFormat;
import org.carpentries.amy.query.published.PublishedExport;
import org.carpentries.amy.query.published.PublishedQuery;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "AMY exports", description = "The public exports the Carpentries' websites build from, as AMY served "
        + "them.")
class PublishedWorkshopsController {

    private static final Set<String> PARAMS = Set.of("tag", "host", "administrator", "format", "as_of");
    private static final Set<String> DIFF_PARAMS = Set.of("tag", "host", "administrator", "from", "to");
    private final PublishedExport export;
    private final PublishedAsOf asOf;
    private final OrganisationQueries organisations;
    private final Clock clock;

    PublishedWorkshopsController(PublishedExport export, PublishedAsOf asOf, OrganisationQueries organisations,
                                 Clock clock) {
        this.export = export;
        this.asOf = asOf;
        this.organisations = organisations;
        this.clock = clock;
    }

    @Access(Caller.ANONYMOUS)
    @GetMapping({"/api/v1/events/published", "/api/v1/events/published/"})
    @Operation(summary = "Published workshops (format by ?format=, Accept, default JSON)",
            description = "Workshops with start, url, country, venue, address, latitude and longitude, newest "
                    + "first. Filters: tag (repeatable, all must match), host, administrator (id or domain). An "
                    + "unknown tag or organisation is a 400. Strong ETag and Last-Modified; 304 on match. as_of=<instant "
                    + "with offset> answers the export as it was then, computed from the event store (no ETag, "
                    + "Cache-Control: no-store); a future instant is a 400 as-of-in-future. A document rendered anew "
                    + "(after a change, or as of an instant) waits for a free render slot; after AMY_RENDERS_WAIT it "
                    + "is a 503 renders-busy with Retry-After.")
    ResponseEntity<byte[]> negotiated(@RequestParam MultiValueMap<String, String> query, HttpServletRequest request) {
        return serve(query, request, null);
    }

    @Access(Caller.ANONYMOUS)
    @GetMapping("/api/v1/events/published.{format}")
    @Operation(summary = "Published workshops as published.yaml, published.json or published.csv")
    ResponseEntity<byte[]> suffixed(@PathVariable String format, @RequestParam MultiValueMap<String, String> query,
                                    HttpServletRequest request) {
        return serve(query, request, format);
    }

    /**
     * The three suffixed paths the websites fetch, mapped literally as well: Spring finds a literal path by lookup,
     * while a path with a variable is matched against every mapping of the API in turn, which took about half of a
     * 304's CPU (docs/benchmarks.md). The same operation as {@link #suffixed}, so not listed apart.
     */
    @Access(Caller.ANONYMOUS)
    @GetMapping({"/api/v1/events/published.yaml", "/api/v1/events/published.json", "/api/v1/events/published.csv"})
    @Hidden
    ResponseEntity<byte[]> literal(@RequestParam MultiValueMap<String, String> query, HttpServletRequest request) {
        String path = request.getRequestURI();
        return serve(query, request, path.substring(path.lastIndexOf('.') + 1));
    }

    private ResponseEntity<byte[]> serve(MultiValueMap<String, String> query, HttpServletRequest request,
                                         String suffix) {
        Params p = new Params(query, PARAMS);
        ExportFormat format = Formats.negotiate(suffix, suffix == null ? p.one("format") : null,
                request.getHeader(HttpHeaders.ACCEPT));
        List<UUID> tags = tags(p.all("tag"));
        PublishedQuery q = new PublishedQuery(format, organisation(p.one("host"), "host"),
                organisation(p.one("administrator"), "administrator"), tags);
        Instant at = AsOf.parse(p.one("as_of"), clock);
        if (at != null) {
            return AsOf.export(asOf.render(q, at), at);
        }
        ExportDocument document = export.render(q);
        return ExportResponses.of(request, document, document.lastModified());
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping("/api/exports/published/diff")
    @Operation(summary = "How the published export changed between two instants",
            description = "Workshops (by slug) that entered or left the export between from and to (instants with "
                    + "offset; to defaults to now), and those in both with their changed fields as {field, old, "
                    + "new}. Filters as the export's: tag (repeatable), host, administrator. Computed from the event "
                    + "store. 400 missing-parameter, invalid-instant, as-of-in-future, invalid-instant-range, "
                    + "unknown-tag, unknown-organisation; 503 renders-busy when no render slot frees in time.")
    ResponseEntity<ExportDiff> diff(@RequestParam MultiValueMap<String, String> query) {
        Params p = new Params(query, DIFF_PARAMS);
        AsOf.Window window = AsOf.window(p.one("from"), p.one("to"), clock);
        PublishedQuery q = new PublishedQuery(ExportFormat.JSON, organisation(p.one("host"), "host"),
                organisation(p.one("administrator"), "administrator"), tags(p.all("tag")));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(asOf.diff(q, window.from(),
                window.to()));
    }

    /** The tag ids of the names given; an unknown name is a 400 (tags are never deleted nor renamed). */
    private List<UUID> tags(List<String> names) {
        List<UUID> tags = new ArrayList<>();
        for (String name : names) {
            tags.add(export.tag(name).orElseThrow(() -> new BadRequest("unknown-tag", "No tag named '" + name
                    + "'. AMY used to ignore unknown tags and return every workshop; that hid a data loss, so this "
                    + "is an error.")));
        }
        return tags;
    }

    private UUID organisation(String ref, String parameter) {
        if (ref == null) {
            return null;
        }
        return organisations.byReference(ref.strip()).map(OrganisationView::id).orElseThrow(() -> new BadRequest(
                "unknown-organisation", "No organisation '" + ref + "' for " + parameter
                        + "; an unknown filter never widens the export."));
    }
}
