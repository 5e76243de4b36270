package io.gwctl.cli.commands.run;

import io.gwctl.proxy.runtime.ListenerRuntime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;
import picocli.CommandLine.Option;

/**
 * Where each listener binds on this machine: its Envoy listener port by default; {@code --port-offset N} puts a
 * Gateway server port at port + N, and {@code --port-map SERVER=LOCAL} one server port where asked. Both act
 * on the Gateway's server port (80), not the port a Service translated it to (8080), since that is the port a
 * user writes in the Gateway.
 */
final class PortOptions {

    @Option(names = "--port-offset", paramLabel = "N",
            description = "Bind each Gateway server port at port+N (80 -> 10080 with 10000).")
    Integer offset;

    @Option(names = "--port-map", paramLabel = "SERVER_PORT=LOCAL_PORT",
            description = "Bind one Gateway server port at a local port. Repeatable.")
    Map<Integer, Integer> map = new LinkedHashMap<>();

    ToIntFunction<ListenerRuntime> localPort() {
        return listener -> {
            Integer mapped = map.get(listener.serverPort());
            if (mapped != null) {
                return mapped;
            }
            if (offset != null) {
                return listener.serverPort() + offset;
            }
            return listener.port();
        };
    }

    /** A problem with the values, or null. */
    String problem() {
        if (offset != null && (offset < 0 || offset > 64_000)) {
            return "--port-offset must be between 0 and 64000";
        }
        for (var e : map.entrySet()) {
            if (e.getValue() < 0 || e.getValue() > 65535) {
                return "--port-map " + e.getKey() + "=" + e.getValue() + ": the local port must be in 0-65535";
            }
        }
        return null;
    }
}
