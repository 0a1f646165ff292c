package org.carpentries.amy.api.store;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A diagnosis of slow read-model waits, off unless {@code amy.read-model-trace} is above zero: each processor batch's
 * moments (first event handled, last handler returned, token stored, committed, writes woken) are kept in a ring of the
 * last {@value #KEPT} batches, and a write that waited longer than the setting logs one line with the batches of the
 * processors it waited for that overlap its wait, and the collector's pauses during it.
 */
@Component
public class BatchTrace {

    private static final Logger log = LoggerFactory.getLogger(BatchTrace.class);
    static final int KEPT = 2_048;

    private final long thresholdNanos;
    private final LongSupplier nanoTime;
    private final Batch[] ring = new Batch[KEPT];
    private long next;

    @Autowired
    public BatchTrace(@Value("${amy.read-model-trace:0ms}") Duration threshold) {
        this(threshold, System::nanoTime);
    }

    BatchTrace(Duration threshold, LongSupplier nanoTime) {
        this.thresholdNanos = threshold.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Whether batches and slow waits are traced. */
    public boolean enabled() {
        return thresholdNanos > 0;
    }

    /**
     * Starts the record of {@code batch}, on the processor's thread as it handles the batch's first event: the batch
     * notes when its token is stored and when it commits; the caller notes when it woke the writes.
     */
    public Batch started(String processor, UnitOfWork<?> batch) {
        Batch started = started(processor);
        batch.onPrepareCommit(u -> started.prepared());
        batch.afterCommit(u -> started.committed());
        return started;
    }

    Batch started(String processor) {
        return new Batch(processor, nanoTime.getAsLong());
    }

    /** The collectors' pause count and total time now: a write reads it before and after it waits. */
    public static long[] collections() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private synchronized void keep(Batch batch) {
        ring[(int) (next++ % KEPT)] = batch;
    }

    private synchronized List<Batch> kept() {
        List<Batch> all = new ArrayList<>(KEPT);
        long first = Math.max(0, next - KEPT);
        for (long i = first; i < next; i++) {
            all.add(ring[(int) (i % KEPT)]);
        }
        return all;
    }

    /**
     * A write waited from {@code acknowledged} to {@code done} (nanoTime) for {@code positions} in
     * {@code processors}: if longer than the threshold, log what those processors' batches did meanwhile.
     */
    public void waited(long acknowledged, long done, Collection<Long> positions, Collection<String> processors,
                       long[] collectionsBefore) {
        if (!enabled() || done - acknowledged < thresholdNanos) {
            return;
        }
        log.info(describe(acknowledged, done, positions, processors, collectionsBefore, collections()));
    }

    /** The line {@link #waited} logs. */
    String describe(long acknowledged, long done, Collection<Long> positions, Collection<String> processors,
                    long[] collectionsBefore, long[] collectionsAfter) {
        StringBuilder line = new StringBuilder(512);
        line.append(String.format(Locale.ROOT, "slow wait %.1f ms for %s in %s; gc %d pauses %d ms; batches:",
                ms(done - acknowledged), positions, processors, collectionsAfter[0] - collectionsBefore[0],
                collectionsAfter[1] - collectionsBefore[1]));
        Batch before = null;
        for (Batch batch : kept()) {
            if (!processors.contains(batch.processor)) {
                continue;
            }
            if (batch.woke < acknowledged) {
                before = batch;
                continue;
            }
            if (before != null) {
                before.describe(line, acknowledged);
                before = null;
            }
            if (batch.started <= done) {
                batch.describe(line, acknowledged);
            }
        }
        if (before != null) {
            before.describe(line, acknowledged);
        }
        return line.toString();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** One batch's moments (nanoTime), filled in on the processor's thread. */
    public final class Batch {
        private final String processor;
        private final long started;
        private long handled;
        private long prepared;
        private long committed;
        private long woke;
        private int events;
        private long firstPosition = -1;
        private long lastPosition = -1;
        private long slowestNanos;
        private String slowest;

        private Batch(String processor, long started) {
            this.processor = processor;
            this.started = started;
        }

        /** One event handled (every model of the processor), ending now. */
        public void handled(Message<?> event) {
            handled(event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                    ? tracked.trackingToken().position().orElse(-1) : -1, event.getPayloadType().getSimpleName());
        }

        void handled(long position, String type) {
            long now = nanoTime.getAsLong();
            long took = now - (events == 0 ? started : handled);
            if (took >= slowestNanos) {
                slowestNanos = took;
                slowest = type;
            }
            handled = now;
            events++;
            if (firstPosition < 0) {
                firstPosition = position;
            }
            lastPosition = Math.max(lastPosition, position);
        }

        /** The token is stored; the transaction commits next. */
        void prepared() {
            prepared = nanoTime.getAsLong();
        }

        /** The transaction committed. */
        void committed() {
            committed = nanoTime.getAsLong();
        }

        /** The writes waiting for this processor were woken: the batch is over. */
        public void woke() {
            woke = nanoTime.getAsLong();
            keep(this);
        }

        private void describe(StringBuilder line, long from) {
            line.append(String.format(Locale.ROOT,
                    " [%s %d events %d..%d: start %+.1f handled %+.1f stored %+.1f committed %+.1f woke %+.1f;"
                            + " slowest %s %.1f ms]",
                    processor, events, firstPosition, lastPosition, ms(started - from), ms(handled - from),
                    ms(prepared - from), ms(committed - from), ms(woke - from), slowest, ms(slowestNanos)));
        }
    }
}
