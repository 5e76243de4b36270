package io.gwctl.proxy.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * The stats Envoy keeps per upstream host ({@code ALL_HOST_STATS} in envoyproxy/envoy envoy/upstream/host_description.h),
 * which the admin's {@code /clusters} prints as {@code <cluster>::<ip>:<port>::rq_total::N}. They are not part
 * of {@code /stats}, as in Envoy.
 *
 * <p>As Envoy's router charges them ({@code Filter::chargeUpstreamCode}): a response below 500 is a success,
 * a 5xx (including the 504 of a timeout and the 503 of a failed connect) is an error.
 */
public final class HostStats {

    private final LongAdder cxActive = new LongAdder();
    private final LongAdder cxTotal = new LongAdder();
    private final LongAdder rqTotal = new LongAdder();
    private final LongAdder rqSuccess = new LongAdder();
    private final LongAdder rqError = new LongAdder();
    private final LongAdder rqActive = new LongAdder();
    private final LongAdder rqTimeout = new LongAdder();

    HostStats() {
    }

    /** A request was sent to this host: {@code rq_total}, and {@code rq_active} until {@link #requestFinished}. */
    public void requestStarted() {
        rqTotal.increment();
        rqActive.increment();
    }

    /** The request ended: {@code rq_success} for a response below 500, {@code rq_error} otherwise. */
    public void requestFinished(boolean success) {
        rqActive.decrement();
        (success ? rqSuccess : rqError).increment();
    }

    /** The request timed out waiting for this host: {@code rq_timeout}. */
    public void timeout() {
        rqTimeout.increment();
    }

    /** A connection to this host was opened: {@code cx_total}, and {@code cx_active} until closed. */
    public void connectionOpened() {
        cxTotal.increment();
        cxActive.increment();
    }

    public void connectionClosed() {
        cxActive.decrement();
    }

    public long cxActive() {
        return cxActive.sum();
    }

    public long cxTotal() {
        return cxTotal.sum();
    }

    public long rqTotal() {
        return rqTotal.sum();
    }

    public long rqSuccess() {
        return rqSuccess.sum();
    }

    public long rqError() {
        return rqError.sum();
    }

    public long rqActive() {
        return rqActive.sum();
    }

    public long rqTimeout() {
        return rqTimeout.sum();
    }
}
