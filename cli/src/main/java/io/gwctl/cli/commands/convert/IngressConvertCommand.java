package io.gwctl.cli.commands.convert;

import io.gwctl.translate.LegacyConversion;
import picocli.CommandLine.Command;

/** {@code gwctl convert ingress}: only the Ingress kinds of the input. */
@Command(name = "ingress", description = "Convert Kubernetes Ingress (extensions/v1beta1, networking.k8s.io/v1beta1 and v1) into Gateway + VirtualService.", mixinStandardHelpOptions = true)
public final class IngressConvertCommand extends ScopedConvertCommand {

    @Override
    LegacyConversion.Scope scope() {
        return LegacyConversion.Scope.INGRESS;
    }
}
