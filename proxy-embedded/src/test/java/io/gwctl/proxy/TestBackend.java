package io.gwctl.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP backend for gateway tests: answers {@code name path host <headers the test asks about>},
 * {@code /status/N} with N, {@code /delay/MS} after MS milliseconds, {@code /flaky/N?key=K} with 503 for
 * the first N requests of K, and {@code /bytes/N} with N bytes; it counts the request body it reads. Set
 * {@link #failWith} to answer everything with one status.
 */
final class TestBackend implements AutoCloseable {

    private final HttpServer server;
    private final String name;
    final AtomicInteger requests = new AtomicInteger();
    final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
    /** When not 0, the status every request is answered with, whatever its path. */
    volatile int failWith;
    private final Map<String, AtomicInteger> flaky = new ConcurrentHashMap<>();

    TestBackend(String name) throws IOException {
        this.name = name;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String upstream(String host) {
        return host + "=127.0.0.1:" + port();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        exchange.getRequestHeaders().forEach((k, v) -> lastHeaders.put(k.toLowerCase(), String.join(",", v)));
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/bytes/")) {
            long n = Long.parseLong(path.substring(7));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, n);
            byte[] chunk = new byte[64 * 1024];
            for (long left = n; left > 0; left -= chunk.length) {
                exchange.getResponseBody().write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            exchange.close();
            return;
        }
        long received = 0;
        byte[] buffer = new byte[64 * 1024];
        for (int r; (r = exchange.getRequestBody().read(buffer)) > 0; ) {
            received += r;
        }
        lastHeaders.put(":received-bytes", Long.toString(received));
        int status = 200;
        if (failWith != 0) {
            status = failWith;
        } else if (path.startsWith("/status/")) {
            status = Integer.parseInt(path.substring(8));
        } else if (path.startsWith("/delay/")) {
            try {
                Thread.sleep(Long.parseLong(path.substring(7)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (path.startsWith("/flaky/")) {
            int failures = Integer.parseInt(path.substring(7));
            String key = exchange.getRequestURI().getQuery();
            if (flaky.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() <= failures) {
                status = 503;
            }
        }
        byte[] body = (name + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Host"))
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("x-backend-name", name);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
