package org.carpentries.amy.query.reports;

import java.util.UUID;

/** A contactable instructor and how many times they taught (instructor tasks at live workshops). */
public record InstructorTaught(UUID personId, String name, long numTaught) {
}
