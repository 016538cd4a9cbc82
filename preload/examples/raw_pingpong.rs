//! What the `/dev/binder` shim adds to a call: the same raw Binder program (a context manager
//! answering empty calls, a client calling it), its every driver call made either through
//! the C library on `/dev/binder` — under `binder-run`, so through the shim — or straight
//! through `binder_driver::device::Device`, measured in the same run.
//!
//! ```sh
//! cargo build --release -p binder-sim-preload --bins --examples
//! target/release/examples/raw_pingpong -i 20000 [--pin CPU]
//! ```
//!
//! Prints each way's average and p50 per call and the ratio shim ÷ direct. The calls are
//! the kernel interface's, as a C program makes them: one `BINDER_WRITE_READ` for the call
//! (its `BR_TRANSACTION_COMPLETE` and `BR_REPLY` come together), and on the server one for
//! the reply and one for the next read.

use std::io::{BufRead, BufReader, Write};
use std::os::fd::RawFd;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use binder_driver::daemon::{Config, Daemon};
use binder_driver::device::{Device, Mapping};
use binder_driver::uapi::*;

const MAP_LEN: usize = 128 * 1024;

/// The driver, reached one way or the other.
enum Driver {
    /// `open`/`mmap`/`ioctl` of the C library on `/dev/binder` (the shim, under binder-run).
    Libc(RawFd),
    /// The device API, no C library call in between.
    Direct(Device, #[allow(dead_code)] Mapping),
}

impl Driver {
    fn open(libc_way: bool) -> Driver {
        if libc_way {
            // SAFETY: plain C library calls with valid arguments.
            let fd = unsafe { libc::open(c"/dev/binder".as_ptr(), libc::O_RDWR | libc::O_CLOEXEC) };
            assert!(
                fd >= 0,
                "open /dev/binder: {}",
                std::io::Error::last_os_error()
            );
            // SAFETY: as above.
            let m = unsafe {
                libc::mmap(
                    std::ptr::null_mut(),
                    MAP_LEN,
                    libc::PROT_READ,
                    libc::MAP_PRIVATE,
                    fd,
                    0,
                )
            };
            assert_ne!(m, libc::MAP_FAILED, "mmap");
            Driver::Libc(fd)
        } else {
            let path = Config::default_dir().join("binder");
            let dev = Device::open(&path).expect("open the device");
            let map = dev.mmap(MAP_LEN).expect("mmap");
            Driver::Direct(dev, map)
        }
    }

    fn ioctl<T>(&self, cmd: u32, arg: &mut T) {
        let arg = arg as *mut T as *mut libc::c_void;
        let r = match self {
            // SAFETY: arg points to what the ioctl expects.
            Driver::Libc(fd) => unsafe { libc::ioctl(*fd, cmd as libc::c_ulong, arg) },
            // SAFETY: as above.
            Driver::Direct(dev, _) => unsafe { dev.ioctl(cmd, arg) }.unwrap_or(-1),
        };
        assert!(r >= 0, "ioctl {cmd:#x} failed");
    }

