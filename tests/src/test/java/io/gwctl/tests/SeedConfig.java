package io.gwctl.tests;

/**
 * The classic migration: an httpbin Ingress with two RouteRules for the ingress traffic (everything is
 * aborted with 403 except {@code /status}), and the httpbin Service. The convert and run-gateway journeys
 * share it.
 */
final class SeedConfig {

    static final String LEGACY = """
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

    static final String SERVICE = """
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

    private SeedConfig() {
    }
}
