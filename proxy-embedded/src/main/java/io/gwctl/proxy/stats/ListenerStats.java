package io.gwctl.proxy.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * The stats of one listener, under {@code listener.<address>.} ({@code ALL_LISTENER_STATS}, envoyproxy/envoy
 * source/server/active_listener_base.h): connections accepted, closed, and open now.
 */
public final class ListenerStats {

    private final Scope scope;
    private final LongAdder cxTotal = new LongAdder();
    private final LongAdder cxDestroy = new LongAdder();
    private final LongAdder cxActive = new LongAdder();

    ListenerStats(String name) {
        this.scope = Scope.listener(name);
    }

    /** A connection was accepted: {@code downstream_cx_total}, gauge {@code downstream_cx_active}. */
    public void connectionOpened() {
        cxTotal.increment();
        cxActive.increment();
    }

    /** The connection closed: {@code downstream_cx_destroy}, and {@code downstream_cx_active} goes down. */
    public void connectionClosed() {
        cxDestroy.increment();
        cxActive.decrement();
    }

    void collect(Scope.Collector out) {
        out.counter("downstream_cx_total", cxTotal.sum());
        out.counter("downstream_cx_destroy", cxDestroy.sum());
        out.gauge("downstream_cx_active", cxActive.sum());
    }

    Scope scope() {
        return scope;
    }
}
