package io.gwctl.cli.shell;

import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.GwctlCommand;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code use}, inside {@code gwctl shell}: set, show or clear the session's {@code -f} and {@code -n} defaults. */
@Command(name = "use",
        description = {"Remember -f and -n for the rest of the session: every command that takes them and is given "
                + "none gets these. Without options, show what is remembered."})
public final class UseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--filename"}, paramLabel = "PATH",
            description = "A file or directory the commands read when given no -f. Repeatable.")
    List<String> paths = new ArrayList<>();

    @Option(names = "--clear", description = "Forget the remembered -f and -n.")
    boolean clear;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    private final SessionDefaults defaults;

    public UseCommand(SessionDefaults defaults) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> missing = paths.stream().filter(p -> !p.equals("-") && !Files.exists(Path.of(p))).toList();
        if (!missing.isEmpty()) {
            spec.commandLine().getErr().println("Error: no such file or directory: " + String.join(", ", missing));
            return ExitCodes.USAGE;
        }
        if (paths.contains("-")) {
            spec.commandLine().getErr().println("Error: -f - (standard input) cannot be remembered in the shell");
            return ExitCodes.USAGE;
        }
        if (clear) {
            defaults.clear();
        }
        // -n is gwctl's global option: `use -n ns` remembers what it was given here.
        defaults.use(paths, GwctlCommand.clusterOptions(spec).namespace().orElse(null));
        out.println(describe(defaults));
        out.flush();
        return ExitCodes.OK;
    }

    static String describe(SessionDefaults defaults) {
        StringBuilder line = new StringBuilder("using");
        defaults.paths().forEach(p -> line.append(" -f ").append(p));
        defaults.namespace().ifPresent(ns -> line.append(" -n ").append(ns));
        return line.length() == "using".length() ? "no defaults: commands use only what their line gives" : line.toString();
    }
}
