#!/usr/bin/env bash
# gwctl run-gateway against nginx and HAProxy as reverse proxies to the same backend, in the same run, with
# the shared loopback harness (wrk; see its README for what each column means).
#
#   bench/gateway-bench.sh                 # build first: mvn -q -B -DskipTests package
#   ROUNDS=3 bench/gateway-bench.sh        # any setting of the harness passes through
#   VHOSTS=10000 bench/gateway-bench.sh    # the same with 10,000 more virtual hosts in the route config
#
# gwctl gets the same single core as nginx (1 worker) and HAProxy (nbthread 1): one event loop, and
# access logs off as theirs are. Needs nginx, haproxy and wrk (apt-get install -y nginx haproxy wrk).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$here/.." && pwd)
harness=${BENCH_HARNESS:-$project/../shared/bench/proxy-bench.sh}
[[ -x $project/cli/target/gwctl ]] || { echo "build first: mvn -q -B -DskipTests package" >&2; exit 2; }
[[ -f $harness ]] || { echo "no benchmark harness at $harness" >&2; exit 2; }
for tool in nginx haproxy wrk; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y nginx haproxy wrk" >&2; exit 2; }
done
export RESULTS_DIR=${RESULTS_DIR:-$project/bench-out}
mkdir -p "$RESULTS_DIR"
# The JIT needs longer than a native proxy to settle: 20 s of warm-up per body, and the budget to allow it.
export PROXY_NAME=gwctl PROXY_READY_TIMEOUT=${PROXY_READY_TIMEOUT:-60} PROXY_WARMUP=${PROXY_WARMUP:-20}
export MAX_SECONDS=${MAX_SECONDS:-300}
export GWCTL_CONFIG=${GWCTL_CONFIG:-$here/gateway-bench.yaml}
if [[ -n ${VHOSTS:-} ]]; then
  GWCTL_CONFIG=$RESULTS_DIR/gateway-bench-$VHOSTS.yaml
  "$here/gen-vhosts.sh" "$VHOSTS" > "$GWCTL_CONFIG"
  PROXY_NAME=gwctl-${VHOSTS}vh
fi
export GWCTL_JAVA_OPTS=${GWCTL_JAVA_OPTS:--XX:ActiveProcessorCount=1}
export PROXY_CMD="exec $project/cli/target/gwctl run-gateway -f \$GWCTL_CONFIG --port-map 80=\$PROXY_PORT \
--upstream backend:80=127.0.0.1:\$BACKEND_PORT --workers 1 --access-log off --admin-address off --no-watch"
exec bash "$harness" "$@"
