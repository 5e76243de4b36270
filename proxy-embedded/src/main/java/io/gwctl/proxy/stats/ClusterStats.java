package io.gwctl.proxy.stats;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The stats of one upstream cluster, named as Envoy names them under {@code cluster.<name>.}:
 * {@code ALL_CLUSTER_TRAFFIC_STATS} (envoyproxy/envoy source/common/upstream/cluster_stats.h, formerly
 * upstream_impl.h), the per-code counters and {@code upstream_rq_time} the router charges
 * (source/common/http/codes.cc, source/common/router/router.cc), and the outlier detector's
 * {@code outlier_detection.ejections_enforced_total}.
 *
 * <p>Counters Envoy declares for every cluster are listed from the start with 0; the per-code counters and
 * {@code upstream_rq_time} appear once charged, as Envoy creates them on first use.
 */
public final class ClusterStats {

    private static final String UPSTREAM_RQ = "upstream_rq_";

    private final Scope scope;
    private final LongAdder rqTotal = new LongAdder();
    private final LongAdder rqCompleted = new LongAdder();
    private final LongAdder rqActive = new LongAdder();
    private final LongAdder cxTotal = new LongAdder();
    private final LongAdder cxActive = new LongAdder();
    private final LongAdder cxConnectFail = new LongAdder();
    private final LongAdder cxConnectTimeout = new LongAdder();
    private final LongAdder cxConnectAttemptsExceeded = new LongAdder();
    private final LongAdder rqTimeout = new LongAdder();
    private final LongAdder rqPerTryTimeout = new LongAdder();
    private final LongAdder rqRetry = new LongAdder();
    private final LongAdder rqPendingOverflow = new LongAdder();
    private final LongAdder cxOverflow = new LongAdder();
    private final LongAdder rqRetryOverflow = new LongAdder();
    private final LongAdder cxNoneHealthy = new LongAdder();
    private final LongAdder ejectionsEnforced = new LongAdder();
    private final LongAdder ejectionsActive = new LongAdder();
    private final LongAdder ejectionsOverflow = new LongAdder();
    private final DynamicCounters codes =
            new DynamicCounters(ResponseCodes.CODE_SLOTS, slot -> ResponseCodes.codeName(UPSTREAM_RQ, slot));
    private final DynamicCounters classes =
            new DynamicCounters(ResponseCodes.CLASS_SLOTS, slot -> ResponseCodes.className(UPSTREAM_RQ, slot));
    private final Histogram rqTime = new Histogram();
    private final ConcurrentMap<String, HostStats> hosts = new ConcurrentHashMap<>();

    ClusterStats(String name) {
        this.scope = Scope.cluster(name);
    }

    /**
     * An upstream response (or the local reply that stands for one: 504 for a timeout, 503 for a failed
     * connect, as Envoy's router charges them in {@code chargeUpstreamAbort}): {@code upstream_rq_total},
     * {@code upstream_rq_completed}, {@code upstream_rq_<code>}, {@code upstream_rq_<N>xx}, and
     * {@code upstream_rq_time} (printed in ms).
     *
     * @param status the response code
     * @param micros from sending the request to the end of the response
     */
    public void upstreamRequest(int status, long micros) {
        rqTotal.increment();
        rqCompleted.increment();
        codes.increment(ResponseCodes.codeSlot(status));
        int codeClass = ResponseCodes.classSlot(status);
        if (codeClass >= 0) {
            classes.increment(codeClass);
        }
        rqTime.record(micros);
    }

    /** A request to this cluster began: gauge {@code upstream_rq_active} until {@link #requestFinished}. */
    public void requestStarted() {
        rqActive.increment();
    }

    public void requestFinished() {
        rqActive.decrement();
    }

    /** A connection to one of the cluster's hosts opened: {@code upstream_cx_total}, gauge {@code upstream_cx_active}. */
    public void connectionOpened() {
        cxTotal.increment();
        cxActive.increment();
    }

    public void connectionClosed() {
        cxActive.decrement();
    }

    /** {@code upstream_cx_connect_fail}: a connection to a host could not be made. */
    public void connectFailure() {
        cxConnectFail.increment();
    }

