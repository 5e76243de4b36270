package io.gwctl.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user who downloads {@code gwctl-VERSION.tar.gz}, unpacks it somewhere and runs {@code bin/gwctl} from
 * another directory, with nothing but a Java runtime.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DistributionJourneyIT {

    @TempDir
    Path install;

    @TempDir
    Path work;

    private Path home;

    @BeforeEach
    void unpack() throws Exception {
        Path archive = Path.of(System.getProperty("gwctl.dist.archive", "../cli/target/gwctl-dist.tar.gz"));
        assertThat(Files.isRegularFile(archive)).as("archive " + archive + " (built by mvn package)").isTrue();
        Gwctl.Run tar = run(install, List.of("tar", "-xzf", archive.toAbsolutePath().toString()));
        assertThat(tar.exitCode()).as(tar.toString()).isZero();
        try (var dirs = Files.list(install)) {
            List<Path> top = dirs.toList();
            assertThat(top).as("one top-level directory, gwctl-VERSION").hasSize(1);
            home = top.get(0);
        }
        assertThat(home.getFileName().toString()).startsWith("gwctl-");
    }

    @Test
    void theArchiveHoldsTheLauncherLibrariesCompletionsAndManPages() {
        assertThat(Files.isExecutable(home.resolve("bin/gwctl"))).as("bin/gwctl is executable").isTrue();
        assertThat(home.resolve("lib/gwctl-cli.jar")).isRegularFile();
        assertThat(home.resolve("lib/picocli-4.7.7.jar")).isRegularFile();
        assertThat(home.resolve("lib/picocli-codegen-4.7.7.jar")).as("a build-time tool, not shipped").doesNotExist();
        assertThat(home.resolve("share/completions/gwctl.bash")).isRegularFile();
        assertThat(home.resolve("share/completions/_gwctl")).isRegularFile();
        assertThat(home.resolve("share/completions/gwctl.fish")).isRegularFile();
        assertThat(home.resolve("share/man/man1/gwctl-validate.1")).isRegularFile();
    }

    @Test
    void versionRunsFromAnotherDirectory() throws Exception {
        Gwctl.Run r = run(work, List.of(home.resolve("bin/gwctl").toString(), "--version"));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).startsWith("gwctl " + home.getFileName().toString().substring("gwctl-".length()) + "\n")
                .contains("networking.istio.io/v1").contains("Envoy API: v3");
        assertThat(r.err()).as(r.toString()).isEmpty();
    }

    @Test
    void validateRunsThroughASymlinkFromAnotherDirectory() throws Exception {
        Path samples = Gwctl.projectDir().resolve("samples").toAbsolutePath();
        Path link = Files.createSymbolicLink(work.resolve("gwctl"), home.resolve("bin/gwctl"));
        Gwctl.Run r = run(work, List.of(link.toString(), "validate", "-f", samples.resolve("httpbin-gateway.yaml").toString()));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).containsPattern("(?m)^0 errors, ");
    }

    @Test
    void aShortCommandLeavesAClassDataArchiveThatLaterRunsUse() throws Exception {
        Path samples = Gwctl.projectDir().resolve("samples").toAbsolutePath();
        List<String> validate = List.of(home.resolve("bin/gwctl").toString(), "validate", "-f",
                samples.resolve("httpbin-gateway.yaml").toString());

        Gwctl.Run first = run(work, validate);
        Gwctl.Run second = run(work, validate);

        assertThat(home.resolve("lib/gwctl.jsa")).as("made on the first run, renamed whole").isRegularFile();
        try (var lib = Files.list(home.resolve("lib"))) {
            assertThat(lib.map(f -> f.getFileName().toString())).as("no temporary archive left")
                    .noneMatch(n -> n.startsWith("gwctl.jsa."));
        }
        assertThat(second).as("the archive changes nothing a user sees").isEqualTo(first);
        assertThat(second.err()).isEmpty();
    }

    private static Gwctl.Run run(Path dir, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 60s");
        }
        return new Gwctl.Run(p.exitValue(), out.join(), err.join());
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
