package io.gwctl.cli.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The fish script, loaded into a real fish and asked with {@code complete -C}, fish's own completion query. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FishCompletionScriptTest {

    @TempDir
    Path work;

    @BeforeAll
    static void needsFish() {
        assumeTrue(ShellDriver.available("fish"), "fish is not installed");
    }

    /** The candidates fish offers for {@code line}, without their descriptions. */
    private List<String> complete(String line) throws Exception {
        Path script = ShellDriver.writeScript(work, "fish");
        String driver = """
                source $GWCTL_SCRIPT
                function gwctl; $GWCTL_JAVA -cp $GWCTL_CP io.gwctl.cli.Main $argv; end
                # Candidates without their descriptions; string replace fails when there is nothing to replace.
                complete -C $argv[1] | string replace -r '\\t.*' ''
                true
                """;
        return ShellDriver.run(work, script, List.of("fish", "-c", driver, line), "fish completion of " + line);
    }

    @Test
    void subcommandsNestedSubcommandsAndAliases() throws Exception {
        assertThat(complete("gwctl pro")).containsExactly("proxy-config");
        assertThat(complete("gwctl proxy-config r")).containsExactly("routes");
        assertThat(complete("gwctl pc r")).as("an alias leads to the same subcommands").containsExactly("routes");
        assertThat(ShellDriver.script("fish")).as("__complete is hidden").doesNotContain("__complete'");
    }

    @Test
    void optionsAndEnumValues() throws Exception {
        assertThat(complete("gwctl validate --out")).containsExactly("--output");
        assertThat(complete("gwctl validate -o ")).containsExactly("json", "text", "yaml");
        assertThat(complete("gwctl completion ")).containsExactly("bash", "fish", "zsh");
    }

    @Test
    void filesForFAndGatewaysForGateway() throws Exception {
        Path gw = work.resolve("gw.yaml");
        Files.writeString(gw, GatewayNamesTest.TWO_GATEWAYS);
        assertThat(complete("gwctl validate -f g")).containsExactly("gw.yaml");
        assertThat(complete("gwctl run-gateway -f " + gw + " --gateway "))
                .containsExactly("default/shop", "istio-system/public");
    }
}
