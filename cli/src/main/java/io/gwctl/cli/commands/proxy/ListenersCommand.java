package io.gwctl.cli.commands.proxy;

import io.gwctl.cli.proxyconfig.ListenersTable;
import io.gwctl.translate.envoy.EnvoySnapshot;
import picocli.CommandLine.Command;

/** {@code proxy-config listeners}: the listeners ({@code 0.0.0.0_8080}) and their filter chains. */
@Command(name = "listeners", description = "Listeners: ports, filter chain matches, destinations.", mixinStandardHelpOptions = true)
public final class ListenersCommand extends ProxyConfigSubcommand {

    @Override
    String render(EnvoySnapshot snapshot, ConfigView.Format format, String name) {
        var listeners = snapshot.listeners().stream().filter(l -> selected(name, l.getName())).toList();
        return format == ConfigView.Format.table ? ListenersTable.render(listeners) : ConfigView.render(format, listeners);
    }
}
