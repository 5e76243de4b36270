package io.gwctl.proxy.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tens of MiB each way through the proxy while each receiver holds off reading until its sender stalls: the sender
 * can only stall (before it has written everything) if the proxy stopped reading it. Every byte arrives, and
 * what the proxy holds for a slow side stays near one water mark.
 *
 * <p>The test's own sockets keep small fixed buffers, and each side sends more than the proxy's two kernel
 * buffers of a direction can grow to (Linux grows a socket's receive buffer while it is read fast, up to the
 * maximum of {@code tcp_rmem}), so a sender stalls only if the proxy stopped reading it.
 */
@Timeout(120)
class TcpProxyFlowControlTest {

    private static final int TEST_SOCKET_BUFFER = 64 * 1024;
    private static final int SIZE = kernelBuffersMax() + 8 * 1024 * 1024;
    private static final String PAUSED = "tcp." + TcpProxyHarness.CLUSTER + ".downstream_flow_control_paused_reading_total";

    /** Watches what the proxy queues for the downstream. */
    private static final class DownstreamQueue extends ChannelOutboundHandlerAdapter {
        static final AtomicLong MAX_PENDING = new AtomicLong();
        static final AtomicInteger UNWRITABLE = new AtomicInteger();
        static final AtomicInteger WRITES_WHILE_UNWRITABLE = new AtomicInteger();
        /**
         * Set once the server wrote its last byte, just before its FIN. From then on a paused proxy may still be
         * handed the server's remaining bytes: when a FIN arrives, Netty's epoll transport reads a socket to its
         * end whatever autoRead says (bounded by that socket's kernel buffer).
         */
        static final AtomicBoolean SERVER_FINISHED = new AtomicBoolean();

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            boolean bytes = msg instanceof ByteBuf b && b.isReadable();
            if (bytes && !ctx.channel().isWritable() && !SERVER_FINISHED.get()) {
                WRITES_WHILE_UNWRITABLE.incrementAndGet();
            }
            ctx.write(msg, promise);
            ChannelOutboundBuffer queue = ctx.channel().unsafe().outboundBuffer();
            if (queue != null) {
                MAX_PENDING.accumulateAndGet(queue.totalPendingWriteBytes(), Math::max);
            }
            if (!ctx.channel().isWritable()) {
                UNWRITABLE.incrementAndGet();
            }
        }
    }

    /**
     * The most a socket's receive and send buffers may grow to together ({@code tcp_rmem} and {@code tcp_wmem}
     * maxima), in whole 64 KiB chunks; 32 MiB where the kernel does not say.
     */
    private static int kernelBuffersMax() {
        try {
            long bytes = maximum("/proc/sys/net/ipv4/tcp_rmem") + maximum("/proc/sys/net/ipv4/tcp_wmem");
            return (int) Math.min(256L << 20, (bytes + 0xFFFF) & ~0xFFFFL);
        } catch (IOException | RuntimeException e) {
            return 32 * 1024 * 1024;
        }
    }

    private static long maximum(String sysctl) throws IOException {
        String[] values = Files.readAllLines(Path.of(sysctl)).get(0).trim().split("\\s+");
        return Long.parseLong(values[values.length - 1]);
    }

    /** A reproducible stream of bytes, counted into {@code written} as it goes; returns its checksum. */
    private static long send(OutputStream out, AtomicLong written) throws IOException {
        CRC32 crc = new CRC32();
        byte[] chunk = new byte[64 * 1024];
        for (int sent = 0, n = 0; sent < SIZE; sent += chunk.length, n++) {
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = (byte) (i * 31 + n);
            }
            out.write(chunk);
            written.addAndGet(chunk.length);
            crc.update(chunk);
        }
        return crc.getValue();
    }

    private record Received(long bytes, long crc) {
    }

    /**
     * Waits until {@code written} stops growing (its writer is blocked: nobody reads what it sends) or reaches
     * the whole size, and returns how far it got.
     */
    static long stalled(AtomicLong written) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long before = -1;
        while (System.nanoTime() < deadline) {
            long now = written.get();
            if (now == SIZE || now == before) {
                return now;
            }
            before = now;
            Thread.sleep(300);
        }
        throw new AssertionError("the writer neither stalled nor finished: " + written.get());
    }

    private static Received receive(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int r; (r = in.read(buffer)) > 0; ) {
            crc.update(buffer, 0, r);
            total += r;
        }
        return new Received(total, crc.getValue());
    }

    @Test
    void bytesFlowBothWaysInBoundedMemory() throws Exception {
        AtomicLong serverWritten = new AtomicLong();
        AtomicLong clientWritten = new AtomicLong();
        CompletableFuture<Long> clientStalled = new CompletableFuture<>();
        CompletableFuture<Long> serverSent = new CompletableFuture<>();
        CompletableFuture<Received> serverReceived = new CompletableFuture<>();
        TcpTestServer.Conversation upstreamSide = socket -> {
            socket.setReceiveBufferSize(TEST_SOCKET_BUFFER);
            socket.setSendBufferSize(TEST_SOCKET_BUFFER);
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    long crc = send(socket.getOutputStream(), serverWritten);
                    DownstreamQueue.SERVER_FINISHED.set(true);
                    socket.shutdownOutput();
                    serverSent.complete(crc);
                } catch (IOException e) {
                    serverSent.completeExceptionally(e);
                }
            });
            try {
                clientStalled.complete(stalled(clientWritten));
                serverReceived.complete(receive(socket.getInputStream()));
                writing.get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                serverReceived.completeExceptionally(e);
            }
        };
        try (TcpTestServer server = new TcpTestServer(upstreamSide);
                TcpProxyHarness proxy = TcpProxyHarness.builder(TcpProxyHarness.echoConfig())
                        .upstreams(server.upstream("tcp-echo:9000"))
                        .downstreamHandler(DownstreamQueue::new).start();
                Socket client = new Socket()) {
            client.setReceiveBufferSize(TEST_SOCKET_BUFFER);
            client.setSendBufferSize(TEST_SOCKET_BUFFER);
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.port()));
            client.setSoTimeout(60_000);
            CompletableFuture<Long> clientSent = CompletableFuture.supplyAsync(() -> {
                try {
                    long crc = send(client.getOutputStream(), clientWritten);
                    client.shutdownOutput();
                    return crc;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            long serverStalled = stalled(serverWritten);
            Received clientReceived = receive(client.getInputStream());

            assertThat(clientReceived.bytes()).isEqualTo(SIZE);
            assertThat(clientReceived.crc()).isEqualTo(serverSent.get(60, TimeUnit.SECONDS));
            Received atServer = serverReceived.get(60, TimeUnit.SECONDS);
            assertThat(atServer.bytes()).isEqualTo(SIZE);
            assertThat(atServer.crc()).isEqualTo(clientSent.get(60, TimeUnit.SECONDS));

            assertThat(serverStalled).as("the proxy stopped reading the server while the client read nothing")
                    .isLessThan(SIZE);
            assertThat(clientStalled.get()).as("the proxy stopped reading the client while the server read nothing")
                    .isLessThan(SIZE);
            assertThat(DownstreamQueue.UNWRITABLE.get()).isPositive();
            assertThat(DownstreamQueue.WRITES_WHILE_UNWRITABLE.get())
                    .as("the server is not read while the client cannot take more, until its FIN").isZero();
            assertThat(DownstreamQueue.MAX_PENDING.get())
                    .as("queued for the client: about the 64 KiB high water mark plus one read, not the 32 MiB")
                    .isLessThanOrEqualTo(256 * 1024);
            assertThat(proxy.values()).containsEntry("tcp." + TcpProxyHarness.CLUSTER + ".downstream_cx_rx_bytes_total",
                    (long) SIZE).containsEntry("tcp." + TcpProxyHarness.CLUSTER + ".downstream_cx_tx_bytes_total", (long) SIZE);
            assertThat(proxy.stat(PAUSED)).isPositive();
            assertThat(proxy.stat("tcp." + TcpProxyHarness.CLUSTER + ".downstream_flow_control_resumed_reading_total"))
                    .as("every pause ended").isEqualTo(proxy.stat(PAUSED));
        }
    }
}
