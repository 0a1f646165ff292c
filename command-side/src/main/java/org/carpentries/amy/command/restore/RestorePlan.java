package org.carpentries.amy.command.restore;

import java.util.List;

/**
 * The commands a restore sends, in order, and the changes they make. {@code laterLinks}: for a tag's links, the
 * workshops that gained the tag after the instant (removed only when asked).
 */
public record RestorePlan(List<RestoreStep> commands, List<RecordDiff> diff, List<RecordRef> laterLinks) {

    public RestorePlan {
        commands = List.copyOf(commands);
        diff = List.copyOf(diff);
        laterLinks = List.copyOf(laterLinks);
    }
}
