package io.gwctl.proxy.sample;

import io.gwctl.proxy.transport.Transport;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.concurrent.ThreadFactory;

/**
 * Picks the socket transport of the sample backend: native epoll where the platform has it (Linux), NIO
 * elsewhere, so the backend runs on any laptop without native libraries.
 */
final class Transports {

    private Transports() {
    }

    /** A new event loop group on the best available transport. */
    static EventLoopGroup newGroup(int threads, ThreadFactory threadFactory) {
        return Transport.best().group(threads, threadFactory);
    }

    /** The server channel type that can be registered with {@code group}, which may be shared with the caller. */
    static Class<? extends ServerChannel> serverChannelType(EventLoopGroup group) {
        if (Epoll.isAvailable() && group instanceof IoEventLoopGroup io && io.isIoType(EpollIoHandler.class)) {
            return EpollServerSocketChannel.class;
        }
        return NioServerSocketChannel.class;
    }
}
