package io.gwctl.proxy.accesslog;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where access log lines go. Event loops only hand entries over (a non-blocking offer); one writer thread
 * formats and writes them, so a slow terminal or disk never stalls a request. When the queue is full the
 * entry is dropped and counted, as Envoy drops log lines it cannot buffer.
 */
public final class AccessLog implements AutoCloseable {

    private static final int QUEUE = 65_536;

    private final BlockingQueue<AccessLogEntry> queue;
    private final OutputStream out;
    private final boolean closeOut;
    private final Thread writer;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    private AccessLog(OutputStream out, boolean closeOut) {
        this.queue = out == null ? null : new ArrayBlockingQueue<>(QUEUE);
        this.out = out;
        this.closeOut = closeOut;
        if (out == null) {
            this.writer = null;
        } else {
            this.writer = new Thread(this::drain, "gwctl-access-log");
            this.writer.setDaemon(true);
            this.writer.start();
        }
    }

    /** No access log ({@code --access-log off}). */
    public static AccessLog off() {
        return new AccessLog(null, false);
    }

    /** Lines to {@code out}, which stays open ({@code --access-log -}). */
    public static AccessLog to(OutputStream out) {
        return new AccessLog(out, false);
    }

    /** Lines appended to {@code file}. */
    public static AccessLog toFile(Path file) {
        try {
            return new AccessLog(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                    true);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UncheckedIOException("cannot open access log " + file + ": its directory does not exist", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new UncheckedIOException("cannot open access log " + file + ": permission denied", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open access log " + file + ": " + e.getMessage(), e);
        }
    }

    public boolean enabled() {
        return queue != null;
    }

    /** Hands one entry to the writer; never blocks. */
    public void log(AccessLogEntry entry) {
        if (queue != null && !closed && !queue.offer(entry)) {
            dropped.incrementAndGet();
        }
    }

    public long dropped() {
        return dropped.get();
    }

    private void drain() {
        List<AccessLogEntry> batch = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        try {
            while (!closed || !queue.isEmpty()) {
                AccessLogEntry first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 1024);
                for (AccessLogEntry e : batch) {
                    text.append(AccessLogFormat.format(e)).append('\n');
                }
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
                batch.clear();
                text.setLength(0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The log's destination went away (a closed pipe): requests go on without it.
        }
    }

    /** Writes what is queued, then stops the writer. */
    @Override
    public void close() {
        closed = true;
        if (writer != null) {
            try {
                writer.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (closeOut) {
                try {
                    out.close();
                } catch (IOException e) {
                    // Closing a log file that failed to flush leaves nothing else to do.
                }
            }
        }
    }
}
