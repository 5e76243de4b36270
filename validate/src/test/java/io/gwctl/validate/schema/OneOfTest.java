package io.gwctl.validate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.Validation;
import org.junit.jupiter.api.Test;

/**
 * Protobuf oneofs, which the CRD turns into {@code oneOf} schemas: a StringMatch takes one of
 * {@code exact}, {@code prefix}, {@code regex}; a load balancer {@code simple} or
 * {@code consistentHash}; a consistent hash one key and one algorithm. The API server rejects a second
 * one; Istio's decoder silently keeps the last, which hides the mistake.
 */
class OneOfTest {

    private static String virtualService(String uri) {
        return """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: vs
                spec:
                  hosts: ["example.com"]
                  http:
                  - match:
                    - uri:
                        %s
                    route:
                    - destination: {host: web}
                """.formatted(uri);
    }

    @Test
    void oneAlternativeIsAccepted() {
        assertThat(Validation.findings(virtualService("prefix: /api"), SchemaCodes.ONE_OF)).isEmpty();
    }

    @Test
    void twoStringMatchAlternativesAreReportedAtTheMatch() {
        String uri = "prefix: /api\n        regex: /api/.*";
        assertThat(Validation.findings(virtualService(uri), SchemaCodes.ONE_OF)).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(9);
            assertThat(d.column()).isEqualTo(7);
            assertThat(d.path()).isEqualTo("spec.http[0].match[0].uri");
            assertThat(d.message()).isEqualTo(
                    "spec.http[0].match[0].uri: only one of exact, prefix or regex can be set, found prefix and regex");
        });
    }

    @Test
    void loadBalancerPolicyAndHashKeys() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: dr
                spec:
                  host: web
                  trafficPolicy:
                    loadBalancer:
                      simple: ROUND_ROBIN
                      consistentHash:
                        httpHeaderName: x-user
                        useSourceIp: true
                """;
        assertThat(Validation.findings(yaml, SchemaCodes.ONE_OF))
                .extracting(d -> d.line() + ":" + d.column() + " " + d.message())
                .containsExactly(
                        "8:5 spec.trafficPolicy.loadBalancer: only one of consistentHash or simple can be set,"
                                + " found simple and consistentHash",
                        "10:7 spec.trafficPolicy.loadBalancer.consistentHash: only one of httpCookie, httpHeaderName,"
                                + " httpQueryParameterName or useSourceIp can be set, found httpHeaderName and useSourceIp");
    }
}
