package org.carpentries.amy.api.security;

/**
 * Who may call an endpoint: the roles people hold, the scopes of machine clients' tokens, and anyone at all.
 * {@link Access} names them per endpoint.
 */
public enum Caller {
    /** Anyone, logged in or not (AMY's public exports, health, logging in). */
    ANONYMOUS,
    /** Any person logged in, whatever roles they hold: their own session and password. Never a token. */
    PERSON,
    /** AMY's steering committee: reads everything except personal data beyond names; never writes. */
    STAFF,
    /** Reads everything, the audit log, history and as-of answers included; never writes. */
    AUDITOR,
    /** Everything. */
    ADMIN,
    /** A token with scope {@code exports:read}: the public and instructor exports. */
    EXPORTS_READ,
    /** A token with scope {@code members:read}: the members export. */
    MEMBERS_READ,
    /** A token with scope {@code audit:read}: the audit log. */
    AUDIT_READ
}
