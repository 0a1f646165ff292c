package org.carpentries.amy.api.web;

import java.io.IOException;

/** Thrown while a request body is read past {@code amy.max-body-bytes}; answered with 413. */
public final class TooLargeBody extends IOException {

    private static final long serialVersionUID = 1L;

    TooLargeBody(long limit) {
        super("The request body is larger than " + limit + " bytes.");
    }
}
