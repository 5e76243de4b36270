package io.gwctl.proxy.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A socket whose peer has sent FIN goes on sending, more than the kernel takes at once, so its write has to
 * wait for {@code EPOLLOUT} after its interest set went empty: every byte must arrive before the FIN.
 */
@Timeout(60)
class NonEmptyEpollInterestTest {

    private static final int SIZE = 16 * 1024 * 1024;

    @BeforeAll
    static void epoll() {
        assumeTrue(Epoll.isAvailable(), "epoll is Linux's");
    }

    @Test
    void aHalfClosedSocketSendsEverythingItIsGiven() throws Exception {
        assertThat(sentAfterPeersFin(new NonEmptyEpollInterest(EpollIoHandler.newFactory()))).isEqualTo(SIZE);
    }

    /**
     * The defect itself, with Netty's handler alone: when this fails, Netty has fixed it and
     * {@link NonEmptyEpollInterest} can go.
     */
    @Test
    void nettysOwnHandlerCutsTheStreamShort() throws Exception {
        assertThat(sentAfterPeersFin(EpollIoHandler.newFactory())).isLessThan(SIZE);
    }

    /** How many bytes the peer reads before EOF when the server sends {@link #SIZE} after the peer's FIN. */
    private static long sentAfterPeersFin(IoHandlerFactory io) throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, io);
        CompletableFuture<Channel> inputEnded = new CompletableFuture<>();
        try {
            Channel server = new ServerBootstrap().group(group).channel(EpollServerSocketChannel.class)
                    .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                    .childHandler(new ChannelInboundHandlerAdapter() {
                        @Override
                        public void channelRead(ChannelHandlerContext ctx, Object msg) {
                            ReferenceCountUtil.release(msg);
                        }

                        @Override
                        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                            if (evt == ChannelInputShutdownEvent.INSTANCE) {
                                // Answered on a later turn: Netty drops the read interest after this event.
                                ctx.channel().eventLoop().execute(() -> inputEnded.complete(ctx.channel()));
                            }
                        }
                    })
                    .bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
            try (Socket peer = new Socket(InetAddress.getLoopbackAddress(),
                    ((InetSocketAddress) server.localAddress()).getPort())) {
                peer.shutdownOutput();
                Channel accepted = inputEnded.get(10, TimeUnit.SECONDS);
                CompletableFuture<Void> flushed = new CompletableFuture<>();
                accepted.eventLoop().execute(() -> {
                    ChannelFuture last = null;
                    for (int sent = 0; sent < SIZE; sent += 64 * 1024) {
                        last = accepted.write(Unpooled.wrappedBuffer(new byte[64 * 1024]));
                    }
                    accepted.flush();
                    flushed.complete(null);
                    last.addListener(f -> {
                        if (f.isSuccess()) {
                            ((DuplexChannel) accepted).shutdownOutput();
                        }
                    });
                });
                // Read only once the kernel took all it could without a reader: the rest waits for EPOLLOUT.
                flushed.get(10, TimeUnit.SECONDS);
                return drain(peer.getInputStream());
            } finally {
                server.close().sync();
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    private static long drain(InputStream in) throws java.io.IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int r; (r = in.read(buffer)) > 0; ) {
            total += r;
        }
        return total;
    }
}
