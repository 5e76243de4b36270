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

/**
 * The zsh script (the bash one run through zsh's bashcompinit) in a real zsh. zsh's {@code compgen} leaves
 * matching the typed prefix to zsh's own completion, so the candidates here are all of them, unfiltered.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ZshCompletionScriptTest {

    @TempDir
    Path work;

    @BeforeAll
    static void needsZsh() {
        assumeTrue(ShellDriver.available("zsh"), "zsh is not installed");
    }

    @Test
    void subcommandsAndNestedSubcommands() throws Exception {
        assertThat(ShellDriver.complete(work, ShellDriver.Shell.ZSH, "gwctl", "pro")).contains("proxy-config", "validate");
        assertThat(ShellDriver.complete(work, ShellDriver.Shell.ZSH, "gwctl", "proxy-config", "r")).contains("routes", "trace");
    }

    @Test
    void enumValues() throws Exception {
        assertThat(ShellDriver.complete(work, ShellDriver.Shell.ZSH, "gwctl", "validate", "-o", ""))
                .containsExactly("json", "text", "yaml");
    }

    @Test
    void gatewayNamesFromTheFilesOnTheLine() throws Exception {
        Path gw = work.resolve("gw.yaml");
        Files.writeString(gw, GatewayNamesTest.TWO_GATEWAYS);
        assertThat(ShellDriver.complete(work, ShellDriver.Shell.ZSH, "gwctl", "run-gateway", "-f", gw.toString(), "--gateway", ""))
                .containsExactly("default/shop", "istio-system/public");
    }
}
