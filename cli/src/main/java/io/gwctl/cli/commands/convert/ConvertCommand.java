package io.gwctl.cli.commands.convert;

import io.gwctl.translate.LegacyConversion;
import picocli.CommandLine.Command;

/**
 * {@code gwctl convert}: legacy Kubernetes Ingress and {@code config.istio.io/v1alpha2} RouteRule,
 * DestinationPolicy and EgressRule into Gateway, VirtualService, DestinationRule and ServiceEntry. Without a
 * subcommand it converts every legacy kind it finds, together, so that RouteRules acting on ingress traffic
 * refine the VirtualServices made from the Ingresses.
 */
@Command(name = "convert",
        description = {"Convert Kubernetes Ingress and legacy config.istio.io/v1alpha2 routing into Istio's networking API.",
                "Writes kubectl-appliable YAML (or JSON) on stdout; what was dropped or approximated is said on stderr.",
                "Exit code 0: converted; 1: input that does not parse, nothing convertible, or (with --strict) any WARN; 2: usage error."},
        mixinStandardHelpOptions = true,
        subcommands = {IngressConvertCommand.class, RouteRuleConvertCommand.class})
public final class ConvertCommand extends ScopedConvertCommand {

    @Override
    LegacyConversion.Scope scope() {
        return LegacyConversion.Scope.ALL;
    }
}
