package io.gwctl.translate.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.testing.Corpus;

import io.fabric8.istio.api.api.networking.v1alpha3.Gateway;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.translate.convert.ConversionResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conformance with Istio's own Ingress conversion goldens (corpus {@code convert/INDEX.md}, sections B and C,
 * and the two Ingress cases of section A's final {@code convert-networking-config}):
 * {@code istioctl convert-ingress} 1.0.0 and 1.8.0, and pilot's in-cluster conversion at 1.8.0 and at master
 * {@code 86c9f01f} ({@code pilot/pkg/config/kube/ingress/conversion_test.go} {@code TestGoldenConversion}).
 *
 * <p>Both sides are read back through the model and compared as normalised facts, because gwctl differs on
 * purpose in ways the goldens cannot show verbatim:
 * <ul>
 *   <li><b>Routes</b>: the multiset of {@code host | match -> destination:port} over all VirtualServices.
 *       Where Istio merged Ingresses of different namespaces into one VirtualService (1.0/1.8
 *       {@code merged-gateway}), gwctl keeps one per namespace; the union of routes is the same. Route
 *       order is compared with master's only (1.0 kept input order, 1.5–1.8 only put exact matches
 *       first), leaving out {@code Prefix} paths written with a trailing {@code /}, which gwctl ranks
 *       without it as Kubernetes does.</li>
 *   <li><b>Prefix</b>: gwctl writes {@code pathType: Prefix /p} as {@code exact /p} + {@code prefix /p/}
 *       (path segments); Istio 1.8 wrote {@code prefix /p/}, master {@code prefix /p} plus an internal
 *       annotation. All three normalise to {@code prefix:/p} (a trailing {@code /} of any prefix is dropped
 *       on both sides), and an empty prefix or empty match to {@code *}.</li>
 *   <li><b>VirtualService names</b>: every golden VirtualService name exists in gwctl's output, in the same
 *       namespace, except 1.0.0 which put it in {@code istio-system} (the bug istio/istio#5817 describes);
 *       gwctl keeps the Ingress's namespace. {@code convert-networking-config} named the VirtualService of
 *       host {@code *} without the {@code wild-} prefix every later converter uses; its names are not
 *       compared.</li>
 *   <li><b>Gateway</b>: gwctl emits one merged Gateway; the pilot goldens have one per Ingress (which
 *       conflict on port 80) and the istioctl goldens none at all. Compared: the set of servers as
 *       {@code port/protocol hosts credentialName}, names aside; for istioctl cases, that the Gateway exists
 *       with its port-80 server.</li>
 * </ul>
 * Every case's output also validates with no errors; it is converted again for that with the default
 * {@code cluster.local} suffix, the only one the validator's service registry knows (the pilot goldens use
 * {@code mydomain}).
 */
class IngressGoldenTest {

