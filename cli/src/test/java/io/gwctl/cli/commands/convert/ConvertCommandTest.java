package io.gwctl.cli.commands.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.cli.CliRunner;
import io.gwctl.cli.CliRunner.Result;
import io.gwctl.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gwctl convert}'s contract: exit codes, stderr notifications, and output written whole or not at all. */
class ConvertCommandTest {

    private static final String INGRESS = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
              namespace: default
              annotations:
                nginx.ingress.kubernetes.io/proxy-body-size: 8m
            spec:
              ingressClassName: istio
              rules:
              - host: web.example.com
                http:
                  paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: web
                        port:
                          number: 80
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void convertsToStdoutAndWarnsOnStderr() throws IOException {
        Result r = CliRunner.run("convert", "ingress", "-f", write("in.yaml", INGRESS).toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).as(r.toString()).contains("kind: Gateway").contains("kind: VirtualService");
        assertThat(r.err()).as(r.toString()).startsWith("WARN " + dir.resolve("in.yaml") + ":7: Ingress default/web ")
                .contains("proxy-body-size");
    }

    @Test
    void strictTurnsWarningsIntoExitOneButStillWrites() throws IOException {
        Result r = CliRunner.run("convert", "--strict", "-f", write("in.yaml", INGRESS).toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).as(r.toString()).contains("kind: VirtualService");
    }

    @Test
    void inputThatDoesNotParseWritesNothing() throws IOException {
        Path out = dir.resolve("out.yaml");
        Result r = CliRunner.run("convert", "-f", write("in.yaml", INGRESS + "---\nkind: [\n").toString(),
                "--output-file", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).as(r.toString()).isEmpty();
        assertThat(r.err()).as(r.toString()).contains("in.yaml:23:1: error: YAML syntax error")
                .endsWith("Error: the input does not parse; nothing was converted\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void outputFileHoldsTheWholeManifest() throws IOException {
        Path out = dir.resolve("out.json");
        Result r = CliRunner.run("convert", "-o", "json", "--api-version", "v1beta1",
                "-f", write("in.yaml", INGRESS).toString(), "--output-file", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).as(r.toString()).isEmpty();
        assertThat(Files.readString(out)).startsWith("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"List\"")
                .contains("\"apiVersion\": \"networking.istio.io/v1beta1\"").endsWith("}\n");
    }

    @Test
    void nothingConvertibleIsExitOne() throws IOException {
        Result r = CliRunner.run("convert", "routerule", "-f", write("in.yaml", INGRESS).toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.err()).as(r.toString())
                .isEqualTo("Error: nothing to convert: no RouteRule, DestinationPolicy or EgressRule objects in the input\n");
    }

    @Test
    void anIngressWithNothingToRouteIsAnError() throws IOException {
        Result r = CliRunner.run("convert", "-f", write("in.yaml", """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: empty, namespace: default}
                spec:
                  ingressClassName: istio
                """).toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.err()).as(r.toString()).contains("ERROR ").contains("Ingress default/empty");
    }

    @Test
    void anUnknownApiVersionIsNamedNotSkipped() throws IOException {
        Result r = CliRunner.run("convert", "-f", write("in.yaml", INGRESS.replace("networking.k8s.io/v1", "networking.k8s.io/v2"))
                .toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.err()).as(r.toString()).startsWith("ERROR " + dir.resolve("in.yaml") + ":1: Ingress default/web apiVersion: "
                + "networking.k8s.io/v2 Ingress is not a version gwctl converts");
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        assertThat(CliRunner.run("convert").exitCode()).isEqualTo(ExitCodes.USAGE);
        Result r = CliRunner.run("convert", "--api-version", "v2", "-f", write("in.yaml", INGRESS).toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).as(r.toString()).isEqualTo("Error: --api-version must be one of v1, v1beta1, v1alpha3, not v2\n");
    }
}
