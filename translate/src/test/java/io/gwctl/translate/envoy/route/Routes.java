package io.gwctl.translate.envoy.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceReader;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.model.source.ConfigSet;
import io.gwctl.model.source.InMemorySource;
import io.gwctl.translate.envoy.ServiceCatalog;
import java.util.ArrayList;
import java.util.List;

/** Test fixture: the Envoy routes of one HTTP route of the VirtualService in a YAML text. */
final class Routes {

    static final int LISTENER_PORT = 80;

    final List<Route.Builder> routes;
    final List<RouteProblem> problems = new ArrayList<>();

    private Routes(String yaml, int index) {
        List<Resource> resources = ConfigSet.load(List.of(new InMemorySource("vs.yaml", yaml)),
                new ResourceReader("default")).resources();
        Resource vs = resources.stream().filter(r -> r.is(ResourceType.VIRTUAL_SERVICE)).findFirst().orElseThrow();
        VirtualService spec = vs.spec(VirtualService.class).orElseThrow();
        HttpRouteInput in = new HttpRouteInput(vs, spec.getHttp().get(index), index, LISTENER_PORT, "cluster.local",
                ServiceCatalog.of(resources, "cluster.local"));
        routes = HttpRouteTranslation.translate(in, problems);
    }

    /** The routes of {@code spec.http[0]}. */
    static Routes of(String yaml) {
        return new Routes(yaml, 0);
    }

    /** The only route. */
    Route route() {
        assertThat(routes).hasSize(1);
        return routes.get(0).build();
    }

    /** {@code message} parsed from its proto3 JSON form. */
    static <B extends Message.Builder> B json(B builder, String json) {
        try {
            JsonFormat.parser().merge(json, builder);
            return builder;
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
