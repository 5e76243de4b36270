package io.gwctl.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.cli.CommandLineFactory;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

@Timeout(30)
class SessionDefaultsTest {

    private final SessionDefaults defaults = new SessionDefaults();
    private CommandLine root;

    @BeforeEach
    void commandLine() {
        root = CommandLineFactory.create(new PrintWriter(PrintWriter.nullWriter()), new PrintWriter(PrintWriter.nullWriter()),
                InputStream.nullInputStream(), Map.of());
        root.addSubcommand(new CommandLine(new UseCommand(defaults)));
        defaults.use(List.of("samples/", "more/"), "shop");
    }

    @Test
    void addsTheDefaultsRightAfterTheCommandThatRuns() {
        assertThat(defaults.apply(root, List.of("proxy-config", "routes", "--name", "http.80")))
                .containsExactly("proxy-config", "routes", "-f", "samples/", "-f", "more/", "-n", "shop", "--name", "http.80");
        assertThat(defaults.apply(root, List.of("pc", "trace", "http://h/")))
                .as("aliases are commands too")
                .containsExactly("pc", "trace", "-f", "samples/", "-f", "more/", "-n", "shop", "http://h/");
    }

    @Test
    void keepsWhatTheLineGives() {
        assertThat(defaults.apply(root, List.of("validate", "-f", "x.yaml", "--namespace=prod")))
                .containsExactly("validate", "-f", "x.yaml", "--namespace=prod");
        assertThat(defaults.apply(root, List.of("validate", "--filename=x.yaml", "-nprod")))
                .containsExactly("validate", "--filename=x.yaml", "-nprod");
    }

    @Test
    void anotherSourceOfConfigTakesNoFileDefault() {
        assertThat(defaults.apply(root, List.of("pc", "routes", "--admin", "http://127.0.0.1:15000")))
                .as("-f next to --admin would be two sources, a usage error")
                .containsExactly("pc", "routes", "-n", "shop", "--admin", "http://127.0.0.1:15000");
        assertThat(defaults.apply(root, List.of("pc", "clusters", "--file", "dump.json")))
                .containsExactly("pc", "clusters", "-n", "shop", "--file", "dump.json");
    }

    @Test
    void commandsWithoutTheOptionsAndUseItselfAreLeftAlone() {
        assertThat(defaults.apply(root, List.of("version"))).containsExactly("version");
        assertThat(defaults.apply(root, List.of("completion", "bash"))).containsExactly("completion", "bash");
        assertThat(defaults.apply(root, List.of("use", "--clear"))).containsExactly("use", "--clear");
    }

    @Test
    void usingKeepsWhatItIsNotGivenAndClearForgetsBoth() {
        defaults.use(List.of(), "prod");
        assertThat(defaults.paths()).containsExactly("samples/", "more/");
        assertThat(defaults.namespace()).contains("prod");

        defaults.clear();
        assertThat(defaults.apply(root, List.of("validate"))).containsExactly("validate");
    }
}
