#!/usr/bin/env bash
# Runs every fuzz target for a short time: FUZZ_SECONDS each (default 60), one process at a
# time, on the stable toolchain (--sanitizer none). Seeds are the committed corpora
# (corpus/<target>, read only); what libFuzzer finds goes to target/work/<target>.
# Prints, per target, the executions, executions per second and the result; exits non-zero
# if any target crashed (its input is in artifacts/<target>/) or failed to build.
#
#   fuzz/smoke.sh                       # every target, 60 s each
#   FUZZ_SECONDS=10 fuzz/smoke.sh core  # one target, 10 s
set -u
cd "$(dirname "$0")"

SECONDS_EACH=${FUZZ_SECONDS:-60}
TARGETS=${*:-core daemon_parse parcel aidl}
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-2}

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "== installing cargo-fuzz"
    cargo install cargo-fuzz --locked || exit 2
fi

echo "== building ($(cargo fuzz --version | head -1), $(rustc --version))"
cargo fuzz build --sanitizer none || exit 2

start_all=$(date +%s)
status=0
summary=()
for t in $TARGETS; do
    work=target/work/$t
    log=target/work/$t.smoke.log
    mkdir -p "$work" "artifacts/$t"
    dict=()
    [ -f "dict/$t.dict" ] && dict=(-dict="dict/$t.dict")
    echo "== $t: ${SECONDS_EACH}s"
    start=$(date +%s)
    cargo fuzz run --sanitizer none "$t" "$work" "corpus/$t" -- \
        -max_total_time="$SECONDS_EACH" -timeout=10 -print_final_stats=1 "${dict[@]}" \
        >"$log" 2>&1
    rc=$?
    secs=$(( $(date +%s) - start ))
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    if [ -z "$execs" ]; then
        # A crash ends the run before the final stats: the last status line has the count.
        execs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
    fi
    if [ $rc -eq 0 ]; then
        result=ok
    else
        status=1
        artifact=$(grep -o 'artifacts/[^ ]*' "$log" | head -1)
        result="CRASH (exit $rc) ${artifact:-see $log}"
        grep -m1 -E "panicked at|ORACLE|ERROR: libFuzzer" -A2 "$log" | sed 's/^/    /'
    fi
    line=$(printf '%-13s %10s execs %7s exec/s %5ss  %s' "$t" "${execs:-?}" "${rate:-?}" "$secs" "$result")
    echo "$line"
    summary+=("$line")
done

echo "== summary ($(( $(date +%s) - start_all ))s)"
printf '%s\n' "${summary[@]}"
exit $status
