package io.gwctl.validate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.Validation;
import io.gwctl.validate.rules.common.CommonCodes;
import io.gwctl.validate.rules.ingress.IngressCodes;
import org.junit.jupiter.api.Test;

/**
 * Fields the CRD marks required (istio/api {@code customresourcedefinitions.gen.yaml}: Gateway
 * {@code servers[].port} with {@code number}, {@code protocol}, {@code name}; a destination's
 * {@code host}…) or the Kubernetes API requires ({@code metadata.name}, an Ingress path's
 * {@code pathType}). The API server's wording: {@code <path>: Required value}.
 */
class RequiredFieldTest {

    @Test
    void completeGatewayHasNoMissingFields() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata:
                  name: gw
                spec:
                  servers:
                  - port: {number: 80, name: http, protocol: HTTP}
                    hosts: ["example.com"]
                """;
        assertThat(Validation.findings(yaml, SchemaCodes.REQUIRED_FIELD)).isEmpty();
    }

    @Test
    void gatewayPortFieldsAreEachReportedAtThePort() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata:
                  name: gw
                spec:
                  servers:
                  - port:
                      targetPort: 8080
                    hosts: ["example.com"]
                """;
        // Each missing field is reported once; where Istio has its own check, with Istio's words.
        assertThat(Validation.of(yaml).diagnostics())
                .filteredOn(d -> d.path().startsWith("spec.servers[0].port."))
                .extracting(d -> d.line() + ":" + d.column() + " " + d.path() + " | " + d.message())
                .containsExactlyInAnyOrder(
                        "7:5 spec.servers[0].port.number | port number 0 must be in the range 1..65535",
                        "7:5 spec.servers[0].port.protocol | invalid protocol \"\", supported protocols are HTTP, HTTP2, "
                                + "GRPC, GRPC-WEB, MONGO, REDIS, MYSQL, TCP",
                        "7:5 spec.servers[0].port.name | port name must be set: target_port:8080",
                        "8:7 spec.servers[0].port.targetPort | targetPort has no impact on Gateways");
    }

    @Test
    void misspeltRequiredFieldIsReportedOnceAsUnknown() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata:
                  name: gw
                spec:
                  servers:
                  - port: {numbr: 80, name: http}
                    hosts: ["example.com"]
                """;
        assertThat(Validation.of(yaml).diagnostics()).filteredOn(d -> d.code() instanceof SchemaCodes)
                .extracting(d -> d.line() + ":" + d.column() + " " + d.code().code() + " " + d.message())
                .containsExactly(
                        "7:5 GW0104 spec.servers[0].port.protocol: Required value",
                        "7:12 GW0101 unknown field \"numbr\"; did you mean \"number\"?");
    }

    @Test
    void virtualServiceRouteDestinationNeedsAHost() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: vs
                spec:
                  hosts: ["example.com"]
                  http:
                  - route:
                    - destination:
                        subset: v1
                    - weight: 10
                """;
        // The missing host is Istio's VirtualService check to word; the missing destination the schema's.
        assertThat(Validation.findings(yaml, SchemaCodes.REQUIRED_FIELD))
                .extracting(d -> d.line() + ":" + d.column() + " " + d.message())
                .containsExactly("11:7 spec.http[0].route[1].destination: Required value");
        assertThat(Validation.of(yaml).diagnostics())
                .filteredOn(d -> d.path().equals("spec.http[0].route[0].destination.host"))
                .singleElement().satisfies(d -> assertThat(d.code()).isNotInstanceOf(SchemaCodes.class));
    }

    @Test
    void nullCountsAsMissing() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: dr
                spec:
                  host: ~
                """;
        // One finding at the null host; Istio's DestinationRule check words it.
        assertThat(Validation.of(yaml).diagnostics()).filteredOn(d -> d.path().equals("spec.host"))
                .singleElement().satisfies(d -> {
                    assertThat(d.line()).isEqualTo(6);
                    assertThat(d.column()).isEqualTo(3);
                });
    }

    @Test
    void serviceEntryNeedsASpec() {
        String yaml = """
                apiVersion: networking.istio.io/v1alpha3
                kind: ServiceEntry
                metadata:
                  name: se
                """;
        assertThat(Validation.findings(yaml, SchemaCodes.REQUIRED_FIELD)).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(1);
            assertThat(d.column()).isEqualTo(1);
            assertThat(d.message()).isEqualTo("spec: Required value");
        });
    }

    @Test
    void ingressV1PathNeedsAPathType() {
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                spec:
                  rules:
                  - http:
                      paths:
                      - path: /
                        backend:
                          service: {name: web, port: {number: 80}}
                """;
        // The Ingress rule reports the same field with the API server's full text, so that finding is kept.
        assertThat(Validation.findings(yaml, SchemaCodes.REQUIRED_FIELD)).isEmpty();
        assertThat(Validation.findings(yaml, IngressCodes.PATH_TYPE_REQUIRED)).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(9);
            assertThat(d.column()).isEqualTo(9);
            assertThat(d.message())
                    .isEqualTo("spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified");
        });
    }

    @Test
    void metadataNeedsANameOrGenerateName() {
        String named = """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata:
                  generateName: gw-
                spec: {}
                """;
        assertThat(Validation.findings(named, CommonCodes.NAME_REQUIRED)).isEmpty();
        String unnamed = """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata:
                  namespace: istio-system
                spec: {}
                """;
        assertThat(Validation.findings(unnamed, CommonCodes.NAME_REQUIRED)).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.column()).isEqualTo(1);
            assertThat(d.message()).isEqualTo("metadata.name: Required value: name or generateName is required");
        });
    }
}
