//! binderctl: looks inside a running binderd through its control socket (`DIR/binderctl`).
//!
//! `state`, `stats`, `transactions`, `transaction_log`, `failed_transaction_log` and
//! `proc PID` print the kernel's debugfs files; `top` shows live traffic; `trace` records
//! every transaction for a while into a Chrome/Perfetto JSON trace.
//!
//! Exit status: 0 done, 1 binderd unreachable or refused the request, 2 bad usage.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use binder_driver::control::{self, Client, ConnectError, File, Request};
use binder_driver::core::{Event, EventKind, NodeView, ProcView};
use clap::{Parser, Subcommand, ValueEnum};

/// Looks inside a running binderd: its debugfs files, live traffic, transaction traces.
#[derive(Parser)]
#[command(name = "binderctl", version)]
struct Args {
    /// binderd's directory [default: the directory of $BINDER_DEVICE, else $BINDER_SIM_DIR,
    /// else $XDG_RUNTIME_DIR/binder-sim, else /tmp/binder-sim-$UID]
    #[arg(long, global = true)]
    dir: Option<PathBuf>,
    /// The device [default: the name of $BINDER_DEVICE, else binder]
    #[arg(long, global = true)]
    device: Option<String>,
    /// Seconds to wait for any answer of binderd before giving up
    #[arg(long, global = true, default_value_t = 5.0, value_parser = positive_secs)]
    timeout: f64,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// The devices binderd serves
    Devices,
    /// debugfs `state`: every process with its threads, nodes, refs and buffers
    State,
    /// debugfs `stats`: command and return counters, objects, per-process figures
    Stats,
    /// debugfs `transactions`: transactions in flight and queued work
    Transactions,
    /// debugfs `transaction_log`: the last 32 transactions
    #[command(name = "transaction_log", alias = "transaction-log")]
    TransactionLog,
    /// debugfs `failed_transaction_log`: the last 32 failed transactions
    #[command(name = "failed_transaction_log", alias = "failed-transaction-log")]
    FailedTransactionLog,
    /// debugfs `proc/PID`: one process's state
    Proc {
        /// The process id
        pid: i32,
    },
    /// A live view of processes and nodes, refreshed every interval. Keys: q quit;
    /// c sort by calls/s, l by p99 latency, s by bytes/s, p by pid
    Top {
        /// Print one screen (after one interval) and exit
        #[arg(long)]
        once: bool,
        /// Print one JSON document (after one interval) and exit
        #[arg(long)]
        json: bool,
        /// Seconds between refreshes
        #[arg(long, default_value_t = 1.0, value_parser = positive_secs)]
        interval: f64,
        /// Initial sort order
        #[arg(long, value_enum, default_value_t = Sort::Calls)]
        sort: Sort,
    },
    /// Records every transaction for a while into a trace for Perfetto or chrome://tracing
    Trace {
        /// Seconds to record
        #[arg(long, default_value_t = 5.0, value_parser = positive_secs)]
        seconds: f64,
        /// The trace file to write (Chrome JSON trace-event format)
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Events binderd's ring holds between two reads (older ones are dropped)
        #[arg(long, default_value_t = 1 << 18)]
        buffer: u32,
        /// Events the trace keeps at most (the oldest are dropped beyond)
        #[arg(long, default_value_t = 2_000_000)]
        max_events: usize,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Sort {
    Calls,
    Latency,
    Bytes,
    Pid,
}

fn positive_secs(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v > 0.0 && v <= 86_400.0 => Ok(v),
        _ => Err(format!("{s:?} is not a number of seconds in (0, 86400]")),
    }
}

/// What failed, as binderctl reports it.
enum Failure {
    Connect(ConnectError),
    Refused(String),
    Io(String),
}

impl From<ConnectError> for Failure {
    fn from(e: ConnectError) -> Self {
        Failure::Connect(e)
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    binder_driver::log_to_stderr("warn");
    let (dir, device) = locate(&args);
    let timeout = Duration::from_secs_f64(args.timeout);
    match run(&args.command, &dir, &device, timeout) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            match f {
                Failure::Connect(e) => eprintln!("binderctl: {e}"),
                Failure::Refused(e) => eprintln!("binderctl: binderd: {e}"),
                Failure::Io(e) => eprintln!("binderctl: {e}"),
            }
            ExitCode::FAILURE
        }
    }
}

/// binderd's directory and the device, found the way clients find them.
fn locate(args: &Args) -> (PathBuf, String) {
    let env_device = std::env::var_os("BINDER_DEVICE")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from);
    let dir = args.dir.clone().unwrap_or_else(|| {
        env_device
            .as_ref()
            .and_then(|d| d.parent())
            .filter(|p| !p.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .unwrap_or_else(binder_driver::daemon::Config::default_dir)
    });
    let device = args.device.clone().unwrap_or_else(|| {
        env_device
            .as_ref()
            .and_then(|d| d.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "binder".into())
    });
    (dir, device)
}

fn call(client: &mut Client, req: &Request) -> Result<Vec<u8>, Failure> {
    client.call(req)?.map_err(Failure::Refused)
}

