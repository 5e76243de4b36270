package io.gwctl.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.cli.CliRunner;
import io.gwctl.cli.CliRunner.Result;
import io.gwctl.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    private static final String BAD_PORT = """
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
                hosts: ["example.com"]
            """;

    @TempDir
    Path dir;

    @Test
    void errorsExitOneWithFileLineColumn() throws IOException {
        Path file = Files.writeString(dir.resolve("gw.yaml"), BAD_PORT);
        Result r = CliRunner.run("validate", "-f", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).as(r.toString()).contains(file + ":11:7: error GW0207 Gateway istio-system/gw: "
                + "port number 70000 must be in the range 1..65535\n");
        assertThat(r.err()).as(r.toString()).isEmpty();
    }

    @Test
    void missingPathIsAUsageError() {
        Result r = CliRunner.run("validate", "-f", dir.resolve("nope.yaml").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).as(r.toString()).isEqualTo("Error: no such file or directory: " + dir.resolve("nope.yaml") + "\n");
    }

    @Test
    void missingFilenameIsAUsageError() {
        Result r = CliRunner.run("validate");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).as(r.toString()).contains("Missing required option: '--filename=PATH'");
    }

    @Test
    void badOutputFormatIsAUsageError() {
        Result r = CliRunner.run("validate", "-o", "xml", "-f", "-");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void readsStandardInput() {
        Result r = CliRunner.runWithInput(BAD_PORT, Map.of(), "validate", "-f", "-");
        assertThat(r.out()).as(r.toString()).contains("<stdin>:11:7: error GW0207");
    }

    @Test
    void hostileFilesGiveFindingsNotStackTraces() throws IOException {
        Files.write(dir.resolve("binary.yaml"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0});
        Files.writeString(dir.resolve("deep.yaml"), "a: " + "[".repeat(10_000) + "]".repeat(10_000));
        Files.writeString(dir.resolve("empty.yaml"), "");
        Files.writeString(dir.resolve("scalar.yaml"), "42\n");
        Files.writeString(dir.resolve("ok.yaml"), BAD_PORT);
        Result r = CliRunner.run("validate", "-f", dir.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.err()).as(r.toString()).isEmpty();
        assertThat(r.out()).as(r.toString())
                .contains("binary.yaml:1:1: error GW0007 ")
                .contains("deep.yaml:1:103: error GW0005 ")
                .contains("empty.yaml:1:1: warning GW0009 ")
                .contains("scalar.yaml:1:1: error GW0010 ")
                .contains("ok.yaml:11:7: error GW0207 ");
    }

    @Test
    void validConfigExitsZero() throws IOException {
        Path file = Files.writeString(dir.resolve("svc.yaml"), """
                apiVersion: v1
                kind: Service
                metadata: {name: httpbin, namespace: default}
                spec:
                  ports:
                  - {name: http, port: 8000}
                """);
        Result r = CliRunner.run("validate", "-f", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).as(r.toString()).isEqualTo("0 errors, 0 warnings, 0 infos in 1 resource from 1 file\n");
    }

    @Test
    void colourOnlyWhenAllowed() throws IOException {
        Path file = Files.writeString(dir.resolve("gw.yaml"), BAD_PORT);
        Result r = CliRunner.runWithInput("", Map.of("NO_COLOR", "1", "TERM", "xterm"), "validate", "-f", file.toString());
        assertThat(r.out()).as(r.toString()).doesNotContain("\033[");
    }
}
