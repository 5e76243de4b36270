package io.gwctl.proxy.tcp;

import io.gwctl.proxy.accesslog.AccessLogEntry;
import io.gwctl.proxy.http.GatewayServices;
import io.gwctl.proxy.runtime.Endpoint;
import io.gwctl.proxy.runtime.OutlierDetector;
import io.gwctl.proxy.runtime.OutlierDetector.LocalFailure;
import io.gwctl.proxy.runtime.UpstreamCluster;
import io.gwctl.proxy.stats.ClusterStats;
import io.gwctl.proxy.stats.HostStats;
import io.gwctl.proxy.stats.TcpStats;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.ssl.SslHandler;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One downstream connection proxied to one upstream connection, as Envoy's {@code tcp_proxy} network filter
 * proxies it (envoyproxy/envoy source/common/tcp_proxy/tcp_proxy.cc, {@code Filter}):
 * <ul>
 * <li>The downstream is not read until the upstream is connected. No cluster of that name: the downstream is
 * closed, {@code downstream_cx_no_route} and flag {@code NC}. The cluster's {@code max_connections} circuit
 * breaker reached: closed at once, {@code upstream_cx_overflow} and {@code UO}; a connection holds its place
 * from its connect until its close. No endpoint (none, or all ejected by outlier detection): closed,
 * {@code upstream_cx_none_healthy} and {@code UH}. A failed or timed-out connect ({@code connect_timeout} of the
 * cluster) is flag {@code UF} and {@code upstream_cx_connect_fail}; it is tried again, on a newly picked cluster
 * and endpoint, until {@code max_connect_attempts} (1 by default), then the downstream is closed with
 * {@code URX} and {@code upstream_cx_connect_attempts_exceeded}. Each connect's outcome goes to the host's outlier detection
 * as Envoy's tcp_proxy reports it: a failure as a local-origin connect failure or timeout, a success as the
 * final local-origin success.</li>
 * <li>Bytes flow both ways as they come ({@link TcpRelay}), each side read only while the other can take more.</li>
 * <li>A FIN from one side shuts the other side's output once what it was sent is flushed, and the other
 * direction goes on; once both directions have ended, both connections are closed. A side that closes
 * outright (or is reset) closes the other once its queued bytes are flushed; bytes still queued for the
 * upstream when the downstream goes are {@code upstream_flush_total}.</li>
 * <li>No byte either way for {@code idle_timeout}: both are closed and {@code idle_timeout} counted.</li>
 * <li>One access log line when both are closed, in Envoy's default format: {@code "- - -" 0}, the flags, bytes
 * received from and sent to the downstream, the connection's duration and the upstream host.</li>
 * </ul>
 * The gateway's drain needs nothing of a TCP session: it lasts until either side ends it, or until the drain
 * time is up and the gateway closes the downstream. Everything runs on the downstream's event loop, which the
 * upstream connection shares, so no state here is shared between threads.
 */
public final class TcpProxySession {

    private final Channel downstream;
    private final TcpProxyRoute route;
    private final GatewayServices services;
    private final TcpStats stats;
    private final IdleTimeout idle;
    private final Instant start = Instant.now();
    private final long startNanos = System.nanoTime();
    private final StringBuilder flags = new StringBuilder();
    private ByteBuf pending;
    private int attempts;
    private Endpoint endpoint;
    private ChannelFuture connecting;
    private Channel upstream;
    private TcpRelay downstreamRelay;
    private boolean downstreamEnded;
    private boolean upstreamEnded;
    private long received;
    private long sent;
    private boolean downstreamPaused;
    private int outputsShut;
    private boolean flushing;
    private boolean finished;

    private TcpProxySession(Channel downstream, TcpProxyRoute route, GatewayServices services, ByteBuf pending) {
        this.downstream = downstream;
        this.route = route;
        this.services = services;
        this.pending = pending;
        this.stats = services.stats().tcp(route.statPrefix());
        this.idle = new IdleTimeout(downstream.eventLoop(), route.idleTimeout(), this::idleTimeout);
    }

    /**
     * Takes over {@code downstream} (autoRead is off; nothing else in its pipeline reads): connects to an endpoint
     * of the route's cluster on the downstream's event loop, writes {@code pending} first (bytes already read by a
     * sniffer, e.g. a TLS ClientHello for passthrough; ownership passes to this method; may be empty), then relays
     * both ways.
     */
    public static void start(Channel downstream, TcpProxyRoute route, GatewayServices services, ByteBuf pending) {
        ByteBuf first = pending == null ? Unpooled.EMPTY_BUFFER : pending;
        TcpProxySession session;
        try {
            session = new TcpProxySession(Objects.requireNonNull(downstream, "downstream"),
                    Objects.requireNonNull(route, "route"), Objects.requireNonNull(services, "services"), first);
        } catch (RuntimeException e) {
            first.release();
            throw e;
        }
        EventLoop loop = downstream.eventLoop();
        if (loop.inEventLoop()) {
            session.begin();
            return;
        }
        try {
            loop.execute(session::begin);
        } catch (RejectedExecutionException e) {
            first.release();
            downstream.close();
        }
    }

