#!/usr/bin/env bash
# gwctl run-gateway terminating TLS against nginx with the same certificate, and proxying TCP against HAProxy
# in `mode tcp`, to the same nginx backend, in one run on loopback.
#
#   bench/tls-tcp-bench.sh                 # build first: mvn -q -B -DskipTests package
#   ROUNDS=5 bench/tls-tcp-bench.sh
#
# Tests (wrk -t1, each target once per round, the order alternating between rounds):
#   https      keep-alive HTTPS, /small, c64: requests/s over TLS
#   handshake  HTTPS with `Connection: close`, c64: every request is a new connection and a full handshake
#   tcp        plain HTTP through the TCP proxy, /small, c64
#   tcp-1m     plain HTTP through the TCP proxy, a 1 MiB body, c8: bytes/s
# Each proxy gets one core (CPU 1, shared with the backend), wrk gets CPU 0. Figures: median requests/s (or MiB/s),
# the ratio to nginx (HTTPS) or HAProxy (TCP), and CPU time per request of the proxy's processes.
# Needs nginx, haproxy, wrk, openssl (apt-get install -y nginx haproxy wrk openssl).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$here/.." && pwd)
gwctl=$project/cli/target/gwctl
[[ -x $gwctl ]] || { echo "build first: mvn -q -B -DskipTests package" >&2; exit 2; }
for tool in nginx haproxy wrk openssl taskset setsid; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y nginx haproxy wrk openssl" >&2; exit 2; }
done

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-3}
WARMUP=${WARMUP:-15}
BASE_PORT=${BASE_PORT:-18100}
BACKEND=$BASE_PORT NGINX_TLS=$((BASE_PORT + 1)) GWCTL_TLS=$((BASE_PORT + 2))
HAPROXY_TCP=$((BASE_PORT + 3)) GWCTL_TCP=$((BASE_PORT + 4))
for p in $BACKEND $NGINX_TLS $GWCTL_TLS $HAPROXY_TCP $GWCTL_TCP; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "port $p is in use" >&2; exit 2; fi
done

run=${RESULTS_DIR:-$project/bench-out}/tls-tcp-$(date +%Y%m%d-%H%M%S)
mkdir -p "$run/www" "$run/logs"
log() { echo "[tls-tcp-bench] $*" >&2; }

sessions=()
cleanup() {
  for sid in "${sessions[@]}"; do kill -TERM -- "-$sid" 2>/dev/null || true; done
  sleep 1
  for sid in "${sessions[@]}"; do kill -KILL -- "-$sid" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

# start NAME CPU COMMAND...: runs COMMAND in its own session pinned to CPU; records its session id.
start() {
  local name=$1 cpu=$2; shift 2
  setsid taskset -c "$cpu" "$@" >"$run/logs/$name.out" 2>&1 &
  local pid=$!
  sessions+=("$pid")
  eval "pid_$name=$pid"
}

# cpu_ms SID: CPU time in ms of every process of the session (all threads).
cpu_ms() {
  local total=0 pid line rest
  for pid in $(ps -o pid= --sid "$1" 2>/dev/null); do
    line=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
    rest=${line##*) }
    read -r -a f <<<"$rest"
    total=$(( total + f[11] + f[12] ))
  done
  echo $(( total * 1000 / $(getconf CLK_TCK) ))
}

wait_ready() {
  local url=$1 deadline=$((SECONDS + 60))
  until curl -sk -o /dev/null "$url"; do
    (( SECONDS < deadline )) || { echo "not ready: $url (see $run/logs)" >&2; exit 1; }
    sleep 0.2
  done
}

# --- certificates: one CA and one server certificate, used by nginx and gwctl alike
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=bench-ca \
  -keyout "$run/ca.key" -out "$run/ca.crt" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=bench.example.com \
  -keyout "$run/server.key" -out "$run/server.csr" 2>/dev/null
printf 'subjectAltName=DNS:bench.example.com,IP:127.0.0.1\n' >"$run/san.ext"
openssl x509 -req -in "$run/server.csr" -CA "$run/ca.crt" -CAkey "$run/ca.key" -CAcreateserial -days 2 \
  -extfile "$run/san.ext" -out "$run/server.crt" 2>/dev/null
openssl pkcs8 -topk8 -nocrypt -in "$run/server.key" -out "$run/server.pk8"

head -c 1048576 /dev/urandom >"$run/www/1m.bin"
user=""; [[ $(id -u) == 0 ]] && user="user root root;"
cat >"$run/nginx-backend.conf" <<EOF
$user
worker_processes 1; daemon off; pid $run/nginx-backend.pid; error_log $run/logs/nginx-backend.err;
events { worker_connections 4096; }
http { access_log off; keepalive_requests 1000000;
  server { listen 127.0.0.1:$BACKEND; root $run/www;
    location = /small { return 200 "ok"; } } }
EOF
cat >"$run/nginx-tls.conf" <<EOF
$user
worker_processes 1; daemon off; pid $run/nginx-tls.pid; error_log $run/logs/nginx-tls.err;
events { worker_connections 4096; }
http { access_log off; keepalive_requests 1000000;
  upstream backend { server 127.0.0.1:$BACKEND; keepalive 128; }
  server { listen 127.0.0.1:$NGINX_TLS ssl;
    ssl_certificate $run/server.crt; ssl_certificate_key $run/server.key;
    ssl_protocols TLSv1.2 TLSv1.3; ssl_session_cache off; ssl_session_tickets off;
    location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection ""; } } }
EOF
cat >"$run/haproxy-tcp.cfg" <<EOF
global
  nbthread 1
defaults
  mode tcp
  timeout connect 5s
  timeout client 1h
  timeout server 1h
listen tcp
  bind 127.0.0.1:$HAPROXY_TCP
  server backend 127.0.0.1:$BACKEND
EOF
b64() { base64 -w0 "$1"; }
cat >"$run/gateway.yaml" <<EOF
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: bench, namespace: default}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 443, name: https, protocol: HTTPS}
    hosts: ["*"]
    tls: {mode: SIMPLE, credentialName: bench-cert}
  - port: {number: 31400, name: tcp, protocol: TCP}
    hosts: ["*"]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: bench, namespace: default}
