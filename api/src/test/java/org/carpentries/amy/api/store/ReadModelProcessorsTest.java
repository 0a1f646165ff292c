package org.carpentries.amy.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadModelProcessorsTest {

    private static final List<String> MODELS = List.of("workshops", "published", "audit", "tags");

    @Test
    void namedModelsShareTheirProcessorAndTheOthersHaveTheirOwn() {
        ReadModelProcessors processors = ReadModelProcessors.parse(" writes = workshops, published ;audit=audit; ",
                MODELS);
        assertThat(processors.assignments()).containsExactlyInAnyOrderEntriesOf(Map.of("workshops", "writes",
                "published", "writes", "audit", "audit"));
        assertThat(processors.processorOf("published")).isEqualTo("writes");
        assertThat(processors.processorOf("tags")).isEqualTo("tags");
    }

    @Test
    void nothingNamedGivesEveryModelItsOwnProcessor() {
        assertThat(ReadModelProcessors.parse("", MODELS).assignments()).isEmpty();
        assertThat(ReadModelProcessors.parse(null, MODELS).processorOf("audit")).isEqualTo("audit");
    }

    /** A processor named after a model it holds keeps that model's position. */
    @Test
    void aProcessorMayBeNamedAfterAModelItHolds() {
        assertThat(ReadModelProcessors.parse("workshops=workshops,published", MODELS).processorOf("published"))
                .isEqualTo("workshops");
    }

    @Test
    void typingErrorsAreRefusedAtStart() {
        assertThatThrownBy(() -> ReadModelProcessors.parse("writes=workshops,publishd", MODELS))
                .hasMessageContaining("\"publishd\" is not a read model");
        assertThatThrownBy(() -> ReadModelProcessors.parse("a=workshops;b=workshops", MODELS))
                .hasMessageContaining("\"workshops\" is named in two groups");
        assertThatThrownBy(() -> ReadModelProcessors.parse("tags=workshops,published", MODELS))
                .hasMessageContaining("processor \"tags\" is named after a read model it does not hold");
        assertThatThrownBy(() -> ReadModelProcessors.parse("x=tags;workshops=published", MODELS))
                .hasMessageContaining("processor \"workshops\" is named after a read model it does not hold");
        assertThatThrownBy(() -> ReadModelProcessors.parse("writes", MODELS))
                .hasMessageContaining("each group is processor=model,model");
        assertThatThrownBy(() -> ReadModelProcessors.parse("writes=", MODELS))
                .hasMessageContaining("each group is processor=model,model");
    }
}
