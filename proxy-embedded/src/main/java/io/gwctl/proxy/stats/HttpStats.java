package io.gwctl.proxy.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * The stats of one HTTP connection manager, under {@code http.<stat_prefix>.} as Envoy names them: the
 * connection manager's own ({@code ALL_HTTP_CONN_MAN_STATS}, envoyproxy/envoy
 * source/common/http/conn_manager_config.h) and the router's ({@code no_route},
 * {@code no_cluster}; {@code ALL_ROUTER_STATS}, source/common/router/context_impl.h), which Envoy roots at the
 * same prefix.
 *
 * <p>All are listed from the start, as Envoy declares them; {@code downstream_rq_time} prints
 * "No recorded values" until the first request ends.
 */
public final class HttpStats {

    private static final String DOWNSTREAM_RQ = "downstream_rq_";

    private final Scope scope;
    private final LongAdder cxTotal = new LongAdder();
    private final LongAdder cxHttp1Total = new LongAdder();
    private final LongAdder cxHttp2Total = new LongAdder();
    private final LongAdder cxActive = new LongAdder();
    private final LongAdder cxDestroy = new LongAdder();
    private final LongAdder cxProtocolError = new LongAdder();
    private final LongAdder rqTotal = new LongAdder();
    private final LongAdder rqActive = new LongAdder();
    private final LongAdder rqCompleted = new LongAdder();
    private final LongAdder[] rqClasses = new LongAdder[ResponseCodes.CLASS_SLOTS];
    private final LongAdder rqTimeout = new LongAdder();
    private final LongAdder noRoute = new LongAdder();
    private final LongAdder noCluster = new LongAdder();
    private final Histogram rqTime = new Histogram();

    HttpStats(String statPrefix) {
        this.scope = Scope.http(statPrefix);
        for (int i = 0; i < rqClasses.length; i++) {
            rqClasses[i] = new LongAdder();
        }
    }

    /**
     * A downstream connection reached this connection manager: {@code downstream_cx_total},
     * {@code downstream_cx_http1_total} or {@code downstream_cx_http2_total}, gauge {@code downstream_cx_active}.
     */
    public void connectionOpened(boolean http2) {
        cxTotal.increment();
        (http2 ? cxHttp2Total : cxHttp1Total).increment();
        cxActive.increment();
    }

    /** The connection closed: {@code downstream_cx_destroy}, and {@code downstream_cx_active} goes down. */
    public void connectionClosed() {
        cxDestroy.increment();
        cxActive.decrement();
    }

    /** A request's headers arrived: {@code downstream_rq_total}, gauge {@code downstream_rq_active}. */
    public void requestStarted() {
        rqTotal.increment();
        rqActive.increment();
    }

    /**
     * The response to a request was sent: {@code downstream_rq_<N>xx}, {@code downstream_rq_completed},
     * {@code downstream_rq_time} (printed in ms), and {@code downstream_rq_active} goes down. Envoy keeps no
     * per-code counter downstream.
     *
     * @param status the response code
     * @param micros from the request's first byte to the response's last
     */
    public void requestFinished(int status, long micros) {
        rqActive.decrement();
        rqCompleted.increment();
        int codeClass = ResponseCodes.classSlot(status);
        if (codeClass >= 0) {
            rqClasses[codeClass].increment();
        }
        rqTime.record(micros);
    }

    /** The router found no route for the request (Envoy answers 404): {@code no_route}. */
    public void noRoute() {
        noRoute.increment();
    }

    /** The route names a cluster that does not exist (Envoy answers 503): {@code no_cluster}. */
    public void noCluster() {
        noCluster.increment();
    }

    /**
     * The downstream request did not arrive in time (the connection manager's {@code request_timeout} or
     * {@code request_headers_timeout}; Envoy answers 408): {@code downstream_rq_timeout}. A route timeout, waiting
     * for the upstream, is {@link ClusterStats#requestTimeout()}, as in Envoy.
     */
    public void timeout() {
        rqTimeout.increment();
    }

    /**
     * The request's headers were larger than allowed (Envoy answers 431). Envoy's HTTP/1 codec rejects them as
     * a codec protocol error, which the connection manager counts as {@code downstream_cx_protocol_error}
     * (source/common/http/conn_manager_impl.cc); there is no separate counter.
     */
    public void headerOverflow() {
        cxProtocolError.increment();
    }

    /** The downstream sent something that is not HTTP (Envoy answers 400 and closes): {@code downstream_cx_protocol_error}. */
    public void protocolError() {
        cxProtocolError.increment();
    }

    void collect(Scope.Collector out) {
        out.counter("downstream_cx_total", cxTotal.sum());
        out.counter("downstream_cx_http1_total", cxHttp1Total.sum());
        out.counter("downstream_cx_http2_total", cxHttp2Total.sum());
        out.counter("downstream_cx_destroy", cxDestroy.sum());
        out.counter("downstream_cx_protocol_error", cxProtocolError.sum());
        out.counter("downstream_rq_total", rqTotal.sum());
        out.counter("downstream_rq_completed", rqCompleted.sum());
        for (int i = 0; i < rqClasses.length; i++) {
            out.counter(ResponseCodes.className(DOWNSTREAM_RQ, i), rqClasses[i].sum());
        }
        out.counter("downstream_rq_timeout", rqTimeout.sum());
        out.counter("no_route", noRoute.sum());
        out.counter("no_cluster", noCluster.sum());
        out.gauge("downstream_cx_active", cxActive.sum());
        out.gauge("downstream_rq_active", rqActive.sum());
        out.histogram("downstream_rq_time", rqTime);
    }

    Scope scope() {
        return scope;
    }
}
