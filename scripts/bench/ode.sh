#!/usr/bin/env bash
# Side-by-side timing of pkg/ode against scipy.integrate.solve_ivp (RK45) on
# the same problems, with the same steps: van der Pol μ = 1 on [0, 20]
# (53 steps, 434 evaluations) and y' = −y with 11 760 components on [0, 5].
#   scripts/bench/ode.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
py=$(/usr/bin/python3 scripts/bench/ode_original.py)
go_out=$(go test -run '^$' -bench 'BenchmarkVanDerPol|BenchmarkLargeLinear' -count 5 ./pkg/ode)
echo "$go_out" | grep Benchmark
best() { echo "$go_out" | awk -v n="$1" '$1 ~ n {print $3}' | sort -n | head -1; }
/usr/bin/python3 - "$py" "$(best BenchmarkVanDerPol)" "$(best BenchmarkLargeLinear)" <<'PY'
import json, sys
py = json.loads(sys.argv[1]); gv = float(sys.argv[2]) / 1e9; gl = float(sys.argv[3]) / 1e9
print(f"van der Pol [0,20]:   SciPy {py['van_der_pol_s']*1e3:8.3f} ms   Go {gv*1e3:8.4f} ms   ratio {py['van_der_pol_s']/gv:7.1f}x")
print(f"11760-dim linear:     SciPy {py['large_linear_s']*1e3:8.3f} ms   Go {gl*1e3:8.4f} ms   ratio {py['large_linear_s']/gl:7.1f}x")
PY
