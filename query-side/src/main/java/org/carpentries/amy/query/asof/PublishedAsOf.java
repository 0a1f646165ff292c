package org.carpentries.amy.query.asof;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.carpentries.amy.command.tag.events.TagCreated;
import org.carpentries.amy.command.workshop.events.TagAssignedToWorkshop;
import org.carpentries.amy.command.workshop.events.TagUnassignedFromWorkshop;
import org.carpentries.amy.command.workshop.events.WorkshopAdministratorChanged;
import org.carpentries.amy.command.workshop.events.WorkshopArchived;
import org.carpentries.amy.command.workshop.events.WorkshopContactChanged;
import org.carpentries.amy.command.workshop.events.WorkshopDatesChanged;
import org.carpentries.amy.command.workshop.events.WorkshopEvent;
import org.carpentries.amy.command.workshop.events.WorkshopHostChanged;
import org.carpentries.amy.command.workshop.events.WorkshopLocationChanged;
import org.carpentries.amy.command.workshop.events.WorkshopMergedInto;
import org.carpentries.amy.command.workshop.events.WorkshopRegistrationKeyChanged;
import org.carpentries.amy.command.workshop.events.WorkshopRestored;
import org.carpentries.amy.command.workshop.events.WorkshopScheduled;
import org.carpentries.amy.command.workshop.events.WorkshopSlugChanged;
import org.carpentries.amy.command.workshop.events.WorkshopUrlChanged;
import org.carpentries.amy.query.Renders;
import org.carpentries.amy.query.published.ExportDocument;
import org.carpentries.amy.query.published.PublishedExport;
import org.carpentries.amy.query.published.PublishedQuery;
import org.carpentries.amy.query.published.PublishedRecord;
import org.springframework.stereotype.Component;

/**
 * The published export as it was at an instant: the events {@code PublishedProjection} listens to, folded in memory
 * in the same order and with the same rules, then selected, ordered and rendered as the live export is (start
 * descending, then creation; tag names in tag creation order).
 */
@Component
public class PublishedAsOf {

    static final List<Class<?>> TYPES = List.of(TagCreated.class, WorkshopScheduled.class, WorkshopSlugChanged.class,
            WorkshopUrlChanged.class, WorkshopHostChanged.class, WorkshopAdministratorChanged.class,
            WorkshopDatesChanged.class, WorkshopLocationChanged.class, WorkshopContactChanged.class,
            WorkshopRegistrationKeyChanged.class, TagAssignedToWorkshop.class, TagUnassignedFromWorkshop.class,
            WorkshopArchived.class, WorkshopRestored.class, WorkshopMergedInto.class);

    private final StoredEvents events;
    private final Renders renders;

    /** Each of its answers folds the history up to its instant in memory, in one of the {@link Renders} slots. */
    public PublishedAsOf(StoredEvents events, Renders renders) {
        this.events = events;
        this.renders = renders;
    }

    /** The document the live export would have answered at {@code asOf}. */
    public ExportDocument render(PublishedQuery query, Instant asOf) {
        return renders.render(() -> {
            byte[] body = PublishedExport.body(query.format(), records(query, asOf).values().stream().toList())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return ExportDocument.of(body, asOf, query.format().mediaType());
        });
    }

    /** The export's records that appeared, went or changed between the two instants, matched by slug. */
    public ExportDiff diff(PublishedQuery query, Instant from, Instant to) {
        return renders.render(() -> Diffs.records("published", from, to, "slug", fields(query, from),
                fields(query, to)));
    }

    private List<Map<String, Object>> fields(PublishedQuery query, Instant asOf) {
        return records(query, asOf).values().stream().map(PublishedRecord::fields).toList();
    }

    /** How many workshops that are not archived carried the tag at {@code asOf}, as a tag's detail counts them. */
    public long workshopsTagged(UUID tag, Instant asOf) {
        return renders.render(() -> fold(asOf).workshops.values().stream()
                .filter(w -> !w.archived && w.tags.contains(tag)).count());
    }

    /** The records the export held at {@code asOf}, in its order, by workshop id. */
    public Map<UUID, PublishedRecord> records(PublishedQuery query, Instant asOf) {
        return renders.render(() -> select(fold(asOf), query));
    }

