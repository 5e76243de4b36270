package io.gwctl.proxy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.gwctl.proxy.tls.TestCertificates.Authority;
import io.gwctl.proxy.tls.TestCertificates.Issued;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.Executors;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;

/**
 * An HTTPS backend for upstream TLS tests: serves {@code certificate}, and when given client CAs requires a
 * client certificate from them. It answers {@code sni=<name> client=<subject>} with what the handshake brought.
 */
final class HttpsTestBackend implements AutoCloseable {

    private final HttpsServer server;

    HttpsTestBackend(Issued certificate, Authority clientCa) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", certificate.key(), new char[0],
                new Certificate[] {certificate.certificate(), certificate.issuer().certificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, new char[0]);
        TrustManagerFactory tmf = null;
        if (clientCa != null) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("client-ca", clientCa.certificate());
            tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                var ssl = context.getDefaultSSLParameters();
                ssl.setNeedClientAuth(clientCa != null);
                params.setSSLParameters(ssl);
            }
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            SSLSession session = ((HttpsExchange) exchange).getSSLSession();
            String sni = "-";
            if (session instanceof ExtendedSSLSession extended) {
                sni = extended.getRequestedServerNames().stream().filter(n -> n instanceof SNIHostName)
                        .map(n -> ((SNIHostName) n).getAsciiName()).findFirst().orElse("-");
            }
            String client;
            try {
                client = session.getPeerPrincipal().getName();
            } catch (SSLPeerUnverifiedException e) {
                client = "-";
            }
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("sni=" + sni + " client=" + client).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().put("x-backend-name", List.of("https"));
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
