package io.gwctl.proxy.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class StatsJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void statsArrayThenOneHistogramsEntry() throws Exception {
        GatewayStats stats = new GatewayStats();
        stats.cluster("a").upstreamRequest(200, 2_500);
        stats.http("p");

        JsonNode root = JSON.readTree(StatsJson.render(stats, null));

        JsonNode entries = root.get("stats");
        assertThat(entries.get(0).get("name").asText()).isEqualTo("cluster.a.outlier_detection.ejections_active");
        assertThat(entries.findValues("name")).extracting(JsonNode::asText).contains("cluster.a.upstream_rq_200");
        JsonNode histograms = entries.get(entries.size() - 1).get("histograms");
        assertThat(histograms.get("supported_quantiles").toString()).isEqualTo("[0,25,50,75,90,95,99,99.5,99.9,100]");
        JsonNode computed = histograms.get("computed_quantiles");
        assertThat(computed.get(0).get("name").asText()).isEqualTo("cluster.a.upstream_rq_time");
        assertThat(computed.get(0).get("values").get(2).toString())
                .as("the median of one value of 2.5 ms, interpolated in the (1, 5] ms bucket")
                .isEqualTo("{\"cumulative\":3,\"interval\":null}");
        assertThat(computed.get(1).get("name").asText()).isEqualTo("http.p.downstream_rq_time");
        assertThat(computed.get(1).get("values").get(0).get("cumulative").isNull()).isTrue();
    }

    @Test
    void filteredOutHistogramsLeaveNoHistogramsEntry() throws Exception {
        GatewayStats stats = new GatewayStats();
        stats.http("p");
        JsonNode root = JSON.readTree(StatsJson.render(stats, Pattern.compile("no_route")));
        assertThat(root.toString()).isEqualTo("{\"stats\":[{\"name\":\"http.p.no_route\",\"value\":0}]}");
    }
}
