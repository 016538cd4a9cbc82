#!/usr/bin/env bash
# The README's "Reliability" table, from one run: hostile clients and random pointers
# (tests/hostile_wire.rs), death at any moment and scale (tests/storms.rs), at the scale given
# below (override any of the variables). Prints a markdown table on stdout; the tests' own
# output goes to stderr. Fuzzing has its own scripts (fuzz/smoke.sh, fuzz/long.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export RELIABILITY_REPORT=1
export HOSTILE_SCALE=${HOSTILE_SCALE:-10} STORM_SCALE=${STORM_SCALE:-10}
export SCALE_PROCS=${SCALE_PROCS:-1000} SCALE_HANDLES=${SCALE_HANDLES:-10000}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# The binaries the tests start (binderd, binder-run and the shim) as of this tree.
cargo build --release -q --workspace --bins
cargo build --release -q -p binder-sim-preload --lib
cargo test --release --test hostile_wire --test storms -- --test-threads=1 >"$log" 2>&1 || status=$?
grep -E '^test result|FAILED|panicked' "$log" >&2 || true
echo "| scenario | inputs tried | daemon crashes | client crashes | hangs | binderd RSS before → after | binderd fds before → after | time |"
echo "|---|---|---|---|---|---|---|---|"
# tests/hostile_wire.rs: RELIABILITY key=value ...
# (a report line may follow the harness's "test NAME ... " on the same line)
grep -o 'RELIABILITY scenario=.*' "$log" | sed 's/^RELIABILITY //' | awk '{
    delete f
    for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = substr($i, length(kv[1]) + 2) }
    split(f["rss_kb"], r, "->")
    printf "| %s | %s | %s | %s | %s | %.1f → %.1f MiB | %s | %.1f s |\n", f["scenario"], f["inputs"],
        f["daemon_crashes"], f["client_crashes"], f["hangs"], r[1] / 1024, r[2] / 1024,
        f["fds"], f["time_ms"] / 1000
}' | sed 's/ -> / → /; s/\([0-9]\)->\([0-9]\)/\1 → \2/'
# tests/storms.rs: REPORT name | inputs | daemon crashes N | client crashes N | hangs N | binderd RSS a → b MiB, fds x → y | time | notes
grep -o 'REPORT [a-z0-9-]* |.*' "$log" | sed 's/^REPORT //' | awk -F' [|] ' '{
    d = $3; sub(/daemon crashes /, "", d); c = $4; sub(/client crashes /, "", c); h = $5; sub(/hangs /, "", h)
    m = $6; sub(/^binderd RSS /, "", m); split(m, mf, ", fds "); 
    printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, d, c, h, mf[1], mf[2], $7
}'
exit "$status"
