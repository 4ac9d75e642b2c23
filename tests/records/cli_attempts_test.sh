#!/usr/bin/env bash
# Training attempts as a user stores them: `sim attempts save|list|show` on a records database
# that also holds a real course whose patient id is the attempt's trainee label. The views of
# the real records (review, export, print, bridge, patients, audit) must not change by a byte.
# Usage: cli_attempts_test.sh LIVERBRIDGE SOURCE_DIR
set -uo pipefail
lb=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/sub/records.db
# shellcheck source=../support/cli_checks.sh
. "$src/tests/support/cli_checks.sh"
export LIVERBRIDGE_PROTOCOLS_DIR="$src/protocols" LIVERBRIDGE_SCENARIOS_DIR="$src/scenarios"
golden=$src/scenarios/golden/alf-hvp-citrate-competent.seed-20261204.jsonl
timeline_sha=$(sha256sum "$golden" | cut -c1-64)
scenario_sha=$(sha256sum "$src/scenarios/alf-hvp-citrate.yaml" | cut -c1-64)

# A real course of patient LB-ALF-0001.
expect 0 patient -- "$lb" record patient --id LB-ALF-0001 --by "RN Smith" --db "$db"
expect 0 plan -- "$lb" record plan --patient "$src/examples/alf-paracetamol.yaml" --protocol hvp-alf-larsen-2016 --approved-by "Dr Jones" --db "$db"
expect 0 session -- "$lb" record session --file "$src/tests/records/data/session-1.yaml" --by "RN Smith" --db "$db"

# Every view of the real records, into $work/views-$1/.
views() {
  local d=$work/views-$1
  mkdir -p "$d"
  "$lb" review --patient LB-ALF-0001 --db "$db" >"$d/review.txt"
  "$lb" review --patient LB-ALF-0001 --format json --db "$db" >"$d/review.json"
  "$lb" review --patient LB-ALF-0001 --format markdown --db "$db" >"$d/review.md"
  "$lb" export --patient LB-ALF-0001 --format csv --db "$db" >"$d/export.csv"
  "$lb" export --patient LB-ALF-0001 --format json --db "$db" >"$d/export.json"
  # The bundle's own time stamp is the time of the export; everything else must be equal.
  "$lb" export --patient LB-ALF-0001 --format fhir --db "$db" |
    sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}(\.[0-9]+)?(Z|[+-][0-9:]{5})/TIME/g' >"$d/export.fhir"
  "$lb" print --patient LB-ALF-0001 --out "$d/print.html" --db "$db" >/dev/null
  "$lb" bridge --patient LB-ALF-0001 --at 2026-11-21T08:00Z --db "$db" >"$d/bridge.txt"
  "$lb" record patients --db "$db" >"$d/patients.txt"
  "$lb" record audit --db "$db" >"$d/audit.txt"
}
views before

expect 0 save -- "$lb" sim attempts save "$golden" --trainee LB-ALF-0001 --trainee "trainee B" --instructor "Dr I" --self-rating 4 --started 2026-12-05T09:00Z --ended 2026-12-05T10:15Z --by "Dr I" --db "$db"
contains save.out "Simulated attempts, not patient records."
contains save.out "attempt 1 saved: alf-hvp-citrate version 1, seed 20261204"
contains save.out "scenario sha256 $scenario_sha"
contains save.out "timeline sha256 $timeline_sha"
[ "$(stat -c %a "$db")" = 600 ] || fail "database mode is $(stat -c %a "$db"), expected 600"

# Refused: nothing written, file:line:col or the option named.
expect 2 wrong-hash -- "$lb" sim attempts save "$golden" --timeline-sha256 "$scenario_sha" --by "Dr I" --db "$db"
contains wrong-hash.err "error: timeline_sha256: the timeline's SHA-256 is $timeline_sha, not the $scenario_sha given"
contains wrong-hash.err "liverbridge: sim attempts save: nothing written"
printf '%s\n' '{"t":0,"kind":"start","scenario":"alf-hvp-citrate","version":"1","seed":5}' \
  '{"t":90,"kind":"note"}' '{"t":60,"kind":"end"}' >"$work/back.jsonl"
