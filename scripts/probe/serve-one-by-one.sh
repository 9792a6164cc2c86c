#!/usr/bin/env bash
# Serves the generated 1e6 graph (`coopgraph generate --entities 1000000 --seed 7
# --out .bench/graph-1000000-7`) as `coopgraph serve` does, in the default heap,
# and times one request of each kind, one at a time (BENCHMARKS.md, change 17).
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${1:-.bench/graph-1000000-7}; PORT=${PORT:-4761}; OUT=$(mktemp -d)
start=$(date +%s)
node bin/coopgraph.js serve --port "$PORT" --host 127.0.0.1 --read-only --data "$DATA" > "$OUT/stdout" 2> "$OUT/stderr" &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/ready" > /dev/null; do sleep 2; kill -0 $pid; done
echo "ready after $(( $(date +%s) - start )) s"
ask() { # label, query
  local body seconds
  body=$(node -e 'console.log(JSON.stringify({ query: process.argv[1] }))' "$2")
  seconds=$(curl -s -o "$OUT/answer.json" -w '%{time_total}' -H content-type:application/json --data "$body" "http://127.0.0.1:$PORT/graphql")
  echo "$1: $seconds s $(head -c 160 "$OUT/answer.json")"
}
ask node '{ node(id: "person:officer-3200") { id name } }'
ask 'neighborhood, depth 2' '{ neighborhood(id: "person:officer-3200", depth: 2) { nodes { id } } }'
ask 'shortestPath, every relation' '{ shortestPath(from: "person:officer-3200", to: "person:officer-18529") { nodes { id } } }'
ask 'shortestPath, PARTY_TO and SIGNED' '{ shortestPath(from: "police-agency:provincial-police-department-1879", to: "police-agency:provincial-police-department-24264", types: [PARTY_TO, SIGNED]) { nodes { id } } }'
ask 'shortestPath, PARTY_TO and SIGNED again' '{ shortestPath(from: "police-agency:provincial-police-department-1937", to: "police-agency:provincial-police-department-23960", types: [PARTY_TO, SIGNED]) { nodes { id } } }'
ask 'search, first' '{ search(query: "Province 4462") { id } }'
ask 'search, next' '{ search(query: "officer 3200") { id } }'
curl -s "http://127.0.0.1:$PORT/metrics" | grep -E "^nodejs_heap_size_(used|total)_bytes|^process_resident_memory_bytes"
