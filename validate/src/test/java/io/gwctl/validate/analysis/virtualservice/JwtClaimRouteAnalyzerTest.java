package io.gwctl.validate.analysis.virtualservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.Validation;
import io.gwctl.validate.analysis.AnalysisCodes;
import org.junit.jupiter.api.Test;

/**
 * Istio {@code virtualservice.JWTClaimRouteAnalyzer} ({@code virtualservice/jwtclaimroute.go},
 * {@code jwt.ToRoutingClaim}; testdata {@code virtualservice_jwtclaimroute.yaml}).
 */
class JwtClaimRouteAnalyzerTest {

    private static final String CONFIG = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: gw
              namespace: default
            spec:
              selector:
                istio: ingressgateway
              servers:
              - port: {number: 80, name: http, protocol: HTTP}
                hosts: ["foo.com"]
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: foo
              namespace: default
            spec:
              hosts: ["foo.com"]
              gateways: [gw]
              http:
              - match:
                - headers:
                    "@request.auth.claims.group":
                      exact: admin
                route:
                - destination: {host: foo}
            """;

    @Test
    void claimRouteWithoutRequestAuthenticationOnTheGatewayPodIsReported() {
        var found = Validation.findings(CONFIG, AnalysisCodes.JWT_CLAIM_ROUTE_WITHOUT_AUTHN);
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(24);
            assertThat(d.message()).startsWith("The virtual service uses the JWT claim based routing (key: "
                    + "@request.auth.claims.group) but found no request authentication for the gateway (default/gw) "
                    + "pod (istio-ingressgateway-dummypod).");
        });
    }

    @Test
    void requestAuthenticationInTheRootNamespaceSelectingThePodSatisfiesIt() {
        String yaml = CONFIG + """
                ---
                apiVersion: security.istio.io/v1
                kind: RequestAuthentication
                metadata:
                  name: jwt
                  namespace: istio-system
                spec:
                  selector:
                    matchLabels:
                      istio: ingressgateway
                  jwtRules:
                  - issuer: https://issuer.example.com
                """;
        assertThat(Validation.findings(yaml, AnalysisCodes.JWT_CLAIM_ROUTE_WITHOUT_AUTHN)).isEmpty();
    }

    @Test
    void claimKeysFollowToRoutingClaim() {
        assertThat(JwtClaimRouteAnalyzer.isClaim("@request.auth.claims.group")).isTrue();
        assertThat(JwtClaimRouteAnalyzer.isClaim("@request.auth.claims[nested][key]")).isTrue();
        assertThat(JwtClaimRouteAnalyzer.isClaim("@request.auth.claims.")).isFalse();
        assertThat(JwtClaimRouteAnalyzer.isClaim("x-user")).isFalse();
    }
}
