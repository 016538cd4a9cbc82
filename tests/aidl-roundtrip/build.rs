fn main() {
    let dir = std::path::Path::new("aidl/sim/roundtrip");
    let mut sources: Vec<_> = std::fs::read_dir(dir)
        .expect("aidl/sim/roundtrip")
        .map(|e| e.expect("directory entry").path())
        .collect();
    sources.sort();
    binder_aidl::Builder::new()
        .include_dir("aidl")
        .sources(sources)
        .generate()
        .unwrap_or_else(|e| panic!("{e}"))
        .rerun_if_changed();
}
