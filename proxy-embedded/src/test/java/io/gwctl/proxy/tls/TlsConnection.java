package io.gwctl.proxy.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A TLS client connection to a local port that sends the server name a test chooses (the JDK's HTTP client
 * sends SNI only for host names it resolves), speaking HTTP/1.1 with keep-alive, so a test can hold one
 * connection open across a certificate change.
 */
public final class TlsConnection implements AutoCloseable {

    private final SSLSocket socket;
    private final String host;

    private TlsConnection(SSLSocket socket, String host) {
        this.socket = socket;
        this.host = host;
    }

    /**
     * Connects to {@code 127.0.0.1:port} and completes the handshake.
     *
     * @param sni       the server name to send (also the Host header), or null for none
     * @param protocols the TLS versions to offer ({@code TLSv1.3}), or none for the JDK's defaults
     * @throws IOException when the handshake fails
     */
    public static TlsConnection open(int port, String sni, SSLContext context, String... protocols) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        SSLParameters params = socket.getSSLParameters();
        if (sni != null) {
            params.setServerNames(List.of(new SNIHostName(sni)));
        }
        if (protocols.length > 0) {
            params.setProtocols(protocols);
        }
        socket.setSSLParameters(params);
        try {
            socket.startHandshake();
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return new TlsConnection(socket, sni == null ? "localhost" : sni);
    }

    /** An SSL context trusting {@code authority}, presenting {@code client} when not null. */
    public static SSLContext context(TestCertificates.Authority authority, TestCertificates.Issued client) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", authority.certificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManagerFactory kmf = null;
            if (client != null) {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                keys.setKeyEntry("client", client.key(), new char[0],
                        new Certificate[] {client.certificate(), client.issuer().certificate()});
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, new char[0]);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : new KeyManager[] {new AlwaysPresent(
                    (X509ExtendedKeyManager) kmf.getKeyManagers()[0])}, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Presents the client certificate whichever CAs the server names (the JDK would otherwise send none when its
     * issuer is not among them), as curl and openssl do: the server must be the one to refuse it.
     */
    private static final class AlwaysPresent extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager keys;

        AlwaysPresent(X509ExtendedKeyManager keys) {
            this.keys = keys;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return "client";
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return "client";
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {"client"};
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return keys.getServerAliases(keyType, issuers);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return keys.chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return keys.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return keys.getPrivateKey(alias);
        }
    }

    /** The certificate the server presented. */
    public X509Certificate served() throws IOException {
        return (X509Certificate) socket.getSession().getPeerCertificates()[0];
    }

    /** The TLS version agreed ({@code TLSv1.3}). */
    public String protocol() {
        return socket.getSession().getProtocol();
    }

    /** Sends {@code GET path} and reads the response. */
    public Response get(String path) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        InputStream in = socket.getInputStream();
        String head = readHead(in);
        int status = Integer.parseInt(head.substring(9, 12));
        String lower = head.toLowerCase(Locale.ROOT);
        String body;
        int cl = lower.indexOf("\ncontent-length:");
        if (cl >= 0) {
            int end = lower.indexOf('\r', cl + 1);
            body = new String(in.readNBytes(Integer.parseInt(lower.substring(cl + 16, end).trim())),
                    StandardCharsets.UTF_8);
        } else if (lower.contains("transfer-encoding: chunked")) {
            body = readChunked(in);
        } else {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new Response(status, head, body);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the response head: " + head);
            }
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = readLine(in);
            int n = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (n == 0) {
                readLine(in);
                return body.toString(StandardCharsets.UTF_8);
            }
            body.write(in.readNBytes(n));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** A response: its status, its head as received, and its body. */
    public record Response(int status, String head, String body) {
        /** The value of header {@code name} (case-insensitive), or null. */
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }
}
