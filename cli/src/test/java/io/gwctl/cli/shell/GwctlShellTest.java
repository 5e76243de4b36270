package io.gwctl.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.cli.CliRunner;
import io.gwctl.cli.Environment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell driven through JLine's dumb terminal over piped streams: what a person types, line by line. The
 * terminal is made directly, as {@code TerminalBuilder.streams(..)} would run it through a pseudo-terminal.
 */
@Timeout(60)
class GwctlShellTest {

    private static final Path SAMPLE = Path.of("..", "samples", "httpbin-gateway.yaml").toAbsolutePath().normalize();

    @TempDir
    Path home;

    @Test
    void runsCommandsWithTheSessionDefaultsAndWritesHistory() throws IOException {
        Session s = session("""
                use -f %s
                validate
                proxy-config routes
                bogus
                exit
                validate
                """.formatted(SAMPLE));

        assertThat(s.exitCode()).as(s.toString()).isZero();
        assertThat(s.output()).as("use confirms the default").contains("using -f " + SAMPLE)
                .as("validate without -f reads the remembered sample")
                .contains("0 errors, 0 warnings, 0 infos in 3 resources from 1 file")
                .as("proxy-config routes renders the sample").contains("httpbin.example.com", "/status*")
                .as("an unknown command is gwctl's usage error, and the shell goes on")
                .contains("Unmatched argument at index 0: 'bogus'");
        assertThat(s.output().split("0 errors, 0 warnings", -1)).as("nothing runs after exit: " + s).hasSize(2);
        assertThat(Files.readString(home.resolve(".gwctl_history")))
                .as("every line is in $HOME/.gwctl_history")
                .contains("use -f " + SAMPLE, "validate", "proxy-config routes", "bogus", "exit");
    }

    @Test
    void aFailingCommandDoesNotEndTheShellAndEndOfInputLeavesWithZero() throws IOException {
        Session s = session("""
                validate -f no-such-dir
                use -f no-such-dir
                validate
                validate -f %s
                """.formatted(SAMPLE));

        assertThat(s.exitCode()).as(s.toString()).isZero();
        assertThat(s.output()).as(s.toString())
                .contains("Error: no such file or directory: no-such-dir")
                .as("a default that does not exist is refused, so validate has no -f")
                .contains("Missing required option: '--filename=PATH'")
                .contains("0 errors, 0 warnings, 0 infos in 3 resources from 1 file");
    }

    @Test
    void useNamespaceIsTheDefaultOfCommandsThatTakeIt() throws IOException {
        Path dir = Files.createDirectory(home.resolve("cfg"));
        Files.writeString(dir.resolve("gw.yaml"), """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata:
                  name: gw
                spec:
                  selector:
                    istio: ingressgateway
                  servers:
                  - port: {number: 70000, name: http, protocol: HTTP}
                    hosts: ["*"]
                """);
        Session s = session("""
                use -f %s -n shop
                use
                validate
                use --clear
                use
                """.formatted(dir));

        assertThat(s.output()).as(s.toString())
                .contains("using -f " + dir + " -n shop")
                .contains("Gateway shop/gw")
                .contains("no defaults");
    }

    @Test
    void gwctlShellWithoutATerminalReadsStandardInput() {
        CliRunner.Result r = CliRunner.runWithInput("validate -f " + SAMPLE + "\nquit\n",
                Map.of("NO_COLOR", "1", "HOME", home.toString()), "shell");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).as("no prompt or greeting without a terminal: " + r)
                .startsWith("0 errors, 0 warnings, 0 infos in 3 resources from 1 file");
    }

    @Test
    void historyFollowsHome() {
        Environment env = new Environment(InputStream.nullInputStream(), Map.of("HOME", home.toString()), false);

        assertThat(GwctlShell.historyFile(env)).isEqualTo(home.resolve(".gwctl_history"));
    }

    private Session session(String lines) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Environment env = new Environment(InputStream.nullInputStream(),
                Map.of("NO_COLOR", "1", "HOME", home.toString()), false);
        int code;
        try (Terminal terminal = new DumbTerminal("gwctl", Terminal.TYPE_DUMB,
                new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), out, StandardCharsets.UTF_8)) {
            code = new GwctlShell(terminal, env).run();
        }
        return new Session(code, out.toString(StandardCharsets.UTF_8));
    }

    private record Session(int exitCode, String output) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- terminal ---\n" + output;
        }
    }
}
