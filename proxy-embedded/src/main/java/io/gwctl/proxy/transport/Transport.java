package io.gwctl.proxy.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.concurrent.ThreadFactory;

/**
 * The socket transport: Linux's native epoll where its library loads (fewer copies and system calls than
 * NIO; with {@link NonEmptyEpollInterest}'s repair), NIO elsewhere.
 *
 * @param name          {@code epoll} or {@code nio}, as printed at start-up
 * @param ioHandler     the event loops' I/O handler
 * @param serverChannel the listening socket type
 * @param channel       the connected socket type
 */
public record Transport(String name, IoHandlerFactory ioHandler, Class<? extends ServerChannel> serverChannel,
        Class<? extends SocketChannel> channel) {

    /** The best transport this machine offers. */
    public static Transport best() {
        if (Epoll.isAvailable()) {
            return new Transport("epoll", new NonEmptyEpollInterest(EpollIoHandler.newFactory()), EpollServerSocketChannel.class,
                    EpollSocketChannel.class);
        }
        return new Transport("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class, NioSocketChannel.class);
    }

    /**
     * The server channel type {@code group}'s event loops take: epoll for epoll loops (with or without
     * {@link NonEmptyEpollInterest}), NIO otherwise. For servers started on a group someone else made.
     */
    public static Class<? extends ServerChannel> serverChannelFor(EventLoopGroup group) {
        if (Epoll.isAvailable() && group instanceof IoEventLoopGroup io
                && (io.isIoType(EpollIoHandler.class) || NonEmptyEpollInterest.drives(io))) {
            return EpollServerSocketChannel.class;
        }
        if (group instanceof IoEventLoopGroup io && !io.isIoType(NioIoHandler.class)) {
            throw new IllegalArgumentException("servers run on NIO or epoll event loops");
        }
        return NioServerSocketChannel.class;
    }

    public EventLoopGroup group(int threads, ThreadFactory threadFactory) {
        return new MultiThreadIoEventLoopGroup(threads, threadFactory, ioHandler);
    }
}
