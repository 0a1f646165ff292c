package org.carpentries.amy.api.web;

/**
 * A change was recorded, but the read models had not caught up within {@code amy.read-model-wait}: answered 202,
 * never as an error, since nothing failed.
 */
public class ReadModelsBehind extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReadModelsBehind(long position) {
        super("The change was recorded (position " + position + "), but the views have not caught up yet; read it "
                + "again in a moment.", null, false, false);
    }
}
