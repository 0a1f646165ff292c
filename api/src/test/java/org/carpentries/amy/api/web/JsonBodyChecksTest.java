package org.carpentries.amy.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.carpentries.amy.api.problem.BadRequest;
import org.junit.jupiter.api.Test;

class JsonBodyChecksTest {

    private static BadRequest refusal(String json) {
        return catchThrowableOfType(BadRequest.class,
                () -> JsonBodyChecks.check(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void nestingBeyondTheLimitIsRefused() {
        assertThat(refusal("[".repeat(33) + "]".repeat(33)).code()).isEqualTo("json-too-deep");
        assertThat(refusal("{\"a\":".repeat(5000) + "1" + "}".repeat(5000)).code()).isEqualTo("json-too-deep");
        assertThatCode(() -> JsonBodyChecks.check(("[".repeat(32) + "]".repeat(32)).getBytes(StandardCharsets.UTF_8)))
                .doesNotThrowAnyException();
    }

    @Test
    void overlongStringsAndNumbersAreRefused() {
        assertThat(refusal("{\"notes\":\"" + "a".repeat(100_001) + "\"}").code()).isEqualTo("string-too-long");
        assertThat(refusal("{\"n\":1" + "0".repeat(100) + "}").code()).isEqualTo("number-too-long");
        assertThat(refusal("{\"n\":1e400}").code()).isEqualTo("number-out-of-range");
        assertThatCode(() -> JsonBodyChecks.check(("{\"notes\":\"" + "a".repeat(100_000) + "\",\"n\":1"
                + "0".repeat(99) + "}").getBytes(StandardCharsets.UTF_8))).doesNotThrowAnyException();
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingIt() {
        BadRequest e = refusal("{\"a\":{\"name\":\"x\",\"name\":\"y\"}}");
        assertThat(e.code()).isEqualTo("duplicate-key");
        assertThat(e.field()).isEqualTo("name");
    }

    @Test
    void escapedControlAndDirectionCharactersAreRefusedNamingTheField() {
        BadRequest e = refusal("{\"person\":{\"notes\":\"ok\",\"family\":\"abc\\u202Egpj\"}}");
        assertThat(e.code()).isEqualTo("control-character");
        assertThat(e.field()).isEqualTo("/person/family");
        assertThat(refusal("{\"a\\u0000\":1}").field()).isEqualTo("/a\\u0000");
        assertThat(refusal("[\"\\u0085\"]").field()).isEqualTo("/0");
    }

    @Test
    void textOfEveryScriptAndItsWhitespacePasses() {
        assertThatCode(() -> JsonBodyChecks.check("{\"notes\":\"שלום\\nمرحبا\\t東京 <script>alert(1)</script> ' OR 1=1\"}"
                .getBytes(StandardCharsets.UTF_8))).doesNotThrowAnyException();
    }

    @Test
    void malformedJsonIsLeftToTheConverter() {
        assertThatCode(() -> JsonBodyChecks.check("{\"a\":".getBytes(StandardCharsets.UTF_8)))
                .doesNotThrowAnyException();
    }
}
