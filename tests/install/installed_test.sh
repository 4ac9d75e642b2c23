#!/usr/bin/env bash
# Installs LiverBridge into a temporary DESTDIR, moves the installed tree elsewhere (another
# prefix) and runs the installed binary as a user would, with no LIVERBRIDGE_* variable and
# from a folder outside the source tree: protocols, plan, score, validate, a screenshot under
# Xvfb; then checks the desktop entry, metainfo, manual page and bash completion.
#   usage: installed_test.sh BUILD_DIR BUILD_BINARY XVFB_RUN|none PNG_CHECK|none
set -uo pipefail
build="$1" build_bin="$2" xvfb_run="$3" png_check="$4"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

DESTDIR="$tmp/stage" cmake --install "$build" --prefix /usr >"$tmp/install.log" 2>&1 ||
  { cat "$tmp/install.log"; fail "cmake --install"; }
mv "$tmp/stage/usr" "$tmp/moved" || fail "cannot move the staged tree"
prefix="$tmp/moved" bin="$tmp/moved/bin/liverbridge" share="$tmp/moved/share"
example="$share/liverbridge/examples/alf-paracetamol.yaml"
mkdir -p "$tmp/home" "$tmp/cwd"
# A clean environment: nothing points at the source tree, which the binary must not need.
run() { (cd "$tmp/cwd" && env -i HOME="$tmp/home" PATH=/usr/bin:/bin "$@"); }

for f in bin/liverbridge share/liverbridge/protocols/hvp-alf-larsen-2016.yaml \
  share/liverbridge/examples/alf-paracetamol.yaml share/doc/liverbridge/README.md \
  share/doc/liverbridge/copyright share/man/man1/liverbridge.1.gz \
  share/bash-completion/completions/liverbridge share/icons/hicolor/scalable/apps; do
  [ -e "$prefix/$f" ] || fail "not installed: $f"
done

out="$(run "$bin" protocols)" || fail "protocols exited $?"
grep -q "^hvp-alf-larsen-2016 " <<<"$out" || fail "protocols does not list hvp-alf-larsen-2016: $out"
run "$bin" plan --patient "$example" --protocol hvp-alf-larsen-2016 >"$tmp/plan.txt" ||
  fail "plan exited $?"
grep -q "file $share/liverbridge/protocols/hvp-alf-larsen-2016.yaml" "$tmp/plan.txt" ||
  fail "plan did not read the installed protocol"
# The installed program plans exactly as the build-tree one does (same protocol SHA-256; only
# the protocol's file path differs).
"$build_bin" plan --patient "$example" --protocol hvp-alf-larsen-2016 >"$tmp/plan-build.txt"
diff <(grep -v '^ *file ' "$tmp/plan.txt") <(grep -v '^ *file ' "$tmp/plan-build.txt") ||
  fail "installed plan differs from the build's"
run "$bin" score --patient "$example" --format json >"$tmp/score.json" || fail "score exited $?"
grep -q '"meld' "$tmp/score.json" || fail "score printed no MELD"
run "$bin" validate "$example" "$share/liverbridge/protocols/hvp-alf-larsen-2016.yaml" >/dev/null ||
  fail "validate exited $?"

# Without its data the installed binary says where it looked; it never falls back to the
# source or build tree (which still exist here).
mv "$share/liverbridge/protocols" "$tmp/hidden-protocols"
run "$bin" protocols >/dev/null 2>"$tmp/err" && fail "protocols found protocols that are not installed"
grep -q "$share/liverbridge/protocols" "$tmp/err" || fail "no mention of the installed path: $(cat "$tmp/err")"
mv "$tmp/hidden-protocols" "$share/liverbridge/protocols"

# Every option --help shows is in the manual page, for every command.
gzip -dc "$prefix/share/man/man1/liverbridge.1.gz" >"$tmp/man.1"
for cmd in "" plan score cohort validate protocols record "record plan" review export print; do
  # shellcheck disable=SC2086 # the command path is split on purpose
  for opt in $(run "$bin" $cmd --help | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
    grep -qF -- "${opt//-/\\-}" "$tmp/man.1" || fail "man page lacks $opt of '$cmd'"
  done
done
if command -v man >/dev/null; then
  LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$tmp/man.1" >/dev/null 2>"$tmp/man.err"
  [ ! -s "$tmp/man.err" ] || fail "man warnings: $(cat "$tmp/man.err")"
fi

# Bash completion: sub-commands, options, and the choices of --format.
# Each call's words go to a file first: `grep -q` on a pipe exits at the first match and,
# under pipefail, the writer's SIGPIPE would fail the check at random.
complete_words() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _liverbridge
           printf "%s\n" "${COMPREPLY[@]}"' _ "$share/bash-completion/completions/liverbridge" "$@"
}
complete_words liverbridge pl >"$tmp/words"
grep -qx plan "$tmp/words" || fail "completion: 'pl' does not give plan"
complete_words liverbridge record pa >"$tmp/words"
grep -qx patient "$tmp/words" || fail "completion: record pa"
complete_words liverbridge plan --for >"$tmp/words"
grep -qx -- --format "$tmp/words" || fail "completion: --for"
[ "$(complete_words liverbridge plan --format "" | sort | tr '\n' ' ')" = "json markdown text " ] ||
  fail "completion: plan --format values"

# Desktop entry and metainfo, as the distribution's own validators see them.
desktop="$(ls "$share"/applications/*.desktop)"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$desktop" || fail "desktop-file-validate"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$share"/metainfo/*.metainfo.xml || fail "appstreamcli validate"
fi
icon="$(sed -n 's/^Icon=//p' "$desktop")"
[ -e "$share/icons/hicolor/scalable/apps/$icon.svg" ] || fail "no scalable icon $icon"
for size in 16 32 48 64 128 256; do
  [ -e "$share/icons/hicolor/${size}x${size}/apps/$icon.png" ] || fail "no ${size}px icon"
done

# The window from the installed tree (no LIVERBRIDGE_* variable: its own examples and protocols).
if [ "$xvfb_run" != none ]; then
  # Mesa's swrast driver is dlclose()d at exit and LeakSanitizer reports its allocations
  # (as for gui.screenshot_*): leak checks off for this one run; a plain build ignores it.
  log="$(run env ASAN_OPTIONS=detect_leaks=0 "$xvfb_run" -a -s "-screen 0 1280x800x24" "$bin" --screenshot "$tmp/shot.png" \
    --size 1280x800 --patient "$example" --protocol hvp-alf-larsen-2016 2>&1)" ||
    fail "screenshot exited: $log"
  [ "$png_check" = none ] || "$png_check" "$tmp/shot.png" 1280 800 || fail "screenshot check"
fi
echo "installed tree works from $prefix"
