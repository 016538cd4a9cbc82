//! `binder-run [--dir DIR] PROGRAM [ARGS...]`: runs a Binder program, unmodified, on
//! binder-sim.
//!
//! The program runs with the `/dev/binder` shim (`libbinder_sim_preload.so`) preloaded and
//! pointed at the binderd serving `DIR` (`--dir`, else `$BINDER_SIM_DIR`, else binderd's
//! default). If none serves it, binder-run serves it itself for as long as the program runs.
//! Exits with the program's status (128 + N for a program killed by signal N).

use std::ffi::OsString;
use std::io::Read;
use std::os::unix::fs::MetadataExt;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use binder_driver::daemon::{Config, Daemon};
use binder_driver::device::Device;

const SHIM: &str = "libbinder_sim_preload.so";

/// Runs a Binder program, unmodified, on binder-sim: with the /dev/binder shim preloaded,
/// against the binderd serving DIR (started here, for the program's lifetime, if none does).
#[derive(clap::Parser)]
#[command(name = "binder-run", version)]
struct Args {
    /// binderd's directory [default: $BINDER_SIM_DIR, else $XDG_RUNTIME_DIR/binder-sim, else
    /// /tmp/binder-sim-$UID]
    #[arg(long)]
    dir: Option<PathBuf>,
    /// The program, then its arguments (options included)
    #[arg(required = true, trailing_var_arg = true, value_name = "PROGRAM")]
    command: Vec<OsString>,
}

fn main() -> ExitCode {
    binder_driver::log_to_stderr("warn");
    let args = <Args as clap::Parser>::parse();
    match run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("binder-run: {e}");
            ExitCode::from(127)
        }
    }
}

fn run(Args { dir, command }: Args) -> Result<ExitCode, String> {
    let mut command = command.into_iter();
    let program = command.next().expect("clap requires a program");
    let args = command;
    let dir = dir.unwrap_or_else(Config::default_dir);
    // The program may change directory: it gets the directory as an absolute path.
    let dir = std::path::absolute(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let shim = shim()?;
    let path = resolve(&program)?;
    check_loadable(&path)?;
    let _daemon = serve(&dir)?;
    let mut preload = OsString::from(&shim);
    if let Some(old) = std::env::var_os("LD_PRELOAD").filter(|p| !p.is_empty()) {
        preload.push(":");
        preload.push(old);
    }
    let status = Command::new(&program)
        .args(args)
        .env("LD_PRELOAD", preload)
        .env("BINDER_SIM_DIR", &dir)
        .status()
        .map_err(|e| format!("cannot run {}: {e}", path.display()))?;
    Ok(match (status.code(), status.signal()) {
        (Some(c), _) => ExitCode::from(c as u8),
        (None, Some(s)) => ExitCode::from(128u8.wrapping_add(s as u8)),
        _ => ExitCode::FAILURE,
    })
}

/// The shim: `$BINDER_SIM_PRELOAD`, else beside this program, where `cargo build` puts both
/// (or in `deps/` there, where `cargo run` and `cargo test` leave it: the newer of the two).
fn shim() -> Result<PathBuf, String> {
    let path = match std::env::var_os("BINDER_SIM_PRELOAD").filter(|p| !p.is_empty()) {
        Some(p) => PathBuf::from(p),
        None => {
            let me = std::env::current_exe().map_err(|e| format!("cannot find myself: {e}"))?;
            let beside = me.with_file_name(SHIM);
            let built = |p: &Path| p.metadata().and_then(|m| m.modified()).ok();
            let deps = me.with_file_name("deps").join(SHIM);
            match (built(&beside), built(&deps)) {
                (Some(a), Some(b)) if b > a => deps,
                (None, Some(_)) => deps,
                _ => beside,
            }
        }
    };
    if !path.is_file() {
        return Err(format!(
            "the shim {} is missing (cargo build -p binder-sim-preload builds it; \
             BINDER_SIM_PRELOAD names another)",
            path.display()
        ));
    }
    // The loader resolves a relative LD_PRELOAD against the program's directory.
    std::path::absolute(&path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The file `program` names, searched in `$PATH` as the shell would.
fn resolve(program: &OsString) -> Result<PathBuf, String> {
    let p = Path::new(program);
    if p.components().count() > 1 {
        return Ok(p.to_owned());
    }
    std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|d| d.join(p))
        .find(|c| {
            c.metadata()
                .is_ok_and(|m| m.is_file() && m.mode() & 0o111 != 0)
        })
        .ok_or_else(|| format!("{}: command not found", p.display()))
}

/// Refuses, with the reason, a program the loader would run without the shim: a setuid or
/// setgid one (the loader ignores `LD_PRELOAD` for it) or a statically linked one (no loader
/// at all). Scripts are left to their interpreter.
fn check_loadable(path: &Path) -> Result<(), String> {
    let meta = path
        .metadata()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    if meta.mode() & (libc::S_ISUID | libc::S_ISGID) != 0 {
        return Err(format!(
            "{} is setuid or setgid: the loader ignores LD_PRELOAD for it, so it cannot use \
             binder-sim",
            path.display()
        ));
    }
    let mut head = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(64 * 1024).read_to_end(&mut head))
        .map_err(|e| format!("{}: {e}", path.display()))?;
    if head.starts_with(b"\x7fELF") && !has_interpreter(&head) {
        return Err(format!(
            "{} is statically linked: there is no loader to preload the shim, so it cannot \
             use binder-sim",
            path.display()
        ));
    }
    Ok(())
}

/// Whether a 64-bit little-endian ELF file has a `PT_INTERP` program header (it is run by
/// a dynamic loader). Other ELF classes are given the benefit of the doubt.
fn has_interpreter(elf: &[u8]) -> bool {
    const PT_INTERP: u32 = 3;
    let u16_at = |o: usize| elf.get(o..o + 2).map(|b| u16::from_le_bytes([b[0], b[1]]));
    let u32_at = |o: usize| {
        elf.get(o..o + 4)
            .map(|b| u32::from_le_bytes(b.try_into().unwrap()))
    };
    let u64_at = |o: usize| {
        elf.get(o..o + 8)
            .map(|b| u64::from_le_bytes(b.try_into().unwrap()))
    };
    if elf.get(4) != Some(&2) || elf.get(5) != Some(&1) {
        return true;
    }
    let (Some(phoff), Some(phentsize), Some(phnum)) = (u64_at(0x20), u16_at(0x36), u16_at(0x38))
    else {
        return true;
    };
    (0..phnum as usize).any(|i| {
        let at = phoff as usize + i * phentsize as usize;
        // Headers beyond what was read: assume a loader rather than refuse wrongly.
        u32_at(at).is_none_or(|t| t == PT_INTERP)
    })
}

/// A binderd for `dir`: `None` when one already serves it, else one in this process.
fn serve(dir: &Path) -> Result<Option<Daemon>, String> {
    if Device::open(dir.join("binder")).is_ok() {
        return Ok(None);
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Daemon::start(Config::new(dir))
        .map(Some)
        .map_err(|e| format!("cannot serve {}: {e}", dir.display()))
}
