package io.gwctl.validate.rules.virtualservice;

import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertNone;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertOne;

import org.junit.jupiter.api.Test;

/**
 * Istio {@code validateTLSRoute}, {@code validateTLSMatch}, {@code validateSniHost}; cases after
 * validation_test.go {@code TestValidateVirtualService} ("missing tls route", "ip address as sni host",
 * "invalid wildcard as sni host").
 */
class TlsRouteRuleTest {

    private static String tls(String hosts, String route) {
        return """
                hosts: %s
                tls:
                %s""".formatted(hosts, route.indent(0));
    }

    @Test
    void sniHostsCoveredByTheHostsAreAccepted() {
        String spec = tls("[\"*.example.com\"]", """
                - match:
                  - sniHosts: [a.example.com, "*.b.example.com"]
                  route:
                  - destination: {host: a}
                """);
        assertNone(spec, VirtualServiceCodes.TLS_ROUTE);
        assertNone(spec, VirtualServiceCodes.SNI_HOST);
        assertNone(spec, VirtualServiceCodes.SNI_IP);
    }

    @Test
    void aRouteWithoutMatchesIsReported() {
        assertOne(tls("[a.example.com]", "- route:\n  - destination: {host: a}"), VirtualServiceCodes.TLS_ROUTE, 3,
                "TLS route must have at least one match condition");
    }

    @Test
    void aMatchWithoutSniHostsIsReported() {
        assertOne(tls("[a.example.com]", "- match:\n  - port: 443\n  route:\n  - destination: {host: a}"),
                VirtualServiceCodes.TLS_ROUTE, 4, "TLS match must have at least one SNI host");
    }

    @Test
    void aNullMatchIsReported() {
        assertOne(tls("[a.example.com]", "- match:\n  - null\n  route:\n  - destination: {host: a}"),
                VirtualServiceCodes.TLS_ROUTE, 4, "TLS match may not be null");
    }

    @Test
    void aMatchWithoutRouteIsReported() {
        assertOne(tls("[a.example.com]", "- match:\n  - sniHosts: [a.example.com]"), VirtualServiceCodes.TLS_ROUTE, 3,
                "TLS route is required");
    }

    @Test
    void anSniHostOutsideTheHostsIsReported() {
        assertOne(tls("[a.example.com, b.example.com]", "- match:\n  - sniHosts: [c.example.com]\n  route:\n  - destination: {host: a}"),
                VirtualServiceCodes.SNI_HOST, 4,
                "SNI host \"c.example.com\" is not a compatible subset of any of the virtual service hosts: [a.example.com, b.example.com]");
    }

    @Test
    void anInvalidSniHostIsReported() {
        assertOne(tls("[\"*.example.com\"]", "- match:\n  - sniHosts: [\"a.*.example.com\"]\n  route:\n  - destination: {host: a}"),
                VirtualServiceCodes.SNI_HOST, 4, "domain name \"a.*.example.com\" invalid (label \"*\" invalid)");
    }

    @Test
    void anIpSniHostIsAWarning() {
        String spec = tls("[\"*\"]", "- match:\n  - sniHosts: [1.1.1.1]\n  route:\n  - destination: {host: a}")
                .replace("hosts: [\"*\"]", "hosts: [\"*\"]\ngateways: [istio-system/gw]");
        assertOne(spec, VirtualServiceCodes.SNI_IP, 5,
                "using an IP address (\"1.1.1.1\") goes against SNI spec and most clients do not support this");
        assertNone(spec, VirtualServiceCodes.SNI_HOST);
    }
}
