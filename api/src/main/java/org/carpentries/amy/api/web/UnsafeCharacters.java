package org.carpentries.amy.api.web;

/**
 * Characters no request may carry in a value AMY reads: C0 controls but tab, line feed and carriage return, DEL, C1
 * controls, and the bidirectional embeddings, overrides and isolates that make text display other than it reads.
 * Letters of every script, right-to-left ones included, are fine.
 */
public final class UnsafeCharacters {

    private UnsafeCharacters() {
    }

    /** Whether {@code c} is one of the refused characters. */
    public static boolean unsafe(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r'
                || c >= 0x7F && c <= 0x9F
                || c >= 0x202A && c <= 0x202E
                || c >= 0x2066 && c <= 0x2069;
    }

    /** The index of the first refused character in {@code s}, or -1 when there is none (or {@code s} is null). */
    public static int find(CharSequence s) {
        if (s == null) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (unsafe(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** A message naming the refused character as {@code U+XXXX}, never echoing it. */
    public static String message(CharSequence s, int index) {
        return String.format(java.util.Locale.ROOT, "Contains the control or direction character U+%04X at position %d.",
                (int) s.charAt(index), index);
    }

    /** {@code s} with each refused character written as {@code \\uXXXX}, safe to echo in a problem. */
    public static String printable(String s) {
        if (find(s) < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(unsafe(c) ? String.format(java.util.Locale.ROOT, "\\u%04X", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
