package org.carpentries.amy.query.published;

import java.util.List;

/** PyYAML's representation graph: what the representer hands to the emitter. */
sealed interface YamlNode {

    record Scalar(YamlResolver.Tag tag, String value) implements YamlNode {
    }

    record Sequence(List<YamlNode> items) implements YamlNode {
    }

    record Mapping(List<Entry> entries) implements YamlNode {
    }

    record Entry(Scalar key, YamlNode value) {
    }
}
