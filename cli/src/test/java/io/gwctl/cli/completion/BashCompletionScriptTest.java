package io.gwctl.cli.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The bash script, sourced into a real bash and completing real command lines. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BashCompletionScriptTest {

    @TempDir
    Path work;

    @BeforeAll
    static void needsBash() {
        assumeTrue(ShellDriver.available("bash"), "bash is not installed");
    }

    @Test
    void aPrefixCompletesToTheSubcommand() throws Exception {
        assertThat(ShellDriver.complete(work, ShellDriver.Shell.BASH, "gwctl", "pro")).containsExactly("proxy-config");
    }

    @Test
    void aNestedPrefixCompletesToTheNestedSubcommand() throws Exception {
        assertThat(ShellDriver.complete(work, ShellDriver.Shell.BASH, "gwctl", "proxy-config", "r")).containsExactly("routes");
    }

    @Test
    void anEnumOptionCompletesToItsValues() throws Exception {
        assertThat(ShellDriver.complete(work, ShellDriver.Shell.BASH, "gwctl", "validate", "-o", ""))
                .containsExactly("json", "text", "yaml");
        assertThat(ShellDriver.complete(work, ShellDriver.Shell.BASH, "gwctl", "proxy-config", "routes", "-o", ""))
                .containsExactly("json", "table", "yaml");
    }

    @Test
    void theHiddenCommandIsNotOffered() throws Exception {
        assertThat(ShellDriver.complete(work, ShellDriver.Shell.BASH, "gwctl", "_"))
                .as("__complete is for scripts, never typed").isEmpty();
    }

    @Test
    void fileOptionsCompleteFileNames() throws Exception {
        Files.writeString(work.resolve("gateway.yaml"), "");
        Files.createDirectory(work.resolve("config"));
        assertThat(ShellDriver.complete(work, ShellDriver.Shell.BASH, "gwctl", "validate", "-f", "g")).containsExactly("gateway.yaml");
        assertThat(ShellDriver.complete(work, ShellDriver.Shell.BASH, "gwctl", "run-gateway", "--filename", "c")).containsExactly("config");
    }

    @Test
    void gatewayCompletesTheGatewaysOfTheFilesOnTheLine() throws Exception {
        Path gw = work.resolve("gw.yaml");
        Files.writeString(gw, GatewayNamesTest.TWO_GATEWAYS);
        assertThat(ShellDriver.complete(work, ShellDriver.Shell.BASH, "gwctl", "run-gateway", "-f", gw.toString(), "--gateway", ""))
                .containsExactly("default/shop", "istio-system/public");
        assertThat(ShellDriver.complete(work, ShellDriver.Shell.BASH, "gwctl", "proxy-config", "routes", "-n", "web", "-f", "gw.yaml",
                "--gateway", "w")).as("-n on the line is the namespace of Gateways that set none")
                .containsExactly("web/shop");
    }
}
