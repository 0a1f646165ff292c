package org.carpentries.amy.query.published;

/** The facts PyYAML's {@code Emitter.analyze_scalar} gathers to choose a block-context scalar's quoting. */
record YamlScalarAnalysis(
        int[] text, boolean empty, boolean multiline, boolean allowBlockPlain, boolean allowSingleQuoted) {

    private static final String LEADING_INDICATORS = "#,[]{}&*!|>'\"%@`";

    static boolean isBreak(int ch) {
        return ch == '\n' || ch == 0x85 || ch == 0x2028 || ch == 0x2029;
    }

    static boolean isBlankOrBreak(int ch) {
        return ch == 0 || ch == ' ' || ch == '\t' || ch == '\r' || isBreak(ch);
    }

    /**
     * PyYAML 3.11, which AMY ran, counted only the Basic Multilingual Plane as printable; from 5.1 on astral
     * characters such as emoji are printable too, so with 3.11 they force double quotes and {@code \U} escapes.
     */
    static boolean isPrintableUnicode(int ch) {
        return (ch == 0x85 || (0xA0 <= ch && ch <= 0xD7FF) || (0xE000 <= ch && ch <= 0xFFFD)) && ch != 0xFEFF;
    }

    static YamlScalarAnalysis of(String scalar) {
        int[] text = scalar.codePoints().toArray();
        if (text.length == 0) {
            return new YamlScalarAnalysis(text, true, false, true, true);
        }
        boolean blockIndicators = false;
        boolean lineBreaks = false;
        boolean specialCharacters = false;
        boolean leadingSpace = false;
        boolean leadingBreak = false;
        boolean trailingSpace = false;
        boolean trailingBreak = false;
        boolean breakSpace = false;
        boolean spaceBreak = false;

        if (scalar.startsWith("---") || scalar.startsWith("...")) {
            blockIndicators = true;
        }
        boolean precededByWhitespace = true;
        boolean followedByWhitespace = text.length == 1 || isBlankOrBreak(text[1]);
        boolean previousSpace = false;
        boolean previousBreak = false;

        int index = 0;
        while (index < text.length) {
            int ch = text[index];
            if (index == 0) {
                if (LEADING_INDICATORS.indexOf(ch) >= 0 || ((ch == '?' || ch == ':' || ch == '-')
                        && followedByWhitespace)) {
                    blockIndicators = true;
                }
            } else if ((ch == ':' && followedByWhitespace) || (ch == '#' && precededByWhitespace)) {
                blockIndicators = true;
            }

            if (isBreak(ch)) {
                lineBreaks = true;
            }
            if (!(ch == '\n' || (0x20 <= ch && ch <= 0x7E)) && !isPrintableUnicode(ch)) {
                specialCharacters = true;
            }

            if (ch == ' ') {
                if (index == 0) {
                    leadingSpace = true;
                }
                if (index == text.length - 1) {
                    trailingSpace = true;
                }
                if (previousBreak) {
                    breakSpace = true;
                }
                previousSpace = true;
                previousBreak = false;
            } else if (isBreak(ch)) {
                if (index == 0) {
                    leadingBreak = true;
                }
                if (index == text.length - 1) {
                    trailingBreak = true;
                }
                if (previousSpace) {
                    spaceBreak = true;
                }
                previousSpace = false;
                previousBreak = true;
            } else {
                previousSpace = false;
                previousBreak = false;
            }

            index++;
            precededByWhitespace = isBlankOrBreak(ch);
            followedByWhitespace = index + 1 >= text.length || isBlankOrBreak(text[index + 1]);
        }

        boolean allowSingleQuoted = !(breakSpace || spaceBreak || specialCharacters);
        boolean allowBlockPlain = allowSingleQuoted && !(leadingSpace || leadingBreak || trailingSpace || trailingBreak
                || lineBreaks || blockIndicators);
        return new YamlScalarAnalysis(text, false, lineBreaks, allowBlockPlain, allowSingleQuoted);
    }
}
