#!/usr/bin/env bash
# Gateway efficiency: GET /api/listings/{id} straight to the Listings service and through the gateway, in one run
# on this machine (Release builds, scripts/infra.sh servers, wrk from Debian). Saturated throughput at the same
# concurrency gives the ratio; one connection at a time gives the latency the gateway adds.
# Arguments: --connections N (32), --seconds S (15). Prints the figures; docs/benchmarks.md records them.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh
configuration=${BENCH_CONFIGURATION:-Release}

connections=32
seconds=15
while [[ $# -gt 0 ]]; do
  case "$1" in
    --connections) connections=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

command -v wrk >/dev/null || { echo "Installing wrk from apt..."; apt-get install -y -qq wrk >/dev/null; }

scripts/infra.sh start
eval "$(scripts/infra.sh env)"
work=$(mktemp -d /tmp/bench-gateway.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  scripts/infra.sh stop
  rm -rf "$work"
}
trap cleanup EXIT

for project in services/Listings gateway; do dotnet build -c "$configuration" -v q -nologo "$project" >/dev/null; done

service_port=5611
gateway_port=5610
signing_key=bench-only-signing-key-for-the-gateway-benchmark
database="listings_bench_$RANDOM"

ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$service_port" \
  ConnectionStrings__listingsdb="${ConnectionStrings__Postgres};Database=$database" \
  Identity__DevelopmentSigningKey="$signing_key" Logging__LogLevel__Default=Warning \
  dotnet run -c "$configuration" --no-build --no-launch-profile --project services/Listings >"$work/listings.log" 2>&1 &
pids+=($!)
env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$gateway_port" \
  "services__listings-api__http__0=http://127.0.0.1:$service_port" \
  Identity__DevelopmentSigningKey="$signing_key" Logging__LogLevel__Default=Warning \
  Gateway__RateLimits__api__PermitLimit=100000000 \
  dotnet run -c "$configuration" --no-build --no-launch-profile --project gateway >"$work/gateway.log" 2>&1 &
pids+=($!)

up=""
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$service_port/alive" >/dev/null && curl -sf "http://127.0.0.1:$gateway_port/alive" >/dev/null && up=yes && break
  sleep 0.5
done
[[ -n "$up" ]] || { echo "The service or the gateway did not start:" >&2; tail -20 "$work"/*.log >&2; exit 1; }

token=$(curl -sf -X POST "http://127.0.0.1:$gateway_port/dev/token" -H 'content-type: application/json' \
  -d '{"sub":"s-bench","role":"student","name":"Bench"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
listing=""
for _ in $(seq 1 60); do
  listing=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$service_port/api/listings?limit=1" \
    | grep -oE '"id":"[0-9a-f-]{36}"' | head -1 | cut -d'"' -f4 || true)
  [[ -n "$listing" ]] && break
  sleep 0.5
done
[[ -n "$listing" ]] || { echo "No sample listing to read:" >&2; tail -20 "$work/listings.log" >&2; exit 1; }

path="/api/listings/$listing"
# The gateway routes to Listings once its health probe (every 5 s) has seen it ready; a Listings slow to start on a
# busy machine fails the first two probes, and the gateway answers 503 until the next one passes.
answers_ok() { [[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$1$path")" == 200 ]]; }
wait_until 30 "GET $path on Listings" "$work/listings.log" answers_ok "$service_port"
wait_until 30 "GET $path through the gateway" "$work/gateway.log" answers_ok "$gateway_port"

run_wrk() { # port connections threads seconds
  wrk -t"$3" -c"$2" -d"$4s" --latency -H "Authorization: Bearer $token" "http://127.0.0.1:$1$path"
}
rps() { grep -E '^Requests/sec' | awk '{print $2}'; }
p50_ms() {
  local value
  value=$(grep -E '^ +50%' | awk '{print $2}')
  case "$value" in
    *us) awk -v v="${value%us}" 'BEGIN{printf "%.3f", v/1000}' ;;
    *ms) awk -v v="${value%ms}" 'BEGIN{printf "%.3f", v}' ;;
    *s) awk -v v="${value%s}" 'BEGIN{printf "%.3f", v*1000}' ;;
  esac
}

echo "Warming up..."
run_wrk "$service_port" 8 2 5 >/dev/null
run_wrk "$gateway_port" 8 2 5 >/dev/null

echo "Saturated, $connections connections, ${seconds}s each:"
direct=$(run_wrk "$service_port" "$connections" 2 "$seconds")
proxied=$(run_wrk "$gateway_port" "$connections" 2 "$seconds")
direct_rps=$(rps <<<"$direct")
proxied_rps=$(rps <<<"$proxied")
echo "  direct:  $direct_rps req/s"
echo "  gateway: $proxied_rps req/s"
awk -v d="$direct_rps" -v g="$proxied_rps" 'BEGIN{printf "  ratio gateway/direct: %.2f (target >= 0.6)\n", g/d}'

echo "One connection at a time, ${seconds}s each:"
direct_light=$(run_wrk "$service_port" 1 1 "$seconds")
proxied_light=$(run_wrk "$gateway_port" 1 1 "$seconds")
direct_p50=$(p50_ms <<<"$direct_light")
proxied_p50=$(p50_ms <<<"$proxied_light")
echo "  direct p50:  ${direct_p50} ms ($(rps <<<"$direct_light") req/s)"
echo "  gateway p50: ${proxied_p50} ms ($(rps <<<"$proxied_light") req/s)"
awk -v d="$direct_p50" -v g="$proxied_p50" 'BEGIN{printf "  added by the gateway at p50: %.3f ms (target <= 0.5)\n", g-d}'
