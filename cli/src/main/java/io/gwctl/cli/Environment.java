package io.gwctl.cli;

import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a command may read of the process around it: standard input, environment variables, and whether it
 * talks to a terminal. Passed in rather than read from {@code System} so tests drive commands in-process.
 */
public final class Environment {

    private final InputStream stdin;
    private final Map<String, String> env;
    private final boolean terminal;

    /** The process's own: a terminal when Java has a console (standard input and output both a terminal). */
    public Environment(InputStream stdin, Map<String, String> env) {
        this(stdin, env, System.console() != null);
    }

    /**
     * @param terminal whether a person at a terminal reads the output; tests decide it rather than the JVM
     */
    public Environment(InputStream stdin, Map<String, String> env, boolean terminal) {
        this.stdin = Objects.requireNonNull(stdin, "stdin");
        this.env = Map.copyOf(env);
        this.terminal = terminal;
    }

    public InputStream stdin() {
        return stdin;
    }

    /** The environment variables. */
    public Map<String, String> variables() {
        return env;
    }

    /** Whether a person at a terminal reads the output (never when it is piped or redirected). */
    public boolean terminal() {
        return terminal;
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
        return terminal && env.containsKey("TERM");
    }
}
