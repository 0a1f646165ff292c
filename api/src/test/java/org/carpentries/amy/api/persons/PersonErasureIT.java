package org.carpentries.amy.api.persons;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.carpentries.amy.query.replay.ReadModels;
import org.carpentries.amy.query.replay.RebuildProgress;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.FreshDatabaseIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Erasing a person deletes their key: afterwards no erased value can be found as text in the event table or in
 * any table at all, names and history stay, a full replay still works, and the freed email can be used again.
 */
class PersonErasureIT extends FreshDatabaseIT {

    @Autowired
    ReadModels readModels;

    @Test
    void erasureLeavesNoReadableTraceAndReplaysStillWork() {
        String mark = Long.toString(System.nanoTime(), 36);
        api.post("/api/airports", Map.of("iata", "ERA", "fullname", "Erasure Airport", "country", "GB",
                "latitude", 51.5, "longitude", -0.1));
        api.post("/api/badges", Map.of("name", "swc-instructor", "title", "SWC Instructor", "criteria", "Teaching"));
        Map<String, Object> person = Map.ofEntries(Map.entry("personal", "Hermione"), Map.entry("family", "Granger"),
                Map.entry("email", "Erasable." + mark + "@Example.org"), Map.entry("gender", "F"),
                Map.entry("github", "gh" + mark), Map.entry("twitter", "@tw" + mark),
                Map.entry("url", "https://site" + mark + ".example/"), Map.entry("orcid", "orcid" + mark),
                Map.entry("occupation", "occupation" + mark), Map.entry("affiliation", "affiliation" + mark),
                Map.entry("notes", "notes" + mark), Map.entry("airport", "ERA"));
        Api.Response created = api.post("/api/persons", person);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("username").asText()).isEqualTo("granger_hermione");
        assertThat(created.json().path("email").asText()).isEqualTo("erasable." + mark + "@example.org");
        api.patch("/api/persons/granger_hermione", Map.of("notes", "second notes" + mark), "If-Match",
                created.header("ETag"));
        List<String> values = List.of("erasable." + mark, "gh" + mark, "tw" + mark, "site" + mark, "orcid" + mark,
                "occupation" + mark, "affiliation" + mark, "notes" + mark);
        assertThat(tablesContaining("occupation" + mark)).containsExactly("person_view");
        api.put("/api/persons/granger_hermione/awards/swc-instructor", null);
        assertThat(tablesContaining("erasable." + mark)).containsExactly("people_export_person", "person_view");
        assertThat(anonymous.get("/api/v1/export/instructors.json").body()).contains("Erasure Airport");

        Api.Response erased = api.post("/api/persons/granger_hermione/erasure", null);
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().path("erased").asBoolean()).isTrue();
        assertThat(erased.json().path("email").isNull()).isTrue();
        assertThat(erased.json().path("personal").asText()).isEqualTo("Hermione");

        for (String value : values) {
            assertThat(eventsContaining(value)).as(value).isZero();
            assertThat(tablesContaining(value)).as(value).isEmpty();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM people_export_person WHERE airport_id IS NOT NULL "
                + "OR email IS NOT NULL", Long.class)).isZero();
        assertThat(anonymous.get("/api/v1/export/instructors.json").body()).isEqualTo("[]");
        assertThat(anonymous.get("/api/v1/export/badges.json").body()).contains("granger_hermione");
        var history = api.get("/api/persons/granger_hermione/history").json();
        assertThat(history.findValuesAsText("type")).containsExactly("PersonRegistered", "PersonNotesChanged",
                "BadgeAwarded", "PersonErased");
        assertThat(history.get(0).toString()).doesNotContain(mark).contains("(erased)");

        for (String model : List.of("persons", "people-exports")) {
            RebuildProgress verified = readModels.runNow(model, true, Duration.ofMinutes(1));
            assertThat(verified.state()).as(verified.error()).isEqualTo("done");
            assertThat(verified.differences()).as(model).isEmpty();
            RebuildProgress rebuilt = readModels.runNow(model, false, Duration.ofMinutes(1));
            assertThat(rebuilt.state()).as(rebuilt.error()).isEqualTo("done");
        }
        for (String value : values) {
            assertThat(tablesContaining(value)).as(value).isEmpty();
        }
        assertThat(api.get("/api/persons/granger_hermione").json().path("family").asText()).isEqualTo("Granger");

        Api.Response again = api.post("/api/persons", Map.of("personal", "Hermione", "family", "Granger",
                "email", "erasable." + mark + "@example.org"));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().path("username").asText()).isEqualTo("granger_hermione_2");
        assertThat(api.post("/api/persons/granger_hermione/erasure", null).status()).isEqualTo(200);
        String current = api.get("/api/persons/granger_hermione").header("ETag");
        assertThat(api.patch("/api/persons/granger_hermione", Map.of("family", "G"), "If-Match", current).code())
                .isEqualTo("person-erased");
    }

    private long eventsContaining(String value) {
        Long n = jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry
                 WHERE position(lower(?) IN lower(convert_from(payload, 'UTF8'))) > 0
                    OR position(lower(?) IN lower(convert_from(coalesce(meta_data, ''::bytea), 'UTF8'))) > 0""",
                Long.class, value, value);
        return n == null ? 0 : n;
    }

    /** Every table of the schema whose rows, as text, contain {@code value}. */
    private List<String> tablesContaining(String value) {
        List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1", String.class);
        return tables.stream().filter(t -> {
            Long n = jdbc.queryForObject("SELECT count(*) FROM \"" + t + "\" x WHERE position(lower(?) IN lower(x::text)) > 0",
                    Long.class, value);
            return n != null && n > 0;
        }).toList();
    }
}
