//! Generates the examples' interfaces from `examples/aidl/` (each example `include!`s the
//! module tree at its root).

fn aidl_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("examples/aidl") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            aidl_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "aidl") {
            out.push(path);
        }
    }
}

fn main() {
    let mut sources = Vec::new();
    aidl_files(std::path::Path::new("examples/aidl"), &mut sources);
    sources.sort();
    binder_aidl::Builder::new()
        .include_dir("examples/aidl")
        .sources(sources)
        .generate()
        .unwrap_or_else(|e| panic!("{e}"))
        .rerun_if_changed();
}
