package org.carpentries.amy.command.airport;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.carpentries.amy.command.Change;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.airport.events.AirportCodeChanged;
import org.carpentries.amy.command.airport.events.AirportRegistered;
import org.carpentries.amy.command.airport.events.AirportReinstated;
import org.carpentries.amy.command.airport.events.AirportRelocated;
import org.carpentries.amy.command.airport.events.AirportRenamed;
import org.carpentries.amy.command.airport.events.AirportRetired;
import org.carpentries.amy.command.lookup.Lookups;
import org.carpentries.amy.command.lookup.ReferenceKind;
import org.carpentries.amy.command.lookup.UniqueKind;

/** An airport; its IATA code and its full name are each unique. */
@Aggregate(cache = "aggregateCache")
public class Airport {

    @AggregateIdentifier
    private UUID airportId;
    private String iata;
    private String fullname;
    private String country;
    private Double latitude;
    private Double longitude;
    private boolean retired;

    protected Airport() {
    }

    @CommandHandler
    Airport(RegisterAirport cmd, Lookups lookups) {
        claimCode(cmd.airportId(), cmd.iata(), lookups);
        claimName(cmd.airportId(), cmd.fullname(), lookups);
        lookups.putReference(ReferenceKind.AIRPORT, cmd.airportId(), cmd.iata(), false);
        apply(new AirportRegistered(cmd.airportId(), cmd.iata(), cmd.fullname(), cmd.country(), cmd.latitude(),
                cmd.longitude()));
    }

    @CommandHandler
    void handle(EditAirport cmd, Lookups lookups) {
        if (cmd.iata() != null && !cmd.iata().value().equals(iata)) {
            claimCode(airportId, cmd.iata().value(), lookups);
            lookups.release(UniqueKind.AIRPORT_IATA, iata, airportId);
            lookups.putReference(ReferenceKind.AIRPORT, airportId, cmd.iata().value(), retired);
            apply(new AirportCodeChanged(airportId, cmd.iata().value()));
        }
        if (cmd.fullname() != null && !cmd.fullname().value().equals(fullname)) {
            claimName(airportId, cmd.fullname().value(), lookups);
            lookups.release(UniqueKind.AIRPORT_NAME, fullname, airportId);
            apply(new AirportRenamed(airportId, cmd.fullname().value()));
        }
        String newCountry = valueOr(cmd.country(), country);
        Double newLatitude = valueOr(cmd.latitude(), latitude);
        Double newLongitude = valueOr(cmd.longitude(), longitude);
        if (!newCountry.equals(country) || !newLatitude.equals(latitude) || !newLongitude.equals(longitude)) {
            apply(new AirportRelocated(airportId, newCountry, newLatitude, newLongitude));
        }
    }

    @CommandHandler
    void handle(RetireAirport cmd, Lookups lookups) {
        if (retired) {
            return;
        }
        lookups.putReference(ReferenceKind.AIRPORT, airportId, iata, true);
        apply(new AirportRetired(airportId));
    }

    @CommandHandler
    void handle(ReinstateAirport cmd, Lookups lookups) {
        if (!retired) {
            return;
        }
        lookups.putReference(ReferenceKind.AIRPORT, airportId, iata, false);
        apply(new AirportReinstated(airportId));
    }

    private static void claimCode(UUID id, String iata, Lookups lookups) {
        if (!lookups.claim(UniqueKind.AIRPORT_IATA, iata, id)) {
            throw new RuleViolation("airport-code-taken", "An airport with IATA code '" + iata + "' already exists.");
        }
    }

    private static void claimName(UUID id, String fullname, Lookups lookups) {
        if (!lookups.claim(UniqueKind.AIRPORT_NAME, fullname, id)) {
            throw new RuleViolation("airport-name-taken", "An airport named '" + fullname + "' already exists.");
        }
    }

    private static <T> T valueOr(Change<T> change, T current) {
        return change == null ? current : Objects.requireNonNull(change.value());
    }

    @EventSourcingHandler
    void on(AirportRegistered event) {
        airportId = event.airportId();
        iata = event.iata();
        fullname = event.fullname();
        country = event.country();
        latitude = event.latitude();
        longitude = event.longitude();
    }

    @EventSourcingHandler
    void on(AirportCodeChanged event) {
        iata = event.iata();
    }

    @EventSourcingHandler
    void on(AirportRenamed event) {
        fullname = event.fullname();
    }

    @EventSourcingHandler
    void on(AirportRelocated event) {
        country = event.country();
        latitude = event.latitude();
        longitude = event.longitude();
    }

    @EventSourcingHandler
    void on(AirportRetired event) {
        retired = true;
    }

    @EventSourcingHandler
    void on(AirportReinstated event) {
        retired = false;
    }
}
