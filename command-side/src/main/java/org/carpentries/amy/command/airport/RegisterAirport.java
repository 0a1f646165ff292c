package org.carpentries.amy.command.airport;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carpentries.amy.command.Checks;
import org.carpentries.amy.command.Countries;

/**
 * Make an airport known. Rejects a malformed or taken IATA code, a missing or taken full name, an unknown country,
 * and coordinates that are missing or off the globe.
 */
public record RegisterAirport(@TargetAggregateIdentifier UUID airportId, String iata, String fullname,
                              String country, Double latitude, Double longitude) {

    public RegisterAirport {
        Objects.requireNonNull(airportId, "airportId");
        iata = AirportRules.normaliseIata(iata);
        fullname = Checks.blankToNull(fullname);
        country = Countries.normalise(country);
        Checks checks = new Checks();
        AirportRules.checkIata(iata, checks);
        AirportRules.checkFullname(fullname, checks);
        AirportRules.checkCountry(country, checks);
        AirportRules.checkLatitude(latitude, checks);
        AirportRules.checkLongitude(longitude, checks).throwIfAny();
    }
}
