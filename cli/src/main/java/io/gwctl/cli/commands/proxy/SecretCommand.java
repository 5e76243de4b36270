package io.gwctl.cli.commands.proxy;

import io.gwctl.cli.proxyconfig.SecretsTable;
import io.gwctl.translate.envoy.EnvoySnapshot;
import io.gwctl.translate.envoy.dump.SecretRedaction;
import picocli.CommandLine.Command;

/** {@code proxy-config secret}: the SDS secrets the listeners use, private keys redacted. */
@Command(name = "secret", description = "SDS secrets (private keys are never printed).", mixinStandardHelpOptions = true)
public final class SecretCommand extends ProxyConfigSubcommand {

    @Override
    String render(EnvoySnapshot snapshot, ConfigView.Format format, String name) {
        var secrets = snapshot.secrets().stream().filter(s -> selected(name, s.getName())).map(SecretRedaction::redact).toList();
        return format == ConfigView.Format.table ? SecretsTable.render(secrets) : ConfigView.render(format, secrets);
    }
}
