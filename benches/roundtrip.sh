#!/usr/bin/env bash
# Runs benches/roundtrip.rs twice — every process pinned to cpu0, then unpinned — and prints
# each bench's criterion median and the ratio binder / baseline for each placement.
#
#   bash benches/roundtrip.sh [extra criterion args, e.g. a filter]
#
# Criterion keeps the two runs apart as baselines "pinned" and "unpinned" under
# target/criterion/<group>/<bench>/; the raw logs go to target/roundtrip-<placement>.log.
set -euo pipefail

cd "$(dirname "$0")/.."
target_dir=${CARGO_TARGET_DIR:-$PWD/target}
crit_dir=${CRITERION_HOME:-$target_dir/criterion}

have_taskset=1
if ! command -v taskset >/dev/null 2>&1; then
    have_taskset=0
    echo "taskset not found (util-linux): the pinned run is skipped" >&2
fi

# Build once, unpinned, so the pinned run measures and does not compile on one core.
cargo bench --bench roundtrip --no-run

run() { # placement, command prefix...
    local placement=$1
    shift
    echo "== $placement: $* cargo bench --bench roundtrip" >&2
    "$@" cargo bench --bench roundtrip -- --save-baseline "$placement" "${EXTRA[@]}" \
        2>&1 | tee "$target_dir/roundtrip-$placement.log"
}

EXTRA=("$@")
placements=()
if [ "$have_taskset" = 1 ]; then
    run pinned taskset -c 0
    placements+=(pinned)
fi
run unpinned env
placements+=(unpinned)

# The median point estimate, in µs, of bench $1 under baseline $2.
median_us() {
    local f="$crit_dir/$1/$2/estimates.json"
    [ -f "$f" ] || { echo "-"; return; }
    local ns
    if command -v jq >/dev/null 2>&1; then
        ns=$(jq -r '.median.point_estimate' "$f")
    else
        ns=$(sed -E 's/.*"median":\{"confidence_interval":\{[^}]*\},"point_estimate":([0-9.eE+-]+).*/\1/' "$f")
    fi
    awk -v ns="$ns" 'BEGIN { printf "%.2f", ns / 1000 }'
}

ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2fx", a / b }'
}

echo
echo "roundtrip medians (criterion, µs per round trip), binderd in-process"
printf "%-10s %-15s %10s %10s %-12s %8s\n" placement group binder baseline "(which)" ratio
for p in "${placements[@]}"; do
    for pair in "roundtrip_32B seqpacket" "transfer_900KB unix_stream"; do
        set -- $pair
        b=$(median_us "$1/binder" "$p")
        base=$(median_us "$1/$2" "$p")
        printf "%-10s %-15s %10s %10s %-12s %8s\n" "$p" "$1" "$b" "$base" "$2" "$(ratio "$b" "$base")"
    done
done
echo
echo "per-round-trip percentiles (measurement phase):"
for p in "${placements[@]}"; do
    grep -h -e '^tail ' -e 'worker(s)' -e 'ioctls per call' "$target_dir/roundtrip-$p.log" | sed "s/^/  $p: /"
done
