#!/usr/bin/env bash
# The records commands as a user runs them: record, correct, review, export,
# print; refused input exits 2, names file:line:col, and writes nothing.
# Usage: cli_records_test.sh LIVERBRIDGE SOURCE_DIR
set -uo pipefail
lb=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/sub/records.db
# shellcheck source=../support/cli_checks.sh
. "$src/tests/support/cli_checks.sh"
audit_count() { "$lb" record audit --db "$db" | grep -c '^[0-9]'; }

# The bundled HVP protocol (bilirubin: two-compartment kinetics, separation, citrate).
kin=hvp-alf-larsen-2016

expect 0 patient -- "$lb" record patient --id LB-ALF-0001 --by "RN Smith" --db "$db"
[ "$(stat -c %a "$db")" = 600 ] || fail "database mode is $(stat -c %a "$db"), expected 600"
expect 2 patient-again -- "$lb" record patient --id LB-ALF-0001 --by "RN Smith" --db "$db"
contains patient-again.err "already exists"

expect 2 session-before-plan -- "$lb" record session --file "$src/tests/records/data/session-1.yaml" --by "RN Smith" --db "$db"
contains session-before-plan.err "no approved plan"

expect 2 bad-tolerance -- "$lb" record plan --patient "$src/examples/alf-paracetamol.yaml" --protocol "$kin" --approved-by "Dr Jones" --tolerance plasma=10% --db "$db"
contains bad-tolerance.err "expected ITEM=PERCENT"
expect 0 plan -- "$lb" record plan --patient "$src/examples/alf-paracetamol.yaml" --protocol "$kin" --approved-by "Dr Jones" --tolerance plasma_removed=10% --tolerance duration=20% --db "$db"
contains plan.out "plan 1 stored for patient LB-ALF-0001"

before=$(audit_count)
expect 2 bad-session -- "$lb" record session --file "$src/tests/records/data/session-bad.yaml" --by "RN Smith" --db "$db"
contains bad-session.err "session-bad.yaml:4:11: error: ended_at: the session ends"
contains bad-session.err "session-bad.yaml:5:17: error: plasma_removed: '9800 kg' is a mass"
contains bad-session.err "session-bad.yaml:7:8: error: replaced.ffp: '-100 mL' must be zero or more"
sed 's/LB-ALF-0001/NOBODY/' "$src/tests/records/data/session-1.yaml" >"$work/unknown.yaml"
expect 2 unknown-patient -- "$lb" record session --file "$work/unknown.yaml" --by "RN Smith" --db "$db"
contains unknown-patient.err "nothing written: unknown patient 'NOBODY'"
[ "$(audit_count)" = "$before" ] || fail "refused input wrote to the audit log"

expect 0 session -- "$lb" record session --file "$src/tests/records/data/session-1.yaml" --by "RN Smith" --db "$db"
contains session.out "session 1 recorded"
expect 2 bad-correct -- "$lb" record correct --session 1 --field plasma_removed --value "10 kg" --reason "typo" --by "RN Smith" --db "$db"
contains bad-correct.err "expected a volume"
expect 0 correct -- "$lb" record correct --session 1 --field plasma_removed --value "10.2 L" --reason "pump log read again" --by "RN Smith" --db "$db"

expect 0 review -- "$lb" review --patient LB-ALF-0001 --db "$db"
contains review.out "reproduced (re-run from the stored input gives the stored plan)"
contains review.out "!!Duration"
contains review.out "beyond the stated tolerance of 20 %"
contains review.out "corrected plasma_removed: 9800 mL -> 10.2 L by RN Smith"
contains review.out "fitted f 0.19 (published: protocol 0.25 (range 0.20–0.30))"
contains review.out "Audit trail: hash chain verified"
expect 0 review-json -- "$lb" review --patient LB-ALF-0001 --format json --db "$db"
contains review-json.out '"reproduced": true'
contains review-json.out '"beyond_tolerance": true'
expect 0 review-md -- "$lb" review --patient LB-ALF-0001 --format markdown --db "$db"
contains review-md.out "| Duration | 386 min | 225 min | **-41.7 %** |"
expect 2 review-unknown -- "$lb" review --patient NOBODY --db "$db"
contains review-unknown.err "unknown patient 'NOBODY'"

expect 0 export-csv -- "$lb" export --patient LB-ALF-0001 --format csv --db "$db"
contains export-csv.out "patient,session_id,plan_id,started_at"
contains export-csv.out "10.2 L"
expect 0 export-json -- "$lb" export --patient LB-ALF-0001 --format json --out "$work/export.json" --db "$db"
grep -qF '"previous": "9800 mL"' "$work/export.json" || fail "export.json lacks the audit trail"

expect 0 print -- "$lb" print --patient LB-ALF-0001 --out "$work/plan.html" --db "$db"
for text in "LB-ALF-0001" "hvp-alf-larsen-2016" "Protocol SHA-256" "Eligibility" "Orders per session" \
            "Sessions performed" "Prescribing physician"; do
  grep -qF "$text" "$work/plan.html" || fail "plan.html lacks '$text'"
done

expect 0 audit -- "$lb" record audit --db "$db"
contains audit.out "hash chain verified"

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "records CLI: all checks passed"
