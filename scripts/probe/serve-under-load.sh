#!/usr/bin/env bash
# Serves a graph folder as `coopgraph serve` does, with --trace-gc, pinned to
# one core, and once it is ready sends `{ __typename }` from the other core in
# ROUNDS rounds of 10 s (BENCHMARKS.md, change 18). The collector's trace is in
# OUT/stdout, autocannon's figures in OUT/summary.
#   scripts/probe/serve-under-load.sh .bench/graph-1000000-7
# Environment: FLAGS (node flags), ROUNDS (3), OUT (/tmp/serve-under-load),
# PORT (4711), PIN=0 to pin neither the server nor the load generator.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${1:?usage: serve-under-load.sh GRAPH_DIR}
PORT=${PORT:-4711}; OUT=${OUT:-/tmp/serve-under-load}; ROUNDS=${ROUNDS:-3}
if [ "${PIN:-1}" = 1 ]; then SERVER=(taskset -c 0); LOAD=(taskset -c 1); else SERVER=(); LOAD=(); fi
mkdir -p "$OUT"
start=$(date +%s)
"${SERVER[@]}" node ${FLAGS:-} --trace-gc bin/coopgraph.js serve --port "$PORT" --host 127.0.0.1 --read-only --data "$DATA" > "$OUT/stdout" 2> "$OUT/stderr" &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/ready" > /dev/null; do sleep 2; kill -0 $pid; done
echo "ready after $(( $(date +%s) - start )) s" | tee "$OUT/summary"
sleep 20
for _ in $(seq "$ROUNDS"); do
  "${LOAD[@]}" npx autocannon -c 16 -d 10 -m POST -H content-type=application/json -b '{"query":"{ __typename }"}' \
    "http://127.0.0.1:$PORT/graphql" 2>&1 | grep -E "Req/Sec|Latency|requests in|errors" | tee -a "$OUT/summary"
done
