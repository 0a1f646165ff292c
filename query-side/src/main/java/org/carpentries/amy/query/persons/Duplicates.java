package org.carpentries.amy.query.persons;

import java.util.List;
import java.util.UUID;

/** AMY's duplicates report: switched names, identical names, and (ours) the same email in any case. */
public record Duplicates(List<Pair> switchedNames, List<Pair> duplicateNames, List<Pair> sameEmail) {

    /** Two people who may be one. */
    public record Pair(Who a, Who b) {
    }

    /** A person in the report. */
    public record Who(UUID id, String username, String fullName) {
    }
}
