package org.carpentries.amy.query.instructors;

import java.util.List;

/** One page of instructors found and how many match in all. */
public record InstructorPage(long count, int page, int pageSize, List<InstructorMatch> results) {
}
