package io.gwctl.translate.envoy.gateway;

import static io.gwctl.translate.envoy.gateway.GatewayTranslatorTest.HTTP80;
import static io.gwctl.translate.envoy.gateway.GatewayTranslatorTest.gateway;
import static io.gwctl.translate.envoy.gateway.GatewayTranslatorTest.route;
import static io.gwctl.translate.envoy.gateway.GatewayTranslatorTest.run;
import static io.gwctl.translate.envoy.gateway.GatewayTranslatorTest.vhostNames;
import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * VirtualService {@code exportTo} against the gateway proxy's namespace ({@code istio-system}, the Pod's), as
 * pilot's {@code PushContext.initVirtualServices} and {@code VirtualServicesForGateway} apply it: a
 * VirtualService the proxy's namespace does not see is not bound, whichever Gateway it names.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class VirtualServiceExportToTest {

    private static String vs(String name, String ns, String exportTo, String host, String prefix) {
        return """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: %s, namespace: %s}
                spec:
                  hosts: [%s]
                  gateways: [default/gw]
                  exportTo: %s
                  http:
                  - match: [{uri: {prefix: %s}}]
                    route: [{destination: {host: %s.default.svc.cluster.local, port: {number: 80}}}]
                ---
                """.formatted(name, ns, host, exportTo, prefix, name);
    }

    private static String gatewayYaml() {
        return gateway("gw", "default", HTTP80);
    }

    @Test
    void privateToTheProxysNamespaceIsBound() {
        var c = run(gatewayYaml() + vs("own", "istio-system", "[.]", "a.example.com", "/own"));
        assertThat(vhostNames(route(c, "http.80"))).containsExactly("a.example.com:80");
    }

    @Test
    void privateToAnotherNamespaceIsNotBound() {
        var c = run(gatewayYaml() + vs("hidden", "default", "[.]", "a.example.com", "/hidden"));
        assertThat(vhostNames(route(c, "http.80")))
                .as("exported to 'default' only, the VirtualService of the Gateway's namespace is not the proxy's")
                .containsExactly("blackhole:80");
    }

    @Test
    void explicitNamespacesDecide() {
        var c = run(gatewayYaml()
                + vs("listed", "default", "[., istio-system]", "listed.example.com", "/")
                + vs("elsewhere", "default", "[other]", "elsewhere.example.com", "/")
                + vs("nowhere", "default", "[\"~\"]", "nowhere.example.com", "/")
                + vs("everyone", "default", "[\"*\"]", "everyone.example.com", "/"));
        assertThat(vhostNames(route(c, "http.80"))).containsExactly("everyone.example.com:80", "listed.example.com:80");
    }

    /**
     * Routes of one host come from the VirtualServices private to the proxy's namespace, then those exported to
     * it by name, then the public ones, whatever their age.
     */
    @Test
    void privateThenExportedThenPublic() {
        var c = run(gatewayYaml()
                + vs("open", "default", "[]", "a.example.com", "/open")
                + vs("exported", "default", "[istio-system]", "a.example.com", "/exported")
                + vs("own", "istio-system", "[.]", "a.example.com", "/own"));
        assertThat(route(c, "http.80").getVirtualHosts(0).getRoutesList()).extracting(Route::getMatch)
                .extracting(m -> m.getPrefix()).containsExactly("/own", "/exported", "/open");
    }

    /** A TCP server's routes are bound the same way. */
    @Test
    void tcpRoutesFollowExportTo() {
        String tcp = """
                - port: {number: 9000, name: tcp, protocol: TCP}
                  hosts: ["*"]
                """;
        String vs = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: t, namespace: default}
                spec:
                  hosts: ["*"]
                  gateways: [default/gw]
                  exportTo: [.]
                  tcp:
                  - route: [{destination: {host: a, port: {number: 7000}}}]
                """;
        assertThat(run(gateway("gw", "default", tcp) + vs).listeners()).extracting(Listener::getName)
                .as("the only tcp route is hidden, so the server builds no chain").isEmpty();
    }
}
