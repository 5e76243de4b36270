package io.gwctl.proxy.admin;

import static java.util.Objects.requireNonNull;

import io.gwctl.proxy.transport.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

/**
 * The embedded gateway's admin endpoint: HTTP/1.1 on its own address ({@code gwctl run-gateway} binds
 * 127.0.0.1:15000, Envoy's and Istio's admin port), answering Envoy's admin paths from an {@link AdminView}
 * (see {@link AdminEndpoints}).
 *
 * <p>It runs on the event loop group it is given, with the channel type that group drives (epoll or NIO).
 * Answers are computed on the event loop: they read counters and the current snapshot, and the one costly
 * answer, {@code /config_dump}, is printed once per snapshot.
 */
public final class AdminServer implements AutoCloseable {

    /** Admin requests carry no body; anything larger than this is not an admin request. */
    private static final int MAX_REQUEST_BYTES = 64 * 1024;

    private static final String HTTP_CODEC = "http-codec";
    private static final String AGGREGATOR = "aggregator";
    private static final String ADMIN = "admin";

    private final Channel serverChannel;
    private final ChannelGroup channels;

    private AdminServer(Channel serverChannel, ChannelGroup channels) {
        this.serverChannel = serverChannel;
        this.channels = channels;
    }

    /**
     * Binds the admin endpoint to {@code bind} and serves {@code view} on {@code group}. Call it off the event
     * loop: it waits for the bind.
     *
     * @throws UncheckedIOException  when the address cannot be bound (taken, or not local), naming the address
     * @throws InterruptedException  when interrupted while binding
     */
    public static AdminServer start(InetSocketAddress bind, AdminView view, EventLoopGroup group) throws InterruptedException {
        requireNonNull(bind, "bind");
        requireNonNull(group, "group");
        AdminEndpoints endpoints = new AdminEndpoints(view);
        ChannelGroup channels = new DefaultChannelGroup("gwctl-admin", GlobalEventExecutor.INSTANCE);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(Transport.serverChannelFor(group))
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        channels.add(ch);
                        ChannelPipeline pipeline = ch.pipeline();
                        pipeline.addLast(HTTP_CODEC, new HttpServerCodec());
                        pipeline.addLast(AGGREGATOR, new HttpObjectAggregator(MAX_REQUEST_BYTES));
                        pipeline.addLast(ADMIN, new AdminHandler(endpoints));
                    }
                });
        var bound = bootstrap.bind(bind).await();
        if (!bound.isSuccess()) {
            Throwable cause = bound.cause();
            String message = "cannot serve the admin endpoint on " + bind.getHostString() + ":" + bind.getPort() + ": "
                    + cause.getMessage();
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(message, io);
            }
            throw new IllegalStateException(message, cause);
        }
        channels.add(bound.channel());
        return new AdminServer(bound.channel(), channels);
    }

    /** The address the endpoint is bound to, with the real port when asked for port 0. */
    public InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** Stops accepting and closes every open admin connection; call it off the event loop. */
    @Override
    public void close() {
        channels.close().awaitUninterruptibly();
    }
}
