package org.carpentries.amy.api.exports;

/** A known format that this export was never rendered in (AMY's renderers answered 404 for it). */
class FormatNotAvailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    FormatNotAvailable(String message) {
        super(message, null, false, false);
    }
}
