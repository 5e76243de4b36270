#!/usr/bin/env bash
# Writes a directory of generated gateway config: N_GW Gateways and N_VS VirtualServices, one per file,
# each VirtualService bound to one Gateway with a host that Gateway serves and routing to Services that
# exist (two per Gateway namespace, in services-NNNN.yaml), so the config is valid and every check runs
# its whole course. Used by validate-bench.sh.
# usage: gen-config.sh DIR [N_GW] [N_VS]
set -euo pipefail
dir=$1 gws=${2:-1000} vss=${3:-10000}
mkdir -p "$dir"
awk -v dir="$dir" -v gws="$gws" -v vss="$vss" 'BEGIN {
  for (g = 0; g < gws; g++) {
    f = sprintf("%s/gw-%04d.yaml", dir, g)
    printf "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: gw-%d\n  namespace: team-%d\nspec:\n  selector:\n    istio: ingressgateway\n  servers:\n  - port:\n      number: 80\n      name: http\n      protocol: HTTP\n    hosts:\n    - \"*.team-%d.example.com\"\n  - port:\n      number: 443\n      name: https\n      protocol: HTTPS\n    tls:\n      mode: SIMPLE\n      serverCertificate: /etc/certs/team-%d.pem\n      privateKey: /etc/certs/team-%d-key.pem\n    hosts:\n    - \"*.team-%d.example.com\"\n", g, g, g, g, g, g > f
    close(f)
    f = sprintf("%s/services-%04d.yaml", dir, g)
    printf "apiVersion: v1\nkind: Service\nmetadata:\n  name: app\n  namespace: team-%d\nspec:\n  selector:\n    app: app\n  ports:\n  - name: http\n    port: 8080\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: app-stable\n  namespace: team-%d\nspec:\n  selector:\n    app: app-stable\n  ports:\n  - name: http\n    port: 8080\n", g, g > f
    close(f)
  }
  for (v = 0; v < vss; v++) {
    g = v % gws
    f = sprintf("%s/vs-%05d.yaml", dir, v)
    printf "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: vs-%d\n  namespace: team-%d\nspec:\n  hosts:\n  - \"app-%d.team-%d.example.com\"\n  gateways:\n  - gw-%d\n  http:\n  - name: api\n    match:\n    - uri:\n        prefix: /api/\n      headers:\n        x-canary:\n          exact: \"true\"\n    route:\n    - destination:\n        host: app.team-%d.svc.cluster.local\n        port:\n          number: 8080\n      weight: 20\n    - destination:\n        host: app-stable.team-%d.svc.cluster.local\n        port:\n          number: 8080\n      weight: 80\n    timeout: 5s\n    retries:\n      attempts: 3\n      perTryTimeout: 2s\n      retryOn: 5xx,reset\n  - route:\n    - destination:\n        host: app.team-%d.svc.cluster.local\n        port:\n          number: 8080\n", v, g, v, g, g, g, g, g > f
    close(f)
  }
}'
