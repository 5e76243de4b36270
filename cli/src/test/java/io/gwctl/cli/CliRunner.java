package io.gwctl.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Runs gwctl in-process exactly as {@link Main} does (same factory, exit codes and handlers), capturing
 * what it prints. Every assertion message carries the whole result, so a failure shows what the user saw.
 */
public final class CliRunner {

    private CliRunner() {
    }

    /** What one run printed and returned. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    public static Result run(String... args) {
        return runWithInput("", Map.of("NO_COLOR", "1"), args);
    }

    public static Result runWithInput(String stdin, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CommandLineFactory.create(new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env).execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
