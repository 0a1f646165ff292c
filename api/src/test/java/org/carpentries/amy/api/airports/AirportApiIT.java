package org.carpentries.amy.api.airports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.junit.jupiter.api.Test;

class AirportApiIT extends AmyIT {

    @Test
    void anAirportIsRegisteredFoundByCodeInAnyCaseListedAndSearched() {
        String code = code();
        String name = unique("Schiphol");
        Api.Response created = api.post("/api/airports", airport(code.toLowerCase(Locale.ROOT), name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        String id = created.json().path("id").asText();
        assertThat(created.header("Location")).endsWith("/api/airports/" + id);
        assertThat(created.json().path("iata").asText()).isEqualTo(code);
        assertThat(created.json().path("country").asText()).isEqualTo("NL");
        assertThat(created.json().path("latitude").asDouble()).isEqualTo(52.3086);
        assertThat(created.json().path("retired").asBoolean()).isFalse();

        assertThat(api.get("/api/airports/" + id).json().path("iata").asText()).isEqualTo(code);
        assertThat(api.get("/api/airports/" + code.toLowerCase(Locale.ROOT)).json().path("id").asText()).isEqualTo(id);
        assertThat(api.get("/api/airports?q=" + name.substring(3).toUpperCase(Locale.ROOT)).json()
                .findValuesAsText("iata")).containsExactly(code);
        assertThat(api.get("/api/airports?q=" + code.toLowerCase(Locale.ROOT)).json().findValuesAsText("iata"))
                .containsExactly(code);
        var all = api.get("/api/airports").json().findValuesAsText("iata");
        assertThat(all).contains(code).isSorted();
        assertThat(api.get("/api/airports/ZZZZZZZZZZ").code()).isEqualTo("airport-not-found");
    }

    @Test
    void codesAndNamesAreUniqueAndARefusalRecordsNothing() {
        String code = code();
        String name = unique("Heathrow");
        api.post("/api/airports", airport(code, name));
        long before = eventCount();
        Api.Response sameCode = api.post("/api/airports", airport(" " + code.toLowerCase(Locale.ROOT), unique("x")));
        assertThat(sameCode.status()).isEqualTo(409);
        assertThat(sameCode.code()).isEqualTo("airport-code-taken");
        assertThat(sameCode.header("Content-Type")).startsWith("application/problem+json");
        Api.Response sameName = api.post("/api/airports", airport(code(), name));
        assertThat(sameName.status()).isEqualTo(409);
        assertThat(sameName.code()).isEqualTo("airport-name-taken");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void badInputIsA400WithEveryFieldsCodeAndRecordsNothing() {
        long before = eventCount();
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("iata", "A-1");
        bad.put("fullname", "");
        bad.put("country", "Atlantis");
        bad.put("latitude", 91);
        bad.put("longitude", "west");
        Api.Response r = api.post("/api/airports", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("validation-failed");
        assertThat(r.json().path("errors").findValuesAsText("code")).containsExactly("wrong-type");
        bad.put("longitude", 181.5);
        r = api.post("/api/airports", bad);
        assertThat(r.json().path("errors").findValuesAsText("code")).containsExactly("iata-invalid", "required",
                "country-unknown", "latitude-out-of-range", "longitude-out-of-range");
        assertThat(api.post("/api/airports", Map.of("iata", code())).json().path("errors").findValuesAsText("field"))
                .containsExactly("fullname", "country", "latitude", "longitude");
        Map<String, Object> extra = airport(code(), unique("x"));
        extra.put("city", "Amsterdam");
        assertThat(api.post("/api/airports", extra).json().path("errors").findValuesAsText("code"))
                .containsExactly("unknown-field");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void editingRecordsSpecificFactsNeedsIfMatchAndIsInTheHistory() {
        String code = code();
        String name = unique("Tegel");
        String etag = api.post("/api/airports", airport(code, name)).header("ETag");
        assertThat(api.patch("/api/airports/" + code, Map.of("fullname", "x")).status()).isEqualTo(428);
        String renamed = unique("Berlin Tegel");
        Api.Response edited = api.patch("/api/airports/" + code, Map.of("fullname", renamed, "longitude", 13.2877),
                "If-Match", etag);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().path("fullname").asText()).isEqualTo(renamed);
        assertThat(edited.json().path("longitude").asDouble()).isEqualTo(13.2877);
        assertThat(edited.json().path("latitude").asDouble()).isEqualTo(52.3086);
        assertThat(edited.header("ETag")).isEqualTo("\"2\"");

        Api.Response stale = api.patch("/api/airports/" + code, Map.of("country", "DE"), "If-Match", etag);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("version-mismatch");
        Api.Response cleared = api.patch("/api/airports/" + code, java.util.Collections.singletonMap("country", null),
                "If-Match", edited.header("ETag"));
        assertThat(cleared.json().path("errors").findValuesAsText("code")).containsExactly("required");

        String newCode = code();
        Api.Response moved = api.patch("/api/airports/" + code, Map.of("iata", newCode, "country", "DE"),
                "If-Match", edited.header("ETag"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(api.get("/api/airports/" + code).status()).isEqualTo(404);
        assertThat(api.post("/api/airports", airport(code, unique("Reuse"))).status()).isEqualTo(201);
        assertThat(api.post("/api/airports", airport(code(), name)).status()).isEqualTo(201);

        var history = api.get("/api/airports/" + newCode + "/history").json();
        assertThat(history.findValuesAsText("type")).containsExactly("AirportRegistered", "AirportRenamed",
                "AirportRelocated", "AirportCodeChanged", "AirportRelocated");
        assertThat(history.get(2).path("changes").findValuesAsText("field")).containsExactly("longitude");
        assertThat(history.get(3).path("changes").get(0).path("old_value").asText()).isEqualTo(code);
        assertThat(history.get(4).path("changes").findValuesAsText("new_value")).containsExactly("DE");
        assertThat(history.get(0).path("actor_name").asText()).isEqualTo(Api.ADMIN);
    }

    @Test
    void retiredAirportsLeaveTheListUntilReinstated() {
        String code = code();
        api.post("/api/airports", airport(code, unique("Retiring")));
        assertThat(api.put("/api/airports/" + code + "/retired", null).status()).isEqualTo(204);
        assertThat(api.put("/api/airports/" + code + "/retired", null).status()).isEqualTo(204);
        assertThat(api.get("/api/airports").json().findValuesAsText("iata")).doesNotContain(code);
        assertThat(api.get("/api/airports?include_retired=true").json().findValuesAsText("iata")).contains(code);
        assertThat(api.get("/api/airports/" + code).json().path("retired").asBoolean()).isTrue();
        assertThat(api.delete("/api/airports/" + code + "/retired").status()).isEqualTo(204);
        assertThat(api.get("/api/airports").json().findValuesAsText("iata")).contains(code);
        assertThat(api.get("/api/airports/" + code + "/history").json().findValuesAsText("type"))
                .containsExactly("AirportRegistered", "AirportRetired", "AirportReinstated");
    }

    @Test
    void unknownOrRepeatedQueryParametersAreRefused() {
        assertThat(api.get("/api/airports?country=NL").code()).isEqualTo("unknown-parameter");
        assertThat(api.get("/api/airports?q=a&q=b").code()).isEqualTo("repeated-parameter");
        assertThat(api.get("/api/airports?include_retired=maybe").code()).isEqualTo("invalid-parameter");
        assertThat(anonymous.get("/api/airports").status()).isEqualTo(401);
    }

    /** An IATA-shaped code no other test uses: letters and digits, at most ten. */
    private static String code() {
        String n = Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
        return "T" + n.substring(Math.max(0, n.length() - 9));
    }

    private static Map<String, Object> airport(String iata, String fullname) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("iata", iata);
        a.put("fullname", fullname);
        a.put("country", "nl");
        a.put("latitude", 52.3086);
        a.put("longitude", 4.7639);
        return a;
    }
}
