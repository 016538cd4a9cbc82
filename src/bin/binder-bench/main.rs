//! `binder-bench`: Binder throughput and latency through libbinder, modelled on AOSP's
//! `binderThroughputTest`, with plain Linux IPC of the same shape as baselines.
//!
//! ```text
//! binder-bench [-w WORKERS] [-i ITERATIONS] [-s PAYLOAD] [-p] [--oneway] [--pin CPU]
//!              [--raw FILE] [--json] [--compare] [--plot FILE.svg]
//! ```
//!
//! Workers come in client/server pairs (`-w 2` is one pair; `-p`, AOSP's pairing, is the only
//! placement implemented and is accepted for compatibility). Each server process registers a
//! service; each client process calls its server `ITERATIONS` times with `PAYLOAD` bytes and
//! an empty reply (or oneway with `--oneway`) and times every call. binderd runs in this
//! process on a temporary directory, with a servicemanager child, so the driver's copy counts
//! are known. `--pin CPU` puts every process on one CPU. `--compare` runs the same shape over a
//! `SOCK_SEQPACKET` socketpair per pair (a Unix stream socket above 64 KiB), over a pair of
//! pipes, and through the mediated relay ([`relay`]: client → relay process → server and back
//! with four futex wake-ups on shared pages and one `process_vm_readv` of the payload, the
//! floor of binder-sim's architecture), and prints binder-sim's ratio to each. `--plot
//! FILE.svg` runs binder-sim and the three baselines for payloads from 0 to 900 KiB, prints
//! the table and draws p50 and p99 against payload size.

mod plot;
mod relay;

