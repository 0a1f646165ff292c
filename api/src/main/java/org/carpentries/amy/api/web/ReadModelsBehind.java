package org.carpentries.amy.api.web;

import java.util.List;

/**
 * A change was recorded, but the read models had not caught up within {@code amy.read-model-wait}, or a projection
 * dead-lettered one of its events: answered 202, never as an error, since the change itself did not fail.
 */
public class ReadModelsBehind extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String code;

    public ReadModelsBehind(long position) {
        super("The change was recorded (position " + position + "), but the views have not caught up yet; read it "
                + "again in a moment.", null, false, false);
        this.code = "read-models-behind";
    }

    private ReadModelsBehind(String message) {
        super(message, null, false, false);
        this.code = "read-models-dead-lettered";
    }

    /** Some views will not show the change until an admin retries their dead letters. */
    public static ReadModelsBehind deadLettered(long position, List<String> groups) {
        return new ReadModelsBehind("The change was recorded (position " + position + "), but the views "
                + String.join(", ", groups) + " could not apply it and dead-lettered it; they will show it once "
                + "the cause is fixed and the dead letters retried (/api/admin/dead-letters).");
    }

    /** {@code read-models-behind}, or {@code read-models-dead-lettered}. */
    public String code() {
        return code;
    }
}
