package org.carpentries.amy.api.problem;

/** A request the API refuses before any command: an unknown parameter, a malformed value, an unknown filter. */
public class BadRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String code;

    public BadRequest(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
