package org.carpentries.amy.query.published;

import java.util.Comparator;

/** Python's ordering of {@code str}: by code point, which differs from UTF-16 order above U+D7FF. */
final class PyStrings {

    static final Comparator<String> ORDER = PyStrings::compare;

    private PyStrings() {
    }

    static int compare(String left, String right) {
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Boolean.compare(i < left.length(), j < right.length());
    }
}
