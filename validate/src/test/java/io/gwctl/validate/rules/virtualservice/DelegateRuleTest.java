package io.gwctl.validate.rules.virtualservice;

import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertMessages;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertNone;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertOne;

import org.junit.jupiter.api.Test;

/**
 * Istio {@code ValidateVirtualService} (delegate virtual services) and {@code validateHTTPRouteConflict}
 * (root and delegate routes); cases after virtualservice_test.go {@code TestValidateRootHTTPRoute},
 * {@code TestValidateDelegateHTTPRoute} and validation_test.go "delegate with no hosts".
 */
class DelegateRuleTest {

    @Test
    void aDelegateWithOnlyHttpRoutesIsAccepted() {
        String spec = """
                http:
                - route:
                  - destination: {host: reviews}
                """;
        assertNone(spec, VirtualServiceCodes.DELEGATE_SCOPE);
        assertNone(spec, VirtualServiceCodes.DELEGATION);
    }

    @Test
    void aDelegateWithGatewaysIsReported() {
        assertOne("""
                gateways: [istio-system/gw]
                http:
                - route:
                  - destination: {host: reviews}
                """, VirtualServiceCodes.DELEGATE_SCOPE, 1, "delegate virtual service must have no gateways specified");
    }

    @Test
    void aDelegateWithTlsRoutesIsReported() {
        assertOne("""
                tls:
                - match:
                  - sniHosts: [a.example.com]
                  route:
                  - destination: {host: a}
                """, VirtualServiceCodes.DELEGATE_SCOPE, 1, "delegate virtual service must have no tls route specified");
    }

    @Test
    void aDelegateWithTcpRoutesIsReported() {
        assertOne("""
                tcp:
                - route:
                  - destination: {host: a}
                """, VirtualServiceCodes.DELEGATE_SCOPE, 1, "delegate virtual service must have no tcp route specified");
    }

    @Test
    void aRootRouteThatOnlyDelegatesIsAccepted() {
        assertNone("""
                hosts: [reviews.example.com]
                http:
                - name: to-delegate
                  delegate: {name: reviews-delegate, namespace: team}
                """, VirtualServiceCodes.DELEGATION);
    }

    @Test
    void aRootRouteThatAlsoRedirectsOrRoutesIsReported() {
        assertMessages("""
                hosts: [reviews.example.com]
                http:
                - name: to-delegate
                  delegate: {name: reviews-delegate}
                  redirect: {uri: /v2}
                  route:
                  - destination: {host: reviews}
                """, VirtualServiceCodes.DELEGATION,
                "root HTTP route to-delegate must not specify redirect",
                "root HTTP route to-delegate must not specify route");
    }

    @Test
    void aDelegateRouteThatDelegatesAgainIsReported() {
        assertOne("""
                http:
                - delegate: {name: further}
                  route:
                  - destination: {host: reviews}
                """, VirtualServiceCodes.DELEGATION, 2, "delegate HTTP route cannot contain delegate");
    }
}