spec:
  hosts: ["*"]
  gateways: [bench]
  http:
  - route:
    - destination: {host: backend, port: {number: 80}}
  tcp:
  - match:
    - port: 31400
    route:
    - destination: {host: backend, port: {number: 80}}
---
apiVersion: v1
kind: Service
metadata: {name: backend, namespace: default}
spec:
  ports:
  - {name: http, port: 80}
---
apiVersion: v1
kind: Secret
metadata: {name: bench-cert, namespace: istio-system}
type: kubernetes.io/tls
data:
  tls.crt: $(b64 "$run/server.crt")
  tls.key: $(b64 "$run/server.pk8")
EOF

start backend 1 nginx -c "$run/nginx-backend.conf"
start nginx_tls 1 nginx -c "$run/nginx-tls.conf"
start haproxy_tcp 1 haproxy -db -f "$run/haproxy-tcp.cfg"
GWCTL_JAVA_OPTS=${GWCTL_JAVA_OPTS:--XX:ActiveProcessorCount=1} start gwctl 1 "$gwctl" run-gateway -f "$run/gateway.yaml" \
  --port-map "443=$GWCTL_TLS" --port-map "31400=$GWCTL_TCP" --upstream "backend:80=127.0.0.1:$BACKEND" \
  --workers 1 --access-log off --admin-address off --no-watch
wait_ready "http://127.0.0.1:$BACKEND/small"
wait_ready "https://127.0.0.1:$NGINX_TLS/small"
wait_ready "https://127.0.0.1:$GWCTL_TLS/small"
wait_ready "http://127.0.0.1:$HAPROXY_TCP/small"
wait_ready "http://127.0.0.1:$GWCTL_TCP/small"
for url in "https://127.0.0.1:$GWCTL_TLS/1m.bin" "http://127.0.0.1:$GWCTL_TCP/1m.bin"; do
  cmp -s <(curl -sk "$url") "$run/www/1m.bin" || { echo "wrong body through $url" >&2; exit 1; }
done

# url and wrk options of each test and target
url_of() { # TEST TARGET
  case "$1:$2" in
    https:nginx|handshake:nginx) echo "https://127.0.0.1:$NGINX_TLS" ;;
    https:gwctl|handshake:gwctl) echo "https://127.0.0.1:$GWCTL_TLS" ;;
    tcp*:haproxy) echo "http://127.0.0.1:$HAPROXY_TCP" ;;
    tcp*:gwctl) echo "http://127.0.0.1:$GWCTL_TCP" ;;
  esac
}
wrk_args() { # TEST
  case "$1" in
    https|tcp) echo "-c64 /small" ;;
    handshake) echo "-c64 /small -H Connection:close" ;;
    tcp-1m) echo "-c8 /1m.bin" ;;
  esac
}
sid_of() { case "$1" in nginx) echo "$pid_nginx_tls" ;; haproxy) echo "$pid_haproxy_tcp" ;; gwctl) echo "$pid_gwctl" ;; esac; }

