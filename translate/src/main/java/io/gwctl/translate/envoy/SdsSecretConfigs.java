package io.gwctl.translate.envoy;

import com.google.protobuf.Duration;
import io.envoyproxy.envoy.config.core.v3.AggregatedConfigSource;
import io.envoyproxy.envoy.config.core.v3.ApiConfigSource;
import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import io.envoyproxy.envoy.config.core.v3.ConfigSource;
import io.envoyproxy.envoy.config.core.v3.GrpcService;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig;

/**
 * The two places a gateway's TLS secrets come from in Istio, as pilot names them in its SDS references:
 * <ul>
 * <li>istiod over ADS, for {@code credentialName} Secrets ({@code kubernetes://<name>}), without an initial fetch
 * timeout so that a missing Secret does not hold up the listener ({@code SDSAdsConfig} and
 * {@code ConstructSdsSecretConfigForCredential}, istio/istio pilot/pkg/security/model/authentication.go);</li>
 * <li>the gateway's own agent over the {@code sds-grpc} cluster, for the mesh certificate {@code default}, the
 * mesh root {@code ROOTCA} (both with a zero initial fetch timeout: wait for them) and mounted files
 * {@code file-cert:<cert>~<key>} / {@code file-root:<ca>}, which the agent reads from disk
 * ({@code ConstructSdsSecretConfig}, istio/istio pkg/model/authentication.go; names from
 * {@code SdsCertificateConfig}, pkg/security/security.go).</li>
 * </ul>
 * Only the first kind is part of a snapshot's secrets ({@link SdsSecrets}); the agent's are read by the data plane.
 */
public final class SdsSecretConfigs {

    /** The mesh workload certificate the agent serves. */
    public static final String WORKLOAD_CERTIFICATE = "default";
    /** The mesh root certificate the agent serves. */
    public static final String ROOT_CA = "ROOTCA";
    /** The prefix of a key pair the agent reads from mounted files. */
    public static final String FILE_CERTIFICATE_PREFIX = "file-cert:";
    /** The prefix of a CA bundle the agent reads from a mounted file. */
    public static final String FILE_ROOT_PREFIX = "file-root:";
    /** Separates the certificate and key paths of a {@code file-cert:} name. */
    public static final String FILE_SEPARATOR = "~";
    private static final String AGENT_CLUSTER = "sds-grpc";

    private SdsSecretConfigs() {
    }

    /** {@code file-cert:<certificate>~<key>}. */
    public static String fileCertificate(String certificate, String key) {
        return FILE_CERTIFICATE_PREFIX + certificate + FILE_SEPARATOR + key;
    }

    /** {@code file-root:<ca>}. */
    public static String fileRoot(String ca) {
        return FILE_ROOT_PREFIX + ca;
    }

    /** Secret {@code name} served by istiod over ADS. */
    public static SdsSecretConfig.Builder fromIstiod(String name) {
        return SdsSecretConfig.newBuilder().setName(name).setSdsConfig(ConfigSource.newBuilder()
                .setAds(AggregatedConfigSource.newBuilder())
                .setResourceApiVersion(ApiVersion.V3));
    }

    /** Secret {@code name} served by the gateway's agent over {@code sds-grpc}. */
    public static SdsSecretConfig.Builder fromAgent(String name) {
        ConfigSource.Builder source = ConfigSource.newBuilder()
                .setApiConfigSource(ApiConfigSource.newBuilder()
                        .setApiType(ApiConfigSource.ApiType.GRPC)
                        .setSetNodeOnFirstMessageOnly(true)
                        .setTransportApiVersion(ApiVersion.V3)
                        .addGrpcServices(GrpcService.newBuilder().setEnvoyGrpc(
                                GrpcService.EnvoyGrpc.newBuilder().setClusterName(AGENT_CLUSTER))))
                .setResourceApiVersion(ApiVersion.V3);
        if (name.equals(WORKLOAD_CERTIFICATE) || name.equals(ROOT_CA)) {
            source.setInitialFetchTimeout(Duration.getDefaultInstance());
        }
        return SdsSecretConfig.newBuilder().setName(name).setSdsConfig(source);
    }
}
