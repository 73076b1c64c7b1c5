#!/usr/bin/env bash
# setup.sh — install what `make run` and `make test` need, and nothing that is
# already there. Idempotent: a second run only checks and prints "ok".
#
#   Debian's Jupyter (nbconvert, client, notebook) under /usr/bin/python3
#   the GoNB kernel at the version pinned in go.mod (tool directive)
#   goimports (every GoNB cell runs it)
#   the gonb kernelspec for the current user
#
# When something cannot be installed (no root, no apt) it stops and says
# exactly what to install by hand.
set -euo pipefail

GOIMPORTS_VERSION=v0.52.0
GOPLS_VERSION=v0.23.0   # autocomplete in the notebook UI; v0.24 needs Go 1.27
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PY=/usr/bin/python3
installed=()

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

# --- Go -------------------------------------------------------------------
if ! command -v go >/dev/null 2>&1; then
	[ -x /usr/local/go/bin/go ] && export PATH=/usr/local/go/bin:$PATH
fi
command -v go >/dev/null 2>&1 || die "Go is not installed. Install Go 1.26 or newer from https://go.dev/dl/ and put it on PATH."
GOBIN=$(go env GOBIN); [ -n "$GOBIN" ] || GOBIN=$(go env GOPATH)/bin
export PATH=$GOBIN:$PATH

# --- Jupyter from Debian --------------------------------------------------
need_apt=()
$PY -c 'import nbconvert, nbclient' >/dev/null 2>&1 || need_apt+=(jupyter-nbconvert python3-nbclient)
$PY -c 'import jupyter_client' >/dev/null 2>&1 || need_apt+=(jupyter-client)
$PY -c 'import notebook' >/dev/null 2>&1 || need_apt+=(jupyter-notebook)
if [ ${#need_apt[@]} -gt 0 ]; then
	if ! command -v apt-get >/dev/null 2>&1; then
		die "Jupyter is missing and this is not a Debian/Ubuntu system. Install Jupyter (nbconvert, nbclient, jupyter_client, notebook) for $PY by hand, e.g. with your package manager, then re-run."
	fi
	SUDO=""
	if [ "$(id -u)" -ne 0 ]; then
		if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
			die "Jupyter is missing and installing it needs root. Run: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${need_apt[*]}"
		fi
	fi
	say "installing ${need_apt[*]} with apt (about a minute)"
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq >/dev/null
	$SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
	installed+=("${need_apt[@]}")
fi

# --- GoNB at the version pinned in go.mod ----------------------------------
want=$(cd "$REPO" && go list -m -f '{{.Version}}' github.com/janpfeifer/gonb)
have=""
if command -v gonb >/dev/null 2>&1; then
	# `gonb --version` misreports; the build info is the truth.
	have=$(go version -m "$(command -v gonb)" 2>/dev/null | awk '$1=="mod" && $2=="github.com/janpfeifer/gonb" {print $3}')
fi
if [ "$have" != "$want" ]; then
	say "installing gonb $want (about 40 s)"
	(cd "$REPO" && go install github.com/janpfeifer/gonb)
	installed+=("gonb $want")
fi

# --- goimports --------------------------------------------------------------
if ! command -v goimports >/dev/null 2>&1; then
	say "installing goimports $GOIMPORTS_VERSION"
	go install "golang.org/x/tools/cmd/goimports@$GOIMPORTS_VERSION"
	installed+=("goimports $GOIMPORTS_VERSION")
fi

# --- gopls (autocomplete in the notebook UI; the kernel refuses to install without it) ---
if ! command -v gopls >/dev/null 2>&1; then
	say "installing gopls $GOPLS_VERSION (about a minute)"
	go install "golang.org/x/tools/gopls@$GOPLS_VERSION"
	installed+=("gopls $GOPLS_VERSION")
fi

# --- kernelspec ------------------------------------------------------------
if ! $PY -m jupyter kernelspec list 2>/dev/null | grep -q '^ *gonb '; then
	say "installing the gonb kernelspec"
	gonb --install --raw_error >/dev/null 2>&1 || die "gonb --install failed; run it by hand to see why: $GOBIN/gonb --install"
	installed+=("gonb kernelspec")
fi

if [ ${#installed[@]} -gt 0 ]; then
	say "installed: ${installed[*]}"
else
	say "ok: Jupyter, gonb $want, goimports and the gonb kernelspec are present"
fi
