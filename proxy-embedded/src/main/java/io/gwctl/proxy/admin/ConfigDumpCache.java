package io.gwctl.proxy.admin;

import io.gwctl.translate.envoy.EnvoySnapshot;
import io.gwctl.translate.envoy.dump.ConfigDumps;
import io.gwctl.translate.envoy.dump.EnvoyJson;
import java.nio.charset.StandardCharsets;

/**
 * {@code /config_dump}'s body, printed once per snapshot: a large config takes long to print, and the
 * gateway hands out a new snapshot object on every reload, so the object's identity says when to print again.
 *
 * <p>The body is exactly what {@code gwctl proxy-config all -o json} prints for the same snapshot: the config
 * dump with private keys redacted, in {@link EnvoyJson}, with a final newline.
 */
final class ConfigDumpCache {

    /** The last snapshot printed and its body. */
    private record Printed(EnvoySnapshot snapshot, byte[] body) {
    }

    private volatile Printed last;

    byte[] body(EnvoySnapshot snapshot) {
        Printed printed = last;
        if (printed != null && printed.snapshot() == snapshot) {
            return printed.body();
        }
        byte[] body = (EnvoyJson.print(ConfigDumps.toConfigDump(snapshot, true)) + "\n").getBytes(StandardCharsets.UTF_8);
        last = new Printed(snapshot, body);
        return body;
    }
}
