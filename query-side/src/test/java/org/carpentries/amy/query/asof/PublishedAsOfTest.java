package org.carpentries.amy.query.asof;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.carpentries.amy.command.tag.events.TagCreated;
import org.carpentries.amy.command.workshop.events.InvoiceStatus;
import org.carpentries.amy.command.workshop.events.TagAssignedToWorkshop;
import org.carpentries.amy.command.workshop.events.TagUnassignedFromWorkshop;
import org.carpentries.amy.command.workshop.events.WorkshopArchived;
import org.carpentries.amy.command.workshop.events.Location;
import org.carpentries.amy.command.workshop.events.WorkshopLocationChanged;
import org.carpentries.amy.command.workshop.events.WorkshopMergedInto;
import org.carpentries.amy.command.workshop.events.WorkshopRestored;
import org.carpentries.amy.command.workshop.events.WorkshopScheduled;
import org.carpentries.amy.command.workshop.events.WorkshopSlugChanged;
import org.carpentries.amy.query.published.ExportFormat;
import org.carpentries.amy.query.published.PublishedQuery;
import org.carpentries.amy.query.published.PublishedRecord;
import org.junit.jupiter.api.Test;

class PublishedAsOfTest {

    private static final UUID HOST = UUID.randomUUID();
    private static final UUID DC = UUID.randomUUID();
    private static final UUID SWC = UUID.randomUUID();
    private final PublishedAsOf.Fold fold = new PublishedAsOf.Fold();
    private long position;

    @Test
    void workshopsAreNewestFirstThenInCreationOrderWithTagsInTagCreationOrder() {
        apply(new TagCreated(SWC, "SWC", ""));
        apply(new TagCreated(DC, "DC", ""));
        UUID a = scheduled("a", "2016-03-01");
        UUID b = scheduled("b", "2016-04-01");
        UUID c = scheduled("c", "2016-03-01");
        apply(new TagAssignedToWorkshop(a, DC));
        apply(new TagAssignedToWorkshop(a, SWC));

        List<PublishedRecord> records = List.copyOf(PublishedAsOf.select(fold, all()).values());

        assertThat(records).extracting(PublishedRecord::slug).containsExactly("b", "a", "c");
        assertThat(records.get(1).tagNames()).containsExactly("SWC", "DC");
        assertThat(PublishedAsOf.select(fold, tagged(DC)).keySet()).containsExactly(a);
        assertThat(PublishedAsOf.select(fold, all()).keySet()).containsExactly(b, a, c);
    }

    @Test
    void archivedMergedAndUnpublishableWorkshopsAreLeftOutAndComeBackWhenRestored() {
        apply(new TagCreated(DC, "DC", ""));
        UUID a = scheduled("a", "2016-03-01");
        UUID b = scheduled("b", "2016-03-02");
        UUID c = scheduled("c", "2016-03-03");
        apply(new WorkshopArchived(a));
        apply(new WorkshopMergedInto(b, c));
        apply(new WorkshopLocationChanged(c, new Location("US", "", "somewhere", 1.0, 2.0)));
        assertThat(PublishedAsOf.select(fold, all())).isEmpty();

        apply(new WorkshopRestored(a));
        apply(new WorkshopSlugChanged(a, "a2"));
        assertThat(PublishedAsOf.select(fold, all()).values()).extracting(PublishedRecord::slug).containsExactly("a2");
    }

    @Test
    void aTagUnassignedEverywhereLeavesItsExportEmptyAndEventsAreIdempotent() {
        apply(new TagCreated(DC, "DC", ""));
        apply(new TagCreated(DC, "renamed by a redelivery", ""));
        UUID a = scheduled("a", "2016-03-01");
        apply(new TagAssignedToWorkshop(a, DC));
        apply(new TagAssignedToWorkshop(a, DC));
        assertThat(PublishedAsOf.select(fold, tagged(DC)).values().iterator().next().tagNames())
                .containsExactly("DC");
        apply(new TagUnassignedFromWorkshop(a, DC));
        assertThat(PublishedAsOf.select(fold, tagged(DC))).isEmpty();
        assertThat(PublishedAsOf.select(fold, all())).hasSize(1);
    }

    private UUID scheduled(String slug, String start) {
        UUID id = UUID.randomUUID();
        apply(new WorkshopScheduled(id, slug, HOST, null, LocalDate.parse(start), null, "https://x.github.io/" + slug,
                null, null, null, InvoiceStatus.UNKNOWN, "", "", "US", "Library", "1 Main St", 1.0, 2.0, null, null,
                null, null, null, null));
        return id;
    }

    private void apply(Object event) {
        fold.apply(++position, event);
    }

    private static PublishedQuery all() {
        return new PublishedQuery(ExportFormat.YAML, null, null, List.of());
    }

    private static PublishedQuery tagged(UUID tag) {
        return new PublishedQuery(ExportFormat.YAML, null, null, List.of(tag));
    }
}
