package org.carpentries.amy.api.published;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.carpentries.amy.query.Renders;
import org.springframework.stereotype.Component;

/**
 * The render slots as metrics ({@code /actuator/metrics}): {@code amy.renders.running} now, and since the start
 * {@code amy.renders.waited} (renders that found every slot taken) and {@code amy.renders.refused} (503
 * {@code renders-busy}). Waits that grow mean the node renders more than its slots allow for.
 */
@Component
class RenderMetrics implements MeterBinder {

    private final Renders renders;

    RenderMetrics(Renders renders) {
        this.renders = renders;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("amy.renders.running", renders, Renders::running)
                .description("Whole documents rendering now, of amy.renders.concurrent slots")
                .register(registry);
        FunctionCounter.builder("amy.renders.waited", renders, Renders::waited)
                .description("Renders that found every slot taken and waited for one")
                .register(registry);
        FunctionCounter.builder("amy.renders.refused", renders, Renders::refused)
                .description("Renders refused (503 renders-busy) after waiting their longest")
                .register(registry);
    }
}
