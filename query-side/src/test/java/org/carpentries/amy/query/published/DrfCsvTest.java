package org.carpentries.amy.query.published;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DrfCsvTest {

    static Stream<Arguments> pythonCorpus() {
        return Fixtures.jsonLines("drfcsv.jsonl").stream()
                .map(row -> Arguments.of(row.get("name").asText(), row.get("input"), row.get("csv").asText()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythonCorpus")
    void writesExactlyWhatPythonsCsvModuleWrote(String name, JsonNode input, String expected) {
        assertThat(DrfCsv.write(records(Fixtures.value(input)))).isEqualTo(expected);
    }

    @Test
    void corpusCoversEveryKindOfCase() {
        assertThat(pythonCorpus().count()).isGreaterThan(180);
    }

    @Test
    void flattensNestedValuesIntoSortedDottedColumns() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("slug", "x");
        event.put("tags", List.of(Map.of("name", "SWC"), Map.of("name", "DC")));
        event.put("start", LocalDate.of(2030, 3, 23));
        event.put("latitude", 1e-5);
        event.put("online", true);
        event.put("url", null);
        assertThat(DrfCsv.write(List.of(event))).isEqualTo(
                "latitude,online,slug,start,tags.0.name,tags.1.name,url\r\n1e-05,True,x,2030-03-23,SWC,DC,\r\n");
    }

    @Test
    void quotesOnlyFieldsWithDelimitersQuotesOrLineBreaks() {
        List<Map<String, ?>> records = List.of(Map.of("a", "x,y", "b", "say \"hi\"", "c", "two\nlines", "d", " plain "));
        assertThat(DrfCsv.write(records))
                .isEqualTo("a,b,c,d\r\n\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\", plain \r\n");
    }

    @Test
    void emptyListOrMappingContributesNoColumn() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("tags", List.of());
        record.put("slug", "x");
        assertThat(DrfCsv.write(List.of(record))).isEqualTo("slug\r\nx\r\n");
    }

    @Test
    void loneEmptyFieldIsQuotedSoTheRowIsNotBlank() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("slug", null);
        assertThat(DrfCsv.write(List.of(record))).isEqualTo("slug\r\n\"\"\r\n");
    }

    @Test
    void noRecordsMeansAnEmptyBody() {
        assertThat(DrfCsv.write(List.of())).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, ?>> records(Object value) {
        return (List<Map<String, ?>>) value;
    }
}
