package org.carpentries.amy.query.replay;

/**
 * A read model and its processor (which may run other models too: they share its position): the last event position
 * it has handled, the store's head, and the gap between.
 */
public record ReadModelStatus(String name, String processor, String state, long position, long head, long lag,
                              RebuildProgress lastRebuild) {
}
