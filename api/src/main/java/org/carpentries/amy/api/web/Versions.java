package org.carpentries.amy.api.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carpentries.amy.api.problem.BadRequest;
import org.carpentries.amy.api.problem.PreconditionRequired;

/** The aggregate version as a strong {@code ETag}, and the version an {@code If-Match} names. */
public final class Versions {

    private static final Pattern TAG = Pattern.compile("\\s*(?:W/)?\"(\\d{1,18})\"\\s*");

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version named by a required {@code If-Match}: 428 when missing, 400 when it is not one of ours. */
    public static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequired();
        }
        Matcher m = TAG.matcher(ifMatch);
        if (!m.matches()) {
            throw new BadRequest("if-match-invalid", "If-Match must be the ETag of the record, such as \"3\".");
        }
        return Long.parseLong(m.group(1));
    }
}