    /// One `BINDER_WRITE_READ`: the commands, then up to `read.len()` bytes of returns.
    fn write_read(&self, write: &[u8], read: &mut [u8]) -> usize {
        let mut bwr = BinderWriteRead {
            write_size: write.len() as u64,
            write_buffer: write.as_ptr() as u64,
            read_size: read.len() as u64,
            read_buffer: read.as_mut_ptr() as u64,
            ..Default::default()
        };
        self.ioctl(BINDER_WRITE_READ, &mut bwr);
        bwr.read_consumed as usize
    }
}

/// The first `want` item in returns, as its transaction data.
fn find(returns: &[u8], want: u32) -> Option<BinderTransactionData> {
    let mut at = 0;
    while at + 4 <= returns.len() {
        let code = u32::from_ne_bytes(returns[at..at + 4].try_into().unwrap());
        at += 4;
        let size = ((code >> 16) & 0x3fff) as usize;
        if code == want {
            return BinderTransactionData::from_bytes(&returns[at..at + size]);
        }
        at += size;
    }
    None
}

fn cmd(out: &mut Vec<u8>, code: u32, body: &[u8]) {
    out.extend_from_slice(&code.to_ne_bytes());
    out.extend_from_slice(body);
}

fn server(d: &Driver, calls: usize) {
    let mut zero = 0i32;
    d.ioctl(BINDER_SET_CONTEXT_MGR, &mut zero);
    let mut enter = Vec::new();
    cmd(&mut enter, BC_ENTER_LOOPER, &[]);
    d.write_read(&enter, &mut []);
    println!("ready");
    std::io::stdout().flush().unwrap();
    let mut read = [0u8; 256];
    let mut out = Vec::new();
    let mut served = 0;
    while served < calls {
        let n = d.write_read(&[], &mut read);
        let Some(tr) = find(&read[..n], BR_TRANSACTION) else {
            continue;
        };
        out.clear();
        cmd(&mut out, BC_FREE_BUFFER, &tr.data_buffer().to_ne_bytes());
        cmd(
            &mut out,
            BC_REPLY,
            BinderTransactionData::default().as_bytes(),
        );
        d.write_read(&out, &mut read);
        served += 1;
    }
}

fn client(d: &Driver, calls: usize) -> Vec<f64> {
    let mut call = Vec::new();
    let mut tr = BinderTransactionData::default();
    tr.set_target_handle(0);
    tr.code = 1;
    cmd(&mut call, BC_TRANSACTION, tr.as_bytes());
    let mut read = [0u8; 256];
    let mut free = Vec::new();
    let mut times = Vec::with_capacity(calls);
    for _ in 0..calls {
        let start = Instant::now();
        let mut n = d.write_read(&call, &mut read);
        let reply = loop {
            if let Some(r) = find(&read[..n], BR_REPLY) {
                break r;
            }
            n = d.write_read(&[], &mut read);
        };
        times.push(start.elapsed().as_secs_f64() * 1e6);
        free.clear();
        cmd(
            &mut free,
            BC_FREE_BUFFER,
            &reply.data_buffer().to_ne_bytes(),
        );
        d.write_read(&free, &mut []);
    }
    times
}

/// Runs one server and one client this way, on `dir`'s binderd: their call times.
fn measure(dir: &Path, libc_way: bool, calls: usize, pin: Option<&str>) -> Vec<f64> {
    let me = std::env::current_exe().unwrap();
    let run = |role: &str| {
        // binder-run is built beside the examples' directory.
        let binder_run = me
            .parent()
            .and_then(Path::parent)
            .unwrap()
            .join("binder-run");
        let mut c = if libc_way {
            let mut c = Command::new(binder_run);
            c.arg("--dir").arg(dir).arg(&me);
            c
        } else {
            Command::new(&me)
        };
        c.args([
            role,
            &calls.to_string(),
            if libc_way { "libc" } else { "direct" },
        ])
        .env("BINDER_SIM_DIR", dir)
        .stdout(Stdio::piped());
        if let Some(cpu) = pin {
            // SAFETY: sets the affinity of the child between fork and exec.
            let cpu: usize = cpu.parse().expect("--pin CPU");
            unsafe {
                std::os::unix::process::CommandExt::pre_exec(&mut c, move || {
                    let mut set: libc::cpu_set_t = std::mem::zeroed();
                    libc::CPU_SET(cpu, &mut set);
                    libc::sched_setaffinity(0, std::mem::size_of_val(&set), &set);
                    Ok(())
                })
            };
        }
        c.spawn().expect("start a role")
    };
    let mut server = run("server");
    let mut line = String::new();
    BufReader::new(server.stdout.as_mut().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert_eq!(line.trim(), "ready");
    let client = run("client").wait_with_output().unwrap();
    assert!(client.status.success());
    assert!(server.wait().unwrap().success());
    String::from_utf8(client.stdout)
        .unwrap()
        .lines()
        .map(|l| l.parse().unwrap())
        .collect()
}

fn summary(times: &mut [f64]) -> (f64, f64) {
    times.sort_by(f64::total_cmp);
    let avg = times.iter().sum::<f64>() / times.len() as f64;
    (avg, times[times.len() / 2])
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [role, calls, way] = &args[..] {
        if role == "server" || role == "client" {
            let calls: usize = calls.parse().unwrap();
            let d = Driver::open(way == "libc");
            if role == "server" {
                server(&d, calls);
            } else {
                let out = std::io::stdout();
                let mut out = out.lock();
                for t in client(&d, calls) {
                    writeln!(out, "{t:.3}").unwrap();
                }
            }
            return;
        }
    }
    let mut calls = 20000;
    let mut pin = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-i" => calls = it.next().and_then(|v| v.parse().ok()).expect("-i N"),
            "--pin" => pin = it.next().cloned(),
            other => panic!("usage: raw_pingpong [-i N] [--pin CPU] (not {other})"),
        }
    }
    let dir = std::env::temp_dir().join(format!("raw-pingpong-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut config = Config::new(&dir);
    config.devices = vec!["binder".into()];
    if let Some(cpu) = &pin {
        let cpu: usize = cpu.parse().expect("--pin CPU");
        // SAFETY: pins this process (binderd's workers start after) to one CPU.
        unsafe {
            let mut set: libc::cpu_set_t = std::mem::zeroed();
            libc::CPU_SET(cpu, &mut set);
            libc::sched_setaffinity(0, std::mem::size_of_val(&set), &set);
        }
    }
    let daemon = Daemon::start(config).expect("binderd");
    let mut direct = measure(&dir, false, calls, pin.as_deref());
    let mut shim = measure(&dir, true, calls, pin.as_deref());
    drop(daemon);
    let _ = std::fs::remove_dir_all(&dir);
    let (da, dp) = summary(&mut direct);
    let (sa, sp) = summary(&mut shim);
    let place = pin.map_or("unpinned".to_string(), |c| format!("on cpu {c}"));
    println!("raw BINDER_WRITE_READ calls, {calls} each way, {place}:");
    println!("  direct (Device): avg {da:.2} us, p50 {dp:.2} us");
    println!("  through the shim: avg {sa:.2} us, p50 {sp:.2} us");
    println!("  shim / direct: avg {:.3}x, p50 {:.3}x", sa / da, sp / dp);
}
