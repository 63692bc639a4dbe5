#!/usr/bin/env bash
# Fetches the front-end assets that exported HTML pages embed into vendor/ (git-ignored):
#   plotly.js   npm package plotly.js-dist-min@2.35.3 -> vendor/plotly/plotly.min.js
#   MathJax     npm package mathjax@3.2.2 (es5/tex-svg.js) -> vendor/mathjax/tex-svg.js
# HtmlPage (lib/NotebookKit.Interactive) inlines them once per page (plotly.js when it has figures, MathJax when it
# has TeX), so pages open offline.
# Idempotent: a second run checks what is there, prints nothing and exits 0.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PLOTLY_VERSION=2.35.3
PLOTLY_SHA1=b80c79546fe21c1f585657b59d80caf1a0d8f563    # npm view plotly.js-dist-min@2.35.3 dist.shasum
MATHJAX_VERSION=3.2.2
MATHJAX_SHA1=c754d7b46a679d7f3fa03543d6b8bf124ddf9f6b   # npm view mathjax@3.2.2 dist.shasum

say() { echo "fetch-assets: $*"; }
die() { echo "fetch-assets: error: $*" >&2; exit 1; }

# fetch PACKAGE@VERSION SHA1 MEMBER DEST_DIR FILE: npm pack, check the pinned sha1, extract one file atomically.
fetch() {
  local pkg="$1" sha1="$2" member="$3" dest="$4" file="$5" version="${1##*@}"
  if [ -s "$dest/$file" ] && [ "$(cat "$dest/VERSION" 2>/dev/null)" = "$version" ]; then return 0; fi
  command -v npm >/dev/null || die "npm is needed to fetch $pkg (apt-get install npm, or install Node.js)."
  local tmp; tmp="$(mktemp -d)"
  say "fetching $pkg from npm"
  (cd "$tmp" && npm pack "$pkg" --silent >/dev/null 2>"$tmp/npm.log") ||
    { cat "$tmp/npm.log" >&2; rm -rf "$tmp"; die "npm pack $pkg failed (see above)."; }
  local tgz; tgz="$(ls "$tmp"/*.tgz 2>/dev/null | head -1)"
  [ -n "$tgz" ] || die "npm pack $pkg wrote no archive."
  echo "$sha1  $tgz" | sha1sum --check --quiet - || die "$pkg does not match its pinned sha1 $sha1."
  tar -xzf "$tgz" -C "$tmp" "$member"
  [ -s "$tmp/$member" ] || die "$pkg has no $member; has the package layout changed?"
  mkdir -p "$dest"
  cp "$tmp/$member" "$dest/$file.tmp.$$" && mv -f "$dest/$file.tmp.$$" "$dest/$file"
  echo "$version" >"$dest/VERSION.tmp.$$" && mv -f "$dest/VERSION.tmp.$$" "$dest/VERSION"
  rm -rf "$tmp"
  say "$pkg -> ${dest#"$ROOT"/}/$file"
}

fetch "plotly.js-dist-min@$PLOTLY_VERSION" "$PLOTLY_SHA1" package/plotly.min.js "$ROOT/vendor/plotly" plotly.min.js
fetch "mathjax@$MATHJAX_VERSION" "$MATHJAX_SHA1" package/es5/tex-svg.js "$ROOT/vendor/mathjax" tex-svg.js
