package io.gwctl.validate.rules.gateway;

import static io.gwctl.validate.rules.gateway.Gateways.assertNone;
import static io.gwctl.validate.rules.gateway.Gateways.assertOne;

import org.junit.jupiter.api.Test;

/**
 * Istio {@code ValidateGateway}: "port names in servers must be unique: duplicate name %s"
 * (validation_test.go TestValidateGateway "duplicate port names").
 */
class PortNameUniqueRuleTest {

    private static String servers(String first, String second) {
        return Gateways.withServers("""
                - hosts: ["foo.bar.com"]
                  port: {number: 80, protocol: HTTP%s}
                - hosts: ["scooby.doo.com"]
                  port: {number: 8080, protocol: HTTP%s}
                """.formatted(first, second));
    }

    @Test
    void distinctNamesAreAccepted() {
        assertNone(servers(", name: http", ", name: http-alt"), GatewayCodes.PORT_NAME_DUPLICATE);
    }

    @Test
    void repeatedNameIsReportedAtTheRepeat() {
        assertOne(servers(", name: foo", ", name: foo"), GatewayCodes.PORT_NAME_DUPLICATE, 13,
                "port names in servers must be unique: duplicate name foo");
    }

    @Test
    void twoUnnamedPortsRepeatTheEmptyNameAsInIstio() {
        assertOne(servers("", ""), GatewayCodes.PORT_NAME_DUPLICATE, 13,
                "port names in servers must be unique: duplicate name ");
    }
}
