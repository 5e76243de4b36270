package io.gwctl.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * docs/reference is the command model, written out: regenerated in memory and compared file by file, so a
 * changed option or description cannot land without its reference page.
 */
class CommandReferenceTest {

    private static final Path REFERENCE = Path.of(System.getProperty("gwctl.reference.dir", "../docs/reference"));
    private static final String UPDATE = "mvn -pl model,validate,translate,proxy-embedded,cli test "
            + "-Dtest=CommandReferenceTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true";

    @Test
    void committedReferenceMatchesTheCommandModel() throws IOException {
        Map<String, String> pages = CommandReference.pages(ReferenceGenerator.commandLine());
        if (Boolean.getBoolean("golden.update")) {
            rewrite(pages);
            return;
        }
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Path file = REFERENCE.resolve(page.getKey());
            if (!Files.exists(file)) {
                stale.add(page.getKey() + " is missing");
            } else if (!Files.readString(file, StandardCharsets.UTF_8).equals(page.getValue())) {
                stale.add(page.getKey() + " differs");
            }
        }
        for (String existing : existing()) {
            if (!pages.containsKey(existing)) {
                stale.add(existing + " is for no command");
            }
        }
        if (!stale.isEmpty()) {
            fail("docs/reference is stale: run " + UPDATE + " and commit docs/reference (" + String.join("; ", stale) + ")");
        }
    }

    @Test
    void everyVisibleCommandHasAPageAndTheHiddenOneHasNone() {
        Map<String, String> pages = CommandReference.pages(ReferenceGenerator.commandLine());
        assertThat(pages).containsKeys("README.md", "gwctl.adoc", "gwctl-validate.adoc", "gwctl-proxy-config-routes.adoc",
                "gwctl-completion.adoc", "gwctl-version.adoc");
        assertThat(pages.keySet()).as("__complete is for completion scripts only").noneMatch(k -> k.contains("__complete"));
        assertThat(pages.get("README.md")).contains("| [`gwctl proxy-config routes`](gwctl-proxy-config-routes.adoc) |");
    }

    @Test
    void manPagesAreTroffWithEscapedHyphens() {
        CommandLine root = ReferenceGenerator.commandLine();
        CommandSpec validate = root.getSubcommands().get("validate").getCommandSpec();
        String page = TroffManPage.render(validate, "gwctl 1.2.3");
        assertThat(page).startsWith(".TH \"GWCTL-VALIDATE\" \"1\" \"\" \"gwctl 1.2.3\" \"Gwctl Manual\"\n")
                .contains(".SH NAME\ngwctl\\-validate \\- Check Istio")
                .contains(".TP\n\\fB\\-o\\fR, \\fB\\-\\-output\\fR=\\fIFORMAT\\fR\nOutput format: text, json, yaml")
                .contains(".SH SEE ALSO\n\\fBgwctl\\fR(1)");
        assertThat(page.lines()).as("no text line may start with a control character")
                .filteredOn(l -> l.startsWith(".") || l.startsWith("'"))
                .allMatch(l -> l.matches("^\\.(TH|SH|TP|PP|nf|fi)( .*)?$"));
    }

    private static TreeSet<String> existing() throws IOException {
        if (!Files.isDirectory(REFERENCE)) {
            return new TreeSet<>();
        }
        try (Stream<Path> files = Files.list(REFERENCE)) {
            return files.map(p -> p.getFileName().toString()).collect(TreeSet::new, TreeSet::add, TreeSet::addAll);
        }
    }

    private static void rewrite(Map<String, String> pages) throws IOException {
        Files.createDirectories(REFERENCE);
        for (String existing : existing()) {
            if (!pages.containsKey(existing)) {
                Files.delete(REFERENCE.resolve(existing));
            }
        }
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Files.writeString(REFERENCE.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
        }
    }
}
