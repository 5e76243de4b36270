package io.gwctl.cli.completion;

import io.gwctl.cli.CommandLineFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * Runs a real shell that sources a generated completion script and completes one command line, the way the
 * shell does at a Tab press: {@code COMP_WORDS}, {@code COMP_CWORD} and {@code COMP_LINE} set, the completion
 * function called, {@code COMPREPLY} printed one candidate a line.
 *
 * <p>{@code gwctl} inside the script is a shell function that runs this JVM's classpath, so the hidden
 * {@code __complete} command the script calls is the real one, not a stub.
 */
final class ShellDriver {

    private ShellDriver() {
    }

    /** Whether {@code shell} can be run here. */
    static boolean available(String shell) {
        try {
            Process p = new ProcessBuilder(shell, "-c", "exit 0").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The script {@code gwctl completion SHELL} prints, from the real command model. */
    static String script(String shell) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = CommandLineFactory.create(new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(new byte[0]), Map.of());
        int code = cmd.execute("completion", shell);
        if (code != 0) {
            throw new AssertionError("gwctl completion " + shell + " exited " + code + ": " + err);
        }
        return out.toString();
    }

    /**
     * A shell, and how it runs a bash completion function.
     *
     * @param name     the executable, and the argument of {@code gwctl completion}
     * @param setup    run before the script is sourced, as a user's rc file would
     * @param callMode run just before the completion function is called
     */
    record Shell(String name, String setup, String callMode) {
        static final Shell BASH = new Shell("bash", "", "");
        /**
         * zsh with its completion system and bashcompinit loaded; bashcompinit's {@code compgen -F} calls the
         * function under {@code emulate sh} with ksh globbing (zsh Completion/bashcompinit), so the test does too.
         */
        static final Shell ZSH = new Shell("zsh", "autoload -U +X compinit && compinit -u\nautoload -U +X bashcompinit && bashcompinit\n",
                "emulate sh\nsetopt kshglob noshglob braceexpand\n");
    }

    /** The candidates for the last of {@code words} (the word being completed, possibly empty), sorted. */
    static List<String> complete(Path work, Shell shell, String... words) throws IOException, InterruptedException {
        Path script = writeScript(work, shell.name());
        String driver = shell.setup() + """
                source "$GWCTL_SCRIPT"
                gwctl() { "$GWCTL_JAVA" -cp "$GWCTL_CP" io.gwctl.cli.Main "$@"; }
                """ + shell.callMode() + """
                COMP_WORDS=("$@")
                COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
                COMP_LINE="${COMP_WORDS[*]}"
                COMP_POINT=${#COMP_LINE}
                COMPREPLY=()
                _gwctl_complete gwctl "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}" 2>/dev/null
                printf '%s\\n' "${COMPREPLY[@]}"
                """;
        List<String> command = new ArrayList<>(List.of(shell.name(), "-c", driver, "driver"));
        command.addAll(List.of(words));
        return run(work, script, command, shell.name() + " completion of " + List.of(words));
    }

    /**
     * Writes the script for {@code shell} where file name completion in {@code work} does not see it (a dot
     * directory).
     */
    static Path writeScript(Path work, String shell) throws IOException {
        Path dir = Files.createDirectories(work.resolve(".completion"));
        Path script = dir.resolve("gwctl." + shell);
        Files.writeString(script, script(shell), StandardCharsets.UTF_8);
        return script;
    }

    /**
     * Runs {@code command} in {@code work} with {@code GWCTL_SCRIPT}, {@code GWCTL_JAVA} and {@code GWCTL_CP}
     * set; its output lines, sorted, without empty ones.
     */
    static List<String> run(Path work, Path script, List<String> command, String what)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
        pb.environment().put("GWCTL_SCRIPT", script.toString());
        pb.environment().put("GWCTL_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().put("GWCTL_CP", System.getProperty("java.class.path"));
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(what + " did not finish in 60s");
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(what + ": exit " + p.exitValue() + ": " + err.join());
        }
        return out.join().lines().filter(l -> !l.isEmpty()).sorted().toList();
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
