package org.carpentries.amy.api.workshops;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.carpentries.amy.api.web.CurrentUser;
import org.carpentries.amy.api.web.JsonFields;
import org.carpentries.amy.command.Change;
import org.carpentries.amy.command.workshop.WorkshopPatch;
import org.carpentries.amy.command.workshop.events.InvoiceStatus;
import org.carpentries.amy.query.organisations.OrganisationQueries;
import org.carpentries.amy.query.organisations.OrganisationView;
import org.carpentries.amy.query.tags.TagQueries;
import org.springframework.stereotype.Component;

/** Turns workshop JSON (snake_case, AMY's field names) into patches, resolving organisations and tags by name. */
@Component
class WorkshopRequests {

    static final Set<String> FIELDS = Set.of("slug", "host", "administrator", "start", "end", "url",
            "registration_key", "attendance", "admin_fee", "invoice_status", "notes", "contact", "country", "venue",
            "address", "latitude", "longitude", "learners_pre", "learners_post", "instructors_pre",
            "instructors_post", "learners_longterm", "completed", "assigned_to");
    private final OrganisationQueries organisations;
    private final TagQueries tags;

    WorkshopRequests(OrganisationQueries organisations, TagQueries tags) {
        this.organisations = organisations;
        this.tags = tags;
    }

    /** A patch from a JSON object whose fields, besides the workshop's, may include {@code extra} ones. */
    WorkshopPatch patch(JsonFields json) {
        Change<InvoiceStatus> invoice = null;
        Change<String> status = json.text("invoice_status");
        if (status != null) {
            if (status.value() == null) {
                invoice = Change.to(InvoiceStatus.UNKNOWN);
            } else {
                var known = InvoiceStatus.fromCode(status.value());
                if (known.isEmpty()) {
                    json.fail("invoice_status", "invoice-status-unknown", "Must be one of unknown, invoiced, "
                            + "not-invoiced, na-historic, na-member, na-self-org, na-waiver, na-other.");
                } else {
                    invoice = Change.to(known.get());
                }
            }
        }
        Change<UUID> host = organisation(json, "host", false);
        Change<UUID> administrator = organisation(json, "administrator", true);
        return new WorkshopPatch(json.text("slug"), host, administrator, json.date("start"), json.date("end"),
                json.text("url"), json.text("registration_key"), json.integer("attendance"), json.decimal("admin_fee"),
                invoice, json.text("notes"), json.text("contact"), json.text("country"), json.text("venue"),
                json.text("address"), json.number("latitude"), json.number("longitude"), json.text("learners_pre"),
                json.text("learners_post"), json.text("instructors_pre"), json.text("instructors_post"),
                json.text("learners_longterm"), json.bool("completed"), assignee(json));
    }

    static JsonFields json(Map<String, Object> body, String... extra) {
        Set<String> allowed = new java.util.HashSet<>(FIELDS);
        allowed.addAll(List.of(extra));
        return new JsonFields(body, allowed);
    }

    /** An admin's account id, or {@code me} for whoever sends the request; null unassigns. */
    private static Change<UUID> assignee(JsonFields json) {
        Change<String> given = json.text("assigned_to");
        if (given == null) {
            return null;
        }
        if (given.value() == null || given.value().isBlank()) {
            return Change.to(null);
        }
        if (given.value().equals("me")) {
            return Change.to(CurrentUser.id().orElse(null));
        }
        var id = org.carpentries.amy.query.References.id(given.value());
        if (id.isEmpty()) {
            json.fail("assigned_to", "invalid-id", "Name an admin by account id, or \"me\".");
            return null;
        }
        return Change.to(id.get());
    }

    /** Tags by name or id; each unknown one is an error on {@code field}. */
    Set<UUID> tags(JsonFields json, String field, List<String> references) {
        Set<UUID> ids = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String ref : references) {
            tags.idOf(ref).ifPresentOrElse(ids::add, () -> unknown.add(ref));
        }
        if (!unknown.isEmpty()) {
            json.fail(field, "tag-not-found", "Unknown tag(s): " + String.join(", ", unknown) + ".");
        }
        return ids;
    }

    private Change<UUID> organisation(JsonFields json, String field, boolean nullable) {
        Change<String> ref = json.text(field);
        if (ref == null) {
            return null;
        }
        if (ref.value() == null || ref.value().isBlank()) {
            if (!nullable) {
                json.fail(field, "required", "A workshop needs a host organisation.");
                return null;
            }
            return Change.to(null);
        }
        var found = organisations.byReference(ref.value().strip()).map(OrganisationView::id);
        if (found.isEmpty()) {
            json.fail(field, "organisation-not-found", "No organisation '" + ref.value() + "'.");
            return null;
        }
        return Change.to(found.get());
    }
}
