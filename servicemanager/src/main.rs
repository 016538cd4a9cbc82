//! `servicemanager [DEVICE] [--policy FILE]`: the context manager of a binder-sim device.
//!
//! See [`servicemanager::serve`].

use std::path::PathBuf;
use std::process::ExitCode;

use libbinder::ProcessState;
use servicemanager::Access;

fn usage() -> ExitCode {
    eprintln!("usage: servicemanager [DEVICE] [--policy FILE]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    let mut device = None;
    let mut policy = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--policy" => match args.next() {
                Some(p) => policy = Some(PathBuf::from(p)),
                None => return usage(),
            },
            "-h" | "--help" => return usage(),
            _ if device.is_none() && !a.starts_with('-') => device = Some(PathBuf::from(a)),
            _ => return usage(),
        }
    }
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
