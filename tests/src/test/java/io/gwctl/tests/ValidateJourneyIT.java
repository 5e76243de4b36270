package io.gwctl.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.tests.Gwctl.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user checking config with {@code gwctl validate}, from the README's quick start on. */
class ValidateJourneyIT {

    @TempDir
    Path work;

    @Test
    void theQuickStartSampleIsValid() throws Exception {
        Path samples = Gwctl.projectDir().resolve("samples").toAbsolutePath();
        Run r = Gwctl.run(work, "", Map.of(), "validate", "-f", samples.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).containsPattern("(?m)^0 errors, ").doesNotContain("error GW");
    }

    @Test
    void aBrokenGatewayFailsWithTheLineAndNoStackTrace() throws Exception {
        Files.writeString(work.resolve("gw.yaml"), """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata:
                  name: gw
                  namespace: istio-system
                spec:
                  selector:
                    istio: ingressgateway
                  servers:
                  - port:
                      number: 70000
                      name: http
                      protocol: HTTP
                    hosts: ["shop.example.com"]
                """);
        Run r = Gwctl.run(work, "", Map.of(), "validate", "-f", "gw.yaml");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).as(r.toString()).contains(
                "gw.yaml:11:7: error GW0207 Gateway istio-system/gw: port number 70000 must be in the range 1..65535");
        assertThat(r.err()).as(r.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void standardInputAndJsonOutputForScripts() throws Exception {
        String yaml = "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{name: http, port: 80}]\n";
        Run r = Gwctl.run(work, yaml, Map.of(), "validate", "-f", "-", "-o", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).startsWith("{").contains("\"summary\"").contains("\"resources\": 1");
    }

    @Test
    void aMissingPathExitsTwo() throws Exception {
        Run r = Gwctl.run(work, "", Map.of(), "validate", "-f", "missing.yaml");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).as(r.toString()).isEqualTo("Error: no such file or directory: missing.yaml\n");
    }

    @Test
    void noColourWhenOutputIsPiped() throws Exception {
        Files.writeString(work.resolve("empty.yaml"), "");
        Run r = Gwctl.run(work, "", Map.of("TERM", "xterm-256color"), "validate", "-f", "empty.yaml");
        assertThat(r.out()).as(r.toString()).doesNotContain("\033[");
    }
}
