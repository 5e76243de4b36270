package io.gwctl.validate.analysis.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.resource.ResourceReader;
import io.gwctl.model.source.ConfigSet;
import io.gwctl.model.source.InMemorySource;
import io.gwctl.validate.analysis.AnalysisContext;
import io.gwctl.validate.diagnostic.Findings;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Istio's analyzer {@code GetDestinationHost} ({@code util/service_lookup.go}): what is visible from where,
 * by {@code exportTo}.
 */
class ServiceRegistryTest {

    private static ServiceRegistry registry(String yaml) {
        ConfigSet config = ConfigSet.load(List.of(new InMemorySource("test.yaml", yaml)),
                new ResourceReader("default"));
        return ServiceRegistry.of(new AnalysisContext(config.resources(), new Findings()));
    }

    private static final String CONFIG = """
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: local
              namespace: other
            spec:
              hosts: [local.example.com]
              exportTo: ["."]
            ---
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: shared
              namespace: other
            spec:
              hosts: [shared.example.com]
              exportTo: [team]
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: hello
              namespace: hello
              annotations:
                networking.istio.io/exportTo: "hello1, ."
            spec:
              ports:
              - port: 9080
            """;

    @Test
    void exportToDecidesWhoSeesAService() {
        ServiceRegistry registry = registry(CONFIG);
        assertThat(registry.resolve("other", null, "local.example.com")).isPresent();
        assertThat(registry.resolve("default", null, "local.example.com")).isEmpty();
        assertThat(registry.resolve("team", null, "shared.example.com")).isPresent();
        assertThat(registry.resolve("hello1", null, "hello.hello.svc.cluster.local")).isPresent();
        assertThat(registry.resolve("hello", null, "hello")).isPresent();
        assertThat(registry.resolve("default", null, "hello.hello.svc.cluster.local")).isEmpty();
    }

    @Test
    void theAssumedIngressGatewayServiceIsThere() {
        assertThat(registry("").resolve("default", null, "istio-ingressgateway.istio-system.svc.cluster.local"))
                .hasValueSatisfying(s -> assertThat(s.portNumbers()).containsExactly(80, 443, 31400, 15443));
    }
}
