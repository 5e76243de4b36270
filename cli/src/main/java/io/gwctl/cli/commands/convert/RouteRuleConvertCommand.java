package io.gwctl.cli.commands.convert;

import io.gwctl.translate.LegacyConversion;
import picocli.CommandLine.Command;

/** {@code gwctl convert routerule}: only the RouteRule kinds of the input. */
@Command(name = "routerule", description = "Convert config.istio.io/v1alpha2 RouteRule, DestinationPolicy and EgressRule into VirtualService, DestinationRule and ServiceEntry.", mixinStandardHelpOptions = true)
public final class RouteRuleConvertCommand extends ScopedConvertCommand {

    @Override
    LegacyConversion.Scope scope() {
        return LegacyConversion.Scope.ROUTE_RULES;
    }
}
