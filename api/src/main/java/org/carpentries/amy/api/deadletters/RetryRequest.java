package org.carpentries.amy.api.deadletters;

/** Which sequence to retry; without one, every sequence of the group. */
public record RetryRequest(String sequenceId) {
}
