package io.gwctl.proxy.upstream;

import io.gwctl.proxy.runtime.Endpoint;
import io.gwctl.proxy.runtime.UpstreamCluster;
import io.gwctl.proxy.stats.ClusterStats;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP/2 (prior knowledge) connection to an endpoint, shared by every request of the event loop going
 * there: each request gets a stream of its own that speaks Netty HTTP objects, as an HTTP/1.1 connection does.
 * Requests that come while the connection is being made wait for it.
 */
final class Http2Upstream {

    private final UpstreamPool pool;
    private final Endpoint endpoint;
    private final UpstreamPool.Key key;
    private Channel parent;
    private boolean connecting;
    private final List<Waiter> waiting = new ArrayList<>();

    private record Waiter(ClusterStats stats, UpstreamPool.Callback callback) {
    }

    Http2Upstream(UpstreamPool pool, Endpoint endpoint, UpstreamPool.Key key) {
        this.pool = pool;
        this.endpoint = endpoint;
        this.key = key;
    }

    void acquire(UpstreamCluster cluster, ClusterStats stats, UpstreamPool.Callback callback) {
        if (parent != null && parent.isActive()) {
            openStream(callback);
            return;
        }
        waiting.add(new Waiter(stats, callback));
        if (connecting) {
            return;
        }
        connecting = true;
        Future<Channel> connect = pool.connect(key, cluster, new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast("h2-frames", Http2FrameCodecBuilder.forClient().build());
                ch.pipeline().addLast("h2-multiplex", new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()));
            }
        });
        connect.addListener((Future<Channel> f) -> {
            connecting = false;
            List<Waiter> ready = new ArrayList<>(waiting);
            waiting.clear();
            if (!f.isSuccess()) {
                pool.http2Closed(key, this);
                ready.forEach(w -> {
                    w.stats.connectFailure();
                    if (f.cause() instanceof ConnectTimeoutException) {
                        w.stats.connectTimeout();
                    }
                    w.callback.failed(f.cause());
                });
                return;
            }
            parent = f.getNow();
            stats.connectionOpened();
            stats.host(endpoint.hostPort()).connectionOpened();
            parent.closeFuture().addListener(closed -> {
                stats.connectionClosed();
                stats.host(endpoint.hostPort()).connectionClosed();
                pool.http2Closed(key, this);
            });
            ready.forEach(w -> openStream(w.callback));
        });
    }

    private void openStream(UpstreamPool.Callback callback) {
        new Http2StreamChannelBootstrap(parent).handler(new ChannelInitializer<Http2StreamChannel>() {
            @Override
            protected void initChannel(Http2StreamChannel stream) {
                stream.pipeline().addLast("h2-to-http", new Http2StreamFrameToHttpObjectCodec(false));
                stream.pipeline().addLast(UpstreamHandler.NAME, new UpstreamHandler());
            }
        }).open().addListener(f -> {
            if (f.isSuccess()) {
                callback.connected(new UpstreamConnection((Http2StreamChannel) f.getNow(), endpoint, key, pool,
                        false, true));
            } else {
                callback.failed(f.cause());
            }
        });
    }

    void close() {
        if (parent != null) {
            parent.close();
        }
    }
}
