//! An AIDL compiler whose Rust output has the shapes of AOSP's `aidl --lang=rust`.
//!
//! It reads AOSP AIDL (packages and imports, interfaces, parcelables, enums, unions,
//! constants, nested types) and writes one `.rs` file per top-level type under
//! `OUT/<package path>/<Type>.rs`, each ending with the `mangled` aliases through which the
//! generated files name each other (`crate::mangled::_7_android_...`). The generated code
//! uses AOSP's Rust `binder` crate API under the name `binder`.
//!
//! From a build script:
//!
//! ```no_run
//! // build.rs
//! binder_aidl::Builder::new()
//!     .include_dir("aidl")
//!     .source("aidl/com/example/IFoo.aidl")
//!     .generate()
//!     .expect("AIDL compilation failed")
//!     .rerun_if_changed();
//! ```
//!
//! and at the root of the crate (`lib.rs` or `main.rs`), so that `crate::mangled` resolves:
//!
//! ```ignore
//! include!(concat!(env!("OUT_DIR"), "/aidl.rs"));
//! use aidl::com::example::IFoo::{IFoo, BnFoo};
//! ```

mod ast;
mod check;
mod consts;
mod diag;
mod lexer;
mod parser;
mod rust;

use std::io::Write;
use std::path::{Path, PathBuf};

pub use diag::{Diagnostic, Error};

/// What to compile and how: the options of AOSP's `aidl` that the Rust backend uses.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `-I DIR`: where imported types are looked for (`DIR/<package path>/<Type>.aidl`).
    pub includes: Vec<PathBuf>,
    /// The `.aidl` files to generate code for.
    pub sources: Vec<PathBuf>,
    /// `--version N`: adds `getInterfaceVersion` and `VERSION` to interfaces (0: none).
    pub version: i32,
    /// `--hash H`: adds `getInterfaceHash` and `HASH` to interfaces (empty: none).
    pub hash: String,
    /// `--structured`: unstructured parcelables are refused.
    pub structured: bool,
    /// `--stability=vintf`: every type is `@VintfStability`.
    pub stability_vintf: bool,
}

/// One generated Rust file.
#[derive(Debug, Clone)]
pub struct GeneratedFile {
    /// `package.Type`.
    pub canonical_name: String,
    /// `package/path/Type.rs`, relative to the output directory.
    pub relative_path: PathBuf,
    pub contents: String,
}

/// The result of a compilation, in memory.
#[derive(Debug, Clone)]
pub struct Compiled {
    pub files: Vec<GeneratedFile>,
    /// Every `.aidl` file read (sources and the imports found under include directories).
    pub inputs: Vec<PathBuf>,
}

/// Parses, checks and generates Rust for `options.sources`, without touching the disk
/// except to read the `.aidl` files.
pub fn compile(options: &Options) -> Result<Compiled, Error> {
    if options.sources.is_empty() {
        return Err(Error::Usage("No input file".into()));
    }
    let mut model = ast::Model::default();
    let mut seen = std::collections::HashSet::new();
    for src in &options.sources {
        // The same file named twice (`a/IFoo.aidl` and `./a/IFoo.aidl`) is compiled once.
        if !seen.insert(std::fs::canonicalize(src).unwrap_or_else(|_| src.clone())) {
            continue;
        }
        let path = src.display().to_string();
        let text = std::fs::read_to_string(src).map_err(|e| Error::Io(path.clone(), e))?;
        add_source(&mut model, &path, &text)?;
    }
    check::load_imports(&mut model, &options.includes)?;
    check::check(&mut model, options)?;
    let files = generate(&model, options);
    let inputs = model.docs.iter().map(|d| PathBuf::from(&d.path)).collect();
    Ok(Compiled { files, inputs })
}

/// Compiles one `.aidl` text as if read from `path`, with `options.sources` and
/// `options.includes` ignored: the fuzzer's entry point (imports of other files fail as
/// they would with no include directory).
#[doc(hidden)]
pub fn compile_text(
    path: &str,
    text: &str,
    options: &Options,
) -> Result<Vec<GeneratedFile>, Error> {
    let mut model = ast::Model::default();
    add_source(&mut model, path, text)?;
    check::load_imports(&mut model, &[])?;
    check::check(&mut model, options)?;
    Ok(generate(&model, options))
}

fn add_source(model: &mut ast::Model, path: &str, text: &str) -> Result<(), Error> {
    let first = model.decls.len();
    parser::parse_file(model, path, text, true).map_err(|d| Error::Aidl(vec![d]))?;
    check::add_union_tags(model, first);
    Ok(())
}

/// One Rust file per top-level type of the documents to generate.
fn generate(model: &ast::Model, options: &Options) -> Vec<GeneratedFile> {
    let mut files = Vec::new();
    for doc in model.docs.iter().filter(|d| d.generate) {
        for &top in &doc.decls {
            let decl = &model.decls[top];
            if matches!(decl.kind, ast::DeclKind::Unstructured { .. }) {
                continue;
            }
            let mut relative_path: PathBuf =
                doc.package.split('.').filter(|s| !s.is_empty()).collect();
            relative_path.push(format!("{}.rs", decl.name));
            let contents = rust::generate_file(
                model,
                top,
                &command_line(options, &doc.path),
                options.version,
                &options.hash,
                options.stability_vintf,
            );
            files.push(GeneratedFile {
                canonical_name: decl.canonical.clone(),
                relative_path,
                contents,
            });
        }
    }
    files
}

