//! `binder-aidl`: AOSP `aidl`'s command line for the Rust backend.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Generates Rust for AOSP's `binder` crate from .aidl files, as `aidl --lang=rust` does.
#[derive(Parser, Debug)]
#[command(
    name = "binder-aidl",
    disable_version_flag = true,
    override_usage = "binder-aidl --lang=rust [-I DIR]... -o DIR [--version N] [--hash H] [--structured] [--stability=vintf] FILE..."
)]
struct Args {
    /// Output language; only `rust` is supported.
    #[arg(long = "lang", value_name = "LANG")]
    lang: String,
    /// Directory searched for imported types (DIR/<package path>/<Type>.aidl).
    #[arg(short = 'I', long = "include", value_name = "DIR")]
    include: Vec<PathBuf>,
    /// Output directory; files go to DIR/<package path>/<Type>.rs.
    #[arg(short = 'o', long = "out", value_name = "DIR")]
    out: PathBuf,
    /// Interface version: adds getInterfaceVersion() and VERSION.
    #[arg(long = "version", value_name = "N", default_value_t = 0)]
    version: i32,
    /// Interface hash: adds getInterfaceHash() and HASH.
    #[arg(long = "hash", value_name = "HASH", default_value = "")]
    hash: String,
    /// Refuse unstructured parcelables.
    #[arg(long = "structured")]
    structured: bool,
    /// Stability of every type; only `vintf` is meaningful.
    #[arg(long = "stability", value_name = "STABILITY")]
    stability: Option<String>,
    /// The .aidl files to compile.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if args.lang != "rust" {
        eprintln!(
            "ERROR: unsupported language '{}': binder-aidl generates --lang=rust only",
            args.lang
        );
        return ExitCode::from(2);
    }
    let stability_vintf = match args.stability.as_deref() {
        None => false,
        Some("vintf") => true,
        Some(other) => {
            eprintln!("ERROR: unsupported stability '{other}': only 'vintf' is supported");
            return ExitCode::from(2);
        }
    };
    if args.version < 0 {
        eprintln!("ERROR: --version must be positive: {}", args.version);
        return ExitCode::from(2);
    }
    let options = binder_aidl::Options {
        includes: args.include,
        sources: args.files,
        version: args.version,
        hash: args.hash,
        structured: args.structured,
        stability_vintf,
    };
    let compiled = match binder_aidl::compile(&options) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = compiled.write_to(&args.out) {
        eprintln!("{e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
