package io.gwctl.proxy.stats;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Counters Envoy creates on first use, such as {@code upstream_rq_503}: a stat that was never charged is
 * not listed. One slot per possible counter, filled by compare-and-set on first use and read without a lock
 * afterwards, so charging allocates only the first time.
 */
final class DynamicCounters {

    private final AtomicReferenceArray<LongAdder> slots;
    private final IntFunction<String> leafNames;

    /**
     * @param size      how many distinct counters there can be
     * @param leafNames the stat name of each slot inside its scope ({@code 203 -> "upstream_rq_303"})
     */
    DynamicCounters(int size, IntFunction<String> leafNames) {
        this.slots = new AtomicReferenceArray<>(size);
        this.leafNames = leafNames;
    }

    void increment(int slot) {
        LongAdder counter = slots.get(slot);
        if (counter == null) {
            slots.compareAndSet(slot, null, new LongAdder());
            counter = slots.get(slot);
        }
        counter.increment();
    }

    /** Every counter charged at least once, under its name. */
    void collect(Scope.Collector out) {
        for (int i = 0; i < slots.length(); i++) {
            LongAdder counter = slots.get(i);
            if (counter != null) {
                out.counter(leafNames.apply(i), counter.sum());
            }
        }
    }
}
