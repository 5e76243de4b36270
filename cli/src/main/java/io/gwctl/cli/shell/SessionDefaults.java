package io.gwctl.cli.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code -f} paths and {@code -n} namespace a shell session remembers ({@code use -f dir/ -n ns}), given to
 * every command that takes them when its line gives none, as kubectl's current context namespace is.
 *
 * <p>A line that names its own source ({@code -f}, a config dump with {@code --file}, a running gateway with
 * {@code --admin}, or {@code --from-cluster}) gets no {@code -f}: a second source would turn a valid line into a
 * usage error.
 */
public final class SessionDefaults {

    /** Options that give a command its config: the remembered {@code -f} is not added next to any of them. */
    private static final List<String> SOURCE_OPTIONS = List.of("-f", "--file", "--admin", "--from-cluster");

    private List<String> paths = List.of();
    private String namespace;

    /** The remembered paths, in the order given; empty when none. */
    public List<String> paths() {
        return paths;
    }

    /** The remembered namespace. */
    public Optional<String> namespace() {
        return Optional.ofNullable(namespace);
    }

    /** Remembers {@code paths} (when not empty) and {@code namespace} (when not null), keeping the other. */
    public void use(List<String> paths, String namespace) {
        Objects.requireNonNull(paths, "paths");
        if (!paths.isEmpty()) {
            this.paths = List.copyOf(paths);
        }
        if (namespace != null) {
            this.namespace = namespace;
        }
    }

    /** Forgets both. */
    public void clear() {
        paths = List.of();
        namespace = null;
    }

    /**
     * The line's arguments with the remembered options added right after the name of the command that runs,
     * for each option that command has and the line does not give.
     *
     * @param root the command line the arguments are for, to find which command runs and the options it takes
     * @param args the words of the line
     */
    public List<String> apply(CommandLine root, List<String> args) {
        CommandLine command = root;
        int end = 0;
        for (int i = 0; i < args.size() && !args.get(i).equals("--"); i++) {
            CommandLine sub = command.getSubcommands().get(args.get(i));
            if (sub != null) {
                command = sub;
                end = i + 1;
            }
        }
        CommandSpec spec = command.getCommandSpec();
        if (spec.userObject() instanceof UseCommand) {
            return args;
        }
        List<String> added = new ArrayList<>();
        if (!paths.isEmpty() && spec.findOption("-f") != null && !givesAny(spec, args, SOURCE_OPTIONS)) {
            paths.forEach(p -> added.addAll(List.of("-f", p)));
        }
        // -n is global, but only commands that read resources (-f) have a use for it.
        if (namespace != null && spec.findOption("-f") != null && spec.findOption("-n") != null
                && !givesAny(spec, args, List.of("-n"))) {
            added.addAll(List.of("-n", namespace));
        }
        if (added.isEmpty()) {
            return args;
        }
        List<String> out = new ArrayList<>(args.subList(0, end));
        out.addAll(added);
        out.addAll(args.subList(end, args.size()));
        return out;
    }

    /** Whether {@code args} give any of the options (by any of their names) that {@code spec} has. */
    private static boolean givesAny(CommandSpec spec, List<String> args, List<String> options) {
        for (String option : options) {
            OptionSpec found = spec.findOption(option);
            if (found == null) {
                continue;
            }
            for (String name : found.names()) {
                for (String arg : args) {
                    if (arg.equals(name) || arg.startsWith(name + "=")
                            || (name.length() == 2 && !name.startsWith("--") && arg.startsWith(name))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
