package org.carpentries.amy.command.airport;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.carpentries.amy.command.Change;
import org.carpentries.amy.command.Checks;
import org.carpentries.amy.command.Countries;

/**
 * Change some of an airport's fields; a null change leaves a field alone. Same rules as registering: no field can
 * be cleared, a new IATA code or full name must be free.
 */
public record EditAirport(@TargetAggregateIdentifier UUID airportId, @TargetAggregateVersion Long expectedVersion,
                          Change<String> iata, Change<String> fullname, Change<String> country,
                          Change<Double> latitude, Change<Double> longitude) {

    public EditAirport {
        Objects.requireNonNull(airportId, "airportId");
        iata = iata == null ? null : Change.to(AirportRules.normaliseIata(iata.value()));
        fullname = fullname == null ? null : Change.to(Checks.blankToNull(fullname.value()));
        country = country == null ? null : Change.to(Countries.normalise(country.value()));
        Checks checks = new Checks();
        if (iata != null) {
            AirportRules.checkIata(iata.value(), checks);
        }
        if (fullname != null) {
            AirportRules.checkFullname(fullname.value(), checks);
        }
        if (country != null) {
            AirportRules.checkCountry(country.value(), checks);
        }
        if (latitude != null) {
            AirportRules.checkLatitude(latitude.value(), checks);
        }
        if (longitude != null) {
            AirportRules.checkLongitude(longitude.value(), checks);
        }
        checks.throwIfAny();
    }
}
