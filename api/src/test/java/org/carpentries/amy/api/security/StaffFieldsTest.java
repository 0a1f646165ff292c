package org.carpentries.amy.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StaffFieldsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void hiddenKeysGoAtAnyDepthAndAPersonsUrlToo() {
        JsonNode tree = JSON.readTree("""
                {"count": 1, "results": [{"personal": "Ann", "family": "A", "email": "a@x.org", "gender": "F",
                 "url": "https://ann.example", "notes": "n", "airport_id": "x", "username": "ann"}],
                 "workshop": {"slug": "s", "url": "https://site.example", "contact": "c@x.org", "notes": "w"},
                 "rows": [{"person_name": "Ann A", "person_email": "a@x.org"}]}""");

        assertThat(StaffFields.redact(tree)).isTrue();

        assertThat(tree.toString()).isEqualTo("{\"count\":1,\"results\":[{\"personal\":\"Ann\",\"family\":\"A\","
                + "\"username\":\"ann\"}],\"workshop\":{\"slug\":\"s\",\"url\":\"https://site.example\"},"
                + "\"rows\":[{\"person_name\":\"Ann A\"}]}");
        assertThat(StaffFields.redact(tree)).isFalse();
    }

    @Test
    void mapsAndListsAreCopiedWithoutTheHiddenKeys() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("person_name", "Ann A");
        row.put("person_email", "a@x.org");
        Object redacted = StaffFields.redact(List.of(row, Map.of("email", "b@x.org", "name", "Bob")));

        assertThat(redacted).isEqualTo(List.of(Map.of("person_name", "Ann A"), Map.of("name", "Bob")));
        assertThat(row).containsKey("person_email");
    }
}
