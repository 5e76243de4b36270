package io.gwctl.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.tests.Gwctl.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user migrating Istio's classic httpbin ingress task (an Ingress plus two RouteRules on ingress
 * traffic) to the networking API: convert to a file, then validate the result before applying it.
 */
class ConvertJourneyIT {

    private static final String LEGACY = """
            apiVersion: extensions/v1beta1
            kind: Ingress
            metadata:
              name: simple-ingress
              namespace: default
              annotations:
                kubernetes.io/ingress.class: istio
            spec:
              rules:
              - http:
                  paths:
                  - path: /.*
                    backend:
                      serviceName: httpbin
                      servicePort: 8000
            ---
            apiVersion: config.istio.io/v1alpha2
            kind: RouteRule
            metadata:
              name: deny-route
              namespace: default
            spec:
              destination:
                name: httpbin
              precedence: 1
              match:
                source:
                  name: istio-ingress
                  labels:
                    istio: ingress
              httpFault:
                abort:
                  percent: 100
                  httpStatus: 403
            ---
            apiVersion: config.istio.io/v1alpha2
            kind: RouteRule
            metadata:
              name: status-route
              namespace: default
            spec:
              destination:
                name: httpbin
              precedence: 2
              match:
                source:
                  name: istio-ingress
                  labels:
                    istio: ingress
                request:
                  headers:
                    uri:
                      prefix: /status
              route:
              - weight: 100
            """;

    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata:
              name: httpbin
              namespace: default
            spec:
              selector:
                app: httpbin
              ports:
              - name: http
                port: 8000
            """;

    @TempDir
    Path work;

    @Test
    void convertThenValidate() throws Exception {
        Files.writeString(work.resolve("legacy.yaml"), LEGACY);
        Files.writeString(work.resolve("service.yaml"), SERVICE);
        Run convert = Gwctl.run(work, "", Map.of(), "convert", "-f", "legacy.yaml", "--output-file", "istio.yaml");
        assertThat(convert.exitCode()).as(convert.toString()).isZero();
        assertThat(convert.out()).as(convert.toString()).isEmpty();
        String converted = Files.readString(work.resolve("istio.yaml"));
        assertThat(converted).as("/status is routed before the 403 abort that catches everything else")
                .containsSubsequence("prefix: /status", "httpStatus: 403", "prefix: /");

        Run validate = Gwctl.run(work, "", Map.of(), "validate", "-f", "istio.yaml", "-f", "service.yaml");
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(validate.out()).as(validate.toString()).startsWith("0 errors");
    }

    @Test
    void convertPipesIntoValidate() throws Exception {
        Run convert = Gwctl.run(work, LEGACY, Map.of(), "convert", "-f", "-", "-o", "json");
        assertThat(convert.exitCode()).as(convert.toString()).isZero();
        Run validate = Gwctl.run(work, convert.out() + "\n---\n" + SERVICE, Map.of(), "validate", "-f", "-");
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
    }
}
