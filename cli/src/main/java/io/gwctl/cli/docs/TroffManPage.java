package io.gwctl.cli.docs;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A man page in troff ({@code man(7)} macros) for one command, written straight from the picocli model so
 * {@code man gwctl-validate} works without an AsciiDoc toolchain: NAME, SYNOPSIS, DESCRIPTION, OPTIONS,
 * ARGUMENTS, COMMANDS and SEE ALSO, the sections picocli's AsciiDoc man pages have.
 */
public final class TroffManPage {

    private TroffManPage() {
    }

    /** The file name: {@code gwctl-proxy-config-routes.1}. */
    public static String fileName(CommandSpec spec) {
        return spec.qualifiedName("-") + ".1";
    }

    /**
     * The page for {@code spec}.
     *
     * @param source the {@code .TH} source field: the program and its version ({@code gwctl 0.1.0})
     */
    public static String render(CommandSpec spec, String source) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(source, "source");
        StringBuilder out = new StringBuilder();
        String name = spec.qualifiedName("-");
        String root = spec.root().name();
        out.append(".TH \"").append(name.toUpperCase(Locale.ROOT)).append("\" \"1\" \"\" \"")
                .append(escape(source)).append("\" \"").append(Character.toUpperCase(root.charAt(0)))
                .append(root.substring(1)).append(" Manual\"\n");
        out.append(".SH NAME\n").append(escape(name)).append(" \\- ").append(escape(summary(spec))).append('\n');
        Help help = new Help(spec, Help.defaultColorScheme(Ansi.OFF));
        out.append(".SH SYNOPSIS\n.nf\n").append(text(help.synopsis(0).stripTrailing())).append("\n.fi\n");
        out.append(".SH DESCRIPTION\n");
        for (String line : spec.usageMessage().description()) {
            out.append(text(line.replace("%n", "\n"))).append("\n.PP\n");
        }
        List<OptionSpec> options = spec.options().stream().filter(o -> !o.hidden()).toList();
        if (!options.isEmpty()) {
            out.append(".SH OPTIONS\n");
            for (OptionSpec option : options) {
                out.append(".TP\n").append(optionLabel(option)).append('\n')
                        .append(text(String.join(" ", option.description()))).append('\n');
            }
        }
        List<PositionalParamSpec> positionals = spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        if (!positionals.isEmpty()) {
            out.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec p : positionals) {
                out.append(".TP\n\\fI").append(escape(p.paramLabel())).append("\\fR\n")
                        .append(text(String.join(" ", p.description()))).append('\n');
            }
        }
        Set<CommandSpec> subs = subcommands(spec);
        if (!subs.isEmpty()) {
            out.append(".SH COMMANDS\n");
            for (CommandSpec sub : subs) {
                out.append(".TP\n\\fB").append(escape(sub.name())).append("\\fR\n").append(text(summary(sub))).append('\n');
            }
        }
        Set<String> related = new LinkedHashSet<>();
        if (spec.parent() != null) {
            related.add(spec.parent().qualifiedName("-"));
        }
        subs.forEach(s -> related.add(s.qualifiedName("-")));
        if (!related.isEmpty()) {
            out.append(".SH SEE ALSO\n");
            out.append(String.join(",\n", related.stream().map(r -> "\\fB" + escape(r) + "\\fR(1)").toList())).append('\n');
        }
        return out.toString();
    }

    private static Set<CommandSpec> subcommands(CommandSpec spec) {
        Set<CommandSpec> subs = new LinkedHashSet<>();
        for (CommandLine sub : spec.subcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                subs.add(sub.getCommandSpec());
            }
        }
        return subs;
    }

    /** A command's header, else the first line of its description. */
    static String summary(CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        String[] lines = header.length > 0 && !header[0].isBlank() ? header : spec.usageMessage().description();
        return lines.length == 0 ? "" : lines[0].replace("%n", " ").strip();
    }

    private static String optionLabel(OptionSpec option) {
        String names = String.join(", ", List.of(option.names()).stream().map(n -> "\\fB" + escape(n) + "\\fR").toList());
        return option.arity().max() == 0 ? names : names + "=\\fI" + escape(option.paramLabel()) + "\\fR";
    }

    /** Running text: escaped, and no line may start with a control character. */
    private static String text(String s) {
        StringBuilder out = new StringBuilder();
        for (String line : escape(s).split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(line.startsWith(".") || line.startsWith("'") ? "\\&" + line : line);
        }
        return out.toString();
    }

    /** troff escapes: a backslash is {@code \e}, a hyphen-minus {@code \-} so it is not a typographic hyphen. */
    static String escape(String s) {
        return s.replace("\\", "\\e").replace("-", "\\-");
    }
}
