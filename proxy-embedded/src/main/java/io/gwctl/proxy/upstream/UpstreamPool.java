package io.gwctl.proxy.upstream;

import io.gwctl.proxy.runtime.Endpoint;
import io.gwctl.proxy.runtime.UpstreamCluster;
import io.gwctl.proxy.stats.ClusterStats;
import io.gwctl.proxy.stats.HostStats;
import io.gwctl.proxy.transport.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
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

    /** Idle connections kept per endpoint; more are closed when released. */
    private static final int MAX_IDLE_PER_ENDPOINT = 256;

    private final EventLoop loop;
    private final Transport transport;
    private final Map<InetSocketAddress, ArrayDeque<UpstreamConnection>> idle = new HashMap<>();
    private final Map<InetSocketAddress, Http2Upstream> http2 = new HashMap<>();

    UpstreamPool(EventLoop loop, Transport transport) {
        this.loop = loop;
        this.transport = transport;
    }

    /** What an acquisition ends with. */
    public interface Callback {
        void connected(UpstreamConnection connection);

        void failed(Throwable cause);
    }

    /** An idle connection to {@code endpoint}, or a new one; the callback runs on this pool's event loop. */
    public void acquire(Endpoint endpoint, UpstreamCluster cluster, ClusterStats stats, Callback callback) {
        if (cluster.http2()) {
            http2.computeIfAbsent(endpoint.address(), a -> new Http2Upstream(this, endpoint))
                    .acquire(cluster, stats, callback);
            return;
        }
        ArrayDeque<UpstreamConnection> free = idle.get(endpoint.address());
        while (free != null && !free.isEmpty()) {
            UpstreamConnection c = free.pollFirst();
            if (c.channel().isActive()) {
                callback.connected(c.reuse(endpoint));
                return;
            }
        }
        HostStats host = stats.host(endpoint.hostPort());
        ChannelFuture connect = connect(endpoint, cluster, new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(UpstreamHandlerName.HTTP_CLIENT, new HttpClientCodec());
                ch.pipeline().addLast(UpstreamHandler.NAME, new UpstreamHandler());
            }
        });
        connect.addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                stats.connectFailure();
                if (f.cause() instanceof ConnectTimeoutException) {
                    stats.connectTimeout();
                }
                callback.failed(f.cause());
                return;
            }
            Channel ch = f.channel();
            stats.connectionOpened();
            host.connectionOpened();
            ch.closeFuture().addListener(closed -> {
                stats.connectionClosed();
                host.connectionClosed();
                ArrayDeque<UpstreamConnection> q = idle.get(endpoint.address());
                if (q != null) {
                    q.removeIf(c -> c.channel() == ch);
                }
            });
            callback.connected(new UpstreamConnection(ch, endpoint, this, false, false));
        });
    }

    /** A new connection to {@code endpoint} on this pool's event loop. */
    ChannelFuture connect(Endpoint endpoint, UpstreamCluster cluster, ChannelInitializer<Channel> initializer) {
        return new Bootstrap().group(loop).channel(transport.channel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        cluster.connectTimeout().toMillis()))
                .handler(initializer)
                .connect(endpoint.address());
    }

    void http2Closed(InetSocketAddress address, Http2Upstream upstream) {
        http2.remove(address, upstream);
    }

    void release(UpstreamConnection connection) {
        if (!connection.channel().isActive()) {
            return;
        }
        ArrayDeque<UpstreamConnection> q = idle.computeIfAbsent(connection.endpoint().address(),
                a -> new ArrayDeque<>());
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
