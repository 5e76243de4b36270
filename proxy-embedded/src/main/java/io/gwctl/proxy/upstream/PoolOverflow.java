package io.gwctl.proxy.upstream;

/**
 * Why an acquisition failed when a circuit breaker refused it ({@code max_pending_requests}): Envoy's pool
 * failure reason {@code Overflow}, which its router answers with 503 and flag {@code UO}.
 */
public final class PoolOverflow extends Exception {

    private static final long serialVersionUID = 1L;

    static final PoolOverflow INSTANCE = new PoolOverflow();

    private PoolOverflow() {
        super("upstream overflow", null, false, false);
    }
}
