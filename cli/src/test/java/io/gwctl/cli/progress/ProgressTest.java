package io.gwctl.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.cli.CliRunner;
import io.gwctl.cli.CommandLineFactory;
import io.gwctl.cli.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ProgressTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final StringWriter err = new StringWriter();
    private long now;

    private Progress progress(boolean enabled) {
        return new Progress(new PrintWriter(err), "validating", "files", () -> now, enabled);
    }

    @Test
    void redrawsAtMostTenTimesASecondAndErasesAtTheEnd() {
        Progress p = progress(true);

        p.loaded(1, 5000);
        now = 50 * MS;
        p.loaded(2, 5000);
        assertThat(err.toString()).as("nothing within the first tenth of a second").isEmpty();

        now = 100 * MS;
        p.loaded(1200, 5000);
        now = 150 * MS;
        p.loaded(1300, 5000);
        now = 200 * MS;
        p.loaded(1400, 5000);
        assertThat(err.toString()).isEqualTo("\rvalidating 1200/5000 files...\rvalidating 1400/5000 files...");

        p.close();
        assertThat(err.toString()).endsWith("\r" + " ".repeat("validating 1400/5000 files...".length()) + "\r");
    }

    @Test
    void aShorterLineCoversTheLongerOneAndLateCountsAreIgnored() {
        Progress p = progress(true);
        now = 100 * MS;
        p.loaded(10, 20);
        now = 200 * MS;
        p.loaded(9, 20);
        assertThat(err.toString()).as("a count that arrives late from another thread is not drawn")
                .isEqualTo("\rvalidating 10/20 files...");
    }

    @Test
    void workDoneWithinATenthOfASecondShowsNothing() {
        Progress p = progress(true);
        for (int i = 1; i <= 1000; i++) {
            p.loaded(i, 1000);
        }
        p.close();

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void statusLinesOfWorkWithoutATotalFollowTheSameRule() {
        Progress p = progress(true);
        p.status("reading Gateways from cluster dev: 0 objects");
        now = 100 * MS;
        p.status("reading VirtualServices from cluster dev: 1,240 objects");
        now = 150 * MS;
        p.status("reading Pods from cluster dev: 1,300 objects");
        assertThat(err.toString()).as("nothing in the first tenth of a second, then at most ten a second")
                .isEqualTo("\rreading VirtualServices from cluster dev: 1,240 objects");

        now = 200 * MS;
        p.status("reading Pods from cluster dev: 1,400 objects");
        p.close();
        String longest = "reading VirtualServices from cluster dev: 1,240 objects";
        String shorter = "reading Pods from cluster dev: 1,400 objects";
        assertThat(err.toString()).as("a shorter line covers the longer one; the end erases the longest")
                .endsWith("\r" + shorter + " ".repeat(longest.length() - shorter.length())
                        + "\r" + " ".repeat(longest.length()) + "\r");
    }

    @Test
    void disabledDrawsNothing() {
        Progress p = progress(false);
        now = 500 * MS;
        p.loaded(1, 5000);
        p.status("reading Pods from cluster dev: 1 object");
        p.close();

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void onlyAPersonAtATerminalWithoutDataOutputGetsProgress() {
        assertThat(Progress.wanted(env(true, Map.of("TERM", "xterm")), false)).isTrue();
        assertThat(Progress.wanted(env(false, Map.of("TERM", "xterm")), false)).as("piped or redirected").isFalse();
        assertThat(Progress.wanted(env(true, Map.of("TERM", "dumb")), false)).as("no carriage return").isFalse();
        assertThat(Progress.wanted(env(true, Map.of("TERM", "xterm")), true)).as("-o json|yaml").isFalse();
    }

    @Test
    void validateOfManyFilesPrintsNothingOnStderrWithoutATerminal(@TempDir Path dir) throws IOException {
        writeServices(dir, 2000);

        CliRunner.Result r = CliRunner.run("validate", "-f", dir.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).isEmpty();
        assertThat(r.out()).as(r.toString()).contains("in 2000 resources from 2000 files");
    }

    @Test
    void validateWithDataOutputOnATerminalPrintsNothingOnStderr(@TempDir Path dir) throws IOException {
        writeServices(dir, 2000);
        StringWriter out = new StringWriter();
        StringWriter stderr = new StringWriter();

        int code = CommandLineFactory.create(new PrintWriter(out, true), new PrintWriter(stderr, true),
                env(true, Map.of("TERM", "xterm", "NO_COLOR", "1"))).execute("validate", "-o", "json", "-f", dir.toString());

        assertThat(code).as(stderr.toString()).isZero();
        assertThat(stderr.toString()).isEmpty();
        assertThat(out.toString()).startsWith("{");
    }

    private static Environment env(boolean terminal, Map<String, String> vars) {
        return new Environment(InputStream.nullInputStream(), vars, terminal);
    }

    private static void writeServices(Path dir, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            Files.writeString(dir.resolve("svc-" + i + ".yaml"), """
                    apiVersion: v1
                    kind: Service
                    metadata:
                      name: svc-%d
                    spec:
                      ports:
                      - port: 80
                    """.formatted(i));
        }
    }
}
