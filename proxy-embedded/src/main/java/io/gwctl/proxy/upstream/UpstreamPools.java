package io.gwctl.proxy.upstream;

import io.gwctl.proxy.transport.Transport;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One {@link UpstreamPool} per event loop of the gateway's worker group, fixed at start-up so finding a
 * loop's pool needs no lock (Envoy's connection pools are per worker thread the same way).
 */
public final class UpstreamPools {

    private final Map<EventExecutor, UpstreamPool> pools = new IdentityHashMap<>();
    private final Transport transport;

    public UpstreamPools(EventLoopGroup workers, Transport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        for (EventExecutor e : workers) {
            pools.put(e, new UpstreamPool((EventLoop) e, transport));
        }
    }

    /** The pool of {@code loop}; call only from that loop. */
    public UpstreamPool of(EventLoop loop) {
        UpstreamPool pool = pools.get(loop);
        if (pool == null) {
            throw new IllegalStateException("not a gateway event loop: " + loop);
        }
        return pool;
    }

    /** The socket transport of the workers' event loops, for connections made outside the pools (TCP proxying). */
    public Transport transport() {
        return transport;
    }

    /** Closes the idle connections, each on its own loop. */
    public void closeIdle() {
        pools.forEach((loop, pool) -> loop.execute(pool::closeIdle));
    }
}
