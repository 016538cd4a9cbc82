//! The binder-sim demo: a whole Binder system in one command, no root, no setup.
//!
//! ```sh
//! cargo run --release --example demo
//! ```
//!
//! This process runs binderd (in-process, on a temporary directory) and starts itself again in
//! roles, each its own process: a servicemanager, two services and clients. It walks through
//! what Binder gives a system — names through handle 0, calls, capabilities, identity, death
//! notification, fd passing, one-copy transfer — printing each step, and exits 0 with a
//! summary, or non-zero naming the step that failed. Every process it started is reaped and the
//! directory removed before it exits.

use std::io::{BufRead, BufReader, Read, Seek, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitCode, Stdio};
use std::sync::{mpsc, Condvar, Mutex};
use std::time::Duration;

// Generated code names the library `binder`, as AOSP crates call it.
extern crate libbinder as binder;

// The interfaces, generated from examples/aidl/ by build.rs; at the crate root, so that the
// generated files' `crate::mangled::...` paths resolve.
include!(concat!(env!("OUT_DIR"), "/aidl.rs"));

use aidl::binder::sim::demo::ICallback::{BnCallback, ICallback};
use aidl::binder::sim::demo::IDemo::{BnDemo, IDemo};
use aidl::binder::sim::demo::IStore::{BnStore, IStore};
use binder_sim::driver::daemon::{Config, Daemon};
use binder_sim::libbinder::{
    self, BinderFeatures, DeathRecipient, ExceptionCode, IBinder, Interface, ParcelFileDescriptor,
    ProcessState, Status, Strong, ThreadState,
};

const ROLE: &str = "BINDER_SIM_DEMO_ROLE";
const DEVICE: &str = "BINDER_SIM_DEMO_DEVICE";
/// The one uid the echo service tells its secret to.
const ALLOWED_UID: &str = "BINDER_SIM_DEMO_ALLOWED_UID";
/// How long any step may take.
const WAIT: Duration = Duration::from_secs(20);
const LARGE: usize = 900 * 1024;

fn pattern(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i % 251) as u8).collect()
}

fn main() -> ExitCode {
    match std::env::var(ROLE) {
        Ok(role) => child(&role),
        Err(_) => match orchestrate() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("\ndemo FAILED: {e}");
                ExitCode::FAILURE
            }
        },
    }
}

// ---------------------------------------------------------------------------------------------
// The orchestrator
// ---------------------------------------------------------------------------------------------

/// A role of this program in its own process; killed and reaped on drop.
struct Proc {
    name: &'static str,
    child: Child,
    stdin: ChildStdin,
    lines: mpsc::Receiver<String>,
}

impl Proc {
    fn spawn(
        name: &'static str,
        role: &str,
        device: &Path,
        env: &[(&str, String)],
    ) -> Result<Proc, String> {
        let mut cmd = Command::new(std::env::current_exe().map_err(|e| e.to_string())?);
        cmd.env(ROLE, role)
            .env(DEVICE, device)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd
            .spawn()
            .map_err(|e| format!("cannot start {name}: {e}"))?;
        let stdout = child.stdout.take().expect("piped");
        let stdin = child.stdin.take().expect("piped");
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Ok(Proc {
            name,
            child,
            stdin,
            lines,
        })
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The next line the process says, shown indented under its name.
    fn hear(&mut self) -> Result<String, String> {
        let line = self
            .lines
            .recv_timeout(WAIT)
            .map_err(|_| format!("{} (pid {}) stopped answering", self.name, self.pid()))?;
        if let Some(err) = line.strip_prefix("error: ") {
            return Err(format!("{} (pid {}): {err}", self.name, self.pid()));
        }
        println!("    {} [{}] {line}", self.name, self.pid());
        Ok(line)
    }

    /// Hears lines until one contains `what`.
    fn expect(&mut self, what: &str) -> Result<String, String> {
        loop {
            let line = self.hear()?;
            if line.contains(what) {
                return Ok(line);
            }
        }
    }

    fn say(&mut self, line: &str) -> Result<(), String> {
        writeln!(self.stdin, "{line}")
            .and_then(|_| self.stdin.flush())
            .map_err(|e| format!("{} is gone: {e}", self.name))
    }

    fn kill9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        self.kill9();
    }
}

/// The demo's directory, removed at the end.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn step(n: u32, title: &str) {
    println!("\n[{n}] {title}");
}

