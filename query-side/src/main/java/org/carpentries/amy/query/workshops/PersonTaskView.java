package org.carpentries.amy.query.workshops;

import java.time.LocalDate;
import java.util.UUID;

/** One of a person's tasks: the workshop (slug, dates, whether it is archived) and the role, by id and name. */
public record PersonTaskView(UUID workshopId, String slug, LocalDate start, LocalDate end, boolean archived,
                             UUID roleId, String role) {
}
