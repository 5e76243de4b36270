package io.gwctl.validate.rules.gateway;

import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSProtocol;
import io.gwctl.validate.diagnostic.GoFormat;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.names.CipherSuites;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A server's cipher suites: Envoy would reject a listener with a cipher it does not know, so Istio drops
 * unknown and repeated names and warns; and a minimum TLS version below 1.2 needs ciphers named, as
 * Envoy's default list has none that old clients share. Istio: {@code validateTLSOptions} with
 * {@code security.IsValidCipherSuite} (pkg/config/security): warnings "ignoring invalid cipher suites: %v",
 * "ignoring duplicate cipher suites: %v" (sorted lists), "TLS version below TLSV1_2 require setting
 * compatible ciphers as by default they no longer include compatible ciphers."
 *
 * <p>Which names are valid: {@link CipherSuites}.
 */
final class TlsCipherRule extends TlsRule {

    @Override
    void checkTls(RuleContext context, int index, ServerTls tls) {
        ServerTLSSettingsTLSProtocol min = tls.minProtocolVersion();
        if ((min == ServerTLSSettingsTLSProtocol.TLSV1_0 || min == ServerTLSSettingsTLSProtocol.TLSV1_1)
                && tls.cipherSuites().isEmpty()) {
            context.report(GatewayCodes.TLS_MIN_VERSION_CIPHERS, GatewayPaths.tls(index, "minProtocolVersion"),
                    "TLS version below TLSV1_2 require setting compatible ciphers as by default they no longer "
                            + "include compatible ciphers.");
        }
        SortedSet<String> invalid = new TreeSet<>();
        SortedSet<String> duplicate = new TreeSet<>();
        Set<String> valid = new HashSet<>();
        for (String entry : tls.cipherSuites()) {
            String suite = Objects.requireNonNullElse(entry, "");
            if (!CipherSuites.isValid(suite)) {
                invalid.add(suite);
            } else if (!valid.add(suite)) {
                duplicate.add(suite);
            }
        }
        String path = GatewayPaths.tls(index, "cipherSuites");
        if (!invalid.isEmpty()) {
            context.report(GatewayCodes.TLS_CIPHER_SUITES, path, "ignoring invalid cipher suites: %s",
                    GoFormat.list(invalid));
        }
        if (!duplicate.isEmpty()) {
            context.report(GatewayCodes.TLS_CIPHER_SUITES, path, "ignoring duplicate cipher suites: %s",
                    GoFormat.list(duplicate));
        }
    }
}
