#!/usr/bin/env bash
# Builds the .deb from a build (cpack) and checks it as Debian would: lintian with no error,
# Depends computed from the binary's libraries, the files a desktop needs in the right places.
# Exit 77 (skipped) without dpkg-shlibdeps or lintian. ctest install.deb runs it on the build's
# own tree; scripts/package runs it keeping the .deb in OUT_DIR.
#   usage: deb_test.sh BUILD_DIR [OUT_DIR]
set -uo pipefail
build="$1"
for tool in dpkg-shlibdeps dpkg-deb lintian; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed (scripts/setup)"; exit 77; }
done
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
out="${2:-$tmp}"
fail() { echo "FAIL: $*"; exit 1; }

cpack --config "$build/CPackConfig.cmake" -B "$out" >"$tmp/cpack.log" 2>&1 ||
  { cat "$tmp/cpack.log"; fail "cpack"; }
deb="$(ls "$out"/liverbridge_*.deb)" || fail "no liverbridge_*.deb"
depends="$(dpkg-deb -f "$deb" Depends)"
for lib in libyaml-cpp libsqlite3 libglfw3 libssl; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib: $depends"
done
dpkg-deb -c "$deb" | awk '{print $6}' >"$tmp/files"
for f in ./usr/bin/liverbridge ./usr/share/liverbridge/protocols/hvp-alf-larsen-2016.yaml \
  ./usr/share/applications/org.liverbridge.LiverBridge.desktop \
  ./usr/share/metainfo/org.liverbridge.LiverBridge.metainfo.xml \
  ./usr/share/icons/hicolor/48x48/apps/org.liverbridge.LiverBridge.png \
  ./usr/share/man/man1/liverbridge.1.gz ./usr/share/doc/liverbridge/copyright \
  ./usr/share/bash-completion/completions/liverbridge; do
  grep -qx -- "$f" "$tmp/files" || fail "not in the package: $f"
done
lintian --tag-display-limit 0 "$deb" >"$tmp/lintian.log" 2>&1
cat "$tmp/lintian.log"
if grep -q "^E: " "$tmp/lintian.log"; then fail "lintian errors"; fi
echo "package $deb ok"
