#!/usr/bin/env bash
# What binder-aidl adds to the build of a crate with 20 .aidl files: a scratch crate whose
# build.rs runs binder_aidl::Builder and whose lib.rs include!s the output, built against
# libbinder (renamed `binder`, as aidl/tests/typecheck.rs does). Prints three times:
# the first build (compiling binder-aidl as a build dependency, running it, compiling the
# generated code), a rebuild after an .aidl file changes, a rebuild after a .rs file changes.
# Needs the crates of the workspace in cargo's cache (it builds with --offline).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/user/src"
printf '[workspace]\nmembers = ["user"]\nresolver = "2"\n' >"$dir/Cargo.toml"
cp "$repo/Cargo.lock" "$dir/Cargo.lock"
cat >"$dir/user/Cargo.toml" <<EOF
[package]
name = "user"
version = "0.0.0"
edition = "2021"
[dependencies]
binder = { package = "libbinder", path = "$repo/libbinder" }
async-trait = "0.1"
[build-dependencies]
binder-aidl = { path = "$repo/aidl", default-features = false }
EOF
cat >"$dir/user/build.rs" <<'EOF'
fn main() {
    let mut files: Vec<_> = std::fs::read_dir("aidl/com/example/model")
        .unwrap()
        .chain(std::fs::read_dir("aidl/com/example/service").unwrap())
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    binder_aidl::Builder::new()
        .include_dir("aidl")
        .sources(files)
        .generate()
        .unwrap_or_else(|e| panic!("{e}"))
        .rerun_if_changed();
}
EOF
echo 'include!(concat!(env!("OUT_DIR"), "/aidl.rs"));' >"$dir/user/src/lib.rs"
m="$dir/user/aidl/com/example/model"
s="$dir/user/aidl/com/example/service"
mkdir -p "$m" "$s"
for i in 0 1 2; do
  printf 'package com.example.model;\n@Backing(type="int")\nenum Kind%s { NONE, FIRST = 1 << %s, SECOND, LAST = 0x7f }\n' "$i" "$i" >"$m/Kind$i.aidl"
  printf 'package com.example.model;\nimport com.example.model.Record%s;\nunion Choice%s {\n    int number;\n    String text;\n    Record%s record;\n    @nullable IBinder binder;\n}\n' "$i" "$i" "$i" >"$m/Choice$i.aidl"
done
for i in 0 1 2 3 4 5; do
  k=$((i % 3))
  printf 'package com.example.model;\nimport com.example.model.Kind%s;\nparcelable Record%s {\n    const int VERSION = %s + 1;\n    int id;\n    long stamp = 1L << 33;\n    String name = "record%s";\n    @nullable String note;\n    Kind%s kind = Kind%s.SECOND;\n    byte[] payload;\n    List<String> tags;\n    @nullable IBinder token;\n    int[4] quad;\n}\n' "$k" "$i" "$i" "$i" "$k" "$k" >"$m/Record$i.aidl"
done
for i in 0 1 2 3 4 5 6; do
  r=$((i % 6)); c=$((i % 3))
  printf 'package com.example.service;\nimport com.example.model.Record%s;\nimport com.example.model.Choice%s;\nimport com.example.model.Kind%s;\nimport com.example.service.IListener;\ninterface IService%s {\n    const String NAME = "service%s";\n    Record%s get(int id);\n    void put(in Record%s record);\n    Record%s[] list(in int[] ids, out int[] missing);\n    Choice%s choose(Kind%s kind, @nullable String hint);\n    void fill(inout Record%s record);\n    ParcelFileDescriptor open(String path);\n    void listen(IListener listener);\n    oneway void notify(int code);\n    List<Record%s> page(int offset, int count);\n}\n' "$r" "$c" "$c" "$i" "$i" "$r" "$r" "$r" "$c" "$c" "$r" "$r" >"$s/IService$i.aidl"
done
printf 'package com.example.service;\noneway interface IListener {\n    void onEvent(int code, String message);\n}\n' >"$s/IListener.aidl"
echo "$(find "$dir/user/aidl" -name '*.aidl' | wc -l) .aidl files"
cd "$dir"
export CARGO_TARGET_DIR="$dir/target"
cargo build --offline -q -p libbinder
cargo build --offline -q -p async-trait@0.1
t() { local s e; s=$(date +%s.%N); cargo build --offline -q -p user; e=$(date +%s.%N); echo "$1: $(echo "$e - $s" | bc) s"; }
t "first build (binder-aidl compiled, run, generated code compiled)"
echo '// changed' >>"$s/IListener.aidl"
t "rebuild after an .aidl file changed"
echo 'pub fn touched() {}' >>"$dir/user/src/lib.rs"
t "rebuild after a .rs file changed (generator not run)"
