package io.gwctl.model.legacy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Objects;

/**
 * A legacy {@code config.istio.io} object: the Kubernetes envelope around one of the specs of this
 * package. It has the getters of a fabric8 object ({@code getSpec()} in particular), so it is read and
 * handled like every other kind.
 *
 * <p>A missing {@code spec} binds as an empty spec, as Istio read it (an empty proto message).
 *
 * @param <S> the spec type
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract sealed class LegacyObject<S> permits RouteRule, DestinationPolicy, EgressRule {

    private final String apiVersion;
    private final String kind;
    private final ObjectMeta metadata;
    private final S spec;

    LegacyObject(String apiVersion, String kind, ObjectMeta metadata, S spec) {
        this.apiVersion = ProtoDefaults.string(apiVersion);
        this.kind = ProtoDefaults.string(kind);
        this.metadata = metadata == null ? new ObjectMeta() : metadata;
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** As written, e.g. {@code config.istio.io/v1alpha2}; empty when missing. */
    public String getApiVersion() {
        return apiVersion;
    }

    /** As written; empty when missing. */
    public String getKind() {
        return kind;
    }

    /** The object's metadata; empty when missing. */
    public ObjectMeta getMetadata() {
        return metadata;
    }

    /** The spec; never null. */
    public S getSpec() {
        return spec;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LegacyObject<?> other && o.getClass() == getClass()
                && apiVersion.equals(other.apiVersion) && kind.equals(other.kind)
                && metadata.equals(other.metadata) && spec.equals(other.spec);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), apiVersion, kind, metadata, spec);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + metadata.getNamespace() + "/" + metadata.getName() + ", " + spec
                + "]";
    }
}
