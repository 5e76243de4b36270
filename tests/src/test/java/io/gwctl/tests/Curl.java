package io.gwctl.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real curl, as a user pokes the gateway: {@code .ci/run} installs it. */
final class Curl {

    /** What curl got: the status line's code, the raw headers and the body. */
    record Reply(int status, String headers, String body) {
        String header(String name) {
            for (String line : headers.split("\r?\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    private Curl() {
    }

    static Reply get(String url, String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "20", "-D", "-"));
        command.addAll(List.of(extra));
        command.add(url);
        Process p = new ProcessBuilder(command).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("curl %s: %s", url, errors).isZero();
        int split = output.indexOf("\r\n\r\n");
        String head = output.substring(0, split);
        String status = head.substring(0, head.indexOf("\r\n"));
        return new Reply(Integer.parseInt(status.split(" ")[1]), head, output.substring(split + 4));
    }
}
