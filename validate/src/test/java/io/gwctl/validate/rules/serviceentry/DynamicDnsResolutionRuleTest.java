package io.gwctl.validate.rules.serviceentry;

import static io.gwctl.validate.rules.common.RuleAssertions.assertNone;
import static io.gwctl.validate.rules.common.RuleAssertions.assertOne;

import org.junit.jupiter.api.Test;

/** Istio {@code ValidateServiceEntry}, resolution DYNAMIC_DNS; cases after {@code TestValidateServiceEntries}. */
class DynamicDnsResolutionRuleTest {

    /** A DYNAMIC_DNS ServiceEntry; the extra field is on line 9. */
    private static String serviceEntry(String hosts, String extra) {
        return """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: egress
                spec:
                  hosts: %s
                  resolution: DYNAMIC_DNS
                  ports: [{number: 443, name: tls, protocol: TLS}]
                  %s
                """.formatted(hosts, extra);
    }

    @Test
    void wildcardHostsWithHttpAndTlsPortsAreAccepted() {
        assertNone(serviceEntry("[\"*.example.com\"]", "location: MESH_INTERNAL"), ServiceEntryCodes.DYNAMIC_DNS);
    }

    @Test
    void hostsMustBeWildcards() {
        assertOne(serviceEntry("[api.example.com]", "location: MESH_EXTERNAL"), ServiceEntryCodes.DYNAMIC_DNS, 6,
                "host must be wildcarded for resolution mode DYNAMIC_DNS");
    }

    @Test
    void addressesAreRefused() {
        assertOne(serviceEntry("[\"*.example.com\"]", "addresses: [240.0.0.1]"), ServiceEntryCodes.DYNAMIC_DNS, 9,
                "addresses cannot be set for resolution type DYNAMIC_DNS. HTTP route domains will only be "
                        + "generatedfrom the hosts field values");
    }

    @Test
    void endpointsAreRefused() {
        assertOne(serviceEntry("[\"*.example.com\"]", "endpoints: [{address: 10.0.0.1}]"), ServiceEntryCodes.DYNAMIC_DNS, 9,
                "endpoints cannot be set for resolution type DYNAMIC_DNS. Destination IP address determined from "
                        + "hostsfield values");
    }

    @Test
    void onlyHttpTlsGrpcAndHttp2Ports() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: egress
                spec:
                  hosts: ["*.example.com"]
                  resolution: DYNAMIC_DNS
                  ports:
                  - {number: 80, name: http, protocol: HTTP}
                  - {number: 5432, name: db, protocol: TCP}
                """;
        assertOne(yaml, ServiceEntryCodes.DYNAMIC_DNS, 10,
                "only HTTP, TLS, GRPC, and HTTP2 protocols are supported for resolution type DYNAMIC_DNS");
    }

    @Test
    void meshInternalDoesNotWorkThroughAWaypoint() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: egress
                  labels: {istio.io/use-waypoint: egress-waypoint}
                spec:
                  hosts: ["*.example.com"]
                  resolution: DYNAMIC_DNS
                  location: MESH_INTERNAL
                  ports: [{number: 443, name: tls, protocol: TLS}]
                """;
        assertOne(yaml, ServiceEntryCodes.DYNAMIC_DNS, 9,
                "location MESH_INTERNAL with resolution type DYNAMIC_DNS is not supported when using waypoints");
    }
}
