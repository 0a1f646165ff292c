package org.carpentries.amy.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.carpentries.amy.command.workshop.events.TagAssignedToWorkshop;
import org.carpentries.amy.command.workshop.events.TagUnassignedFromWorkshop;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Aggregates cached between commands (BoundedAggregateCache), over HTTP and the real store. */
class AggregateCacheIT extends AmyIT {

    @Autowired
    EventStore eventStore;
    @Autowired
    PlatformTransactionManager transactions;

    /**
     * Another node on the same PostgreSQL unassigns a tag from a workshop this node has cached. Assigning the tag
     * again here must see that: a stale cached workshop would still hold the tag, answer that nothing needs doing
     * and record nothing.
     */
    @Test
    void aCachedAggregateIsNotUsedOnceTheStoreHoldsANewerEvent() {
        String host = unique("cache") + ".org";
        String kept = unique("KEPT");
        String moved = unique("MOVED");
        api.post("/api/organisations", Fixtures.organisation(host));
        api.post("/api/tags", Fixtures.tag(kept));
        api.post("/api/tags", Fixtures.tag(moved));
        String slug = unique("cached");
        assertThat(api.post("/api/workshops", Fixtures.publishedWorkshop(slug, host, "2019-03-04", List.of(kept)))
                .status()).isEqualTo(201);
        assertThat(api.put("/api/workshops/" + slug + "/tags/" + moved, null).status()).isEqualTo(204);
        UUID workshop = UUID.fromString(api.get("/api/workshops/" + slug).json().path("id").asText());
        UUID tag = UUID.fromString(api.get("/api/tags/" + moved).json().path("id").asText());
        assertThat(assignments(workshop, tag)).isEqualTo(1);

        long last = jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry "
                + "WHERE aggregate_identifier = ?", Long.class, workshop.toString());
        String type = jdbc.queryForObject("SELECT type FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 0", String.class, workshop.toString());
        new TransactionTemplate(transactions).executeWithoutResult(s -> eventStore.publish(
                new GenericDomainEventMessage<>(type, workshop.toString(), last + 1,
                        new TagUnassignedFromWorkshop(workshop, tag))));

        assertThat(api.put("/api/workshops/" + slug + "/tags/" + moved, null).status()).isEqualTo(204);
        assertThat(assignments(workshop, tag)).isEqualTo(2);
        assertThat(api.get("/api/workshops/" + slug).json().path("tags").findValuesAsText("name"))
                .containsExactlyInAnyOrder(kept, moved);
    }

    private long assignments(UUID workshop, UUID tag) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = ? AND convert_from(payload, 'UTF8') LIKE ?", Long.class, workshop.toString(),
                TagAssignedToWorkshop.class.getName(), "%" + tag + "%");
        return n == null ? 0 : n;
    }
}
