package org.carpentries.amy.api.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.carpentries.amy.api.problem.BadRequest;
import org.junit.jupiter.api.Test;

class InputHygieneTest {

    @Test
    void aControlCharacterInAQueryValueIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> InputHygiene.checkQuery("tag=SWC&as_of=2016%01"))
                .isInstanceOfSatisfying(BadRequest.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("control-character");
                    org.assertj.core.api.Assertions.assertThat(e.where()).isEqualTo("query");
                    org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("as_of");
                });
    }

    @Test
    void aDirectionOverrideInAParameterNameIsRefusedAndNotEchoed() {
        assertThatThrownBy(() -> InputHygiene.checkQuery("a%E2%80%AEb=1"))
                .isInstanceOfSatisfying(BadRequest.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("a\\u202Eb"));
    }

    @Test
    void brokenPercentEncodingIsRefused() {
        assertThatThrownBy(() -> InputHygiene.checkQuery("tag=%zz"))
                .isInstanceOfSatisfying(BadRequest.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("malformed-encoding"));
    }

    @Test
    void controlCharactersInAPathAreRefusedButAPlusIsAPlus() {
        assertThatThrownBy(() -> InputHygiene.checkPath("/api/workshops/x%1By"))
                .isInstanceOfSatisfying(BadRequest.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.where()).isEqualTo("path"));
        assertThatCode(() -> InputHygiene.checkPath("/api/workshops/2016-04-06+ttt")).doesNotThrowAnyException();
    }

    @Test
    void rightToLeftLettersAndOtherScriptsPass() {
        assertThatCode(() -> InputHygiene.checkQuery("name=" + java.net.URLEncoder.encode("שלום مرحبا Ἀθῆναι 東京",
                StandardCharsets.UTF_8))).doesNotThrowAnyException();
        String utf8AsLatin1 = new String("Grüße, ő, שלום".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThatCode(() -> InputHygiene.checkHeader("X-Change-Reason", utf8AsLatin1)).doesNotThrowAnyException();
    }

    @Test
    void aReasonHeaderWithARawOrEncodedOverrideIsRefused() {
        String raw = new String("fix \u202Etxt.exe".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> InputHygiene.checkHeader("X-Change-Reason", raw)).isInstanceOf(BadRequest.class);
        assertThatThrownBy(() -> InputHygiene.checkHeader("X-Change-Reason", "UTF-8''fix%07bell"))
                .isInstanceOf(BadRequest.class);
        assertThatThrownBy(() -> InputHygiene.checkHeader("If-Match", "\"1\u0085\""))
                .isInstanceOfSatisfying(BadRequest.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("If-Match"));
    }
}
