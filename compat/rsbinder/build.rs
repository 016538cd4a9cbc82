// Generates the IEcho bindings from aidl/com/example/IEcho.aidl (with the async half too:
// rsbinder is built with its default `tokio` feature, whose macros expect it).
fn main() {
    println!("cargo:rerun-if-changed=aidl");
    rsbinder_aidl::Builder::new()
        .source(std::path::PathBuf::from("aidl/com/example/IEcho.aidl"))
        .output(std::path::PathBuf::from("echo.rs"))
        .generate()
        .unwrap_or_else(|e| {
            eprintln!("rsbinder-aidl: {e:?}");
            std::process::exit(1);
        });
}
