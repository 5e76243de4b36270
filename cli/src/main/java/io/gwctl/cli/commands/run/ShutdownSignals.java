package io.gwctl.cli.commands.run;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT end {@code run-gateway} in order: the command drains and returns exit code 0, as a
 * gateway pod does when Kubernetes stops it, instead of the JVM's default death by signal (143 or 130).
 */
final class ShutdownSignals {

    private ShutdownSignals() {
    }

    static void install(Runnable stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> stop.run());
            } catch (IllegalArgumentException e) {
                // The signal is not available on this platform: the JVM's default applies.
            }
        }
    }
}
