package io.gwctl.proxy.http;

import io.gwctl.proxy.runtime.Endpoint;
import io.gwctl.proxy.runtime.UpstreamCluster;
import io.gwctl.proxy.stats.ClusterStats;
import io.gwctl.proxy.upstream.UpstreamConnection;
import io.gwctl.proxy.upstream.UpstreamListener;
import io.gwctl.proxy.upstream.UpstreamPool;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.List;

/**
 * A shadow copy of a request sent to a route's mirror cluster, fire and forget: its response is read and
 * dropped, and nothing about it reaches the client. The copy's authority gets {@code -shadow} appended to its
 * host, as Envoy's shadow writer does (envoyproxy/envoy {@code source/common/router/shadow_writer_impl.cc}).
 */
final class MirrorRequest implements UpstreamListener {

    private final ClusterStats stats;
    private final long start = System.nanoTime();
    private UpstreamConnection connection;

    private MirrorRequest(ClusterStats stats) {
        this.stats = stats;
    }

    static void send(GatewayServices services, EventLoop loop, UpstreamCluster cluster, HttpRequest original,
            List<ByteBuf> body, HttpHeaders trailers) {
        Endpoint endpoint = cluster.pick(null);
        ClusterStats stats = services.stats().cluster(cluster.name());
        MirrorRequest mirror = new MirrorRequest(stats);
        UpstreamPool pool = services.pools().of(loop);
        pool.acquire(endpoint, cluster, stats, new UpstreamPool.Callback() {
            @Override
            public void connected(UpstreamConnection c) {
                mirror.connection = c;
                c.listen(mirror);
                HttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, original.method(), original.uri());
                head.headers().set(original.headers());
                String host = original.headers().get(HttpHeaderNames.HOST);
                if (host != null) {
                    head.headers().set(HttpHeaderNames.HOST, shadowHost(host));
                }
                long length = body.stream().mapToLong(ByteBuf::readableBytes).sum();
                HttpUtil.setTransferEncodingChunked(head, false);
                HttpUtil.setContentLength(head, length);
                if (length == 0 && !original.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
                    head.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
                }
                var ch = c.channel();
                ch.write(head, ch.voidPromise());
                body.forEach(b -> ch.write(new DefaultHttpContent(b), ch.voidPromise()));
                LastHttpContent last = new DefaultLastHttpContent();
                if (trailers != null) {
                    last.trailingHeaders().set(trailers);
                }
                ch.writeAndFlush(last, ch.voidPromise());
            }

            @Override
            public void failed(Throwable cause) {
                body.forEach(ByteBuf::release);
            }
        });
    }

    /** {@code host[:port]} with {@code -shadow} after the host. */
    static String shadowHost(String authority) {
        int colon = authority.lastIndexOf(':');
        if (colon > 0 && authority.indexOf(']') < colon && authority.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            return authority.substring(0, colon) + "-shadow" + authority.substring(colon);
        }
        return authority + "-shadow";
    }

    @Override
    public void onUpstreamMessage(HttpObject message) {
        if (message instanceof io.netty.handler.codec.http.HttpResponse response) {
            stats.upstreamRequest(response.status().code(), (System.nanoTime() - start) / 1000);
        }
        boolean last = message instanceof LastHttpContent;
        ReferenceCountUtil.release(message);
        if (last && connection != null) {
            UpstreamConnection c = connection;
            connection = null;
            c.release();
        }
    }

    @Override
    public void onUpstreamClosed(Throwable cause) {
        connection = null;
    }

    @Override
    public void onUpstreamWritabilityChanged(boolean writable) {
        // A mirror's body was written whole; nothing waits on the connection draining.
    }
}
