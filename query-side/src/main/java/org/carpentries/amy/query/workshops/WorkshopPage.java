package org.carpentries.amy.query.workshops;

import java.util.List;

/** One page of workshops and how many match in all. */
public record WorkshopPage(long count, int page, int pageSize, List<WorkshopView> results) {
}
