package io.gwctl.translate.envoy.match;

import static io.gwctl.translate.envoy.match.Snapshots.host;
import static io.gwctl.translate.envoy.match.Snapshots.routes;
import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Virtual host lookup by domain, as Envoy's {@code RouteMatcher::findVirtualHost} and
 * {@code findWildcardVirtualHost} ({@code source/common/router/config_impl.cc}): exact, then the longest suffix
 * wildcard, then the longest prefix wildcard, then {@code *}.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RouteTableTest {

    private static final RouteTable HOSTS = RouteTable.compile(routes("hosts",
            host("exact", "api.example.com", "API.example.com:8080"),
            host("suffix", "*.example.com"),
            host("longer-suffix", "*.eu.example.com"),
            host("bare-suffix", "*ample.org"),
            host("prefix", "api.*"),
            host("longer-prefix", "api.internal.*"),
            host("duplicate", "*.example.com", "web.example.com"),
            host("default", "*"),
            host("second-default", "*")));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "api.example.com, exact",
            "API.Example.COM, exact",
            "api.example.com:8080, exact",
            "api.example.com:9090, prefix",
            "a.eu.example.com, longer-suffix",
            "a.us.example.com, suffix",
            ".eu.example.com, suffix",
            "example.org, bare-suffix",
            "ample.org, default",
            "api.internal.x, longer-prefix",
            "api.internal., prefix",
            "api.other.net, prefix",
            "api., default",
            "web.example.com, duplicate",
            "www.example.com, suffix",
            "web.other.net, default",
            "'', default",
    })
    void precedence(String host, String expected) {
        assertThat(HOSTS.virtualHost(host).proto().getName()).isEqualTo(expected);
    }

    /** A domain given twice belongs to the first virtual host with it (Envoy rejects such a config). */
    @Test
    void firstVirtualHostKeepsADuplicateDomain() {
        assertThat(HOSTS.virtualHost("any.example.com").proto().getName()).isEqualTo("suffix");
        assertThat(HOSTS.virtualHost("nothing.known").proto().getName())
                .as("the first * is the default").isEqualTo("default");
    }

    @Test
    void nullHostIsMatchedAsEmpty() {
        assertThat(HOSTS.virtualHost(null).proto().getName()).isEqualTo("default");
        RouteTable exactOnly = RouteTable.compile(routes("r", host("foo", "foo.com")));
        assertThat(exactOnly.virtualHost(null)).isNull();
    }

    @Test
    void noDefaultMeansNoVirtualHost() {
        RouteTable table = RouteTable.compile(routes("r", host("foo", "foo.com"), host("bar", "*.bar.com")));
        assertThat(table.virtualHost("baz.com")).isNull();
        assertThat(table.virtualHost("bar.com")).as("a wildcard stands for at least one character").isNull();
        assertThat(RouteTable.compile(RouteConfiguration.getDefaultInstance()).virtualHost("foo.com")).isNull();
    }

    @ParameterizedTest(name = "{0}, ignore port {1} -> {2}")
    @CsvSource({
            "foo.com, false, exact",
            "foo.com:80, false, with-port",
            "foo.com:8080, false, default",
            "foo.com:9090, false, default",
            "bar.foo.com:8080, false, suffix-with-port",
            "foo.com, true, exact",
            "foo.com:80, true, exact",
            "foo.com:9090, true, exact",
            "bar.foo.com:8080, true, default",
            "'[::1]:80', true, ipv6",
            "'[::1]', true, ipv6",
            "'[::1]', false, ipv6",
            "'[::1]:80', false, default",
    })
    void portInHost(String host, boolean ignorePort, String expected) {
        RouteConfiguration config = routes("r",
                host("exact", "foo.com"),
                host("with-port", "foo.com:80"),
                host("suffix-with-port", "*foo.com:8080"),
                host("ipv6", "[::1]"),
                host("default", "*")).toBuilder().setIgnorePortInHostMatching(ignorePort).build();
        assertThat(RouteTable.compile(config).virtualHost(host).proto().getName()).isEqualTo(expected);
    }

    @Test
    void indexAndProtoAreThoseOfTheConfig() {
        CompiledVirtualHost vh = HOSTS.virtualHost("a.eu.example.com");
        assertThat(vh.index()).isEqualTo(2);
        assertThat(vh.proto()).isSameAs(HOSTS.config().getVirtualHosts(2));
    }

    /**
     * 10,000 virtual hosts with exact, suffix, prefix and port-carrying domains: the index chooses what a
     * scan of every domain by Envoy's precedence chooses, for hosts that hit each kind and hosts that miss.
     */
    @Test
    void tenThousandVirtualHosts() {
        Random random = new Random(20240611L);
        RouteConfiguration.Builder config = RouteConfiguration.newBuilder().setName("big");
        List<String> domains = new ArrayList<>();
        List<String> wildcards = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            VirtualHost.Builder vh = VirtualHost.newBuilder().setName("vh-" + i);
            vh.addDomains("svc" + i + ".ns" + (i % 97) + ".example.com");
            if (i % 3 == 0) {
                vh.addDomains("svc" + i + ".ns" + (i % 97) + ".example.com:" + (8000 + i % 7));
            }
            if (i % 10 == 0) {
                vh.addDomains("*" + label(random) + ".ns" + (i % 97) + ".example.com");
            }
            if (i % 13 == 0) {
                vh.addDomains("*.zone" + (i % 41) + ".example.com");
            }
            if (i % 37 == 0) {
                vh.addDomains(label(random) + "-" + i + ".*");
            }
            if (i % 501 == 0) {
                vh.addDomains("SVC" + (i + 1) + ".ns" + ((i + 1) % 97) + ".example.com");
            }
            domains.addAll(vh.getDomainsList());
            vh.getDomainsList().stream().filter(d -> d.contains("*")).forEach(wildcards::add);
            config.addVirtualHosts(vh);
        }
        config.addVirtualHosts(VirtualHost.newBuilder().setName("default").addDomains("*"));
        int[] byKind = new int[4];
        for (boolean ignorePort : new boolean[] {false, true}) {
            RouteConfiguration built = config.setIgnorePortInHostMatching(ignorePort).build();
            RouteTable table = RouteTable.compile(built);
            List<String[]> reference = lowerCaseDomains(built);
            for (int n = 0; n < 2_000; n++) {
                List<String> from = random.nextBoolean() ? domains : wildcards;
                String host = hostFor(from.get(random.nextInt(from.size())), random);
                Choice expected = scan(reference, ignorePort, host);
                CompiledVirtualHost found = table.virtualHost(host);
                assertThat(found == null ? null : found.proto().getName()).as(host).isEqualTo(expected.name());
                byKind[expected.kind()]++;
            }
        }
        assertThat(Arrays.stream(byKind).min().orElseThrow())
                .as("hosts chosen exactly, by suffix, by prefix and by *: %s", Arrays.toString(byKind))
                .isGreaterThan(100);
    }

    /** What the reference scan chose, and by which kind of domain (0 exact, 1 suffix, 2 prefix, 3 {@code *}). */
    private record Choice(String name, int kind) {
    }

    /** Each domain of each virtual host in config order, as {virtual host, lower-cased domain}. */
    private static List<String[]> lowerCaseDomains(RouteConfiguration config) {
        List<String[]> domains = new ArrayList<>();
        for (VirtualHost vh : config.getVirtualHostsList()) {
            for (String domain : vh.getDomainsList()) {
                domains.add(new String[] {vh.getName(), domain.toLowerCase(Locale.ROOT)});
            }
        }
        return domains;
    }

    private static String label(Random random) {
        StringBuilder label = new StringBuilder();
        int length = 1 + random.nextInt(6);
        for (int i = 0; i < length; i++) {
            label.append((char) ('a' + random.nextInt(26)));
        }
        return label.toString();
    }

    /** A host near a domain: the wildcard filled or left out, a label changed, the case or the port varied. */
    private static String hostFor(String domain, Random random) {
        String host = switch (random.nextInt(4)) {
            case 0 -> domain.replace("*", label(random));
            case 1 -> domain.replace("*", "");
            case 2 -> label(random) + domain.replace("*", "").substring(Math.min(domain.length() - 1, 3));
            default -> domain.replace("*", label(random) + ".");
        };
        if (random.nextBoolean()) {
            host = host.toUpperCase(Locale.ROOT);
        }
        if (random.nextInt(4) == 0 && Hosts.portColon(host) < 0) {
            host = host + ":" + (8000 + random.nextInt(8));
        }
        return host;
    }

    /** The reference: every domain of every virtual host, the best by kind then length, the first on ties. */
    private static Choice scan(List<String[]> domains, boolean ignorePort, String requestHost) {
        String host = requestHost.toLowerCase(Locale.ROOT);
        if (ignorePort) {
            host = Hosts.withoutPort(host);
        }
        String best = null;
        int bestKind = 3;
        int bestLength = -1;
        for (String[] entry : domains) {
            String domain = entry[1];
            int kind;
            int length;
            if (domain.equals("*")) {
                kind = 3;
                length = 0;
            } else if (domain.startsWith("*")) {
                String suffix = domain.substring(1);
                if (host.length() <= suffix.length() || !host.endsWith(suffix)) {
                    continue;
                }
                kind = 1;
                length = suffix.length();
            } else if (domain.endsWith("*")) {
                String prefix = domain.substring(0, domain.length() - 1);
                if (host.length() <= prefix.length() || !host.startsWith(prefix)) {
                    continue;
                }
                kind = 2;
                length = prefix.length();
            } else if (domain.equals(host)) {
                kind = 0;
                length = domain.length();
            } else {
                continue;
            }
            if (best == null || kind < bestKind || kind == bestKind && length > bestLength) {
                best = entry[0];
                bestKind = kind;
                bestLength = length;
            }
        }
        return new Choice(best, bestKind);
    }
}
