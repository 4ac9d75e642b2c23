#!/usr/bin/env bash
# Renders the LiverBridge window under Xvfb (Mesa), writes it as PNG and checks
# that the PNG is a real picture of the window (tests/gui/png_check.cpp).
#   usage: screenshot_test.sh XVFB_RUN LIVERBRIDGE PNG_CHECK OUT.png WxH SOURCE_DIR
set -uo pipefail
xvfb_run="$1" bin="$2" check="$3" out="$4" size="$5" src="$6"
rm -f "$out"
# A private HOME so that no user autosave or layout changes the picture.
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
log="$(HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
  LIVERBRIDGE_PROTOCOLS_DIR="$src/protocols" LIVERBRIDGE_EXAMPLES_DIR="$src/examples" \
  "$xvfb_run" -a -s "-screen 0 1920x1080x24" \
  "$bin" --screenshot "$out" --size "$size" \
  --patient "$src/examples/alf-paracetamol.yaml" --protocol hvp-alf-larsen-2016 2>&1)"
code=$?
printf '%s\n' "$log"
if [ "$code" != 0 ]; then echo "FAIL: liverbridge exited with $code"; exit 1; fi
if ! grep -q "^screenshot $out ok$" <<<"$log"; then echo "FAIL: no 'screenshot $out ok' line"; exit 1; fi
"$check" "$out" "${size%x*}" "${size#*x}"
