# Shared by the shell tests that run the liverbridge binary (source it after
# setting $work, a scratch directory): fail, expect and contains, counting
# failures in $failures.
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
# expect CODE NAME -- command...: runs it, keeps stdout/stderr in $work/NAME.{out,err}
expect() {
  local want=$1 name=$2
  shift 3
  "$@" >"$work/$name.out" 2>"$work/$name.err"
  local got=$?
  [ "$got" -eq "$want" ] || fail "$name: exit $got, expected $want: $(head -c 600 "$work/$name.err")"
}
contains() {  # contains NAME.{out,err} TEXT
  grep -qF -- "$2" "$work/$1" || fail "$1 lacks '$2': $(head -c 400 "$work/$1")"
}
