package org.carpentries.amy.api.deadletters;

import java.util.List;

/** A processing group's dead letters, oldest sequence first, each sequence in order. */
public record DeadLetterGroup(String processingGroup, long deadLetters, long sequences, List<DeadLetterView> letters) {
}
