//! `service`: AOSP's command-line client of the service manager (`cmds/service`).
//!
//! ```text
//! service list
//! service check NAME
//! service call NAME CODE [i32 N | i64 N | f N | d N | s16 STR | null | fd PATH]...
//! ```
//!
//! The device is `$BINDER_DEVICE`, else binderd's default.

use libbinder::binder_impl::IBinderInternal;
use std::process::ExitCode;

use libbinder::binder_impl::Parcel;
use libbinder::service_manager::{self, DUMP_FLAG_PRIORITY_ALL};
use libbinder::ProcessState;

fn usage() -> ExitCode {
    eprintln!(
        "usage: service [-h|-?]\n       service list\n       service check SERVICE\n       \
         service call SERVICE CODE [i32 N | i64 N | f N | d N | s16 STR | null | fd PATH] ..."
    );
    ExitCode::from(10)
}

fn main() -> ExitCode {
    // Only what RUST_LOG asks for: their output is AOSP's, to the letter.
    binder_driver::log_to_stderr("off");
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || matches!(args[0].as_str(), "-h" | "-?" | "--help") {
        return usage();
    }
    if let Err(e) = ProcessState::init_default() {
        eprintln!("service: {e}");
        return ExitCode::from(20);
    }
    match args[0].as_str() {
        "list" => list(),
        "check" if args.len() == 2 => {
            let found = service_manager::check_service(&args[1]).is_some();
            let what = if found { "found" } else { "not found" };
            println!("Service {}: {what}", args[1]);
            ExitCode::SUCCESS
        }
        "call" if args.len() >= 3 => call(&args[1], &args[2], &args[3..]),
        _ => usage(),
    }
}

fn list() -> ExitCode {
    let names = match service_manager::list_services(DUMP_FLAG_PRIORITY_ALL) {
        Ok(n) => n,
        Err(e) => {
            eprintln!("service: listServices failed: {e}");
            return ExitCode::from(20);
        }
    };
    println!("Found {} services:", names.len());
    for (i, name) in names.iter().enumerate() {
        let descriptor = service_manager::check_service(name)
            .and_then(|b| b.get_interface_descriptor().ok())
            .unwrap_or_default();
        println!("{i}\t{name}: [{descriptor}]");
    }
    ExitCode::SUCCESS
}

fn call(name: &str, code: &str, args: &[String]) -> ExitCode {
    let Some(service) = service_manager::check_service(name) else {
        eprintln!("service: Service {name} does not exist");
        return ExitCode::from(10);
    };
    let Ok(code) = code.parse::<u32>() else {
        eprintln!("service: invalid code {code}");
        return ExitCode::from(10);
    };
    let descriptor = service.get_interface_descriptor().unwrap_or_default();
    let mut data = Parcel::new();
    if let Err(e) = data.write_interface_token(&descriptor) {
        eprintln!("service: {e}");
        return ExitCode::from(20);
    }
    let mut rest = args.iter();
    while let Some(kind) = rest.next() {
        if let Err(message) = write_argument(&mut data, kind, &mut rest) {
            eprintln!("service: {message}");
            return ExitCode::from(10);
        }
    }
    match service.submit_transact(code, data, 0) {
        Ok(reply) => {
            println!("Result: {reply}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("service: transaction failed: {e}");
            ExitCode::from(20)
        }
    }
}

/// Writes one `TYPE VALUE` argument (`null` has no value).
fn write_argument<'a>(
    data: &mut Parcel,
    kind: &str,
    rest: &mut impl Iterator<Item = &'a String>,
) -> Result<(), String> {
    let mut value = || rest.next().ok_or_else(|| format!("no value after {kind}"));
    let bad = |v: &str| format!("invalid {kind} value {v}");
    let written = match kind {
        "i32" => {
            let v = value()?;
            data.write_i32(v.parse().map_err(|_| bad(v))?)
        }
        "i64" => {
            let v = value()?;
            data.write_i64(v.parse().map_err(|_| bad(v))?)
        }
        "f" => {
            let v = value()?;
            data.write_f32(v.parse().map_err(|_| bad(v))?)
        }
        "d" => {
            let v = value()?;
            data.write_f64(v.parse().map_err(|_| bad(v))?)
        }
        "s16" => data.write_string16(value()?),
        "null" => data.write_nullable_strong_binder(None),
        "fd" => {
            let path = value()?;
            let file = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open(path)
                .or_else(|_| std::fs::File::open(path))
                .map_err(|e| format!("cannot open {path}: {e}"))?;
            data.write_file_descriptor(file.into())
        }
        other => return Err(format!("unknown option {other}")),
    };
    written.map_err(|e| format!("cannot write {kind}: {e}"))
}
