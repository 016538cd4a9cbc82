#!/usr/bin/env bash
# Proof with AOSP's own code: Android 10's libbinder tests, binderThroughputTest and the C
# servicemanager, unmodified, on binder-sim.
#
#   sudo compat/aosp/run.sh          (Debian 12 or another Debian-family system, as root)
#
# 1. fetches frameworks/native (Android 10) as Debian's source package
#    android-platform-frameworks-native, with apt, into $AOSP_WORK (default /tmp/binder-sim-aosp,
#    never inside the repository), and installs the build dependencies with apt;
# 2. builds libbinder.so, binderDriverInterfaceTest, binderLibTest, binderSafeInterfaceTest,
#    binderThroughputTest and the C servicemanager from it with compat/aosp/Makefile: our build
#    rules and our stubs only (nothing of AOSP's is edited or copied into this repository);
# 3. starts binderd on a temporary directory, the C servicemanager under binder-run as context
#    manager, then runs each test under binder-run, and prints each gtest summary, the
#    throughput numbers;
# 4. the AIDL cross-check (xcheck/): one .aidl compiled by Debian's `aidl --lang=cpp` (Android
#    10) into a C++ service and client on AOSP's libbinder, and by binder-aidl into a Rust
#    service and client on ours; the C++ service serves the Rust client, then the Rust service
#    the C++ client, each on a fresh binderd with the service as context manager;
# and, last, one line: "N passed, N failed" (gtest cases and cross-check checks).
#
# Environment: AOSP_WORK (work directory), AOSP_JOBS (make -j, default 2),
# CARGO_TARGET_DIR (where cargo builds binder-sim). Exit status: 0 when every case passed and
# binderThroughputTest ran, 1 when something failed, 2 when the set-up (fetch, build) failed.
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
WORK=${AOSP_WORK:-/tmp/binder-sim-aosp}
JOBS=${AOSP_JOBS:-2}
PKG=android-platform-frameworks-native
APT_SRC_FILE=/etc/apt/sources.list.d/binder-sim-aosp-src.sources
BUILD_DEPS=(gcc g++ make libgtest-dev linux-libc-dev android-libutils-dev android-libcutils-dev
    android-liblog-dev android-libbase-dev android-libselinux-dev aidl)

# Time limits (seconds).
T_LIST=30 T_DRIVER=120 T_LIB=300 T_THROUGHPUT=120 T_CONTEXT_MANAGER=20
T_ALL=1200 # binderd and the servicemanager live at most this long
T_XCHECK=60 # a cross-check client; its binderd and service live at most T_XCHECK + 30

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
say() { printf '== %s\n' "$*"; }
die() {
    echo "run.sh: $*" >&2
    exit 2
}

