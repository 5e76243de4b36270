#!/usr/bin/env bash
# Benchmark of `gwctl validate` (not a test: it prints figures, it does not pass or fail).
#  1. a generated directory of 1,000 Gateways and 10,000 VirtualServices (bench/gen-config.sh);
#  2. one small file, against a JVM that only prints "hello" (the floor of any Java CLI's start).
# Needs hyperfine (Debian: apt-get install hyperfine) and a built launcher (mvn -q -B -DskipTests package).
# usage: bench/validate-bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
gwctl=cli/target/gwctl
[[ -x $gwctl ]] || { echo "build first: mvn -q -B -DskipTests package" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bench/gen-config.sh "$work/big" 1000 10000
cat >"$work/small.yaml" <<'YAML'
apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: gw
  namespace: istio-system
spec:
  selector:
    istio: ingressgateway
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["shop.example.com"]
YAML
mkdir -p "$work/hello"
cat >"$work/hello/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] args) { System.out.println("hello"); } }
JAVA
javac -d "$work/hello" "$work/hello/Hello.java"

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "== 1,000 Gateways + 10,000 VirtualServices + 2,000 Services (12,000 files)"
"$gwctl" validate -f "$work/big" | tail -1 || true
hyperfine -N -w 1 -r "$runs" -i --export-json "$work/big.json" "$gwctl validate -f $work/big"
/usr/bin/time -f "peak RSS %M KiB" "$gwctl" validate -f "$work/big" >/dev/null || true
echo "== one small file vs a bare JVM"
hyperfine -N -w 3 -r "$((runs * 3))" -i --export-json "$work/small.json" \
  "java -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp $work/hello Hello" \
  "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -jar cli/target/gwctl-cli.jar validate -f $work/small.yaml" \
  "$gwctl validate -f $work/small.yaml"
# Medians, in seconds: the steadiest figure on a shared 2-core machine.
echo "== medians (s): big directory; then bare JVM, gwctl without its CDS archive, gwctl through the launcher"
grep -o '"median": [0-9.]*' "$work/big.json" "$work/small.json" | sed 's/.*"median": //'

