package io.gwctl.proxy.upstream;

import io.gwctl.proxy.runtime.CircuitBreaker;
import io.gwctl.proxy.runtime.Endpoint;
import io.gwctl.proxy.runtime.UpstreamCluster;
import io.gwctl.proxy.stats.ClusterStats;
import io.gwctl.proxy.stats.HostStats;
import io.gwctl.proxy.tls.ClientTls;
import io.gwctl.proxy.transport.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The upstream connections of one event loop: HTTP/1.1 connections kept alive between requests, and one
 * shared HTTP/2 connection per endpoint for clusters that speak HTTP/2 upstream (gRPC). Every call happens on
 * that event loop, so nothing here is shared or locked, and a request and its upstream connection always run
 * on the same thread (as Envoy's per-worker connection pools).
 */
public final class UpstreamPool {

    /** The name of the TLS handler of an upstream connection that originates TLS. */
    static final String TLS_HANDLER = "tls";
    /** Idle connections kept per endpoint; more are closed when released. */
    private static final int MAX_IDLE_PER_ENDPOINT = 256;

    private final EventLoop loop;
    private final Transport transport;
    private final Map<Key, ArrayDeque<UpstreamConnection>> idle = new HashMap<>();
    private final Map<Key, Http2Upstream> http2 = new HashMap<>();
    private final Map<Key, ArrayDeque<Waiter>> waiting = new HashMap<>();

    /**
     * What makes connections interchangeable: the address, and for TLS the context and the SNI they were
     * opened with (Envoy keys its pools by the transport socket options the same way).
     */
    record Key(InetSocketAddress address, ClientTls tls, String sni) {
    }

    /** A request waiting for a connection to {@code endpoint}. */
    private record Waiter(Key key, Endpoint endpoint, UpstreamCluster cluster, ClusterStats stats,
            Callback callback) {
    }

    UpstreamPool(EventLoop loop, Transport transport) {
        this.loop = loop;
        this.transport = transport;
    }

    /** What an acquisition ends with. */
    public interface Callback {
        void connected(UpstreamConnection connection);

        void failed(Throwable cause);
    }

    /**
     * An idle connection to {@code endpoint}, or a new one; the callback runs on this pool's event loop.
     *
     * <p>A request that needs a new HTTP/1.1 connection is pending until it has one, within the cluster's
     * {@code max_pending_requests} (else it fails at once with {@link PoolOverflow}); when
     * {@code max_connections} is reached it waits, still pending, for a connection to the endpoint to be
     * released or closed on this loop, as Envoy's HTTP/1.1 pool queues it ({@code conn_pool_base.cc}).
     */
    public void acquire(Endpoint endpoint, UpstreamCluster cluster, ClusterStats stats, Callback callback) {
        acquire(endpoint, cluster, null, stats, callback);
    }

    /**
     * As {@link #acquire(Endpoint, UpstreamCluster, ClusterStats, Callback)}, for a request to
     * {@code authority}, which gives the SNI of a TLS cluster with {@code auto_sni}.
     */
    public void acquire(Endpoint endpoint, UpstreamCluster cluster, String authority, ClusterStats stats,
            Callback callback) {
        ClientTls tls = cluster.tls();
        Key key = new Key(endpoint.address(), tls, tls == null ? null : tls.sni(authority));
        if (cluster.http2()) {
            http2.computeIfAbsent(key, k -> new Http2Upstream(this, endpoint, k)).acquire(cluster, stats, callback);
            return;
        }
        ArrayDeque<UpstreamConnection> free = idle.get(key);
        while (free != null && !free.isEmpty()) {
            UpstreamConnection c = free.pollFirst();
            if (c.channel().isActive()) {
                callback.connected(c.reuse(endpoint));
                return;
            }
        }
        CircuitBreaker breaker = cluster.breaker();
        if (!breaker.pendingRequests().tryAcquire()) {
            stats.pendingOverflow();
            callback.failed(PoolOverflow.INSTANCE);
            return;
        }
        Waiter waiter = new Waiter(key, endpoint, cluster, stats, callback);
        if (!breaker.connections().tryAcquire()) {
            stats.connectionOverflow();
            waiting.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(waiter);
            return;
        }
        open(waiter);
    }

    /** Takes back a request still waiting for a connection (it ended first); false when none was waiting. */
    public boolean cancel(Callback callback) {
        for (ArrayDeque<Waiter> q : waiting.values()) {
            for (var it = q.iterator(); it.hasNext(); ) {
                Waiter w = it.next();
                if (w.callback == callback) {
                    it.remove();
                    w.cluster.breaker().pendingRequests().release();
                    return true;
                }
            }
        }
        return false;
    }

    /** Opens a connection for a pending request that holds a connection slot of its cluster. */
    private void open(Waiter w) {
        Endpoint endpoint = w.endpoint;
        ClusterStats stats = w.stats;
        CircuitBreaker breaker = w.cluster.breaker();
        HostStats host = stats.host(endpoint.hostPort());
        Future<Channel> connect = connect(w.key, w.cluster, new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(UpstreamHandlerName.HTTP_CLIENT, new HttpClientCodec());
                ch.pipeline().addLast(UpstreamHandler.NAME, new UpstreamHandler());
            }
        });
        connect.addListener((Future<Channel> f) -> {
            breaker.pendingRequests().release();
            if (!f.isSuccess()) {
                breaker.connections().release();
                stats.connectFailure();
                if (f.cause() instanceof ConnectTimeoutException) {
                    stats.connectTimeout();
                }
                w.callback.failed(f.cause());
                serveWaiting(w.key);
                return;
            }
            Channel ch = f.getNow();
            stats.connectionOpened();
            host.connectionOpened();
            ch.closeFuture().addListener(closed -> {
                breaker.connections().release();
                stats.connectionClosed();
                host.connectionClosed();
                ArrayDeque<UpstreamConnection> q = idle.get(w.key);
                if (q != null) {
                    q.removeIf(c -> c.channel() == ch);
                }
                serveWaiting(w.key);
            });
            w.callback.connected(new UpstreamConnection(ch, endpoint, w.key, this, false, false));
        });
    }

    /** A connection slot may be free again: the first request waiting for the endpoint opens one if it can. */
    private void serveWaiting(Key key) {
        ArrayDeque<Waiter> q = waiting.get(key);
        if (q == null || q.isEmpty()) {
            return;
        }
        Waiter w = q.peekFirst();
        if (w.cluster.breaker().connections().tryAcquire()) {
            q.pollFirst();
            open(w);
        }
    }

    /**
     * A new connection for {@code key} on this pool's event loop, ready once connected and, for a TLS cluster,
     * once its handshake succeeded (a failed handshake fails it, as a failed connect, and closes the channel).
     */
    Future<Channel> connect(Key key, UpstreamCluster cluster, ChannelInitializer<Channel> initializer) {
        Promise<Channel> ready = loop.newPromise();
        ClientTls tls = key.tls();
        ChannelFuture connect = new Bootstrap().group(loop).channel(transport.channel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        cluster.connectTimeout().toMillis()))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (tls != null) {
                            ch.pipeline().addLast(TLS_HANDLER, tls.newHandler(ch.alloc(), key.sni(), key.address()));
                        }
                        ch.pipeline().addLast(initializer);
                    }
                })
                .connect(key.address());
        connect.addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                ready.setFailure(f.cause());
                return;
            }
            SslHandler ssl = f.channel().pipeline().get(SslHandler.class);
            if (ssl == null) {
                ready.setSuccess(f.channel());
                return;
            }
            ssl.handshakeFuture().addListener(handshake -> {
                if (handshake.isSuccess()) {
                    ready.setSuccess(f.channel());
                } else {
                    f.channel().close();
                    ready.setFailure(handshake.cause());
                }
            });
        });
        return ready;
    }

    void http2Closed(Key key, Http2Upstream upstream) {
        http2.remove(key, upstream);
    }

    void release(UpstreamConnection connection) {
        if (!connection.channel().isActive()) {
            return;
        }
        ArrayDeque<Waiter> waiters = waiting.get(connection.key());
        if (waiters != null && !waiters.isEmpty()) {
            Waiter w = waiters.pollFirst();
            w.cluster.breaker().pendingRequests().release();
            w.callback.connected(connection.reuse(w.endpoint));
            return;
        }
        ArrayDeque<UpstreamConnection> q = idle.computeIfAbsent(connection.key(), k -> new ArrayDeque<>());
        if (q.size() >= MAX_IDLE_PER_ENDPOINT) {
            connection.channel().close();
            return;
        }
        q.addFirst(connection);
    }

    /** Closes every idle connection (on shutdown). */
    void closeIdle() {
        var all = new java.util.ArrayList<UpstreamConnection>();
        idle.values().forEach(all::addAll);
        idle.clear();
        all.forEach(c -> c.channel().close());
        var shared = new java.util.ArrayList<>(http2.values());
        http2.clear();
        shared.forEach(Http2Upstream::close);
    }
}
