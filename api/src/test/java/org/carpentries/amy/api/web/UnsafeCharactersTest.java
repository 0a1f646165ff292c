package org.carpentries.amy.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Property tests over strings generated from a fixed seed: the same strings on every run. */
class UnsafeCharactersTest {

    private static final long SEED = 20160406L;

    /** Latin, Cyrillic, Hebrew and Arabic (right-to-left), CJK, Devanagari, emoji and ordinary punctuation. */
    private static final List<char[]> LETTERS = List.of(range('a', 'z'), range('\u0400', '\u04FF'),
            range('\u05D0', '\u05EA'), range('\u0620', '\u064A'), range('\u4E00', '\u4FFF'), range('\u0900', '\u097F'),
            " .,;:'\"!?()[]{}<>@#%&*+-=/\\|~`^$\t\n\r".toCharArray());
    /** C0 controls but TAB, LF and CR; DEL and the C1 controls; the direction embeddings, overrides and isolates. */
    private static final List<char[]> UNSAFE = List.of(range('\u0000', '\u0008'), range('\u000B', '\u000C'),
            range('\u000E', '\u001F'), range('\u007F', '\u009F'), range('\u202A', '\u202E'), range('\u2066', '\u2069'));
    private static final List<char[]> WHITESPACE = List.of(range('\t', '\r'));

    @Test
    void textOfAnyScriptWithoutControlsPasses() {
        Random random = new Random(SEED);
        for (int i = 0; i < 2000; i++) {
            String text = string(random, LETTERS, 30);
            assertThat(UnsafeCharacters.find(text)).as("%s", text).isEqualTo(-1);
        }
    }

    @Test
    void oneControlOrDirectionCharacterAnywhereIsFound() {
        Random random = new Random(SEED);
        for (int i = 0; i < 2000; i++) {
            String before = string(random, LETTERS, 30);
            char c = character(random, UNSAFE);
            String after = string(random, LETTERS, 30);
            assertThat(UnsafeCharacters.find(before + c + after)).isEqualTo(before.length());
            assertThat(UnsafeCharacters.printable(before + c + after)).doesNotContain(String.valueOf(c))
                    .contains(String.format("\\u%04X", (int) c));
        }
    }

    @Test
    void tabLineFeedAndCarriageReturnPass() {
        Random random = new Random(SEED);
        for (int i = 0; i < 500; i++) {
            String whitespace = string(random, WHITESPACE, 20);
            String kept = whitespace.replaceAll("[\\x0B\\x0C]", "");
            assertThat(UnsafeCharacters.find(kept)).isEqualTo(-1);
        }
    }

    private static char[] range(char from, char to) {
        char[] chars = new char[to - from + 1];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (from + i);
        }
        return chars;
    }

    /** A character of one of the ranges, the range drawn first so that small scripts come up as often as large. */
    private static char character(Random random, List<char[]> ranges) {
        char[] range = ranges.get(random.nextInt(ranges.size()));
        return range[random.nextInt(range.length)];
    }

    /** A string of 0 to maxLength characters of the ranges. */
    private static String string(Random random, List<char[]> ranges, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(character(random, ranges));
        }
        return out.toString();
    }
}
