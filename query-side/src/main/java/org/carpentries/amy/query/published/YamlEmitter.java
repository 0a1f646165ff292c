package org.carpentries.amy.query.published;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A port of the parts of PyYAML's {@code emitter.py} that block-style documents of plain data reach, keeping its
 * state (column, indent stack, whitespace and indention flags) so folding and quoting land on the same bytes.
 */
final class YamlEmitter {

    private static final int BEST_INDENT = 2;
    private static final int BEST_WIDTH = 80;
    private static final int NO_CHARACTER = -1;
    private static final int SIMPLE_KEY_LIMIT = 128;
    private static final Map<Integer, Character> ESCAPES = Map.ofEntries(
            Map.entry(0x00, '0'), Map.entry(0x07, 'a'), Map.entry(0x08, 'b'), Map.entry(0x09, 't'),
            Map.entry(0x0A, 'n'), Map.entry(0x0B, 'v'), Map.entry(0x0C, 'f'), Map.entry(0x0D, 'r'),
            Map.entry(0x1B, 'e'), Map.entry((int) '"', '"'), Map.entry((int) '\\', '\\'), Map.entry(0x85, 'N'),
            Map.entry(0xA0, '_'), Map.entry(0x2028, 'L'), Map.entry(0x2029, 'P'));

    private enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED }

    private final StringBuilder out = new StringBuilder();
    private final List<Integer> indents = new ArrayList<>();
    private Integer indent;
    private boolean rootContext;
    private boolean simpleKeyContext;
    private boolean mappingContext;
    private int column;
    private boolean whitespace = true;
    private boolean indention = true;
    private boolean openEnded;

    private YamlEmitter() {
    }

    static String emit(YamlNode document) {
        YamlEmitter emitter = new YamlEmitter();
        emitter.expectNode(document, true, false, false);
        emitter.writeIndent();
        if (emitter.openEnded) {
            emitter.writeIndicator("...", true, false, false);
            emitter.writeIndent();
        }
        return emitter.out.toString();
    }

    private void expectNode(YamlNode node, boolean root, boolean mapping, boolean simpleKey) {
        rootContext = root;
        mappingContext = mapping;
        simpleKeyContext = simpleKey;
        if (node instanceof YamlNode.Scalar scalar) {
            expectScalar(scalar);
        } else if (node instanceof YamlNode.Sequence sequence) {
            if (sequence.items().isEmpty()) {
                expectEmptyFlowCollection("[", "]");
            } else {
                expectBlockSequence(sequence);
            }
        } else if (node instanceof YamlNode.Mapping map) {
            if (map.entries().isEmpty()) {
                expectEmptyFlowCollection("{", "}");
            } else {
                expectBlockMapping(map);
            }
        }
    }

    private void expectScalar(YamlNode.Scalar scalar) {
        YamlScalarAnalysis analysis = YamlScalarAnalysis.of(scalar.value());
        boolean implicitPlain = scalar.tag() == YamlResolver.resolve(scalar.value());
        boolean implicitQuoted = scalar.tag() == YamlResolver.Tag.STR;
        Style style = chooseScalarStyle(analysis, implicitPlain);
        if (!((style == Style.PLAIN && implicitPlain) || (style != Style.PLAIN && implicitQuoted))) {
            writeIndicator(scalar.tag().shorthand(), true, false, false);
        }
        increaseIndent(true, false);
        boolean split = !simpleKeyContext;
        switch (style) {
            case DOUBLE_QUOTED -> writeDoubleQuoted(analysis.text(), split);
            case SINGLE_QUOTED -> writeSingleQuoted(analysis.text(), split);
            default -> writePlain(analysis.text(), split);
        }
        popIndent();
    }

    private Style chooseScalarStyle(YamlScalarAnalysis analysis, boolean implicitPlain) {
        if (implicitPlain
                && !(simpleKeyContext && (analysis.empty() || analysis.multiline()))
                && analysis.allowBlockPlain()) {
            return Style.PLAIN;
        }
        if (analysis.allowSingleQuoted() && !(simpleKeyContext && analysis.multiline())) {
            return Style.SINGLE_QUOTED;
        }
        return Style.DOUBLE_QUOTED;
    }

    /** PyYAML never writes an empty collection in block style, and nothing else here reaches flow style. */
    private void expectEmptyFlowCollection(String open, String close) {
        writeIndicator(open, true, true, false);
        writeIndicator(close, false, false, false);
    }

    private void expectBlockSequence(YamlNode.Sequence sequence) {
        boolean indentless = mappingContext && !indention;
        increaseIndent(false, indentless);
        for (YamlNode item : sequence.items()) {
            writeIndent();
            writeIndicator("-", true, false, true);
            expectNode(item, false, false, false);
        }
        popIndent();
    }

    private void expectBlockMapping(YamlNode.Mapping mapping) {
        increaseIndent(false, false);
        for (YamlNode.Entry entry : mapping.entries()) {
            writeIndent();
            if (isSimpleKey(entry.key())) {
                expectNode(entry.key(), false, true, true);
                writeIndicator(":", false, false, false);
            } else {
                writeIndicator("?", true, false, true);
                expectNode(entry.key(), false, true, false);
                writeIndent();
                writeIndicator(":", true, false, true);
            }
            expectNode(entry.value(), false, true, false);
        }
        popIndent();
    }

    /** PyYAML counts the prepared tag (e.g. {@code !!str}) towards the 128 character limit even when omitted. */
    private static boolean isSimpleKey(YamlNode.Scalar key) {
        YamlScalarAnalysis analysis = YamlScalarAnalysis.of(key.value());
        int length = key.tag().shorthand().length() + analysis.text().length;
        return length < SIMPLE_KEY_LIMIT && !analysis.empty() && !analysis.multiline();
    }

    private void increaseIndent(boolean flow, boolean indentless) {
        indents.add(indent);
        if (indent == null) {
            indent = flow ? BEST_INDENT : 0;
        } else if (!indentless) {
            indent += BEST_INDENT;
        }
    }

    private void popIndent() {
        indent = indents.remove(indents.size() - 1);
    }

    private void writeIndicator(String indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
        String data = (whitespace || !needWhitespace) ? indicator : " " + indicator;
        whitespace = isWhitespace;
        indention = indention && isIndention;
        column += data.length();
        openEnded = false;
        out.append(data);
    }

    private void writeIndent() {
        int target = indent == null ? 0 : indent;
        if (!indention || column > target || (column == target && !whitespace)) {
            writeLineBreak('\n');
        }
        if (column < target) {
            whitespace = true;
            out.append(" ".repeat(target - column));
            column = target;
        }
    }

    private void writeLineBreak(int lineBreak) {
        whitespace = true;
        indention = true;
        column = 0;
        out.appendCodePoint(lineBreak);
    }

    private void write(int[] text, int start, int end) {
        for (int i = start; i < end; i++) {
            out.appendCodePoint(text[i]);
        }
        column += end - start;
    }

    private void writeBreaks(int[] text, int start, int end) {
        if (text[start] == '\n') {
            writeLineBreak('\n');
        }
        for (int i = start; i < end; i++) {
            writeLineBreak(text[i]);
        }
    }

    private void writePlain(int[] text, boolean split) {
        if (rootContext) {
            openEnded = true;
        }
        if (text.length == 0) {
            return;
        }
        if (!whitespace) {
            out.append(' ');
            column++;
        }
        whitespace = false;
        indention = false;
        boolean spaces = false;
        boolean breaks = false;
        int start = 0;
        int end = 0;
        while (end <= text.length) {
            int ch = end < text.length ? text[end] : NO_CHARACTER;
            if (spaces) {
                if (ch != ' ') {
                    if (start + 1 == end && column > BEST_WIDTH && split) {
                        writeIndent();
                        whitespace = false;
                        indention = false;
                    } else {
                        write(text, start, end);
                    }
                    start = end;
                }
            } else if (breaks) {
                if (!YamlScalarAnalysis.isBreak(ch)) {
                    writeBreaks(text, start, end);
                    writeIndent();
                    whitespace = false;
                    indention = false;
                    start = end;
                }
            } else if (ch == NO_CHARACTER || ch == ' ' || YamlScalarAnalysis.isBreak(ch)) {
                write(text, start, end);
                start = end;
            }
            if (ch != NO_CHARACTER) {
                spaces = ch == ' ';
                breaks = YamlScalarAnalysis.isBreak(ch);
            }
            end++;
        }
    }

    private void writeSingleQuoted(int[] text, boolean split) {
        writeIndicator("'", true, false, false);
        boolean spaces = false;
        boolean breaks = false;
        int start = 0;
        int end = 0;
        while (end <= text.length) {
            int ch = end < text.length ? text[end] : NO_CHARACTER;
            if (spaces) {
                if (ch != ' ') {
                    if (start + 1 == end && column > BEST_WIDTH && split && start != 0 && end != text.length) {
                        writeIndent();
                    } else {
                        write(text, start, end);
                    }
                    start = end;
                }
            } else if (breaks) {
                if (!YamlScalarAnalysis.isBreak(ch)) {
                    writeBreaks(text, start, end);
                    writeIndent();
                    start = end;
                }
            } else if (ch == NO_CHARACTER || ch == ' ' || YamlScalarAnalysis.isBreak(ch) || ch == '\'') {
                if (start < end) {
                    write(text, start, end);
                    start = end;
                }
            }
            if (ch == '\'') {
                out.append("''");
                column += 2;
                start = end + 1;
            }
            if (ch != NO_CHARACTER) {
                spaces = ch == ' ';
                breaks = YamlScalarAnalysis.isBreak(ch);
            }
            end++;
        }
        writeIndicator("'", false, false, false);
    }

    private void writeDoubleQuoted(int[] text, boolean split) {
        writeIndicator("\"", true, false, false);
        int start = 0;
        int end = 0;
        while (end <= text.length) {
            int ch = end < text.length ? text[end] : NO_CHARACTER;
            if (ch == NO_CHARACTER || needsEscape(ch)) {
                if (start < end) {
                    write(text, start, end);
                    start = end;
                }
                if (ch != NO_CHARACTER) {
                    String escape = escape(ch);
                    out.append(escape);
                    column += escape.length();
                    start = end + 1;
                }
            }
            if (0 < end && end < text.length - 1 && (ch == ' ' || start >= end)
                    && column + (end - start) > BEST_WIDTH && split) {
                if (start < end) {
                    write(text, start, end);
                    start = end;
                }
                out.append('\\');
                column++;
                writeIndent();
                whitespace = false;
                indention = false;
                if (text[start] == ' ') {
                    out.append('\\');
                    column++;
                }
            }
            end++;
        }
        writeIndicator("\"", false, false, false);
    }

    private static boolean needsEscape(int ch) {
        if (ch == '"' || ch == '\\' || ch == 0x85 || ch == 0x2028 || ch == 0x2029 || ch == 0xFEFF) {
            return true;
        }
        boolean printable = (0x20 <= ch && ch <= 0x7E) || (0xA0 <= ch && ch <= 0xD7FF) || (0xE000 <= ch && ch <= 0xFFFD);
        return !printable;
    }

    private static String escape(int ch) {
        Character named = ESCAPES.get(ch);
        if (named != null) {
            return "\\" + named;
        }
        if (ch <= 0xFF) {
            return String.format(Locale.ROOT, "\\x%02X", ch);
        }
        if (ch <= 0xFFFF) {
            return String.format(Locale.ROOT, "\\u%04X", ch);
        }
        return String.format(Locale.ROOT, "\\U%08X", ch);
    }
}
