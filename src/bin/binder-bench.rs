//! `binder-bench`: Binder throughput and latency through libbinder, modelled on AOSP's
//! `binderThroughputTest`, with plain Linux IPC of the same shape as a baseline.
//!
//! ```text
//! binder-bench [-w WORKERS] [-i ITERATIONS] [-s PAYLOAD] [-p] [--oneway] [--pin CPU]
//!              [--raw FILE] [--json] [--compare]
//! ```
//!
//! Workers come in client/server pairs (`-w 2` is one pair; `-p`, AOSP's pairing, is the only
//! placement implemented and is accepted for compatibility). Each server process registers a
//! service; each client process calls its server `ITERATIONS` times with `PAYLOAD` bytes and
//! an empty reply (or oneway with `--oneway`) and times every call. binderd runs in this
//! process on a temporary directory, with a servicemanager child, so the driver's copy counts
//! are known. `--pin CPU` puts every process on one CPU. `--compare` runs the same shape over a
//! `SOCK_SEQPACKET` socketpair per pair (a Unix stream socket above 64 KiB) and prints the
//! ratios.

use std::io::{BufRead, BufReader, Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use binder_sim::driver::daemon::{Config, Daemon};
use binder_sim::libbinder::{self, Binder, Parcel, ProcessState, Remotable, StatusCode};

const ROLE: &str = "BINDER_BENCH_ROLE";
const FD: &str = "BINDER_BENCH_FD";
const CODE: u32 = libbinder::FIRST_CALL_TRANSACTION;
/// Replies the request's bytes (the "request N + reply N" shape of `benches/libbinder.rs`).
const CODE_ECHO: u32 = libbinder::FIRST_CALL_TRANSACTION + 1;
/// Above this payload the baseline is a stream socket (a datagram that large needs tuning).
const SEQPACKET_MAX: usize = 64 * 1024;

#[derive(Clone, Debug)]
struct Options {
    workers: usize,
    iterations: usize,
    payload: usize,
    oneway: bool,
    pin: Option<usize>,
    raw: Option<PathBuf>,
    json: bool,
    compare: bool,
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: binder-bench [-w WORKERS] [-i ITERATIONS] [-s PAYLOAD] [-p] [--oneway] \
         [--pin CPU] [--raw FILE] [--json] [--compare]"
    );
    ExitCode::from(2)
}

fn parse() -> Result<Options, String> {
    let mut o = Options {
        workers: 2,
        iterations: 10_000,
        payload: 0,
        oneway: false,
        pin: None,
        raw: None,
        json: false,
        compare: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        let number = |v: String| v.parse::<usize>().map_err(|_| format!("not a number: {v}"));
        match a.as_str() {
            "-w" => o.workers = number(value("-w")?)?,
            "-i" => o.iterations = number(value("-i")?)?,
            "-s" => o.payload = number(value("-s")?)?,
            "-p" => {}
            "--oneway" => o.oneway = true,
            "--pin" => o.pin = Some(number(value("--pin")?)?),
            "--raw" => o.raw = Some(PathBuf::from(value("--raw")?)),
            "--json" => o.json = true,
            "--compare" => o.compare = true,
            other => return Err(format!("unknown option {other}")),
        }
    }
    if o.workers < 2 || o.workers % 2 != 0 {
        return Err("-w must be an even number ≥ 2 (client/server pairs)".into());
    }
    if o.iterations == 0 {
        return Err("-i must be at least 1".into());
    }
    Ok(o)
}

