package org.carpentries.amy.query.published;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ListDocumentTest {

    private static final List<Map<String, Object>> WORKSHOPS = List.of(
            Map.of("slug", "2024-01-02-zürich", "venue", "ETH Zürich"),
            Map.of("slug", "2024-01-03-kyoto", "venue", "京都大学 \u2028"),
            Map.of("slug", "2024-01-04-ttt", "venue", "online"));

    static Stream<Arguments> documents() {
        return Stream.of(0, 1, 3).flatMap(n -> {
            List<Map<String, Object>> items = WORKSHOPS.subList(0, n);
            return Stream.of(
                    Arguments.of("json, " + n, DrfJson.LIST, items.stream().map(DrfJson::listItem).toList(),
                            DrfJson.write(items)),
                    Arguments.of("yaml, " + n, PyYaml.LIST, items.stream().map(PyYaml::listItem).toList(),
                            PyYaml.dump(items)));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void writtenAsTheItemsArriveItIsTheWholeListsDocument(String name, ListDocument list, List<String> items,
                                                          String whole) {
        byte[] expected = whole.getBytes(StandardCharsets.UTF_8);
        assertThat(list.join(items)).isEqualTo(whole);
        long itemBytes = items.stream().mapToLong(i -> i.getBytes(StandardCharsets.UTF_8).length).sum();
        assertThat(list.size(items.size(), itemBytes)).isEqualTo(expected.length);
        for (int hint : new int[] {0, expected.length, expected.length * 3}) {
            ListDocument.Writer writer = list.writer(hint);
            items.forEach(writer::add);
            assertThat(writer.bytes()).as("sized for %d bytes", hint).isEqualTo(expected);
        }
    }
}
