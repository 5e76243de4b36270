package io.gwctl.cli.docs;

import io.gwctl.cli.CommandLineFactory;
import io.gwctl.cli.CommandTree;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Build-time entry point ({@code cli/pom.xml}, package phase): writes the AsciiDoc reference and the troff
 * man pages for every visible command. It needs picocli-codegen, which the build has and the distribution
 * does not ship, so it is never run by {@code gwctl} itself.
 *
 * <p>Usage: {@code ReferenceGenerator REFERENCE_DIR MAN_DIR VERSION}.
 */
public final class ReferenceGenerator {

    private ReferenceGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: ReferenceGenerator REFERENCE_DIR MAN_DIR VERSION");
        }
        Path reference = Files.createDirectories(Path.of(args[0]));
        for (Map.Entry<String, String> page : CommandReference.pages(commandLine()).entrySet()) {
            Files.writeString(reference.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
        }
        Path man = Files.createDirectories(Path.of(args[1]));
        CommandLine root = commandLine();
        for (CommandSpec spec : CommandTree.visible(root)) {
            Files.writeString(man.resolve(TroffManPage.fileName(spec)),
                    TroffManPage.render(spec, root.getCommandName() + " " + args[2]), StandardCharsets.UTF_8);
        }
    }

    /** The real command line, as {@code gwctl} builds it; its streams are never written to here. */
    public static CommandLine commandLine() {
        return CommandLineFactory.create(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new ByteArrayInputStream(new byte[0]), Map.of());
    }
}