T_START=$(now)
[ "$(id -u)" = 0 ] || die "run as root (apt-get installs the build dependencies)"
command -v apt-get >/dev/null || die "needs apt (a Debian-family system)"
mkdir -p "$WORK" || die "cannot create $WORK"
WORK=$(cd "$WORK" && pwd -P)
case "$WORK/" in
"$(cd "$REPO" && pwd -P)"/*) die "AOSP_WORK=$WORK is inside the repository: AOSP's code stays outside it" ;;
esac
LOGS=$WORK/logs
mkdir -p "$LOGS" "$WORK/download"

# ---------------------------------------------------------------------------------------------
# 1. Fetch frameworks/native and install the build dependencies.
# ---------------------------------------------------------------------------------------------
T_FETCH=$(now)
say "fetch: $PKG (apt source) into $WORK"
APT_UPDATED=
apt_update() {
    [ -n "$APT_UPDATED" ] && return 0
    apt-get update -q >"$LOGS/apt-update.log" 2>&1 || echo "   (apt-get update reported errors: $LOGS/apt-update.log)"
    APT_UPDATED=1
}
has_src() { apt-cache showsrc "$PKG" 2>/dev/null | grep -q "^Package: $PKG\$"; }

# A deb-src entry for the mirror and release this machine uses (deb822 or one-line format).
add_deb_src() {
    local codename uri="" signed=""
    # shellcheck disable=SC1091
    codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
    [ -n "$codename" ] || die "cannot tell the release (no VERSION_CODENAME in /etc/os-release)"
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
        # The stanza whose Suites list the release itself (not -updates or -security alone).
        read -r uri signed < <(awk -v rel="$codename" '
            function flush() { if (ok && uri != "" && !done) { print uri, signed; done = 1 } ok = 0; uri = ""; signed = "" }
            /^[ \t]*$/ { flush(); next }
            /^URIs:/ { uri = $2 }
            /^Signed-By:/ { signed = $2 }
            /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == rel) ok = 1 }
            END { flush() }' /etc/apt/sources.list.d/debian.sources)
    fi
    if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
        uri=$(awk -v rel="$codename" '$1 == "deb" && $0 ~ (" " rel " ") {
            for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' /etc/apt/sources.list)
    fi
    [ -n "$uri" ] || uri=http://deb.debian.org/debian
    echo "   adding deb-src $uri $codename main ($APT_SRC_FILE)"
    {
        echo "Types: deb-src"
        echo "URIs: $uri"
        echo "Suites: $codename"
        echo "Components: main"
        [ -n "$signed" ] && echo "Signed-By: $signed"
    } >"$APT_SRC_FILE"
    APT_UPDATED=
}

missing=()
for p in "${BUILD_DEPS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# The source tarball we already hold, checked against its .dsc (apt's exit code is not trusted:
# it fails when only the Debian packaging could not be fetched, which we do not need).
dsc_sha256() { # DSC FILE
    awk -v f="$2" '/^Checksums-Sha256:/ { s = 1; next } /^[^ ]/ { s = 0 } s && $3 == f { print $1 }' "$1"
}
find_tarball() {
    local dsc tar want
    for dsc in "$WORK/download/${PKG}"_*.dsc; do
        [ -f "$dsc" ] || continue
        tar=$(awk '/^Files:/ { s = 1; next } /^[^ ]/ { s = 0 } s && $3 ~ /\.orig\.tar\./ { print $3; exit }' "$dsc")
        if [ -z "$tar" ] || [ ! -f "$WORK/download/$tar" ]; then continue; fi
        want=$(dsc_sha256 "$dsc" "$tar")
        if [ -n "$want" ] && [ "$(sha256sum "$WORK/download/$tar" | cut -d' ' -f1)" = "$want" ]; then
            echo "$WORK/download/$tar"
            return 0
        fi
        echo "   $tar does not match its .dsc: fetching again" >&2
        rm -f "$WORK/download/$tar"
    done
    return 1
}

TARBALL=$(find_tarball)
if [ -z "$TARBALL" ]; then
    if ! has_src; then
        apt_update
        if ! has_src; then
            add_deb_src
            apt_update
        fi
        has_src || die "apt knows no source package $PKG (see $LOGS/apt-update.log)"
    fi
    (cd "$WORK/download" && apt-get source --download-only -q "$PKG") >"$LOGS/apt-source.log" 2>&1 || true
    TARBALL=$(find_tarball) || die "apt-get source did not fetch $PKG's .orig tarball (see $LOGS/apt-source.log)"
fi
echo "   source: $(basename "$TARBALL")"

if [ ${#missing[@]} -gt 0 ]; then
    echo "   installing: ${missing[*]}"
    apt_update
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" \
        >"$LOGS/apt-install.log" 2>&1 || die "apt-get install failed (see $LOGS/apt-install.log)"
fi

VERSION=$(basename "$TARBALL" | sed -e "s/^${PKG}_//" -e 's/\.orig\.tar\..*$//')
SRC=$WORK/src/$VERSION
if [ ! -f "$SRC/.unpacked" ]; then
    rm -rf "$SRC" && mkdir -p "$SRC"
    tar -xf "$TARBALL" -C "$SRC" || die "cannot unpack $TARBALL"
    # Some versions unpack into one top directory, others into the tarball's root.
    if [ ! -d "$SRC/libs/binder" ] && [ "$(find "$SRC" -mindepth 1 -maxdepth 1 | wc -l)" = 1 ]; then
        top=$(basename "$(find "$SRC" -mindepth 1 -maxdepth 1)")
        mv "$SRC/$top" "$SRC.tmp" && rmdir "$SRC" && mv "$SRC.tmp" "$SRC"
    fi
    touch "$SRC/.unpacked"
fi
for f in libs/binder/IPCThreadState.cpp libs/binder/tests/binderLibTest.cpp \
    libs/binder/tests/binderDriverInterfaceTest.cpp libs/binder/tests/binderThroughputTest.cpp \
    cmds/servicemanager/service_manager.c cmds/servicemanager/binder.c; do
    [ -f "$SRC/$f" ] || die "$SRC has no $f: not the frameworks/native this script knows"
done
echo "   fetch: $(elapsed "$T_FETCH") s"

# ---------------------------------------------------------------------------------------------
# 2. Build binder-sim (binderd, binder-run, the shim) and AOSP's code.
# ---------------------------------------------------------------------------------------------
T_BUILD=$(now)
say "build: binder-sim (cargo, release)"
(cd "$REPO" && cargo build --release -q -p binder-driver -p binder-sim-preload -j"$JOBS" &&
    cargo build --release -q -p binder-sim --bin binder-bench -j"$JOBS" &&
    cargo build --release -q -p aidl-cpp-xcheck -j"$JOBS") \
    >"$LOGS/cargo.log" 2>&1 || { tail -20 "$LOGS/cargo.log"; die "cargo build failed (see $LOGS/cargo.log)"; }
TARGET=${CARGO_TARGET_DIR:-$REPO/target}/release
BINDERD=$TARGET/binderd
BINDER_RUN=$TARGET/binder-run
for f in "$BINDERD" "$BINDER_RUN" "$TARGET/libbinder_sim_preload.so" "$TARGET/xcheck-service" \
    "$TARGET/xcheck-client"; do
    [ -x "$f" ] || [ -f "$f" ] || die "cargo built no $f"
done

say "build: AOSP libbinder, tests, servicemanager, cross-check (make -j$JOBS, $HERE/Makefile)"
OUT=$WORK/build/$VERSION
make -f "$HERE/Makefile" AOSP_SRC="$SRC" OUT="$OUT" -j"$JOBS" >"$LOGS/build.log" 2>&1 ||
    { grep -E 'error|undefined' "$LOGS/build.log" | head -20; die "build failed (see $LOGS/build.log)"; }
echo "   build: $(elapsed "$T_BUILD") s"

# ---------------------------------------------------------------------------------------------
# 3. Run: binderd, the C servicemanager (context manager), then each test, all on one DIR.
# ---------------------------------------------------------------------------------------------
T_RUN=$(now)
RUN_DIR=$(mktemp -d /tmp/binder-sim-aosp-run.XXXXXX)
BINDERD_PID='' SM_PID='' XC_BINDERD_PID='' XC_SERVICE_PID='' XC_DIR=''
# The processes under PID (ours), children before their parent's later siblings, deepest last.
descendants() {
    local kid
    for kid in $(pgrep -P "$1"); do
        echo "$kid"
        descendants "$kid"
    done
}
# stop PID: PID is a `timeout` this script started. Its deepest processes get SIGTERM first (the
# servicemanager before the binder-run above it), so none is left to outlive its parent.
stop() {
    local pid=$1 procs i
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
    procs=$(descendants "$pid" | tac)
    for i in $procs; do
        kill -TERM "$i" 2>/dev/null
        for _ in $(seq 30); do kill -0 "$i" 2>/dev/null || break; sleep 0.1; done
    done
    kill -TERM "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
}
xcheck_cleanup() {
    stop "$XC_SERVICE_PID"
    stop "$XC_BINDERD_PID"
    [ -n "$XC_DIR" ] && rm -rf "$XC_DIR"
    XC_SERVICE_PID='' XC_BINDERD_PID='' XC_DIR=''
}
cleanup() {
    xcheck_cleanup
    stop "$SM_PID"
    stop "$BINDERD_PID"
    SM_PID='' BINDERD_PID=''
    rm -rf "$RUN_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say "run: binderd --dir $RUN_DIR"
timeout -k 5 "$T_ALL" "$BINDERD" --dir "$RUN_DIR" >"$LOGS/binderd.log" 2>&1 &
BINDERD_PID=$!
for _ in $(seq 100); do
    [ -S "$RUN_DIR/binder" ] && break
    sleep 0.05
done
[ -S "$RUN_DIR/binder" ] || { cat "$LOGS/binderd.log"; die "binderd does not serve $RUN_DIR"; }

say "run: servicemanager (AOSP's C one) as context manager of /dev/binder"
timeout -k 5 "$T_ALL" "$BINDER_RUN" --dir "$RUN_DIR" "$OUT/servicemanager" /dev/binder \
    >"$LOGS/servicemanager.log" 2>&1 &
SM_PID=$!
if ! timeout -k 5 "$T_CONTEXT_MANAGER" "$BINDER_RUN" --dir "$RUN_DIR" "$OUT/wait_context_manager" \
    /dev/binder 10 >"$LOGS/wait_context_manager.log" 2>&1; then
    cat "$LOGS/wait_context_manager.log" "$LOGS/servicemanager.log"
    die "the servicemanager did not answer PING at handle 0"
fi

PASSED=0 FAILED=0 SKIPPED=0 BAD=0
# run_gtest NAME TIMEOUT [NOFILE]: runs one gtest binary under binder-run (with that soft limit
# on open files, if given); a case that did not report OK or SKIPPED (failed, crashed, timed
# out, never ran) counts as failed.
run_gtest() {
    local name=$1 limit=$2 nofile=${3:-} log=$LOGS/$1.log total passed skipped failed rc t0 note=""
    say "test: $name${nofile:+ (ulimit -n $nofile)}"
    total=$(timeout -k 5 "$T_LIST" "$BINDER_RUN" --dir "$RUN_DIR" "$OUT/$name" --gtest_list_tests \
        2>/dev/null | grep -E '^  [A-Za-z_]' | grep -vc '^  DISABLED_')
    t0=$(now)
    (
        [ -z "$nofile" ] || ulimit -S -n "$nofile"
        exec timeout -k 5 "$limit" "$BINDER_RUN" --dir "$RUN_DIR" "$OUT/$name"
    ) >"$log" 2>&1
    rc=$?
    [ "$rc" = 124 ] || [ "$rc" = 137 ] && note=", timed out after $limit s"
    passed=$(grep -cE '^\[       OK \] .+ \([0-9]+ ms\)$' "$log")
    skipped=$(grep -cE '^\[  SKIPPED \] .+ \([0-9]+ ms\)$' "$log")
    failed=$((total - passed - skipped))
    [ "$failed" -lt 0 ] && failed=0
    if [ "$total" = 0 ]; then
        failed=1 note="$note, listed no test case"
    elif [ "$rc" != 0 ] && [ "$failed" = 0 ] && [ "$skipped" = 0 ]; then
        BAD=1 note="$note, a failure with every case passed"
    fi
    if grep -q '^\[==========\] .* ran\.' "$log"; then
        # gtest's summary (other lines there are the server processes' log).
        sed -n '/^\[==========\] .* ran\./,$p' "$log" | grep -E '^\[|FAILED TEST|^ *$' | sed 's/^/   /'
    else
        echo "   (no gtest summary: the last lines of $log)"
        tail -15 "$log" | sed 's/^/   /'
    fi
    echo "   $name: passed $passed, failed $failed, skipped $skipped of $total (exit $rc$note, $(elapsed "$t0") s)"
    PASSED=$((PASSED + passed)) FAILED=$((FAILED + failed)) SKIPPED=$((SKIPPED + skipped))
}

run_gtest binderDriverInterfaceTest "$T_DRIVER"
run_gtest binderLibTest "$T_LIB"
# Its TestIncrementNativeHandle makes 2 x RLIMIT_NOFILE calls (each passing an fd both ways) to
# rule out fd leaks: run it with the usual soft limit, 1024, not this machine's (maybe far more).
run_gtest binderSafeInterfaceTest "$T_LIB" 1024

say "throughput: binderThroughputTest -w 2 -i 10000 -m 1000 (2 workers, 10000 calls each; buckets up to 1 ms)"
t0=$(now)
timeout -k 5 "$T_THROUGHPUT" "$BINDER_RUN" --dir "$RUN_DIR" "$OUT/binderThroughputTest" \
    -w 2 -i 10000 -m 1000 >"$LOGS/binderThroughputTest.log" 2>&1
rc=$?
grep -E '^(iterations per sec|average|[0-9]+%)' "$LOGS/binderThroughputTest.log" | sed 's/^/   /'
echo "   binderThroughputTest: exit $rc, $(elapsed "$t0") s"
if [ "$rc" != 0 ] || ! grep -q '^iterations per sec' "$LOGS/binderThroughputTest.log"; then
    BAD=1
    echo "   binderThroughputTest FAILED (see $LOGS/binderThroughputTest.log)"
fi

# The shim's cost: one client/server pair, a call with an empty request and reply, through
# AOSP's libbinder under the shim (binderThroughputTest -p) and through ours on binderd
# directly (binder-bench -p, same shape), in the same run; on cpu0 (binderd, the
# servicemanager and the pair pinned there) and unpinned. Averages in microseconds.
BENCH=$TARGET/binder-bench
compare() {
    local label=$1 pin=$2 aosp ours
    if [ -n "$pin" ]; then
        taskset -a -p -c "$pin" "$BINDERD_PID" >/dev/null
        taskset -a -p -c "$pin" "$SM_PID" >/dev/null
        aosp=$(timeout -k 5 "$T_THROUGHPUT" taskset -c "$pin" "$BINDER_RUN" --dir "$RUN_DIR" \
            "$OUT/binderThroughputTest" -w 2 -p -i 20000 -m 1000 2>&1)
        ours=$(timeout -k 5 "$T_THROUGHPUT" "$BENCH" -w 2 -p -i 20000 -s 0 --pin "$pin" 2>&1)
        taskset -a -p -c "0-$(($(nproc) - 1))" "$BINDERD_PID" >/dev/null
        taskset -a -p -c "0-$(($(nproc) - 1))" "$SM_PID" >/dev/null
    else
        aosp=$(timeout -k 5 "$T_THROUGHPUT" "$BINDER_RUN" --dir "$RUN_DIR" \
            "$OUT/binderThroughputTest" -w 2 -p -i 20000 -m 1000 2>&1)
        ours=$(timeout -k 5 "$T_THROUGHPUT" "$BENCH" -w 2 -p -i 20000 -s 0 2>&1)
    fi
    local a o
    a=$(printf '%s\n' "$aosp" | sed -n 's/^average:\([0-9.]*\)ms.*/\1/p' | awk '{ printf "%.1f", $1 * 1000 }')
    o=$(printf '%s\n' "$ours" | sed -n 's/^binder-sim:.* avg \([0-9.]*\) us.*/\1/p')
    if [ -z "$a" ] || [ -z "$o" ]; then
        BAD=1
        echo "   $label: no numbers"
        printf '%s\n%s\n' "$aosp" "$ours" | tail -8 | sed 's/^/   /'
        return
    fi
    echo "   $label: AOSP libbinder under the shim avg $a us; binder-sim libbinder avg $o us; ratio $(awk -v a="$a" -v o="$o" 'BEGIN { printf "%.2f", a / o }')x"
}
say "shim cost: binderThroughputTest -w 2 -p vs binder-bench -w 2 -p -s 0 (20000 calls)"
compare "cpu0" 0
compare "unpinned" ""

