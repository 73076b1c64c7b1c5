#!/usr/bin/env bash
# Side-by-side timing of notebook 02 (spiking sound localisation), Go and the
# original numpy + PyTorch (CPU, 2 threads), in one run on this machine:
# building the ITD data set (4 096 samples; BENCH_FULL=1 for the original's
# 16 384 + 4 096) with peak memory, one training epoch (16 384 samples,
# batches of 128) and inference on the 4 096-sample test set. Prints ratios.
#   scripts/bench/snn.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
py=$(/usr/bin/python3 scripts/bench/snn_original.py)
if [ -n "${BENCH_FULL:-}" ]; then dsbench=BenchmarkFullDataset; else dsbench=BenchmarkTestSet; fi
go_out=$(go test -run '^$' -bench "$dsbench" -benchmem -benchtime 3x ./datasets/itd
         go test -run '^$' -bench 'BenchmarkTrainEpoch|BenchmarkEvaluateTestSet' -benchtime 3x -count 2 ./pkg/snn)
echo "$go_out" | grep Benchmark
best() { echo "$go_out" | awk -v n="$1" '$1 ~ n {print $3}' | sort -n | head -1; }
bytes() { echo "$go_out" | awk -v n="$1" '$1 ~ n {print $5}' | sort -n | head -1; }
/usr/bin/python3 - "$py" "$(best "$dsbench")" "$(bytes "$dsbench")" "$(best BenchmarkTrainEpoch)" "$(best BenchmarkEvaluateTestSet)" <<'PY'
import json, sys
py = json.loads(sys.argv[1])
gd, gb, ge, gv = (float(a) for a in sys.argv[2:6])
gd, ge, gv = gd / 1e9, ge / 1e9, gv / 1e9
n = py["dataset_samples"]
print(f"dataset ({n} samples): Python {py['dataset_s']:7.2f} s  Go {gd:7.3f} s  ratio {py['dataset_s']/gd:6.1f}x")
print(f"  memory: Python peak RSS {py['dataset_peak_bytes']/2**30:6.2f} GiB  Go allocated {gb/2**20:7.1f} MiB  ratio {py['dataset_peak_bytes']/gb:6.0f}x")
print(f"one training epoch:      torch {py['epoch_s']:7.2f} s  Go {ge:7.3f} s  ratio {py['epoch_s']/ge:6.1f}x")
print(f"test-set inference:      torch {py['evaluate_s']:7.2f} s  Go {gv:7.3f} s  ratio {py['evaluate_s']/gv:6.1f}x")
PY