expect 2 back-in-time -- "$lb" sim attempts save "$work/back.jsonl" --by "Dr I" --db "$db"
contains back-in-time.err "back.jsonl:3:1: error: t: 60 s comes after 90 s"
expect 2 other-scenario -- "$lb" sim attempts save "$golden" --scenario ffp-anaphylactoid --by "Dr I" --db "$db"
contains other-scenario.err "this is 'ffp-anaphylactoid' version 1; the timeline is a run of 'alf-hvp-citrate' version 1"
expect 2 yaml-not-timeline -- "$lb" sim attempts save "$src/scenarios/alf-hvp-citrate.yaml" --by "Dr I" --db "$db"
contains yaml-not-timeline.err "alf-hvp-citrate.yaml:1:1: error: not a JSON line"
expect 2 no-by -- "$lb" sim attempts save "$golden" --db "$db"
expect 2 bad-rating -- "$lb" sim attempts save "$golden" --self-rating 6 --by "Dr I" --db "$db"
expect 2 lone-parent -- "$lb" sim attempts save "$golden" --parent 1 --by "Dr I" --db "$db"
contains lone-parent.err "parent: a retry names both"

# A retry from the 10-minute snapshot, and two saves at once from two processes.
expect 0 retry -- "$lb" sim attempts save "$golden" --parent 1 --branch-at 600 --trainee LB-ALF-0001 --by "Dr I" --db "$db"
"$lb" sim attempts save "$golden" --trainee P1 --by "Dr I" --db "$db" >"$work/p1.out" 2>&1 &
p1=$!
"$lb" sim attempts save "$golden" --trainee P2 --by "Dr I" --db "$db" >"$work/p2.out" 2>&1 &
p2=$!
wait "$p1" || fail "concurrent save 1: $(cat "$work/p1.out")"
wait "$p2" || fail "concurrent save 2: $(cat "$work/p2.out")"

expect 0 list -- "$lb" sim attempts list --db "$db"
[ "$(grep -c 'alf-hvp-citrate v1  seed 20261204' "$work/list.out")" = 4 ] || fail "list: expected 4 attempts: $(cat "$work/list.out")"
actions=$(grep '"kind":"action"' "$golden" | grep -c '"by":"trainee"')
alarms=$(grep '"kind":"alarm"' "$golden" | grep -c '"to":"active"')
contains list.out "trainees: LB-ALF-0001, trainee B  actions $actions, alarms $alarms, self-rating 4 of 5"
contains list.out "retry of 1 from 10 min"
expect 0 list-trainee -- "$lb" sim attempts list --trainee LB-ALF-0001 --db "$db"
[ "$(grep -c 'seed 20261204' "$work/list-trainee.out")" = 2 ] || fail "list --trainee: expected 2"
expect 0 show -- "$lb" sim attempts show 1 --db "$db"
contains show.out "Timeline SHA-256 $timeline_sha (matches the stored timeline)"
contains show.out "Scenario SHA-256 $scenario_sha"
contains show.out "Started:         2026-12-05T09:00:00Z"
expect 0 show-timeline -- "$lb" sim attempts show 1 --part timeline --db "$db"
cmp -s "$work/show-timeline.out" "$golden" || fail "the stored timeline differs from the file saved"
expect 2 show-trace -- "$lb" sim attempts show 1 --part trace --db "$db"
contains show-trace.err "attempt 1 was saved without a trace"
expect 2 show-missing -- "$lb" sim attempts show 9 --db "$db"

# The real records, as before; and no patient named by a trainee label or a scenario id.
views after
for f in review.txt review.json review.md export.csv export.json export.fhir print.html bridge.txt \
         patients.txt audit.txt; do
  [ -s "$work/views-before/$f" ] || fail "$f: the view is empty"
  cmp -s "$work/views-before/$f" "$work/views-after/$f" || fail "$f changed when attempts were saved"
  ! grep -qF "$timeline_sha" "$work/views-after/$f" || fail "$f shows an attempt's timeline hash"
done
expect 2 review-trainee -- "$lb" review --patient "trainee B" --db "$db"
contains review-trainee.err "unknown patient 'trainee B'"
expect 2 export-scenario -- "$lb" export --patient alf-hvp-citrate --format json --db "$db"
contains export-scenario.err "unknown patient 'alf-hvp-citrate'"

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "attempts CLI: all checks passed"
