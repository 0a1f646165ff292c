package org.carpentries.amy.command.person.events;

import org.carpentries.amy.command.workshop.events.MergeChoice;

/**
 * For each field of a person merge, which side it comes from ({@code a}, {@code b}, or {@code combine}). {@code id}
 * picks the survivor ({@code a} or {@code b}); only {@code notes}, {@code awards}, {@code qualifications},
 * {@code domains} and {@code tasks} may combine. AMY's {@code is_active} has no counterpart: people here have no
 * login flag.
 */
public record PersonMergeStrategy(MergeChoice id, MergeChoice username, MergeChoice personal, MergeChoice middle,
                                  MergeChoice family, MergeChoice email, MergeChoice mayContact, MergeChoice gender,
                                  MergeChoice airport, MergeChoice github, MergeChoice twitter, MergeChoice url,
                                  MergeChoice affiliation, MergeChoice occupation, MergeChoice orcid,
                                  MergeChoice notes, MergeChoice awards, MergeChoice qualifications,
                                  MergeChoice domains, MergeChoice tasks) {

    /** Every field from A, as AMY's form defaulted. */
    public static PersonMergeStrategy allFromA() {
        MergeChoice a = MergeChoice.A;
        return new PersonMergeStrategy(a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a);
    }
}
