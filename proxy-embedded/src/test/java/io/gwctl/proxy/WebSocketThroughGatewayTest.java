package io.gwctl.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.proxy.sample.SampleBackend;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A WebSocket through the gateway to the sample backend's echo: Istio enables the {@code websocket} upgrade
 * on gateway connection managers, and after the 101 the gateway relays bytes both ways.
 */
@Timeout(30)
class WebSocketThroughGatewayTest {

    private static final String CONFIG = GatewayFixture.allHosts("- route: [{destination: {host: echo}}]\n", "echo");

    @Test
    void textFramesComeBackThroughTheTunnel() throws Exception {
        try (SampleBackend backend = SampleBackend.start("echo", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                GatewayFixture gw = GatewayFixture.start(CONFIG, "echo:80=127.0.0.1:" + backend.address().getPort())) {
            CompletableFuture<String> echoed = new CompletableFuture<>();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + gw.port(80) + "/ws"), new WebSocket.Listener() {
                        private final StringBuilder text = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                            text.append(data);
                            if (last) {
                                echoed.complete(text.toString());
                            }
                            socket.request(1);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            ws.sendText("hello through the gateway", true).get(10, TimeUnit.SECONDS);
            assertThat(echoed.get(10, TimeUnit.SECONDS)).isEqualTo("hello through the gateway");
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        }
    }
}
