package io.gwctl.cli;

import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a command may read of the process around it: standard input and environment variables. Passed
 * in rather than read from {@code System} so tests drive commands in-process.
 */
public final class Environment {

    private final InputStream stdin;
    private final Map<String, String> env;

    public Environment(InputStream stdin, Map<String, String> env) {
        this.stdin = Objects.requireNonNull(stdin, "stdin");
        this.env = Map.copyOf(env);
    }

    public InputStream stdin() {
        return stdin;
    }

    /** The environment variable {@code name}, when set and not empty ({@code KUBECONFIG}, {@code HOME}). */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isEmpty());
    }

    /**
     * Whether output may be coloured: only on a terminal, never with {@code NO_COLOR} set
     * (https://no-color.org) or {@code TERM=dumb}.
     */
    public boolean colour() {
        if (env.containsKey("NO_COLOR") || "dumb".equals(env.get("TERM"))) {
            return false;
        }
        return System.console() != null && env.containsKey("TERM");
    }
}
