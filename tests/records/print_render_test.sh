#!/usr/bin/env bash
# The printable plan as a person sees it: seed a temporary records database with the
# command line (patient, approved plan, one performed session), write the page with
# `liverbridge print`, render it with headless Chromium to PNG (and to an A4 PDF), and
# check that the picture is real and not blank (tests/gui/png_check.cpp).
#   usage: print_render_test.sh LIVERBRIDGE PNG_CHECK SOURCE_DIR OUT.png
# Exits 77 (skipped) when Chromium or the PNG checker is not available.
set -uo pipefail
bin="$1" check="$2" src="$3" out="$4"

browser=""
for name in chromium chromium-browser google-chrome; do
  if command -v "$name" >/dev/null 2>&1; then browser="$(command -v "$name")"; break; fi
done
if [ -z "$browser" ]; then
  echo "SKIP: no chromium (or chromium-browser, google-chrome) on PATH: cannot render the page"
  exit 77
fi
if [ ! -x "$check" ]; then
  echo "SKIP: lb_png_check is not built (it needs xvfb-run at configure time)"
  exit 77
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/records.db" html="$work/plan.html" pdf="$work/plan.pdf"
fail() { echo "FAIL: $*"; exit 1; }
run() { "$bin" "$@" --db "$db" >"$work/out.txt" 2>&1 || { cat "$work/out.txt"; fail "liverbridge $1 $2"; }; }

export HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" XDG_DATA_HOME="$work/home/data"
export LIVERBRIDGE_PROTOCOLS_DIR="$src/protocols"
run record patient --id LB-ALF-0001 --by "RN Smith"
run record plan --patient "$src/examples/alf-paracetamol.yaml" --protocol hvp-alf-larsen-2016 \
  --approved-by "Dr Jones" --tolerance plasma_removed=10% --start 2026-11-20T08:00
run record session --file "$src/tests/records/data/session-1.yaml" --by "RN Smith"
run print --patient LB-ALF-0001 --out "$html"
[ -s "$html" ] || fail "print wrote no page"

# The page as text: the sections a clinician signs, self-contained.
for text in "Therapeutic plasma exchange: plan and course record" "LB-ALF-0001" \
  "hvp-alf-larsen-2016" "Verdict: <b>ELIGIBLE</b>" "alf_diagnosis" \
  "FFP units per session (whole units)" "Ionised calcium checks" "class=\"session-row\"" \
  "Immediately-post values are not comparable" "Session 1: Fri 20 Nov 2026 08:00" \
  "Prescribing physician" "Apheresis nurse" "Fri 20 Nov 2026"; do
  grep -qF "$text" "$html" || fail "the page lacks: $text"
done
for raw in "<script" "src=" "href=" "ffp_last" "inlet_capped"; do
  if grep -qF "$raw" "$html"; then fail "the page holds '$raw'"; fi
done

# Render: a screen picture 800 px wide (about A4 width) and tall enough for the whole
# course record, and an A4 PDF to count the printed pages.
size_w=800 size_h=6000
profile="$work/chromium-profile"
render() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --no-first-run --no-default-browser-check --disable-dev-shm-usage \
    --user-data-dir="$profile" "$@" "file://$html" >"$work/chromium.log" 2>&1
}
rm -f "$out"
render --screenshot="$out" --window-size="$size_w,$size_h" || {
  tail -5 "$work/chromium.log"
  fail "chromium could not render the page"
}
[ -s "$out" ] || fail "chromium wrote no PNG"
echo "rendered $out"

# lb_png_check is made for the GUI window: of its checks, the size and "not blank"
# (distinct colours) apply to a printed page; menu bar, columns and status badge do not.
report="$("$check" "$out" "$size_w" "$size_h")"
grep -E "^(ok  |FAIL) (size is as requested|at least 64 distinct colours)" <<<"$report"
grep -q "^ok   size is as requested" <<<"$report" || fail "PNG is not ${size_w}x${size_h}"
grep -q "^ok   at least 64 distinct colours (not blank)" <<<"$report" || fail "PNG is blank"
colours="$(sed -n 's/^ok   at least 64 distinct colours (not blank) (\([0-9]*\))$/\1/p' <<<"$report")"
[ "${colours:-0}" -ge 200 ] || fail "only ${colours:-0} colours: too little text for the page"

render --no-pdf-header-footer --print-to-pdf="$pdf" || fail "chromium could not print to PDF"
pages="$(grep -a -o '/Count [0-9]*' "$pdf" | head -1 | cut -d' ' -f2)"
grep -aq '/MediaBox \[0 0 59[45][.0-9]* 84[12][.0-9]*\]' "$pdf" || fail "the PDF page is not A4"
echo "printed on ${pages:-?} A4 pages"
if [ "${pages:-0}" -lt 2 ] || [ "${pages:-0}" -gt 10 ]; then fail "unexpected page count ${pages:-0}"; fi
echo "PASS"
