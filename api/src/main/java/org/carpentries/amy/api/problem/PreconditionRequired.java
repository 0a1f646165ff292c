package org.carpentries.amy.api.problem;

/** An update arrived without {@code If-Match}: the client must say which version it edits. */
public class PreconditionRequired extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PreconditionRequired() {
        super("This update needs an If-Match header with the ETag of the version you edit.", null, false, false);
    }
}
