#!/usr/bin/env bash
# Side-by-side timing of notebook 00: the six activity maps and one
# filled-contour figure rendered to PNG, Go and the original numpy +
# matplotlib, in one run on this machine. Prints the ratios for BENCHMARKS.md.
#   scripts/bench/gaussneuron.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
py=$(/usr/bin/python3 scripts/bench/gaussneuron_original.py)
go_out=$(go test -run '^$' -bench 'BenchmarkCompute|BenchmarkActivityContour' -count 5 ./pkg/gaussneuron ./figures)
echo "$go_out" | grep Benchmark
best() { echo "$go_out" | awk -v n="$1" '$1 ~ n {print $3}' | sort -n | head -1; }
go_maps=$(best BenchmarkCompute)
go_fig=$(best BenchmarkActivityContour)
/usr/bin/python3 - "$py" "$go_maps" "$go_fig" <<'PY'
import json, sys
py = json.loads(sys.argv[1]); gm = float(sys.argv[2]) / 1e9; gf = float(sys.argv[3]) / 1e9
print(f"six maps:    Python {py['maps_s']*1e3:8.2f} ms   Go {gm*1e3:8.3f} ms   ratio {py['maps_s']/gm:6.1f}x")
print(f"one figure:  Python {py['figure_s']*1e3:8.2f} ms   Go {gf*1e3:8.3f} ms   ratio {py['figure_s']/gf:6.1f}x")
PY
