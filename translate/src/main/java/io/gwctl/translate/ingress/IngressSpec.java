package io.gwctl.translate.ingress;

import io.gwctl.model.resource.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Ingress of any of its three API versions ({@code networking.k8s.io/v1}, {@code networking.k8s.io/v1beta1},
 * {@code extensions/v1beta1}) as one shape, read from the tree as written so that no version's typed model
 * can lose a field (fabric8's {@code extensions/v1beta1} lacks {@code pathType}). The same reading as the
 * API server's conversion to its internal form: v1 {@code service.port.name/number} and v1beta1
 * {@code serviceName}/{@code servicePort} (a number or a name) become one {@link Backend}.
 *
 * @param annotations      {@code metadata.annotations}
 * @param ingressClassName {@code spec.ingressClassName}, or null
 * @param defaultBackend   {@code spec.defaultBackend} (v1) or {@code spec.backend} (v1beta1), or null
 * @param rules            {@code spec.rules}, null items left out
 * @param tls              {@code spec.tls}, null items left out
 */
record IngressSpec(Map<String, String> annotations, String ingressClassName, Backend defaultBackend,
        List<Rule> rules, List<Tls> tls) {

    /** One rule; {@code host} empty when not written. */
    record Rule(int index, String host, List<Path> paths) {
    }

    /** One HTTP path; {@code path} and {@code pathType} as written, or null. */
    record Path(int rule, int index, String path, String pathType, Backend backend) {

        String at() {
            return "spec.rules[" + rule + "].http.paths[" + index + "]";
        }
    }

    /**
     * A backend.
     *
     * @param at          its field path
     * @param serviceName the service, or empty (a resource backend, or nothing)
     * @param portName    the port's name, or empty
     * @param portNumber  the port's number, or 0
     */
    record Backend(String at, String serviceName, String portName, long portNumber) {
    }

    /** One TLS entry; {@code secretName} empty when not written. */
    record Tls(int index, List<String> hosts, String secretName) {
    }

    static IngressSpec of(Resource resource) {
        Map<String, Object> tree = resource.tree();
        Map<String, String> annotations = new LinkedHashMap<>();
        map(map(tree.get("metadata")).get("annotations")).forEach((k, v) -> annotations.put(k, string(v)));
        Map<String, Object> spec = map(tree.get("spec"));
        List<Rule> rules = new ArrayList<>();
        List<Object> ruleList = list(spec.get("rules"));
        for (int i = 0; i < ruleList.size(); i++) {
            if (!(ruleList.get(i) instanceof Map<?, ?>)) {
                continue;
            }
            Map<String, Object> rule = map(ruleList.get(i));
            List<Path> paths = new ArrayList<>();
            List<Object> pathList = list(map(rule.get("http")).get("paths"));
            for (int j = 0; j < pathList.size(); j++) {
                if (pathList.get(j) instanceof Map<?, ?>) {
                    Map<String, Object> path = map(pathList.get(j));
                    String at = "spec.rules[" + i + "].http.paths[" + j + "].backend";
                    paths.add(new Path(i, j, string(path.get("path")), string(path.get("pathType")),
                            backend(at, map(path.get("backend")))));
                }
            }
            rules.add(new Rule(i, orEmpty(string(rule.get("host"))), paths));
        }
        List<Tls> tls = new ArrayList<>();
        List<Object> tlsList = list(spec.get("tls"));
        for (int i = 0; i < tlsList.size(); i++) {
            if (tlsList.get(i) instanceof Map<?, ?>) {
                Map<String, Object> entry = map(tlsList.get(i));
                List<String> hosts = list(entry.get("hosts")).stream().map(IngressSpec::string)
                        .filter(h -> h != null && !h.isEmpty()).toList();
                tls.add(new Tls(i, hosts, orEmpty(string(entry.get("secretName")))));
            }
        }
        Backend defaultBackend = null;
        if (spec.get("defaultBackend") instanceof Map<?, ?> b) {
            defaultBackend = backend("spec.defaultBackend", map(b));
        } else if (spec.get("backend") instanceof Map<?, ?> b) {
            defaultBackend = backend("spec.backend", map(b));
        }
        return new IngressSpec(annotations, string(spec.get("ingressClassName")), defaultBackend, rules, tls);
    }

    private static Backend backend(String at, Map<String, Object> backend) {
        if (backend.get("service") instanceof Map<?, ?> s) {
            Map<String, Object> service = map(s);
            Map<String, Object> port = map(service.get("port"));
            return new Backend(at, orEmpty(string(service.get("name"))), orEmpty(string(port.get("name"))),
                    number(port.get("number")));
        }
        Object port = backend.get("servicePort");
        long number = number(port);
        String name = port instanceof String text && number == 0 ? text : "";
        return new Backend(at, orEmpty(string(backend.get("serviceName"))), name, number);
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String text && text.matches("[0-9]{1,9}")) {
            return Long.parseLong(text);
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
