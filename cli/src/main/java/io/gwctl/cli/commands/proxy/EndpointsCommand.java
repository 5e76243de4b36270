package io.gwctl.cli.commands.proxy;

import io.gwctl.cli.proxyconfig.EndpointsTable;
import io.gwctl.translate.envoy.EnvoySnapshot;
import picocli.CommandLine.Command;

/** {@code proxy-config endpoints}: the endpoints of each cluster known from the config. */
@Command(name = "endpoints", description = "Endpoints of each cluster.", mixinStandardHelpOptions = true)
public final class EndpointsCommand extends ProxyConfigSubcommand {

    @Override
    String render(EnvoySnapshot snapshot, ConfigView.Format format, String name) {
        var endpoints = snapshot.endpoints().stream().filter(e -> selected(name, e.getClusterName())).toList();
        return format == ConfigView.Format.table ? EndpointsTable.render(endpoints) : ConfigView.render(format, endpoints);
    }
}
