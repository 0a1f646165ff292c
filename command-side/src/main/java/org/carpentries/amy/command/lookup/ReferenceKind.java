package org.carpentries.amy.command.lookup;

/** The kinds of record other aggregates refer to by id. */
public enum ReferenceKind {
    TAG,
    ORGANISATION,
    /** A login account; workshops are assigned to admins by it. */
    ACCOUNT,
    AIRPORT,
    LESSON,
    ROLE,
    KNOWLEDGE_DOMAIN,
    BADGE,
    PERSON,
    /** Awards may name the workshop they were earned at. */
    WORKSHOP
}
