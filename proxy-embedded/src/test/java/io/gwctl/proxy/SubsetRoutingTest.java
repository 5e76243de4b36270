package io.gwctl.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** DestinationRule subsets: a subset cluster reaches only the endpoints whose labels match the subset's. */
@Timeout(60)
class SubsetRoutingTest {

    private static final String ROUTES = """
            - match: [{headers: {end-user: {exact: jason}}}]
              route: [{destination: {host: reviews, subset: v2}}]
            - route: [{destination: {host: reviews, subset: v1}}]
            """;
    private static final String RULE = """
            ---
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: reviews, namespace: default}
            spec:
              host: reviews
              subsets:
              - {name: v1, labels: {version: v1}}
              - {name: v2, labels: {version: v2}}
            """;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private TestBackend v1;
    private TestBackend v2;

    @BeforeEach
    void backends() throws IOException {
        v1 = new TestBackend("v1");
        v2 = new TestBackend("v2");
    }

    @AfterEach
    void stop() {
        v1.close();
        v2.close();
    }

    private Set<String> backendsSeen(GatewayFixture gw, String user, int requests) throws Exception {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requests; i++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(gw.uri(80, "/")).timeout(Duration.ofSeconds(10));
            if (user != null) {
                request.header("end-user", user);
            }
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            seen.add(r.statusCode() + " " + r.headers().firstValue("x-backend-name").orElse("-"));
        }
        return seen;
    }

    @Test
    void upstreamLabelsSplitTheSubsets() throws Exception {
        try (GatewayFixture gw = GatewayFixture.start(GatewayFixture.allHosts(ROUTES, "reviews") + RULE,
                v1.upstream("reviews") + ";version=v1", v2.upstream("reviews") + ";version=v2;zone=a")) {
            assertThat(backendsSeen(gw, "jason", 10)).as("subset v2 has only the version=v2 endpoint")
                    .containsExactly("200 v2");
            assertThat(backendsSeen(gw, null, 10)).as("subset v1 has only the version=v1 endpoint")
                    .containsExactly("200 v1");
        }
    }

    @Test
    void aSubsetNoLabelledEndpointMatchesHasNoHealthyUpstream() throws Exception {
        try (GatewayFixture gw = GatewayFixture.start(GatewayFixture.allHosts(ROUTES, "reviews") + RULE,
                v1.upstream("reviews") + ";version=v1")) {
            assertThat(backendsSeen(gw, "jason", 1)).containsExactly("503 -");
            assertThat(backendsSeen(gw, null, 1)).containsExactly("200 v1");
        }
    }

    @Test
    void anUnlabelledUpstreamServesEverySubset() throws Exception {
        try (GatewayFixture gw = GatewayFixture.start(GatewayFixture.allHosts(ROUTES, "reviews") + RULE,
                v1.upstream("reviews"))) {
            assertThat(backendsSeen(gw, "jason", 1)).containsExactly("200 v1");
            assertThat(backendsSeen(gw, null, 1)).containsExactly("200 v1");
        }
    }

    @Test
    void serviceEntryEndpointsAreFilteredByTheirLabels() throws Exception {
        String yaml = GatewayFixture.allHosts(ROUTES.replace("reviews", "reviews.example.com"))
                + RULE.replace("host: reviews", "host: reviews.example.com") + """
                ---
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata: {name: reviews, namespace: default}
                spec:
                  hosts: [reviews.example.com]
                  ports: [{number: 80, name: http, protocol: HTTP}]
                  resolution: STATIC
                  endpoints:
                  - {address: 127.0.0.1, ports: {http: %d}, labels: {version: v1}}
                  - {address: 127.0.0.1, ports: {http: %d}, labels: {version: v2}}
                """.formatted(v1.port(), v2.port());
        try (GatewayFixture gw = GatewayFixture.start(yaml)) {
            assertThat(backendsSeen(gw, "jason", 10)).containsExactly("200 v2");
            assertThat(backendsSeen(gw, null, 10)).containsExactly("200 v1");
        }
    }
}
