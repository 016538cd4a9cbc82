#!/usr/bin/env bash
# Runs every fuzz target until it has made FUZZ_RUNS executions (default 10 000 000), one
# process at a time, on the stable toolchain (--sanitizer none); prints, per target, the
# executions, crashes and time. A crash stops that target (libFuzzer stops at the first one;
# the input is in artifacts/<target>/); the others still run. Exits non-zero if any crashed.
#
#   fuzz/long.sh                          # every target, 10M executions each
#   FUZZ_RUNS=1000000 fuzz/long.sh parcel
set -u
cd "$(dirname "$0")"

RUNS=${FUZZ_RUNS:-10000000}
TARGETS=${*:-core daemon_parse parcel aidl}
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-2}

if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked || exit 2
fi
cargo fuzz build --sanitizer none || exit 2

status=0
summary=()
for t in $TARGETS; do
    work=target/work/$t
    log=target/work/$t.long.log
    mkdir -p "$work" "artifacts/$t"
    dict=()
    [ -f "dict/$t.dict" ] && dict=(-dict="dict/$t.dict")
    echo "== $t: $RUNS executions (log: fuzz/$log)"
    start=$(date +%s)
    cargo fuzz run --sanitizer none "$t" "$work" "corpus/$t" -- \
        -runs="$RUNS" -timeout=10 -print_final_stats=1 "${dict[@]}" >"$log" 2>&1
    rc=$?
    secs=$(( $(date +%s) - start ))
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    [ -z "$execs" ] && execs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
    rate=$(( ${execs:-0} / (secs > 0 ? secs : 1) ))
    crashes=0
    if [ $rc -ne 0 ]; then
        crashes=1
        status=1
        grep -m1 -E "panicked at|ORACLE|ERROR: libFuzzer" -A2 "$log" | sed 's/^/    /'
        grep -o 'artifacts/[^ ]*' "$log" | head -1 | sed 's/^/    input: fuzz\//'
    fi
    line=$(printf '%-13s %11s execs  %d crashes  %6ss  (%s exec/s)' "$t" "${execs:-?}" "$crashes" "$secs" "$rate")
    echo "$line"
    summary+=("$line")
done

echo "== summary"
printf '%s\n' "${summary[@]}"
exit $status
