package io.gwctl.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gwctl shell} on a real terminal: tmux runs bash, the test types as a person would (send-keys) and reads
 * the screen (capture-pane). Skipped where tmux is not installed.
 */
@Timeout(180)
class ShellTmuxTest {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Path SAMPLE = Path.of("..", "samples", "httpbin-gateway.yaml").toAbsolutePath().normalize();

    @TempDir
    Path work;

    private Path socket;

    @AfterEach
    void stopTmux() throws IOException, InterruptedException {
        if (socket != null && Files.exists(socket)) {
            tmux("kill-server");
            waitForTmuxToEnd();
        }
    }

    @Test
    void tabCompletesCommandsAndCtrlCStopsRunGatewayBackToThePrompt() throws Exception {
        assumeTrue(tmuxInstalled(), "tmux is not installed");
        socket = work.resolve("tmux.sock");
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path launcher = bin.resolve("gwctl");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -cp '" + System.getProperty("java.class.path") + "' io.gwctl.cli.Main \"$@\"\n");
        assertThat(launcher.toFile().setExecutable(true)).isTrue();
        tmux("new-session", "-d", "-x", "160", "-y", "50", "env", "HOME=" + work, "PATH=" + bin + ":/usr/bin:/bin",
                "TERM=xterm", "PS1=$ ", "HISTFILE=/dev/null", "bash", "--norc", "--noprofile");

        tmux("send-keys", "gwctl shell", "Enter");
        waitForScreen(s -> lastLine(s).equals("gwctl>"), "the shell's prompt (capture-pane drops its trailing space)");

        tmux("send-keys", "pro", "Tab");
        waitForScreen(s -> s.contains("gwctl> proxy-config"), "pro<Tab> completing to proxy-config");

        tmux("send-keys", "r", "Tab");
        waitForScreen(s -> s.contains("gwctl> proxy-config routes"), "proxy-config r<Tab> completing to routes");
        tmux("send-keys", "C-u");

        tmux("send-keys", "run-gateway -f " + SAMPLE + " --port-map 80=0 --admin-address off --access-log off", "Enter");
        waitForScreen(s -> s.contains("ready"), "run-gateway's ready line");
        tmux("send-keys", "C-c");
        waitForScreen(s -> s.contains("draining") && lastLine(s).equals("gwctl>"), "Ctrl-C back to the prompt");

        tmux("send-keys", "version", "Enter");
        waitForScreen(s -> s.contains("Kubernetes and Istio APIs:") && lastLine(s).equals("gwctl>"),
                "a command after run-gateway");
        tmux("send-keys", "valid");
        waitForScreen(s -> lastLine(s).equals("gwctl> valid"), "the typed word");
        tmux("send-keys", "C-c");
        waitForScreen(s -> lastLine(s).equals("gwctl>"), "Ctrl-C at the prompt dropping the line");
        tmux("send-keys", "exit", "Enter");
        waitForScreen(s -> lastLine(s).equals("$"), "bash's prompt after exit");

        assertThat(Files.readString(work.resolve(".gwctl_history"), StandardCharsets.UTF_8))
                .contains("run-gateway -f " + SAMPLE, "version", "exit");

        tmux("send-keys", "exit", "Enter");
        waitForTmuxToEnd();
    }

    /** The last session closed ends the server; waited for, so nothing still writes in the temporary directory. */
    private void waitForTmuxToEnd() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            Process p = new ProcessBuilder("tmux", "-S", socket.toString(), "has-session").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() != 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("tmux did not end after bash's exit");
    }

    private static String lastLine(String screen) {
        List<String> lines = screen.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private void waitForScreen(Predicate<String> done, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = tmux("capture-pane", "-p");
            if (done.test(screen)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + what + " within " + START + "; the screen:\n" + screen);
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("tmux " + List.of(args) + " did not finish");
        }
        return out;
    }

    private static boolean tmuxInstalled() {
        try {
            Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
