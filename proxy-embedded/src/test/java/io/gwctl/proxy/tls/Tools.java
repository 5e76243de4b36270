package io.gwctl.proxy.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs curl and openssl, as a user would against the gateway; a test is skipped where the tool is absent. */
public final class Tools {

    private Tools() {
    }

    /** What a finished command printed and returned. */
    public record Result(int exitCode, String out) {
    }

    /** Runs {@code command} with empty input (stderr merged into the output), for at most 20 seconds. */
    public static Result run(List<String> command) throws IOException, InterruptedException {
        Assumptions.assumeTrue(available(command.get(0)), command.get(0) + " is not installed");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static boolean available(String tool) {
        try {
            Process p = new ProcessBuilder(tool, tool.equals("openssl") ? "version" : "--version")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
