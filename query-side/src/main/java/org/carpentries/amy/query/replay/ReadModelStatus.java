package org.carpentries.amy.query.replay;

/** A read model's processor: the last event position it has handled, the store's head, and the gap between. */
public record ReadModelStatus(String name, String state, long position, long head, long lag,
                              RebuildProgress lastRebuild) {
}
