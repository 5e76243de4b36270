package io.gwctl.proxy.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * The stats of the TCP proxies sharing one {@code stat_prefix}, under {@code tcp.<stat_prefix>.} as Envoy names
 * them ({@code ALL_TCP_PROXY_STATS}, envoyproxy/envoy source/common/tcp_proxy/tcp_proxy.h). Istio's gateway uses
 * the cluster name as the prefix ({@code tcp.outbound|9000||tcp-echo.default.svc.cluster.local.downstream_cx_total}).
 *
 * <p>Listed from the start, as Envoy declares them; the ones kept for features not served here (tunneling,
 * on-demand clusters, a maximum connection duration) are left out rather than shown as a 0 that means nothing.
 */
public final class TcpStats {

    private final Scope scope;
    private final LongAdder cxTotal = new LongAdder();
    private final LongAdder cxNoRoute = new LongAdder();
    private final LongAdder rxBytes = new LongAdder();
    private final LongAdder txBytes = new LongAdder();
    private final LongAdder pausedReading = new LongAdder();
    private final LongAdder resumedReading = new LongAdder();
    private final LongAdder idleTimeout = new LongAdder();
    private final LongAdder flushTotal = new LongAdder();
    private final LongAdder flushActive = new LongAdder();

    TcpStats(String statPrefix) {
        this.scope = Scope.tcp(statPrefix);
    }

    /** A downstream connection was handed to the proxy: {@code downstream_cx_total}. */
    public void connectionOpened() {
        cxTotal.increment();
    }

    /** The proxy's cluster does not exist: {@code downstream_cx_no_route}. */
    public void noRoute() {
        cxNoRoute.increment();
    }

    /** Bytes read from the downstream: {@code downstream_cx_rx_bytes_total}. */
    public void received(long bytes) {
        rxBytes.add(bytes);
    }

    /** Bytes written to the downstream: {@code downstream_cx_tx_bytes_total}. */
    public void sent(long bytes) {
        txBytes.add(bytes);
    }

    /** Reading the downstream stopped because the upstream could take no more: {@code downstream_flow_control_paused_reading_total}. */
    public void pausedReading() {
        pausedReading.increment();
    }

    /** Reading the downstream resumed: {@code downstream_flow_control_resumed_reading_total}. */
    public void resumedReading() {
        resumedReading.increment();
    }

    /** No bytes either way for the idle timeout: {@code idle_timeout}. */
    public void idleTimeout() {
        idleTimeout.increment();
    }

    /**
     * The downstream closed while bytes for the upstream were still queued, and they are being flushed:
     * {@code upstream_flush_total}, gauge {@code upstream_flush_active} until {@link #flushFinished}.
     */
    public void flushStarted() {
        flushTotal.increment();
        flushActive.increment();
    }

    public void flushFinished() {
        flushActive.decrement();
    }

    void collect(Scope.Collector out) {
        out.counter("downstream_cx_total", cxTotal.sum());
        out.counter("downstream_cx_no_route", cxNoRoute.sum());
        out.counter("downstream_cx_rx_bytes_total", rxBytes.sum());
        out.counter("downstream_cx_tx_bytes_total", txBytes.sum());
        out.counter("downstream_flow_control_paused_reading_total", pausedReading.sum());
        out.counter("downstream_flow_control_resumed_reading_total", resumedReading.sum());
        out.counter("idle_timeout", idleTimeout.sum());
        out.counter("upstream_flush_total", flushTotal.sum());
        out.gauge("upstream_flush_active", flushActive.sum());
    }

    Scope scope() {
        return scope;
    }
}
