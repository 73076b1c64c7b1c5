#!/usr/bin/env bash
# run_notebooks.sh — execute notebooks headlessly with the GoNB kernel.
#
#   scripts/run_notebooks.sh [--inplace] [NOTEBOOK...]
#
# Default: every notebooks/*.ipynb is executed into build/notebooks/ and
# rendered to build/html/. With --inplace the executed outputs replace the
# notebooks' own (to refresh the outputs committed in the repository).
# A cell that fails stops the run with nbconvert's report of that cell.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
export PATH=/usr/local/go/bin:$(go env GOPATH)/bin:$PATH
export RECEPTIVE_HEADLESS=1   # widget cells render their default state instead of waiting for a browser
PY=/usr/bin/python3
inplace=0
if [ "${1:-}" = "--inplace" ]; then inplace=1; shift; fi
nbs=("$@")
[ ${#nbs[@]} -gt 0 ] || nbs=(notebooks/*.ipynb)
mkdir -p build/notebooks build/html build/logs

# nbconvert passes the kernel's own log lines through; keep them in a file and
# show them only when a notebook fails.
convert() {
	local log=$1; shift
	if ! $PY -m jupyter nbconvert --log-level=WARN "$@" >"$log" 2>&1; then
		grep -v '^[IW][0-9]\{4\} ' "$log" | tail -n 60 >&2
		echo "run: FAILED — full log in $log" >&2
		exit 1
	fi
}
for nb in "${nbs[@]}"; do
	name=$(basename "$nb")
	start=$(date +%s)
	if [ $inplace = 1 ]; then
		convert "build/logs/$name.log" --to notebook --execute --inplace \
			--ExecutePreprocessor.kernel_name=gonb --ExecutePreprocessor.timeout=1800 "$nb"
		out=$nb
	else
		convert "build/logs/$name.log" --to notebook --execute \
			--ExecutePreprocessor.kernel_name=gonb --ExecutePreprocessor.timeout=1800 \
			--output-dir build/notebooks "$nb"
		out=build/notebooks/$name
	fi
	convert "build/logs/$name.html.log" --to html --output-dir build/html "$out"
	echo "run: $name executed in $(( $(date +%s) - start )) s -> $out, build/html/${name%.ipynb}.html"
done
