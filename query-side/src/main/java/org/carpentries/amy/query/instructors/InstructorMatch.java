package org.carpentries.amy.query.instructors;

import java.util.List;
import java.util.UUID;

/**
 * An instructor found: their airport's IATA code and country, the squared latitude/longitude distance AMY ordered by
 * (none for a country search), lessons and badges by name, and how many times they taught.
 */
public record InstructorMatch(UUID id, String name, String username, String airport, String country, Double distance,
                              List<String> lessons, List<String> badges, long numTaught) {
}
