package io.gwctl.cli.commands.proxy;

import io.gwctl.cli.proxyconfig.ClustersTable;
import io.gwctl.translate.envoy.EnvoySnapshot;
import picocli.CommandLine.Command;

/** {@code proxy-config clusters}: the upstream clusters ({@code outbound|8000||httpbin.default.svc.cluster.local}). */
@Command(name = "clusters", description = "Clusters: services, ports, subsets, destination rules.", mixinStandardHelpOptions = true)
public final class ClustersCommand extends ProxyConfigSubcommand {

    @Override
    String render(EnvoySnapshot snapshot, ConfigView.Format format, String name) {
        var clusters = snapshot.clusters().stream().filter(c -> selected(name, c.getName())).toList();
        return format == ConfigView.Format.table ? ClustersTable.render(clusters) : ConfigView.render(format, clusters);
    }
}