fn main() -> ExitCode {
    if let Ok(role) = std::env::var(ROLE) {
        return match child(&role) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("binder-bench {role}: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let o = match parse() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("binder-bench: {e}");
            return usage();
        }
    };
    match run(&o) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("binder-bench: {e}");
            ExitCode::FAILURE
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

/// One run's samples (nanoseconds per call, all clients) and its wall time.
struct Measured {
    samples: Vec<u64>,
    wall: Duration,
}

impl Measured {
    fn iterations_per_sec(&self) -> f64 {
        self.samples.len() as f64 / self.wall.as_secs_f64()
    }

    /// The exact `q` quantile (nearest rank) of the sorted samples, in µs.
    fn quantile_us(&self, q: f64) -> f64 {
        let n = self.samples.len();
        let rank = ((q * n as f64).ceil() as usize).clamp(1, n);
        self.samples[rank - 1] as f64 / 1000.0
    }

    fn average_us(&self) -> f64 {
        self.samples.iter().sum::<u64>() as f64 / self.samples.len() as f64 / 1000.0
    }

    fn report(&self, name: &str) {
        let s = &self.samples;
        println!(
            "{name}: {:.0} iterations/s; avg {:.2} us, best {:.2} us, worst {:.2} us; \
             p50 {:.2} p90 {:.2} p95 {:.2} p99 {:.2} p99.9 {:.2} us",
            self.iterations_per_sec(),
            self.average_us(),
            s[0] as f64 / 1000.0,
            s[s.len() - 1] as f64 / 1000.0,
            self.quantile_us(0.50),
            self.quantile_us(0.90),
            self.quantile_us(0.95),
            self.quantile_us(0.99),
            self.quantile_us(0.999),
        );
    }

    fn json(&self) -> String {
        format!(
            "{{\"iterations_per_sec\":{:.1},\"avg_us\":{:.3},\"best_us\":{:.3},\"worst_us\":{:.3},\
             \"p50_us\":{:.3},\"p90_us\":{:.3},\"p95_us\":{:.3},\"p99_us\":{:.3},\"p999_us\":{:.3}}}",
            self.iterations_per_sec(),
            self.average_us(),
            self.samples[0] as f64 / 1000.0,
            self.samples[self.samples.len() - 1] as f64 / 1000.0,
            self.quantile_us(0.50),
            self.quantile_us(0.90),
            self.quantile_us(0.95),
            self.quantile_us(0.99),
            self.quantile_us(0.999),
        )
    }
}

// ---------------------------------------------------------------------------------------------
// The orchestrator
// ---------------------------------------------------------------------------------------------

/// A child of this program; killed and reaped on drop.
struct Proc {
    child: Child,
    out: BufReader<ChildStdout>,
}

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Proc {
    fn spawn(
        role: &str,
        env: &[(&str, String)],
        keep_fd: Option<&OwnedFd>,
    ) -> Result<Proc, String> {
        let mut cmd = Command::new(std::env::current_exe().map_err(|e| e.to_string())?);
        cmd.env(ROLE, role)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        if let Some(fd) = keep_fd {
            let raw = fd.as_raw_fd();
            cmd.env(FD, raw.to_string());
            // SAFETY: only async-signal-safe fcntl between fork and exec.
            unsafe {
                std::os::unix::process::CommandExt::pre_exec(&mut cmd, move || {
                    let flags = libc::fcntl(raw, libc::F_GETFD);
                    libc::fcntl(raw, libc::F_SETFD, flags & !libc::FD_CLOEXEC);
                    Ok(())
                });
            }
        }
        let mut child = cmd
            .spawn()
            .map_err(|e| format!("cannot start {role}: {e}"))?;
        let out = BufReader::new(child.stdout.take().expect("piped"));
        Ok(Proc { child, out })
    }

    /// The next line the child prints.
    fn line(&mut self) -> Result<String, String> {
        let mut line = String::new();
        match self.out.read_line(&mut line) {
            Ok(0) => Err("a worker ended early (see its error above)".into()),
            Ok(_) => Ok(line.trim_end().to_string()),
            Err(e) => Err(e.to_string()),
        }
    }

    fn say(&mut self, line: &str) -> Result<(), String> {
        let input = self.child.stdin.as_mut().expect("piped");
        writeln!(input, "{line}").map_err(|e| e.to_string())
    }

    /// What a client prints after `go`: the time its calls took, then each call's, in
    /// nanoseconds on one line.
    fn samples(&mut self) -> Result<(Duration, Vec<u64>), String> {
        let line = self.line()?;
        let nums = line
            .strip_prefix("samples ")
            .ok_or(format!("unexpected: {line}"))?;
        let mut nums = nums
            .split_whitespace()
            .map(|n| n.parse::<u64>().map_err(|_| format!("bad sample {n}")));
        let elapsed = nums.next().ok_or("no elapsed time")??;
        Ok((
            Duration::from_nanos(elapsed),
            nums.collect::<Result<_, _>>()?,
        ))
    }
}

fn pin(cpu: usize) -> Result<(), String> {
    // SAFETY: a zeroed cpu_set_t is valid; CPU_SET writes inside it.
    unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        libc::CPU_SET(cpu, &mut set);
        if libc::sched_setaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &set) != 0 {
            return Err(format!(
                "cannot pin to cpu {cpu}: {}",
                std::io::Error::last_os_error()
            ));
        }
    }
    Ok(())
}