fn run(cmd: &Command, dir: &Path, device: &str, timeout: Duration) -> Result<(), Failure> {
    let mut client = Client::connect(dir, timeout)?;
    let device = device.to_string();
    let file = |f: File| Request::File {
        device: device.clone(),
        file: f,
    };
    let req = match cmd {
        Command::Devices => Request::Devices,
        Command::State => file(File::State),
        Command::Stats => file(File::Stats),
        Command::Transactions => file(File::Transactions),
        Command::TransactionLog => file(File::TransactionLog),
        Command::FailedTransactionLog => file(File::FailedTransactionLog),
        Command::Proc { pid } => file(File::Proc(*pid)),
        &Command::Top {
            once,
            json,
            interval,
            sort,
        } => {
            let interval = Duration::from_secs_f64(interval);
            return top(&mut client, &device, dir, interval, sort, once, json);
        }
        Command::Trace {
            seconds,
            output,
            buffer,
            max_events,
        } => {
            let opts = TraceOptions {
                seconds: *seconds,
                buffer: *buffer,
                max_events: *max_events,
            };
            return trace(&mut client, &device, output, &opts);
        }
    };
    let mut text = call(&mut client, &req)?;
    if matches!(cmd, Command::Devices) {
        text.push(b'\n');
    }
    io::stdout()
        .write_all(&text)
        .map_err(|e| Failure::Io(format!("stdout: {e}")))
}

// ---------------------------------------------------------------------------------------------
// Events, shared by top and trace
// ---------------------------------------------------------------------------------------------

/// Reads a device's events as a recording produces them, counting what was lost.
struct Feed {
    device: String,
    next: u64,
    dropped: u64,
}

impl Feed {
    /// Starts recording on `device` with a ring of `capacity` events.
    fn start(client: &mut Client, device: &str, capacity: u32) -> Result<Feed, Failure> {
        call(
            client,
            &Request::Record {
                device: device.into(),
                on: true,
                capacity,
            },
        )?;
        // From now on: whatever an earlier recording left in the ring is not ours.
        let page = events(client, device, u64::MAX, 0)?;
        Ok(Feed {
            device: device.into(),
            next: page.next,
            dropped: 0,
        })
    }

    /// Every event recorded since the last call.
    fn drain(&mut self, client: &mut Client, out: &mut impl FnMut(Event)) -> Result<(), Failure> {
        loop {
            let page = events(client, &self.device, self.next, control::MAX_PAGE)?;
            self.dropped += page.dropped;
            self.next = page.next;
            let full = page.events.len() == control::MAX_PAGE as usize;
            page.events.into_iter().for_each(&mut *out);
            if !full {
                return Ok(());
            }
        }
    }
}

fn events(
    client: &mut Client,
    device: &str,
    from: u64,
    max: u32,
) -> Result<binder_driver::core::EventPage, Failure> {
    let b = call(
        client,
        &Request::Events {
            device: device.into(),
            from,
            max,
        },
    )?;
    control::decode_events(&b).ok_or_else(|| Failure::Io("malformed events from binderd".into()))
}

fn snapshot(client: &mut Client, device: &str) -> Result<(Vec<ProcView>, Vec<NodeView>), Failure> {
    let b = call(
        client,
        &Request::Snapshot {
            device: device.into(),
        },
    )?;
    control::decode_snapshot(&b)
        .ok_or_else(|| Failure::Io("malformed snapshot from binderd".into()))
}

/// A process's command name, from /proc (binderctl runs beside binderd).
fn comm(pid: i32) -> Option<String> {
    std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .ok()
        .map(|s| s.trim_end().to_string())
}

fn thread_comm(pid: i32, tid: i32) -> Option<String> {
    std::fs::read_to_string(format!("/proc/{pid}/task/{tid}/comm"))
        .ok()
        .map(|s| s.trim_end().to_string())
}

// ---------------------------------------------------------------------------------------------
// top
// ---------------------------------------------------------------------------------------------

/// Latencies of sync calls seen in one interval: answered calls, by target pid and node.
#[derive(Default)]
struct Latencies {
    /// Calls not answered yet: id → (sent at, target pid, node).
    open: HashMap<u64, (u64, i32, u64)>,
    by_pid: HashMap<i32, Vec<u64>>,
    by_node: HashMap<u64, Vec<u64>>,
}

/// Calls waiting for a reply that top remembers at most (a reply lost to a drop would
/// otherwise keep its call forever).
const MAX_OPEN_CALLS: usize = 1 << 16;

impl Latencies {
    fn add(&mut self, e: Event) {
        match e.kind {
            EventKind::Call => {
                if self.open.len() >= MAX_OPEN_CALLS {
                    self.open.clear();
                }
                self.open.insert(e.txn, (e.ts_ns, e.to_pid, e.node));
            }
            EventKind::Reply => {
                if let Some((t, pid, node)) = self.open.remove(&e.in_reply_to) {
                    let ns = e.ts_ns.saturating_sub(t);
                    self.by_pid.entry(pid).or_default().push(ns);
                    self.by_node.entry(node).or_default().push(ns);
                }
            }
            EventKind::Failed => {
                self.open.remove(&e.txn);
            }
            _ => {}
        }
    }

    fn new_interval(&mut self) {
        self.by_pid.clear();
        self.by_node.clear();
    }
}

