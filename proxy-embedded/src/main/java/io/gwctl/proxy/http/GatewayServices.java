package io.gwctl.proxy.http;

import io.gwctl.proxy.accesslog.AccessLog;
import io.gwctl.proxy.runtime.GatewayRuntime;
import io.gwctl.proxy.stats.GatewayStats;
import io.gwctl.proxy.upstream.UpstreamPools;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every connection of one gateway shares: the config now serving (swapped whole on reload), stats, the
 * access log and the upstream connection pools.
 */
public final class GatewayServices {

    private final AtomicReference<GatewayRuntime> runtime;
    private final GatewayStats stats;
    private final AccessLog accessLog;
    private final UpstreamPools pools;

    public GatewayServices(GatewayRuntime initial, GatewayStats stats, AccessLog accessLog, UpstreamPools pools) {
        this.runtime = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
        this.stats = Objects.requireNonNull(stats, "stats");
        this.accessLog = Objects.requireNonNull(accessLog, "accessLog");
        this.pools = Objects.requireNonNull(pools, "pools");
    }

    /** The config a new request is served with. */
    public GatewayRuntime runtime() {
        return runtime.get();
    }

    /** Serves new requests with {@code next}; requests in flight finish with the config they started with. */
    public void swap(GatewayRuntime next) {
        runtime.set(Objects.requireNonNull(next, "next"));
    }

    public GatewayStats stats() {
        return stats;
    }

    public AccessLog accessLog() {
        return accessLog;
    }

    public UpstreamPools pools() {
        return pools;
    }
}