    private void begin() {
        stats.connectionOpened();
        countReceived(pending.readableBytes());
        downstream.config().setAutoRead(false);
        downstream.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
        downstream.closeFuture().addListener(f -> downstreamClosed());
        downstreamRelay = new TcpRelay(this, null, true);
        downstream.pipeline().addLast(TcpRelay.NAME, downstreamRelay);
        if (downstream.isActive()) {
            connect();
        }
    }

    /** Picks a cluster and an endpoint and connects, or closes the downstream when there is none. */
    private void connect() {
        if (finished || !downstream.isActive()) {
            return;
        }
        String clusterName = route.pickCluster();
        UpstreamCluster cluster = services.runtime().cluster(clusterName);
        if (cluster == null) {
            stats.noRoute();
            fail("NC");
            return;
        }
        ClusterStats clusterStats = services.stats().cluster(clusterName);
        if (!cluster.breaker().connections().tryAcquire()) {
            // Checked before a host is picked, as Envoy does: a connection the breaker refuses would wait for ever.
            clusterStats.connectionOverflow();
            fail("UO");
            return;
        }
        Endpoint target = cluster.pick(null, route.hash(downstream.remoteAddress()));
        if (target == null) {
            cluster.breaker().connections().release();
            clusterStats.noHealthyUpstream();
            fail("UH");
            return;
        }
        endpoint = target;
        attempts++;
        ChannelFuture connect = bootstrap(cluster).connect(target.address());
        connecting = connect;
        connect.addListener((ChannelFuture f) -> connected(f, cluster, clusterStats, target));
    }