/// The `q` quantile (nearest rank) of `v`, in microseconds.
fn quantile(v: &mut [u64], q: f64) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_unstable();
    let i = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1;
    Some(v[i] as f64 / 1000.0)
}

struct ProcRow {
    view: ProcView,
    name: String,
    calls: f64,
    /// Sync calls it made, per second.
    sent: f64,
    oneways: f64,
    bytes: f64,
    p50: Option<f64>,
    p99: Option<f64>,
}

struct NodeRow {
    view: NodeView,
    calls: f64,
    oneways: f64,
    bytes: f64,
    p50: Option<f64>,
    p99: Option<f64>,
}

struct Screen {
    procs: Vec<ProcRow>,
    nodes: Vec<NodeRow>,
    seconds: f64,
    dropped: u64,
}

/// Per-second rates between two snapshots, and the interval's latencies.
fn rates(
    before: &(Vec<ProcView>, Vec<NodeView>),
    after: (Vec<ProcView>, Vec<NodeView>),
    lat: &mut Latencies,
    seconds: f64,
    dropped: u64,
) -> Screen {
    let old_procs: HashMap<i32, &ProcView> = before.0.iter().map(|p| (p.pid, p)).collect();
    let old_nodes: HashMap<u64, &NodeView> = before.1.iter().map(|n| (n.id, n)).collect();
    let per_s = |a: u64, b: Option<u64>| a.saturating_sub(b.unwrap_or(0)) as f64 / seconds;
    let procs = after
        .0
        .into_iter()
        .map(|p| {
            let o = old_procs.get(&p.pid).map(|o| o.traffic);
            let mut l = lat.by_pid.remove(&p.pid).unwrap_or_default();
            ProcRow {
                name: comm(p.pid).unwrap_or_else(|| "?".into()),
                calls: per_s(p.traffic.calls, o.map(|o| o.calls)),
                sent: per_s(p.traffic.calls_sent, o.map(|o| o.calls_sent)),
                oneways: per_s(p.traffic.oneways, o.map(|o| o.oneways)),
                bytes: per_s(p.traffic.bytes, o.map(|o| o.bytes)),
                p50: quantile(&mut l, 0.5),
                p99: quantile(&mut l, 0.99),
                view: p,
            }
        })
        .collect();
    let nodes = after
        .1
        .into_iter()
        .map(|n| {
            let o = old_nodes.get(&n.id).map(|o| o.traffic);
            let mut l = lat.by_node.remove(&n.id).unwrap_or_default();
            NodeRow {
                calls: per_s(n.traffic.calls, o.map(|o| o.calls)),
                oneways: per_s(n.traffic.oneways, o.map(|o| o.oneways)),
                bytes: per_s(n.traffic.bytes, o.map(|o| o.bytes)),
                p50: quantile(&mut l, 0.5),
                p99: quantile(&mut l, 0.99),
                view: n,
            }
        })
        .collect();
    Screen {
        procs,
        nodes,
        seconds,
        dropped,
    }
}

fn sort_rows(s: &mut Screen, sort: Sort) {
    let desc = |a: f64, b: f64| b.partial_cmp(&a).unwrap_or(std::cmp::Ordering::Equal);
    let lat = |v: Option<f64>| v.unwrap_or(-1.0);
    match sort {
        Sort::Calls => {
            s.procs
                .sort_by(|a, b| desc(a.calls + a.oneways, b.calls + b.oneways));
            s.nodes
                .sort_by(|a, b| desc(a.calls + a.oneways, b.calls + b.oneways));
        }
        Sort::Latency => {
            s.procs.sort_by(|a, b| desc(lat(a.p99), lat(b.p99)));
            s.nodes.sort_by(|a, b| desc(lat(a.p99), lat(b.p99)));
        }
        Sort::Bytes => {
            s.procs.sort_by(|a, b| desc(a.bytes, b.bytes));
            s.nodes.sort_by(|a, b| desc(a.bytes, b.bytes));
        }
        Sort::Pid => {
            s.procs.sort_by_key(|p| p.view.pid);
            s.nodes.sort_by_key(|n| (n.view.owner_pid, n.view.id));
        }
    }
}

fn human_bytes(v: f64) -> String {
    if v >= 10.0 * 1024.0 * 1024.0 {
        format!("{:.0}M", v / (1024.0 * 1024.0))
    } else if v >= 10.0 * 1024.0 {
        format!("{:.0}K", v / 1024.0)
    } else {
        format!("{v:.0}")
    }
}

fn us(v: Option<f64>) -> String {
    match v {
        None => "-".into(),
        Some(v) if v >= 10_000.0 => format!("{:.0}ms", v / 1000.0),
        Some(v) => format!("{v:.0}us"),
    }
}

fn percent(used: u64, size: u64) -> String {
    if size == 0 {
        "-".into()
    } else {
        format!("{:.0}%", used as f64 * 100.0 / size as f64)
    }
}

const FROZEN: [&str; 3] = ["no", "freezing", "yes"];

fn frozen(v: u8) -> &'static str {
    FROZEN.get(v as usize).copied().unwrap_or("?")
}

