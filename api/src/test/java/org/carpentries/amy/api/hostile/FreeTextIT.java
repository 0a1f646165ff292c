package org.carpentries.amy.api.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.junit.jupiter.api.Test;

/**
 * The other half of {@link HostileInputIT}: script and SQL fragments are refused only where they make a request
 * malformed. In free text they are text, stored verbatim and returned as a JSON string, never run.
 */
class FreeTextIT extends AmyIT {

    private static final String FRAGMENTS = "<script>alert(1)</script> '; DROP TABLE tag_view; -- \"x\" שלום";

    @Test
    void scriptAndSqlFragmentsInFreeTextAreStoredVerbatimAndReturnedAsJsonText() {
        String name = unique("FT");
        Api.Response created = api.post("/api/tags", Map.of("name", name, "details", FRAGMENTS));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        Api.Response read = api.get("/api/tags/" + name);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Content-Type")).startsWith("application/json");
        assertThat(read.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(read.json().get("details").asText()).isEqualTo(FRAGMENTS);
        assertThat(read.body()).contains("\\\"x\\\"").doesNotContain("\"x\" ש");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tag_view WHERE name = ?", Long.class, name))
                .as("the table the fragment names is still there, with the tag").isEqualTo(1L);
    }
}