    private Bootstrap bootstrap(UpstreamCluster cluster) {
        TcpProxySession session = this;
        return new Bootstrap().group(downstream.eventLoop())
                .channel(services.pools().transport().channel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) Math.max(1, Math.min(Integer.MAX_VALUE, cluster.connectTimeout().toMillis())))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(TcpRelay.NAME, new TcpRelay(session, downstream, false));
                    }
                });
    }

    private void connected(ChannelFuture f, UpstreamCluster cluster, ClusterStats clusterStats, Endpoint target) {
        connecting = null;
        OutlierDetector outliers = cluster.outlierDetector();
        if (!f.isSuccess()) {
            cluster.breaker().connections().release();
            if (!f.isCancelled()) {
                clusterStats.connectFailure();
                boolean timedOut = f.cause() instanceof ConnectTimeoutException;
                if (timedOut) {
                    clusterStats.connectTimeout();
                }
                outliers.putLocalFailure(target, timedOut ? LocalFailure.TIMEOUT : LocalFailure.CONNECT_FAILED,
                        clusterStats, downstream.eventLoop());
                flag("UF");
                if (downstream.isActive()) {
                    if (attempts < route.maxConnectAttempts()) {
                        // Envoy retries on a later turn of the event loop, after the failed connection is gone.
                        downstream.eventLoop().execute(this::connect);
                        return;
                    }
                    clusterStats.connectAttemptsExceeded();
                    fail("URX");
                    return;
                }
            }
            finishIfDone();
            return;
        }
        Channel ch = f.channel();
        HostStats host = clusterStats.host(target.hostPort());
        clusterStats.connectionOpened();
        host.connectionOpened();
        cluster.started(target);
        outliers.putConnectSuccess(target, clusterStats, downstream.eventLoop());
        ch.closeFuture().addListener(closed -> {
            cluster.breaker().connections().release();
            clusterStats.connectionClosed();
            host.connectionClosed();
            cluster.finished(target);
            upstreamClosed();
        });
        if (!downstream.isActive()) {
            ch.close();
            return;
        }
        upstream = ch;
        relay();
    }

    /** Joins the two connections: the bytes read before, then both directions as they come. */
    private void relay() {
        downstreamRelay.peer(upstream);
        idle.start();
        ByteBuf first = pending;
        pending = null;
        if (first.isReadable()) {
            upstream.writeAndFlush(first, upstream.voidPromise());
        } else {
            first.release();
        }
        upstream.config().setAutoRead(true);
        if (downstreamEnded) {
            shutOutputTowards(true);
        } else if (upstream.isWritable()) {
            downstream.config().setAutoRead(true);
        } else {
            paused(true);
        }
    }

    /** Bytes the downstream sent before the upstream was connected: kept, to go after {@code pending}. */
    void early(ByteBuf bytes) {
        countReceived(bytes.readableBytes());
        if (pending == null) {
            bytes.release();
            return;
        }
        CompositeByteBuf joined = pending instanceof CompositeByteBuf c ? c : downstream.alloc().compositeBuffer()
                .addComponent(true, pending);
        pending = joined.addComponent(true, bytes);
    }

    /** Closes the downstream before any upstream connection: Envoy's {@code onInitFailure}. */
    private void fail(String flag) {
        flag(flag);
        releasePending();
        downstream.close();
    }

    /** {@code bytes} were read from one side and passed on: counted, and the connection is not idle. */
    void read(boolean fromDownstream, int bytes) {
        idle.touch();
        if (fromDownstream) {
            countReceived(bytes);
        } else {
            sent += bytes;
            stats.sent(bytes);
        }
    }

    /** One side stopped being read because the other could take no more. */
    void paused(boolean downstreamSide) {
        if (downstreamSide && !downstreamPaused) {
            downstreamPaused = true;
            stats.pausedReading();
        }
    }

    /** The side that writes into a channel that drained may be read again. */
    void resume(boolean downstreamSide) {
        idle.touch();
        Channel reader = downstreamSide ? downstream : upstream;
        if (reader == null || !reader.isActive()) {
            return;
        }
        if (downstreamSide && downstreamPaused) {
            // The pause ends even when the side's FIN was read meanwhile (epoll reads a half-closed socket to its
            // end whatever autoRead says): Envoy, which reads nothing while paused, would resume and then see it.
            downstreamPaused = false;
            stats.resumedReading();
        }
        // A channel whose input ended is not read again: epoll has already dropped it from its read interest.
        if (!(downstreamSide ? downstreamEnded : upstreamEnded)) {
            reader.config().setAutoRead(true);
        }
    }

    /** One side sent FIN: the other's output is shut once flushed, and when both have ended, both are closed. */
    void inputEnded(boolean fromDownstream) {
        if (fromDownstream ? downstreamEnded : upstreamEnded) {
            // One FIN is counted once: counting it again would close both connections while the other
            // direction may still have bytes to deliver.
            return;
        }
        if (fromDownstream) {
            downstreamEnded = true;
        } else {
            upstreamEnded = true;
        }
        shutOutputTowards(fromDownstream);
    }

    /** Passes on one side's FIN: the other side's output, once flushed, is shut (when that side exists). */
    private void shutOutputTowards(boolean fromDownstream) {
        Channel to = fromDownstream ? upstream : downstream;
        if (to == null || !to.isActive()) {
            return;
        }
        to.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((ChannelFuture flushed) -> {
            if (!flushed.isSuccess()) {
                to.close();
                return;
            }
            shutdownOutput(to).addListener((ChannelFuture shut) -> {
                if (!shut.isSuccess()) {
                    to.close();
                } else if (++outputsShut == 2) {
                    downstream.close();
                    upstream.close();
                }
            });
        });
    }

    /**
     * Half-closes {@code ch}: on TLS, {@code close_notify} first, as Envoy's TLS socket ends a direction; a
     * channel that cannot half-close is closed.
     */
    private static ChannelFuture shutdownOutput(Channel ch) {
        if (!(ch instanceof DuplexChannel duplex)) {
            return ch.close();
        }
        SslHandler tls = ch.pipeline().get(SslHandler.class);
        if (tls == null) {
            return duplex.shutdownOutput();
        }
        ChannelFuture notified = tls.closeOutbound();
        notified.addListener((ChannelFuture f) -> duplex.shutdownOutput());
        return notified;
    }

    private void downstreamClosed() {
        if (connecting != null) {
            connecting.cancel(false);
        }
        releasePending();
        if (upstream != null && upstream.isActive()) {
            ChannelOutboundBuffer queued = upstream.unsafe().outboundBuffer();
            if (queued != null && queued.totalPendingWriteBytes() > 0) {
                flushing = true;
                stats.flushStarted();
            }
            upstream.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
        finishIfDone();
    }

    private void upstreamClosed() {
        if (flushing) {
            flushing = false;
            stats.flushFinished();
        }
        if (downstream.isActive()) {
            downstream.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
        finishIfDone();
    }

    private void idleTimeout() {
        stats.idleTimeout();
        downstream.close();
        if (upstream != null) {
            upstream.close();
        }
    }

    /** Once the downstream is closed and no upstream is connecting or open: the access log line. */
    private void finishIfDone() {
        if (finished || downstream.isOpen() || connecting != null || (upstream != null && upstream.isOpen())) {
            return;
        }
        finished = true;
        idle.cancel();
        releasePending();
        if (services.accessLog().enabled()) {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            services.accessLog().log(new AccessLogEntry(start, null, null, null, 0, flags.toString(), received,
                    sent, millis, -1, null, null, null, null, endpoint == null ? null : endpoint.hostPort()));
        }
    }

    private void countReceived(long bytes) {
        received += bytes;
        stats.received(bytes);
    }

    private void flag(String flag) {
        for (String f : flags.toString().split(",")) {
            if (f.equals(flag)) {
                return;
            }
        }
        if (!flags.isEmpty()) {
            flags.append(',');
        }
        flags.append(flag);
    }

    private void releasePending() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }
}
