package org.carpentries.amy.api.problem;

/** A request the API refuses before any command: an unknown parameter, a malformed value, an unknown filter. */
public class BadRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String code;
    private final String where;
    private final String field;

    public BadRequest(String code, String message) {
        this(code, message, null, null);
    }

    /**
     * A refusal of one value, named in the problem's {@code errors}: {@code where} is {@code query}, {@code path},
     * {@code header} or {@code body}, {@code field} the parameter, header or JSON field.
     */
    public BadRequest(String code, String message, String where, String field) {
        super(message, null, false, false);
        this.code = code;
        this.where = where;
        this.field = field;
    }

    public String code() {
        return code;
    }

    /** Where the refused value was ({@code query}, {@code path}, {@code header}, {@code body}), or null. */
    public String where() {
        return where;
    }

    /** The parameter, header or field refused, or null. */
    public String field() {
        return field;
    }
}
