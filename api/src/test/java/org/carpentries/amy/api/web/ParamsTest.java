package org.carpentries.amy.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.carpentries.amy.api.problem.BadRequest;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

class ParamsTest {

    private static int page(String value) {
        LinkedMultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.add("page", value);
        return new Params(query, Set.of("page")).integer("page", 1, 1, 1_000_000);
    }

    @Test
    void aWholeNumberInAsciiDigitsWithinItsBoundsIsRead() {
        assertThat(page("123")).isEqualTo(123);
        assertThat(new Params(new LinkedMultiValueMap<>(), Set.of("page")).integer("page", 7, 1, 9)).isEqualTo(7);
    }

    /** Integer.parseInt reads other scripts' digits too: "١٢٣" (Arabic-Indic) would be page 123. */
    @Test
    void digitsOfOtherScriptsSignsAndOutOfRangeNumbersAreABadRequest() {
        for (String bad : new String[] {"\u0661\u0662\u0663", "\uff11", "+5", "0", "99999999999", "1e3", " 1", ""}) {
            assertThatThrownBy(() -> page(bad)).as(bad).isInstanceOf(BadRequest.class)
                    .extracting(e -> ((BadRequest) e).code()).isEqualTo("invalid-parameter");
        }
    }
}
