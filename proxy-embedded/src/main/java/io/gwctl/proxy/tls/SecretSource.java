package io.gwctl.proxy.tls;

import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.TlsCertificate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where the key material of TLS contexts comes from, read when the config is compiled: data sources written in
 * the config (inline, or a file), SDS secrets by name from the snapshot ({@code kubernetes://<name>}), and the
 * file-backed SDS names Istio's agent serves for certificates given as paths ({@code file-cert:<cert>~<key>} and
 * {@code file-root:<ca>}, istio/istio {@code pkg/security/security.go} and
 * {@code security/pkg/nodeagent/cache/secretcache.go}). The files read are remembered, so they can be watched.
 */
public final class SecretSource {

    static final String FILE_CERT = "file-cert:";
    static final String FILE_ROOT = "file-root:";

    private final Map<String, Secret> secrets = new LinkedHashMap<>();
    private final Set<Path> files = new LinkedHashSet<>();

    /** @param secrets the snapshot's SDS secrets */
    public SecretSource(List<Secret> secrets) {
        Objects.requireNonNull(secrets, "secrets").forEach(s -> this.secrets.putIfAbsent(s.getName(), s));
    }

    /** The files read so far, as absolute paths. */
    public Set<Path> files() {
        return Set.copyOf(files);
    }

    /** The certificate and key an SDS name stands for. */
    TlsCertificate certificate(String sdsName) {
        if (sdsName.startsWith(FILE_CERT)) {
            String paths = sdsName.substring(FILE_CERT.length());
            int tilde = paths.indexOf('~');
            if (tilde < 0) {
                throw new TlsConfigException("SDS " + sdsName + ": expected file-cert:<certificate>~<key>");
            }
            return TlsCertificate.newBuilder()
                    .setCertificateChain(DataSource.newBuilder().setFilename(paths.substring(0, tilde)))
                    .setPrivateKey(DataSource.newBuilder().setFilename(paths.substring(tilde + 1))).build();
        }
        Secret secret = secret(sdsName);
        if (!secret.hasTlsCertificate()) {
            throw new TlsConfigException("SDS " + sdsName + ": the secret holds no certificate and key");
        }
        return secret.getTlsCertificate();
    }

    /** The validation context an SDS name stands for. */
    CertificateValidationContext validation(String sdsName) {
        if (sdsName.startsWith(FILE_ROOT)) {
            return CertificateValidationContext.newBuilder()
                    .setTrustedCa(DataSource.newBuilder().setFilename(sdsName.substring(FILE_ROOT.length()))).build();
        }
        Secret secret = secret(sdsName);
        if (!secret.hasValidationContext()) {
            throw new TlsConfigException("SDS " + sdsName + ": the secret holds no CA certificate (ca.crt)");
        }
        return secret.getValidationContext();
    }

    /** The text of {@code source}; {@code what} says in messages what it is and where it is from. */
    String text(DataSource source, String what) {
        return switch (source.getSpecifierCase()) {
            case INLINE_STRING -> source.getInlineString();
            case INLINE_BYTES -> source.getInlineBytes().toString(StandardCharsets.UTF_8);
            case FILENAME -> read(Path.of(source.getFilename()), what);
            case ENVIRONMENT_VARIABLE -> {
                String value = System.getenv(source.getEnvironmentVariable());
                if (value == null) {
                    throw new TlsConfigException(what + ": environment variable " + source.getEnvironmentVariable()
                            + " is not set");
                }
                yield value;
            }
            default -> throw new TlsConfigException(what + ": empty data source");
        };
    }

    /** Where {@code source} comes from, for messages: the file, or {@code inline}. */
    static String origin(DataSource source) {
        return switch (source.getSpecifierCase()) {
            case FILENAME -> "file " + source.getFilename();
            case ENVIRONMENT_VARIABLE -> "environment variable " + source.getEnvironmentVariable();
            default -> "inline";
        };
    }

    private Secret secret(String name) {
        Secret secret = secrets.get(name);
        if (secret == null) {
            String credential = name.startsWith("kubernetes://") ? name.substring("kubernetes://".length()) : null;
            throw new TlsConfigException("SDS " + name + ": not in the config" + (credential == null ? ""
                    : " (no Secret " + credential + " with the certificate in the input)"));
        }
        return secret;
    }

    private String read(Path path, String what) {
        Path absolute = path.toAbsolutePath().normalize();
        files.add(absolute);
        try {
            return Files.readString(absolute, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new TlsConfigException(what + ": no such file", e);
        } catch (IOException e) {
            throw new TlsConfigException(what + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
