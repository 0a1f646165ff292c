package org.carpentries.amy.command.token;

import java.util.List;

/** What a token may read: AMY's exports, the members export, the audit log. */
public final class Scopes {

    public static final String EXPORTS_READ = "exports:read";
    public static final String MEMBERS_READ = "members:read";
    public static final String AUDIT_READ = "audit:read";
    /** Every scope there is, in the order the API lists them. */
    public static final List<String> KNOWN = List.of(EXPORTS_READ, MEMBERS_READ, AUDIT_READ);

    private Scopes() {
    }
}
