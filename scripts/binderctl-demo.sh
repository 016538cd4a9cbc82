#!/bin/sh
# Records the trace and the `top` screen the README shows: binderd, a servicemanager and the
# echo service, traced by `binderctl trace` while echo_client and the callback example run.
#
#   scripts/binderctl-demo.sh [OUT_DIR]    (default: docs/)
#
# Writes OUT_DIR/binderctl-trace.json and prints a `binderctl top --once` screen taken while
# the clients run. Every process it starts is stopped before it exits.
set -eu
out=${1:-docs}
cargo build --release -q -p binder-driver -p servicemanager
cargo build --release -q --example echo_server --example echo_client --example callback
bin=$(pwd)/target/release
dir=$(mktemp -d /tmp/binderctl-demo.XXXXXX)
export BINDER_DEVICE="$dir/binder"
pids=""
cleanup() {
    for p in $pids; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$dir"
}
trap cleanup EXIT INT TERM

"$bin/binderd" --dir "$dir" --devices binder 2>"$dir/binderd.log" &
pids="$!"
# Bounded waits: each step gets at most 10 s.
wait_for() {
    i=0
    until grep -q "$2" "$1" 2>/dev/null; do
        i=$((i + 1))
        [ $i -le 100 ] || { echo "timed out waiting for $2 in $1" >&2; exit 1; }
        sleep 0.1
    done
}
wait_for "$dir/binderd.log" "binderd serving"
"$bin/servicemanager" >"$dir/sm.log" 2>&1 &
pids="$! $pids"
wait_for "$dir/sm.log" "servicemanager ready"
"$bin/examples/echo_server" >"$dir/echo.log" 2>&1 &
pids="$! $pids"
# Ready once a client gets an answer.
i=0
until "$bin/examples/echo_client" ready >/dev/null 2>&1; do
    i=$((i + 1))
    [ $i -le 100 ] || { echo "the echo service did not come up" >&2; exit 1; }
    sleep 0.1
done

"$bin/binderctl" trace --seconds 2 -o "$out/binderctl-trace.json" &
trace=$!
sleep 0.3
for w in hello binder world; do "$bin/examples/echo_client" "$w"; done
"$bin/examples/callback" | tail -1
"$bin/binderctl" top --once --interval 0.5 &
top=$!
for w in 1 2 3 4 5 6 7 8; do "$bin/examples/echo_client" "again $w" >/dev/null; done
"$bin/examples/callback" >/dev/null
wait "$top"
wait "$trace"
