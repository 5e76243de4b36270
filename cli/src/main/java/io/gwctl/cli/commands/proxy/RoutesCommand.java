package io.gwctl.cli.commands.proxy;

import io.gwctl.cli.proxyconfig.RoutesTable;
import io.gwctl.translate.envoy.EnvoySnapshot;
import picocli.CommandLine.Command;

/** {@code proxy-config routes}: the route configurations ({@code http.8080}) and their virtual hosts and routes. */
@Command(name = "routes", description = "Route configurations: virtual hosts, domains, matches.", mixinStandardHelpOptions = true)
public final class RoutesCommand extends ProxyConfigSubcommand {

    @Override
    String render(EnvoySnapshot snapshot, ConfigView.Format format, String name) {
        var routes = snapshot.routes().stream().filter(r -> selected(name, r.getName())).toList();
        return format == ConfigView.Format.table ? RoutesTable.render(routes) : ConfigView.render(format, routes);
    }
}
