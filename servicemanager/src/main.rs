//! `servicemanager [DEVICE] [--policy FILE]`: the context manager of a binder-sim device.
//!
//! See [`servicemanager::serve`].

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use libbinder::ProcessState;
use servicemanager::Access;

/// The context manager of a binder-sim device: android.os.IServiceManager at handle 0.
#[derive(Parser)]
#[command(name = "servicemanager", version)]
struct Args {
    /// The device [default: $BINDER_DEVICE, else `binder` in binderd's directory]
    device: Option<PathBuf>,
    /// Who may add and find which services (see the README); everything is allowed without
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,
}

fn main() -> ExitCode {
    let Args { device, policy } = Args::parse();
    binder_driver::log_to_stderr("info");
    let device = device.unwrap_or_else(ProcessState::default_device);
    let access = match policy {
        None => Access::permissive(),
        Some(p) => match Access::load(&p) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("servicemanager: {e}");
                return ExitCode::FAILURE;
            }
        },
    };
    match servicemanager::serve(&device, access, || {}) {
        Ok(never) => match never {},
        Err(e) => {
            eprintln!("servicemanager: {e}");
            ExitCode::FAILURE
        }
    }
}
