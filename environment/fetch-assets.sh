#!/usr/bin/env bash
# Fetches the front-end assets that exported HTML pages embed into vendor/ (git-ignored):
#   plotly.js   npm package plotly.js-dist-min@2.35.3 -> vendor/plotly/plotly.min.js
# HtmlPage (lib/NotebookKit/Interactive) inlines this file once per page, so pages open offline.
# Idempotent: a second run checks what is there, prints nothing and exits 0.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PLOTLY_VERSION=2.35.3
PLOTLY_PKG="plotly.js-dist-min@$PLOTLY_VERSION"
PLOTLY_SHA1=b80c79546fe21c1f585657b59d80caf1a0d8f563   # npm view $PLOTLY_PKG dist.shasum
DEST="$ROOT/vendor/plotly"
STAMP="$DEST/VERSION"

say() { echo "fetch-assets: $*"; }
die() { echo "fetch-assets: error: $*" >&2; exit 1; }

if [ -s "$DEST/plotly.min.js" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$PLOTLY_VERSION" ]; then exit 0; fi

command -v npm >/dev/null || die "npm is needed to fetch $PLOTLY_PKG (apt-get install npm, or install Node.js)."
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
say "fetching $PLOTLY_PKG from npm"
(cd "$tmp" && npm pack "$PLOTLY_PKG" --silent >/dev/null 2>"$tmp/npm.log") ||
  { cat "$tmp/npm.log" >&2; die "npm pack $PLOTLY_PKG failed (see above)."; }
tgz="$tmp/plotly.js-dist-min-$PLOTLY_VERSION.tgz"
[ -f "$tgz" ] || die "npm pack did not write $(basename "$tgz")."
echo "$PLOTLY_SHA1  $tgz" | sha1sum --check --quiet - || die "$PLOTLY_PKG does not match its pinned sha1 $PLOTLY_SHA1."
tar -xzf "$tgz" -C "$tmp" package/plotly.min.js
[ -s "$tmp/package/plotly.min.js" ] || die "$PLOTLY_PKG has no package/plotly.min.js; has the package layout changed?"

# Temp file + rename on the same file system keeps the target atomic for a concurrent reader.
mkdir -p "$DEST"
cp "$tmp/package/plotly.min.js" "$DEST/plotly.min.js.tmp.$$" && mv -f "$DEST/plotly.min.js.tmp.$$" "$DEST/plotly.min.js"
echo "$PLOTLY_VERSION" >"$STAMP.tmp.$$" && mv -f "$STAMP.tmp.$$" "$STAMP"
say "plotly.js $PLOTLY_VERSION -> vendor/plotly/plotly.min.js"
