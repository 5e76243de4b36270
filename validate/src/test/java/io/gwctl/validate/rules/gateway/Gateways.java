package io.gwctl.validate.rules.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.Validation;
import io.gwctl.validate.diagnostic.Diagnostic;
import io.gwctl.validate.diagnostic.DiagnosticCode;
import java.util.List;
import java.util.stream.Collectors;

/** Gateway YAML for the rule tests, and assertions on what a rule reports about it. */
final class Gateways {

    /** The line of a Gateway made by {@link #withServers} that holds the first line of its servers. */
    static final int FIRST_SERVER_LINE = 10;

    private Gateways() {
    }

    /**
     * A Gateway {@code istio-system/gw} whose {@code spec.servers} is {@code servers}: a YAML list written
     * from column 1, which lands from line {@link #FIRST_SERVER_LINE} on.
     */
    static String withServers(String servers) {
        return """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata:
                  name: gw
                  namespace: istio-system
                spec:
                  selector:
                    istio: ingressgateway
                  servers:
                """ + servers.lines().map(l -> "  " + l + "\n").collect(Collectors.joining());
    }

    /** One HTTPS server on 443 for {@code example.com} whose {@code tls} is {@code tls}, from line 16 on. */
    static String httpsServer(String tls) {
        return withServers("""
                - port:
                    number: 443
                    name: https
                    protocol: HTTPS
                  hosts: ["example.com"]
                  tls:
                """ + tls.lines().map(l -> "    " + l + "\n").collect(Collectors.joining()));
    }

    /** The findings of {@code yaml} with {@code code}, as {@code line message}, in order. */
    static List<String> found(String yaml, DiagnosticCode code) {
        return Validation.findings(yaml, code).stream()
                .map(d -> d.line() + " " + d.message())
                .collect(Collectors.toList());
    }

    /** Asserts {@code yaml} gets exactly one finding with {@code code}, at {@code line}, saying {@code message}. */
    static Diagnostic assertOne(String yaml, DiagnosticCode code, int line, String message) {
        List<Diagnostic> found = Validation.findings(yaml, code);
        assertThat(found).as("findings with %s in%n%s", code.code(), yaml).singleElement().satisfies(d -> {
            assertThat(d.line()).as("line").isEqualTo(line);
            assertThat(d.message()).as("message").isEqualTo(message);
        });
        return found.get(0);
    }

    /** Asserts {@code yaml} gets no finding with {@code code}. */
    static void assertNone(String yaml, DiagnosticCode code) {
        assertThat(Validation.findings(yaml, code)).as("findings with %s in%n%s", code.code(), yaml).isEmpty();
    }
}