/// The screen as lines of text.
fn render(s: &Screen, device: &str, dir: &Path, sort: Sort) -> Vec<String> {
    let mut out = vec![
        format!(
            "binderctl top - {} device {device} - {} processes, {} nodes - every {:.1}s - \
             events dropped {}",
            dir.display(),
            s.procs.len(),
            s.nodes.len(),
            s.seconds,
            s.dropped
        ),
        format!(
            "sort: {} (keys: c calls/s, l p99 latency, s bytes/s, p pid, q quit)",
            format!("{sort:?}").to_lowercase()
        ),
        String::new(),
        format!(
            "{:>7} {:<15} {:>8} {:>8} {:>8} {:>7} {:>7} {:>7} {:>5} {:>5} {:>8} {:>4} {:>6}",
            "PID",
            "COMMAND",
            "CALLS/s",
            "OUT/s",
            "ONEWAY/s",
            "P50",
            "P99",
            "BYTES/s",
            "BUF",
            "ASYNC",
            "THR b/i/w",
            "TODO",
            "FROZEN"
        ),
    ];
    for p in &s.procs {
        let v = &p.view;
        let mut name = p.name.clone();
        name.truncate(15);
        out.push(format!(
            "{:>7} {:<15} {:>8.0} {:>8.0} {:>8.0} {:>7} {:>7} {:>7} {:>5} {:>5} {:>8} {:>4} {:>6}",
            v.pid,
            name,
            p.calls,
            p.sent,
            p.oneways,
            us(p.p50),
            us(p.p99),
            human_bytes(p.bytes),
            percent(v.buffer_used, v.buffer_size),
            percent(v.async_used, v.async_size),
            format!("{}/{}/{}", v.busy, v.idle, v.waiting),
            v.pending,
            frozen(v.frozen),
        ));
    }
    out.push(String::new());
    out.push(format!(
        "{:>7} {:>7} {:>14} {:>4} {:>8} {:>8} {:>7} {:>7} {:>7}  {}",
        "NODE", "OWNER", "PTR", "REFS", "CALLS/s", "ONEWAY/s", "P50", "P99", "BYTES/s", "INTERFACE"
    ));
    for n in &s.nodes {
        let v = &n.view;
        out.push(format!(
            "{:>7} {:>7} {:>14x} {:>4} {:>8.0} {:>8.0} {:>7} {:>7} {:>7}  {}",
            v.id,
            if v.owner_pid == 0 {
                "dead".to_string()
            } else {
                v.owner_pid.to_string()
            },
            v.ptr,
            v.refs,
            n.calls,
            n.oneways,
            us(n.p50),
            us(n.p99),
            human_bytes(n.bytes),
            if v.descriptor.is_empty() {
                "-"
            } else {
                &v.descriptor
            },
        ));
    }
    out
}

