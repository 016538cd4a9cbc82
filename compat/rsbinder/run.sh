#!/usr/bin/env bash
# rsbinder 0.12 (crates.io) against binder-sim, with real processes, the rsbinder side under
# binder-run (the /dev/binder shim):
#   (a) an rsbinder client calls our libbinder echo service through our servicemanager;
#   (b) our libbinder client calls an rsbinder echo service registered in our servicemanager;
#   (c) rsbinder's own service manager, rsb_hub (rsbinder-tools), serves our clients.
# Builds everything first: the rsbinder side with RUSTFLAGS="--cfg rustix_use_libc" (else
# rustix makes raw system calls, which the shim cannot see), binder-sim's side with the main
# workspace's cargo build. Every process runs under `timeout`; everything started is stopped.
# Ends with one line: `N passed, N failed`.
#
# Env: JOBS (cargo -j, default 2), KEEP=1 keeps the temporary directory with every log,
# SKIP_BUILD=1 uses what is built.
set -u
set +m # background jobs stay out of job control: setsid makes each its own group

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
MAIN=$(cd "$HERE/../.." && pwd)
JOBS=${JOBS:-2}
MAIN_TARGET=${CARGO_TARGET_DIR:-$MAIN/target}/debug
RSB_TARGET=$HERE/target/debug
T=10 # seconds: the timeout of every short command and of every wait

passed=0
failed=0
failures=()
pgids=()
tmp=

say() { printf '%s\n' "$*"; }

pass() {
    passed=$((passed + 1))
    say "PASS  $1"
}

fail() {
    failed=$((failed + 1))
    failures+=("$1")
    say "FAIL  $1"
    shift
    for line in "$@"; do printf '      %s\n' "$line"; done
}

# Starts a command in a process group of its own (stopped as a whole, by its id), stdout and
# stderr to $tmp/NAME.out and $tmp/NAME.err. Sets $started to the group id.
start() {
    local name=$1
    shift
    setsid timeout 300 "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" </dev/null &
    started=$!
    pgids+=("$started")
}

# Stops the process group $1 with signal $2 (TERM by default) and waits for its leader.
stop() {
    local pgid=$1 sig=${2:-TERM}
    kill -"$sig" -- -"$pgid" 2>/dev/null
    wait "$pgid" 2>/dev/null
    local keep=()
    for p in "${pgids[@]}"; do [ "$p" != "$pgid" ] && keep+=("$p"); done
    pgids=("${keep[@]}")
}

