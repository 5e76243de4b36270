package io.gwctl.validate.rules.serviceentry;

import static io.gwctl.validate.rules.common.RuleAssertions.assertNone;
import static io.gwctl.validate.rules.common.RuleAssertions.assertOne;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Istio {@code ValidateServiceEntry} (ports), {@code ValidatePortName}, {@code ValidateProtocol},
 * {@code agent.ValidatePort}, and the CRD's CEL rule "port must be between 1-65535" on {@code targetPort};
 * cases after {@code TestValidateServiceEntries}.
 */
class PortRuleTest {

    /** A DNS ServiceEntry with an address whose ports start on line 9. */
    private static String serviceEntry(String ports) {
        return """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: external
                spec:
                  hosts: [api.example.com]
                  addresses: [240.0.0.1]
                  ports:
                """ + ports + "  resolution: DNS\n";
    }

    @Test
    void namedNumberedPortsAreAccepted() {
        String yaml = serviceEntry("""
                  - {number: 80, name: http, protocol: http}
                  - {number: 443, name: HTTPS, protocol: TLS, targetPort: 8443}
                  - {number: 5432, name: db}
                """);
        assertNone(yaml, ServiceEntryCodes.PORT, ServiceEntryCodes.PORT_DUPLICATE, ServiceEntryCodes.ADDRESSES_REQUIRED,
                ServiceEntryCodes.CEL_TARGET_PORT);
    }

    @Test
    void nullPortIsReported() {
        assertOne(serviceEntry("  - null\n"), ServiceEntryCodes.PORT, 9, "service entry port may not be null");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'{number: 80, name: http_1, protocol: HTTP}'  | invalid port name: http_1",
            "'{number: 80, protocol: HTTP}'                | 'invalid port name: '",
            "'{number: 80, name: http, protocol: QUIC}'    | unsupported protocol: QUIC",
            "'{number: 0, name: http, protocol: HTTP}'     | port number 0 must be in the range 1..65535",
            "'{number: 80, name: http, targetPort: 70000}' | port number 70000 must be in the range 1..65535"})
    void invalidPortIsReported(String port, String message) {
        assertOne(serviceEntry("  - " + port + "\n"), ServiceEntryCodes.PORT, 9, message);
    }

    @Test
    void duplicateNameIsReported() {
        assertOne(serviceEntry("  - {number: 80, name: http}\n  - {number: 8080, name: http}\n"),
                ServiceEntryCodes.PORT_DUPLICATE, 10, "service entry port name \"http\" already defined");
    }

    @Test
    void duplicateNumberIsReported() {
        assertOne(serviceEntry("  - {number: 80, name: http}\n  - {number: 80, name: web}\n"),
                ServiceEntryCodes.PORT_DUPLICATE, 10, "service entry port 80 already defined");
    }

    @Test
    void explicitZeroTargetPortIsRefusedByTheCrd() {
        assertOne(serviceEntry("  - {number: 80, name: http, targetPort: 0}\n"), ServiceEntryCodes.CEL_TARGET_PORT, 9,
                "port must be between 1-65535");
    }

    @Test
    void tcpPortWithoutAddressesWarnsWhenNothingIsAllocated() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: external
                spec:
                  hosts: [db.example.com]
                  ports:
                  - {number: 5432, name: db, protocol: TCP}
                """;
        assertOne(yaml, ServiceEntryCodes.ADDRESSES_REQUIRED, 8,
                "addresses are required for ports serving TCP (or unset) protocol when IP Autoallocation is not enabled");
    }

    @Test
    void tcpPortWithoutAddressesWarnsWhenAllocationIsTurnedOff() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: external
                  labels: {networking.istio.io/enable-autoallocate-ip: "False"}
                spec:
                  hosts: [db.example.com]
                  resolution: DNS
                  ports:
                  - {number: 5432, name: db}
                """;
        assertOne(yaml, ServiceEntryCodes.ADDRESSES_REQUIRED, 10,
                "addresses are required for ports serving TCP (or unset) protocol when IP Autoallocation is not enabled");
    }

    @Test
    void tcpPortWithoutAddressesIsFineWithAllocation() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: external
                spec:
                  hosts: [db.example.com]
                  resolution: DNS
                  ports:
                  - {number: 5432, name: db, protocol: TCP}
                """;
        assertNone(yaml, ServiceEntryCodes.ADDRESSES_REQUIRED);
    }
}
