package io.gwctl.validate.rules.serviceentry;

import static io.gwctl.validate.rules.common.RuleAssertions.assertNone;
import static io.gwctl.validate.rules.common.RuleAssertions.assertOne;

import org.junit.jupiter.api.Test;

/**
 * Istio {@code ValidateServiceEntry}, resolutions DNS and DNS_ROUND_ROBIN; cases after
 * {@code TestValidateServiceEntries}.
 */
class DnsResolutionRuleTest {

    @Test
    void namesWithoutEndpointsAreAccepted() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: external
                spec:
                  hosts: [api.example.com, www.example.com]
                  resolution: DNS
                  ports: [{number: 443, name: tls, protocol: TLS}]
                """;
        assertNone(yaml, ServiceEntryCodes.DNS_HOSTS, ServiceEntryCodes.DNS_ROUND_ROBIN_ENDPOINTS,
                ServiceEntryCodes.DNS_MULTIPLE_HOSTS_TCP);
    }

    @Test
    void wildcardHostWithoutEndpointsIsReportedOnce() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: external
                spec:
                  hosts:
                  - api.example.com
                  - "*.example.com"
                  - "*.example.org"
                  resolution: DNS
                  ports: [{number: 443, name: tls, protocol: TLS}]
                """;
        assertOne(yaml, ServiceEntryCodes.DNS_HOSTS, 8,
                "hosts must be FQDN or contain only prefix wildcards if no endpoints are provided for resolution mode "
                        + "DNS, domain name \"*.example.com\" invalid (label \"*\" invalid)");
    }

    @Test
    void wildcardHostWithEndpointsIsAccepted() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: external
                spec:
                  hosts: ["*.example.com"]
                  resolution: DNS
                  ports: [{number: 443, name: tls, protocol: TLS}]
                  endpoints: [{address: proxy.example.com}]
                """;
        assertNone(yaml, ServiceEntryCodes.DNS_HOSTS);
    }

    @Test
    void roundRobinTakesOneEndpoint() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: external
                spec:
                  hosts: [api.example.com]
                  resolution: DNS_ROUND_ROBIN
                  ports: [{number: 443, name: tls, protocol: TLS}]
                  endpoints:
                  - address: a.example.com
                  - address: b.example.com
                """;
        assertOne(yaml, ServiceEntryCodes.DNS_ROUND_ROBIN_ENDPOINTS, 9,
                "there must only be 0 or 1 endpoint for resolution mode DNS_ROUND_ROBIN");
    }

    @Test
    void severalHostsWithAddressAndTcpPortIsAWarning() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: external
                spec:
                  hosts: [a.example.com, b.example.com]
                  addresses: [240.0.0.1]
                  resolution: DNS
                  ports: [{number: 443, name: https, protocol: HTTPS}]
                """;
        assertOne(yaml, ServiceEntryCodes.DNS_MULTIPLE_HOSTS_TCP, 6,
                "service entry can not have more than one host specified simultaneously with address and tcp port");
    }
}
