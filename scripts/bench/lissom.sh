#!/usr/bin/env bash
# Side-by-side timing of notebook 01: one full LISSOM forward pass (ON/OFF
# LGN, afferent drive, 9 settling steps) with V1 at 36×36 (the notebook) and
# 142×142 (the CMVC book's V1 density), Go (sparse connection fields) and
# pylissom's dense torch formulation, in one run on this machine. Prints the
# ratios for BENCHMARKS.md. The Python side needs ~3.5 GB of RAM and ~2 min
# to build its 142² dense weights.
#   scripts/bench/lissom.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
py=$(/usr/bin/python3 scripts/bench/lissom_original.py)
go_out=$(go test -run '^$' -bench 'BenchmarkForward(36|142)$' -count 5 ./pkg/lissom)
echo "$go_out" | grep Benchmark
best() { echo "$go_out" | awk -v n="$1" '$1 ~ n {print $3}' | sort -n | head -1; }
/usr/bin/python3 - "$py" "$(best 'BenchmarkForward36-')" "$(best 'BenchmarkForward142-')" <<'PY'
import json, sys
py = json.loads(sys.argv[1]); g36 = float(sys.argv[2]) / 1e9; g142 = float(sys.argv[3]) / 1e9
print(f"forward V1 36²:  torch {py['forward_36_s']*1e3:9.2f} ms   Go {g36*1e3:8.3f} ms   ratio {py['forward_36_s']/g36:6.1f}x")
print(f"forward V1 142²: torch {py['forward_142_s']*1e3:9.2f} ms   Go {g142*1e3:8.3f} ms   ratio {py['forward_142_s']/g142:6.1f}x")
print(f"torch dense weights: {py['weights_gb_36']:.3f} GB at 36², {py['weights_gb_142']:.2f} GB at 142²")
PY
