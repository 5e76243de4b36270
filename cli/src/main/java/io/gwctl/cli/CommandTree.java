package io.gwctl.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The visible commands of a command line: what completion scripts and the command reference are generated from. */
public final class CommandTree {

    private CommandTree() {
    }

    /** The root and every subcommand that is not hidden, parents before children, each once. */
    public static List<CommandSpec> visible(CommandLine root) {
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
}
