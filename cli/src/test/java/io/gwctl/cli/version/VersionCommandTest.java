package io.gwctl.cli.version;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gwctl.cli.CliRunner;
import io.gwctl.cli.CliRunner.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code gwctl version} and {@code gwctl --version}. */
class VersionCommandTest {

    @Test
    void versionOptionAndCommandPrintTheSameReport() {
        Result option = CliRunner.run("--version");
        Result command = CliRunner.run("version");
        assertThat(option.exitCode()).as(option.toString()).isZero();
        assertThat(command.exitCode()).as(command.toString()).isZero();
        assertThat(option.out()).as(option.toString()).isEqualTo(command.out());
        assertThat(command.out()).as(command.toString())
                .startsWith("gwctl ")
                .contains("Java " + System.getProperty("java.version"))
                .containsPattern("(?m)^  networking\\.istio\\.io/v1 +Gateway, VirtualService, DestinationRule")
                .containsPattern("(?m)^  networking\\.k8s\\.io/v1 +Ingress$")
                .containsPattern("(?m)^  extensions/v1beta1 +Ingress$")
                .containsPattern("(?m)^  config\\.istio\\.io/v1alpha2 +RouteRule, DestinationPolicy, EgressRule$")
                .endsWith("Envoy API: v3\n");
    }

    @Test
    void everySubcommandAnswersVersionToo() {
        Result root = CliRunner.run("--version");
        Result sub = CliRunner.run("proxy-config", "routes", "--version");

        assertThat(sub.exitCode()).as(sub.toString()).isZero();
        assertThat(sub.out()).as(sub.toString()).isEqualTo(root.out());
    }

    @Test
    void jsonForScripts() throws Exception {
        Result r = CliRunner.run("version", "-o", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.path("clientVersion").path("javaVersion").asText()).isEqualTo(System.getProperty("java.version"));
        assertThat(doc.path("envoyApiVersion").asText()).isEqualTo("v3");
        assertThat(doc.path("apiVersions").findValuesAsText("apiVersion"))
                .containsSubsequence("networking.istio.io/v1", "networking.istio.io/v1beta1", "networking.istio.io/v1alpha3");
    }

    @Test
    void yamlForScripts() {
        Result r = CliRunner.run("version", "-o", "yaml");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).startsWith("clientVersion:\n  version: ").contains("envoyApiVersion: v3");
    }

    @Test
    void versionsAreListedNewestFirstInKubernetesPriority() {
        assertThat(List.of("v1alpha1", "v1beta1", "v2", "v1", "v1beta2", "v1alpha3").stream()
                .sorted(SupportedApis::byPriority).toList())
                .containsExactly("v2", "v1", "v1beta2", "v1beta1", "v1alpha3", "v1alpha1");
    }

    @Test
    void everyKindOfTheRegistryIsListed() {
        assertThat(SupportedApis.all()).as("the legacy config.istio.io kinds are read too")
                .contains(new ApiVersion("config.istio.io/v1beta1", List.of("DestinationPolicy")),
                        new ApiVersion("networking.k8s.io/v1beta1", List.of("Ingress")));
    }
}
