#!/usr/bin/env bash
# Side-by-side timing of pkg/fit against scipy.optimize.curve_fit (method
# "lm") on the three fits of seed 002's analysis, in one run on this machine.
# Prints the ratios for BENCHMARKS.md (section pkg/fit).
#   scripts/bench/fit_bench.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
py=$(/usr/bin/python3 scripts/bench/fit_scipy.py)
go_out=$(go test -run '^$' -bench 'BenchmarkRicker|BenchmarkGaussian' -count 5 ./pkg/fit)
echo "$go_out" | grep Benchmark
best() { echo "$go_out" | awk -v n="$1" '$1 ~ n {print $3}' | sort -n | head -1; }
/usr/bin/python3 - "$py" "$(best BenchmarkRickerRowMean)" "$(best BenchmarkRickerMatrix)" "$(best BenchmarkGaussianTuning)" <<'PY'
import json, sys
py = json.loads(sys.argv[1])
rows = [("Ricker fit, row mean (12 points)", "ricker_seed_row_mean", sys.argv[2]),
        ("Ricker fit, whole W_ho (96 points)", "ricker_seed_matrix", sys.argv[3]),
        ("Gaussian fit, hidden tuning (96 points)", "gaussian_tuning", sys.argv[4])]
for label, key, ns in rows:
    g = float(ns) / 1e9
    print(f"{label:42s} scipy {py[key]*1e6:8.1f} µs   Go {g*1e6:7.1f} µs   ratio {py[key]/g:6.1f}x")
PY
