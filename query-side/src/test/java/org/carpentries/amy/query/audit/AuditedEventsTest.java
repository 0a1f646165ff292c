package org.carpentries.amy.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import org.axonframework.serialization.Revision;
import org.carpentries.amy.query.history.HistoryEntry;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

class AuditedEventsTest {

    /** Every event class of the write side, found by its {@code @Revision}, as Axon stores them. */
    private static List<Class<?>> eventClasses() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        List<Class<?>> classes = new java.util.ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("org.carpentries.amy.command")) {
            classes.add(Class.forName(candidate.getBeanClassName()));
        }
        return classes;
    }

    @Test
    void everyEventOfTheWriteSideHasASummaryPhraseAndARecordType() throws ClassNotFoundException {
        List<Class<?>> events = eventClasses();
        assertThat(events).hasSizeGreaterThan(70);
        for (Class<?> event : events) {
            assertThat(AuditedEvents.phrase(event)).as("summary phrase of " + event.getName()).isPresent();
            assertThat(AuditedEvents.recordTypeOf(event)).as("record type of " + event.getName()).isPresent();
        }
        assertThat(AuditedEvents.eventTypes()).isEqualTo(new TreeSet<>(events.stream().map(Class::getSimpleName)
                .toList()));
    }

    @Test
    void recordTypesComeFromTheAggregatesMarkerInterfaces() {
        assertThat(AuditedEvents.recordTypes()).containsExactly("airport", "badge", "knowledge_domain", "lesson",
                "organisation", "person", "role", "tag", "token", "workshop");
    }

    @Test
    void summaryNamesTheRecordAndWhatChangedButNeverAPersonalValue() throws ClassNotFoundException {
        Class<?> unassigned = Class.forName("org.carpentries.amy.command.workshop.events.TagUnassignedFromWorkshop");
        assertThat(AuditedEvents.summary(unassigned, "workshop", "2016-05-06-x", List.of(
                new HistoryEntry.FieldChange("tags", List.of("DC", "LC"), List.of("LC")))))
                .isEqualTo("Workshop 2016-05-06-x: tag unassigned (tags: −DC)");
        Class<?> email = Class.forName("org.carpentries.amy.command.person.events.PersonEmailChanged");
        assertThat(AuditedEvents.summary(email, "person", "Ron Weasley", List.of(new HistoryEntry.FieldChange(
                "email", AuditProjection.SEALED + "v1:abc", AuditProjection.SEALED + "v1:def"))))
                .isEqualTo("Person Ron Weasley: email changed (email changed)");
        Class<?> renamed = Class.forName("org.carpentries.amy.command.knowledgedomain.events.KnowledgeDomainRenamed");
        assertThat(AuditedEvents.summary(renamed, "knowledge_domain", "Chemistry", List.of(
                new HistoryEntry.FieldChange("name", "Chem", "Chemistry"))))
                .isEqualTo("Knowledge domain Chemistry: knowledge domain renamed (name: Chem → Chemistry)");
    }

    @Test
    void csvQuotesFieldsWithCommasQuotesAndLineBreaks() {
        assertThat(AuditCsv.quoted("plain")).isEqualTo("plain");
        assertThat(AuditCsv.quoted("a, b")).isEqualTo("\"a, b\"");
        assertThat(AuditCsv.quoted("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditCsv.quoted("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AuditCsv.changes(List.of(new AuditEntry.Change("tags", List.of("DC"), List.of()),
                new AuditEntry.Change("venue", null, "Main")))).isEqualTo("tags: [\"DC\"] → []; venue: null → \"Main\"");
    }
}
