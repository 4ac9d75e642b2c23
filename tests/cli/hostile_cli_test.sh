#!/usr/bin/env bash
# The command line against the outside attack of issue 12: what it writes is
# private, stored text cannot forge the audit report or act on the terminal, a
# tampered database fails `review`, a wrong --db is the user's mistake (exit 2),
# and a protocol with absurd values is refused, not printed with stack bytes.
# Usage: hostile_cli_test.sh LIVERBRIDGE SOURCE_DIR
set -uo pipefail
lb=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
umask 022  # the usual default: files would be 0644 and directories 0755 without care
# shellcheck source=../support/cli_checks.sh
. "$src/tests/support/cli_checks.sh"
mode() { stat -c %a "$1"; }
# No byte of the file is a control character other than LF/tab, and it is valid UTF-8.
clean() {
  if LC_ALL=C grep -qP '[\x00-\x08\x0b-\x1f\x7f]' "$1"; then fail "$1 holds a control character"; fi
  iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1 || fail "$1 is not valid UTF-8"
}

# ---- 5. private files and directories -------------------------------------------------------
db=$work/new/data/records.db
kin=hvp-alf-larsen-2016
expect 0 patient -- "$lb" record patient --id LB-ALF-0001 --by "RN Smith" --db "$db"
[ "$(mode "$work/new/data")" = 700 ] || fail "new data directory is $(mode "$work/new/data"), expected 700"
[ "$(mode "$work/new")" = 700 ] || fail "new parent directory is $(mode "$work/new"), expected 700"
expect 0 plan -- "$lb" record plan --patient "$src/examples/alf-paracetamol.yaml" --protocol "$kin" --approved-by "Dr Jones" --db "$db"
touch "$work/export.json" && chmod 644 "$work/export.json"
expect 0 export -- "$lb" export --patient LB-ALF-0001 --format json --out "$work/export.json" --db "$db"
[ "$(mode "$work/export.json")" = 600 ] || fail "export over a 0644 file is $(mode "$work/export.json"), expected 600"
expect 0 print -- "$lb" print --patient LB-ALF-0001 --out "$work/plan.html" --db "$db"
[ "$(mode "$work/plan.html")" = 600 ] || fail "print --out is $(mode "$work/plan.html"), expected 600"
expect 0 ics -- "$lb" plan --patient "$src/examples/alf-paracetamol.yaml" --protocol "$kin" --start 2026-12-05T08:00 --ics "$work/course.ics"
[ "$(mode "$work/course.ics")" = 600 ] || fail "plan --ics is $(mode "$work/course.ics"), expected 600"

# An existing database readable by others (an older version, a copy) is made private on open.
chmod 644 "$db" && chmod 755 "$work/new/data"
expect 0 patients-open -- "$lb" record patients --db "$db"
[ "$(mode "$db")" = 600 ] || fail "a 0644 database is $(mode "$db") after opening, expected 600"
[ "$(mode "$work/new/data")" = 755 ] || fail "a directory LiverBridge did not create was changed"

# ---- 6. stored text: one line, printable, valid UTF-8 --------------------------------------
esc=$(printf 'X\033[2J')
nl=$(printf 'R1\n2026-01-01T00:00:00Z  admin  forged entry')
latin1=$(printf 'Jos\351')
ls_sep=$(printf 'A\342\200\250B')
expect 2 id-escape -- "$lb" record patient --id "$esc" --by "RN Smith" --db "$db"
contains id-escape.err "contains a control character (U+001B)"
expect 2 id-newline -- "$lb" record patient --id "$nl" --by "RN Smith" --db "$db"
contains id-newline.err "contains a line break (U+000A)"
expect 2 id-latin1 -- "$lb" record patient --id "$latin1" --by "RN Smith" --db "$db"
contains id-latin1.err "is not valid UTF-8 (byte 0xE9 at byte 4)"
expect 2 id-separator -- "$lb" record patient --id "$ls_sep" --by "RN Smith" --db "$db"
contains id-separator.err "line or paragraph separator (U+2028)"
expect 2 by-newline -- "$lb" record patient --id LB-2 --by "$nl" --db "$db"
expect 0 session -- "$lb" record session --file "$src/tests/records/data/session-1.yaml" --by "RN Smith" --db "$db"
expect 2 reason-forged -- "$lb" record correct --session 1 --field plasma_removed --value "10.2 L" --reason "$nl" --by "RN Smith" --db "$db"
contains reason-forged.err "the reason contains a line break"
expect 2 override-escape -- "$lb" plan --patient "$src/examples/alf-paracetamol.yaml" --protocol "$kin" --override "rule=$esc"
expect 0 audit -- "$lb" record audit --db "$db"
if grep -q "forged entry" "$work/audit.out"; then fail "a forged audit line was stored"; fi
clean "$work/audit.out"