/// A JSON string literal.
fn json_str(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            '\t' => o.push_str("\\t"),
            c if (c as u32) < 0x20 => o.push_str(&format!("\\u{:04x}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn json_num(v: f64) -> String {
    if v.is_finite() {
        format!("{}", (v * 1000.0).round() / 1000.0)
    } else {
        "null".into()
    }
}

fn json_opt(v: Option<f64>) -> String {
    v.map_or_else(|| "null".into(), json_num)
}

fn render_json(s: &Screen, device: &str) -> String {
    let procs: Vec<String> = s
        .procs
        .iter()
        .map(|p| {
            let v = &p.view;
            format!(
                "{{\"pid\":{},\"command\":{},\"calls_per_s\":{},\"oneways_per_s\":{},\
                 \"calls_sent_per_s\":{},\"bytes_per_s\":{},\"p50_us\":{},\"p99_us\":{},\"calls_total\":{},\
                 \"oneways_total\":{},\"calls_sent_total\":{},\"bytes_total\":{},\
                 \"buffer_size\":{},\"buffer_used\":{},\"async_size\":{},\"async_used\":{},\
                 \"threads_busy\":{},\"threads_idle\":{},\"threads_waiting\":{},\
                 \"pending_work\":{},\"frozen\":{}}}",
                v.pid,
                json_str(&p.name),
                json_num(p.calls),
                json_num(p.oneways),
                json_num(p.sent),
                json_num(p.bytes),
                json_opt(p.p50),
                json_opt(p.p99),
                v.traffic.calls,
                v.traffic.oneways,
                v.traffic.calls_sent,
                v.traffic.bytes,
                v.buffer_size,
                v.buffer_used,
                v.async_size,
                v.async_used,
                v.busy,
                v.idle,
                v.waiting,
                v.pending,
                json_str(frozen(v.frozen)),
            )
        })
        .collect();
    let nodes: Vec<String> = s
        .nodes
        .iter()
        .map(|n| {
            let v = &n.view;
            format!(
                "{{\"node\":{},\"owner_pid\":{},\"ptr\":{},\"refs\":{},\"calls_per_s\":{},\
                 \"oneways_per_s\":{},\"bytes_per_s\":{},\"p50_us\":{},\"p99_us\":{},\
                 \"calls_total\":{},\"oneways_total\":{},\"bytes_total\":{},\"interface\":{}}}",
                v.id,
                v.owner_pid,
                v.ptr,
                v.refs,
                json_num(n.calls),
                json_num(n.oneways),
                json_num(n.bytes),
                json_opt(n.p50),
                json_opt(n.p99),
                v.traffic.calls,
                v.traffic.oneways,
                v.traffic.bytes,
                if v.descriptor.is_empty() {
                    "null".to_string()
                } else {
                    json_str(&v.descriptor)
                },
            )
        })
        .collect();
    format!(
        "{{\"device\":{},\"interval_s\":{},\"events_dropped\":{},\"processes\":[{}],\
         \"nodes\":[{}]}}\n",
        json_str(device),
        json_num(s.seconds),
        s.dropped,
        procs.join(","),
        nodes.join(",")
    )
}

/// The terminal in a mode for `top`: keys arrive one at a time, unechoed, on the alternate
/// screen; restored on drop.
struct Terminal {
    saved: Option<libc::termios>,
}

impl Terminal {
    fn enter() -> Terminal {
        // SAFETY: termios calls on stdin with a zeroed struct they fill.
        let saved = unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            if libc::isatty(0) == 1 && libc::tcgetattr(0, &mut t) == 0 {
                let saved = t;
                t.c_lflag &= !(libc::ICANON | libc::ECHO | libc::ISIG | libc::IEXTEN);
                t.c_iflag &= !(libc::IXON | libc::ICRNL);
                t.c_cc[libc::VMIN] = 1;
                t.c_cc[libc::VTIME] = 0;
                libc::tcsetattr(0, libc::TCSANOW, &t);
                Some(saved)
            } else {
                None
            }
        };
        print!("\x1b[?1049h\x1b[?25l");
        let _ = io::stdout().flush();
        Terminal { saved }
    }

    /// Lines and columns.
    fn size() -> (usize, usize) {
        // SAFETY: TIOCGWINSZ fills a winsize.
        let mut w: libc::winsize = unsafe { std::mem::zeroed() };
        // SAFETY: as above.
        let ok = unsafe { libc::ioctl(1, libc::TIOCGWINSZ, &mut w) } == 0;
        if ok && w.ws_row > 0 && w.ws_col > 0 {
            (w.ws_row as usize, w.ws_col as usize)
        } else {
            (24, 80)
        }
    }

    fn draw(&self, lines: &[String]) -> io::Result<()> {
        let (rows, cols) = Self::size();
        let mut frame = String::from("\x1b[H\x1b[2J");
        for (i, l) in lines.iter().take(rows).enumerate() {
            if i > 0 {
                frame.push_str("\r\n");
            }
            frame.extend(l.chars().take(cols));
        }
        let mut out = io::stdout().lock();
        out.write_all(frame.as_bytes())?;
        out.flush()
    }

    /// A key pressed within `wait`, if any.
    fn key(&self, wait: Duration) -> Option<u8> {
        let mut p = libc::pollfd {
            fd: 0,
            events: libc::POLLIN,
            revents: 0,
        };
        let ms = wait.as_millis().min(i32::MAX as u128) as i32;
        // SAFETY: one valid pollfd.
        if unsafe { libc::poll(&mut p, 1, ms) } <= 0 {
            return None;
        }
        let mut b = [0u8; 1];
        // SAFETY: reading one byte into our buffer.
        match unsafe { libc::read(0, b.as_mut_ptr() as *mut libc::c_void, 1) } {
            1 => Some(b[0]),
            // End of input: treat as quit, or top would spin on a closed stdin.
            _ => Some(b'q'),
        }
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        print!("\x1b[?25h\x1b[?1049l");
        let _ = io::stdout().flush();
        if let Some(t) = &self.saved {
            // SAFETY: restoring the settings read at enter.
            unsafe { libc::tcsetattr(0, libc::TCSANOW, t) };
        }
    }
}

fn top(
    client: &mut Client,
    device: &str,
    dir: &Path,
    interval: Duration,
    mut sort: Sort,
    once: bool,
    json: bool,
) -> Result<(), Failure> {
    let mut feed = Feed::start(client, device, 1 << 18)?;
    let mut lat = Latencies::default();
    let mut before = snapshot(client, device)?;
    let mut at = Instant::now();
    // Refreshes keep to a fixed beat, however long reading and drawing take.
    let mut tick = at + interval;
    let term = (!once && !json).then(Terminal::enter);
    let mut dropped_before = 0;
    let mut last: Option<Screen> = None;
    loop {
        // Wait for the next beat, answering keys meanwhile: a sort key redraws at once.
        if let Some(t) = &term {
            loop {
                let left = tick.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    break;
                }
                let key = t.key(left);
                let new_sort = match key {
                    Some(b'q' | b'Q' | 3) => return Ok(()),
                    Some(b'c') => Sort::Calls,
                    Some(b'l') => Sort::Latency,
                    Some(b's') => Sort::Bytes,
                    Some(b'p') => Sort::Pid,
                    _ => continue,
                };
                sort = new_sort;
                if let Some(screen) = &mut last {
                    sort_rows(screen, sort);
                    t.draw(&render(screen, device, dir, sort))
                        .map_err(|e| Failure::Io(format!("terminal: {e}")))?;
                }
            }
        } else {
            std::thread::sleep(tick.saturating_duration_since(Instant::now()));
        }
        lat.new_interval();
        feed.drain(client, &mut |e| lat.add(e))?;
        let after = snapshot(client, device)?;
        let now = Instant::now();
        // A late screen (a loaded machine) moves the beat rather than squeezing the next one.
        tick += interval;
        if tick < now + interval / 2 {
            tick = now + interval;
        }
        let seconds = now.duration_since(at).as_secs_f64();
        let keep = after.clone();
        let mut screen = rates(
            &before,
            after,
            &mut lat,
            seconds,
            feed.dropped - dropped_before,
        );
        dropped_before = feed.dropped;
        before = keep;
        at = now;
        sort_rows(&mut screen, sort);
        if json {
            print!("{}", render_json(&screen, device));
            return Ok(());
        }
        let lines = render(&screen, device, dir, sort);
        match &term {
            Some(t) => t
                .draw(&lines)
                .map_err(|e| Failure::Io(format!("terminal: {e}")))?,
            None => {
                println!("{}", lines.join("\n"));
                return Ok(());
            }
        }
        last = Some(screen);
    }
}

