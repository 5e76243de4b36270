package io.gwctl.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code gwctl run-gateway} as a separate process, the way a user starts it: waits for its {@code ready} line,
 * reads the addresses it prints, and stops it with SIGTERM as a terminal's Ctrl-C or Kubernetes would.
 */
final class RunningGateway implements AutoCloseable {

    private static final Pattern LISTENER = Pattern.compile("^listener (\\S+) on (https?://\\S+)$");
    private static final Pattern ADMIN = Pattern.compile("^admin on (http://\\S+)$");

    private final Process process;
    private final StringBuffer out = new StringBuffer();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer err = new StringBuffer();
    private final List<String> listeners = new ArrayList<>();
    private String admin;

    private RunningGateway(Process process) {
        this.process = process;
        follow(process.getInputStream(), out, "gwctl-stdout");
        follow(process.getErrorStream(), err, "gwctl-stderr");
    }

    /** Reads a stream of the process line by line into {@code text} and the queue of lines to wait on. */
    private void follow(java.io.InputStream stream, StringBuffer text, String name) {
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    text.append(line).append('\n');
                    lines.add(line);
                }
            } catch (IOException e) {
                // The process ended.
            }
        }, name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code gwctl run-gateway ARGS} in {@code workDir} and waits up to 60 s for it to be ready. */
    static RunningGateway start(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Gwctl.launcher().toAbsolutePath().toString());
        command.add("run-gateway");
        command.addAll(List.of(args));
        RunningGateway gw = new RunningGateway(new ProcessBuilder(command).directory(workDir.toFile()).start());
        gw.awaitReady();
        return gw;
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                if (!process.isAlive()) {
                    throw new AssertionError("run-gateway exited with " + process.exitValue() + " before it was ready\n"
                            + out + err);
                }
                continue;
            }
            Matcher l = LISTENER.matcher(line);
            Matcher a = ADMIN.matcher(line);
            if (l.matches()) {
                listeners.add(l.group(2));
            } else if (a.matches()) {
                admin = a.group(1);
            } else if (line.equals("ready")) {
                return;
            }
        }
        process.destroyForcibly();
        throw new AssertionError("run-gateway was not ready within 60 s\n" + out);
    }

    /** The URL of the first listener, e.g. {@code http://127.0.0.1:41233}. */
    String url() {
        return listeners.get(0);
    }

    String admin() {
        return admin;
    }

    /** Waits up to 30 s for a line of standard output or error containing {@code text}. */
    boolean awaitOutput(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.contains(text)) {
                return true;
            }
        }
        return false;
    }

    String output() {
        return out.toString();
    }

    /** SIGTERM, then the exit code (the process is killed if it has not exited within 30 s). */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("run-gateway did not exit within 30 s of SIGTERM\n" + out);
        }
        return process.exitValue();
    }

    /** Standard error so far. */
    String errors() {
        return err.toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
