package org.carpentries.amy.api.store;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which read models share a processor ({@code amy.read-model-processors}): {@code processor=model,model;...}. A model
 * named nowhere has a processor of its own, named after it. Models that share a processor handle each batch of events
 * in one transaction and move one token: a write waits for one batch instead of one per model (docs/benchmarks.md),
 * and they are rebuilt together, since they have one position.
 */
public final class ReadModelProcessors {

    private final Map<String, String> processorByModel;

    private ReadModelProcessors(Map<String, String> processorByModel) {
        this.processorByModel = Map.copyOf(processorByModel);
    }

    /**
     * Reads the setting; an unknown model, a model named twice, or a processor named after a model it does not hold
     * is refused, so that a typing error cannot leave a model without the position it had.
     */
    public static ReadModelProcessors parse(String spec, Collection<String> models) {
        Map<String, String> byModel = new LinkedHashMap<>();
        Set<String> known = Set.copyOf(models);
        if (spec != null && !spec.isBlank()) {
            for (String group : spec.split(";")) {
                if (group.isBlank()) {
                    continue;
                }
                String[] parts = group.split("=", -1);
                String processor = parts[0].strip();
                if (parts.length != 2 || processor.isEmpty() || parts[1].isBlank()) {
                    throw refused(spec, "each group is processor=model,model (\"" + group.strip() + "\")");
                }
                for (String member : parts[1].split(",")) {
                    String model = member.strip();
                    if (!known.contains(model)) {
                        throw refused(spec, "\"" + model + "\" is not a read model; they are " + models);
                    }
                    if (byModel.putIfAbsent(model, processor) != null) {
                        throw refused(spec, "\"" + model + "\" is named in two groups");
                    }
                }
            }
        }
        for (String processor : byModel.values()) {
            if (known.contains(processor) && !processor.equals(byModel.get(processor))) {
                throw refused(spec, "processor \"" + processor + "\" is named after a read model it does not hold");
            }
        }
        return new ReadModelProcessors(byModel);
    }

    private static IllegalStateException refused(String spec, String why) {
        return new IllegalStateException("amy.read-model-processors (\"" + spec + "\"): " + why);
    }

    /** The models that share a processor, each with its processor's name. */
    public Map<String, String> assignments() {
        return processorByModel;
    }

    /** The name of the processor that runs the model's handlers. */
    public String processorOf(String model) {
        return processorByModel.getOrDefault(model, model);
    }
}
