package io.gwctl.cli.completion;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Walks the visible commands of a command line: what every completion script is generated from. */
final class CommandTree {

    private CommandTree() {
    }

    /** The root and every subcommand that is not hidden, parents before children, each once. */
    static List<CommandSpec> visible(CommandLine root) {
        List<CommandSpec> out = new ArrayList<>();
        collect(root.getCommandSpec(), out);
        return out;
    }

    private static void collect(CommandSpec spec, List<CommandSpec> out) {
        out.add(spec);
        for (CommandLine sub : new LinkedHashSet<>(spec.subcommands().values())) {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                collect(sub.getCommandSpec(), out);
            }
        }
    }

    /** The names of the visible options anywhere in the tree whose values complete as {@code kind}. */
    static Set<String> optionNames(CommandLine root, ValueCompletion kind) {
        Set<String> names = new LinkedHashSet<>();
        for (CommandSpec spec : visible(root)) {
            for (OptionSpec option : spec.options()) {
                if (!option.hidden() && ValueCompletion.of(option) == kind) {
                    names.addAll(List.of(option.names()));
                }
            }
        }
        return names;
    }
}
