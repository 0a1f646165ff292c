package org.carpentries.amy.query.published;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DrfJsonTest {

    static Stream<Arguments> pythonCorpus() {
        return Fixtures.jsonLines("drfjson.jsonl").stream()
                .map(row -> Arguments.of(row.get("name").asText(), row.get("input"), row.get("json").asText()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythonCorpus")
    void writesExactlyWhatPythonJsonDumpsWrote(String name, JsonNode input, String expected) {
        assertThat(DrfJson.write(Fixtures.value(input))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythonCorpus")
    void listItemsJoinIntoTheWholeDocument(String name, JsonNode input, String expected) {
        if (!(Fixtures.value(input) instanceof List<?> list)) {
            return;
        }
        List<String> items = new ArrayList<>();
        list.forEach(item -> items.add(DrfJson.listItem(item)));
        assertThat(DrfJson.document(items)).isEqualTo(expected);
    }

    @Test
    void corpusCoversEveryKindOfCase() {
        assertThat(pythonCorpus().count()).isGreaterThan(800);
    }

    @Test
    void keepsInsertionOrderWithCompactSeparators() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("slug", "2030-03-23-place");
        event.put("start", LocalDate.of(2030, 3, 23));
        event.put("latitude", -48.876667);
        event.put("fee", new BigDecimal("12.50"));
        event.put("tags", List.of(Map.of("name", "DC")));
        event.put("url", null);
        assertThat(DrfJson.write(List.of(event))).isEqualTo("[{\"slug\":\"2030-03-23-place\",\"start\":\"2030-03-23\","
                + "\"latitude\":-48.876667,\"fee\":\"12.50\",\"tags\":[{\"name\":\"DC\"}],\"url\":null}]");
    }

    @Test
    void escapesControlCharactersAndLineSeparatorsButNotUnicodeOrSlash() {
        assertThat(DrfJson.write("a\"b\\c\n\t\u0001\u007f/é😀\u2028\u2029"))
                .isEqualTo("\"a\\\"b\\\\c\\n\\t\\u0001\u007f/é😀\\u2028\\u2029\"");
    }

    @Test
    void nonFiniteFloatsUsePythonsJavaScriptSpelling() {
        assertThat(DrfJson.write(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e16)))
                .isEqualTo("[NaN,Infinity,-Infinity,1e+16]");
    }

    @Test
    void emptyListIsAnEmptyArray() {
        assertThat(DrfJson.write(List.of())).isEqualTo("[]").isEqualTo(DrfJson.document(List.of()));
    }

    @Test
    void rejectsValuesPythonWouldNotHaveHad() {
        assertThatThrownBy(() -> DrfJson.write(List.of(new Object()))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DrfJson.write(Map.of(1, "one"))).isInstanceOf(IllegalArgumentException.class);
    }
}
