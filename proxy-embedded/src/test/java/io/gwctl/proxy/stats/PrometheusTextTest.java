package io.gwctl.proxy.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The exposition parsed line by line, as a Prometheus scraper reads it. */
@Timeout(10)
class PrometheusTextTest {

    private static final String HTTPBIN = "outbound|8000||httpbin.default.svc.cluster.local";
    private static final Pattern TYPE = Pattern.compile("# TYPE ([a-zA-Z_][a-zA-Z0-9_]*) (counter|gauge|histogram)");
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\{(.*)} (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One sample line. */
    record Sample(String name, Map<String, String> labels, String value) {
    }

    /** One metric family: its type and its sample lines in order. */
    record Family(String type, List<Sample> samples) {
    }

    private GatewayStats stats;

    @BeforeEach
    void record() {
        stats = new GatewayStats();
        ClusterStats cluster = stats.cluster(HTTPBIN);
        cluster.upstreamRequest(200, 700);
        cluster.upstreamRequest(200, 1_200);
        cluster.upstreamRequest(200, 30_000);
        cluster.upstreamRequest(503, 100);
        cluster.connectionOpened();
        HttpStats http = stats.http("outbound_0.0.0.0_8080");
        http.requestStarted();
        http.requestFinished(200, 2_000);
        stats.listener("0.0.0.0_8080").connectionOpened();
        stats.listener("my-listener").connectionOpened();
    }

    private static Map<String, Family> parse(String text) {
        Map<String, Family> families = new LinkedHashMap<>();
        Family current = null;
        String currentName = null;
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                current = null;
                continue;
            }
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                assertThat(current).as("a # TYPE line opens a family after a blank line: " + line).isNull();
                assertThat(families).as("each family is one group").doesNotContainKey(type.group(1));
                currentName = type.group(1);
                current = new Family(type.group(2), new ArrayList<>());
                families.put(currentName, current);
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as("a sample line: " + line).isTrue();
            assertThat(current).as("a sample belongs to the family above it: " + line).isNotNull();
            String name = sample.group(1);
            if (current.type().equals("histogram")) {
                assertThat(name).isIn(currentName + "_bucket", currentName + "_sum", currentName + "_count");
            } else {
                assertThat(name).isEqualTo(currentName);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            Matcher label = LABEL.matcher(sample.group(2));
            int end = 0;
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
                end = label.end();
                if (end < sample.group(2).length()) {
                    assertThat(sample.group(2).charAt(end)).isEqualTo(',');
                }
            }
            current.samples().add(new Sample(name, labels, sample.group(3)));
        }
        return families;
    }

    @Test
    void responseCodesAndClusterNamesBecomeTags() {
        Map<String, Family> families = parse(PrometheusText.render(stats, null));

        Family rq = families.get("envoy_cluster_upstream_rq");
        assertThat(rq.type()).isEqualTo("counter");
        assertThat(rq.samples()).containsExactly(
                new Sample("envoy_cluster_upstream_rq", Map.of("envoy_response_code", "200", "envoy_cluster_name", HTTPBIN), "3"),
                new Sample("envoy_cluster_upstream_rq", Map.of("envoy_response_code", "503", "envoy_cluster_name", HTTPBIN), "1"));
        assertThat(families.get("envoy_cluster_upstream_rq_xx").samples()).extracting(Sample::labels).containsExactly(
                Map.of("envoy_response_code_class", "2", "envoy_cluster_name", HTTPBIN),
                Map.of("envoy_response_code_class", "5", "envoy_cluster_name", HTTPBIN));
        assertThat(families.get("envoy_cluster_upstream_rq_total").samples())
                .containsExactly(new Sample("envoy_cluster_upstream_rq_total", Map.of("envoy_cluster_name", HTTPBIN), "4"));
        assertThat(families.get("envoy_cluster_outlier_detection_ejections_enforced_total").samples()).hasSize(1);
        assertThat(families.get("envoy_cluster_upstream_cx_active").type()).isEqualTo("gauge");
        assertThat(families.get("envoy_http_downstream_rq_xx").samples()).contains(new Sample("envoy_http_downstream_rq_xx",
                Map.of("envoy_response_code_class", "2", "envoy_http_conn_manager_prefix", "outbound_0.0.0.0_8080"), "1"));
    }

    @Test
    void aTcpProxyStatPrefixIsATag() {
        GatewayStats tcp = new GatewayStats();
        tcp.tcp(HTTPBIN).received(5);
        Map<String, Family> families = parse(PrometheusText.render(tcp, null));
        assertThat(families.get("envoy_tcp_downstream_cx_rx_bytes_total").samples()).containsExactly(new Sample(
                "envoy_tcp_downstream_cx_rx_bytes_total", Map.of("envoy_tcp_prefix", HTTPBIN), "5"));
    }

    @Test
    void labelOrderIsCodeThenScope() {
        String text = PrometheusText.render(stats, null);
        assertThat(text).contains("envoy_cluster_upstream_rq{envoy_response_code=\"200\",envoy_cluster_name=\"" + HTTPBIN + "\"} 3\n");
    }

    @Test
    void aListenerAddressIsATagAndAnyOtherNameStaysInTheMetricName() {
        Map<String, Family> families = parse(PrometheusText.render(stats, null));
        assertThat(families.get("envoy_listener_downstream_cx_total").samples()).containsExactly(
                new Sample("envoy_listener_downstream_cx_total", Map.of("envoy_listener_address", "0.0.0.0_8080"), "1"));
        assertThat(families.get("envoy_listener_my_listener_downstream_cx_total").samples())
                .as("Envoy's listener_address pattern takes only address-like names")
                .containsExactly(new Sample("envoy_listener_my_listener_downstream_cx_total", Map.of(), "1"));
    }

    @Test
    void countersThenGaugesThenHistograms() {
        List<String> types = parse(PrometheusText.render(stats, null)).values().stream().map(Family::type).toList();
        assertThat(types.indexOf("gauge")).isGreaterThan(types.lastIndexOf("counter"));
        assertThat(types.indexOf("histogram")).isGreaterThan(types.lastIndexOf("gauge"));
    }

    @Test
    void histogramsHaveCumulativeBucketsInMillisecondsThenSumAndCount() {
        Family time = parse(PrometheusText.render(stats, null)).get("envoy_cluster_upstream_rq_time");
        assertThat(time.type()).isEqualTo("histogram");
        List<Sample> samples = time.samples();
        assertThat(samples).hasSize(19 + 3);
        assertThat(samples).extracting(s -> s.labels().get("le")).startsWith("0.5", "1", "5", "10", "25", "50")
                .contains("3600000", "+Inf");
        assertThat(samples).filteredOn(s -> s.name().endsWith("_bucket")).extracting(Sample::value)
                .as("le=0.5: 100 us; le=1: +700 us; le=5: +1.2 ms; le=50: +30 ms")
                .startsWith("1", "2", "3", "3", "3", "4");
        assertThat(samples.get(0).labels()).containsEntry("envoy_cluster_name", HTTPBIN);
        assertThat(samples.get(19)).isEqualTo(new Sample("envoy_cluster_upstream_rq_time_bucket",
                Map.of("envoy_cluster_name", HTTPBIN, "le", "+Inf"), "4"));
        assertThat(samples.get(20)).isEqualTo(new Sample("envoy_cluster_upstream_rq_time_sum",
                Map.of("envoy_cluster_name", HTTPBIN), "32"));
        assertThat(samples.get(21)).isEqualTo(new Sample("envoy_cluster_upstream_rq_time_count",
                Map.of("envoy_cluster_name", HTTPBIN), "4"));
    }

    @Test
    void filterAppliesToTheFullEnvoyName() {
        Map<String, Family> families = parse(PrometheusText.render(stats, Pattern.compile("^http\\.")));
        assertThat(families.keySet()).allMatch(f -> f.startsWith("envoy_http_"));
    }

    @Test
    void labelValuesAreEscaped() {
        GatewayStats odd = new GatewayStats();
        odd.cluster("a\"b\\c");
        assertThat(PrometheusText.render(odd, null)).contains("envoy_cluster_upstream_rq_total{envoy_cluster_name=\"a\\\"b\\\\c\"} 0\n");
    }
}
