package org.carpentries.amy.query.published;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HumanDateTest {

    @Test
    void startOnlyLeavesTheEndUnknown() {
        assertThat(HumanDate.of(LocalDate.of(2030, 3, 5), null)).isEqualTo("Mar 05, 2030-???");
    }

    @Test
    void endOnlyLeavesTheStartUnknown() {
        assertThat(HumanDate.of(null, LocalDate.of(2030, 3, 5))).isEqualTo("???-Mar 05, 2030");
    }

    @Test
    void noDatesAtAllIsTwiceUnknown() {
        assertThat(HumanDate.of(null, null)).isEqualTo("???-???");
    }

    @Test
    void sameMonthNamesTheMonthOnce() {
        assertThat(HumanDate.of(LocalDate.of(2030, 3, 23), LocalDate.of(2030, 3, 27))).isEqualTo("Mar 23-27, 2030");
        assertThat(HumanDate.of(LocalDate.of(2030, 3, 23), LocalDate.of(2030, 3, 23))).isEqualTo("Mar 23-23, 2030");
    }

    @Test
    void sameYearAcrossMonthsNamesTheYearOnce() {
        assertThat(HumanDate.of(LocalDate.of(2030, 3, 30), LocalDate.of(2030, 4, 2)))
                .isEqualTo("Mar 30-Apr 02, 2030");
    }

    @Test
    void acrossYearsSpellsBothDatesOut() {
        assertThat(HumanDate.of(LocalDate.of(2030, 12, 30), LocalDate.of(2031, 1, 2)))
                .isEqualTo("Dec 30, 2030-Jan 02, 2031");
    }

    @Test
    void matchesPythonStrftimeForEveryFixturePair() {
        List<JsonNode> rows = Fixtures.jsonLines("humandate.jsonl");
        assertThat(rows).hasSizeGreaterThan(300);
        for (JsonNode row : rows) {
            LocalDate start = row.get("start").isNull() ? null : LocalDate.parse(row.get("start").asText());
            LocalDate end = row.get("end").isNull() ? null : LocalDate.parse(row.get("end").asText());
            assertThat(HumanDate.of(start, end)).as(row.toString()).isEqualTo(row.get("humandate").asText());
        }
    }
}
