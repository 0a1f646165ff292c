package org.carpentries.amy.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.carpentries.amy.query.published.ExportDocument;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An export document as an answer: 304 when the request's validators match it, else 200 with its bytes. */
public final class ExportResponses {

    private ExportResponses() {
    }

    /** {@code lastModified} is the document's, or later (an export whose window moves at midnight). */
    public static ResponseEntity<byte[]> of(HttpServletRequest request, ExportDocument document, Instant lastModified) {
        Instant modified = lastModified.truncatedTo(ChronoUnit.SECONDS);
        if (notModified(request, document.etag(), modified)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(document.etag()).lastModified(modified)
                    .cacheControl(CacheControl.noCache()).build();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(document.mediaType()))
                .eTag(document.etag()).lastModified(modified).cacheControl(CacheControl.noCache())
                .body(document.body());
    }

    /** If-None-Match decides when present (strong or weak match, or *); otherwise If-Modified-Since. */
    static boolean notModified(HttpServletRequest request, String etag, Instant modified) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            for (String candidate : ifNoneMatch.split(",")) {
                String c = candidate.strip();
                if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                    return true;
                }
            }
            return false;
        }
        String since = request.getHeader(HttpHeaders.IF_MODIFIED_SINCE);
        if (since != null) {
            try {
                Instant t = ZonedDateTime.parse(since, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !modified.isAfter(t);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }
}