/// Starts clients and servers through `start_pair`, says `go` to every client at once and
/// gathers their samples.
fn measure(
    pairs: usize,
    mut start_pair: impl FnMut(usize) -> Result<(Proc, Proc), String>,
) -> Result<Measured, String> {
    let mut procs = Vec::new();
    for p in 0..pairs {
        let (mut server, mut client) = start_pair(p)?;
        server.line()?;
        client.line()?;
        procs.push((server, client));
    }
    for (_, c) in procs.iter_mut() {
        c.say("go")?;
    }
    // The clients start together; the run lasts as long as the slowest one's calls.
    let mut samples = Vec::new();
    let mut wall = Duration::ZERO;
    for (_, c) in procs.iter_mut() {
        let (elapsed, s) = c.samples()?;
        wall = wall.max(elapsed);
        samples.extend(s);
    }
    samples.sort_unstable();
    Ok(Measured { samples, wall })
}

fn run(o: &Options) -> Result<(), String> {
    if let Some(cpu) = o.pin {
        pin(cpu)?;
    }
    let dir = std::env::temp_dir().join(format!("binder-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let result = run_in(o, &dir);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn run_in(o: &Options, dir: &Path) -> Result<(), String> {
    let mut config = Config::new(dir);
    config.devices = vec!["binder".into()];
    let daemon = Daemon::start(config).map_err(|e| format!("binderd: {e}"))?;
    let device = dir.join("binder").to_string_lossy().into_owned();
    let env = |extra: &[(&'static str, String)]| -> Vec<(&'static str, String)> {
        let mut v = vec![
            ("BINDER_DEVICE", device.clone()),
            ("BINDER_BENCH_PAYLOAD", o.payload.to_string()),
            ("BINDER_BENCH_ITERATIONS", o.iterations.to_string()),
            ("BINDER_BENCH_ONEWAY", (o.oneway as u8).to_string()),
        ];
        v.extend(extra.iter().cloned());
        v
    };
    let mut sm = Proc::spawn("servicemanager", &env(&[]), None)?;
    sm.line()?;
    let pairs = o.workers / 2;
    let before = daemon.copy_stats("binder").unwrap_or_default();
    let binder = measure(pairs, |p| {
        let name = format!("binderWorker{p}");
        let server = Proc::spawn("server", &env(&[("BINDER_BENCH_NAME", name.clone())]), None)?;
        let client = Proc::spawn("client", &env(&[("BINDER_BENCH_NAME", name)]), None)?;
        Ok((server, client))
    })?;
    let after = daemon.copy_stats("binder").unwrap_or_default();
    drop(sm);
    let payload_bytes = (o.payload * binder.samples.len()) as f64;
    let one_copy = (after.one_copy_bytes - before.one_copy_bytes) as f64;
    let inline = (after.inline_bytes - before.inline_bytes) as f64;

    let shape = format!(
        "{} pair(s), {} iterations each, {} B {}{}",
        pairs,
        o.iterations,
        o.payload,
        if o.oneway {
            "oneway"
        } else {
            "request + empty reply"
        },
        o.pin
            .map(|c| format!(", pinned to cpu {c}"))
            .unwrap_or_default()
    );
    if !o.json {
        println!("binder-bench: {shape}");
        binder.report("binder-sim");
        if o.payload > 0 {
            println!(
                "copies per payload byte: {:.3} (one-copy {:.3}, inline {:.3})",
                (one_copy + inline) / payload_bytes,
                one_copy / payload_bytes,
                inline / payload_bytes
            );
        }
    }
    if let Some(path) = &o.raw {
        let text: String = binder.samples.iter().map(|s| format!("{s}\n")).collect();
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let baseline = if o.compare {
        Some(measure(pairs, |_| {
            let (a, b) = socketpair(o.payload)?;
            let server = Proc::spawn("socket-server", &env(&[]), Some(&a))?;
            let client = Proc::spawn("socket-client", &env(&[]), Some(&b))?;
            Ok((server, client))
        })?)
    } else {
        None
    };
    let kind = if o.payload > SEQPACKET_MAX {
        "unix stream"
    } else {
        "SOCK_SEQPACKET"
    };
    if o.json {
        let copies = if o.payload > 0 {
            (one_copy + inline) / payload_bytes
        } else {
            0.0
        };
        let base = baseline
            .as_ref()
            .map(|b| {
                format!(
                    ",\"baseline\":{{\"kind\":\"{kind}\",\"result\":{}}}",
                    b.json()
                )
            })
            .unwrap_or_default();
        println!(
            "{{\"workers\":{},\"iterations\":{},\"payload\":{},\"oneway\":{},\"pin\":{},\
             \"binder\":{},\"copies_per_payload_byte\":{copies:.4}{base}}}",
            o.workers,
            o.iterations,
            o.payload,
            o.oneway,
            o.pin.map_or("null".to_string(), |c| c.to_string()),
            binder.json(),
        );
    } else if let Some(b) = &baseline {
        b.report(&format!("{kind} baseline"));
        println!(
            "ratios binder/baseline: p50 {:.2}x, p99 {:.2}x, iterations/s {:.2}x",
            binder.quantile_us(0.5) / b.quantile_us(0.5),
            binder.quantile_us(0.99) / b.quantile_us(0.99),
            binder.iterations_per_sec() / b.iterations_per_sec()
        );
    }
    Ok(())
}

/// A connected pair for the baseline: datagrams up to [`SEQPACKET_MAX`], a stream above.
fn socketpair(payload: usize) -> Result<(OwnedFd, OwnedFd), String> {
    let kind = if payload > SEQPACKET_MAX {
        libc::SOCK_STREAM
    } else {
        libc::SOCK_SEQPACKET
    };
    let mut fds = [0; 2];
    // SAFETY: fds is a valid array of two ints.
    if unsafe {
        libc::socketpair(
            libc::AF_UNIX,
            kind | libc::SOCK_CLOEXEC,
            0,
            fds.as_mut_ptr(),
        )
    } != 0
    {
        return Err(std::io::Error::last_os_error().to_string());
    }
    // SAFETY: socketpair just created both descriptors for us.
    Ok(unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) })
}

// ---------------------------------------------------------------------------------------------
// Children
// ---------------------------------------------------------------------------------------------

fn env_usize(name: &str) -> Result<usize, String> {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .ok_or(format!("{name} missing"))
}

/// Exits when the orchestrator goes (our stdin closes).
fn exit_with_parent() {
    std::thread::spawn(|| {
        let mut l = String::new();
        while std::io::stdin().read_line(&mut l).is_ok_and(|n| n > 0) {
            l.clear();
        }
        std::process::exit(0);
    });
}

/// Answers every call with an empty reply (binderThroughputTest's server), or with the request's
/// bytes for [`CODE_ECHO`].
struct Sink;

impl Remotable for Sink {
    fn descriptor(&self) -> &str {
        "binder.sim.bench.IWorker"
    }
    fn on_transact(
        &self,
        code: u32,
        data: &mut Parcel,
        reply: &mut Parcel,
    ) -> Result<(), StatusCode> {
        match code {
            CODE => Ok(()),
            CODE_ECHO => reply.write_raw(data.data()),
            _ => Err(StatusCode::UNKNOWN_TRANSACTION),
        }
    }
}

fn child(role: &str) -> Result<(), String> {
    let ready = || {
        println!("ready");
        let _ = std::io::stdout().flush();
    };
    match role {
        "servicemanager" => {
            exit_with_parent();
            let device = ProcessState::default_device();
            let access = binder_sim::servicemanager::Access::permissive();
            let Err(e) = binder_sim::servicemanager::serve(&device, access, ready);
            Err(e)
        }
        "server" => {
            exit_with_parent();
            ProcessState::init_default().map_err(|e| e.to_string())?;
            let name = std::env::var("BINDER_BENCH_NAME").map_err(|e| e.to_string())?;
            libbinder::add_service(&name, &Binder::new(Sink).as_binder())
                .map_err(|e| format!("addService: {e}"))?;
            ready();
            ProcessState::join_thread_pool().map_err(|e| format!("{e:?}"))
        }
        "client" => {
            ProcessState::init_default().map_err(|e| e.to_string())?;
            let name = std::env::var("BINDER_BENCH_NAME").map_err(|e| e.to_string())?;
            let server = libbinder::get_service(&name).ok_or(format!("{name} not found"))?;
            let (payload, iterations) = (
                env_usize("BINDER_BENCH_PAYLOAD")?,
                env_usize("BINDER_BENCH_ITERATIONS")?,
            );
            let flags = if env_usize("BINDER_BENCH_ONEWAY")? == 1 {
                libbinder::FLAG_ONEWAY
            } else {
                0
            };
            let mut data = Parcel::new();
            data.write_raw(&vec![0xa5u8; payload])
                .map_err(|e| e.to_string())?;
            ready();
            wait_go()?;
            let mut samples = Vec::with_capacity(iterations);
            let mut retries = 0u64;
            let all = Instant::now();
            for _ in 0..iterations {
                let t = Instant::now();
                loop {
                    match server.transact(CODE, &data, flags) {
                        Ok(_) => break,
                        // A oneway call finds the receiver's async space (half its buffer)
                        // full, as with the kernel: back-pressure, retried within its time.
                        Err(StatusCode::FAILED_TRANSACTION)
                            if flags != 0 && t.elapsed() < Duration::from_secs(10) =>
                        {
                            retries += 1;
                            std::thread::yield_now();
                        }
                        Err(e) => return Err(format!("transact: {e}")),
                    }
                }
                samples.push(t.elapsed().as_nanos() as u64);
            }
            if retries > 0 {
                eprintln!("binder-bench: {retries} oneway calls retried: the async space was full");
            }
            report_samples(all.elapsed(), &samples);
            Ok(())
        }
        "socket-server" | "socket-client" => {
            let raw: i32 = env_usize(FD)? as i32;
            // SAFETY: the orchestrator passed this descriptor to us, open, for us alone.
            let sock = unsafe { OwnedFd::from_raw_fd(raw) };
            let mut sock = std::fs::File::from(sock);
            let (payload, iterations) = (
                env_usize("BINDER_BENCH_PAYLOAD")?,
                env_usize("BINDER_BENCH_ITERATIONS")?,
            );
            let oneway = env_usize("BINDER_BENCH_ONEWAY")? == 1;
            let stream = payload > SEQPACKET_MAX;
            // A zero-byte datagram is still a message; a stream needs at least one byte.
            let request = vec![0xa5u8; if stream { payload } else { payload.max(1) }];
            let mut buf = vec![0u8; request.len().max(1)];
            if role == "socket-server" {
                exit_with_parent();
                ready();
                loop {
                    if stream {
                        sock.read_exact(&mut buf).map_err(|e| e.to_string())?;
                    } else if sock.read(&mut buf).map_err(|e| e.to_string())? == 0 {
                        return Ok(());
                    }
                    if !oneway {
                        sock.write_all(&[0]).map_err(|e| e.to_string())?;
                    }
                }
            }
            ready();
            wait_go()?;
            let mut samples = Vec::with_capacity(iterations);
            let mut reply = [0u8; 1];
            let all = Instant::now();
            for _ in 0..iterations {
                let t = Instant::now();
                sock.write_all(&request).map_err(|e| e.to_string())?;
                if !oneway {
                    sock.read_exact(&mut reply).map_err(|e| e.to_string())?;
                }
                samples.push(t.elapsed().as_nanos() as u64);
            }
            report_samples(all.elapsed(), &samples);
            Ok(())
        }
        other => Err(format!("unknown role {other}")),
    }
}

fn wait_go() -> Result<(), String> {
    let mut line = String::new();
    BufReader::new(std::io::stdin())
        .read_line(&mut line)
        .map_err(|e| e.to_string())?;
    if line.trim() == "go" {
        Ok(())
    } else {
        Err("the orchestrator went away".into())
    }
}

fn report_samples(elapsed: Duration, samples: &[u64]) {
    let mut out = std::io::stdout().lock();
    let line: Vec<String> = samples.iter().map(|s| s.to_string()).collect();
    let _ = writeln!(out, "samples {} {}", elapsed.as_nanos(), line.join(" "));
    let _ = out.flush();
}
