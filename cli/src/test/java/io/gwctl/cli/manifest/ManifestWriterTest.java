package io.gwctl.cli.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.istio.api.networking.v1.GatewayBuilder;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.networking.v1.VirtualServiceBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestWriterTest {

    @TempDir
    Path dir;

    private static Gateway gateway(String ns, String name) {
        return new GatewayBuilder().withNewMetadata().withNamespace(ns).withName(name).endMetadata()
                .withNewSpec().addToSelector("istio", "ingressgateway")
                .addNewServer().withHosts("*").withNewPort().withNumber(80L).withName("http").withProtocol("HTTP")
                .endPort().endServer().endSpec().build();
    }

    private static VirtualService virtualService(String ns, String name) {
        return new VirtualServiceBuilder().withNewMetadata().withNamespace(ns).withName(name).endMetadata()
                .withNewSpec().withHosts("a.example.com").withGateways("istio-system/gw").endSpec().build();
    }

    @Test
    void yamlIsInCanonicalOrderWithTheRequestedVersion() {
        String yaml = new ManifestWriter(ManifestWriter.Format.yaml, "networking.istio.io/v1beta1").render(List.of(
                virtualService("b", "vs"), gateway("istio-system", "gw"), virtualService("a", "vs")));
        assertThat(yaml).isEqualTo("""
                ---
                apiVersion: networking.istio.io/v1beta1
                kind: Gateway
                metadata:
                  name: gw
                  namespace: istio-system
                spec:
                  selector:
                    istio: ingressgateway
                  servers:
                  - hosts:
                    - '*'
                    port:
                      name: http
                      number: 80
                      protocol: HTTP
                ---
                apiVersion: networking.istio.io/v1beta1
                kind: VirtualService
                metadata:
                  name: vs
                  namespace: a
                spec:
                  gateways:
                  - istio-system/gw
                  hosts:
                  - a.example.com
                ---
                apiVersion: networking.istio.io/v1beta1
                kind: VirtualService
                metadata:
                  name: vs
                  namespace: b
                spec:
                  gateways:
                  - istio-system/gw
                  hosts:
                  - a.example.com
                """);
    }

    @Test
    void jsonIsAKubernetesList() {
        String json = new ManifestWriter(ManifestWriter.Format.json, "networking.istio.io/v1")
                .render(List.of(gateway("istio-system", "gw")));
        assertThat(json).startsWith("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"List\",\n  \"items\": [ {\n"
                + "    \"apiVersion\": \"networking.istio.io/v1\",\n    \"kind\": \"Gateway\"");
    }

    @Test
    void outputFileIsReplacedWhole() throws IOException {
        Path target = dir.resolve("out.yaml");
        Files.writeString(target, "old");
        OutputFile.write(target, "new content\n");
        assertThat(target).hasContent("new content");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file is left behind").containsExactly(target);
        }
    }
}
