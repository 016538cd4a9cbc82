//! The generated code compiles: every golden input, generated with versioning on, is built
//! (`cargo check`, offline) in a scratch crate against the real `libbinder`, renamed
//! `binder` as an AOSP crate names it, and the `async-trait` crate (a dev-dependency, so that
//! it is in cargo's cache offline), together with code written the way a service author
//! writes it. The module tree is `include!`d at the crate root, as the README says, so
//! `crate::mangled` paths, the nested modules and the lifetimes of every signature are
//! checked by rustc, warnings denied.
//!
//! The scratch crate uses the workspace's `Cargo.lock` (same dependency versions, nothing to
//! resolve offline) and a target directory kept under the workspace's `target/`, so that
//! libbinder and its dependencies are built once, not on every run.

use std::path::{Path, PathBuf};
use std::process::Command;

struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn aidl_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            aidl_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "aidl") {
            out.push(p);
        }
    }
}

const USER: &str = r#"#![deny(warnings)]
include!(concat!(env!("CARGO_MANIFEST_DIR"), "/gen/aidl.rs"));

/// The hand-written parcelable `sim.golden.Handle` names as its `rust_type`, written as an
/// AOSP crate writes one.
#[derive(Debug, Default)]
pub struct Handle(pub i64);
impl binder::Parcelable for Handle {
    fn write_to_parcel(
        &self,
        parcel: &mut binder::binder_impl::BorrowedParcel,
    ) -> Result<(), binder::StatusCode> {
        parcel.write(&self.0)
    }
    fn read_from_parcel(
        &mut self,
        parcel: &binder::binder_impl::BorrowedParcel,
    ) -> Result<(), binder::StatusCode> {
        self.0 = parcel.read()?;
        Ok(())
    }
}
binder::impl_serialize_for_parcelable!(Handle);
binder::impl_deserialize_for_parcelable!(Handle);

/// A service and a client written against the generated traits.
pub mod usage {
    use crate::aidl::sim::golden::ICallback::{BnCallback, ICallback};
    use crate::aidl::sim::golden::IContainer::{IContainer, Item::Item, Status::Status};
    use crate::aidl::sim::golden::IVersioned::{IVersioned, VERSION};
    use crate::aidl::sim::golden::Point::Point;
    use crate::aidl::sim::golden::Shape::{Shape, Tag::Tag};

    struct Callback;
    impl binder::Interface for Callback {}
    impl ICallback for Callback {
        fn r#onEvent(&self, _code: i32, _message: &str) -> binder::Result<()> {
            Ok(())
        }
        fn r#onBinder(&self, _b: &binder::SpIBinder) -> binder::Result<()> {
            Ok(())
        }
    }

    pub fn serve() -> binder::Strong<dyn ICallback> {
        BnCallback::new_binder(Callback, binder::BinderFeatures::default())
    }

    pub fn use_values(c: &dyn IContainer, v: &dyn IVersioned) -> binder::Result<i32> {
        let item: Item = c.get(Status::READY)?;
        let p = Point::default();
        let shape = Shape::Radius(p.f);
        let tag = match shape {
            Shape::Radius(_) => Tag::radius,
            _ => Tag::coords,
        };
        let _ = (item.status, tag, VERSION);
        v.getInterfaceVersion()
    }
}
"#;

#[test]
fn generated_code_compiles_against_the_binder_api() {
    let dir =
        TempDir(std::env::temp_dir().join(format!("binder-aidl-typecheck-{}", std::process::id())));
    let _ = std::fs::remove_dir_all(&dir.0);
    let root = &dir.0;
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let workspace = manifest.parent().expect("aidl/ is in the workspace");
    let libbinder = workspace.join("libbinder");
    write(
        &root.join("Cargo.toml"),
        &format!(
            "[package]\nname = \"user\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
             [dependencies]\nbinder = {{ package = \"libbinder\", path = {:?} }}\n\
             async-trait = \"0.1\"\n[workspace]\n",
            libbinder.display().to_string()
        ),
    );
    std::fs::copy(workspace.join("Cargo.lock"), root.join("Cargo.lock")).unwrap();
    write(&root.join("src/lib.rs"), USER);

    let input = Path::new("tests/golden/input");
    let mut sources = Vec::new();
    aidl_files(input, &mut sources);
    sources.sort();
    binder_aidl::Builder::new()
        .include_dir(input)
        .sources(sources)
        .version(3)
        .hash("9e7be1859820c59d9e4aab8d4b7f3d0e6e1fd3ab")
        .output(root.join("gen"))
        .generate()
        .unwrap_or_else(|e| panic!("{e}"));

    let out = Command::new(env!("CARGO"))
        .current_dir(root)
        .args(["check", "--offline", "--quiet"])
        .env("CARGO_TARGET_DIR", workspace.join("target/aidl-typecheck"))
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "the generated code does not compile:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
