#!/usr/bin/env bash
# Serves heap-shape.ts's server pinned to core 0 with --trace-gc-nvp, sends
# `{ __typename }` from core 1 for DURATION s (20) once it is ready, and prints
# the requests answered, the young collections' mean pause and the bytes they
# promoted per request (BENCHMARKS.md, change 26).
#   KIND=keys SIZE=1000 scripts/probe/heap-shape.sh   (FLAGS: node flags for the server)
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-4761}; OUT=${OUT:-/tmp/heap-shape-${KIND:-keys}}
PORT=$PORT taskset -c 0 node ${FLAGS:-} --trace-gc --trace-gc-nvp --import tsx scripts/probe/heap-shape.ts > "$OUT.gc" 2> "$OUT.err" &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until grep -q ready "$OUT.err" 2>/dev/null; do sleep 1; kill -0 $pid; done
sleep 3
skip=$(grep -c "gc=s " "$OUT.gc" || true)  # the collections before the load
summary=$(taskset -c 1 npx autocannon -c 16 -d "${DURATION:-20}" -m POST -H content-type=application/json \
  -b '{"query":"{ __typename }"}' "http://127.0.0.1:$PORT/graphql" 2>&1 | grep -E "requests in")
python3 - "$OUT.gc" "$skip" "$summary" <<'PY'
import re, sys
path, skip, summary = sys.argv[1], int(sys.argv[2]), sys.argv[3]
lines = [l for l in open(path) if 'gc=s ' in l][skip:]
# the main thread's isolate: the one with the most young collections (tsx's loader thread has its own)
isolates = [l.split(']')[0] for l in lines]
main = max(set(isolates), key=isolates.count)
young = [dict(re.findall(r'(\S+?)=(\S+)', l)) for l in lines if l.startswith(main + ']')]
requests = float(re.match(r'\s*([\d.]+)(k?)', summary).group(1)) * (1000 if 'k requests' in summary else 1)
promoted = sum(int(d['promoted']) for d in young)
pause = sum(float(d['pause']) for d in young) / max(len(young), 1)
print(f"{summary.strip()}; {len(young)} young collections, mean pause {pause:.1f} ms, promoted {promoted / 1e6:.1f} MB, {promoted / requests / 1e3:.2f} KB a request")
PY
head -1 "$OUT.err"
