package org.carpentries.amy.query.persons;

import java.time.LocalDate;
import java.util.UUID;

/** A person who holds a badge, as badge lists and AMY's badges export show them. */
public record BadgeHolder(UUID personId, String username, String fullName, LocalDate awarded) {
}