cleanup() {
    for p in "${pgids[@]}"; do kill -TERM -- -"$p" 2>/dev/null; done
    sleep 0.3
    for p in "${pgids[@]}"; do kill -KILL -- -"$p" 2>/dev/null; done
    wait 2>/dev/null
    if [ -n "$tmp" ] && [ "${KEEP:-0}" != 1 ] && [ "$failed" = 0 ]; then
        rm -rf "$tmp"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Retries `$@` every 100 ms for up to $T seconds; true once it succeeds.
wait_for() {
    local i
    for ((i = 0; i < T * 10; i++)); do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    return 1
}

# Our tools on binderd device $dev (binder-sim's libbinder, straight to binderd, no shim).
ours() { BINDER_DEVICE=$dev timeout "$T" "$@"; }
service_found() { ours "$MAIN_TARGET/service" check "$1" | grep -qx "Service $1: found"; }
service_gone() { ours "$MAIN_TARGET/service" check "$1" | grep -qx "Service $1: not found"; }
# A program of the rsbinder side, under binder-run on binderd directory $dir.
shimmed() { timeout "$T" "$MAIN_TARGET/binder-run" --dir "$dir" "$@"; }

# check NAME EXPECTED COMMAND...: runs COMMAND; passes when its last line of stdout is
# EXPECTED and it exits 0.
check() {
    local name=$1 want=$2
    shift 2
    local out err rc last
    out=$("$@" 2>"$tmp/check.err")
    rc=$?
    err=$(tail -n 5 "$tmp/check.err")
    last=$(printf '%s\n' "$out" | tail -n 1)
    if [ "$rc" = 0 ] && [ "$last" = "$want" ]; then
        pass "$name: $last"
    else
        local lines=("wanted: $want" "exit $rc, stdout:")
        while IFS= read -r l; do lines+=("  $l"); done <<<"$out"
        lines+=("stderr:")
        while IFS= read -r l; do lines+=("  $l"); done <<<"$err"
        fail "$name" "${lines[@]}"
    fi
}

# check_out NAME PATTERN COMMAND...: passes when COMMAND exits 0 and its stdout matches the
# extended regular expression PATTERN.
check_out() {
    local name=$1 pattern=$2
    shift 2
    local out rc
    out=$("$@" 2>"$tmp/check.err")
    rc=$?
    if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -Eq "$pattern"; then
        pass "$name"
    else
        local lines=("wanted /$pattern/, exit $rc, stdout:")
        while IFS= read -r l; do lines+=("  $l"); done <<<"$out"
        lines+=("stderr:")
        while IFS= read -r l; do lines+=("  $l"); done < <(tail -n 5 "$tmp/check.err")
        fail "$name" "${lines[@]}"
    fi
}

# A binderd of its own on a new directory: sets $dir, $dev and $binderd.
start_binderd() {
    dir=$(mktemp -d "$tmp/binderd.XXXX")
    dev=$dir/binder
    start "binderd-$(basename "$dir")" "$MAIN_TARGET/binderd" --dir "$dir"
    binderd=$started
    wait_for test -S "$dev" || { fail "binderd starts on $dir"; return 1; }
}

# ---------------------------------------------------------------------------------------------
say "== build"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    say "binder-sim (main workspace): binderd, servicemanager, service, binder-run + shim, echo examples"
    (cd "$MAIN" &&
        cargo build -q -j"$JOBS" -p binder-driver -p servicemanager --bins &&
        cargo build -q -j"$JOBS" -p binder-sim-preload --lib --bins &&
        cargo build -q -j"$JOBS" -p binder-sim --example echo_server --example echo_client) ||
        { say "build of binder-sim failed"; say "0 passed, 1 failed"; exit 1; }
    say "rsbinder side (compat/rsbinder, RUSTFLAGS=--cfg rustix_use_libc): rsb_echo_*, rsb_hub, rsb_service"
    (cd "$HERE" && RUSTFLAGS="--cfg rustix_use_libc" CARGO_TARGET_DIR="$HERE/target" \
        cargo build -q --locked -j"$JOBS" -p rsbinder-compat -p rsbinder-tools --bins) ||
        { say "build of compat/rsbinder failed"; say "0 passed, 1 failed"; exit 1; }
fi
for b in "$MAIN_TARGET"/{binderd,servicemanager,service,binder-run,libbinder_sim_preload.so} \
    "$MAIN_TARGET"/examples/{echo_server,echo_client} \
    "$RSB_TARGET"/{rsb_echo_server,rsb_echo_client,rsb_hub,rsb_service}; do
    [ -e "$b" ] || { say "missing $b"; say "0 passed, 1 failed"; exit 1; }
done
ECHO_SERVER=$MAIN_TARGET/examples/echo_server
ECHO_CLIENT=$MAIN_TARGET/examples/echo_client
RSB_SERVER=$RSB_TARGET/rsb_echo_server
RSB_CLIENT=$RSB_TARGET/rsb_echo_client
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rsbinder-compat.XXXXXX")

# The shim sees only C library calls: rustix must have been built on libc.
if command -v nm >/dev/null; then
    for b in rsb_echo_client rsb_echo_server rsb_hub rsb_service; do
        if nm -D --undefined-only "$RSB_TARGET/$b" | grep -qw 'ioctl'; then
            pass "$b calls ioctl through the C library (rustix_use_libc)"
        else
            fail "$b calls ioctl through the C library (rustix_use_libc)" \
                "no ioctl import: rustix makes raw system calls the shim cannot see"
        fi
    done
fi

# ---------------------------------------------------------------------------------------------
say "== (a) rsbinder client -> our echo service, through our servicemanager"
if start_binderd; then
    start servicemanager env BINDER_DEVICE="$dev" "$MAIN_TARGET/servicemanager" "$dev"
    sm=$started
    if wait_for service_found manager; then
        start echo_server env BINDER_DEVICE="$dev" "$ECHO_SERVER"
        echo_server=$started
        if wait_for service_found echo; then
            check "(a) rsbinder client, getService lookup, /dev/binderfs/binder" \
                "echo: hello from rsbinder" \
                shimmed "$RSB_CLIENT" /dev/binderfs/binder echo "hello from rsbinder" --lookup get
            check "(a) rsbinder client, hub::check_interface (checkService2), /dev/binder" \
                "echo: hello again from rsbinder" \
                shimmed "$RSB_CLIENT" /dev/binder echo "hello again from rsbinder"
            check_out "(a) rsb_service list (rsbinder-tools) on our servicemanager" \
                '^echo$' \
                shimmed "$RSB_TARGET/rsb_service" list
            check_out "(a) rsb_service check echo (checkService2) on our servicemanager" \
                '^echo: registered \(com\.example\.IEcho\)$' \
                shimmed "$RSB_TARGET/rsb_service" check echo
            check_out "(a) rsb_service info (getServiceDebugInfo) on our servicemanager" \
                '^echo +pid=[0-9]+$' \
                shimmed "$RSB_TARGET/rsb_service" info
            grep -q 'echo("hello from rsbinder") from pid' "$tmp/echo_server.out" &&
                pass "(a) our echo service saw the rsbinder caller" ||
                fail "(a) our echo service saw the rsbinder caller" "$(cat "$tmp/echo_server.out")"
        else
            fail "(a) our echo_server registers \"echo\"" "$(tail -n 5 "$tmp/echo_server.err")"
        fi
        stop "$echo_server"
        wait_for service_gone echo
    else
        fail "(a) our servicemanager starts" "$(tail -n 5 "$tmp/servicemanager.err")"
    fi

    # -----------------------------------------------------------------------------------------
    say "== (b) our client -> rsbinder echo service, registered in our servicemanager"
    if service_found manager; then
        start rsb_echo_server "$MAIN_TARGET/binder-run" --dir "$dir" "$RSB_SERVER" /dev/binderfs/binder echo
        rsb_server=$started
        if wait_for grep -qx ready "$tmp/rsb_echo_server.out"; then
            check_out "(b) our service list shows the rsbinder service's descriptor" \
                '^[0-9]+[[:space:]]+echo: \[com\.example\.IEcho\]$' \
                ours "$MAIN_TARGET/service" list
            check "(b) our echo_client (libbinder) -> rsbinder service" \
                "rsbinder echo: hello from libbinder" \
                ours "$ECHO_CLIENT" "hello from libbinder"
            # Status 0, then String16 "rsbinder echo: raw": 18 units, "rs", "bi", ...
            check_out "(b) our service call echo 1 s16 (raw parcel) -> rsbinder service" \
                "00000000 00000012 00730072 00690062" \
                ours "$MAIN_TARGET/service" call echo 1 s16 raw
            check "(b) rsbinder client -> rsbinder service, through our servicemanager" \
                "rsbinder echo: rsbinder to rsbinder" \
                shimmed "$RSB_CLIENT" /dev/binderfs/binder echo "rsbinder to rsbinder" --lookup get
            stop "$rsb_server" KILL
            if wait_for service_gone echo; then
                pass "(b) rsbinder service killed (SIGKILL): our servicemanager drops it"
            else
                fail "(b) rsbinder service killed (SIGKILL): our servicemanager drops it"
            fi
        else
            fail "(b) rsbinder echo server registers \"echo\"" "$(tail -n 5 "$tmp/rsb_echo_server.err")"
            stop "$rsb_server"
        fi
    fi
    stop "$sm"
    stop "$binderd"
fi

# ---------------------------------------------------------------------------------------------
say "== (c) rsb_hub (rsbinder's service manager) serving our clients"
if start_binderd; then
    start rsb_hub "$MAIN_TARGET/binder-run" --dir "$dir" "$RSB_TARGET/rsb_hub" --insecure-allow-all
    hub=$started
    if wait_for service_found manager; then
        pass "(c) rsb_hub becomes the context manager of /dev/binderfs/binder (ours sees \"manager\")"
        start echo_server2 env BINDER_DEVICE="$dev" "$ECHO_SERVER"
        echo_server=$started
        if wait_for service_found echo; then
            pass "(c) our echo_server adds \"echo\" to rsb_hub"
            check_out "(c) our service list via rsb_hub" \
                '^[0-9]+[[:space:]]+echo: \[com\.example\.IEcho\]$' \
                ours "$MAIN_TARGET/service" list
            check "(c) our echo_client -> our echo service, through rsb_hub" \
                "echo: hello through rsb_hub" \
                ours "$ECHO_CLIENT" "hello through rsb_hub"
            check_out "(c) rsb_service check echo (checkService2) on rsb_hub" \
                '^echo: registered \(com\.example\.IEcho\)$' \
                shimmed "$RSB_TARGET/rsb_service" check echo
            check "(c) rsbinder client, hub::check_interface (checkService2) via rsb_hub -> our service" \
                "echo: rsbinder through rsb_hub" \
                shimmed "$RSB_CLIENT" /dev/binderfs/binder echo "rsbinder through rsb_hub"
            stop "$echo_server" KILL
            if wait_for service_gone echo; then
                pass "(c) our echo_server killed (SIGKILL): rsb_hub drops it (death notification)"
            else
                fail "(c) our echo_server killed (SIGKILL): rsb_hub drops it (death notification)" \
                    "$(tail -n 3 "$tmp/rsb_hub.err")"
            fi
        else
            fail "(c) our echo_server adds \"echo\" to rsb_hub" "$(tail -n 5 "$tmp/echo_server2.err")"
            stop "$echo_server"
        fi
        start rsb_echo_server2 "$MAIN_TARGET/binder-run" --dir "$dir" "$RSB_SERVER" /dev/binderfs/binder echo2
        rsb_server=$started
        if wait_for grep -qx ready "$tmp/rsb_echo_server2.out"; then
            check "(c) rsbinder client -> rsbinder service, through rsb_hub" \
                "rsbinder echo: all rsbinder" \
                shimmed "$RSB_CLIENT" /dev/binderfs/binder echo2 "all rsbinder"
        else
            fail "(c) rsbinder echo server registers \"echo2\" with rsb_hub" \
                "$(tail -n 5 "$tmp/rsb_echo_server2.err")"
        fi
        stop "$rsb_server"
    else
        fail "(c) rsb_hub becomes the context manager" "$(tail -n 5 "$tmp/rsb_hub.err")"
    fi
    stop "$hub"
    stop "$binderd"
fi

say "=="
for f in "${failures[@]}"; do say "failed: $f"; done
if [ "${KEEP:-0}" = 1 ] || [ "$failed" -gt 0 ]; then say "logs kept in $tmp"; fi
say "$passed passed, $failed failed"
[ "$failed" = 0 ]
