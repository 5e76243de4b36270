package io.gwctl.validate.rules.serviceentry;

import static io.gwctl.validate.rules.common.RuleAssertions.assertNone;
import static io.gwctl.validate.rules.common.RuleAssertions.assertOne;
import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.Validation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Istio {@code validateWorkloadEntry} (STATIC endpoints) and the DNS endpoint checks of
 * {@code ValidateServiceEntry}, plus the CRD's CEL rule "port name must be valid" on endpoint ports; cases
 * after {@code TestValidateServiceEntries}.
 */
class EndpointRuleTest {

    /** A ServiceEntry with ports http and tcp whose endpoints start on line 12. */
    private static String serviceEntry(String resolution, String endpoints) {
        return """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: vms
                spec:
                  hosts: [vm.example.com]
                  addresses: [240.0.0.1]
                  resolution: %s
                  ports:
                  - {number: 80, name: http, protocol: HTTP}
                  endpoints:
                """.formatted(resolution) + endpoints;
    }

    @Test
    void staticEndpointsAreAccepted() {
        String yaml = serviceEntry("STATIC", """
                  - {address: 10.0.0.1, ports: {http: 8080}, labels: {version: v1}}
                  - {address: "unix:///var/run/vm.sock"}
                  - {address: "unix://@abstract"}
                """);
        assertNone(yaml, ServiceEntryCodes.ENDPOINT_NULL, ServiceEntryCodes.ENDPOINT_ADDRESS,
                ServiceEntryCodes.ENDPOINT_NETWORK_ONLY, ServiceEntryCodes.ENDPOINT_PORT, ServiceEntryCodes.ENDPOINT_LABELS,
                ServiceEntryCodes.CEL_ENDPOINT_PORT_NAME);
    }

    @Test
    void dnsEndpointsMayBeNames() {
        assertNone(serviceEntry("DNS", "  - {address: vm1.example.com}\n  - {address: 10.0.0.1}\n"),
                ServiceEntryCodes.ENDPOINT_ADDRESS);
    }

    @Test
    void nullEndpointIsReported() {
        assertOne(serviceEntry("STATIC", "  - null\n"), ServiceEntryCodes.ENDPOINT_NULL, 12, "endpoint cannot be nil");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'{address: vm1.example.com}'     | endpoint address \"vm1.example.com\" is not a valid IP address",
            "'{address: \"unix://\"}'         | unix address must not be empty",
            "'{address: \"unix://var/sock\"}' | var/sock is not an absolute path to a file",
            "'{address: \"unix:///var/\"}'    | /var/ is not an absolute path to a file",
            "'{labels: {version: v1}}'        | address is required"})
    void badStaticAddressIsReported(String endpoint, String message) {
        assertOne(serviceEntry("STATIC", "  - " + endpoint + "\n"), ServiceEntryCodes.ENDPOINT_ADDRESS, 12, message);
    }

    @Test
    void badDnsAddressIsReported() {
        assertOne(serviceEntry("DNS_ROUND_ROBIN", "  - {address: \"vm_1.example.com\"}\n"),
                ServiceEntryCodes.ENDPOINT_ADDRESS, 12,
                "endpoint address \"vm_1.example.com\" is not a valid FQDN or an IP address");
    }

    @Test
    void networkWithoutAddressIsAWarning() {
        assertOne(serviceEntry("STATIC", "  - {network: vpc-1}\n"), ServiceEntryCodes.ENDPOINT_NETWORK_ONLY, 12,
                "address is unset with network \"vpc-1\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'{address: 10.0.0.1, ports: {grpc: 9090}}' | endpoint port 9090 is not defined by the service entry",
            "'{address: 10.0.0.1, ports: {http: 0}}'    | port number 0 must be in the range 1..65535",
            "'{address: \"unix:///var/vm.sock\", ports: {http: 80}}' | unix endpoint unix:///var/vm.sock must not include ports"})
    void badEndpointPortIsReported(String endpoint, String message) {
        assertOne(serviceEntry("STATIC", "  - " + endpoint + "\n"), ServiceEntryCodes.ENDPOINT_PORT, 12, message);
    }

    @Test
    void endpointPortNameIsALabel() {
        String yaml = serviceEntry("DNS", "  - {address: 10.0.0.1, ports: {http_2: 80}}\n");
        assertThat(Validation.findings(yaml, ServiceEntryCodes.ENDPOINT_PORT))
                .extracting(d -> d.line() + " " + d.message())
                .containsExactlyInAnyOrder("12 endpoint port 80 is not defined by the service entry",
                        "12 invalid port name: http_2");
    }

    @Test
    void unixEndpointNeedsExactlyOneServicePort() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: vms
                spec:
                  hosts: [vm.example.com]
                  resolution: STATIC
                  ports:
                  - {number: 80, name: http, protocol: HTTP}
                  - {number: 81, name: admin, protocol: HTTP}
                  endpoints:
                  - address: "unix:///var/vm.sock"
                """;
        assertOne(yaml, ServiceEntryCodes.ENDPOINT_PORT, 12, "exactly 1 service port required for unix endpoints");
    }

    @Test
    void badLabelIsReported() {
        assertOne(serviceEntry("STATIC", "  - {address: 10.0.0.1, labels: {version: \"v1/\"}}\n"),
                ServiceEntryCodes.ENDPOINT_LABELS, 12, "invalid tag value: \"v1/\"");
    }

    @Test
    void portNameOf63CharactersIsRefusedByTheCrd() {
        String name = "p".repeat(63);
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: vms
                spec:
                  hosts: [vm.example.com]
                  resolution: STATIC
                  ports:
                  - {number: 80, name: %1$s, protocol: HTTP}
                  endpoints:
                  - address: 10.0.0.1
                    ports:
                      %1$s: 8080
                """.formatted(name);
        assertOne(yaml, ServiceEntryCodes.CEL_ENDPOINT_PORT_NAME, 13, "port name must be valid");
        assertNone(yaml, ServiceEntryCodes.ENDPOINT_PORT);
    }
}
