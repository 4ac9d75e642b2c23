#!/usr/bin/env bash
# Runs liverbridge as a user would and compares stdout, stderr and the exit
# code with golden files in tests/cli/golden/. Paths are relative to the
# source tree so the goldens do not depend on where the repository lives.
#   usage: run_cli_tests.sh LIVERBRIDGE_BINARY SOURCE_DIR
#   UPDATE_GOLDEN=1 rewrites the golden files (review the diff before committing).
set -uo pipefail
bin="$(realpath "$1")"
cd "$2"
golden=tests/cli/golden
failures=0
count=0
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# check NAME EXPECTED_EXIT ARGS...
check() {
  local name="$1" expected="$2"
  shift 2
  count=$((count + 1))
  # No display: without a sub-command the window would open and the test would hang.
  env -u DISPLAY -u WAYLAND_DISPLAY LIVERBRIDGE_PROTOCOLS_DIR=protocols "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
  local code=$?
  printf '%s\n' "$code" >"$tmp/code"
  if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
    cp "$tmp/out" "$golden/$name.out"
    cp "$tmp/err" "$golden/$name.err"
  fi
  local ok=1
  if [ "$code" != "$expected" ]; then
    echo "FAIL $name: exit code $code, expected $expected"
    ok=0
  fi
  for stream in out err; do
    if ! diff -u "$golden/$name.$stream" "$tmp/$stream" >"$tmp/diff"; then
      echo "FAIL $name: std$stream differs from $golden/$name.$stream"
      head -n 40 "$tmp/diff"
      ok=0
    fi
  done
  if [ "$ok" = 1 ]; then echo "ok   $name"; else failures=$((failures + 1)); fi
}

check version 0 --version
check help 0 --help
check no-command 2
check bad-option 2 plan --patient examples/alf-paracetamol.yaml --protocol hvp-alf-larsen-2016 --format pdf
check protocols 0 protocols
check plan-alf-hvp-text 0 plan --patient examples/alf-paracetamol.yaml --protocol hvp-alf-larsen-2016
check plan-alf-hvp-json 0 plan --patient examples/alf-paracetamol.yaml --protocol hvp-alf-larsen-2016 --format json
check plan-alf-hvp-start-text 0 plan --patient examples/alf-paracetamol.yaml --protocol hvp-alf-larsen-2016 --start 2026-12-05T08:00
check plan-alf-asfa-markdown 0 plan --patient examples/alf-paracetamol.yaml --protocol tpe-standard-asfa-2023 --format markdown
check plan-obese-asfa-text 0 plan --patient examples/obese-alf.yaml --protocol protocols/tpe-standard-asfa-2023.yaml
check plan-aclf-text 0 plan --patient examples/aclf-alcohol.yaml --protocol pe-aclf-apache-pe-a5
check plan-aclf-not-eligible 2 plan --patient examples/aclf-alcohol.yaml --protocol pe-aclf-plexar
check plan-not-ready 2 plan --patient tests/cli/data/small-adult.yaml --protocol tests/cli/data/min-4l.yaml
check plan-missing-patient 2 plan --patient examples/no-such-file.yaml --protocol hvp-alf-larsen-2016
check plan-unknown-protocol-id 2 plan --patient examples/alf-paracetamol.yaml --protocol hvp-alf-larsen-2061
check plan-short-patient 0 plan --patient tests/cli/data/short-patient.yaml --protocol tpe-standard-asfa-2023
# Ideal body weight not computed: "not computed" in Markdown, no value (null) in JSON.
check plan-short-patient-markdown 0 plan --patient tests/cli/data/short-patient.yaml --protocol tpe-standard-asfa-2023 --format markdown
check plan-short-patient-json 0 plan --patient tests/cli/data/short-patient.yaml --protocol tpe-standard-asfa-2023 --format json
check plan-short-patient-hvp 2 plan --patient tests/cli/data/short-patient.yaml --protocol hvp-alf-larsen-2016
check explain-citrate-rate 0 explain citrate_rate
check explain-section 0 explain 2.5
check explain-unknown 2 explain citrate_rat
check plan-invalid-patient 2 plan --patient tests/cli/data/invalid-patient.yaml --protocol hvp-alf-larsen-2016
check validate-bundled 0 validate protocols/hvp-alf-larsen-2016.yaml protocols/tpe-standard-asfa-2023.yaml examples/alf-paracetamol.yaml examples/aclf-alcohol.yaml examples/obese-alf.yaml
check validate-invalid 2 validate examples/alf-paracetamol.yaml tests/cli/data/invalid-patient.yaml tests/cli/data/invalid-protocol.yaml
check validate-bridge-section 2 validate tests/cli/data/bridge-aclf-hbv.yaml tests/cli/data/bridge-invalid.yaml
check score-alf-text 0 score --patient examples/alf-paracetamol.yaml
check score-aclf-json 0 score --patient examples/aclf-alcohol.yaml --format json
check score-si-markdown 0 score --patient examples/aclf-hbv-si.yaml --format markdown
check score-us-units-text 0 score --patient examples/subacute-us-units.yaml
check score-invalid-patient 2 score --patient tests/cli/data/invalid-patient.yaml
check score-missing-patient 2 score --patient examples/no-such-file.yaml
check cohort-small 0 cohort --protocol pe-aclf-plexar --patients examples/cohort-small.csv
check cohort-with-errors 0 cohort --protocol tpe-standard-asfa-2023 --patients examples/cohort-with-errors.csv --threads 1
check cohort-not-csv 2 cohort --protocol pe-aclf-plexar --patients examples/alf-paracetamol.yaml
check cohort-missing-file 2 cohort --protocol pe-aclf-plexar --patients examples/no-such-file.csv
# Training simulation (docs/simulation-scenarios.md).
check sim-list 0 sim list --dir scenarios
check sim-validate-bundled 0 sim validate scenarios/alf-hvp-citrate.yaml scenarios/scripts/alf-hvp-citrate-competent.yaml
check sim-validate-invalid 2 sim validate tests/data/sim/malformed/cond-op-unknown.yaml tests/data/sim/malformed/random-p-one.yaml
check sim-verify 0 sim verify --dir scenarios
check sim-run-unknown 2 sim run no-such-scenario --seed 1 --out "$tmp/timeline.jsonl" --scenarios-dir scenarios
# Debrief (docs/simulation-debrief.md): the narrative and the JSON of golden runs; a timeline
# whose replay differs (another seed) is refused.
check sim-debrief-text 0 sim debrief scenarios/golden/alf-hvp-citrate-struggling.seed-20261204.jsonl --scenarios-dir scenarios --self-rating 2
check sim-debrief-json 0 sim debrief scenarios/golden/ffp-anaphylactoid-struggling.seed-20261204.jsonl --scenarios-dir scenarios --format json
check sim-debrief-html 0 sim debrief scenarios/golden/ffp-anaphylactoid-competent.seed-20261204.jsonl --scenarios-dir scenarios --format html --self-rating 4
check sim-debrief-replay-differs 2 sim debrief tests/cli/data/sim/other-seed.jsonl --scenarios-dir scenarios
check sim-debrief-missing 2 sim debrief tests/cli/data/sim/no-such-timeline.jsonl
# Stored training attempts (docs/records.md): the commands' options, an empty listing, and a
# malformed timeline refused at file:line:col (tests/records/cli_attempts_test.sh stores some).
check sim-attempts-save-help 0 sim attempts save --help
check sim-attempts-list-empty 0 sim attempts list --db "$tmp/attempts.db"
check sim-attempts-save-malformed 2 sim attempts save tests/data/sim/attempts/back-in-time.jsonl --by tester --db "$tmp/attempts.db"
check sim-attempts-show-missing 2 sim attempts show 1 --db "$tmp/attempts.db"