    /** The Service Istio 1.8's test served from a fake client for the named-port case. */
    private static final String NAMED_PORT_SERVICE = """
            apiVersion: v1
            kind: Service
            metadata:
              name: my-service
              namespace: mock-ns
            spec:
              ports:
              - name: my-svc-port
                port: 1234
                targetPort: 8080
            """;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String version : List.of("istio-1.0.0-convert-ingress", "istio-1.8.0-convert-ingress")) {
            boolean istioSystem = version.startsWith("istio-1.0.0");
            cases.add(Arguments.of(version, List.of("ingress/myservice-ingress.yaml"),
                    "v1alpha3/myservice-gateway.yaml.golden", "cluster.local", istioSystem, ""));
            cases.add(Arguments.of(version, List.of("ingress/myservice-ingress.yaml", "ingress/another-ingress.yaml"),
                    "v1alpha3/merged-gateway.yaml.golden", "cluster.local", istioSystem, ""));
        }
        // Cases 20 and 21 of convert-networking-config's final revision: its Ingress half.
        String finalRevision = "istio-f74b2e85-convert-networking-config-final";
        cases.add(Arguments.of(finalRevision, List.of("v1alpha1/myservice-ingress.yaml"),
                "v1alpha3/myservice-gateway.yaml.golden", "cluster.local", false, ""));
        cases.add(Arguments.of(finalRevision, List.of("v1alpha1/myservice-ingress.yaml", "v1alpha1/another-ingress.yaml"),
                "v1alpha3/merged-gateway.yaml.golden", "cluster.local", false, ""));
        cases.add(Arguments.of("istio-1.8.0-convert-ingress", List.of("ingress/named-port-ingress.yaml"),
                "v1alpha3/named-port-gateway.yaml.golden", "cluster.local", false, NAMED_PORT_SERVICE));
        for (String version : List.of("istio-1.8.0-pilot-ingress-conversion",
                "istio-master-86c9f01f-pilot-ingress-conversion")) {
            for (String name : List.of("simple", "overlay", "tls", "tls-no-secret")) {
                cases.add(Arguments.of(version, List.of(name + ".yaml"), name + ".yaml.golden", "mydomain", false, ""));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("cases")
    void matchesIstiosGolden(String suite, List<String> inputs, String golden, String domainSuffix,
            boolean goldenInIstioSystem, String extra) throws IOException {
        Path dir = Corpus.dir("convert/" + suite);
        List<Resource> input = new ArrayList<>();
        for (String name : inputs) {
            input.addAll(Converted.read(name, Files.readString(dir.resolve(name))));
        }
        if (!extra.isEmpty()) {
            input.addAll(Converted.read("services.yaml", extra));
        }
        ConversionResult result = new IngressConverter(IngressOptions.defaults().withDomainSuffix(domainSuffix))
                .convert(input);
        List<Resource> ours = Converted.read("converted.yaml", Converted.yaml(result.objects()));
        List<Resource> expected = Converted.read(golden, Files.readString(dir.resolve(golden)));

        assertThat(result.failures()).isEmpty();
        assertThat(routes(expected)).as("golden routes").isNotEmpty();
        assertThat(routes(ours)).as("routes").containsExactlyInAnyOrderElementsOf(routes(expected));
        if (suite.startsWith("istio-master")) {
            assertThat(ordered(routes(ours), expected)).as("route order").isEqualTo(ordered(routes(expected), expected));
        }
        // convert-networking-config named the VirtualService for host "*" without 1.0+'s "wild-" prefix;
        // gwctl names it as the later converters and pilot do, so that suite's names are not compared.
        boolean namesComparable = !suite.contains("convert-networking-config");
        for (Resource vs : namesComparable ? of(expected, ResourceType.VIRTUAL_SERVICE) : List.<Resource>of()) {
            String namespace = goldenInIstioSystem ? vs.namespace().replace("istio-system", "default") : vs.namespace();
            assertThat(of(ours, ResourceType.VIRTUAL_SERVICE)).as("VirtualService " + vs.key())
                    .anyMatch(o -> o.name().equals(vs.name()) && o.namespace().equals(namespace));
        }
        List<Resource> gateways = of(ours, ResourceType.GATEWAY);
        assertThat(gateways).hasSize(1);
        if (of(expected, ResourceType.GATEWAY).isEmpty()) {
            assertThat(servers(gateways)).contains("80/HTTP [*] -");
        } else {
            assertThat(servers(gateways)).isEqualTo(servers(of(expected, ResourceType.GATEWAY)));
        }
        ConversionResult clusterLocal = new IngressConverter(IngressOptions.defaults()).convert(input);
        assertThat(Converted.errors(clusterLocal)).as(Converted.yaml(clusterLocal.objects())).isEmpty();
    }

    /**
     * {@code routes} without those Istio wrote as a prefix ending in {@code /} other than {@code /}: Istio
     * ranks {@code Prefix /p/} by its written length, gwctl (as Kubernetes, which ignores the trailing
     * {@code /}) as {@code /p}. The rest must come in the same order.
     */
    private static List<String> ordered(List<String> routes, List<Resource> golden) {
        List<String> moved = new ArrayList<>();
        List<String> all = routes(golden);
        int i = 0;
        for (Resource r : of(golden, ResourceType.VIRTUAL_SERVICE)) {
            for (HTTPRoute route : r.spec(VirtualService.class).orElseThrow().getHttp()) {
                String raw = route.getMatch() == null || route.getMatch().isEmpty() ? ""
                        : Converted.uri(route.getMatch().get(0).getUri());
                if (raw.startsWith("prefix:/") && raw.length() > "prefix:/".length() && raw.endsWith("/")) {
                    moved.add(all.get(i));
                }
                i++;
            }
        }
        return routes.stream().filter(route -> !moved.contains(route)).toList();
    }

    private static List<Resource> of(List<Resource> resources, ResourceType type) {
        return resources.stream().filter(r -> r.is(type)).toList();
    }

    private static List<String> routes(List<Resource> resources) {
        List<String> routes = new ArrayList<>();
        for (Resource r : of(resources, ResourceType.VIRTUAL_SERVICE)) {
            VirtualService vs = r.spec(VirtualService.class).orElseThrow();
            for (HTTPRoute route : vs.getHttp()) {
                var d = route.getRoute().get(0).getDestination();
                routes.add(vs.getHosts() + " | " + match(route.getMatch()) + " -> " + d.getHost()
                        + (d.getPort() == null ? "" : ":" + d.getPort().getNumber()));
            }
        }
        return routes;
    }

    /** A route's matches normalised as the class Javadoc describes. */
    private static String match(List<HTTPMatchRequest> matches) {
        if (matches == null || matches.isEmpty() || matches.stream().allMatch(m -> m.getUri() == null)) {
            return "*";
        }
        List<String> uris = matches.stream().map(m -> Converted.uri(m.getUri())).toList();
        if (uris.size() == 2 && uris.get(0).startsWith("exact:")
                && uris.get(1).equals("prefix:" + uris.get(0).substring("exact:".length()) + "/")) {
            return "prefix:" + uris.get(0).substring("exact:".length());
        }
        return uris.stream().map(u -> {
            if (u.equals("prefix:")) {
                return "*";
            }
            return u.startsWith("prefix:") && u.length() > "prefix:/".length() && u.endsWith("/")
                    ? u.substring(0, u.length() - 1) : u;
        }).collect(Collectors.joining("|"));
    }

    private static Set<String> servers(List<Resource> gateways) {
        Set<String> servers = new TreeSet<>();
        for (Resource r : gateways) {
            r.spec(Gateway.class).orElseThrow().getServers().forEach(s -> servers.add(s.getPort().getNumber() + "/"
                    + s.getPort().getProtocol() + " " + new TreeSet<>(s.getHosts()) + " "
                    + (s.getTls() == null || s.getTls().getCredentialName() == null ? "-"
                            : s.getTls().getCredentialName())));
        }
        return servers;
    }
}