// ---------------------------------------------------------------------------------------------
// trace
// ---------------------------------------------------------------------------------------------

struct TraceOptions {
    seconds: f64,
    buffer: u32,
    max_events: usize,
}

/// How often trace reads binderd's ring.
const TRACE_POLL: Duration = Duration::from_millis(100);

/// What the trace's processes, threads and nodes are called, learnt while recording: a
/// short-lived process has left /proc (and its nodes binderd) by the time the trace ends.
#[derive(Default)]
struct Names {
    procs: HashMap<i32, String>,
    threads: HashMap<(i32, i32), String>,
    interfaces: HashMap<u64, String>,
    /// Nodes whose interface was asked for (known or not).
    nodes_seen: std::collections::HashSet<u64>,
}

impl Names {
    fn learn(
        &mut self,
        client: &mut Client,
        device: &str,
        events: &[Event],
    ) -> Result<(), Failure> {
        let mut new_node = false;
        for e in events {
            for (pid, tid) in [(e.from_pid, e.from_tid), (e.to_pid, e.to_tid)] {
                if pid <= 0 {
                    continue;
                }
                if let std::collections::hash_map::Entry::Vacant(v) = self.procs.entry(pid) {
                    if let Some(c) = comm(pid) {
                        v.insert(c);
                    }
                }
                if tid <= 0 {
                    continue;
                }
                if let std::collections::hash_map::Entry::Vacant(v) = self.threads.entry((pid, tid))
                {
                    if let Some(c) = thread_comm(pid, tid) {
                        v.insert(c);
                    }
                }
            }
            if e.node != 0 && self.nodes_seen.insert(e.node) {
                new_node = true;
            }
        }
        if new_node {
            let (_, nodes) = snapshot(client, device)?;
            for n in nodes.into_iter().filter(|n| !n.descriptor.is_empty()) {
                self.interfaces.insert(n.id, n.descriptor);
            }
        }
        Ok(())
    }
}

fn trace(
    client: &mut Client,
    device: &str,
    output: &Path,
    opts: &TraceOptions,
) -> Result<(), Failure> {
    // Open the output first: a bad path fails before recording.
    let mut file = std::fs::File::create(output)
        .map_err(|e| Failure::Io(format!("{}: {e}", output.display())))?;
    let mut feed = Feed::start(client, device, opts.buffer)?;
    let mut kept: VecDeque<Event> = VecDeque::new();
    let mut dropped_here = 0u64;
    let mut names = Names::default();
    let end = Instant::now() + Duration::from_secs_f64(opts.seconds);
    loop {
        let now = Instant::now();
        let mut batch = Vec::new();
        feed.drain(client, &mut |e| batch.push(e))?;
        names.learn(client, device, &batch)?;
        for e in batch {
            if kept.len() >= opts.max_events.max(1) {
                kept.pop_front();
                dropped_here += 1;
            }
            kept.push_back(e);
        }
        if now >= end {
            break;
        }
        std::thread::sleep(TRACE_POLL.min(end.saturating_duration_since(Instant::now())));
    }
    // Processes and threads that came and went while recording, as binderd saw them.
    let b = call(
        client,
        &Request::Names {
            device: device.into(),
        },
    )?;
    let noted = control::decode_names(&b).ok_or_else(|| Failure::Io("malformed names".into()))?;
    for (pid, tid, name) in noted.threads {
        if pid == tid {
            names.procs.entry(pid).or_insert_with(|| name.clone());
        }
        names.threads.entry((pid, tid)).or_insert(name);
    }
    names.interfaces.extend(noted.interfaces);
    call(
        client,
        &Request::Record {
            device: device.into(),
            on: false,
            capacity: 0,
        },
    )?;
    let events: Vec<Event> = kept.into();
    let dropped = feed.dropped + dropped_here;
    // Interfaces learnt since the last look.
    let (_, nodes) = snapshot(client, device)?;
    for n in nodes.into_iter().filter(|n| !n.descriptor.is_empty()) {
        names.interfaces.insert(n.id, n.descriptor);
    }
    let doc = chrome_trace(&events, &names, device, opts.seconds, dropped);
    file.write_all(doc.as_bytes())
        .map_err(|e| Failure::Io(format!("{}: {e}", output.display())))?;
    eprintln!(
        "binderctl: {} events over {:.1}s written to {} ({dropped} dropped)",
        events.len(),
        opts.seconds,
        output.display()
    );
    Ok(())
}

