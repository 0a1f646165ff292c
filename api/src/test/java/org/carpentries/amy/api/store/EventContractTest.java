package org.carpentries.amy.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.Revision;
import org.carpentries.amy.command.person.events.PersonMergeStrategy;
import org.carpentries.amy.command.person.events.Sealed;
import org.carpentries.amy.command.workshop.events.InvoiceStatus;
import org.carpentries.amy.command.workshop.events.MergeChoice;
import org.carpentries.amy.command.workshop.events.WorkshopMergeStrategy;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Events are the published language: each one's JSON, as the event store writes it, equals its fixture in
 * {@code src/test/resources/events/}, and the fixture reads back to the same event. A new event needs a fixture
 * (run once with {@code -Damy.fixtures.write=true} and review what it wrote); a changed one needs a new revision,
 * an upcaster, and the previous fixture kept as {@code Name.v<revision>.json}.
 */
class EventContractTest {

    private static final ObjectMapper STORE = new EventStoreConfiguration().defaultAxonObjectMapper();
    private static final ObjectMapper PRETTY = STORE.copy().enable(SerializationFeature.INDENT_OUTPUT);
    /** Compares JSON trees without turning 1250.00 into a double. */
    private static final ObjectMapper EXACT = STORE.copy()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    private static final Path FIXTURES = Path.of("src/test/resources/events");

    @TestFactory
    Stream<DynamicTest> everyEventMatchesItsFixture() {
        List<Class<?>> events = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.carpentries.amy.command")) {
            if (c.isAnnotatedWith(Revision.class)) {
                events.add(c.reflect());
            }
        }
        assertThat(events).hasSizeGreaterThan(25);
        return events.stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> check(type)));
    }

    private static void check(Class<?> type) throws Exception {
        int revision = Integer.parseInt(type.getAnnotation(Revision.class).value());
        assertThat(revision).isPositive();
        for (int older = 1; older < revision; older++) {
            assertThat(FIXTURES.resolve(type.getSimpleName() + ".v" + older + ".json"))
                    .as("revision " + older + " of " + type.getSimpleName() + ", for its upcaster's test").exists();
        }
        Object sample = sample(type);
        Path fixture = FIXTURES.resolve(type.getSimpleName() + ".json");
        String pretty = PRETTY.writeValueAsString(sample) + "\n";
        if (Boolean.getBoolean("amy.fixtures.write") && !Files.exists(fixture)) {
            Files.writeString(fixture, pretty, StandardCharsets.UTF_8);
        }
        assertThat(fixture).as("fixture for " + type.getSimpleName()).exists();
        String expected = Files.readString(fixture, StandardCharsets.UTF_8);
        assertThat(EXACT.readTree(STORE.writeValueAsBytes(sample))).isEqualTo(EXACT.readTree(expected));
        assertThat(STORE.readValue(expected, type)).isEqualTo(sample);
    }

    /** A deterministic instance: every component gets a value derived from its name and type. */
    static Object sample(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = types[i] == List.class && components[i].getGenericType()
                    instanceof java.lang.reflect.ParameterizedType p && p.getActualTypeArguments()[0] == String.class
                    ? List.of(components[i].getName() + " value") : value(components[i].getName(), types[i]);
        }
        return type.getDeclaredConstructor(types).newInstance(values);
    }

    private static Object value(String name, Class<?> type) throws Exception {
        if (type == UUID.class) {
            return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        }
        if (type == String.class) {
            return name + " value";
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2016, 4, 6).plusDays(name.length());
        }
        if (type == java.time.Instant.class) {
            return java.time.Instant.parse("2016-04-06T19:05:00Z").plusSeconds(name.length());
        }
        if (type == Integer.class) {
            return name.length();
        }
        if (type == Double.class) {
            return name.length() + 0.25;
        }
        if (type == BigDecimal.class) {
            return new BigDecimal("1250.00");
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == Sealed.class) {
            return new Sealed("v1:" + java.util.Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8)));
        }
        if (type == org.carpentries.amy.command.person.events.LoginRole.class) {
            return org.carpentries.amy.command.person.events.LoginRole.AUDITOR;
        }
        if (type == InvoiceStatus.class) {
            return InvoiceStatus.NA_SELF_ORG;
        }
        if (type == WorkshopMergeStrategy.class) {
            MergeChoice a = MergeChoice.A;
            MergeChoice b = MergeChoice.B;
            MergeChoice c = MergeChoice.COMBINE;
            return new WorkshopMergeStrategy(a, b, a, a, a, a, a, b, a, a, a, a, a, a, a, a, a, a, a, a, c, c, c, c, b,
                    b, c);
        }
        if (type == PersonMergeStrategy.class) {
            MergeChoice a = MergeChoice.A;
            MergeChoice b = MergeChoice.B;
            MergeChoice c = MergeChoice.COMBINE;
            return new PersonMergeStrategy(a, b, a, a, a, b, a, a, a, b, a, a, a, a, a, c, c, c, b, c);
        }
        if (type.isRecord()) {
            return sample(type);
        }
        throw new IllegalArgumentException("No sample value for " + type + " " + name);
    }
}
