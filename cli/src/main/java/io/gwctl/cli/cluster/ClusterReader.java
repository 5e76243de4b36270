package io.gwctl.cli.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Lists the objects of one kind from the API server, as the plain trees a file would hold.
 *
 * <p>Every kind is read through fabric8's generic resources, so Istio's CRDs need no typed client and all
 * objects take one path into the model. Secrets are listed without service-account tokens and Helm releases,
 * with the field selector istiod's credential controller uses (istio/istio
 * {@code pilot/pkg/credentials/kube/secrets.go}): neither can be a gateway credential.
 *
 * <p>A kind is listed in pages of {@value #CHUNK_SIZE} objects, as {@code kubectl get} lists by default
 * (kubernetes/kubectl {@code pkg/cmd/get/get.go}, {@code --chunk-size}): a large cluster is not asked for
 * one huge answer, and each page can be counted as it arrives.
 */
final class ClusterReader {

    static final int CHUNK_SIZE = 500;

    private final ClusterConnection cluster;

    ClusterReader(ClusterConnection cluster) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
    }

    /**
     * The objects of {@code kind} in {@code namespace}, or in every namespace when it is empty; the first API
     * version the server serves is read.
     *
     * @param pageRead told how many objects each page brought, as it arrives
     * @throws io.gwctl.cli.UserException (exit 2) when the server cannot be reached, refuses, or serves no version
     */
    List<Map<String, Object>> list(ClusterKind kind, Optional<String> namespace, IntConsumer pageRead) {
        String scope = namespace.map(n -> "namespace " + n).orElse("all namespaces");
        KubernetesClientException notServed = null;
        for (String version : kind.versions()) {
            try {
                return list(kind, version, namespace, pageRead);
            } catch (KubernetesClientException e) {
                if (e.getCode() != 404) {
                    throw ClusterErrors.describe(e, kind, scope, cluster);
                }
                notServed = e;
            }
        }
        throw ClusterErrors.describe(notServed, kind, scope, cluster);
    }

    private List<Map<String, Object>> list(ClusterKind kind, String version, Optional<String> namespace,
            IntConsumer pageRead) {
        FilterWatchListDeletable<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> scoped =
                resources(cluster, kind, version, namespace);
        List<Map<String, Object>> trees = new ArrayList<>();
        String next = null;
        do {
            GenericKubernetesResourceList page = scoped.list(CHUNK_SIZE, next);
            for (GenericKubernetesResource item : page.getItems()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> tree = cluster.client().getKubernetesSerialization().convertValue(item, Map.class);
                trees.add(ClusterTrees.normalize(tree, kind.apiVersion(version), kind.kind()));
            }
            pageRead.accept(page.getItems().size());
            next = page.getMetadata() == null ? null : page.getMetadata().getContinue();
        } while (next != null && !next.isEmpty());
        return trees;
    }

    /**
     * The objects of {@code kind} at {@code version} in {@code namespace}, or in every namespace when it is
     * empty, as one operation to list or watch: Secrets that cannot be gateway credentials left out.
     */
    static FilterWatchListDeletable<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            resources(ClusterConnection cluster, ClusterKind kind, String version, Optional<String> namespace) {
        ResourceDefinitionContext context = new ResourceDefinitionContext.Builder()
                .withGroup(kind.group())
                .withVersion(version)
                .withKind(kind.kind())
                .withPlural(kind.plural())
                .withNamespaced(true)
                .build();
        MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> all =
                cluster.client().genericKubernetesResources(context);
        FilterWatchListDeletable<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> scoped =
                namespace.isPresent() ? all.inNamespace(namespace.get()) : all.inAnyNamespace();
        if (kind == ClusterKind.SECRET) {
            scoped = scoped.withoutField("type", "helm.sh/release.v1")
                    .withoutField("type", "kubernetes.io/service-account-token");
        }
        return scoped;
    }
}