# The bridge view of a recorded course (docs/bridge-rules.md): a fixed --at, so the output does
# not depend on the day the checks run.
bdb="$tmp/bridge.db"
brun() { env -u DISPLAY -u WAYLAND_DISPLAY LIVERBRIDGE_PROTOCOLS_DIR=protocols "$bin" "$@" >/dev/null; }
brun record patient --id LB-ACLF-0004 --by tester --db "$bdb"
brun record plan --patient tests/cli/data/bridge-aclf-hbv.yaml --protocol pe-lf-china-nbal-2016 \
  --approved-by tester --db "$bdb"
brun record session --file tests/cli/data/bridge-session.yaml --by tester --db "$bdb"
check bridge-aclf-text 0 bridge --patient LB-ACLF-0004 --at 2026-11-21T08:00Z --db "$bdb"
check bridge-aclf-json 0 bridge --patient LB-ACLF-0004 --at 2026-11-21T08:00Z --format json --db "$bdb"
check bridge-aclf-markdown 0 bridge --patient LB-ACLF-0004 --at 2026-11-23T08:00Z --format markdown --db "$bdb"
check bridge-at-without-zone 2 bridge --patient LB-ACLF-0004 --at 2026-11-21T08:00 --db "$bdb"
check bridge-unknown-patient 2 bridge --patient LB-NOBODY --at 2026-11-21T08:00Z --db "$bdb"
# A stored file is never changed: a bridge: section that does not read is refused at record time.
check record-plan-bad-bridge 2 record plan --patient tests/cli/data/bridge-invalid.yaml \
  --protocol pe-lf-china-nbal-2016 --approved-by tester --db "$bdb"
check bridge-seen-without-by 2 bridge --patient LB-ACLF-0004 --seen --db "$bdb"

echo "$((count - failures))/$count command-line checks passed"
[ "$failures" -eq 0 ]
