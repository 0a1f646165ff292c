package org.carpentries.amy.api.persons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.junit.jupiter.api.Test;

class PersonApiIT extends AmyIT {

    @Test
    void peopleGetAmysUsernamesAndUniqueCaseInsensitiveEmails() {
        String family = "Potter" + Long.toString(System.nanoTime(), 36);
        String stem = family.toLowerCase(java.util.Locale.ROOT) + "_harry";
        String email = unique("harry") + "@hogwarts.edu";
        Api.Response first = api.post("/api/persons", Map.of("personal", " Harry ", "family", family,
                "email", email.toUpperCase(java.util.Locale.ROOT), "twitter", "@" + unique("hp")));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("username").asText()).isEqualTo(stem);
        assertThat(first.json().path("email").asText()).isEqualTo(email);
        assertThat(first.json().path("full_name").asText()).isEqualTo("Harry " + family);
        assertThat(first.json().path("gender").asText()).isEqualTo("U");
        assertThat(first.json().path("may_contact").asBoolean()).isTrue();

        Api.Response second = api.post("/api/persons", Map.of("personal", "Harry", "family", family));
        assertThat(second.json().path("username").asText()).isEqualTo(stem + "_2");
        Api.Response sameEmail = api.post("/api/persons", Map.of("personal", "H", "family", "P", "email", email));
        assertThat(sameEmail.status()).isEqualTo(409);
        assertThat(sameEmail.code()).isEqualTo("email-taken");

