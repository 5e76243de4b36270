package io.gwctl.validate.analysis.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.Validation;
import io.gwctl.validate.analysis.AnalysisCodes;
import io.gwctl.validate.diagnostic.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Istio {@code gateway.ConflictingGatewayAnalyzer} ({@code gateway/conflictinggateway.go}, testdata
 * {@code conflicting-gateways*.yaml}); wildcard against a name it covers is no conflict (istio/istio#52413).
 */
class ConflictingGatewayAnalyzerTest {

    private static String gateway(String name, int port, String host, String bind) {
        return """
                ---
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata:
                  name: %s
                  namespace: istio-system
                spec:
                  selector:
                    istio: ingressgateway
                  servers:
                  - port:
                      number: %d
                      name: http
                      protocol: HTTP
                    hosts: ["%s"]%s
                """.formatted(name, port, host, bind.isEmpty() ? "" : "\n    bind: " + bind);
    }

    private static List<Diagnostic> conflicts(String yaml) {
        return Validation.findings(yaml, AnalysisCodes.CONFLICTING_GATEWAYS);
    }

    @Test
    void sameHostAndPortOnOneWorkloadConflict() {
        List<Diagnostic> found = conflicts(gateway("alpha", 80, "foo.bar", "") + gateway("beta", 80, "foo.bar", ""));
        assertThat(found).extracting(Diagnostic::name).containsExactly("alpha", "beta");
        assertThat(found.get(0).line()).isEqualTo(11);
        assertThat(found.get(0).message()).isEqualTo("Conflict with gateways istio-system/beta "
                + "(workload selector istio=ingressgateway, port 80, hosts foo.bar).");
    }

    @Test
    void otherPortHostOrBindDoesNotConflict() {
        assertThat(conflicts(gateway("alpha", 80, "foo.bar", "") + gateway("beta", 443, "foo.bar", ""))).isEmpty();
        assertThat(conflicts(gateway("alpha", 80, "*.example.com", "") + gateway("beta", 80, "foo.example.com", "")))
                .isEmpty();
        assertThat(conflicts(gateway("alpha", 80, "foo.bar", "10.0.0.1") + gateway("beta", 80, "foo.bar", "10.0.0.2")))
                .isEmpty();
    }
}
