#!/usr/bin/env bash
# Benchmark of rendering Envoy config (not a test: it prints figures). Generates 1k, 5k and 10k
# VirtualServices over 100, 500 and 1,000 Gateways (bench/gen-config.sh), then times
#  - render: load the files and build the gateway's Envoy config (`proxy-config routes --name none`, which
#    prints nothing), and
#  - render + print: the whole config dump as Envoy JSON (`proxy-config all -o json`),
# each with a 1 GiB heap. Needs hyperfine and a built launcher (mvn -q -B -DskipTests package).
# usage: bench/render-bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
gwctl=cli/target/gwctl
[[ -x $gwctl ]] || { echo "build first: mvn -q -B -DskipTests package" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GWCTL_JAVA_OPTS="-Xmx1g"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
for n in 1000 5000 10000; do
  bench/gen-config.sh "$work/c$n" $((n / 10)) "$n"
done
hyperfine -N -w 1 -r "$runs" --export-json "$work/render.json" \
  "$gwctl proxy-config routes --name none -f $work/c1000" \
  "$gwctl proxy-config routes --name none -f $work/c5000" \
  "$gwctl proxy-config routes --name none -f $work/c10000"
hyperfine -N -w 1 -r "$runs" --export-json "$work/print.json" \
  "$gwctl proxy-config all -o json -f $work/c10000"
/usr/bin/time -f "render 10k: peak RSS %M KiB" "$gwctl" proxy-config routes --name none -f "$work/c10000" >/dev/null
echo "== medians (s): render 1k, 5k, 10k; render + print 10k"
grep -o '"median": [0-9.]*' "$work/render.json" "$work/print.json" | sed 's/.*"median": //'
