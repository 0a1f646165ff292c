package org.carpentries.amy.query.workshops;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Which workshops to list: all given tags (AND), host, administrator, assignee (or only unassigned ones), published,
 * completed, archived (default:
 * not archived), inclusive date ranges, a text search over slug, url, contact, venue and address, timing, ordering
 * and a page (1-based).
 */
public record FindWorkshops(List<UUID> tagIds, UUID hostId, UUID administratorId, UUID assignedTo,
                            boolean unassigned, Boolean published,
                            Boolean completed, boolean archived, LocalDate startFrom, LocalDate startTo,
                            LocalDate endFrom, LocalDate endTo, String text, Timing timing, WorkshopOrder order,
                            int page, int pageSize) {

    public FindWorkshops {
        tagIds = tagIds == null ? List.of() : List.copyOf(tagIds);
        order = order == null ? WorkshopOrder.START_DESC : order;
        page = Math.max(page, 1);
    }
}
