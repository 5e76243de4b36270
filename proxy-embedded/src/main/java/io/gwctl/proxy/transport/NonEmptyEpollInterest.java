package io.gwctl.proxy.transport;

import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.IoHandle;
import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.IoOps;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.util.concurrent.ThreadAwareExecutor;
import java.util.Objects;

/**
 * Netty's epoll I/O handler, except that a socket's interest set is never submitted empty: an empty one becomes
 * {@code EPOLLET} alone, which waits for nothing, as Netty 4.1's epoll channels always kept it.
 *
 * <p>Why: Netty 4.2's epoll handler (netty/netty {@code EpollIoHandler}, since pull request 16689, still so in
 * 4.2.21) removes a socket from epoll when its interest set becomes empty but keeps it marked as added, so the
 * next interest it asks for is an {@code EPOLL_CTL_MOD} that fails with {@code ENOENT}. A half-closed socket
 * reaches an empty set as soon as its input has ended and no write is waiting; when a later write then has to
 * wait for {@code EPOLLOUT}, Netty takes the failure as a write error and shuts the socket's output: the peer
 * sees a FIN before all of what it was sent. That is exactly a {@code tcp_proxy} connection whose one side
 * sent FIN while the other still streams to it.
 */
public final class NonEmptyEpollInterest implements IoHandlerFactory {

    private final IoHandlerFactory epoll;

    NonEmptyEpollInterest(IoHandlerFactory epoll) {
        this.epoll = Objects.requireNonNull(epoll, "epoll");
    }

    /** Whether {@code group}'s loops run this handler, and so take epoll channels. */
    static boolean drives(IoEventLoopGroup group) {
        return group.isIoType(Handler.class);
    }

    @Override
    public IoHandler newHandler(ThreadAwareExecutor executor) {
        return new Handler(epoll.newHandler(executor));
    }

    @Override
    public boolean isChangingThreadSupported() {
        return epoll.isChangingThreadSupported();
    }

    private record Handler(IoHandler epoll) implements IoHandler {

        @Override
        public void initialize() {
            epoll.initialize();
        }

        @Override
        public int run(IoHandlerContext context) {
            return epoll.run(context);
        }

        @Override
        public void prepareToDestroy() {
            epoll.prepareToDestroy();
        }

        @Override
        public void destroy() {
            epoll.destroy();
        }

        @Override
        public IoRegistration register(IoHandle handle) throws Exception {
            return new Registration(epoll.register(handle));
        }

        @Override
        public void wakeup() {
            epoll.wakeup();
        }

        @Override
        public boolean isCompatible(Class<? extends IoHandle> handleType) {
            return epoll.isCompatible(handleType);
        }
    }

    private record Registration(IoRegistration epoll) implements IoRegistration {

        @Override
        public <T> T attachment() {
            return epoll.attachment();
        }

        @Override
        public long submit(IoOps ops) {
            return epoll.submit(ops instanceof EpollIoOps interest && interest.value() == EpollIoOps.NONE.value()
                    ? EpollIoOps.EPOLLET : ops);
        }

        @Override
        public boolean isValid() {
            return epoll.isValid();
        }

        @Override
        public boolean cancel() {
            return epoll.cancel();
        }
    }
}
