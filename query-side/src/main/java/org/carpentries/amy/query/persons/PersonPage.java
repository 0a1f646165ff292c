package org.carpentries.amy.query.persons;

import java.util.List;

/** One page of people and how many match in all. */
public record PersonPage(long count, int page, int pageSize, List<PersonView> results) {
}
