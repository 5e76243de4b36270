package io.gwctl.validate.analysis.virtualservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.Validation;
import io.gwctl.validate.analysis.AnalysisCodes;
import io.gwctl.validate.diagnostic.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Istio {@code virtualservice.ConflictingMeshGatewayHostsAnalyzer} ({@code conflictingmeshgatewayhosts.go};
 * testdata {@code virtualservice_conflictingmeshgatewayhosts*.yaml}), without the self-conflict of
 * istio/istio#42561.
 */
class ConflictingMeshGatewayHostsAnalyzerTest {

    private static String virtualService(String namespace, String name, String hosts, String exportTo) {
        return """
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  hosts: [%s]
                  exportTo: [%s]
                  http:
                  - route:
                    - destination:
                        host: reviews
                """.formatted(name, namespace, hosts, exportTo);
    }

    @Test
    void sameServiceInTwoVirtualServicesConflicts() {
        List<Diagnostic> found = Validation.findings(virtualService("foo", "a", "reviews", "")
                + virtualService("bar", "b", "reviews.foo.svc.cluster.local", ""), AnalysisCodes.MESH_HOST_CONFLICT);
        assertThat(found).extracting(Diagnostic::name).containsExactlyInAnyOrder("a", "b");
        assertThat(found).allSatisfy(d -> assertThat(d.message()).isEqualTo("The VirtualServices bar/b,foo/a "
                + "associated with mesh gateway define the same host reviews.foo.svc.cluster.local which can lead to "
                + "undefined behavior. This can be fixed by merging the conflicting VirtualServices into a single "
                + "resource."));
        assertThat(found).filteredOn(d -> d.name().equals("a")).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(8);
            assertThat(d.path()).isEqualTo("spec.hosts[0]");
        });
    }

    /** istio/istio#42561. */
    @Test
    void virtualServiceNamingOneServiceTwiceDoesNotConflictWithItself() {
        String yaml = virtualService("foo", "a", "reviews, reviews.foo.svc.cluster.local", "\".\", foo");
        assertThat(Validation.findings(yaml, AnalysisCodes.MESH_HOST_CONFLICT)).isEmpty();
    }

    @Test
    void disjointExportToScopesDoNotConflict() {
        String yaml = virtualService("foo", "a", "reviews.foo.svc.cluster.local", "\".\"")
                + virtualService("bar", "b", "reviews.foo.svc.cluster.local", "\".\"");
        assertThat(Validation.findings(yaml, AnalysisCodes.MESH_HOST_CONFLICT)).isEmpty();
    }
}