use binder_sim::libbinder::binder_impl::IBinderInternal;
use binder_sim::libbinder::Interface;
use std::io::{BufRead, BufReader, Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use binder_sim::driver::daemon::{Config, Daemon};
use binder_sim::libbinder::binder_impl::{Binder, Parcel, Remotable};
use binder_sim::libbinder::{self, ProcessState, StatusCode};

const ROLE: &str = "BINDER_BENCH_ROLE";
/// The descriptors a baseline peer reads from and writes to: "READ,WRITE".
const FDS: &str = "BINDER_BENCH_FDS";
/// The payloads `--plot` sweeps (the criterion bench's sizes).
const SWEEP: [usize; 6] = [0, 32, 4096, 64 * 1024, 256 * 1024, 900 * 1024];
const CODE: u32 = libbinder::binder_impl::FIRST_CALL_TRANSACTION;
/// Replies the request's bytes (the "request N + reply N" shape of `benches/libbinder.rs`).
const CODE_ECHO: u32 = libbinder::binder_impl::FIRST_CALL_TRANSACTION + 1;
/// Calls the binder the request carries with an empty [`CODE`] call, then replies (the nested
/// call of `benches/libbinder.rs`: the call back lands on the caller's waiting thread).
const CODE_NESTED: u32 = libbinder::binder_impl::FIRST_CALL_TRANSACTION + 2;
/// Above this payload the baseline is a stream socket (a datagram that large needs tuning).
const SEQPACKET_MAX: usize = 64 * 1024;

/// binderThroughputTest-style round trips through binder-sim, with baselines in the same run.
#[derive(Clone, Debug, clap::Parser)]
#[command(name = "binder-bench", version)]
struct Options {
    /// Workers, in client/server pairs (an even number, at least 2)
    #[arg(short = 'w', default_value_t = 2, value_name = "WORKERS")]
    workers: usize,
    /// Calls each client makes
    #[arg(short = 'i', default_value_t = 10_000, value_name = "ITERATIONS",
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    iterations: usize,
    /// Request payload in bytes (the reply is empty)
    #[arg(short = 's', default_value_t = 0, value_name = "PAYLOAD")]
    payload: usize,
    /// Pair each client with its own server (AOSP's -p; the only pairing here)
    #[arg(short = 'p')]
    _pairs: bool,
    /// Oneway calls instead of calls with a reply
    #[arg(long)]
    oneway: bool,
    /// Run every process, binderd's workers included, on this CPU
    #[arg(long, value_name = "CPU")]
    pin: Option<usize>,
    /// Write every call's time, one per line, to FILE
    #[arg(long, value_name = "FILE")]
    raw: Option<PathBuf>,
    /// Print the results as JSON
    #[arg(long)]
    json: bool,
    /// Also measure the same calls over a socket (SOCK_SEQPACKET, a Unix stream above 64 KiB),
    /// a pair of pipes and the mediated relay (client -> relay -> server over futexes and one
    /// process_vm_readv), with binder-sim's ratios
    #[arg(long)]
    compare: bool,
    /// Sweep payloads 0..900 KiB through binder-sim and the three baselines and draw FILE.svg
    #[arg(long, value_name = "FILE.svg")]
    plot: Option<PathBuf>,
}

fn parse() -> Result<Options, clap::Error> {
    use clap::{CommandFactory, Parser};
    let o = Options::try_parse()?;
    if o.workers < 2 || o.workers % 2 != 0 {
        return Err(Options::command().error(
            clap::error::ErrorKind::ValueValidation,
            "-w must be an even number ≥ 2 (client/server pairs)",
        ));
    }
    Ok(o)
}

fn main() -> ExitCode {
    binder_driver::log_to_stderr("warn");
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
        Err(e) => e.exit(),
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
    /// Starts `role` with `env`; `keep` are descriptors it inherits (named in `FDS`).
    fn spawn(role: &str, env: &[(&str, String)], keep: &[&OwnedFd]) -> Result<Proc, String> {
        let mut cmd = Command::new(std::env::current_exe().map_err(|e| e.to_string())?);
        cmd.env(ROLE, role)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        if !keep.is_empty() {
            let raw: Vec<i32> = keep.iter().map(|f| f.as_raw_fd()).collect();
            let names: Vec<String> = raw.iter().map(|r| r.to_string()).collect();
            cmd.env(FDS, names.join(","));
            // SAFETY: only async-signal-safe fcntl between fork and exec.
            unsafe {
                std::os::unix::process::CommandExt::pre_exec(&mut cmd, move || {
                    for &fd in &raw {
                        let flags = libc::fcntl(fd, libc::F_GETFD);
                        libc::fcntl(fd, libc::F_SETFD, flags & !libc::FD_CLOEXEC);
                    }
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

/// Starts clients and servers through `start_pair`, calls `at_go` once all are ready (the
/// timed calls start after it), says `go` to every client at once and gathers their samples.
fn measure(
    pairs: usize,
    mut start_pair: impl FnMut(usize) -> Result<(Proc, Proc), String>,
    at_go: impl FnOnce(),
) -> Result<Measured, String> {
    let mut procs = Vec::new();
    for p in 0..pairs {
        let (mut server, mut client) = start_pair(p)?;
        server.line()?;
        client.line()?;
        procs.push((server, client));
    }
    at_go();
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
    let result = Bench::start(o, &dir).and_then(|b| match &o.plot {
        Some(path) => b.plot(path),
        None => b.single(),
    });
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// Plain Linux IPC in the shape of the binder calls: the request's bytes one way, one byte
/// back between two processes (sockets, pipes), or an empty reply through a third process
/// (the relay).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Baseline {
    Seqpacket,
    Stream,
    Pipe,
    /// Client → relay → server over futexes on shared pages and one `process_vm_readv`
    /// ([`relay`]).
    Relay,
}

impl Baseline {
    /// The socket baseline for `payload`: datagrams up to [`SEQPACKET_MAX`], a stream above
    /// (a datagram that large needs tuning).
    fn socket(payload: usize) -> Baseline {
        if payload > SEQPACKET_MAX {
            Baseline::Stream
        } else {
            Baseline::Seqpacket
        }
    }

    fn name(self) -> &'static str {
        match self {
            Baseline::Seqpacket => "SOCK_SEQPACKET",
            Baseline::Stream => "unix stream",
            Baseline::Pipe => "pipe",
            Baseline::Relay => "relay",
        }
    }

    /// The server's (read, write) ends, then the client's (the relay has none: its peers
    /// share memfds, see [`relay::Memfds`]).
    fn endpoints(self) -> Result<[OwnedFd; 4], String> {
        let dup = |f: &OwnedFd| f.try_clone().map_err(|e| e.to_string());
        match self {
            Baseline::Seqpacket | Baseline::Stream => {
                let kind = if self == Baseline::Stream {
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
                let (a, b) =
                    unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
                Ok([dup(&a)?, a, dup(&b)?, b])
            }
            Baseline::Pipe => {
                let pipe = || -> Result<(OwnedFd, OwnedFd), String> {
                    let mut fds = [0; 2];
                    // SAFETY: fds is a valid array of two ints.
                    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
                        return Err(std::io::Error::last_os_error().to_string());
                    }
                    // SAFETY: pipe2 just created both descriptors for us.
                    Ok(unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) })
                };
                let (to_server_r, to_server_w) = pipe()?;
                let (to_client_r, to_client_w) = pipe()?;
                Ok([to_server_r, to_client_w, to_client_r, to_server_w])
            }
            Baseline::Relay => Err("the relay baseline has no descriptor pairs".into()),
        }
    }
}

/// binderd with a servicemanager, ready to run measurements.
struct Bench<'a> {
    /// Dropped first (fields drop in order): the servicemanager goes before binderd.
    _sm: Proc,
    o: &'a Options,
    daemon: Daemon,
    device: String,
}

/// A binder run: its samples and the driver's copies per payload byte (one-copy, inline).
struct BinderRun {
    m: Measured,
    one_copy: f64,
    inline: f64,
}

impl<'a> Bench<'a> {
    fn start(o: &'a Options, dir: &Path) -> Result<Bench<'a>, String> {
        let mut config = Config::new(dir);
        config.devices = vec!["binder".into()];
        let daemon = Daemon::start(config).map_err(|e| format!("binderd: {e}"))?;
        let device = dir.join("binder").to_string_lossy().into_owned();
        let env = [("BINDER_DEVICE", device.clone())];
        let mut sm = Proc::spawn("servicemanager", &env, &[])?;
        sm.line()?;
        Ok(Bench {
            o,
            daemon,
            device,
            _sm: sm,
        })
    }

    fn env(&self, payload: usize, extra: &[(&'static str, String)]) -> Vec<(&'static str, String)> {
        let mut v = vec![
            ("BINDER_DEVICE", self.device.clone()),
            ("BINDER_BENCH_PAYLOAD", payload.to_string()),
            (
                "BINDER_BENCH_ITERATIONS",
                self.iterations(payload).to_string(),
            ),
            ("BINDER_BENCH_ONEWAY", (self.o.oneway as u8).to_string()),
        ];
        v.extend(extra.iter().cloned());
        v
    }

    /// `-i`, or for the large payloads of a sweep a tenth of it (at least 100).
    fn iterations(&self, payload: usize) -> usize {
        if self.o.plot.is_some() && payload > SEQPACKET_MAX {
            (self.o.iterations / 10).max(100)
        } else {
            self.o.iterations
        }
    }

    fn pairs(&self) -> usize {
        self.o.workers / 2
    }

    fn binder(&self, payload: usize) -> Result<BinderRun, String> {
        // Counted from the first timed call: registration and lookup copy bytes too.
        let mut before = Default::default();
        let m = measure(
            self.pairs(),
            |p| {
                let name = ("BINDER_BENCH_NAME", format!("binderWorker{p}"));
                let server = Proc::spawn(
                    "server",
                    &self.env(payload, std::slice::from_ref(&name)),
                    &[],
                )?;
                let client = Proc::spawn("client", &self.env(payload, &[name]), &[])?;
                Ok((server, client))
            },
            || before = self.daemon.copy_stats("binder").unwrap_or_default(),
        )?;
        let after = self.daemon.copy_stats("binder").unwrap_or_default();
        let bytes = (payload * m.samples.len()) as f64;
        Ok(BinderRun {
            one_copy: (after.one_copy_bytes - before.one_copy_bytes) as f64 / bytes,
            inline: (after.inline_bytes - before.inline_bytes) as f64 / bytes,
            m,
        })
    }

    fn baseline(&self, b: Baseline, payload: usize) -> Result<Measured, String> {
        if b == Baseline::Relay {
            return self.relay(payload);
        }
        let stream = (
            "BINDER_BENCH_STREAM",
            ((b != Baseline::Seqpacket) as u8).to_string(),
        );
        measure(
            self.pairs(),
            |_| {
                let [sr, sw, cr, cw] = b.endpoints()?;
                let env = self.env(payload, std::slice::from_ref(&stream));
                let server = Proc::spawn("peer-server", &env, &[&sr, &sw])?;
                let client = Proc::spawn("peer-client", &env, &[&cr, &cw])?;
                Ok((server, client))
            },
            || {},
        )
    }

    /// The relay baseline: per pair a relay process, then its server and client, sharing
    /// the pair's memfds.
    fn relay(&self, payload: usize) -> Result<Measured, String> {
        // Killed (dropped) after the measurement, with the clients and servers.
        let mut relays = Vec::new();
        measure(
            self.pairs(),
            |_| {
                let fds = relay::Memfds::create(payload)?;
                let env = self.env(payload, &[]);
                let mut relay = Proc::spawn("relay", &env, &[&fds.mailboxes, &fds.receive])?;
                // Mapped (and its receive area allocated) before the others map it.
                relay.line()?;
                let relay_pid = (relay::RELAY_PID, relay.child.id().to_string());
                relays.push(relay);
                let server = Proc::spawn("relay-server", &env, &[&fds.mailboxes, &fds.receive])?;
                let env = self.env(payload, &[relay_pid]);
                let client = Proc::spawn("relay-client", &env, &[&fds.mailboxes])?;
                Ok((server, client))
            },
            || {},
        )
    }

    /// One measurement, as `binderThroughputTest` prints it, with `--compare`'s baselines.
    fn single(&self) -> Result<(), String> {
        let o = self.o;
        let run = self.binder(o.payload)?;
        let shape = format!(
            "{} pair(s), {} iterations each, {} B {}{}",
            self.pairs(),
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
        let copies = run.one_copy + run.inline;
        if !o.json {
            println!("binder-bench: {shape}");
            run.m.report("binder-sim");
            if o.payload > 0 {
                println!(
                    "copies per payload byte: {copies:.3} (one-copy {:.3}, inline {:.3})",
                    run.one_copy, run.inline
                );
            }
        }
        if let Some(path) = &o.raw {
            let text: String = run.m.samples.iter().map(|s| format!("{s}\n")).collect();
            std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        let mut baselines = Vec::new();
        if o.compare {
            for b in [Baseline::socket(o.payload), Baseline::Pipe, Baseline::Relay] {
                baselines.push((b, self.baseline(b, o.payload)?));
            }
        }
        if o.json {
            let copies = if o.payload > 0 { copies } else { 0.0 };
            let base: Vec<String> = baselines
                .iter()
                .map(|(b, m)| format!("{{\"kind\":\"{}\",\"result\":{}}}", b.name(), m.json()))
                .collect();
            println!(
                "{{\"workers\":{},\"iterations\":{},\"payload\":{},\"oneway\":{},\"pin\":{},\
                 \"binder\":{},\"copies_per_payload_byte\":{copies:.4},\"baselines\":[{}]}}",
                o.workers,
                o.iterations,
                o.payload,
                o.oneway,
                o.pin.map_or("null".to_string(), |c| c.to_string()),
                run.m.json(),
                base.join(","),
            );
            return Ok(());
        }
        for (b, m) in &baselines {
            m.report(&format!("{} baseline", b.name()));
        }
        for (b, m) in &baselines {
            println!(
                "ratios binder/{}: p50 {:.2}x, p99 {:.2}x, iterations/s {:.2}x",
                b.name(),
                run.m.quantile_us(0.5) / m.quantile_us(0.5),
                run.m.quantile_us(0.99) / m.quantile_us(0.99),
                run.m.iterations_per_sec() / m.iterations_per_sec()
            );
        }
        Ok(())
    }

    /// The sweep behind the picture: every payload of [`SWEEP`] through binder-sim, the
    /// socket, pipe and relay baselines; prints a table and writes the SVG.
    fn plot(&self, path: &Path) -> Result<(), String> {
        let o = self.o;
        let mut series = [
            plot::Series {
                name: "binder-sim".into(),
                colour: "#c0392b",
                points: Vec::new(),
            },
            plot::Series {
                name: "Unix socket".into(),
                colour: "#2471a3",
                points: Vec::new(),
            },
            plot::Series {
                name: "pipe".into(),
                colour: "#229954",
                points: Vec::new(),
            },
            plot::Series {
                name: "mediated relay".into(),
                colour: "#7d3c98",
                points: Vec::new(),
            },
        ];
        println!(
            "| payload | binder-sim p50 / p99 (µs) | socket p50 / p99 (µs) | pipe p50 / p99 (µs) | \
             relay p50 / p99 (µs) | p50 vs socket | p50 vs pipe | p50 vs relay | copies/byte |"
        );
        println!("|---|---|---|---|---|---|---|---|---|");
        let pair = |m: &Measured| (m.quantile_us(0.5), m.quantile_us(0.99));
        for &payload in &SWEEP {
            let run = self.binder(payload)?;
            let socket = Baseline::socket(payload);
            let s = self.baseline(socket, payload)?;
            let p = self.baseline(Baseline::Pipe, payload)?;
            let r = self.baseline(Baseline::Relay, payload)?;
            let (b, s, p, r) = (pair(&run.m), pair(&s), pair(&p), pair(&r));
            println!(
                "| {} | {:.1} / {:.1} | {} {:.1} / {:.1} | {:.1} / {:.1} | {:.1} / {:.1} | {:.2}× \
                 | {:.2}× | {:.2}× | {} |",
                plot::label_bytes(payload),
                b.0,
                b.1,
                if socket == Baseline::Stream {
                    "stream"
                } else {
                    "seqpacket"
                },
                s.0,
                s.1,
                p.0,
                p.1,
                r.0,
                r.1,
                b.0 / s.0,
                b.0 / p.0,
                b.0 / r.0,
                if payload > 0 {
                    format!("{:.2}", run.one_copy + run.inline)
                } else {
                    "—".into()
                },
            );
            series[0].points.push(Some(b));
            series[1].points.push(Some(s));
            series[2].points.push(Some(p));
            series[3].points.push(Some(r));
        }
        let title =
            format!(
            "binder-bench: {} pair(s), {}{}; socket is SOCK_SEQPACKET up to 64 KiB, a stream above",
            self.pairs(),
            if o.oneway { "oneway" } else { "request + empty reply" },
            o.pin.map(|c| format!(", all on cpu {c}")).unwrap_or_else(|| ", unpinned".into())
        );
        let svg = plot::svg(&title, &SWEEP, &series);
        std::fs::write(path, svg).map_err(|e| format!("{}: {e}", path.display()))?;
        println!("wrote {}", path.display());
        Ok(())
    }
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

/// Answers every call with an empty reply (binderThroughputTest's server), with the request's
/// bytes for [`CODE_ECHO`], and after calling back for [`CODE_NESTED`].
struct Sink;

impl Remotable for Sink {
    fn get_descriptor() -> &'static str {
        "binder.sim.bench.IWorker"
    }
    fn on_transact(&self, code: u32, data: &Parcel, reply: &mut Parcel) -> Result<(), StatusCode> {
        match code {
            CODE => Ok(()),
            CODE_ECHO => reply.write_raw(data.data()),
            CODE_NESTED => data
                .read_strong_binder()?
                .submit_transact(CODE, Parcel::new(), 0)
                .map(drop),
            _ => Err(StatusCode::UNKNOWN_TRANSACTION),
        }
    }
}

/// Tells the orchestrator this child is set up.
fn ready() {
    println!("ready");
    let _ = std::io::stdout().flush();
}

/// The `N` descriptors the orchestrator passed (named in [`FDS`]), in its order.
fn inherited<const N: usize>() -> Result<[OwnedFd; N], String> {
    let fds: Vec<i32> = std::env::var(FDS)
        .ok()
        .map(|v| v.split(',').filter_map(|f| f.parse().ok()).collect())
        .unwrap_or_default();
    let fds: [i32; N] = fds
        .try_into()
        .map_err(|_| format!("{FDS} must name {N} descriptors"))?;
    // SAFETY: the orchestrator passed these descriptors to us, open, for us alone.
    Ok(fds.map(|fd| unsafe { OwnedFd::from_raw_fd(fd) }))
}

fn child(role: &str) -> Result<(), String> {
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
            libbinder::add_service(&name, Binder::new(Sink).as_binder())
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
                libbinder::binder_impl::FLAG_ONEWAY
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
                    match server.transact_parcel(CODE, &data, flags) {
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
        "peer-server" | "peer-client" => {
            let [r, w] = inherited::<2>()?;
            let (mut rx, mut tx) = (std::fs::File::from(r), std::fs::File::from(w));
            let (payload, iterations) = (
                env_usize("BINDER_BENCH_PAYLOAD")?,
                env_usize("BINDER_BENCH_ITERATIONS")?,
            );
            let oneway = env_usize("BINDER_BENCH_ONEWAY")? == 1;
            let stream = env_usize("BINDER_BENCH_STREAM")? == 1;
            // A zero-byte datagram is still a message, but a stream needs a byte to carry.
            let request = vec![0xa5u8; payload.max(1)];
            let mut buf = vec![0u8; request.len()];
            if role == "peer-server" {
                exit_with_parent();
                ready();
                loop {
                    // A datagram arrives whole; a stream's request is read to its end.
                    let got = if stream {
                        rx.read_exact(&mut buf).map(|_| buf.len())
                    } else {
                        rx.read(&mut buf)
                    };
                    match got {
                        Ok(0) => return Ok(()),
                        Ok(_) => {}
                        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(()),
                        Err(e) => return Err(e.to_string()),
                    }
                    if !oneway {
                        tx.write_all(&[0]).map_err(|e| e.to_string())?;
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
                tx.write_all(&request).map_err(|e| e.to_string())?;
                if !oneway {
                    rx.read_exact(&mut reply).map_err(|e| e.to_string())?;
                }
                samples.push(t.elapsed().as_nanos() as u64);
            }
            report_samples(all.elapsed(), &samples);
            Ok(())
        }
        "relay" => relay::relay(),
        "relay-server" => relay::server(),
        "relay-client" => relay::client(),
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
