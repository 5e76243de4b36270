package io.gwctl.proxy;

import io.gwctl.proxy.dns.DnsLookup;
import io.gwctl.proxy.http.DrainEvent;
import io.gwctl.proxy.http.GatewayServices;
import io.gwctl.proxy.listener.ConnectionEntry;
import io.gwctl.proxy.runtime.GatewayRuntime;
import io.gwctl.proxy.runtime.ListenerRuntime;
import io.gwctl.proxy.stats.GatewayStats;
import io.gwctl.proxy.tls.TlsProvider;
import io.gwctl.proxy.transport.Transport;
import io.gwctl.proxy.upstream.UpstreamPools;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The embedded gateway: binds a socket for every listener of the config and serves it with the Netty data
 * plane. A reload swaps the whole config at once for new requests and binds or closes listeners whose ports
 * came or went; requests in flight finish with the config they started with. The host names of DNS clusters are
 * looked up again in the background ({@link DnsRefresher}) and new endpoints swapped in the same way.
 */
public final class GatewayProxy implements AutoCloseable {

    private final GatewaySettings settings;
    private final Transport transport;
    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final GatewayServices services;
    private final ChannelGroup connections = new DefaultChannelGroup("gwctl-connections", GlobalEventExecutor.INSTANCE);
    private final Map<Integer, Channel> servers = new LinkedHashMap<>();
    private final Map<Integer, BoundListener> bound = new LinkedHashMap<>();
    private final DnsRefresher dns;
    private volatile boolean closed;

    private GatewayProxy(GatewayRuntime runtime, GatewaySettings settings, GatewayStats stats) {
        this.settings = settings;
        this.transport = Transport.best();
        this.acceptors = transport.group(1, new DefaultThreadFactory("gwctl-accept", true));
        this.workers = transport.group(settings.workers(), new DefaultThreadFactory("gwctl-worker", true));
        this.services = new GatewayServices(runtime, stats, settings.accessLog(), new UpstreamPools(workers, transport));
        this.dns = new DnsRefresher(DnsLookup.system(), services::runtime, this::swapEndpoints,
                DnsRefresher.LOG_WARNINGS);
    }

    /**
     * Binds every listener of {@code runtime} and starts serving.
     *
     * @throws ListenerBindException when a listener's port cannot be bound (everything bound so far is closed)
     */
    public static GatewayProxy start(GatewayRuntime runtime, GatewaySettings settings, GatewayStats stats)
            throws InterruptedException {
        GatewayProxy proxy = new GatewayProxy(runtime, settings, stats);
        try {
            proxy.bindAll(runtime);
        } catch (RuntimeException e) {
            proxy.close();
            throw e;
        }
        proxy.dns.start();
        return proxy;
    }

    /** The socket transport in use ({@code epoll} or {@code nio}). */
    public String transport() {
        return transport.name();
    }

    /** The TLS implementation terminating TLS ({@code BoringSSL} or {@code JDK}). */
    public String tlsProvider() {
        return TlsProvider.name();
    }

    public GatewayStats stats() {
        return services.stats();
    }

    /** The event loops the admin endpoint may share: the acceptor's, which has little else to do. */
    public EventLoopGroup adminEventLoops() {
        return acceptors;
    }

    /** The config serving new requests now. */
    public GatewayRuntime runtime() {
        return services.runtime();
    }

    /** The listeners bound now, in the config's order. */
    public synchronized List<BoundListener> listeners() {
        return List.copyOf(bound.values());
    }

    /**
     * Serves new requests with {@code next}: listeners of new ports are bound first (so a port that cannot be
     * bound leaves the old config serving), then the config is swapped, then listeners whose port left the
     * config stop accepting.
     */
    public synchronized void reload(GatewayRuntime next) throws InterruptedException {
        List<Integer> added = new ArrayList<>();
        for (ListenerRuntime l : next.listeners()) {
            if (!servers.containsKey(l.port())) {
                try {
                    bind(l);
                    added.add(l.port());
                } catch (ListenerBindException e) {
                    added.forEach(this::unbind);
                    throw e;
                }
            }
        }
        services.swap(next);
        dns.served(next);
        for (Integer port : List.copyOf(servers.keySet())) {
            if (next.listener(port) == null) {
                unbind(port);
            }
        }
    }

    /** Serves {@code next}, the same config with new DNS endpoints, unless a reload replaced {@code expected}. */
    private synchronized boolean swapEndpoints(GatewayRuntime expected, GatewayRuntime next) {
        if (closed || services.runtime() != expected) {
            return false;
        }
        services.swap(next);
        return true;
    }

    private void bindAll(GatewayRuntime runtime) throws InterruptedException {
        for (ListenerRuntime l : runtime.listeners()) {
            bind(l);
        }
    }

    private void bind(ListenerRuntime listener) throws InterruptedException {
        int localPort = settings.localPort().applyAsInt(listener);
        InetSocketAddress address = new InetSocketAddress(settings.bindAddress(), localPort);
        ConnectionEntry entry = new ConnectionEntry(services, listener.port());
        ServerBootstrap bootstrap = new ServerBootstrap().group(acceptors, workers)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (closed) {
                            ch.close();
                            return;
                        }
                        connections.add(ch);
                        entry.accept(ch);
                    }
                });
        ChannelFuture future = bootstrap.bind(address).await();
        if (!future.isSuccess()) {
            throw new ListenerBindException(listener.name(), address, future.cause());
        }
        Channel server = future.channel();
        servers.put(listener.port(), server);
        bound.put(listener.port(), new BoundListener(listener.name(), listener.port(),
                (InetSocketAddress) server.localAddress()));
    }

    private void unbind(int port) {
        Channel server = servers.remove(port);
        bound.remove(port);
        if (server != null) {
            server.close();
        }
    }

    /**
     * Stops accepting, lets requests in flight finish for up to the drain time, then closes everything.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            dns.close();
            servers.values().forEach(Channel::close);
            servers.clear();
            bound.clear();
        }
        connections.forEach(ch -> ch.pipeline().fireUserEventTriggered(DrainEvent.INSTANCE));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.drainMillis());
        while (!connections.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        connections.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        services.pools().closeIdle();
        acceptors.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
        settings.accessLog().close();
    }

    /** A listener's port could not be bound. */
    public static final class ListenerBindException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ListenerBindException(String listener, InetSocketAddress address, Throwable cause) {
            super(message(listener, address, cause), cause);
        }

        private static String message(String listener, InetSocketAddress address, Throwable cause) {
            String where = "listener " + listener + ": cannot listen on " + address.getHostString() + ":"
                    + address.getPort();
            String why = cause == null || cause.getMessage() == null ? "unknown error" : cause.getMessage();
            if (address.getPort() < 1024 && address.getPort() != 0 && (cause instanceof BindException
                    || cause instanceof IOException) && why.toLowerCase().contains("permission")) {
                return where + ": ports below 1024 need privileges; try --port-offset 10000";
            }
            if (why.toLowerCase().contains("in use")) {
                return where + ": the port is already in use; try --port-offset or --port-map";
            }
            return where + ": " + why;
        }
    }
}
