#!/usr/bin/env bash
# Side-by-side timing of notebook 04 on this machine, Go against the Python
# originals (see nlgp_original.py): 1000 training steps (batch 100, 100 tanh
# units × 40 inputs, NLGP sampling included) against the torch script that
# made the original's figures and against a numpy rewrite of the same
# algorithm; compute_entropy of the ten snapshots; the six figures of the
# original rendered to PNG. Prints the ratios for BENCHMARKS.md.
#   scripts/bench/nlgp.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
py=$(/usr/bin/python3 scripts/bench/nlgp_original.py)
go_out=$(go test -run '^$' -bench 'BenchmarkTrain1000|BenchmarkEntropy10Snapshots|BenchmarkLocalizationFigures' -benchtime 3x -count 3 ./pkg/localization ./figures)
echo "$go_out" | grep Benchmark
best() { echo "$go_out" | awk -v n="$1" '$1 ~ n {print $3}' | sort -n | head -1; }
/usr/bin/python3 - "$py" "$(best BenchmarkTrain1000)" "$(best BenchmarkEntropy10Snapshots)" "$(best BenchmarkLocalizationFigures)" <<'PY'
import json, sys
py = json.loads(sys.argv[1]); gt, ge, gf = (float(v) / 1e9 for v in sys.argv[2:5])
print(f"1000 steps, torch original : Python {py['torch_s']*1e3:8.1f} ms   Go {gt*1e3:8.1f} ms   ratio {py['torch_s']/gt:6.2f}x  (torch threads {py['torch_threads']}, final acc {py['torch_acc']:.3f})")
print(f"1000 steps, numpy rewrite  : Python {py['numpy_s']*1e3:8.1f} ms   Go {gt*1e3:8.1f} ms   ratio {py['numpy_s']/gt:6.2f}x  (final acc {py['numpy_acc']:.3f})")
print(f"entropy of 10 snapshots    : Python {py['entropy_s']*1e3:8.1f} ms   Go {ge*1e3:8.3f} ms   ratio {py['entropy_s']/ge:6.0f}x")
print(f"six figures to PNG         : Python {py['figures_s']*1e3:8.1f} ms   Go {gf*1e3:8.1f} ms   ratio {py['figures_s']/gf:6.2f}x")
tp = py['torch_s'] + py['entropy_s'] + py['figures_s']; tg = gt + ge + gf
print(f"train + metrics + figures  : Python {tp*1e3:8.1f} ms   Go {tg*1e3:8.1f} ms   ratio {tp/tg:6.2f}x")
PY
