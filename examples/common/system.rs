// What the one-concept examples share: a Binder system to run on.
//
// If no binderd serves the device (`$BINDER_DEVICE`, else `binder` in binderd's default
// directory, `$BINDER_SIM_DIR` first), one is started in this process; if the device has no
// context manager, a servicemanager is started as a child process (this program again, in a
// role). Both end with this program, so the examples also work against a binderd and a
// servicemanager the user started.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use binder_sim::driver::daemon::{Config, Daemon};
use binder_sim::driver::device::Device;
use binder_sim::libbinder::{self, ProcessState, SpIBinder};

/// Names the role a re-run of the example plays.
pub const ROLE: &str = "BINDER_SIM_EXAMPLE_ROLE";

/// What this example started; stopped on drop.
pub struct System {
    servicemanager: Option<Child>,
    pub daemon: Option<Daemon>,
}

impl Drop for System {
    fn drop(&mut self) {
        if let Some(mut sm) = self.servicemanager.take() {
            let _ = sm.kill();
            let _ = sm.wait();
        }
    }
}

/// The role this process was started in, if any. A `servicemanager` role runs here and never
/// returns.
pub fn role() -> Option<String> {
    let role = std::env::var(ROLE).ok()?;
    if role == "servicemanager" {
        exit_with_parent();
        let device = ProcessState::default_device();
        let access = binder_sim::servicemanager::Access::permissive();
        let Err(e) = binder_sim::servicemanager::serve(&device, access, || println!("ready"));
        eprintln!("servicemanager: {e}");
        std::process::exit(1);
    }
    Some(role)
}

/// In a child: exits when the parent closes our stdin (it ended).
pub fn exit_with_parent() {
    std::thread::spawn(|| {
        let mut line = String::new();
        while std::io::stdin().read_line(&mut line).is_ok_and(|n| n > 0) {
            line.clear();
        }
        std::process::exit(0);
    });
}

/// Starts this program again in `role` on the same device: its stdout is piped, and it ends
/// when we do (its stdin is ours to close).
pub fn spawn_role(role: &str) -> std::io::Result<Child> {
    Command::new(std::env::current_exe()?)
        .env(ROLE, role)
        .env("BINDER_DEVICE", ProcessState::default_device())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
}

/// Starts this program again in `role` (see [`serve_as`]) and waits until it serves.
pub fn spawn_service(role: &str) -> Result<Child, Box<dyn std::error::Error>> {
    let mut child = spawn_role(role)?;
    first_line(&mut child)?;
    Ok(child)
}

/// In a child started by [`spawn_service`]: registers `binder` as `name`, says so, and serves
/// it until the parent ends.
pub fn serve_as(
    name: &str,
    binder: impl FnOnce() -> SpIBinder,
) -> Result<(), Box<dyn std::error::Error>> {
    exit_with_parent();
    ProcessState::init_default()?;
    libbinder::add_service(name, binder())?;
    println!("ready");
    ProcessState::join_thread_pool()?;
    Ok(())
}

/// The first line a child prints (an error if it ends first).
pub fn first_line(child: &mut Child) -> std::io::Result<String> {
    let mut line = String::new();
    let stdout = child.stdout.as_mut().expect("piped");
    BufReader::new(stdout).read_line(&mut line)?;
    if line.is_empty() {
        return Err(std::io::Error::other("the child ended before it was ready"));
    }
    Ok(line.trim_end().to_string())
}

/// Makes sure a binderd and a servicemanager serve the device, then initializes this
/// process's `ProcessState` on it.
pub fn start() -> Result<System, Box<dyn std::error::Error>> {
    let device = ProcessState::default_device();
    let daemon = if Device::open(&device).is_ok() {
        None
    } else {
        let dir = device.parent().ok_or("the device path has no directory")?;
        let name = device.file_name().ok_or("the device path has no name")?;
        std::fs::create_dir_all(dir)?;
        let mut config = Config::new(dir);
        config.devices = vec![name.to_string_lossy().into_owned()];
        config.workers = 2;
        let daemon = Daemon::start(config)?;
        println!(
            "(no binderd served {}: started one in this process)",
            device.display()
        );
        Some(daemon)
    };
    let ps = ProcessState::init_default()?;
    let servicemanager = if ps.context_object().is_ok() {
        None
    } else {
        let mut sm = spawn_role("servicemanager")?;
        first_line(&mut sm)?;
        println!(
            "(no servicemanager on the device: started one, pid {})",
            sm.id()
        );
        Some(sm)
    };
    ProcessState::start_thread_pool()?;
    Ok(System {
        servicemanager,
        daemon,
    })
}
