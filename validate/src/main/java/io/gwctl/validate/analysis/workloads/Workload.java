package io.gwctl.validate.analysis.workloads;

import java.util.Map;
import java.util.Objects;

/**
 * A pod, or the pods a workload controller (Deployment, StatefulSet, DaemonSet, ReplicaSet) will run,
 * with the labels selectors see.
 *
 * @param kind      {@code Pod}, or the controller's kind
 * @param namespace its namespace
 * @param name      its name
 * @param labels    the pod labels, with the topology labels Istio adds from the pod's node
 */
public record Workload(String kind, String namespace, String name, Map<String, String> labels) {

    public Workload {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        labels = Map.copyOf(labels);
    }
}
