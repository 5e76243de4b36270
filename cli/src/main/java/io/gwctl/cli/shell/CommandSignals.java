package io.gwctl.cli.shell;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The signal handlers while one shell command runs. Ctrl-C (SIGINT) interrupts the command rather than ending
 * the shell, as bash delivers it to the foreground job only; {@code run-gateway} installs its own SIGINT and
 * SIGTERM handlers to drain and return, and closing this puts back the shell's, so the next Ctrl-C at the prompt
 * reaches the line reader again.
 */
final class CommandSignals implements AutoCloseable {

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    private CommandSignals() {
    }

    /** Sends SIGINT to {@code command} as an interrupt and saves SIGTERM's handler, until closed. */
    static CommandSignals interrupting(Thread command) {
        Objects.requireNonNull(command, "command");
        CommandSignals signals = new CommandSignals();
        signals.install("INT", signal -> command.interrupt());
        signals.install("TERM", SignalHandler.SIG_DFL);
        return signals;
    }

    private void install(String name, SignalHandler handler) {
        Signal signal = new Signal(name);
        try {
            previous.put(signal, Signal.handle(signal, handler));
        } catch (IllegalArgumentException e) {
            // Not available here (another platform, or the JVM runs with -Xrs): the current handling stays.
        }
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
