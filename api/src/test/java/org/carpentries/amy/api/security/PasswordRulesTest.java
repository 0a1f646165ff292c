package org.carpentries.amy.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.carpentries.amy.api.problem.BadRequest;
import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    private final PasswordRules rules = new PasswordRules();

    @Test
    void aPasswordNeedsTenCharactersNotAllDigits() {
        assertThat(rules.problem("short pw1")).contains("at least 10");
        assertThat(rules.problem("98765432109876")).contains("all digits");
        assertThat(rules.problem("violet kettle marmalade")).isNull();
    }

    @Test
    void commonPasswordsAreRefusedWhateverTheirCase() {
        assertThat(rules.problem("Password123")).contains("too common");
        assertThat(rules.problem("QWERTYUIOP")).contains("too common");
        assertThat(rules.problem("iloveyou2024")).contains("too common");
    }

    @Test
    void aPasswordLikeTheUsernameANameOrTheEmailOrAPartOfItIsRefused() {
        assertThat(rules.problem("hgranger2016", "hgranger", "Hermione", null, "Granger",
                "hermione.granger@hogwarts.ac.uk")).contains("too similar");
        assertThat(rules.problem("granger2016!", "hg", "Hermione", null, "Granger", null)).contains("too similar");
        assertThat(rules.problem("hogwarts.ac.uk", "hg", null, null, null, "hermione.granger@hogwarts.ac.uk"))
                .contains("too similar");
        assertThat(rules.problem("violet kettle marmalade", "hgranger", "Hermione", null, "Granger",
                "hermione.granger@hogwarts.ac.uk")).isNull();
    }

    @Test
    void theRatioIsPythonsSequenceMatcherRatio() {
        // difflib.SequenceMatcher(None, "abcd", "bcde").ratio() == 0.75; ("granger2016!", "granger") == 0.7368…
        assertThat(PasswordRules.ratio("abcd", "bcde")).isEqualTo(0.75);
        assertThat(PasswordRules.ratio("granger2016!", "granger")).isCloseTo(0.7368, org.assertj.core.data.Offset
                .offset(0.0001));
        assertThat(PasswordRules.ratio("qwerty", "asdfgh")).isZero();
    }

    @Test
    void aRefusalIsPasswordTooWeak() {
        assertThatThrownBy(() -> rules.check("password1")).isInstanceOf(BadRequest.class)
                .satisfies(e -> assertThat(((BadRequest) e).code()).isEqualTo("password-too-weak"));
    }

    @Test
    void aPasswordBCryptWouldCutIsRefusedAndSixtyFourLettersAreFine() {
        assertThat(rules.problem("a violet kettle ".repeat(4))).as("64 characters").isNull();
        assertThat(rules.problem("a violet kettle ".repeat(5))).contains("at most 72 bytes");
        assertThat(rules.problem("ÿ violet kettle ".repeat(4) + "ÿ ÿ ÿ ÿ")).as("72 characters, 80 bytes")
                .contains("at most 72 bytes");
    }

    @Test
    void aPasswordBuiltOnAmysOwnWordsIsRefused() {
        assertThat(rules.problem("Carpentries2026!")).contains("AMY's own");
        assertThat(rules.problem("Carpentry-2026")).contains("AMY's own");
        assertThat(rules.problem("the plum carpenter sings")).isNull();
    }
}
