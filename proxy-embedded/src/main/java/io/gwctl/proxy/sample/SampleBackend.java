package io.gwctl.proxy.sample;

import static java.util.Objects.requireNonNull;

import io.gwctl.proxy.transport.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A small httpbin-like HTTP server to route to: {@code gwctl run-gateway} starts one beside the gateway so a
 * laptop user has a real upstream, and the end-to-end tests use it as theirs. It serves HTTP/1.1 and cleartext
 * HTTP/2 (prior knowledge or {@code Upgrade: h2c}) on one port. Every response carries
 * {@code x-backend-name: <name>} and every JSON body {@code "backend": "<name>"}, so a test can tell which of
 * several backends a gateway picked.
 *
 * <p>Endpoints, as on httpbin.org: {@code /get}, {@code /headers}, {@code /ip}, {@code /anything[/...]},
 * {@code /status/N} (or {@code /status/200,503}), {@code /delay/N} (seconds, at most 10), {@code /bytes/N}
 * (at most 100 MiB), {@code /stream/N}; and {@code /flaky/N?key=K} (503 for the first N requests of key K, then
 * 200), {@code POST|PUT /echo} (the body streamed back) and a WebSocket echo at {@code /ws}. Anything else is 404.
 *
 * <pre>{@code
 * try (SampleBackend backend = SampleBackend.start("v1", new InetSocketAddress("127.0.0.1", 0))) {
 *     URI get = URI.create("http://127.0.0.1:" + backend.address().getPort() + "/get");
 * }
 * }</pre>
 */
public final class SampleBackend implements AutoCloseable {

    /** How long {@link #close()} waits for connections to close and owned threads to stop. */
    private static final long CLOSE_TIMEOUT_SECONDS = 5;

    private final BackendState state;
    private final ChannelGroup channels;
    private final InetSocketAddress address;
    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SampleBackend(BackendState state, ChannelGroup channels, InetSocketAddress address, EventLoopGroup group,
            boolean ownsGroup) {
        this.state = requireNonNull(state, "state");
        this.channels = requireNonNull(channels, "channels");
        this.address = requireNonNull(address, "address");
        this.group = requireNonNull(group, "group");
        this.ownsGroup = ownsGroup;
    }

    /**
     * Starts a backend named {@code name} on its own event loop threads (daemon threads: a sample backend never
     * keeps the JVM alive by itself).
     *
     * @param bind where to listen; port 0 picks a free port, see {@link #address()}
     * @throws UncheckedIOException with a {@link BindException} cause when the address cannot be bound, e.g. the
     *     port is taken
     * @throws InterruptedException if interrupted while binding; nothing is left running then
     */
    public static SampleBackend start(String name, InetSocketAddress bind) throws InterruptedException {
        requireNonNull(name, "name");
        requireNonNull(bind, "bind");
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        EventLoopGroup group = Transport.best().group(threads, new DefaultThreadFactory("gwctl-sample-" + name, true));
        SampleBackend backend = null;
        try {
            Binding binding = Binding.start(name, bind, group);
            binding.future().await();
            backend = binding.toBackend(group, true);
            return backend;
        } finally {
            if (backend == null) {
                group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Starts a backend named {@code name} on {@code group}, which stays the caller's: {@link #close()} closes the
     * backend's channels but leaves the group running. Not to be called on one of the group's event loops.
     *
     * @throws UncheckedIOException with a {@link BindException} cause when the address cannot be bound
     */
    public static SampleBackend start(String name, InetSocketAddress bind, EventLoopGroup group) {
        requireNonNull(name, "name");
        requireNonNull(bind, "bind");
        requireNonNull(group, "group");
        Binding binding = Binding.start(name, bind, group);
        binding.future().awaitUninterruptibly();
        return binding.toBackend(group, false);
    }

    /** The address the backend listens on, with the port actually bound. */
    public InetSocketAddress address() {
        return address;
    }

    /** The name every response reports in {@code x-backend-name}. */
    public String name() {
        return state.name();
    }

    /** The requests received so far, over every protocol and connection (a WebSocket upgrade counts as one). */
    public long requests() {
        return state.requests();
    }

    /**
     * Stops listening and closes every open connection, then stops the event loop threads if the backend started
     * them. Waits at most a few seconds; does not wait at all when called on one of the group's event loops.
     * Closing twice does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Future<Void> closing = channels.close();
        Future<?> stopping = ownsGroup
                ? group.shutdownGracefully(0, CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                : closing;
        if (!isEventLoopThread()) {
            closing.awaitUninterruptibly(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            stopping.awaitUninterruptibly(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Override
    public String toString() {
        return "SampleBackend[" + state.name() + " on " + address + "]";
    }

    private boolean isEventLoopThread() {
        for (EventExecutor executor : group) {
            if (executor.inEventLoop()) {
                return true;
            }
        }
        return false;
    }

    /** A server channel being bound, with what its connections will share. */
    private record Binding(BackendState state, ChannelGroup channels, InetSocketAddress requested,
            ChannelFuture future) {

        static Binding start(String name, InetSocketAddress bind, EventLoopGroup group) {
            BackendState state = new BackendState(name);
            ChannelGroup channels = new DefaultChannelGroup("sample-backend-" + name, GlobalEventExecutor.INSTANCE,
                    true);
            ChannelFuture future = new ServerBootstrap()
                    .group(group)
                    .channel(Transport.serverChannelFor(group))
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new SampleBackendInitializer(state, channels))
                    .bind(bind);
            return new Binding(state, channels, bind, future);
        }

        /** The running backend once the bind is done, or the reason it failed. */
        SampleBackend toBackend(EventLoopGroup group, boolean ownsGroup) {
            if (!future.isSuccess()) {
                throw failure(future.cause());
            }
            Channel server = future.channel();
            channels.add(server);
            return new SampleBackend(state, channels, (InetSocketAddress) server.localAddress(), group, ownsGroup);
        }

        private RuntimeException failure(Throwable cause) {
            String message = "sample backend '" + state.name() + "' cannot listen on " + requested.getHostString()
                    + ":" + requested.getPort() + ": " + cause.getMessage();
            if (!(cause instanceof IOException)) {
                return new IllegalStateException(message, cause);
            }
            BindException bindFailure = cause instanceof BindException bind ? bind : new BindException(cause.getMessage());
            if (bindFailure != cause) {
                bindFailure.initCause(cause);
            }
            return new UncheckedIOException(message, bindFailure);
        }
    }
}
