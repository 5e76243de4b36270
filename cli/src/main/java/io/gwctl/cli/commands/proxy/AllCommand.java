package io.gwctl.cli.commands.proxy;

import io.gwctl.cli.proxyconfig.ClustersTable;
import io.gwctl.cli.proxyconfig.EndpointsTable;
import io.gwctl.cli.proxyconfig.ListenersTable;
import io.gwctl.cli.proxyconfig.RoutesTable;
import io.gwctl.translate.envoy.EnvoySnapshot;
import io.gwctl.translate.envoy.dump.ConfigDumps;
import picocli.CommandLine.Command;

/**
 * {@code proxy-config all}: every table, or with {@code -o json} an Envoy-style {@code /config_dump} (the
 * same JSON the embedded gateway's admin serves), private keys redacted.
 */
@Command(name = "all", description = "All of it: tables, or an Envoy config dump with -o json.", mixinStandardHelpOptions = true)
public final class AllCommand extends ProxyConfigSubcommand {

    @Override
    String render(EnvoySnapshot snapshot, ConfigView.Format format, String name) {
        if (format != ConfigView.Format.table) {
            return ConfigView.render(format, ConfigDumps.toConfigDump(snapshot, true));
        }
        return ListenersTable.render(snapshot.listeners()) + "\n" + RoutesTable.render(snapshot.routes()) + "\n"
                + ClustersTable.render(snapshot.clusters()) + "\n" + EndpointsTable.render(snapshot.endpoints());
    }
}
