package io.gwctl.validate.rules.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.Validation;
import io.gwctl.validate.diagnostic.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Istio {@code validateServerPort}: "port number %d must be in the range 1..65535". */
class ServerPortRuleTest {

    private static String gateway(String port) {
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
                  - port:
                      number: %s
                      name: http
                      protocol: HTTP
                    hosts: ["example.com"]
                """.formatted(port);
    }

    @Test
    void portInRangeIsAccepted() {
        assertThat(Validation.findings(gateway("80"), GatewayCodes.PORT_NUMBER)).isEmpty();
    }

    @Test
    void portOutOfRangeIsReportedAtTheNumber() {
        List<Diagnostic> found = Validation.findings(gateway("70000"), GatewayCodes.PORT_NUMBER);
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(11);
            assertThat(d.column()).isEqualTo(7);
            assertThat(d.path()).isEqualTo("spec.servers[0].port.number");
            assertThat(d.message()).isEqualTo("port number 70000 must be in the range 1..65535");
        });
    }
}