# ---------------------------------------------------------------------------------------------
# 4. The AIDL cross-check: xcheck/aidl, C++ (Debian's aidl, AOSP's libbinder) against Rust
#    (binder-aidl, ours), both ways. Android 10's libbinder speaks the servicemanager protocol
#    of before AIDL and ours Android 16's, so the two meet through the context manager instead:
#    on a fresh binderd the service becomes the context manager with its IXCheck as the context
#    object, and the client takes handle 0.
# ---------------------------------------------------------------------------------------------
# xcheck_side LANG ROLE DIR: the command line of the LANG (cpp|rust) ROLE (service|client).
xcheck_side() {
    case $1 in
    cpp) echo "$BINDER_RUN --dir $3 $OUT/xcheck_$2" ;;
    rust) echo "env BINDER_DEVICE=$3/binder $TARGET/xcheck-$2" ;;
    esac
}
# run_xcheck SERVICE_LANG CLIENT_LANG: one direction; adds the client's counts to the totals.
run_xcheck() {
    local service=$1 client=$2 name="xcheck-$1-service-$2-client" log rc summary p f t0
    log=$LOGS/$name.log
    say "cross-check: $service service <- $client client"
    t0=$(now)
    XC_DIR=$(mktemp -d /tmp/binder-sim-xcheck.XXXXXX)
    timeout -k 5 $((T_XCHECK + 30)) "$BINDERD" --dir "$XC_DIR" >"$LOGS/$name-binderd.log" 2>&1 &
    XC_BINDERD_PID=$!
    for _ in $(seq 100); do
        [ -S "$XC_DIR/binder" ] && break
        sleep 0.05
    done
    # shellcheck disable=SC2046 # xcheck_side's words are the command line
    timeout -k 5 $((T_XCHECK + 30)) $(xcheck_side "$service" service "$XC_DIR") \
        >"$LOGS/$name-service.log" 2>&1 &
    XC_SERVICE_PID=$!
    if ! timeout -k 5 "$T_CONTEXT_MANAGER" "$BINDER_RUN" --dir "$XC_DIR" "$OUT/wait_context_manager" \
        /dev/binder 10 >"$LOGS/$name-wait.log" 2>&1; then
        tail -5 "$LOGS/$name-wait.log" "$LOGS/$name-service.log" "$LOGS/$name-binderd.log" | sed 's/^/   /'
        echo "   $name: the $service service did not answer PING at handle 0"
        FAILED=$((FAILED + 1)) BAD=1
        xcheck_cleanup
        return
    fi
    # shellcheck disable=SC2046
    timeout -k 5 "$T_XCHECK" $(xcheck_side "$client" client "$XC_DIR") >"$log" 2>&1
    rc=$?
    grep -E '^\[  FAILED  \]' "$log" | sed 's/^/   /'
    summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1)
    if [ -z "$summary" ]; then
        echo "   (no summary: the last lines of $log)"
        tail -15 "$log" | sed 's/^/   /'
        FAILED=$((FAILED + 1)) BAD=1
    else
        p=${summary%% passed*}
        f=${summary#*passed, }
        f=${f%% failed}
        PASSED=$((PASSED + p)) FAILED=$((FAILED + f))
        [ "$rc" != 0 ] && [ "$f" = 0 ] && BAD=1
    fi
    if ! kill -0 "$XC_SERVICE_PID" 2>/dev/null; then
        BAD=1
        echo "   the $service service died during the run (see $LOGS/$name-service.log)"
    fi
    echo "   $name: ${summary:-no summary} (exit $rc, $(elapsed "$t0") s)"
    xcheck_cleanup
}
run_xcheck cpp rust
run_xcheck rust cpp

if ! kill -0 "$SM_PID" 2>/dev/null; then
    BAD=1
    echo "   the servicemanager died during the run (see $LOGS/servicemanager.log)"
fi
if ! kill -0 "$BINDERD_PID" 2>/dev/null; then
    BAD=1
    echo "   binderd died during the run (see $LOGS/binderd.log)"
fi
cleanup
trap - EXIT
echo "   run: $(elapsed "$T_RUN") s; total: $(elapsed "$T_START") s; logs: $LOGS"

[ "$SKIPPED" -gt 0 ] && echo "$PASSED passed, $FAILED failed, $SKIPPED skipped" || echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ] && [ "$BAD" = 0 ]
