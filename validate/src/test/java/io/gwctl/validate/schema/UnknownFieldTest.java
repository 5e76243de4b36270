package io.gwctl.validate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.Validation;
import io.gwctl.validate.diagnostic.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Unknown fields, at any depth. Istio decodes {@code spec} strictly ({@code ApplyJSONStrict}, so
 * {@code unknown field "numbr"}) and rejects top-level keys other than apiVersion, kind, metadata, spec
 * and status ({@code istioctl/pkg/validate/validate.go}); istio/istio#24860 is the report of such typos
 * passing unnoticed.
 */
class UnknownFieldTest {

    private static final String GATEWAY = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: gw
              namespace: istio-system
            spec:
              selector:
                istio: ingressgateway
              servers:
              - port:
                  %s: 80
                  name: http
                  protocol: HTTP
                hosts: ["example.com"]
            """;

    @Test
    void knownFieldsAreAccepted() {
        assertThat(Validation.findings(GATEWAY.formatted("number"), SchemaCodes.UNKNOWN_FIELD)).isEmpty();
    }

    @Test
    void nestedTypoIsReportedAtItsKeyWithAHint() {
        List<Diagnostic> found = Validation.findings(GATEWAY.formatted("numbr"), SchemaCodes.UNKNOWN_FIELD);
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(11);
            assertThat(d.column()).isEqualTo(7);
            assertThat(d.path()).isEqualTo("spec.servers[0].port.numbr");
            assertThat(d.message()).isEqualTo("unknown field \"numbr\"; did you mean \"number\"?");
        });
    }

    @Test
    void unknownTopLevelFieldIsReported() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: vs
                specs:
                  hosts: ["example.com"]
                """;
        assertThat(Validation.findings(yaml, SchemaCodes.UNKNOWN_FIELD)).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.column()).isEqualTo(1);
            assertThat(d.message()).isEqualTo("unknown field \"specs\"; did you mean \"spec\"?");
        });
    }

    @Test
    void everyUnknownFieldIsReportedInOnePass() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: vs
                  lables: {app: web}
                spec:
                  hosts: ["example.com"]
                  http:
                  - route:
                    - destination:
                        host: web
                        prot: {number: 80}
                    retries:
                      per_try_timeout: 2s
                    bogus: true
                """;
        assertThat(Validation.findings(yaml, SchemaCodes.UNKNOWN_FIELD))
                .extracting(d -> d.line() + ":" + d.column() + " " + d.message())
                .containsExactly(
                        "5:3 unknown field \"lables\"; did you mean \"labels\"?",
                        "12:9 unknown field \"prot\"; did you mean \"port\"?",
                        "14:7 unknown field \"per_try_timeout\"; did you mean \"perTryTimeout\"?",
                        "15:5 unknown field \"bogus\"");
    }

    @Test
    void oneofAlternativesAreFieldsOfTheirObject() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: vs
                spec:
                  hosts: ["example.com"]
                  http:
                  - match:
                    - uri: {prefix: /a}
                    - uri: {prefx: /b}
                    route:
                    - destination: {host: web}
                """;
        assertThat(Validation.findings(yaml, SchemaCodes.UNKNOWN_FIELD)).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(10);
            assertThat(d.column()).isEqualTo(13);
            assertThat(d.path()).isEqualTo("spec.http[0].match[1].uri.prefx");
            assertThat(d.message()).isEqualTo("unknown field \"prefx\"; did you mean \"prefix\"?");
        });
    }

    @Test
    void fieldsOfNewerCrdsThanTheModelAreKnown() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: dr
                spec:
                  host: web
                  trafficPolicy:
                    connectionPool:
                      http:
                        http2KeepAlive: {interval: 30s, timeout: 5s}
                    outlierDetection:
                      outlierDetectionHttpErrorCodes: [503]
                    retryBudget: {percent: 20, budgetInterval: 10s}
                """;
        assertThat(Validation.of(yaml).diagnostics()).filteredOn(d -> d.code() instanceof SchemaCodes).isEmpty();
    }

    @Test
    void kubernetesKindsHaveTheirOwnTopLevelFields() {
        String yaml = """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: cert
                type: kubernetes.io/tls
                stringData:
                  tls.crt: x
                data:
                  tls.key: eA==
                strngData: {}
                """;
        assertThat(Validation.findings(yaml, SchemaCodes.UNKNOWN_FIELD)).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(10);
            assertThat(d.message()).isEqualTo("unknown field \"strngData\"; did you mean \"stringData\"?");
        });
    }

    @Test
    void statusIsNotChecked() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: se
                spec:
                  hosts: ["api.example.com"]
                status:
                  anything: {goes: here}
                """;
        assertThat(Validation.findings(yaml, SchemaCodes.UNKNOWN_FIELD)).isEmpty();
    }
}