# one TEST TARGET SECONDS: prints "requests bytes cpu_ms"
one() {
  local test=$1 target=$2 secs=$3 sid args path extra=() out c0 c1
  sid=$(sid_of "$target")
  read -r -a args <<<"$(wrk_args "$test")"
  path=${args[1]}
  [[ ${#args[@]} -gt 2 ]] && extra=(-H "${args[3]/:/: }")
  c0=$(cpu_ms "$sid")
  out=$(taskset -c 0 wrk -t1 "${args[0]}" -d"${secs}s" --timeout 5s "${extra[@]}" "$(url_of "$test" "$target")$path" 2>&1)
  c1=$(cpu_ms "$sid")
  echo "$out" >>"$run/logs/wrk-$test-$target.txt"
  local requests bytes
  requests=$(awk '/requests in/{print $1}' <<<"$out")
  bytes=$(awk '/requests in/{v=$5; u=substr(v,length(v)-1); n=v+0; m=(u=="GB")?2^30:(u=="MB")?2^20:(u=="KB")?2^10:1; printf "%.0f", n*m}' <<<"$out")
  if grep -q "Non-2xx\|Socket errors" <<<"$out"; then echo "errors in $test $target: $(grep 'Non-2xx\|Socket errors' <<<"$out")" >&2; fi
  echo "$requests $bytes $((c1 - c0))"
}

tests="https handshake tcp tcp-1m"
log "warm-up ${WARMUP}s per test for gwctl (JIT), 1 s for the others"
for t in $tests; do
  one "$t" gwctl "$WARMUP" >/dev/null
  case $t in https|handshake) one "$t" nginx 1 >/dev/null ;; *) one "$t" haproxy 1 >/dev/null ;; esac
done
: >"$run/runs.tsv"
for ((r = 1; r <= ROUNDS; r++)); do
  for t in $tests; do
    case $t in https|handshake) ref=nginx ;; *) ref=haproxy ;; esac
    order="gwctl $ref"; (( r % 2 == 0 )) && order="$ref gwctl"
    for target in $order; do
      read -r req bytes cpu <<<"$(one "$t" "$target" "$DURATION")"
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "$t" "$target" "$req" "$bytes" "$cpu" >>"$run/runs.tsv"
      log "round $r $t $target: $req requests, $cpu ms CPU"
    done
  done
done

median() { sort -n | awk '{a[NR]=$1} END{if(NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
{
  echo "# tls-tcp-bench $(date -Is), $ROUNDS rounds of ${DURATION}s, $(nproc) CPUs; wrk on CPU 0, proxies and backend on CPU 1"
  echo "# $(nginx -v 2>&1 | sed 's/.*: //'), haproxy $(haproxy -v | awk 'NR==1{print $3}'), $(openssl version | cut -d' ' -f1-2)"
  printf '%-10s %-8s %12s %10s %10s %12s %10s\n' test target "req/s" "MiB/s" x_ref "cpu/req_us" x_cpu
  for t in $tests; do
    case $t in https|handshake) ref=nginx ;; *) ref=haproxy ;; esac
    declare -A rps=() mibs=() cpu=()
    for target in $ref gwctl; do
      rps[$target]=$(awk -v t="$t" -v g="$target" -v d="$DURATION" '$2==t&&$3==g{print $4/d}' "$run/runs.tsv" | median)
      mibs[$target]=$(awk -v t="$t" -v g="$target" -v d="$DURATION" '$2==t&&$3==g{print $5/d/1048576}' "$run/runs.tsv" | median)
      cpu[$target]=$(awk -v t="$t" -v g="$target" '$2==t&&$3==g&&$4>0{print $6*1000/$4}' "$run/runs.tsv" | median)
    done
    for target in $ref gwctl; do
      printf '%-10s %-8s %12.0f %10.1f %10.2f %12.1f %10.2f\n' "$t" "$target" "${rps[$target]}" "${mibs[$target]}" \
        "$(awk -v a="${rps[$target]}" -v b="${rps[$ref]}" 'BEGIN{print a/b}')" "${cpu[$target]}" \
        "$(awk -v a="${cpu[$target]}" -v b="${cpu[$ref]}" 'BEGIN{print (b>0)?a/b:0}')"
    done
  done
} | tee "$run/table.txt"