        assertThat(api.get("/api/persons?q=harry%20" + family).json().path("count").asInt()).isEqualTo(2);
        assertThat(api.get("/api/persons?q=" + family + "%20harry").json().path("count").asInt()).isEqualTo(2);
        assertThat(api.get("/api/persons/" + stem).json().path("id").asText())
                .isEqualTo(first.json().path("id").asText());
    }

    @Test
    void editsNeedIfMatchAndAreInTheHistoryWithTheirValues() {
        String family = "Weasley" + Long.toString(System.nanoTime(), 36);
        Api.Response created = api.post("/api/persons", Map.of("personal", "Ron", "family", family));
        String ref = created.json().path("username").asText();
        assertThat(api.patch("/api/persons/" + ref, Map.of("affiliation", "Ministry")).status()).isEqualTo(428);
        Api.Response edited = api.patch("/api/persons/" + ref, Map.of("affiliation", "Ministry", "may_contact", false),
                "If-Match", created.header("ETag"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().path("affiliation").asText()).isEqualTo("Ministry");
        var history = api.get("/api/persons/" + ref + "/history").json();
        assertThat(history.findValuesAsText("type")).containsExactly("PersonRegistered", "PersonOccupationChanged",
                "PersonContactPermissionChanged");
        assertThat(history.get(1).path("changes").get(0).path("new_value").asText()).isEqualTo("Ministry");
        var data = api.get("/api/persons/" + ref + "/personal-data");
        assertThat(data.header("Content-Disposition")).contains(ref + ".json");
        assertThat(data.json().path("history")).hasSize(3);
    }

    @Test
    void badgesAreAwardedOnceListedWithHoldersAndRevokedAsEvents() {
        String badge = "b-" + Long.toString(System.nanoTime(), 36);
        assertThat(api.post("/api/badges", Map.of("name", badge, "title", "Test badge", "criteria", "tests"))
                .status()).isEqualTo(201);
        String ref = api.post("/api/persons", Map.of("personal", "Neville", "family", unique("Longbottom")))
                .json().path("username").asText();
        Api.Response awarded = api.put("/api/persons/" + ref + "/awards/" + badge, Map.of("awarded", "2016-04-06"));
        assertThat(awarded.status()).as(awarded.body()).isEqualTo(200);
        assertThat(awarded.json().get(0).path("badge").asText()).isEqualTo(badge);
        assertThat(awarded.json().get(0).path("awarded").asText()).isEqualTo("2016-04-06");
        assertThat(api.put("/api/persons/" + ref + "/awards/" + badge, null).code()).isEqualTo("award-exists");
        assertThat(api.get("/api/badges/" + badge + "/holders").json().findValuesAsText("username"))
                .containsExactly(ref);
        assertThat(api.delete("/api/persons/" + ref + "/awards/" + badge).status()).isEqualTo(204);
        assertThat(api.get("/api/badges/" + badge + "/holders").json()).isEmpty();
        assertThat(api.get("/api/persons/" + ref + "/history").json().findValuesAsText("type"))
                .containsSubsequence("BadgeAwarded", "AwardRevoked");
        Api.Response today = api.put("/api/persons/" + ref + "/awards/" + badge, null);
        assertThat(today.json().get(0).path("awarded").asText()).isEqualTo(java.time.LocalDate.now(
                java.time.ZoneOffset.UTC).toString());
        assertThat(api.put("/api/persons/" + ref + "/awards/no-such-badge", null).code()).isEqualTo("badge-not-found");
        assertThat(api.put("/api/persons/" + ref + "/awards/" + badge, Map.of("workshop", "no-such-workshop"))
                .json().path("errors").findValuesAsText("code")).containsExactly("workshop-not-found");
    }

    @Test
    void peopleAreFilteredByBadgeInstructorStatusAirportCountryAndTeaching() {
        if (api.get("/api/badges/swc-instructor").status() == 404) {
            api.post("/api/badges", Map.of("name", "swc-instructor", "title", "SWC Instructor", "criteria", "teach"));
        }
        if (api.get("/api/roles/instructor").status() == 404) {
            api.post("/api/roles", Map.of("name", "instructor"));
        }
        String iata = freeAirportCode();
        assertThat(api.post("/api/airports", Map.of("iata", iata, "fullname", unique("Airport"), "country", "NZ",
                "latitude", -41.3, "longitude", 174.8)).status()).isEqualTo(201);
        String family = unique("Filter");
        String teacher = api.post("/api/persons", Map.of("personal", "Tess", "family", family, "airport", iata))
                .json().path("username").asText();
        String other = api.post("/api/persons", Map.of("personal", "Otto", "family", family)).json()
                .path("username").asText();
        api.put("/api/persons/" + teacher + "/awards/swc-instructor", null);
        String tag = unique("TT");
        String host = unique("filters") + ".org";
        api.post("/api/tags", Map.of("name", tag, "details", "x"));
        api.post("/api/organisations", Map.of("domain", host, "fullname", unique("Org")));
        String slug = unique("w");
        api.post("/api/workshops", org.carpentries.amy.support.Fixtures.publishedWorkshop(slug, host, "2020-03-01",
                java.util.List.of(tag)));
        api.put("/api/workshops/" + slug + "/tasks/" + teacher + "/instructor", null);

        String base = "/api/persons?q=" + family;
        assertThat(usernames(base + "&badge=swc-instructor")).containsExactly(teacher);
        assertThat(usernames(base + "&is_instructor=true")).containsExactly(teacher);
        assertThat(usernames(base + "&is_instructor=false")).containsExactly(other);
        assertThat(usernames(base + "&airport=" + iata.toLowerCase(java.util.Locale.ROOT))).containsExactly(teacher);
        assertThat(usernames(base + "&country=nz")).containsExactly(teacher);
        assertThat(usernames(base + "&taught_tag=" + tag)).containsExactly(teacher);
        assertThat(api.get(base + "&badge=no-such-badge").code()).isEqualTo("unknown-badge");
        assertThat(api.get(base + "&airport=ZZZZ").code()).isEqualTo("unknown-airport");
        assertThat(api.get(base + "&country=XX").code()).isEqualTo("unknown-country");
        assertThat(api.get(base + "&taught_tag=no-such-tag").code()).isEqualTo("unknown-tag");
    }

    private java.util.List<String> usernames(String path) {
        Api.Response r = api.get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("results").findValuesAsText("username");
    }

    @Test
    void badInputIsAProblemAndRecordsNothing() {
        long before = eventCount();
        Api.Response r = api.post("/api/persons", Map.of("personal", "", "family", "X", "gender", "Z",
                "username", "not valid"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").findValuesAsText("code")).contains("required", "gender-unknown",
                "username-invalid");
        assertThat(api.post("/api/persons", Map.of("personal", "A", "family", "B", "shoe_size", 42)).json()
                .path("errors").findValuesAsText("code")).containsExactly("unknown-field");
        assertThat(api.post("/api/persons", Map.of("personal", "A", "family", "B", "lessons",
                java.util.List.of(java.util.UUID.randomUUID().toString()))).json().path("errors")
                .findValuesAsText("code")).containsExactly("lesson-not-found");
        assertThat(api.get("/api/persons?shoe_size=42").code()).isEqualTo("unknown-parameter");
        assertThat(api.get("/api/persons/nobody-here").code()).isEqualTo("person-not-found");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(anonymous.get("/api/persons").status()).isEqualTo(401);
    }
}
