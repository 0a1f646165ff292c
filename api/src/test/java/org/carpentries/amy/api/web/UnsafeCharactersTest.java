package org.carpentries.amy.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

class UnsafeCharactersTest {

    @Property(tries = 2000)
    void textOfAnyScriptWithoutControlsPasses(@ForAll("letters") String text) {
        assertThat(UnsafeCharacters.find(text)).isEqualTo(-1);
    }

    @Property(tries = 2000)
    void oneControlOrDirectionCharacterAnywhereIsFound(@ForAll("letters") String before, @ForAll("unsafe") char c,
                                                       @ForAll("letters") String after) {
        assertThat(UnsafeCharacters.find(before + c + after)).isEqualTo(before.length());
        assertThat(UnsafeCharacters.printable(before + c + after)).doesNotContain(String.valueOf(c))
                .contains(String.format("\\u%04X", (int) c));
    }

    @Property(tries = 500)
    void tabLineFeedAndCarriageReturnPass(@ForAll @StringLength(max = 20) @CharRange(from = '\t', to = '\r')
                                          String whitespace) {
        String kept = whitespace.replaceAll("[\\x0B\\x0C]", "");
        assertThat(UnsafeCharacters.find(kept)).isEqualTo(-1);
    }

    @Provide
    Arbitrary<String> letters() {
        // Latin, Cyrillic, Hebrew and Arabic (right-to-left), CJK, Devanagari, emoji and ordinary punctuation.
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('\u0400', '\u04FF')
                .withCharRange('\u05D0', '\u05EA').withCharRange('\u0620', '\u064A').withCharRange('\u4E00', '\u4FFF')
                .withCharRange('\u0900', '\u097F').withChars(" .,;:'\"!?()[]{}<>@#%&*+-=/\\|~`^$\t\n\r")
                .ofMaxLength(30);
    }

    @Provide
    Arbitrary<Character> unsafe() {
        return Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u0008'), Arbitraries.chars().range('\u000B', '\u000C'),
                Arbitraries.chars().range('\u000E', '\u001F'), Arbitraries.chars().range('\u007F', '\u009F'),
                Arbitraries.chars().range('\u202A', '\u202E'), Arbitraries.chars().range('\u2066', '\u2069'));
    }
}
