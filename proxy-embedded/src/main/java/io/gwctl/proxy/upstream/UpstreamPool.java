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
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The upstream HTTP/1.1 connections of one event loop, kept alive between requests. Every call happens on
 * that event loop, so nothing here is shared or locked, and a request and its upstream connection always run
 * on the same thread (as Envoy's per-worker connection pools).
 */
public final class UpstreamPool {

    /** Idle connections kept per endpoint; more are closed when released. */
    private static final int MAX_IDLE_PER_ENDPOINT = 256;

    private final EventLoop loop;
    private final Transport transport;
    private final Map<InetSocketAddress, ArrayDeque<UpstreamConnection>> idle = new HashMap<>();

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
        ArrayDeque<UpstreamConnection> free = idle.get(endpoint.address());
        while (free != null && !free.isEmpty()) {
            UpstreamConnection c = free.pollFirst();
            if (c.channel().isActive()) {
                callback.connected(new UpstreamConnection(c.channel(), endpoint, this, true));
                return;
            }
        }
        HostStats host = stats.host(endpoint.hostPort());
        Bootstrap bootstrap = new Bootstrap().group(loop).channel(transport.channel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        cluster.connectTimeout().toMillis()))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast("http-client", new HttpClientCodec());
                        ch.pipeline().addLast(UpstreamHandler.NAME, new UpstreamHandler());
                    }
                });
        ChannelFuture connect = bootstrap.connect(endpoint.address());
        connect.addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                stats.connectFailure();
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
            callback.connected(new UpstreamConnection(ch, endpoint, this, false));
        });
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
    }
}
