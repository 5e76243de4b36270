package io.gwctl.validate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.Validation;
import org.junit.jupiter.api.Test;

/**
 * Enum values outside the CRD's {@code enum} list (Istio's proto enums: Gateway {@code tls.mode},
 * DestinationRule {@code loadBalancer.simple}, ServiceEntry {@code resolution}/{@code location}).
 * The API server says {@code <path>: Unsupported value: "X": supported values: "A", "B"}; Istio's
 * decoder matches names exactly, so {@code simple} is as wrong as {@code SIMPL}.
 */
class EnumValueTest {

    private static String gateway(String mode) {
        return """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata:
                  name: gw
                spec:
                  servers:
                  - port: {number: 443, name: https, protocol: HTTPS}
                    hosts: ["example.com"]
                    tls:
                      mode: %s
                      credentialName: cert
                """.formatted(mode);
    }

    @Test
    void allowedValueIsAccepted() {
        assertThat(Validation.findings(gateway("SIMPLE"), SchemaCodes.ENUM_VALUE)).isEmpty();
    }

    @Test
    void gatewayTlsModeListsTheAllowedValuesInApiOrder() {
        assertThat(Validation.findings(gateway("SIMPL"), SchemaCodes.ENUM_VALUE)).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(10);
            assertThat(d.column()).isEqualTo(7);
            assertThat(d.path()).isEqualTo("spec.servers[0].tls.mode");
            assertThat(d.message()).isEqualTo("spec.servers[0].tls.mode: Unsupported value: \"SIMPL\": supported values: "
                    + "\"PASSTHROUGH\", \"SIMPLE\", \"MUTUAL\", \"AUTO_PASSTHROUGH\", \"ISTIO_MUTUAL\", \"OPTIONAL_MUTUAL\""
                    + "; did you mean \"SIMPLE\"?");
        });
    }

    @Test
    void lowerCaseNameIsNotTheEnumName() {
        assertThat(Validation.findings(gateway("simple"), SchemaCodes.ENUM_VALUE)).singleElement()
                .satisfies(d -> assertThat(d.message()).endsWith("; did you mean \"SIMPLE\"?"));
    }

    @Test
    void numberWhereAnEnumNameBelongsIsAWrongType() {
        assertThat(Validation.findings(gateway("1"), SchemaCodes.WRONG_TYPE)).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(10);
            assertThat(d.message()).isEqualTo("spec.servers[0].tls.mode in body must be of type string: \"integer\"");
        });
    }

    @Test
    void destinationRuleLoadBalancer() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: dr
                spec:
                  host: web
                  trafficPolicy:
                    loadBalancer:
                      simple: LEAST_CONNECTIONS
                """;
        assertThat(Validation.findings(yaml, SchemaCodes.ENUM_VALUE)).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(9);
            assertThat(d.column()).isEqualTo(7);
            assertThat(d.message()).isEqualTo("spec.trafficPolicy.loadBalancer.simple: Unsupported value: "
                    + "\"LEAST_CONNECTIONS\": supported values: \"UNSPECIFIED\", \"LEAST_CONN\", \"RANDOM\", "
                    + "\"PASSTHROUGH\", \"ROUND_ROBIN\", \"LEAST_REQUEST\"");
        });
    }

    @Test
    void serviceEntryResolutionAndLocation() {
        String yaml = """
                apiVersion: networking.istio.io/v1beta1
                kind: ServiceEntry
                metadata:
                  name: se
                spec:
                  hosts: ["api.example.com"]
                  location: EXTERNAL
                  resolution: DNS
                  ports:
                  - {number: 443, name: https, protocol: TLS}
                ---
                apiVersion: networking.istio.io/v1beta1
                kind: ServiceEntry
                metadata:
                  name: se2
                spec:
                  hosts: ["api.example.org"]
                  location: MESH_EXTERNAL
                  resolution: DNS_RR
                """;
        assertThat(Validation.findings(yaml, SchemaCodes.ENUM_VALUE))
                .extracting(d -> d.line() + ":" + d.column() + " " + d.message())
                .containsExactly(
                        "7:3 spec.location: Unsupported value: \"EXTERNAL\": supported values: "
                                + "\"MESH_EXTERNAL\", \"MESH_INTERNAL\"",
                        "19:3 spec.resolution: Unsupported value: \"DNS_RR\": supported values: "
                                + "\"NONE\", \"STATIC\", \"DNS\", \"DNS_ROUND_ROBIN\", \"DYNAMIC_DNS\"");
    }
}
