package io.gwctl.translate.envoy.cluster;

import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceReader;
import io.gwctl.model.source.ConfigSet;
import io.gwctl.model.source.InMemorySource;
import io.gwctl.translate.envoy.GatewayOptions;
import io.gwctl.translate.envoy.ServiceCatalog;
import java.util.List;

/** Test fixture: the cluster config of YAML input for the default ingress gateway. */
final class Clusters {

    private Clusters() {
    }

    static List<Resource> resources(String yaml) {
        return ConfigSet.load(List.of(new InMemorySource("config.yaml", yaml)), new ResourceReader("default")).resources();
    }

    static ClusterConfig of(String yaml) {
        List<Resource> resources = resources(yaml);
        GatewayOptions options = GatewayOptions.ingress();
        return ClusterTranslator.translate(resources, ServiceCatalog.of(resources, options.domainSuffix()), options);
    }
}
