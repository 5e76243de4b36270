package io.gwctl.cli.commands.proxy;

import io.envoyproxy.envoy.admin.v3.ClusterStatus;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.proxyconfig.EndpointsTable;
import io.gwctl.translate.envoy.EnvoySnapshot;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * {@code proxy-config endpoints}: the endpoints of each cluster known from the config, or, with
 * {@code --admin}, the running gateway's hosts with their live health and outlier state, read from its
 * {@code /clusters?format=json} as istioctl reads a proxy's ({@code -o json} then prints those
 * {@code ClusterStatus} objects).
 */
@Command(name = "endpoints", description = "Endpoints of each cluster (live health and outlier state with --admin).",
        mixinStandardHelpOptions = true)
public final class EndpointsCommand extends ProxyConfigSubcommand {

    @Override
    public Integer call() {
        Optional<AdminClient> admin = source.admin();
        if (admin.isEmpty()) {
            return super.call();
        }
        List<ClusterStatus> clusters = admin.get().clusters().getClusterStatusesList().stream()
                .filter(c -> selected(name, c.getName())).toList();
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == ConfigView.Format.table ? EndpointsTable.renderLive(clusters) : ConfigView.render(format, clusters));
        out.flush();
        return ExitCodes.OK;
    }

    @Override
    String render(EnvoySnapshot snapshot, ConfigView.Format format, String name) {
        var endpoints = snapshot.endpoints().stream().filter(e -> selected(name, e.getClusterName())).toList();
        return format == ConfigView.Format.table ? EndpointsTable.render(endpoints) : ConfigView.render(format, endpoints);
    }
}
