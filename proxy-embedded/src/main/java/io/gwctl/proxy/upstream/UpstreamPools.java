package io.gwctl.proxy.upstream;

import io.gwctl.proxy.transport.Transport;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One {@link UpstreamPool} per event loop of the gateway's worker group, fixed at start-up so finding a
 * loop's pool needs no lock (Envoy's connection pools are per worker thread the same way).
 */
public final class UpstreamPools {

    private final Map<EventExecutor, UpstreamPool> pools = new IdentityHashMap<>();

    public UpstreamPools(EventLoopGroup workers, Transport transport) {
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

    /** Closes the idle connections, each on its own loop. */
    public void closeIdle() {
        pools.forEach((loop, pool) -> loop.execute(pool::closeIdle));
    }
}
