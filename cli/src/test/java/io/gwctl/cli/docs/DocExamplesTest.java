package io.gwctl.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.gwctl.cli.cluster.MockCluster;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of the user guide are real: every fenced block in {@code docs/*.md} that starts with a line
 * {@code $ gwctl ...} is run from the project root against the bundled files, and what it prints (standard error,
 * then standard output) must be the rest of the block. A block right after {@code <!-- not checked: why -->} is
 * left alone (it needs a running gateway, a terminal, or this machine's versions). The {@code --from-cluster}
 * examples read an API server (fabric8's mock, CRUD mode) holding the objects of {@code docs/examples/cluster/},
 * through a kubeconfig whose current context has namespace {@code web}.
 *
 * <p>Each command runs in its own JVM on this test's classpath, as the launcher would, since only a process can
 * have the project root as its working directory and the examples' relative paths must print as written.
 * {@code -Dgolden.update=true} rewrites the outputs in the pages (review the diff).
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(600)
class DocExamplesTest {

    static KubernetesMockServer server;
    static KubernetesClient client;
    private static Path kubeconfig;

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String PROMPT = "$ gwctl ";
    private static final String NOT_CHECKED = "<!-- not checked:";
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    /** One example: the command line and the output the page shows for it. */
    record Example(Path page, int line, String command, List<String> shown) {
        @Override
        public String toString() {
            return ROOT.relativize(page) + ":" + line + ": $ gwctl " + command;
        }
    }

    @BeforeAll
    static void liveCluster(@TempDir Path dir) throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("docs/examples/cluster"))) {
            for (Path file : files.sorted().toList()) {
                MockCluster.create(client, Files.readString(file).replaceAll("(?m)^#.*\\n", ""));
            }
        }
        kubeconfig = MockCluster.kubeconfig(dir, server, "web");
    }

    @TestFactory
    Stream<DynamicTest> everyCheckedExampleShowsWhatGwctlPrints() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path page : pages()) {
            List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
            List<Example> examples = examples(page, lines);
            if (UPDATE) {
                tests.add(DynamicTest.dynamicTest(ROOT.relativize(page) + " (update)", () -> update(page, lines, examples)));
                continue;
            }
            for (Example e : examples) {
                tests.add(DynamicTest.dynamicTest(e.toString(), () -> assertThat(run(e.command()))
                        .as("%s: the page shows other output than gwctl prints; run with -Dgolden.update=true and "
                                + "review the diff", e)
                        .isEqualTo(String.join("\n", e.shown()) + "\n")));
            }
        }
        assertThat(tests).as("checked examples in docs/").hasSizeGreaterThan(5);
        return tests.stream();
    }

    @Test
    void blocksAfterTheNotCheckedMarkAndBlocksWithoutThePromptAreNotExamples() {
        List<String> page = List.of("```text", "$ gwctl validate -f a.yaml", "ok", "```", "",
                "<!-- not checked: needs a running gateway -->", "```text", "$ gwctl pc routes --admin http://x", "```",
                "```text", "gwctl validate -f PATH", "```");

        List<Example> examples = examples(ROOT.resolve("docs/x.md"), page);

        assertThat(examples).singleElement().satisfies(e -> {
            assertThat(e.command()).isEqualTo("validate -f a.yaml");
            assertThat(e.shown()).containsExactly("ok");
        });
        assertThat(words("pc trace http://h/ -H 'x-user: a b' -X \"GET\""))
                .containsExactly("pc", "trace", "http://h/", "-H", "x-user: a b", "-X", "GET");
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    /** The examples of a page: fenced blocks starting with the prompt, not after a not-checked mark. */
    static List<Example> examples(Path page, List<String> lines) {
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("```") || i + 1 >= lines.size() || !lines.get(i + 1).startsWith(PROMPT)) {
                continue;
            }
            int end = i + 2;
            while (end < lines.size() && !lines.get(end).startsWith("```")) {
                end++;
            }
            if (!previousText(lines, i).startsWith(NOT_CHECKED)) {
                out.add(new Example(page, i + 2, lines.get(i + 1).substring(PROMPT.length()),
                        List.copyOf(lines.subList(i + 2, end))));
            }
            i = end;
        }
        return out;
    }

    private static String previousText(List<String> lines, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i).strip();
            }
        }
        return "";
    }

    private static void update(Path page, List<String> lines, List<Example> examples) throws Exception {
        List<String> out = new ArrayList<>(lines);
        // From the last example back, so earlier line numbers stay right.
        for (int k = examples.size() - 1; k >= 0; k--) {
            Example e = examples.get(k);
            int first = e.line();
            List<String> printed = run(e.command()).lines().toList();
            for (int n = 0; n < e.shown().size(); n++) {
                out.remove(first);
            }
            out.addAll(first, printed);
        }
        Files.write(page, out, StandardCharsets.UTF_8);
    }

    /** Standard error, then standard output, of {@code gwctl COMMAND} run in the project root. */
    private static String run(String command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.gwctl.cli.Main"));
        args.addAll(words(command));
        ProcessBuilder pb = new ProcessBuilder(args).directory(ROOT.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().put("NO_COLOR", "1");
        pb.environment().put("KUBECONFIG", kubeconfig.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("gwctl " + command + " did not finish in 60s");
        }
        return err.join() + out.join();
    }

    /** The words of a command line, as a shell splits it: on blanks, with single or double quotes grouping. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
