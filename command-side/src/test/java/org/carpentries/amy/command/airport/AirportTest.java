package org.carpentries.amy.command.airport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carpentries.amy.command.Change;
import org.carpentries.amy.command.InvalidInput;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.airport.events.AirportCodeChanged;
import org.carpentries.amy.command.airport.events.AirportRegistered;
import org.carpentries.amy.command.airport.events.AirportReinstated;
import org.carpentries.amy.command.airport.events.AirportRelocated;
import org.carpentries.amy.command.airport.events.AirportRenamed;
import org.carpentries.amy.command.airport.events.AirportRetired;
import org.carpentries.amy.command.lookup.InMemoryLookups;
import org.carpentries.amy.command.lookup.ReferenceKind;
import org.carpentries.amy.command.lookup.UniqueKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AirportTest {

    private static final UUID AMS = UUID.fromString("00000000-0000-0000-0000-000000000a35");
    private static final AirportRegistered REGISTERED =
            new AirportRegistered(AMS, "AMS", "Amsterdam Airport Schiphol", "NL", 52.3086, 4.7639);
    private AggregateTestFixture<Airport> fixture;
    private InMemoryLookups lookups;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Airport.class);
        lookups = new InMemoryLookups();
        fixture.registerInjectableResource(lookups);
    }

    @Test
    void registeringUpperCasesTheCodeAndClaimsCodeAndName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAirport(AMS, " ams ", " Amsterdam Airport Schiphol ", "nl", 52.3086, 4.7639))
                .expectEvents(REGISTERED);
        assertThat(lookups.holder(UniqueKind.AIRPORT_IATA, "AMS")).contains(AMS);
        assertThat(lookups.holder(UniqueKind.AIRPORT_NAME, "Amsterdam Airport Schiphol")).contains(AMS);
        assertThat(lookups.reference(ReferenceKind.AIRPORT, AMS)).hasValueSatisfying(r -> {
            assertThat(r.label()).isEqualTo("AMS");
            assertThat(r.retired()).isFalse();
        });
    }

    @Test
    void aTakenCodeOrNameIsRejected() {
        lookups.claim(UniqueKind.AIRPORT_IATA, "AMS", UUID.randomUUID());
        fixture.givenNoPriorActivity()
                .when(new RegisterAirport(AMS, "ams", "Schiphol", "NL", 52.3, 4.7))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("An airport with IATA code 'AMS' already exists.");
        lookups.claim(UniqueKind.AIRPORT_NAME, "Schiphol", UUID.randomUUID());
        fixture.givenNoPriorActivity()
                .when(new RegisterAirport(AMS, "XAM", "Schiphol", "NL", 52.3, 4.7))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("An airport named 'Schiphol' already exists.");
    }

    @Test
    void everyFieldIsRequiredAndCheckedTogether() {
        assertThatThrownBy(() -> new RegisterAirport(AMS, " ", "", null, null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field)
                        .containsExactly("iata", "fullname", "country", "latitude", "longitude"));
    }

    @Test
    void codesAreLettersAndDigitsAndCoordinatesLieOnTheGlobe() {
        assertThat(codes(() -> new RegisterAirport(AMS, "A-M", "x", "NL", 0.0, 0.0))).containsExactly("iata-invalid");
        assertThat(codes(() -> new RegisterAirport(AMS, "ÅMS", "x", "NL", 0.0, 0.0))).containsExactly("iata-invalid");
        assertThat(codes(() -> new RegisterAirport(AMS, "ABCDEFGHIJK", "x", "NL", 0.0, 0.0)))
                .containsExactly("too-long");
        assertThat(codes(() -> new RegisterAirport(AMS, "AMS", "x".repeat(101), "NL", 0.0, 0.0)))
                .containsExactly("too-long");
        assertThat(codes(() -> new RegisterAirport(AMS, "AMS", "x", "XX", 0.0, 0.0)))
                .containsExactly("country-unknown");
        assertThat(codes(() -> new RegisterAirport(AMS, "AMS", "x", "NL", 90.5, -180.5)))
                .containsExactly("latitude-out-of-range", "longitude-out-of-range");
        assertThat(codes(() -> new RegisterAirport(AMS, "AMS", "x", "NL", Double.NaN, 0.0)))
                .containsExactly("latitude-out-of-range");
        assertThat(new RegisterAirport(AMS, "ams1", "x", "nl", -90.0, 180.0).iata()).isEqualTo("AMS1");
    }

    @Test
    void changingTheCodeMovesItsClaimAndTheReferenceLabel() {
        lookups.claim(UniqueKind.AIRPORT_IATA, "AMS", AMS);
        fixture.given(REGISTERED)
                .when(new EditAirport(AMS, null, Change.to("spl"), null, null, null, null))
                .expectEvents(new AirportCodeChanged(AMS, "SPL"));
        assertThat(lookups.holder(UniqueKind.AIRPORT_IATA, "AMS")).isEmpty();
        assertThat(lookups.holder(UniqueKind.AIRPORT_IATA, "SPL")).contains(AMS);
        assertThat(lookups.reference(ReferenceKind.AIRPORT, AMS).orElseThrow().label()).isEqualTo("SPL");
    }

    @Test
    void aCodeHeldByAnotherAirportIsRefusedAndNothingIsReleased() {
        lookups.claim(UniqueKind.AIRPORT_IATA, "AMS", AMS);
        lookups.claim(UniqueKind.AIRPORT_IATA, "RTM", UUID.randomUUID());
        fixture.given(REGISTERED)
                .when(new EditAirport(AMS, null, Change.to("RTM"), null, null, null, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        assertThat(lookups.holder(UniqueKind.AIRPORT_IATA, "AMS")).contains(AMS);
    }

    @Test
    void editingRecordsOnlyWhatChangedAsSpecificFacts() {
        lookups.claim(UniqueKind.AIRPORT_NAME, "Amsterdam Airport Schiphol", AMS);
        fixture.given(REGISTERED)
                .when(new EditAirport(AMS, null, Change.to("AMS"), Change.to("Schiphol"), null, Change.to(52.31),
                        null))
                .expectEvents(new AirportRenamed(AMS, "Schiphol"), new AirportRelocated(AMS, "NL", 52.31, 4.7639));
        assertThat(lookups.holder(UniqueKind.AIRPORT_NAME, "Amsterdam Airport Schiphol")).isEmpty();
        fixture.given(REGISTERED)
                .when(new EditAirport(AMS, null, Change.to("ams"), Change.to("Amsterdam Airport Schiphol"),
                        Change.to("nl"), Change.to(52.3086), Change.to(4.7639)))
                .expectNoEvents();
    }

    @Test
    void noFieldCanBeCleared() {
        assertThat(codes(() -> new EditAirport(AMS, 1L, Change.to(null), Change.to(""), Change.to(null),
                Change.to(null), Change.to(null)))).containsExactly("required", "required", "required", "required",
                "required");
    }

    @Test
    void editingAtAnOlderVersionIsAConflict() {
        fixture.given(REGISTERED, new AirportRenamed(AMS, "Schiphol"))
                .when(new EditAirport(AMS, 0L, null, null, Change.to("BE"), null, null))
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void retiringAndReinstatingAreIdempotentAndUpdateTheLookup() {
        fixture.given(REGISTERED)
                .when(new RetireAirport(AMS))
                .expectEvents(new AirportRetired(AMS));
        assertThat(lookups.reference(ReferenceKind.AIRPORT, AMS).orElseThrow().retired()).isTrue();
        fixture.given(REGISTERED, new AirportRetired(AMS))
                .when(new RetireAirport(AMS))
                .expectNoEvents();
        fixture.given(REGISTERED, new AirportRetired(AMS))
                .when(new ReinstateAirport(AMS))
                .expectEvents(new AirportReinstated(AMS));
        assertThat(lookups.reference(ReferenceKind.AIRPORT, AMS).orElseThrow().retired()).isFalse();
        fixture.given(REGISTERED)
                .when(new ReinstateAirport(AMS))
                .expectNoEvents();
    }

    private static java.util.List<String> codes(Runnable command) {
        try {
            command.run();
        } catch (InvalidInput e) {
            return e.errors().stream().map(InvalidInput.FieldError::code).toList();
        }
        return java.util.List.of();
    }
}
