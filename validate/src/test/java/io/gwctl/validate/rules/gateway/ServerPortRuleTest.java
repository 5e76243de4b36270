package io.gwctl.validate.rules.gateway;

import static io.gwctl.validate.rules.gateway.Gateways.assertNone;
import static io.gwctl.validate.rules.gateway.Gateways.assertOne;
import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.Validation;
import io.gwctl.validate.diagnostic.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Istio {@code validateServerPort} (validation_test.go TestValidateServerPort): "port is required",
 * "invalid protocol %q, …" (protocol.Parse ignores case), "port number %d must be in the range 1..65535"
 * (0 allowed with a unix bind), "targetPort has no impact on Gateways", "port name must be set: %v".
 */
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

    /** A server with {@code port} (a flow mapping, or nothing) and {@code bind}; the port is on line 11. */
    private static String server(String port, String bind) {
        return Gateways.withServers("""
                - hosts: ["example.com"]
                  port: %s
                  bind: %s
                """.formatted(port, bind));
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

    @Test
    void portZeroIsOutOfRangeUnlessBoundToAUnixSocket() {
        assertOne(gateway("0"), GatewayCodes.PORT_NUMBER, 11, "port number 0 must be in the range 1..65535");
        assertNone(server("{number: 0, name: http, protocol: HTTP}", "unix:///var/run/gw.sock"),
                GatewayCodes.PORT_NUMBER);
    }

    @Test
    void missingPortIsReportedAtTheServer() {
        String yaml = Gateways.withServers("- hosts: [\"example.com\"]\n");
        assertOne(yaml, GatewayCodes.PORT_REQUIRED, 10, "port is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP", "http", "Https", "GRPC-Web", "http_proxy", "TCP", "tls", "Mongo", "REDIS",
            "mysql", "UDP", "HTTP2", "grpc"})
    void knownProtocolsAreAcceptedInAnyCase(String protocol) {
        String yaml = server("{number: 80, name: p, protocol: " + protocol + "}", "0.0.0.0");
        assertNone(yaml, GatewayCodes.PORT_PROTOCOL);
    }

    @Test
    void unknownProtocolIsReported() {
        assertOne(server("{number: 9092, name: kafka, protocol: kafka}", "0.0.0.0"), GatewayCodes.PORT_PROTOCOL, 11,
                "invalid protocol \"kafka\", supported protocols are "
                        + "HTTP, HTTP2, GRPC, GRPC-WEB, MONGO, REDIS, MYSQL, TCP");
    }

    @Test
    void targetPortIsReported() {
        String yaml = server("{number: 80, name: http, protocol: HTTP, targetPort: 8080}", "0.0.0.0");
        assertOne(yaml, GatewayCodes.PORT_TARGET_PORT, 11, "targetPort has no impact on Gateways");
        assertNone(server("{number: 80, name: http, protocol: HTTP}", "0.0.0.0"), GatewayCodes.PORT_TARGET_PORT);
    }

    @Test
    void missingNameIsReportedWithThePortAsGoPrintsIt() {
        assertOne(server("{number: 80, protocol: HTTP}", "0.0.0.0"), GatewayCodes.PORT_NAME_REQUIRED, 11,
                "port name must be set: number:80 protocol:\"HTTP\"");
        assertNone(server("{number: 80, name: http, protocol: HTTP}", "0.0.0.0"), GatewayCodes.PORT_NAME_REQUIRED);
    }
}
