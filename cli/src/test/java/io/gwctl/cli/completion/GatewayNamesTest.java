package io.gwctl.cli.completion;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.cli.CliRunner;
import io.gwctl.cli.CliRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gwctl __complete gateways}: names for {@code --gateway}, and silence whatever the line holds. */
class GatewayNamesTest {

    static final String TWO_GATEWAYS = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: shop
            spec:
              selector: {istio: ingressgateway}
            ---
            apiVersion: v1
            kind: List
            items:
            - apiVersion: networking.istio.io/v1beta1
              kind: Gateway
              metadata: {name: public, namespace: istio-system}
            - apiVersion: networking.istio.io/v1
              kind: VirtualService
              metadata: {name: not-a-gateway}
            """;

    @TempDir
    Path work;

    @Test
    void listsEveryGatewayAsNamespaceSlashName() throws Exception {
        Path gw = work.resolve("gw.yaml");
        Files.writeString(gw, TWO_GATEWAYS);
        Result r = CliRunner.run("__complete", "gateways", "-f", gw.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).isEqualTo("default/shop\nistio-system/public\n");
        assertThat(r.err()).as(r.toString()).isEmpty();
    }

    @Test
    void readsDirectoriesAndTheNamespaceOption() throws Exception {
        Files.createDirectories(work.resolve("conf"));
        Files.writeString(work.resolve("conf/gw.yaml"), TWO_GATEWAYS);
        assertThat(GatewayNames.in(List.of(work.resolve("conf").toString()), "web"))
                .containsExactly("istio-system/public", "web/shop");
    }

    @Test
    void badInputGivesNoNamesNoErrorAndExitZero() throws Exception {
        Files.writeString(work.resolve("broken.yaml"), "kind: Gateway\nmetadata: {name: [unclosed\n");
        Files.write(work.resolve("binary.yaml"), new byte[] {0, 1, 2});
        Result r = CliRunner.run("__complete", "gateways", "-f", work.resolve("broken.yaml").toString(),
                "-f", work.resolve("binary.yaml").toString(), "-f", "missing.yaml", "-f", "-", "--unknown", "-f");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).isEmpty();
        assertThat(r.err()).as("completion must never print into the user's prompt: " + r).isEmpty();
    }

    @Test
    void isHiddenFromHelp() {
        Result r = CliRunner.run("--help");
        assertThat(r.out()).as(r.toString()).contains("completion").doesNotContain("__complete");
    }
}