    /** The live export's selection and order, applied to the folded model. */
    static Map<UUID, PublishedRecord> select(Fold fold, PublishedQuery query) {
        Map<UUID, PublishedRecord> records = new LinkedHashMap<>();
        fold.workshops.values().stream()
                .filter(w -> !w.archived && w.publishable() && query.selects(w.host, w.administrator, w.tags))
                .sorted(Comparator.comparing((Workshop w) -> w.start).reversed().thenComparingLong(w -> w.created))
                .forEach(w -> records.put(w.id, w.record(fold.tags)));
        return records;
    }

    private Fold fold(Instant asOf) {
        Fold fold = new Fold();
        events.read(TYPES, asOf, e -> fold.apply(e.position(), e.payload()));
        return fold;
    }

    /** The export's model: workshops and tags as {@code published_workshop} and {@code published_tag} hold them. */
    static final class Fold {

        final Map<UUID, Tag> tags = new HashMap<>();
        final Map<UUID, Workshop> workshops = new HashMap<>();

        void apply(long position, Object event) {
            if (event instanceof TagCreated e) {
                tags.putIfAbsent(e.tagId(), new Tag(e.name(), position));
            } else if (event instanceof WorkshopScheduled e) {
                workshops.computeIfAbsent(e.workshopId(), id -> new Workshop(id, e, position));
            } else if (event instanceof WorkshopEvent e) {
                Workshop w = workshops.get(e.workshopId());
                if (w != null) {
                    w.apply(event);
                }
            }
        }
    }

    record Tag(String name, long created) {
    }

    static final class Workshop {

        final UUID id;
        final long created;
        String slug;
        UUID host;
        UUID administrator;
        LocalDate start;
        LocalDate end;
        String url;
        String registrationKey;
        String contact;
        String country;
        String venue;
        String address;
        Double latitude;
        Double longitude;
        final TreeSet<UUID> tags = new TreeSet<>();
        boolean archived;

        Workshop(UUID id, WorkshopScheduled e, long created) {
            this.id = id;
            this.created = created;
            slug = e.slug();
            host = e.hostId();
            administrator = e.administratorId();
            start = e.start();
            end = e.end();
            url = e.url();
            registrationKey = e.registrationKey();
            contact = e.contact();
            country = e.country();
            venue = e.venue();
            address = e.address();
            latitude = e.latitude();
            longitude = e.longitude();
        }

        void apply(Object event) {
            if (event instanceof WorkshopSlugChanged e) {
                slug = e.slug();
            } else if (event instanceof WorkshopUrlChanged e) {
                url = e.url();
            } else if (event instanceof WorkshopHostChanged e) {
                host = e.hostId();
            } else if (event instanceof WorkshopAdministratorChanged e) {
                administrator = e.administratorId();
            } else if (event instanceof WorkshopDatesChanged e) {
                start = e.start();
                end = e.end();
            } else if (event instanceof WorkshopLocationChanged e) {
                country = e.location().country();
                venue = e.location().venue();
                address = e.location().address();
                latitude = e.location().latitude();
                longitude = e.location().longitude();
            } else if (event instanceof WorkshopContactChanged e) {
                contact = e.contact();
            } else if (event instanceof WorkshopRegistrationKeyChanged e) {
                registrationKey = e.registrationKey();
            } else if (event instanceof TagAssignedToWorkshop e) {
                tags.add(e.tagId());
            } else if (event instanceof TagUnassignedFromWorkshop e) {
                tags.remove(e.tagId());
            } else if (event instanceof WorkshopArchived || event instanceof WorkshopMergedInto) {
                archived = true;
            } else if (event instanceof WorkshopRestored) {
                archived = false;
            }
        }

        boolean publishable() {
            return PublishedRecord.publishable(start, url, country, venue, address, latitude, longitude);
        }

        PublishedRecord record(Map<UUID, Tag> known) {
            List<String> names = new ArrayList<>();
            tags.stream().map(known::get).filter(java.util.Objects::nonNull)
                    .sorted(Comparator.comparingLong(Tag::created)).forEach(t -> names.add(t.name()));
            return new PublishedRecord(slug, start, end, url, contact, country, venue, address, latitude, longitude,
                    registrationKey, names);
        }
    }
}