fn orchestrate() -> Result<(), String> {
    println!("binder-sim demo: a Binder system of six processes, no kernel module.");
    let dir = TempDir(std::env::temp_dir().join(format!("binder-sim-demo-{}", std::process::id())));
    std::fs::create_dir_all(&dir.0)
        .map_err(|e| format!("cannot create {}: {e}", dir.0.display()))?;
    let mut config = Config::new(&dir.0);
    config.devices = vec!["binder".into()];
    config.workers = 2;
    // Declared after `dir`, dropped before it: the daemon goes before its directory.
    let daemon = Daemon::start(config).map_err(|e| format!("binderd did not start: {e}"))?;
    let device = dir.0.join("binder");
    let mut done = Vec::new();

    step(1, "binderd and the service manager");
    println!(
        "    binderd serves {} (in this process, pid {})",
        device.display(),
        std::process::id()
    );
    let mut sm = Proc::spawn("servicemanager", "servicemanager", &device, &[])?;
    sm.expect("context manager")?;
    done.push("binderd and servicemanager started; the manager is handle 0");

    step(2, "two services register with the service manager");
    // The echo service tells its secret to one uid only: not ours.
    // SAFETY: getuid cannot fail.
    let our_uid = unsafe { libc::getuid() };
    let allowed = our_uid.wrapping_add(1).to_string();
    let mut echo = Proc::spawn("echo-service", "echo", &device, &[(ALLOWED_UID, allowed)])?;
    echo.expect("registered")?;
    let mut store = Proc::spawn("store-service", "store", &device, &[])?;
    store.expect("registered")?;
    let mut client = Proc::spawn("client", "client", &device, &[])?;
    client.expect("found")?;
    done.push("a service registered and found through handle 0");

    step(3, "a synchronous call and oneway calls");
    client.say("calls")?;
    client.expect("oneway")?;
    done.push("a synchronous call and three ordered oneway calls");

    step(4, "a callback object passed to the service and called back");
    client.say("callback")?;
    client.expect("callback")?;
    done.push("a capability (callback object) passed and called back in a nested call");

    step(5, "the caller's identity, from the driver");
    client.say("identity")?;
    client.expect("identity")?;
    client.expect("refused")?;
    done.push("the service read its caller's pid/uid from the driver and refused a uid");

    step(
        6,
        "an fd (a memfd of shared data) passed to another process",
    );
    client.say("memfd")?;
    client.expect("memfd")?;
    done.push("a memfd passed to another process and read there");

    step(7, "a large payload, copied once");
    let before = daemon.copy_stats("binder").unwrap_or_default();
    client.say("large")?;
    client.expect("large")?;
    let after = daemon.copy_stats("binder").unwrap_or_default();
    let copied =
        (after.one_copy_bytes + after.inline_bytes) - (before.one_copy_bytes + before.inline_bytes);
    let ratio = copied as f64 / LARGE as f64;
    println!(
        "    binderd copied {copied} bytes for a {LARGE}-byte payload and its reply: {ratio:.3} \
         bytes per payload byte ({} inline)",
        after.inline_bytes - before.inline_bytes
    );
    if !(1.0..1.01).contains(&ratio) {
        return Err(format!(
            "expected one copy per payload byte, saw {ratio:.3}"
        ));
    }
    done.push("a 900 KiB payload crossed with one copy per byte");

    step(8, "a service killed with SIGKILL; death recipients fire");
    let mut watcher = Proc::spawn("watcher", "watcher", &device, &[])?;
    watcher.expect("watching")?;
    client.say("watch")?;
    client.expect("watching")?;
    println!("    kill -9 {} (echo-service)", echo.pid());
    echo.kill9();
    watcher.expect("died")?;
    client.expect("died")?;
    client.say("check")?;
    client.expect("gone")?;
    done.push("SIGKILL of a service: both clients' death recipients fired, its name was removed");

    drop((client, watcher, store, echo, sm));
    println!("\nSummary:");
    for d in &done {
        println!("  ✓ {d}");
    }
    println!("All {} steps passed.", done.len());
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The roles
// ---------------------------------------------------------------------------------------------

/// A line for the orchestrator.
fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

/// The orchestrator's next command; exits when it is gone.
fn hear() -> String {
    let mut l = String::new();
    match std::io::stdin().read_line(&mut l) {
        Ok(0) | Err(_) => std::process::exit(0),
        Ok(_) => l.trim_end().to_string(),
    }
}

fn child(role: &str) -> ExitCode {
    let device = PathBuf::from(std::env::var_os(DEVICE).unwrap_or_default());
    let result = match role {
        "servicemanager" => run_servicemanager(&device),
        "echo" => run_echo(&device),
        "store" => run_store(&device),
        "client" => run_client(&device),
        "watcher" => run_watcher(&device),
        other => Err(format!("unknown role {other}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            say(&format!("error: {e}"));
            ExitCode::FAILURE
        }
    }
}

fn run_servicemanager(device: &Path) -> Result<(), String> {
    let access = binder_sim::servicemanager::Access::permissive();
    match binder_sim::servicemanager::serve(device, access, || {
        say("is the context manager (handle 0), serving android.os.IServiceManager")
    }) {
        Ok(never) => match never {},
        Err(e) => Err(e),
    }
}

/// Starts a process's Binder state with a thread pool, and ends it when the orchestrator goes.
fn init(device: &Path) -> Result<(), String> {
    ProcessState::init(device, 4).map_err(|e| e.to_string())?;
    ProcessState::start_thread_pool().map_err(|e| e.to_string())?;
    Ok(())
}

fn serve_forever(name: &str, binder: libbinder::SpIBinder) -> Result<(), String> {
    libbinder::add_service(name, binder).map_err(|e| format!("addService: {e}"))?;
    say(&format!("registered {name:?}"));
    // Served by the pool; the orchestrator's end (stdin EOF) ends the process.
    loop {
        hear();
    }
}

struct Echo {
    notes: Mutex<Vec<i32>>,
    noted: Condvar,
    allowed_uid: u32,
}

impl Interface for Echo {}

impl IDemo for Echo {
    fn echo(&self, s: &str) -> libbinder::Result<String> {
        Ok(format!("echo: {s}"))
    }
    fn note(&self, v: i32) -> libbinder::Result<()> {
        self.notes.lock().unwrap().push(v);
        self.noted.notify_all();
        Ok(())
    }
    fn notes_after(&self, want: i32) -> libbinder::Result<String> {
        let want = usize::try_from(want).unwrap_or(0);
        let notes = self.notes.lock().unwrap();
        let (notes, _) = self
            .noted
            .wait_timeout_while(notes, WAIT, |n| n.len() < want)
            .unwrap();
        Ok(format!("{:?}", *notes))
    }
    fn call_back(&self, cb: &Strong<dyn ICallback>, v: i32) -> libbinder::Result<i32> {
        Ok(cb.on_value(v)? + 1)
    }
    fn caller_pid(&self) -> libbinder::Result<i32> {
        Ok(ThreadState::get_calling_pid())
    }
    fn caller_uid(&self) -> libbinder::Result<i32> {
        Ok(ThreadState::get_calling_uid() as i32)
    }
    fn secret(&self) -> libbinder::Result<String> {
        let uid = ThreadState::get_calling_uid();
        if uid != self.allowed_uid {
            let why = format!(
                "uid {uid} may not read the secret (only uid {})",
                self.allowed_uid
            );
            return Err(Status::new_exception_str(
                ExceptionCode::SECURITY,
                Some(&why),
            ));
        }
        Ok("the secret".into())
    }
}

fn run_echo(device: &Path) -> Result<(), String> {
    init(device)?;
    let allowed_uid = std::env::var(ALLOWED_UID)
        .ok()
        .and_then(|u| u.parse().ok())
        .ok_or("no allowed uid given")?;
    let echo = BnDemo::new_binder(
        Echo {
            notes: Mutex::new(Vec::new()),
            noted: Condvar::new(),
            allowed_uid,
        },
        BinderFeatures::default(),
    );
    serve_forever("demo.echo", echo.as_binder())
}

struct Store;

impl Interface for Store {}

impl IStore for Store {
    fn read_shared(&self, fd: &ParcelFileDescriptor) -> libbinder::Result<String> {
        let own = fd.try_clone().map_err(|_| {
            Status::new_exception_str(ExceptionCode::ILLEGAL_STATE, Some("unreadable fd"))
        })?;
        let mut file = std::fs::File::from(OwnedFd::from(own));
        let mut text = String::new();
        file.rewind()
            .and_then(|_| file.read_to_string(&mut text))
            .map_err(|_| {
                Status::new_exception_str(ExceptionCode::ILLEGAL_STATE, Some("unreadable fd"))
            })?;
        Ok(format!("{text:?} (read by pid {})", std::process::id()))
    }
    fn put(&self, data: &[u8]) -> libbinder::Result<i64> {
        if data != pattern(data.len()) {
            return Err(Status::new_exception_str(
                ExceptionCode::ILLEGAL_ARGUMENT,
                Some("corrupted"),
            ));
        }
        Ok(data.len() as i64)
    }
}

fn run_store(device: &Path) -> Result<(), String> {
    init(device)?;
    serve_forever(
        "demo.store",
        BnStore::new_binder(Store, BinderFeatures::default()).as_binder(),
    )
}

/// The client's callback: doubles the value, telling which process runs it.
struct Doubler;

impl Interface for Doubler {}

impl ICallback for Doubler {
    fn on_value(&self, v: i32) -> libbinder::Result<i32> {
        say(&format!(
            "  on_value({v}) called back in pid {} by pid {}",
            std::process::id(),
            ThreadState::get_calling_pid()
        ));
        Ok(v * 2)
    }
}

/// Links a death recipient to `service` that says `died` when it fires.
fn watch(service: &libbinder::SpIBinder, who: &'static str) -> Result<DeathRecipient, String> {
    let mut recipient =
        DeathRecipient::new(move || say(&format!("died: {who} reported dead by the driver")));
    service
        .clone()
        .link_to_death(&mut recipient)
        .map_err(|e| format!("linkToDeath: {e}"))?;
    Ok(recipient)
}

fn run_client(device: &Path) -> Result<(), String> {
    init(device)?;
    let e = |what: &'static str| move |err: Status| format!("{what}: {err}");
    let echo: Strong<dyn IDemo> = libbinder::get_interface("demo.echo")
        .map_err(|s| format!("getService demo.echo: {s:?}"))?;
    let store: Strong<dyn IStore> = libbinder::get_interface("demo.store")
        .map_err(|s| format!("getService demo.store: {s:?}"))?;
    say(&format!(
        "found \"demo.echo\" and \"demo.store\" through handle 0 ({})",
        echo.as_binder()
            .get_interface_descriptor()
            .unwrap_or_default()
    ));
    let mut recipient = None;
    loop {
        match hear().as_str() {
            "calls" => {
                say(&format!(
                    "sync call: echo(\"hello\") = {:?}",
                    echo.echo("hello").map_err(e("echo"))?
                ));
                for v in 1..=3 {
                    echo.note(v).map_err(e("note"))?;
                }
                let notes = echo.notes_after(3).map_err(e("notes_after"))?;
                if notes != "[1, 2, 3]" {
                    return Err(format!("oneway calls arrived as {notes:?}"));
                }
                say(&format!(
                    "oneway: note(1), note(2), note(3) returned at once; the service saw {notes}"
                ));
            }
            "callback" => {
                let cb = BnCallback::new_binder(Doubler, BinderFeatures::default());
                let r = echo.call_back(&cb, 20).map_err(e("call_back"))?;
                if r != 41 {
                    return Err(format!("call_back(20) returned {r}, not 41"));
                }
                say(&format!("callback: call_back(cb, 20) = {r} (the service called cb.on_value(20) = 40, added 1)"));
            }
            "identity" => {
                let who = [
                    echo.caller_pid().map_err(e("caller_pid"))?,
                    echo.caller_uid().map_err(e("caller_uid"))?,
                ];
                // SAFETY: getuid cannot fail.
                let (pid, uid) = (std::process::id() as i32, unsafe { libc::getuid() } as i32);
                if who != [pid, uid] {
                    return Err(format!(
                        "the service saw {who:?}, we are pid {pid} uid {uid}"
                    ));
                }
                say(&format!(
                    "identity: the service saw pid {} uid {} (ours, from the driver)",
                    who[0], who[1]
                ));
                match echo.secret() {
                    Err(s) if s.exception_code() == ExceptionCode::SECURITY => {
                        say(&format!("refused: secret() -> {s}"))
                    }
                    other => return Err(format!("secret() was not refused: {other:?}")),
                }
            }
            "memfd" => {
                // SAFETY: a plain system call with a valid NUL-terminated name.
                let fd = unsafe { libc::memfd_create(c"demo-shared".as_ptr(), libc::MFD_CLOEXEC) };
                if fd < 0 {
                    return Err(format!("memfd_create: {}", std::io::Error::last_os_error()));
                }
                // SAFETY: memfd_create just returned this descriptor to us.
                let mut file = std::fs::File::from(unsafe { OwnedFd::from_raw_fd(fd) });
                file.write_all(b"shared through a memfd")
                    .map_err(|e| e.to_string())?;
                let raw = file.as_raw_fd();
                let seen = store
                    .read_shared(&ParcelFileDescriptor::new(file))
                    .map_err(e("read_shared"))?;
                say(&format!("memfd: sent our fd {raw}; the store read {seen}"));
            }
            "large" => {
                let n = store.put(&pattern(LARGE)).map_err(e("put"))?;
                if n != LARGE as i64 {
                    return Err(format!("the store received {n} bytes of {LARGE}"));
                }
                say(&format!(
                    "large: put({LARGE} bytes) arrived intact ({n} bytes checked)"
                ));
            }
            "watch" => {
                recipient = Some(watch(&echo.as_binder(), "demo.echo")?);
                say("watching demo.echo");
            }
            "check" => match libbinder::check_service("demo.echo") {
                None => say("gone: the service manager removed \"demo.echo\""),
                Some(_) => return Err("demo.echo is still registered".into()),
            },
            _ => {
                drop(recipient);
                return Ok(());
            }
        }
    }
}

fn run_watcher(device: &Path) -> Result<(), String> {
    init(device)?;
    let echo = libbinder::get_service("demo.echo").ok_or("demo.echo not found")?;
    let _recipient = watch(&echo, "demo.echo")?;
    say("watching demo.echo");
    loop {
        hear();
    }
}
