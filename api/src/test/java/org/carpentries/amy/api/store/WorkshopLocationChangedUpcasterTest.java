package org.carpentries.amy.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.carpentries.amy.command.workshop.events.WorkshopLocationChanged;
import org.carpentries.amy.command.workshop.upcasting.WorkshopLocationChangedV1ToV2Upcaster;
import org.junit.jupiter.api.Test;

/** Revision 1 as the old code stored it, through Axon's upcasting, reads as revision 2 with the same values. */
class WorkshopLocationChangedUpcasterTest {

    private static final ObjectMapper STORE = new EventStoreConfiguration().defaultAxonObjectMapper();
    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder().objectMapper(STORE).build();
    private static final Path FIXTURES = Path.of("src/test/resources/events");
    private static final String TYPE = WorkshopLocationChanged.class.getName();
    private final WorkshopLocationChangedV1ToV2Upcaster upcaster = new WorkshopLocationChangedV1ToV2Upcaster();

    @Test
    void theV1FixtureUpcastsToTheV2Fixture() throws Exception {
        IntermediateEventRepresentation upcast = upcastOne(fixture("WorkshopLocationChanged.v1.json"), "1");

        assertThat(upcast.getType()).isEqualTo(new SimpleSerializedType(TYPE, "2"));
        assertThat(upcast.getData(JsonNode.class).getData())
                .isEqualTo(STORE.readTree(fixture("WorkshopLocationChanged.json")));
        Object event = SERIALIZER.deserialize(new SimpleSerializedObject<>(upcast.getData(JsonNode.class).getData(),
                JsonNode.class, upcast.getType()));
        assertThat(event).isEqualTo(EventContractTest.sample(WorkshopLocationChanged.class));
    }

    @Test
    void aFieldRevisionOneLeftOutIsUnknownInTheLocation() throws Exception {
        IntermediateEventRepresentation upcast = upcastOne(
                "{\"workshopId\":\"e9b4a879-18ff-3e36-b749-b44dae7e751a\",\"country\":\"W3\"}", "1");

        WorkshopLocationChanged event = SERIALIZER.deserialize(new SimpleSerializedObject<>(
                upcast.getData(JsonNode.class).getData(), JsonNode.class, upcast.getType()));
        assertThat(event.location().country()).isEqualTo("W3");
        assertThat(event.location().venue()).isNull();
        assertThat(event.location().latitude()).isNull();
    }

    @Test
    void revisionTwoPassesUnchanged() throws Exception {
        String v2 = fixture("WorkshopLocationChanged.json");
        IntermediateEventRepresentation upcast = upcastOne(v2, "2");

        assertThat(upcast.getType()).isEqualTo(new SimpleSerializedType(TYPE, "2"));
        assertThat(upcast.getData(JsonNode.class).getData()).isEqualTo(STORE.readTree(v2));
    }

    private IntermediateEventRepresentation upcastOne(String json, String revision) {
        StoredRow stored = new StoredRow(new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8),
                byte[].class, TYPE, revision));
        List<IntermediateEventRepresentation> upcast = upcaster
                .upcast(java.util.stream.Stream.of(new InitialEventRepresentation(stored, SERIALIZER))).toList();
        assertThat(upcast).hasSize(1);
        SerializedType type = upcast.get(0).getType();
        assertThat(type.getName()).isEqualTo(TYPE);
        return upcast.get(0);
    }

    /** A domain_event_entry row as the storage engines hand it to the upcaster chain. */
    private record StoredRow(SerializedObject<byte[]> getPayload) implements DomainEventData<byte[]> {

        @Override
        public String getType() {
            return "Workshop";
        }

        @Override
        public String getAggregateIdentifier() {
            return "e9b4a879-18ff-3e36-b749-b44dae7e751a";
        }

        @Override
        public long getSequenceNumber() {
            return 3;
        }

        @Override
        public String getEventIdentifier() {
            return "event-1";
        }

        @Override
        public Instant getTimestamp() {
            return Instant.parse("2016-04-06T19:05:00Z");
        }

        @Override
        public SerializedObject<byte[]> getMetaData() {
            return new SimpleSerializedObject<>("{}".getBytes(StandardCharsets.UTF_8), byte[].class,
                    MetaData.class.getName(), null);
        }
    }

    private static String fixture(String name) throws Exception {
        return Files.readString(FIXTURES.resolve(name), StandardCharsets.UTF_8);
    }
}
