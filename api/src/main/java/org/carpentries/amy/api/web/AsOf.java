package org.carpentries.amy.api.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.carpentries.amy.api.problem.BadRequest;
import org.carpentries.amy.query.published.ExportDocument;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The {@code as_of} instant of a request, read strictly, and how an answer as of an instant is sent: with neither
 * the live model's ETag nor its Last-Modified, and never stored by a cache, so no client can mix it with live
 * answers.
 */
public final class AsOf {

    /** Names the instant an answer is as of, in UTC. */
    public static final String HEADER = "AMY-As-Of";
    // A '+' left unencoded in a query string arrives as a space.

    /** What a detail endpoint says about {@code as_of}. */
    public static final String DETAIL = "as_of=<instant with offset, e.g. 2016-04-06T19:05:00Z> answers the record as "
            + "this endpoint would have shown it then, folded from the event store: the record is named by its id "
            + "or its current slug, name, domain or username; 404 if it did not exist yet, 400 as-of-in-future or "
            + "invalid-instant; no ETag and Cache-Control: no-store.";

    private AsOf() {
    }

    /**
     * The instant, or null when not given. It needs an explicit offset ({@code Z} or {@code +02:00}): a local time
     * names no instant. An instant in the future is refused, as nothing is known about it yet.
     */
    public static Instant parse(String value, Clock clock) {
        return parse(value, "as_of", clock);
    }

    /** As {@link #parse(String, Clock)}, for the parameter {@code name}. */
    public static Instant parse(String value, String name, Clock clock) {
        if (value == null) {
            return null;
        }
        Instant at;
        try {
            at = Instants.fromQuery(value);
        } catch (DateTimeParseException e) {
            throw new BadRequest("invalid-instant", "Parameter '" + name + "' must be an instant with an explicit "
                    + "offset, such as 2016-04-06T19:05:00Z or 2016-04-06T21:05:00%2B02:00; got '" + value + "'.");
        }
        if (at.isAfter(clock.instant())) {
            throw new BadRequest("as-of-in-future", "Parameter '" + name + "' (" + at + ") is in the future.");
        }
        return at;
    }

    /** Two instants of a diff: {@code from} (required) and {@code to} (default now), from not after to. */
    public record Window(Instant from, Instant to) {
    }

    /** The {@code from} and {@code to} parameters of a diff, read strictly. */
    public static Window window(String from, String to, Clock clock) {
        if (from == null) {
            throw new BadRequest("missing-parameter", "Parameter 'from' (an instant with offset) is required.");
        }
        Instant start = parse(from, "from", clock);
        Instant end = to == null ? clock.instant() : parse(to, "to", clock);
        if (start.isAfter(end)) {
            throw new BadRequest("invalid-instant-range", "from (" + start + ") is after to (" + end + ").");
        }
        return new Window(start, end);
    }

    /** An export document as of {@code at}: always the whole body, never cached, the instant in a header. */
    public static ResponseEntity<byte[]> export(ExportDocument document, Instant at) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(document.mediaType()))
                .cacheControl(CacheControl.noStore()).header(HEADER, at.toString()).body(document.body());
    }

    /**
     * A detail: the live view with its version as ETag, or, with {@code at}, the view then (no ETag: it is no
     * version to send in If-Match; never cached), and {@code missing} when the record did not exist yet.
     */
    public static <T> ResponseEntity<T> detail(T live, long version, Instant at, Function<Instant, Optional<T>> then,
                                               Supplier<? extends RuntimeException> missing) {
        if (at == null) {
            return ResponseEntity.ok().eTag(Versions.etag(version)).body(live);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header(HEADER, at.toString())
                .body(then.apply(at).orElseThrow(missing));
    }
}
