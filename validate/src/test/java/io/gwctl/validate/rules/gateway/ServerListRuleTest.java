package io.gwctl.validate.rules.gateway;

import static io.gwctl.validate.rules.gateway.Gateways.assertNone;
import static io.gwctl.validate.rules.gateway.Gateways.assertOne;

import org.junit.jupiter.api.Test;

/**
 * Istio {@code ValidateGateway}: "gateway must have at least one server" (validation_test.go
 * TestValidateGateway "empty"); {@code validateServer}: "cannot have nil server".
 */
class ServerListRuleTest {

    private static final String NO_SERVERS = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: gw
            spec:
              selector:
                istio: ingressgateway
            """;

    @Test
    void aServerIsEnough() {
        String yaml = Gateways.withServers("""
                - port: {number: 80, name: http, protocol: HTTP}
                  hosts: ["example.com"]
                """);
        assertNone(yaml, GatewayCodes.SERVERS_REQUIRED);
        assertNone(yaml, GatewayCodes.SERVER_NULL);
    }

    @Test
    void missingServersAreReportedAtTheSpec() {
        assertOne(NO_SERVERS, GatewayCodes.SERVERS_REQUIRED, 5, "gateway must have at least one server");
    }

    @Test
    void emptyServerListIsReportedAtTheList() {
        assertOne(NO_SERVERS + "  servers: []\n", GatewayCodes.SERVERS_REQUIRED, 8,
                "gateway must have at least one server");
    }

    @Test
    void emptyServerEntryIsReportedAtTheEntry() {
        String yaml = Gateways.withServers("""
                - port: {number: 80, name: http, protocol: HTTP}
                  hosts: ["example.com"]
                -
                """);
        assertOne(yaml, GatewayCodes.SERVER_NULL, 12, "cannot have nil server");
    }
}