/// A sync call and what became of it.
#[derive(Default)]
struct CallSpan {
    sent: Option<Event>,
    delivered: Option<Event>,
    reply: Option<Event>,
    reply_delivered: Option<Event>,
}

/// Microseconds (the format's unit) since `t0`.
fn ts(t: u64, t0: u64) -> String {
    let ns = t.saturating_sub(t0);
    format!("{}.{:03}", ns / 1000, ns % 1000)
}

/// A transaction code as libbinder names it: its number, or for the codes every binder
/// answers (`B_PACK_CHARS('_', x, y, z)`: `_PNG` ping, `_NTF` interface, `_DMP` dump, ...)
/// their four characters.
fn code_name(code: u32) -> String {
    let b = code.to_be_bytes();
    if b[0] == b'_' && b[1..].iter().all(|c| c.is_ascii_uppercase()) {
        String::from_utf8_lossy(&b).into_owned()
    } else {
        format!("code {code:#x}")
    }
}

/// A transaction's name: its interface (when binderd saw its token) and code, else its node
/// and code.
fn label(e: &Event, interfaces: &HashMap<u64, String>) -> String {
    match interfaces.get(&e.node) {
        Some(i) => format!("{i} {}", code_name(e.code)),
        None if e.node != 0 => format!("{} node {}", code_name(e.code), e.node),
        None => code_name(e.code),
    }
}