/// The command line an equivalent AOSP `aidl` run would have had, for the file header.
fn command_line(options: &Options, source: &str) -> String {
    let mut s = "binder-aidl --lang=rust".to_string();
    if options.structured {
        s.push_str(" --structured");
    }
    if options.stability_vintf {
        s.push_str(" --stability=vintf");
    }
    if options.version > 0 {
        s.push_str(&format!(" --version {}", options.version));
    }
    if !options.hash.is_empty() {
        s.push_str(&format!(" --hash {}", options.hash));
    }
    for inc in &options.includes {
        s.push_str(&format!(" -I{}", inc.display()));
    }
    s.push(' ');
    s.push_str(source);
    s
}

impl Compiled {
    /// Writes each file to `dir/<package path>/<Type>.rs` and returns the paths written.
    pub fn write_to(&self, dir: &Path) -> Result<Vec<PathBuf>, Error> {
        let mut written = Vec::new();
        for f in &self.files {
            let path = dir.join(&f.relative_path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| Error::Io(parent.display().to_string(), e))?;
            }
            write_if_changed(&path, &f.contents)?;
            written.push(path);
        }
        Ok(written)
    }

    /// The module tree (AOSP's `aidl_rust_glue.py`): `pub mod aidl { pub mod <package> {
    /// #[path = ...] pub mod <Type>; } }` and `pub mod mangled` re-exporting every file's
    /// aliases. Paths are `dir` joined with each file's relative path.
    pub fn module_tree(&self, dir: &Path) -> String {
        #[derive(Default)]
        struct Node {
            files: Vec<(String, PathBuf)>,
            children: std::collections::BTreeMap<String, Node>,
        }
        let mut root = Node::default();
        let mut mangled = Vec::new();
        for f in &self.files {
            let comps: Vec<String> = f
                .relative_path
                .iter()
                .map(|c| c.to_string_lossy().into_owned())
                .collect();
            let (file, dirs) = comps.split_last().expect("a file name");
            let mut node = &mut root;
            for d in dirs {
                node = node.children.entry(d.clone()).or_default();
            }
            let module = file.trim_end_matches(".rs").to_string();
            node.files
                .push((module.clone(), dir.join(&f.relative_path)));
            let mut path = vec!["super".to_string(), "aidl".to_string()];
            path.extend(dirs.iter().map(|d| module_ident(d)));
            path.push(module_ident(&module));
            mangled.push(format!("  pub use {}::mangled::*;\n", path.join("::")));
        }
        fn emit(node: &Node, indent: &str, out: &mut String) {
            for (module, path) in &node.files {
                out.push_str(&format!(
                    "{indent}#[path = {:?}]\n{indent}pub mod {};\n",
                    path.display().to_string(),
                    module_ident(module)
                ));
            }
            for (name, child) in &node.children {
                out.push_str(&format!("{indent}pub mod {} {{\n", module_ident(name)));
                emit(child, &format!("{indent}  "), out);
                out.push_str(&format!("{indent}}}\n"));
            }
        }
        let mut out = String::new();
        out.push_str("// Generated by binder-aidl. The module tree of the generated AIDL files;\n");
        out.push_str("// include it at the crate root so that `crate::mangled::...` resolves.\n");
        out.push_str("#[allow(non_snake_case, non_upper_case_globals, non_camel_case_types, missing_docs, dead_code, unused_imports, unused_mut, deprecated, unexpected_cfgs, clippy::all)]\n");
        out.push_str("pub mod aidl {\n");
        emit(&root, "  ", &mut out);
        out.push_str("}\n");
        out.push_str("#[allow(unused_imports)]\n");
        out.push_str("pub mod mangled {\n");
        for m in mangled {
            out.push_str(&m);
        }
        out.push_str("}\n");
        out
    }
}

const RUST_KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern", "false",
    "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
    "return", "static", "struct", "trait", "true", "type", "unsafe", "use", "where", "while",
    "abstract", "become", "box", "do", "final", "macro", "override", "priv", "try", "typeof",
    "unsized", "virtual", "yield",
];

fn module_ident(name: &str) -> String {
    if RUST_KEYWORDS.contains(&name) {
        format!("r#{name}")
    } else {
        name.to_string()
    }
}

/// Leaves an unchanged file alone, so that cargo and editors see no new modification time.
fn write_if_changed(path: &Path, contents: &str) -> Result<(), Error> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == contents) {
        return Ok(());
    }
    std::fs::write(path, contents).map_err(|e| Error::Io(path.display().to_string(), e))
}

/// Compiles `.aidl` files from a build script into `OUT_DIR` (or another directory).
#[derive(Debug, Clone)]
pub struct Builder {
    options: Options,
    output: Option<PathBuf>,
    module_file: String,
    /// Directories whose `.aidl` files are sources, expanded by [`Builder::generate`].
    source_dirs: Vec<PathBuf>,
}

