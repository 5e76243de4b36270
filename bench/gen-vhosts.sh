#!/usr/bin/env bash
# Writes the benchmark's gateway config with N more virtual hosts: N VirtualServices, each for its own host
# (vh-N.example.com) on the same Gateway, routing to the same backend. The benchmark's requests still take
# the catch-all host, so what grows is the route configuration the lookup searches.
# usage: gen-vhosts.sh N > config.yaml
set -euo pipefail
n=${1:?usage: gen-vhosts.sh N}
cat "$(dirname "$0")/gateway-bench.yaml"
awk -v n="$n" 'BEGIN {
  for (i = 0; i < n; i++) {
    printf "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: vh-%d\n  namespace: default\nspec:\n  hosts: [\"vh-%d.example.com\"]\n  gateways: [bench]\n  http:\n  - route:\n    - destination: {host: backend, port: {number: 80}}\n", i, i
  }
}'
