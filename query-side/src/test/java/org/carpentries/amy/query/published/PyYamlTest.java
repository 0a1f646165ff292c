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

class PyYamlTest {

    static Stream<Arguments> pythonCorpus() {
        return Fixtures.jsonLines("pyyaml.jsonl").stream()
                .map(row -> Arguments.of(row.get("name").asText(), row.get("input"), row.get("yaml").asText()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythonCorpus")
    void dumpsExactlyWhatPyYamlDumped(String name, JsonNode input, String expected) {
        assertThat(PyYaml.dump(Fixtures.value(input))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythonCorpus")
    void listItemsConcatenateIntoTheWholeDocument(String name, JsonNode input, String expected) {
        if (!(Fixtures.value(input) instanceof List<?> list) || !list.stream().allMatch(Map.class::isInstance)) {
            return;
        }
        List<String> items = new ArrayList<>();
        for (Object item : list) {
            items.add(PyYaml.listItem(stringKeyed(item)));
        }
        assertThat(PyYaml.document(items)).isEqualTo(expected);
    }

    @Test
    void corpusCoversEveryKindOfCase() {
        assertThat(pythonCorpus().count()).isGreaterThan(700);
    }

    @Test
    void listOfMapsIndentsNestedSequencesUnderTheirKey() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("tags", List.of(Map.of("name", "DC")));
        event.put("contact", "Y");
        event.put("address", "X");
        assertThat(PyYaml.dump(List.of(event))).isEqualTo("- address: X\n  contact: Y\n  tags:\n  - name: DC\n");
    }

    @Test
    void emptyCollectionsUseFlowStyle() {
        assertThat(PyYaml.dump(List.of())).isEqualTo(PyYaml.EMPTY_LIST).isEqualTo("[]\n");
        assertThat(PyYaml.document(List.of())).isEqualTo("[]\n");
        assertThat(PyYaml.dump(Map.of("tags", List.of(), "extra", Map.of()))).isEqualTo("extra: {}\ntags: []\n");
    }

    @Test
    void longAddressFoldsAtEightyColumnsLikePyYaml() {
        String address = "Department of Computer Science, Room 2.14, the Old Building, 10 Downing Street, "
                + "London SW1A 2AA, United Kingdom";
        assertThat(PyYaml.dump(List.of(Map.of("address", address)))).isEqualTo(
                "- address: Department of Computer Science, Room 2.14, the Old Building, 10 Downing\n"
                        + "    Street, London SW1A 2AA, United Kingdom\n");
    }

    @Test
    void stringsThatWouldReadAsOtherTypesAreSingleQuoted() {
        assertThat(PyYaml.dump(List.of("null", "yes", "123", "1.5", "0x1F", "1_000", "2016-02-16", "10:30", "._", "")))
                .isEqualTo("- 'null'\n- 'yes'\n- '123'\n- '1.5'\n- '0x1F'\n- '1_000'\n- '2016-02-16'\n- '10:30'\n"
                        + "- '._'\n- ''\n");
    }

    @Test
    void typedValuesArePlain() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("date", LocalDate.of(2030, 3, 23));
        values.put("float", 1e16);
        values.put("tiny", 1e-5);
        values.put("nan", Double.NaN);
        values.put("inf", Double.NEGATIVE_INFINITY);
        values.put("int", 42L);
        values.put("bool", true);
        values.put("none", null);
        values.put("decimal", new BigDecimal("12.50"));
        assertThat(PyYaml.dump(values)).isEqualTo("bool: true\ndate: 2030-03-23\ndecimal: '12.50'\nfloat: 1.0e+16\n"
                + "inf: -.inf\nint: 42\nnan: .nan\nnone: null\ntiny: 1.0e-05\n");
    }

    @Test
    void astralCharactersAreEscapedBecausePyYaml311CountedThemAsSpecial() {
        assertThat(PyYaml.dump(List.of("emoji 😀"))).isEqualTo("- \"emoji \\U0001F600\"\n");
        assertThat(PyYaml.dump(List.of("中文 é"))).isEqualTo("- 中文 é\n");
    }

    @Test
    void keysSortByCodePointLikePythonStrings() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("\uD83D\uDE00", 1);
        map.put("\uE000", 2);
        map.put("b", 3);
        map.put("B", 4);
        assertThat(PyYaml.dump(map)).isEqualTo("B: 4\nb: 3\n\uE000: 2\n\"\\U0001F600\": 1\n");
    }

    @Test
    void rejectsValuesPythonWouldNotHaveHad() {
        assertThatThrownBy(() -> PyYaml.dump(List.of(1.5f))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PyYaml.dump(Map.of(1, "one"))).isInstanceOf(IllegalArgumentException.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> stringKeyed(Object item) {
        return (Map<String, ?>) item;
    }
}
