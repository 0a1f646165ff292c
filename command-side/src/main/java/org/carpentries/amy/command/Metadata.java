package org.carpentries.amy.command;

/** The metadata keys every command and event carries. */
public final class Metadata {

    /** Person id, account id or client id of whoever caused the change; {@code system} for AMY itself. */
    public static final String ACTOR = "actor";
    /** A readable name of the actor at the time (a username or client name). */
    public static final String ACTOR_NAME = "actor_name";
    /** The HTTP request (or job run) that caused the change. */
    public static final String REQUEST_ID = "request_id";
    /** The first message of the chain that led here. */
    public static final String CORRELATION_ID = "correlation_id";
    /** The message that directly caused this one. */
    public static final String CAUSATION_ID = "causation_id";
    /** Why, in the actor's words; optional. */
    public static final String REASON = "reason";
    /** On events a restore recorded: the instant (UTC) whose state it brought back. */
    public static final String RESTORED_AS_OF = "restored_as_of";

    public static final String SYSTEM_ACTOR = "system";

    private Metadata() {
    }
}
