package io.gwctl.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built launcher ({@code cli/target/gwctl}) as a separate process, the way a user does, with a
 * time limit so a hang fails the test instead of the build.
 */
public final class Gwctl {

    private static final long TIMEOUT_SECONDS = 60;

    private Gwctl() {
    }

    /** What one run printed and returned. */
    public record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    /** The launcher, which {@code mvn verify} builds in the cli module before these tests run. */
    public static Path launcher() {
        Path launcher = Path.of(System.getProperty("gwctl.launcher", "../cli/target/gwctl"));
        assertThat(Files.isExecutable(launcher)).as("launcher " + launcher + " (build it with mvn verify)").isTrue();
        return launcher;
    }

    /** The repository root, for the bundled samples. */
    public static Path projectDir() {
        return Path.of(System.getProperty("gwctl.project.dir", ".."));
    }

    public static Run run(Path workDir, String stdin, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher().toAbsolutePath().toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().remove("NO_COLOR");
        pb.environment().putAll(env);
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("gwctl " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + "s");
        }
        return new Run(p.exitValue(), out.join(), err.join());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
