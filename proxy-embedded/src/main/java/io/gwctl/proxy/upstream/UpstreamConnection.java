package io.gwctl.proxy.upstream;

import io.gwctl.proxy.runtime.Endpoint;
import io.netty.channel.Channel;
import java.util.Objects;

/**
 * One connection to an upstream endpoint, lent to one request at a time.
 */
public final class UpstreamConnection {

    private final Channel channel;
    private final Endpoint endpoint;
    private final UpstreamPool pool;
    private final boolean reused;

    UpstreamConnection(Channel channel, Endpoint endpoint, UpstreamPool pool, boolean reused) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.endpoint = endpoint;
        this.pool = pool;
        this.reused = reused;
    }

    public Channel channel() {
        return channel;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** Whether the connection served an earlier request (a reset on it may be a stale keep-alive). */
    public boolean reused() {
        return reused;
    }

    /** The request now using the connection. */
    public void listen(UpstreamListener listener) {
        channel.pipeline().get(UpstreamHandler.class).listener(listener);
    }

    /** Gives the connection back after a complete response that left it reusable. */
    public void release() {
        UpstreamHandler handler = channel.pipeline().get(UpstreamHandler.class);
        if (handler != null) {
            handler.listener(null);
        }
        channel.config().setAutoRead(true);
        pool.release(this);
    }

    /** Closes the connection: its response was cut short or its state is unknown. */
    public void discard() {
        UpstreamHandler handler = channel.pipeline().get(UpstreamHandler.class);
        if (handler != null) {
            handler.listener(null);
        }
        channel.close();
    }
}
