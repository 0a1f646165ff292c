package org.carpentries.amy.query.published;

import java.util.List;
import java.util.regex.Pattern;

/** PyYAML 3.11's implicit resolvers: which plain scalars a loader would read as something other than a string. */
final class YamlResolver {

    enum Tag {
        STR("!!str"), NULL("!!null"), BOOL("!!bool"), INT("!!int"), FLOAT("!!float"), TIMESTAMP("!!timestamp"),
        MERGE("!!merge"), VALUE("!!value"), YAML("!!yaml");

        private final String shorthand;

        Tag(String shorthand) {
            this.shorthand = shorthand;
        }

        String shorthand() {
            return shorthand;
        }
    }

    private record Resolver(Tag tag, String firstCharacters, Pattern pattern) {
    }

    // PyYAML 6 narrowed ".[0-9_]+" to ".[0-9][0-9_]*"; 3.11, which AMY ran, still reads "._" as a float.
    private static final List<Resolver> RESOLVERS = List.of(
            new Resolver(Tag.BOOL, "yYnNtTfFoO", Pattern.compile(
                    "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF")),
            new Resolver(Tag.FLOAT, "-+0123456789.", Pattern.compile(
                    "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
                            + "|\\.[0-9_]+(?:[eE][-+][0-9]+)?"
                            + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
                            + "|[-+]?\\.(?:inf|Inf|INF)"
                            + "|\\.(?:nan|NaN|NAN)")),
            new Resolver(Tag.INT, "-+0123456789", Pattern.compile(
                    "[-+]?0b[0-1_]+"
                            + "|[-+]?0[0-7_]+"
                            + "|[-+]?(?:0|[1-9][0-9_]*)"
                            + "|[-+]?0x[0-9a-fA-F_]+"
                            + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+")),
            new Resolver(Tag.MERGE, "<", Pattern.compile("<<")),
            new Resolver(Tag.NULL, "~nN", Pattern.compile("~|null|Null|NULL|")),
            new Resolver(Tag.TIMESTAMP, "0123456789", Pattern.compile(
                    "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
                            + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
                            + "(?:[Tt]|[ \\t]+)[0-9][0-9]?"
                            + ":[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
                            + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?")),
            new Resolver(Tag.VALUE, "=", Pattern.compile("=")),
            new Resolver(Tag.YAML, "!&*", Pattern.compile("!|&|\\*")));

    private YamlResolver() {
    }

    static Tag resolve(String value) {
        if (value.isEmpty()) {
            return Tag.NULL;
        }
        // Python's "$" also matches just before one final "\n".
        String candidate = value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
        int first = value.codePointAt(0);
        for (Resolver resolver : RESOLVERS) {
            if (resolver.firstCharacters().indexOf(first) >= 0 && resolver.pattern().matcher(candidate).matches()) {
                return resolver.tag();
            }
        }
        return Tag.STR;
    }
}
