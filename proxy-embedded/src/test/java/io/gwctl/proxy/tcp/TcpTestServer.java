package io.gwctl.proxy.tcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A blocking TCP server on a loopback port for the proxy's tests: each accepted connection runs a
 * {@link Conversation} on its own thread, then is closed.
 */
final class TcpTestServer implements AutoCloseable {

    /** What the server does with one connection. */
    @FunctionalInterface
    interface Conversation {
        void run(Socket socket) throws IOException;
    }

    /** Writes back what it reads; at the client's FIN it finishes writing and closes. */
    static final Conversation ECHO = socket -> socket.getInputStream().transferTo(socket.getOutputStream());

    private final ServerSocket server;
    private final Conversation conversation;
    private final Queue<Socket> open = new ConcurrentLinkedQueue<>();
    final AtomicInteger accepted = new AtomicInteger();

    TcpTestServer(Conversation conversation) {
        this.conversation = conversation;
        try {
            this.server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "tcp-test-server-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static TcpTestServer echo() {
        return new TcpTestServer(ECHO);
    }

    int port() {
        return server.getLocalPort();
    }

    /** The {@code --upstream} value that sends {@code host}'s traffic here. */
    String upstream(String host) {
        return host + "=127.0.0.1:" + port();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            accepted.incrementAndGet();
            open.add(socket);
            Thread t = new Thread(() -> {
                try (socket) {
                    conversation.run(socket);
                } catch (IOException e) {
                    // The proxy or the test closed the connection first: nothing left to answer.
                } finally {
                    open.remove(socket);
                }
            }, "tcp-test-conversation");
            t.setDaemon(true);
            t.start();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
