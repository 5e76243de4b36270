package io.gwctl.cli.commands.proxy;

import picocli.CommandLine.Command;

/**
 * {@code gwctl proxy-config}: the exact Envoy config an Istio gateway would receive for the given config
 * (or that a real Envoy reports in its config dump), in istioctl's tables or Envoy's own JSON.
 */
@Command(name = "proxy-config", aliases = "pc", mixinStandardHelpOptions = true,
        description = {"Show the Envoy config an Istio gateway receives for this config, or trace a request through it.",
                "Exit code 0: shown; 1: config that does not parse or a dump that is not one; 2: usage error."},
        subcommands = {RoutesCommand.class, ListenersCommand.class, ClustersCommand.class, EndpointsCommand.class,
                SecretCommand.class, AllCommand.class, TraceCommand.class})
public final class ProxyConfigCommand {
}
