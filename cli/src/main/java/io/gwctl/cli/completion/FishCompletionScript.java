package io.gwctl.cli.completion;

import io.gwctl.cli.CommandTree;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The fish completion script, generated from the same command model as the bash one: a
 * {@code complete -c gwctl} line per subcommand and per option of each command, with its description,
 * its enum values, files for paths and Gateway names for {@code --gateway}.
 *
 * <p>fish has no notion of subcommands (fish-shell share/completions/git.fish tests the words typed so far
 * in every condition); here one generated function, {@code __gwctl_command}, walks the typed words through
 * the command tree, aliases included, and each line's condition compares its result with the command the
 * line belongs to.
 */
public final class FishCompletionScript {

    private FishCompletionScript() {
    }

    /** The script for the command line whose root is {@code root}. */
    public static String generate(CommandLine root) {
        Objects.requireNonNull(root, "root");
        String name = root.getCommandName();
        List<CommandSpec> commands = CommandTree.visible(root);
        StringBuilder out = new StringBuilder();
        out.append("# fish completion for ").append(name).append(", generated from its command model.\n");
        out.append("# Load it with: ").append(name).append(" completion fish | source\n\n");
        appendCommandFunction(out, name, commands);
        appendGatewaysFunction(out, name);
        out.append("complete -c ").append(name).append(" -f\n");
        for (CommandSpec spec : commands) {
            String condition = "__" + name + "_is " + spec.qualifiedName(" ");
            out.append('\n');
            for (CommandSpec sub : subcommands(spec)) {
                out.append(line(name, condition, "-a " + quote(sub.name()), summary(sub)));
            }
            if (spec.userObject() instanceof HelpCommand && spec.parent() != null) {
                for (CommandSpec sibling : subcommands(spec.parent())) {
                    if (sibling != spec) {
                        out.append(line(name, condition, "-a " + quote(sibling.name()), summary(sibling)));
                    }
                }
            }
            for (OptionSpec option : spec.options()) {
                if (!option.hidden()) {
                    out.append(line(name, condition, optionArgs(option, name), description(option.description())));
                }
            }
            for (PositionalParamSpec positional : spec.positionalParameters()) {
                if (!positional.hidden() && ValueCompletion.of(positional) != ValueCompletion.TEXT) {
                    out.append(line(name, condition, valueArgs(positional, name), description(positional.description())));
                }
            }
        }
        return out.toString();
    }

    private static void appendCommandFunction(StringBuilder out, String name, List<CommandSpec> commands) {
        out.append("# The command path typed so far (\"").append(name).append(" proxy-config routes\"), aliases resolved.\n");
        out.append("function __").append(name).append("_command\n");
        out.append("    set -l path ").append(name).append('\n');
        out.append("    set -l tokens (commandline -opc)\n");
        out.append("    set -e tokens[1]\n");
        out.append("    for token in $tokens\n");
        out.append("        switch \"$path $token\"\n");
        for (CommandSpec spec : commands) {
            for (CommandSpec sub : subcommands(spec)) {
                List<String> cases = new ArrayList<>();
                String parent = spec.qualifiedName(" ");
                cases.add(quote(parent + " " + sub.name()));
                for (String alias : sub.aliases()) {
                    cases.add(quote(parent + " " + alias));
                }
                out.append("            case ").append(String.join(" ", cases)).append('\n');
                out.append("                set path ").append(quote(sub.qualifiedName(" "))).append('\n');
            }
        }
        out.append("        end\n");
        out.append("    end\n");
        out.append("    echo $path\n");
        out.append("end\n\n");
        out.append("function __").append(name).append("_is\n");
        out.append("    test (__").append(name).append("_command) = \"$argv\"\n");
        out.append("end\n\n");
    }

    private static void appendGatewaysFunction(StringBuilder out, String name) {
        out.append("# The Gateways (namespace/name) in the -f files on the line, for --gateway.\n");
        out.append("function __").append(name).append("_gateways\n");
        out.append("    set -l tokens (commandline -opc)\n");
        out.append("    set -l args\n");
        out.append("    for i in (seq 2 (math (count $tokens) - 1))\n");
        out.append("        switch $tokens[$i]\n");
        out.append("            case ").append(String.join(" ", GatewayNames.FORWARDED_OPTIONS)).append('\n');
        out.append("                set -a args $tokens[$i] $tokens[(math $i + 1)]\n");
        out.append("        end\n");
        out.append("    end\n");
        out.append("    ").append(name).append(" __complete gateways $args 2>/dev/null\n");
        out.append("end\n\n");
    }

    private static List<CommandSpec> subcommands(CommandSpec spec) {
        Set<CommandSpec> subs = new LinkedHashSet<>();
        for (CommandLine sub : spec.subcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                subs.add(sub.getCommandSpec());
            }
        }
        return List.copyOf(subs);
    }

    private static String optionArgs(OptionSpec option, String commandName) {
        List<String> args = new ArrayList<>();
        for (String n : option.names()) {
            if (n.startsWith("--")) {
                args.add("-l " + n.substring(2));
            } else if (n.length() == 2) {
                args.add("-s " + n.substring(1));
            } else {
                args.add("-o " + n.substring(1));
            }
        }
        args.add(valueArgs(option, commandName));
        return String.join(" ", args).strip();
    }

    /** fish's flags for the value: {@code -r -F} files, {@code -x -a '…'} fixed values, {@code -x} free text. */
    private static String valueArgs(ArgSpec arg, String commandName) {
        return switch (ValueCompletion.of(arg)) {
            case NONE -> "";
            case FILE -> "-r -F";
            case CANDIDATES -> {
                List<String> values = new ArrayList<>();
                arg.completionCandidates().forEach(values::add);
                yield "-x -a " + quote(String.join(" ", values));
            }
            case GATEWAY -> "-x -a " + quote("(__" + commandName + "_gateways)");
            case TEXT -> "-x";
        };
    }

    private static String line(String name, String condition, String args, String description) {
        return "complete -c " + name + " -n " + quote(condition) + " " + args
                + (description.isEmpty() ? "" : " -d " + quote(description)) + "\n";
    }

    /** A command's header, else the first line of its description. */
    private static String summary(CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        return header.length > 0 && !header[0].isBlank() ? description(header) : description(spec.usageMessage().description());
    }

    /** The first line of a description, as fish shows one line per candidate; picocli's %n is a line break. */
    private static String description(String[] lines) {
        return lines.length == 0 ? "" : lines[0].replace("%n", " ").strip();
    }

    /** A fish single-quoted string: only {@code \} and {@code '} are escaped inside one. */
    static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