impl Default for Builder {
    fn default() -> Self {
        Builder::new()
    }
}

/// What a [`Builder`] wrote.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The directory the files were written under.
    pub out_dir: PathBuf,
    /// The module tree to `include!` at the crate root.
    pub module_file: PathBuf,
    /// The generated `.rs` files.
    pub files: Vec<PathBuf>,
    /// Every `.aidl` file read, and every directory searched for sources (a file added to
    /// one changes the directory).
    pub inputs: Vec<PathBuf>,
}

impl Generated {
    /// Tells cargo to run the build script again when an `.aidl` file read changes (prints
    /// `cargo:rerun-if-changed=` lines on standard output, the build-script protocol).
    pub fn rerun_if_changed(&self) {
        let mut out = std::io::stdout().lock();
        for p in &self.inputs {
            // A closed standard output cannot be reported anywhere better than cargo's own
            // failure to read it.
            let _ = writeln!(out, "cargo:rerun-if-changed={}", p.display());
        }
    }
}

impl Builder {
    /// A builder with no sources, no include directory, output to `$OUT_DIR`, the module
    /// tree in `aidl.rs`, no versioning.
    pub fn new() -> Builder {
        Builder {
            options: Options::default(),
            output: None,
            module_file: "aidl.rs".to_string(),
            source_dirs: Vec::new(),
        }
    }
    /// Adds a directory searched for imported types (`-I`).
    pub fn include_dir(mut self, dir: impl Into<PathBuf>) -> Builder {
        self.options.includes.push(dir.into());
        self
    }
    /// Adds an `.aidl` file to generate code for.
    pub fn source(mut self, file: impl Into<PathBuf>) -> Builder {
        self.options.sources.push(file.into());
        self
    }
    /// Adds several `.aidl` files.
    pub fn sources<I: IntoIterator<Item = P>, P: Into<PathBuf>>(mut self, files: I) -> Builder {
        self.options
            .sources
            .extend(files.into_iter().map(Into::into));
        self
    }
    /// Adds every `.aidl` file under `dir`, in subdirectories too, in path order.
    pub fn sources_under(mut self, dir: impl Into<PathBuf>) -> Builder {
        self.source_dirs.push(dir.into());
        self
    }
    /// Where to write (default: `$OUT_DIR`).
    pub fn output(mut self, dir: impl Into<PathBuf>) -> Builder {
        self.output = Some(dir.into());
        self
    }
    /// The name of the module-tree file in the output directory (default `aidl.rs`).
    pub fn module_file(mut self, name: impl Into<String>) -> Builder {
        self.module_file = name.into();
        self
    }
    /// `--version N`.
    pub fn version(mut self, version: i32) -> Builder {
        self.options.version = version;
        self
    }
    /// `--hash H`.
    pub fn hash(mut self, hash: impl Into<String>) -> Builder {
        self.options.hash = hash.into();
        self
    }
    /// `--structured`.
    pub fn structured(mut self) -> Builder {
        self.options.structured = true;
        self
    }
    /// `--stability=vintf`.
    pub fn stability_vintf(mut self) -> Builder {
        self.options.stability_vintf = true;
        self
    }

    /// Compiles and writes the files and the module tree.
    pub fn generate(mut self) -> Result<Generated, Error> {
        let mut dirs = Vec::new();
        for dir in std::mem::take(&mut self.source_dirs) {
            let mut found = Vec::new();
            aidl_files_under(&dir, &mut dirs, &mut found)?;
            found.sort();
            self.options.sources.extend(found);
        }
        let out_dir = match self.output {
            Some(d) => d,
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or_else(|| {
                    Error::Usage("OUT_DIR is not set and no output directory was given".into())
                })?,
        };
        let compiled = compile(&self.options)?;
        std::fs::create_dir_all(&out_dir)
            .map_err(|e| Error::Io(out_dir.display().to_string(), e))?;
        // `#[path]` needs an absolute path: the module file is `include!`d from the crate.
        let abs = std::path::absolute(&out_dir)
            .map_err(|e| Error::Io(out_dir.display().to_string(), e))?;
        let files = compiled.write_to(&abs)?;
        let module_file = abs.join(&self.module_file);
        write_if_changed(&module_file, &compiled.module_tree(&abs))?;
        let mut inputs = compiled.inputs;
        inputs.extend(dirs);
        Ok(Generated {
            out_dir: abs,
            module_file,
            files,
            inputs,
        })
    }
}

/// Collects the `.aidl` files under `dir` into `files` and the directories searched into
/// `dirs`.
fn aidl_files_under(
    dir: &Path,
    dirs: &mut Vec<PathBuf>,
    files: &mut Vec<PathBuf>,
) -> Result<(), Error> {
    let io = |e| Error::Io(dir.display().to_string(), e);
    dirs.push(dir.to_path_buf());
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.is_dir() {
            aidl_files_under(&path, dirs, files)?;
        } else if path.extension().is_some_and(|e| e == "aidl") {
            files.push(path);
        }
    }
    Ok(())
}
