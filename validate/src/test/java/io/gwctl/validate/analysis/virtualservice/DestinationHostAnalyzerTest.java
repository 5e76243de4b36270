package io.gwctl.validate.analysis.virtualservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.Validation;
import io.gwctl.validate.analysis.AnalysisCodes;
import org.junit.jupiter.api.Test;

/**
 * Istio {@code virtualservice.DestinationHostAnalyzer} ({@code destinationhosts.go}, {@code util/service_lookup.go};
 * testdata {@code virtualservice_destinationhosts.yaml}), including cross-namespace FQDNs
 * (istio/istio#22698) and {@code networking.istio.io/exportTo} on Services.
 */
class DestinationHostAnalyzerTest {

    private static final String SERVICES = """
            apiVersion: v1
            kind: Service
            metadata:
              name: reviews
              namespace: bookinfo
            spec:
              ports:
              - name: http
                port: 9080
              - name: grpc
                port: 9090
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: private
              namespace: bookinfo
              annotations:
                networking.istio.io/exportTo: "."
            spec:
              ports:
              - name: http
                port: 80
            ---
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: eu
              namespace: bookinfo
            spec:
              hosts: ["*.eu.example.com"]
              ports:
              - name: https
                number: 443
                protocol: HTTPS
            ---
            """;

    private static String routeTo(String namespace, String destination) {
        return SERVICES + """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: vs
                  namespace: %s
                spec:
                  hosts: ["vs.example.com"]
                  http:
                  - route:
                    - destination:
                        %s
                """.formatted(namespace, destination);
    }

    @Test
    void shortFqdnAndWildcardServiceEntryHostsResolve() {
        assertThat(Validation.findings(routeTo("bookinfo", "{host: reviews, port: {number: 9080}}"),
                AnalysisCodes.DESTINATION_HOST_NOT_FOUND)).isEmpty();
        String crossNamespace = "{host: reviews.bookinfo.svc.cluster.local, port: {number: 9080}}";
        assertThat(Validation.findings(routeTo("default", crossNamespace), AnalysisCodes.DESTINATION_HOST_NOT_FOUND))
                .as("istio/istio#22698").isEmpty();
        assertThat(Validation.findings(routeTo("default", "{host: shop.eu.example.com}"),
                AnalysisCodes.DESTINATION_HOST_NOT_FOUND)).isEmpty();
    }

    @Test
    void hostOfNoVisibleServiceIsReportedAtTheHost() {
        assertThat(Validation.findings(routeTo("default", "{host: reviews}"), AnalysisCodes.DESTINATION_HOST_NOT_FOUND))
                .singleElement().satisfies(d -> {
                    assertThat(d.line()).isEqualTo(47);
                    assertThat(d.path()).isEqualTo("spec.http[0].route[0].destination.host");
                    assertThat(d.message()).isEqualTo("Referenced host not found: \"reviews\"");
                });
        assertThat(Validation.findings(routeTo("default", "{host: private.bookinfo.svc.cluster.local}"),
                AnalysisCodes.DESTINATION_HOST_NOT_FOUND)).as("exported to its own namespace only").hasSize(1);
        assertThat(Validation.findings(routeTo("default", "{host: httpbin.org}"),
                AnalysisCodes.DESTINATION_HOST_NOT_FOUND)).as("an external host needs a ServiceEntry").hasSize(1);
    }

    @Test
    void portMustBeGivenForSeveralPortsAndBeOneOfThem() {
        assertThat(Validation.findings(routeTo("bookinfo", "{host: reviews}"), AnalysisCodes.DESTINATION_PORT_REQUIRED))
                .singleElement().satisfies(d -> assertThat(d.message()).isEqualTo("This VirtualService routes to a "
                        + "service \"reviews\" that exposes multiple ports [9080 9090]. Specifying a port in the "
                        + "destination is required to disambiguate."));
        assertThat(Validation.findings(routeTo("bookinfo", "{host: reviews, port: {number: 80}}"),
                AnalysisCodes.DESTINATION_PORT_NOT_FOUND)).singleElement().satisfies(d -> {
                    assertThat(d.path()).isEqualTo("spec.http[0].route[0].destination.port.number");
                    assertThat(d.message()).isEqualTo("Referenced host:port not found: \"reviews:80\"");
                });
    }

    @Test
    void mirrorHostIsCheckedToo() {
        String yaml = routeTo("bookinfo", "{host: reviews, port: {number: 9080}}") + """
                    mirror:
                      host: nowhere
                """;
        assertThat(Validation.findings(yaml, AnalysisCodes.DESTINATION_HOST_NOT_FOUND)).singleElement()
                .satisfies(d -> assertThat(d.message()).isEqualTo("Referenced mirror host not found: \"nowhere\""));
    }
}
