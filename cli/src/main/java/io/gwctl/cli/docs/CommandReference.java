package io.gwctl.cli.docs;

import io.gwctl.cli.CommandTree;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * The command reference in {@code docs/reference/}: one AsciiDoc man page per visible command, written by
 * picocli-codegen's {@link ManPageGenerator} (GitHub renders AsciiDoc), and a {@code README.md} index.
 *
 * <p>The pages must not change with the build or the machine that makes them, since a test compares them
 * with the committed copy: the root's version, which {@code --version} reads from the jar and the runtime, is
 * replaced by the bare program name.
 */
public final class CommandReference {

    /** The index page GitHub shows for the directory. */
    public static final String INDEX = "README.md";

    private CommandReference() {
    }

    /** File name to content, the index first, then the commands parents before children. */
    public static Map<String, String> pages(CommandLine root) {
        Objects.requireNonNull(root, "root");
        CommandSpec rootSpec = root.getCommandSpec();
        rootSpec.versionProvider(() -> new String[] {rootSpec.name()});
        List<CommandSpec> commands = CommandTree.visible(root);
        commands.forEach(spec -> spec.versionProvider(rootSpec.versionProvider()));
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put(INDEX, index(rootSpec.name(), commands));
        for (CommandSpec spec : commands) {
            StringWriter page = new StringWriter();
            try (PrintWriter pw = new PrintWriter(page)) {
                ManPageGenerator.writeSingleManPage(pw, spec);
            }
            pages.put(fileName(spec), page.toString().replace("\r\n", "\n"));
        }
        return pages;
    }

    /** {@code gwctl-proxy-config-routes.adoc}, as picocli names the page. */
    public static String fileName(CommandSpec spec) {
        return spec.qualifiedName("-") + ".adoc";
    }

    private static String index(String program, List<CommandSpec> commands) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(program).append(" command reference\n\n");
        out.append("Generated from the command model by `CommandReference`; a test fails when it is stale. ")
                .append("The same pages are built as man pages in `cli/target/man/man1/`.\n\n");
        out.append("| command | what it does |\n|---|---|\n");
        for (CommandSpec spec : commands) {
            out.append("| [`").append(spec.qualifiedName(" ")).append("`](").append(fileName(spec)).append(") | ")
                    .append(TroffManPage.summary(spec).replace("|", "\\|")).append(" |\n");
        }
        return out.toString();
    }
}