# ---- 6. a tampered database: review shows it and exits 2 ------------------------------------
if command -v sqlite3 >/dev/null; then
  cp "$db" "$work/tampered.db"
  sqlite3 "$work/tampered.db" "DROP TRIGGER audit_no_update; UPDATE audit SET reason = 'edited' WHERE id = 1;" ||
    fail "cannot tamper with the copy"
  # A row written around the store, with control characters, as an older version might have.
  sqlite3 "$work/tampered.db" "UPDATE patients SET created_by = 'X' || char(27) || '[2J' WHERE id = 1;"
  expect 2 review-tampered -- "$lb" review --patient LB-ALF-0001 --db "$work/tampered.db"
  contains review-tampered.out "Audit trail:"
  expect 2 audit-tampered -- "$lb" record audit --db "$work/tampered.db"
  expect 0 patients-tampered -- "$lb" record patients --db "$work/tampered.db"
  clean "$work/patients-tampered.out"
  contains patients-tampered.out 'X\x1b[2J'
  # Plans stored by an older version with an ESC, a forged line and a byte that is not
  # UTF-8 in what `review` prints: every format shows them escaped.
  sqlite3 "$work/tampered.db" "DROP TRIGGER plans_no_update; UPDATE plans SET approved_by = 'Dr' || char(27) || '[2J', protocol_version = '1' || char(10) || 'Audit trail: hash chain verified', approved_at = CAST(x'4a6f73e9' AS TEXT) WHERE id = 1;" ||
    fail "cannot tamper with the plan row"
  for format in text markdown json; do
    expect 2 "review-old-$format" -- "$lb" review --patient LB-ALF-0001 --format "$format" --db "$work/tampered.db"
    clean "$work/review-old-$format.out"
  done
  contains review-old-text.out 'approved by Dr\x1b[2J at Jos\xe9'
  contains review-old-markdown.out 'approved by Dr\x1b[2J at Jos\xe9'
  contains review-old-text.out '(sha256'
  if grep -q '^Audit trail: hash chain verified' "$work/review-old-text.out"; then
    fail "a stored protocol version forged the audit line of the review"
  fi
  # Another program's SQLite file.
  sqlite3 "$work/other.sqlite" "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
  expect 2 db-foreign -- "$lb" record patients --db "$work/other.sqlite"
  contains db-foreign.err "not a LiverBridge records database"
else
  fail "sqlite3 (scripts/setup installs it) is needed to tamper with a copy of the database"
fi

# ---- 7. --db at a file that is not a database -----------------------------------------------
printf 'just some notes\n%.0s' {1..200} >"$work/notes.txt"
expect 2 db-text -- "$lb" record patients --db "$work/notes.txt"
contains db-text.err "--db"
expect 2 db-text-review -- "$lb" review --patient LB-ALF-0001 --db "$work/notes.txt"

# ---- 1. a protocol with absurd values: refused at file:line:col, no stack bytes ------------
hostile=$src/tests/data/malformed/protocol/hostile-tiny-flows.yaml
expect 2 tiny-flows -- "$lb" plan --patient "$src/examples/aclf-alcohol.yaml" --protocol "$hostile"
contains tiny-flows.err "separation.centrifugal.inlet_flow: '1e-300 mL/min' is out of range"
expect 2 tiny-flows-json -- "$lb" plan --patient "$src/examples/aclf-alcohol.yaml" --protocol "$hostile" --format json
expect 2 tiny-flows-validate -- "$lb" validate "$hostile"

# ---- 2. overflow after unit conversion: refused, not met -----------------------------------
expect 2 platelets-inf -- "$lb" plan --patient "$src/tests/data/malformed/patient/39-platelets-overflow.yaml" --protocol pe-aclf-plexar
contains platelets-inf.err "'1e300 10^9/L' is out of range"

# ---- 3. invalid UTF-8 in a patient file: refused at line:col, not exit 3 -------------------
expect 2 latin1-patient -- "$lb" plan --patient "$src/tests/data/malformed/patient/42-latin1-id.yaml" --protocol pe-aclf-plexar --format json
contains latin1-patient.err "42-latin1-id.yaml:3:8: error"

if [ "$failures" -gt 0 ]; then
  echo "$failures hostile CLI check(s) failed" >&2
  exit 1
fi
echo "hostile CLI checks passed"
