package io.gwctl.proxy.upstream;

import io.gwctl.proxy.runtime.Endpoint;
import io.netty.channel.Channel;
import java.util.Objects;

/**
 * What one request talks to its upstream over: an HTTP/1.1 connection lent to it alone, or one stream of a
 * shared HTTP/2 connection.
 */
public final class UpstreamConnection {

    private final Channel channel;
    private final Endpoint endpoint;
    private final UpstreamPool.Key key;
    private final UpstreamPool pool;
    private final boolean reused;
    private final boolean stream;
    private final UpstreamHandler handler;

    UpstreamConnection(Channel channel, Endpoint endpoint, UpstreamPool.Key key, UpstreamPool pool, boolean reused,
            boolean stream) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.endpoint = endpoint;
        this.key = key;
        this.pool = pool;
        this.reused = reused;
        this.stream = stream;
        this.handler = channel.pipeline().get(UpstreamHandler.class);
    }

    /** This pooled connection lent again, to a request for {@code target}. */
    UpstreamConnection reuse(Endpoint target) {
        return new UpstreamConnection(channel, target, key, pool, true, stream, handler);
    }

    private UpstreamConnection(Channel channel, Endpoint endpoint, UpstreamPool.Key key, UpstreamPool pool,
            boolean reused, boolean stream, UpstreamHandler handler) {
        this.channel = channel;
        this.endpoint = endpoint;
        this.key = key;
        this.pool = pool;
        this.reused = reused;
        this.stream = stream;
        this.handler = handler;
    }

    public Channel channel() {
        return channel;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** The pool's key of the connection: its address, TLS context and SNI. */
    UpstreamPool.Key key() {
        return key;
    }

    /** Whether the connection served an earlier request (a reset on it may be a stale keep-alive). */
    public boolean reused() {
        return reused;
    }

    /** The request now using the connection. */
    public void listen(UpstreamListener listener) {
        handler.listener(listener);
    }

    /** Gives the connection back after a complete response that left it reusable; a stream just ends. */
    public void release() {
        handler.listener(null);
        if (stream) {
            channel.close();
            return;
        }
        channel.config().setAutoRead(true);
        pool.release(this);
    }

    /** Closes the connection: its response was cut short or its state is unknown. */
    public void discard() {
        handler.listener(null);
        channel.close();
    }
}
