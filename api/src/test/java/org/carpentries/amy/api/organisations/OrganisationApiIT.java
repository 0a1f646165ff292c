package org.carpentries.amy.api.organisations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.junit.jupiter.api.Test;

class OrganisationApiIT extends AmyIT {

    @Test
    void organisationsFollowAmysDomainRuleAndStayUnique() {
        String domain = unique("math") + ".esu.edu";
        Api.Response created = api.post("/api/organisations", Fixtures.organisation(domain));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("country").asText()).isEqualTo("US");
        assertThat(api.get("/api/organisations/" + domain).json().path("id").asText())
                .isEqualTo(created.json().path("id").asText());

        Api.Response url = api.post("/api/organisations", Map.of("domain", "http://" + unique("x") + ".edu/",
                "fullname", unique("Some University")));
        assertThat(url.status()).isEqualTo(400);
        assertThat(url.json().path("errors").findValuesAsText("code")).containsExactly("domain-invalid");
        assertThat(api.post("/api/organisations", Fixtures.organisation(domain)).code()).isEqualTo("domain-taken");
        assertThat(api.post("/api/organisations", Map.of("domain", unique("d") + ".org", "fullname",
                "University of " + domain)).code()).isEqualTo("fullname-taken");
        assertThat(api.post("/api/organisations", Map.of("domain", unique("d") + ".org", "fullname",
                unique("F"), "country", "Atlantis")).json().path("errors").findValuesAsText("code"))
                .containsExactly("country-unknown");
    }

    @Test
    void editingMovesTheDomainAndIsInTheHistory() {
        String domain = unique("old") + ".org";
        String etag = api.post("/api/organisations", Fixtures.organisation(domain)).header("ETag");
        String renamed = unique("new") + ".org";
        Api.Response edited = api.patch("/api/organisations/" + domain, Map.of("domain", renamed, "notes",
                "moved"), "If-Match", etag);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().path("domain").asText()).isEqualTo(renamed);
        assertThat(api.get("/api/organisations/" + domain).status()).isEqualTo(404);
        assertThat(api.post("/api/organisations", Map.of("domain", domain, "fullname", unique("Reuse")))
                .status()).isEqualTo(201);
        var history = api.get("/api/organisations/" + renamed + "/history").json();
        assertThat(history.findValuesAsText("type")).containsExactly("OrganisationRegistered",
                "OrganisationDomainChanged", "OrganisationNotesChanged");
        assertThat(history.get(1).path("changes").get(0).path("old_value").asText()).isEqualTo(domain);
        assertThat(api.get("/api/organisations?q=" + renamed.substring(0, 8)).json().findValuesAsText("domain"))
                .contains(renamed);
        assertThat(api.get("/api/organisations?colour=red").code()).isEqualTo("unknown-parameter");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        Api.Response login = anonymous.post("/api/session", Map.of("username", Api.ADMIN, "password",
                Api.ADMIN_PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        // The XSRF-TOKEN cookie comes along; the session cookie is the other one.
        String cookie = login.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(e -> e.getValue().stream()).filter(c -> c.startsWith("AMY_SESSION=")).findFirst()
                .orElse(null);
        assertThat(cookie).startsWith("AMY_SESSION=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        Api.Response withSession = anonymous.with("Cookie", cookie.split(";")[0]).get("/api/session");
        assertThat(withSession.status()).isEqualTo(200);
        assertThat(withSession.json().path("roles").findValuesAsText("")).isEmpty();
        assertThat(withSession.json().path("roles").toString()).isEqualTo("[\"admin\"]");
    }
}
