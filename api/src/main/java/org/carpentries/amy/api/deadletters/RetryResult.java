package org.carpentries.amy.api.deadletters;

import java.util.List;

/** What a retry did: the sequences now applied (their letters gone) and those that failed again (still parked). */
public record RetryResult(String processingGroup, List<String> resolved, List<String> stillFailing) {
}
