//! `dumpsys`: dumps services through the dump-to-a-pipe protocol (AOSP `cmds/dumpsys`).
//!
//! ```text
//! dumpsys [-l] [-t SECONDS] [SERVICE [ARGS...]]
//! ```
//!
//! `-l` lists the services; with no SERVICE every service is dumped under a header; each dump
//! is given SECONDS (default 10) before it is abandoned. The device is `$BINDER_DEVICE`, else
//! binderd's default.

use libbinder::binder_impl::IBinderInternal;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use libbinder::service_manager::{self, DUMP_FLAG_PRIORITY_ALL};
use libbinder::{ProcessState, SpIBinder};

const SEPARATOR: &str =
    "-------------------------------------------------------------------------------";

fn usage() -> ExitCode {
    eprintln!("usage: dumpsys [-l] [-t SECONDS] [SERVICE [ARGS...]]");
    ExitCode::from(255)
}

fn main() -> ExitCode {
    // Only what RUST_LOG asks for: their output is AOSP's, to the letter.
    binder_driver::log_to_stderr("off");
    let mut args = std::env::args().skip(1).peekable();
    let mut list_only = false;
    let mut timeout = Duration::from_secs(10);
    while let Some(a) = args.peek() {
        match a.as_str() {
            "-l" => list_only = true,
            "-t" => {
                args.next();
                match args.peek().and_then(|s| s.parse::<u64>().ok()) {
                    Some(s) => timeout = Duration::from_secs(s),
                    None => return usage(),
                }
            }
            "-h" | "--help" => return usage(),
            _ => break,
        }
        args.next();
    }
    let service: Option<String> = args.next();
    let service_args: Vec<String> = args.collect();
    if let Err(e) = ProcessState::init_default() {
        eprintln!("dumpsys: {e}");
        return ExitCode::from(255);
    }
    // The dump runs on a binder thread of ours only if the service is in this process; a
    // pool also serves anything the service calls back.
    if let Err(e) = ProcessState::start_thread_pool() {
        eprintln!("dumpsys: {e}");
    }
    let names = match &service {
        Some(name) => vec![name.clone()],
        None => match service_manager::list_services(DUMP_FLAG_PRIORITY_ALL) {
            Ok(n) => n,
            Err(e) => {
                eprintln!("dumpsys: Failed to list services: {e}");
                return ExitCode::from(255);
            }
        },
    };
    if service.is_none() || list_only {
        println!("Currently running services:");
        for n in &names {
            println!("  {n}");
        }
        if list_only {
            return ExitCode::SUCCESS;
        }
    }
    let headers = service.is_none();
    let mut out = std::io::stdout().lock();
    for name in &names {
        let Some(binder) = service_manager::check_service(name) else {
            eprintln!("Can't find service: {name}");
            continue;
        };
        if headers {
            let _ = writeln!(out, "{SEPARATOR}\nDUMP OF SERVICE {name}:");
        }
        let start = Instant::now();
        let finished = dump(&binder, &service_args, timeout, &mut out);
        match finished {
            Ok(true) => {}
            Ok(false) => {
                let _ = writeln!(
                    out,
                    "\n*** SERVICE '{name}' DUMP TIMEOUT ({}ms) EXPIRED ***\n",
                    timeout.as_millis()
                );
            }
            Err(e) => {
                let _ = writeln!(out, "Error dumping service info: ({e}) {name}");
            }
        }
        if headers {
            let _ = writeln!(
                out,
                "--------- {:.3}s was the duration of dumpsys {name}",
                start.elapsed().as_secs_f64()
            );
        }
    }
    let _ = out.flush();
    ExitCode::SUCCESS
}

/// Runs `binder.dump(pipe, args)` on a thread and copies the pipe to `out` until the service
/// closes it (true) or `timeout` runs out (false).
fn dump(
    binder: &SpIBinder,
    args: &[String],
    timeout: Duration,
    out: &mut impl Write,
) -> Result<bool, String> {
    let mut fds = [0i32; 2];
    // SAFETY: fds is a valid array of two ints.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(std::io::Error::last_os_error().to_string());
    }
    // SAFETY: pipe2 just created both descriptors for us.
    let (read_end, write_end) =
        unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    let (mut b, a) = (binder.clone(), args.to_vec());
    let worker = std::thread::spawn(move || {
        let refs: Vec<&str> = a.iter().map(String::as_str).collect();
        let r = IBinderInternal::dump(&mut b, &write_end, &refs);
        drop(write_end);
        r
    });
    let deadline = Instant::now() + timeout;
    let mut file = std::fs::File::from(read_end);
    let mut buf = [0u8; 4096];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let mut pfd = libc::pollfd {
            fd: file.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        let ms = i32::try_from(left.as_millis()).unwrap_or(i32::MAX);
        // SAFETY: pfd is a valid pollfd for the call.
        let r = unsafe { libc::poll(&mut pfd, 1, ms) };
        if r == 0 {
            // The worker stays blocked in the call; the process exits without it.
            return Ok(false);
        }
        if r < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e.to_string());
        }
        match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => out.write_all(&buf[..n]).map_err(|e| e.to_string())?,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.to_string()),
        }
    }
    match worker.join() {
        Ok(Ok(())) => Ok(true),
        Ok(Err(e)) => Err(format!("{e}")),
        Err(_) => Err("the dump thread panicked".into()),
    }
}