    /**
     * {@code upstream_cx_connect_timeout}: a connection to a host was not made within the cluster's
     * {@code connect_timeout}. Envoy's connection pool counts it beside {@link #connectFailure()}
     * (envoyproxy/envoy source/common/conn_pool/conn_pool_base.cc).
     */
    public void connectTimeout() {
        cxConnectTimeout.increment();
    }

    /**
     * {@code upstream_cx_connect_attempts_exceeded}: a TCP proxy gave up after its {@code max_connect_attempts}
     * (envoyproxy/envoy source/common/tcp_proxy/tcp_proxy.cc).
     */
    public void connectAttemptsExceeded() {
        cxConnectAttemptsExceeded.increment();
    }

    /** {@code upstream_rq_timeout}: the route's timeout fired waiting for the upstream. */
    public void requestTimeout() {
        rqTimeout.increment();
    }

    /** {@code upstream_rq_per_try_timeout}: one try's {@code per_try_timeout} fired. */
    public void perTryTimeout() {
        rqPerTryTimeout.increment();
    }

    /** {@code upstream_rq_retry}: a request was retried. */
    public void retry() {
        rqRetry.increment();
    }

    /**
     * {@code upstream_rq_pending_overflow}: a request was turned away by {@code max_pending_requests} or
     * {@code max_requests}, as Envoy's connection pools count both ({@code conn_pool_base.cc}).
     */
    public void pendingOverflow() {
        rqPendingOverflow.increment();
    }

    /** {@code upstream_cx_overflow}: {@code max_connections} kept a new connection from being opened. */
    public void connectionOverflow() {
        cxOverflow.increment();
    }

    /** {@code upstream_rq_retry_overflow}: {@code max_retries} kept a retry from being made. */
    public void retryOverflow() {
        rqRetryOverflow.increment();
    }

    /** {@code upstream_cx_none_healthy}: there was no healthy host to send to. */
    public void noHealthyUpstream() {
        cxNoneHealthy.increment();
    }

    /** {@code outlier_detection.ejections_enforced_total}: outlier detection ejected a host. */
    public void outlierEjection() {
        ejectionsEnforced.increment();
        ejectionsActive.increment();
    }

    /** An ejected host came back: gauge {@code outlier_detection.ejections_active} goes down. */
    public void outlierUnejection() {
        ejectionsActive.decrement();
    }

    /** {@code outlier_detection.ejections_overflow}: {@code max_ejection_percent} kept a host from ejection. */
    public void outlierEjectionOverflow() {
        ejectionsOverflow.increment();
    }

    /** The stats of one endpoint of this cluster, by {@code ip:port}; created on first use. */
    public HostStats host(String address) {
        HostStats stats = hosts.get(address);
        return stats != null ? stats : hosts.computeIfAbsent(address, a -> new HostStats());
    }

    void collect(Scope.Collector out) {
        out.counter("upstream_rq_total", rqTotal.sum());
        out.counter("upstream_rq_completed", rqCompleted.sum());
        out.counter("upstream_cx_total", cxTotal.sum());
        out.counter("upstream_cx_connect_fail", cxConnectFail.sum());
        out.counter("upstream_cx_connect_timeout", cxConnectTimeout.sum());
        out.counter("upstream_cx_connect_attempts_exceeded", cxConnectAttemptsExceeded.sum());
        out.counter("upstream_rq_timeout", rqTimeout.sum());
        out.counter("upstream_rq_per_try_timeout", rqPerTryTimeout.sum());
        out.counter("upstream_rq_retry", rqRetry.sum());
        out.counter("upstream_rq_pending_overflow", rqPendingOverflow.sum());
        out.counter("upstream_cx_overflow", cxOverflow.sum());
        out.counter("upstream_rq_retry_overflow", rqRetryOverflow.sum());
        out.counter("upstream_cx_none_healthy", cxNoneHealthy.sum());
        out.counter("outlier_detection.ejections_enforced_total", ejectionsEnforced.sum());
        out.counter("outlier_detection.ejections_overflow", ejectionsOverflow.sum());
        out.gauge("outlier_detection.ejections_active", ejectionsActive.sum());
        out.gauge("upstream_rq_active", rqActive.sum());
        out.gauge("upstream_cx_active", cxActive.sum());
        codes.collect(out);
        classes.collect(out);
        if (rqTotal.sum() > 0) {
            out.histogram("upstream_rq_time", rqTime);
        }
    }

    Scope scope() {
        return scope;
    }
}
