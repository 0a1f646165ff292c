package org.carpentries.amy.api.persons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.FreshDatabaseIT;
import org.junit.jupiter.api.Test;

/** AMY's duplicates report over HTTP, and pairs marked as different people leaving it for good. */
class DuplicatesIT extends FreshDatabaseIT {

    @Test
    void switchedAndIdenticalNamesAreReportedUntilDismissed() {
        api.post("/api/persons", Map.of("personal", "Harry", "family", "Potter"));
        api.post("/api/persons", Map.of("personal", "Potter", "family", "Harry"));
        api.post("/api/persons", Map.of("personal", "Ron", "family", "Weasley"));
        api.post("/api/persons", Map.of("personal", "Ron", "family", "Weasley"));
        api.post("/api/persons", Map.of("personal", "ron", "family", "weasley"));
        api.post("/api/persons", Map.of("personal", "Luna", "family", "Lovegood"));

        var report = api.get("/api/persons/duplicates").json();
        assertThat(report.path("switched_names")).hasSize(1);
        assertThat(report.path("switched_names").get(0).findValuesAsText("full_name"))
                .containsExactlyInAnyOrder("Harry Potter", "Potter Harry");
        assertThat(report.path("duplicate_names")).hasSize(1);
        assertThat(report.path("duplicate_names").get(0).findValuesAsText("username"))
                .containsExactlyInAnyOrder("weasley_ron", "weasley_ron_2");
        assertThat(report.path("same_email")).isEmpty();

        Api.Response dismissed = api.post("/api/persons/duplicates/dismissals", Map.of("a", "weasley_ron_2",
                "b", "weasley_ron"));
        assertThat(dismissed.status()).as(dismissed.body()).isEqualTo(204);
        assertThat(api.post("/api/persons/duplicates/dismissals", Map.of("a", "weasley_ron", "b", "weasley_ron_2"))
                .status()).isEqualTo(204);
        assertThat(api.get("/api/persons/duplicates").json().path("duplicate_names")).isEmpty();
        // Recorded once, on whichever of the two has the smaller id.
        java.util.List<String> types = new java.util.ArrayList<>();
        types.addAll(api.get("/api/persons/weasley_ron/history").json().findValuesAsText("type"));
        types.addAll(api.get("/api/persons/weasley_ron_2/history").json().findValuesAsText("type"));
        assertThat(types).containsExactlyInAnyOrder("PersonRegistered", "PersonRegistered",
                "PersonMarkedNotDuplicate");
        assertThat(api.post("/api/persons/duplicates/dismissals", Map.of("a", "weasley_ron", "b", "weasley_ron"))
                .json().path("errors").findValuesAsText("code")).containsExactly("same-person");
        assertThat(api.post("/api/persons/duplicates/dismissals", Map.of("a", "weasley_ron")).code())
                .isEqualTo("validation-failed");

        api.put("/api/persons/potter_harry/archived", null);
        assertThat(api.get("/api/persons/duplicates").json().path("switched_names")).isEmpty();
    }
}
