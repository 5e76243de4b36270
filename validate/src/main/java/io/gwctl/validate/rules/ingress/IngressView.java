package io.gwctl.validate.rules.ingress;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.TypedLocalObjectReference;
import io.gwctl.model.resource.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An Ingress of any of its three API versions ({@code networking.k8s.io/v1}, {@code networking.k8s.io/v1beta1},
 * {@code extensions/v1beta1}) as one shape, so each check is written once. It is what the API server
 * validates: it converts every version to one internal form first. A v1beta1 backend has a service when
 * it sets {@code serviceName} or {@code servicePort}, as that conversion decides. Fields fabric8's
 * {@code extensions/v1beta1} model lacks ({@code pathType}, {@code resource}, {@code ingressClassName},
 * added to that version in Kubernetes 1.18) are read from what it kept aside.
 *
 * <p>Items of lists keep the index they were written at; {@code null} items are left out.
 *
 * @param v1               whether the object is {@code networking.k8s.io/v1} (field names differ)
 * @param classAnnotation  the {@code kubernetes.io/ingress.class} annotation, or null
 * @param ingressClassName {@code spec.ingressClassName}, or null
 * @param defaultBackend   {@code spec.defaultBackend} / {@code spec.backend}, or null
 * @param rules            {@code spec.rules}
 * @param tls              {@code spec.tls}
 */
