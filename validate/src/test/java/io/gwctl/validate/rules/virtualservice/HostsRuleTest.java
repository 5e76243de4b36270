package io.gwctl.validate.rules.virtualservice;

import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertNone;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertOne;

import org.junit.jupiter.api.Test;

/**
 * Istio {@code ValidateVirtualService} host checks; cases after validation_test.go
 * {@code TestValidateVirtualService} ("duplicate hosts", "bad host", "wildcard for mesh gateway",
 * "wildcard for non-mesh gateway", "allow sni based domains").
 */
class HostsRuleTest {

    private static String vs(String hosts, String gateways) {
        return """
                hosts: %s
                gateways: %s
                http:
                - route:
                  - destination: {host: reviews}
                """.formatted(hosts, gateways);
    }

    @Test
    void validHostsAndIpsAreAccepted() {
        String spec = vs("[reviews.example.com, \"*.bar.com\", 10.0.0.1, Upper.Example.com]", "[]");
        assertNone(spec, VirtualServiceCodes.HOST);
        assertNone(spec, VirtualServiceCodes.DUPLICATE_HOST);
    }

    @Test
    void anInvalidHostIsReported() {
        assertOne(vs("[\"foo.*.com\"]", "[]"), VirtualServiceCodes.HOST, 1,
                "domain name \"foo.*.com\" invalid (label \"*\" invalid)");
    }

    @Test
    void theWildcardHostIsReportedForTheMesh() {
        assertOne(vs("[\"*\"]", "[mesh, istio-system/gw]"), VirtualServiceCodes.MESH_WILDCARD_HOST, 1,
                "wildcard host * is not allowed for virtual services bound to the mesh gateway");
    }

    @Test
    void theWildcardHostIsAcceptedForGateways() {
        assertNone(vs("[\"*\"]", "[istio-system/gw]"), VirtualServiceCodes.MESH_WILDCARD_HOST);
    }

    @Test
    void overlappingHostsAreReported() {
        assertOne(vs("[\"*.foo.com\", a.foo.com]", "[]"), VirtualServiceCodes.DUPLICATE_HOST, 1,
                "duplicate hosts in virtual service: *.foo.com & a.foo.com");
    }

    @Test
    void duplicatesAreNotLookedForWhenAHostIsInvalid() {
        assertNone(vs("[a.foo.com, a.foo.com, \"bad_host.com\"]", "[]"), VirtualServiceCodes.DUPLICATE_HOST);
    }

    @Test
    void autoPassthroughSniNamesAreAcceptedOnGateways() {
        assertNone("""
                hosts: [outbound_.15010_._.istiod.istio-system.svc.cluster.local]
                gateways: [istio-system/gw]
                tls:
                - match:
                  - sniHosts: [outbound_.15010_._.istiod.istio-system.svc.cluster.local]
                  route:
                  - destination: {host: istiod.istio-system.svc.cluster.local}
                """, VirtualServiceCodes.HOST);
    }

    @Test
    void autoPassthroughSniNamesNeedAPort() {
        assertOne("""
                hosts: [outbound_.port_._.istiod.istio-system.svc.cluster.local]
                gateways: [istio-system/gw]
                tls:
                - match:
                  - sniHosts: [a.example.com]
                  route:
                  - destination: {host: istiod.istio-system.svc.cluster.local}
                """, VirtualServiceCodes.HOST, 1, "domain name \"outbound_.port_._.istiod.istio-system.svc.cluster.local\" "
                + "invalid (label \"port\" invalid). should follow outbound_.<PORT>_._.<HOSTNAME> format");
    }
}
