#!/usr/bin/env bash
# widget_check.sh [NOTEBOOK] — check a widget notebook in a real browser (not
# part of `make test`: it needs chromium and playwright-core from npm).
#   apt-get install -y chromium && (cd scripts/browser && npm install playwright-core)
#   scripts/browser/widget_check.sh notebooks/03_krotov_hopfield_bioneurons.ipynb
set -euo pipefail
cd "$(dirname "$0")/../.."
nb=${1:-notebooks/03_krotov_hopfield_bioneurons.ipynb}
export PATH=/usr/local/go/bin:$(go env GOPATH)/bin:$PATH
unset RECEPTIVE_HEADLESS
[ -d scripts/browser/node_modules/playwright-core ] || (cd scripts/browser && npm install --no-save --silent playwright-core)
port=8899
log=$(mktemp)
# Work on a copy beside the original (its first cell finds the repository
# from the notebook's folder); the server autosaves what it executes.
copy=$(dirname "$nb")/widget_check_$$.ipynb  # not a dot-file: Jupyter hides those
cp "$nb" "$copy"
/usr/bin/python3 -m jupyter notebook --no-browser --allow-root --port=$port --NotebookApp.token=check \
	--notebook-dir="$PWD/$(dirname "$nb")" >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$log" "$copy"' EXIT
sleep 5
NOTEBOOK_URL="http://127.0.0.1:$port/notebooks/$(basename "$copy")?token=check" \
	SCREENSHOT=build/widget_check.png node scripts/browser/widget_check.js
