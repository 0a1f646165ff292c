package org.carpentries.amy.command.workshop.events;

/**
 * Where a workshop takes place: country (ISO code), venue, address and coordinates, each possibly unknown. Online
 * workshops use country {@code W3} and venue and address {@code Internet}.
 */
public record Location(String country, String venue, String address, Double latitude, Double longitude) {
}