record IngressView(boolean v1, String classAnnotation, String ingressClassName, Backend defaultBackend,
        List<Rule> rules, List<Tls> tls) {

    static final String CLASS_ANNOTATION = "kubernetes.io/ingress.class";
    /** meshConfig.ingressClass by default. */
    static final String ISTIO_CLASS = "istio";

    /** One rule: {@code host} is empty when not written; {@code paths} is null when {@code http} is absent. */
    record Rule(int index, String host, List<Path> paths) {
    }

    /** One HTTP path; {@code pathType} as written, or null. */
    record Path(int rule, int index, String path, String pathType, Backend backend) {
    }

    /**
     * A backend: a service, a resource, both or neither.
     *
     * @param at       where it is
     * @param service  the service it names, or null
     * @param resource the resource it names, or null
     */
    record Backend(String at, Service service, ResourceRef resource) {
    }

    /** A service backend; {@code portName} empty and {@code portNumber} 0 when not written. */
    record Service(String name, String portName, long portNumber) {
    }

    /** A {@code TypedLocalObjectReference}; {@code apiGroup} null when not written. */
    record ResourceRef(String apiGroup, String kind, String name) {
    }

    /** One TLS entry; {@code secretName} empty when not written. */
    record Tls(int index, List<String> hosts, String secretName) {
    }

    /** The view of an Ingress resource that bound to its fabric8 class. */
    static IngressView of(Resource resource) {
        Object object = resource.object().orElseThrow();
        String annotation = classAnnotation((HasMetadata) object);
        if (object instanceof io.fabric8.kubernetes.api.model.networking.v1.Ingress i) {
            return ofV1(i.getSpec(), annotation);
        }
        if (object instanceof io.fabric8.kubernetes.api.model.networking.v1beta1.Ingress i) {
            return ofV1beta1(i.getSpec(), annotation);
        }
        return ofExtensions(((io.fabric8.kubernetes.api.model.extensions.Ingress) object).getSpec(), annotation);
    }

    private static String classAnnotation(HasMetadata object) {
        Map<String, String> annotations = object.getMetadata() == null ? null : object.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(CLASS_ANNOTATION);
    }

    private static IngressView ofV1(io.fabric8.kubernetes.api.model.networking.v1.IngressSpec spec, String annotation) {
        if (spec == null) {
            return new IngressView(true, annotation, null, null, List.of(), List.of());
        }
        List<Rule> rules = new ArrayList<>();
        indexed(spec.getRules(), (i, r) -> {
            List<Path> paths = r.getHttp() == null ? null : new ArrayList<>();
            if (paths != null) {
                indexed(r.getHttp().getPaths(), (j, p) -> paths.add(new Path(i, j, p.getPath(), p.getPathType(),
                        v1Backend(IngressPaths.backend(i, j), p.getBackend()))));
            }
            rules.add(new Rule(i, orEmpty(r.getHost()), paths));
        });
        List<Tls> tls = new ArrayList<>();
        indexed(spec.getTls(), (i, t) -> tls.add(new Tls(i, t.getHosts(), orEmpty(t.getSecretName()))));
        Backend defaultBackend = spec.getDefaultBackend() == null ? null
                : v1Backend(IngressPaths.defaultBackend(true), spec.getDefaultBackend());
        return new IngressView(true, annotation, spec.getIngressClassName(), defaultBackend, rules, tls);
    }

    private static Backend v1Backend(String at, io.fabric8.kubernetes.api.model.networking.v1.IngressBackend backend) {
        if (backend == null) {
            return new Backend(at, null, null);
        }
        Service service = null;
        if (backend.getService() != null) {
            var s = backend.getService();
            String portName = s.getPort() == null ? "" : orEmpty(s.getPort().getName());
            long portNumber = s.getPort() == null || s.getPort().getNumber() == null ? 0 : s.getPort().getNumber();
            service = new Service(orEmpty(s.getName()), portName, portNumber);
        }
        return new Backend(at, service, resource(backend.getResource()));
    }

    private static IngressView ofV1beta1(io.fabric8.kubernetes.api.model.networking.v1beta1.IngressSpec spec,
            String annotation) {
        if (spec == null) {
            return new IngressView(false, annotation, null, null, List.of(), List.of());
        }
        List<Rule> rules = new ArrayList<>();
        indexed(spec.getRules(), (i, r) -> {
            List<Path> paths = r.getHttp() == null ? null : new ArrayList<>();
            if (paths != null) {
                indexed(r.getHttp().getPaths(), (j, p) -> {
                    var b = p.getBackend();
                    Backend backend = b == null ? new Backend(IngressPaths.backend(i, j), null, null)
                            : beta(IngressPaths.backend(i, j), b.getServiceName(), b.getServicePort(),
                                    resource(b.getResource()));
                    paths.add(new Path(i, j, p.getPath(), p.getPathType(), backend));
                });
            }
            rules.add(new Rule(i, orEmpty(r.getHost()), paths));
        });
        List<Tls> tls = new ArrayList<>();
        indexed(spec.getTls(), (i, t) -> tls.add(new Tls(i, t.getHosts(), orEmpty(t.getSecretName()))));
        var b = spec.getBackend();
        Backend defaultBackend = b == null ? null
                : beta(IngressPaths.defaultBackend(false), b.getServiceName(), b.getServicePort(),
                        resource(b.getResource()));
        return new IngressView(false, annotation, spec.getIngressClassName(), defaultBackend, rules, tls);
    }

    private static IngressView ofExtensions(io.fabric8.kubernetes.api.model.extensions.IngressSpec spec,
            String annotation) {
        if (spec == null) {
            return new IngressView(false, annotation, null, null, List.of(), List.of());
        }
        List<Rule> rules = new ArrayList<>();
        indexed(spec.getRules(), (i, r) -> {
            List<Path> paths = r.getHttp() == null ? null : new ArrayList<>();
            if (paths != null) {
                indexed(r.getHttp().getPaths(), (j, p) -> {
                    var b = p.getBackend();
                    Backend backend = b == null ? new Backend(IngressPaths.backend(i, j), null, null)
                            : beta(IngressPaths.backend(i, j), b.getServiceName(), b.getServicePort(),
                                    resource(b.getAdditionalProperties().get("resource")));
                    paths.add(new Path(i, j, p.getPath(), string(p.getAdditionalProperties().get("pathType")),
                            backend));
                });
            }
            rules.add(new Rule(i, orEmpty(r.getHost()), paths));
        });
        List<Tls> tls = new ArrayList<>();
        indexed(spec.getTls(), (i, t) -> tls.add(new Tls(i, t.getHosts(), orEmpty(t.getSecretName()))));
        var b = spec.getBackend();
        Backend defaultBackend = b == null ? null
                : beta(IngressPaths.defaultBackend(false), b.getServiceName(), b.getServicePort(),
                        resource(b.getAdditionalProperties().get("resource")));
        return new IngressView(false, annotation, string(spec.getAdditionalProperties().get("ingressClassName")),
                defaultBackend, rules, tls);
    }

    /** A v1beta1 backend, converted as the API server converts it to its internal form. */
    private static Backend beta(String at, String serviceName, IntOrString servicePort, ResourceRef resource) {
        boolean portIsName = servicePort != null && servicePort.getStrVal() != null;
        long portNumber = servicePort == null || servicePort.getIntVal() == null ? 0 : servicePort.getIntVal();
        boolean hasService = !orEmpty(serviceName).isEmpty() || portNumber != 0 || portIsName;
        Service service = hasService
                ? new Service(orEmpty(serviceName), portIsName ? servicePort.getStrVal() : "", portNumber)
                : null;
        return new Backend(at, service, resource);
    }

    private static ResourceRef resource(TypedLocalObjectReference ref) {
        return ref == null ? null : new ResourceRef(ref.getApiGroup(), orEmpty(ref.getKind()), orEmpty(ref.getName()));
    }

    private static ResourceRef resource(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return null;
        }
        Function<String, String> get = key -> string(map.get(key));
        return new ResourceRef(get.apply("apiGroup"), orEmpty(get.apply("kind")), orEmpty(get.apply("name")));
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private interface IndexedConsumer<T> {
        void accept(int index, T item);
    }

    private static <T> void indexed(List<T> items, IndexedConsumer<T> consumer) {
        if (items == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) != null) {
                consumer.accept(i, items.get(i));
            }
        }
    }

    /**
     * Whether Istio is the controller this Ingress is written for: its class annotation says Istio's
     * class ({@code istio}, meshConfig's default), or it has no annotation and either no class name or
     * {@code istio}. Notes about how Istio reads an Ingress are only made for these.
     */
    boolean forIstio() {
        if (classAnnotation != null) {
            return ISTIO_CLASS.equals(classAnnotation);
        }
        return ingressClassName == null || ISTIO_CLASS.equals(ingressClassName);
    }

    /** Every path of every rule with {@code http}, in order. */
    List<Path> allPaths() {
        List<Path> all = new ArrayList<>();
        rules.stream().filter(r -> r.paths() != null).forEach(r -> all.addAll(r.paths()));
        return all;
    }
}
