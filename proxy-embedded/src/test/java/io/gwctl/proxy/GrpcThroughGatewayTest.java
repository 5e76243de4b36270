package io.gwctl.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.services.HealthStatusManager;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real grpc-java client and server through the gateway: HTTP/2 on both sides (the Service port is named
 * {@code grpc}, so pilot gives the cluster HTTP/2), with the status in trailers reaching the client intact.
 */
@Timeout(60)
class GrpcThroughGatewayTest {

    private static final String CONFIG = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: gw, namespace: default}
            spec:
              selector: {istio: ingressgateway}
              servers:
              - port: {number: 80, name: http, protocol: HTTP}
                hosts: ["grpc.example.com"]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: health, namespace: default}
            spec:
              ports: [{name: grpc, port: 9000}]
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: vs, namespace: default}
            spec:
              hosts: ["grpc.example.com"]
              gateways: [gw]
              http:
              - match: [{uri: {prefix: /grpc.health.v1.Health/}}]
                route: [{destination: {host: health, port: {number: 9000}}}]
            """;

    @Test
    void unaryAndStreamingCallsKeepTheirStatus() throws Exception {
        HealthStatusManager health = new HealthStatusManager();
        health.setStatus("shop", HealthCheckResponse.ServingStatus.SERVING);
        Server server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                .addService(health.getHealthService()).build().start();
        ManagedChannel channel = null;
        try (GatewayFixture gw = GatewayFixture.start(CONFIG, "health:9000=127.0.0.1:" + server.getPort())) {
            channel = Grpc.newChannelBuilderForAddress("127.0.0.1", gw.port(80), InsecureChannelCredentials.create())
                    .overrideAuthority("grpc.example.com").build();
            HealthGrpc.HealthBlockingStub stub = HealthGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(10, TimeUnit.SECONDS);

            HealthCheckResponse ok = stub.check(HealthCheckRequest.newBuilder().setService("shop").build());
            assertThat(ok.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);

            assertThatThrownBy(() -> stub.check(HealthCheckRequest.newBuilder().setService("nope").build()))
                    .as("the server's NOT_FOUND travels in trailers").isInstanceOf(StatusRuntimeException.class)
                    .extracting(e -> ((StatusRuntimeException) e).getStatus().getCode())
                    .isEqualTo(Status.Code.NOT_FOUND);

            Iterator<HealthCheckResponse> watch = HealthGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .watch(HealthCheckRequest.newBuilder().setService("shop").build());
            assertThat(watch.next().getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
            health.setStatus("shop", HealthCheckResponse.ServingStatus.NOT_SERVING);
            assertThat(watch.next().getStatus()).as("a server stream keeps flowing through the gateway")
                    .isEqualTo(HealthCheckResponse.ServingStatus.NOT_SERVING);
        } finally {
            if (channel != null) {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