/// The events as a Chrome JSON trace: a slice on the caller's thread from send to reply, a
/// slice on the serving thread from delivery to reply, and flow arrows call → serving
/// thread and reply → caller, from and to zero-length marks; oneways as zero-length slices
/// joined by an arrow; failures as instants. Flow ends sit 1 ns inside their slices, so that
/// both viewers bind them.
fn chrome_trace(
    events: &[Event],
    names: &Names,
    device: &str,
    seconds: f64,
    dropped: u64,
) -> String {
    let t0 = events.first().map_or(0, |e| e.ts_ns);
    let t_end = events.last().map_or(0, |e| e.ts_ns);
    let mut calls: BTreeMap<u64, CallSpan> = BTreeMap::new();
    let mut oneways: BTreeMap<u64, (Event, Option<Event>)> = BTreeMap::new();
    let mut reply_of: HashMap<u64, u64> = HashMap::new();
    let mut out: Vec<String> = Vec::new();
    let mut threads: BTreeMap<i32, std::collections::BTreeSet<i32>> = BTreeMap::new();
    let mut thread = |pid: i32, tid: i32| {
        threads.entry(pid).or_default().insert(tid);
    };
    for e in events {
        match e.kind {
            EventKind::Call => {
                thread(e.from_pid, e.from_tid);
                calls.entry(e.txn).or_default().sent = Some(*e);
            }
            EventKind::Oneway => {
                thread(e.from_pid, e.from_tid);
                oneways.insert(e.txn, (*e, None));
            }
            EventKind::Reply => {
                thread(e.from_pid, e.from_tid);
                reply_of.insert(e.txn, e.in_reply_to);
                calls.entry(e.in_reply_to).or_default().reply = Some(*e);
            }
            EventKind::Delivered => {
                thread(e.to_pid, e.to_tid);
                if let Some(call) = reply_of.get(&e.txn) {
                    calls.entry(*call).or_default().reply_delivered = Some(*e);
                } else if let Some(o) = oneways.get_mut(&e.txn) {
                    o.1 = Some(*e);
                } else {
                    calls.entry(e.txn).or_default().delivered = Some(*e);
                }
            }
            EventKind::Failed => {
                thread(e.from_pid, e.from_tid);
                out.push(format!(
                    "{{\"name\":{},\"cat\":\"binder\",\"ph\":\"i\",\"s\":\"t\",\"ts\":{},\
                     \"pid\":{},\"tid\":{},\"args\":{{\"txn\":{},\"return\":\"{:#x}\",\
                     \"to_pid\":{},\"node\":{}}}}}",
                    json_str(&format!("failed {}", label(e, &names.interfaces))),
                    ts(e.ts_ns, t0),
                    e.from_pid,
                    e.from_tid,
                    e.txn,
                    e.code,
                    e.to_pid,
                    e.node
                ));
            }
        }
    }
    let slice = |out: &mut Vec<String>,
                 name: &str,
                 cat: &str,
                 pid,
                 tid,
                 start: u64,
                 end: u64,
                 args: String| {
        out.push(format!(
            "{{\"name\":{},\"cat\":\"{cat}\",\"ph\":\"X\",\"ts\":{},\"dur\":{},\"pid\":{pid},\
             \"tid\":{tid},\"args\":{{{args}}}}}",
            json_str(name),
            ts(start, t0),
            ts(end.max(start), start),
        ));
    };
    let flow =
        |out: &mut Vec<String>, name: &str, id: u64, from: (i32, i32, u64), to: (i32, i32, u64)| {
            out.push(format!(
                "{{\"name\":{},\"cat\":\"binder\",\"ph\":\"s\",\"id\":{id},\"ts\":{},\"pid\":{},\
             \"tid\":{}}}",
                json_str(name),
                ts(from.2, t0),
                from.0,
                from.1
            ));
            out.push(format!(
                "{{\"name\":{},\"cat\":\"binder\",\"ph\":\"f\",\"bp\":\"e\",\"id\":{id},\"ts\":{},\
             \"pid\":{},\"tid\":{}}}",
                json_str(name),
                ts(to.2, t0),
                to.0,
                to.1
            ));
        };
    for (id, c) in &calls {
        // A call whose send the recording missed (it started before) has no caller slice.
        let Some(s) = c.sent else { continue };
        let name = label(&s, &names.interfaces);
        let end = c.reply_delivered.or(c.reply).map_or(t_end, |e| e.ts_ns);
        let outcome = match (c.reply, c.reply_delivered) {
            (_, Some(_)) => "answered",
            (Some(_), None) => "reply not read yet",
            _ => "unanswered when the trace ended",
        };
        slice(
            &mut out,
            &name,
            "binder,call",
            s.from_pid,
            s.from_tid,
            s.ts_ns,
            end,
            format!(
                "\"txn\":{id},\"code\":{},\"node\":{},\"to_pid\":{},\"size\":{},\"outcome\":\"{outcome}\"",
                s.code, s.node, s.to_pid, s.size
            ),
        );
        if let Some(d) = c.delivered {
            let stop = c.reply.map_or(t_end, |r| r.ts_ns);
            slice(
                &mut out,
                &name,
                "binder,serve",
                d.to_pid,
                d.to_tid,
                d.ts_ns,
                stop,
                format!(
                    "\"txn\":{id},\"code\":{},\"node\":{},\"from_pid\":{},\"from_tid\":{}",
                    s.code, s.node, s.from_pid, s.from_tid
                ),
            );
            // Perfetto draws an arrow from the end of the slice it leaves to the start of the
            // one it reaches: it leaves a zero-length "send" mark inside the call, and the
            // reply's arrow goes from a "reply" mark to a "reply read" mark.
            let mark = |out: &mut Vec<String>, what: &str, at: (i32, i32, u64)| {
                slice(
                    out,
                    what,
                    "binder,flow",
                    at.0,
                    at.1,
                    at.2,
                    at.2,
                    format!("\"txn\":{id}"),
                );
            };
            let send = (s.from_pid, s.from_tid, s.ts_ns + 1);
            mark(&mut out, "send", send);
            flow(
                &mut out,
                &name,
                *id,
                send,
                (d.to_pid, d.to_tid, d.ts_ns + 1),
            );
            if let (Some(r), Some(rd)) = (c.reply, c.reply_delivered) {
                let from = (
                    r.from_pid,
                    r.from_tid,
                    r.ts_ns.saturating_sub(1).max(d.ts_ns),
                );
                let to = (
                    rd.to_pid,
                    rd.to_tid,
                    rd.ts_ns.saturating_sub(1).max(s.ts_ns),
                );
                mark(&mut out, "reply", from);
                mark(&mut out, "reply read", to);
                flow(&mut out, &format!("reply {name}"), r.txn, from, to);
            }
        }
    }
    for (id, (s, d)) in &oneways {
        let name = format!("oneway {}", label(s, &names.interfaces));
        let args = format!(
            "\"txn\":{id},\"code\":{},\"node\":{},\"size\":{}",
            s.code, s.node, s.size
        );
        slice(
            &mut out,
            &name,
            "binder,oneway",
            s.from_pid,
            s.from_tid,
            s.ts_ns,
            s.ts_ns,
            args.clone(),
        );
        if let Some(d) = d {
            slice(
                &mut out,
                &name,
                "binder,oneway",
                d.to_pid,
                d.to_tid,
                d.ts_ns,
                d.ts_ns,
                args,
            );
            flow(
                &mut out,
                &name,
                *id,
                (s.from_pid, s.from_tid, s.ts_ns),
                (d.to_pid, d.to_tid, d.ts_ns),
            );
        }
    }
    for (pid, tids) in &threads {
        let pname = names
            .procs
            .get(pid)
            .cloned()
            .or_else(|| comm(*pid))
            .unwrap_or_else(|| format!("pid {pid}"));
        out.push(format!(
            "{{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":{pid},\"tid\":0,\"args\":{{\"name\":{}}}}}",
            json_str(&pname)
        ));
        for tid in tids {
            let tname = names
                .threads
                .get(&(*pid, *tid))
                .cloned()
                .or_else(|| thread_comm(*pid, *tid))
                .unwrap_or_else(|| format!("tid {tid}"));
            out.push(format!(
                "{{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":{pid},\"tid\":{tid},\"args\":{{\"name\":{}}}}}",
                json_str(&tname)
            ));
        }
    }
    format!(
        "{{\"traceEvents\":[\n{}\n],\n\"displayTimeUnit\":\"ns\",\n\"metadata\":{{\"source\":\
         \"binderctl {}\",\"device\":{},\"seconds\":{},\"events_recorded\":{},\
         \"events_dropped\":{dropped},\"names\":\"interface descriptor and code where binderd read an \
         interface token from a call, else node debug id and code\"}}}}\n",
        out.join(",\n"),
        env!("CARGO_PKG_VERSION"),
        json_str(device),
        json_num(seconds),
        events.len(),
    )
}
