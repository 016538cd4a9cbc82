//! binderd's control socket: what `binderctl` asks and what binderd answers.
//!
//! The socket is `DIR/binderctl` (a `SOCK_STREAM` Unix socket, mode 0600); binderd answers
//! only its own uid and root, as debugfs is root's. Each message is a frame: a little-endian
//! `u32` length, then that many bytes. A request starts with [`VERSION`] and an operation
//! byte; an answer with [`VERSION`] and a status byte (0: the payload follows; 1: an error
//! message follows, UTF-8). A frame longer than the side's limit, or one that does not
//! decode, ends the connection.

use std::io::{self, Read, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::core::{Event, EventKind, EventPage, NodeView, ProcView, Traffic};

/// The control socket's name in binderd's directory.
pub const SOCKET_NAME: &str = "binderctl";

/// The protocol version both sides put first in every message.
pub const VERSION: u8 = 1;

/// The largest request binderd reads.
pub const MAX_REQUEST: usize = 4096;

/// The largest answer binderctl reads.
pub const MAX_ANSWER: usize = 64 << 20;

/// Events one [`Request::Events`] returns at most.
pub const MAX_PAGE: u32 = 1 << 16;

/// A debugfs file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum File {
    State,
    Stats,
    Transactions,
    TransactionLog,
    FailedTransactionLog,
    /// `proc/<pid>`.
    Proc(i32),
}

/// What binderctl asks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// The devices binderd serves, one name per line.
    Devices,
    /// A debugfs file of a device, as text.
    File { device: String, file: File },
    /// Every process and node of a device ([`encode_snapshot`]).
    Snapshot { device: String },
    /// Starts (with a ring of `capacity` events) or stops this connection's recording on a
    /// device; the recording also stops when the connection ends.
    Record {
        device: String,
        on: bool,
        capacity: u32,
    },
    /// Up to `max` events from position `from` ([`encode_events`]).
    Events { device: String, from: u64, max: u32 },
    /// What the processes and threads that opened the device or attached to it while a
    /// recording ran are called ([`encode_names`]).
    Names { device: String },
}

const OP_DEVICES: u8 = 1;
const OP_FILE: u8 = 2;
const OP_SNAPSHOT: u8 = 3;
const OP_RECORD: u8 = 4;
const OP_EVENTS: u8 = 5;
const OP_NAMES: u8 = 6;

/// Appends fixed-size little-endian fields and strings to a buffer.
#[derive(Default)]
pub struct Writer(pub Vec<u8>);

impl Writer {
    pub fn u8(&mut self, v: u8) -> &mut Self {
        self.0.push(v);
        self
    }
    pub fn u32(&mut self, v: u32) -> &mut Self {
        self.0.extend_from_slice(&v.to_le_bytes());
        self
    }
    pub fn i32(&mut self, v: i32) -> &mut Self {
        self.u32(v as u32)
    }
    pub fn u64(&mut self, v: u64) -> &mut Self {
        self.0.extend_from_slice(&v.to_le_bytes());
        self
    }
    pub fn str(&mut self, s: &str) -> &mut Self {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
        self
    }
}

/// Reads what [`Writer`] wrote; every read fails (`None`) past the end.
pub struct Reader<'a>(pub &'a [u8]);

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        if self.0.len() < n {
            return None;
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Some(a)
    }
    pub fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    pub fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    pub fn i32(&mut self) -> Option<i32> {
        self.u32().map(|v| v as i32)
    }
    pub fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    pub fn str(&mut self) -> Option<String> {
        let n = self.u32()? as usize;
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }
    /// Whether everything was read.
    pub fn done(&self) -> bool {
        self.0.is_empty()
    }
}

impl Request {
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.u8(VERSION);
        match self {
            Request::Devices => {
                w.u8(OP_DEVICES);
            }
            Request::File { device, file } => {
                let (which, pid) = match *file {
                    File::State => (0, 0),
                    File::Stats => (1, 0),
                    File::Transactions => (2, 0),
                    File::TransactionLog => (3, 0),
                    File::FailedTransactionLog => (4, 0),
                    File::Proc(pid) => (5, pid),
                };
                w.u8(OP_FILE).str(device).u8(which).i32(pid);
            }
            Request::Snapshot { device } => {
                w.u8(OP_SNAPSHOT).str(device);
            }
            Request::Record {
                device,
                on,
                capacity,
            } => {
                w.u8(OP_RECORD).str(device).u8(*on as u8).u32(*capacity);
            }
            Request::Events { device, from, max } => {
                w.u8(OP_EVENTS).str(device).u64(*from).u32(*max);
            }
            Request::Names { device } => {
                w.u8(OP_NAMES).str(device);
            }
        }
        w.0
    }

    /// `None` for anything malformed, of another version, or with bytes left over.
    pub fn decode(b: &[u8]) -> Option<Request> {
        let mut r = Reader(b);
        if r.u8()? != VERSION {
            return None;
        }
        let q = match r.u8()? {
            OP_DEVICES => Request::Devices,
            OP_FILE => {
                let device = r.str()?;
                let which = r.u8()?;
                let pid = r.i32()?;
                let file = match which {
                    0 => File::State,
                    1 => File::Stats,
                    2 => File::Transactions,
                    3 => File::TransactionLog,
                    4 => File::FailedTransactionLog,
                    5 => File::Proc(pid),
                    _ => return None,
                };
                Request::File { device, file }
            }
            OP_SNAPSHOT => Request::Snapshot { device: r.str()? },
            OP_RECORD => Request::Record {
                device: r.str()?,
                on: r.u8()? != 0,
                capacity: r.u32()?,
            },
            OP_EVENTS => Request::Events {
                device: r.str()?,
                from: r.u64()?,
                max: r.u32()?,
            },
            OP_NAMES => Request::Names { device: r.str()? },
            _ => return None,
        };
        r.done().then_some(q)
    }
}

/// An answer's frame body: success and its payload.
pub fn encode_answer(answer: &Result<Vec<u8>, String>) -> Vec<u8> {
    let mut w = Writer::default();
    w.u8(VERSION);
    match answer {
        Ok(b) => {
            w.u8(0);
            w.0.extend_from_slice(b);
        }
        Err(e) => {
            w.u8(1);
            w.0.extend_from_slice(e.as_bytes());
        }
    }
    w.0
}

fn encode_traffic(w: &mut Writer, t: &Traffic) {
    w.u64(t.calls)
        .u64(t.oneways)
        .u64(t.replies)
        .u64(t.bytes)
        .u64(t.calls_sent);
}

fn decode_traffic(r: &mut Reader) -> Option<Traffic> {
    Some(Traffic {
        calls: r.u64()?,
        oneways: r.u64()?,
        replies: r.u64()?,
        bytes: r.u64()?,
        calls_sent: r.u64()?,
    })
}

/// A device's processes and nodes, for [`Request::Snapshot`].
pub fn encode_snapshot(procs: &[ProcView], nodes: &[NodeView]) -> Vec<u8> {
    let mut w = Writer::default();
    w.u32(procs.len() as u32);
    for p in procs {
        w.i32(p.pid)
            .u32(p.busy)
            .u32(p.waiting)
            .u32(p.idle)
            .u32(p.pending)
            .u64(p.buffer_size)
            .u64(p.buffer_used)
            .u64(p.async_size)
            .u64(p.async_used)
            .u8(p.frozen);
        encode_traffic(&mut w, &p.traffic);
    }
    w.u32(nodes.len() as u32);
    for n in nodes {
        w.u64(n.id)
            .i32(n.owner_pid)
            .u64(n.ptr)
            .u32(n.refs)
            .str(&n.descriptor);
        encode_traffic(&mut w, &n.traffic);
    }
    w.0
}

/// The inverse of [`encode_snapshot`].
pub fn decode_snapshot(b: &[u8]) -> Option<(Vec<ProcView>, Vec<NodeView>)> {
    let mut r = Reader(b);
    let n = r.u32()? as usize;
    let mut procs = Vec::with_capacity(n.min(4096));
    for _ in 0..n {
        procs.push(ProcView {
            pid: r.i32()?,
            busy: r.u32()?,
            waiting: r.u32()?,
            idle: r.u32()?,
            pending: r.u32()?,
            buffer_size: r.u64()?,
            buffer_used: r.u64()?,
            async_size: r.u64()?,
            async_used: r.u64()?,
            frozen: r.u8()?,
            traffic: decode_traffic(&mut r)?,
        });
    }
    let n = r.u32()? as usize;
    let mut nodes = Vec::with_capacity(n.min(4096));
    for _ in 0..n {
        nodes.push(NodeView {
            id: r.u64()?,
            owner_pid: r.i32()?,
            ptr: r.u64()?,
            refs: r.u32()?,
            descriptor: r.str()?,
            traffic: decode_traffic(&mut r)?,
        });
    }
    r.done().then_some((procs, nodes))
}

/// A page of events, for [`Request::Events`].
pub fn encode_events(page: &EventPage) -> Vec<u8> {
    let mut w = Writer::default();
    w.u64(page.dropped)
        .u64(page.next)
        .u32(page.events.len() as u32);
    for e in &page.events {
        w.u64(e.seq)
            .u64(e.ts_ns)
            .u8(e.kind as u8)
            .u64(e.txn)
            .u64(e.in_reply_to)
            .i32(e.from_pid)
            .i32(e.from_tid)
            .i32(e.to_pid)
            .i32(e.to_tid)
            .u64(e.node)
            .u32(e.code)
            .u32(e.flags)
            .u64(e.size);
    }
    w.0
}

/// The inverse of [`encode_events`].
pub fn decode_events(b: &[u8]) -> Option<EventPage> {
    let mut r = Reader(b);
    let dropped = r.u64()?;
    let next = r.u64()?;
    let n = r.u32()? as usize;
    let mut events = Vec::with_capacity(n.min(MAX_PAGE as usize));
    for _ in 0..n {
        events.push(Event {
            seq: r.u64()?,
            ts_ns: r.u64()?,
            kind: EventKind::from_u8(r.u8()?)?,
            txn: r.u64()?,
            in_reply_to: r.u64()?,
            from_pid: r.i32()?,
            from_tid: r.i32()?,
            to_pid: r.i32()?,
            to_tid: r.i32()?,
            node: r.u64()?,
            code: r.u32()?,
            flags: r.u32()?,
            size: r.u64()?,
        });
    }
    r.done().then_some(EventPage {
        events,
        dropped,
        next,
    })
}

/// What a recording's processes, threads and nodes are called, for [`Request::Names`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names {
    /// (pid, tid, command); a process's own entry has `tid == pid`.
    pub threads: Vec<(i32, i32, String)>,
    /// (node debug id, interface descriptor).
    pub interfaces: Vec<(u64, String)>,
}

pub fn encode_names(names: &Names) -> Vec<u8> {
    let mut w = Writer::default();
    w.u32(names.threads.len() as u32);
    for (pid, tid, name) in &names.threads {
        w.i32(*pid).i32(*tid).str(name);
    }
    w.u32(names.interfaces.len() as u32);
    for (node, d) in &names.interfaces {
        w.u64(*node).str(d);
    }
    w.0
}

/// The inverse of [`encode_names`].
pub fn decode_names(b: &[u8]) -> Option<Names> {
    let mut r = Reader(b);
    let mut names = Names::default();
    let n = r.u32()? as usize;
    for _ in 0..n {
        names.threads.push((r.i32()?, r.i32()?, r.str()?));
    }
    let n = r.u32()? as usize;
    for _ in 0..n {
        names.interfaces.push((r.u64()?, r.str()?));
    }
    r.done().then_some(names)
}

/// Writes one frame.
pub fn write_frame(w: &mut impl Write, body: &[u8]) -> io::Result<()> {
    let len = u32::try_from(body.len())
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "frame too large"))?;
    let mut msg = Vec::with_capacity(4 + body.len());
    msg.extend_from_slice(&len.to_le_bytes());
    msg.extend_from_slice(body);
    w.write_all(&msg)
}

/// Reads one frame of at most `max` bytes; `Ok(None)` at a clean end of stream.
pub fn read_frame(r: &mut impl Read, max: usize) -> io::Result<Option<Vec<u8>>> {
    let mut len = [0u8; 4];
    match r.read_exact(&mut len) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let len = u32::from_le_bytes(len) as usize;
    if len > max {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("frame of {len} bytes (at most {max})"),
        ));
    }
    let mut body = vec![0u8; len];
    r.read_exact(&mut body)?;
    Ok(Some(body))
}

/// Why binderctl could not talk to binderd.
#[derive(Debug)]
pub enum ConnectError {
    /// No control socket in the directory: no binderd serves it.
    NoDaemon(PathBuf),
    /// A control socket nobody listens on: its binderd died.
    Dead(PathBuf),
    /// The socket or binderd refused this user.
    Denied(PathBuf, String),
    /// Anything else (a timeout, a protocol error).
    Other(PathBuf, io::Error),
}

impl std::fmt::Display for ConnectError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConnectError::NoDaemon(p) => write!(
                f,
                "no binderd serves {} (no control socket {})",
                p.parent().unwrap_or(p).display(),
                p.display()
            ),
            ConnectError::Dead(p) => write!(
                f,
                "binderd is not running: nobody listens on {} (a binderd that died)",
                p.display()
            ),
            ConnectError::Denied(p, why) => write!(
                f,
                "permission denied on {}: {why} (binderctl must run as binderd's user or root)",
                p.display()
            ),
            ConnectError::Other(p, e) => write!(f, "{}: {e}", p.display()),
        }
    }
}

impl std::error::Error for ConnectError {}

/// A connection to binderd's control socket; every read and write gives up after the
/// timeout, so a stopped or stuck binderd never hangs the caller.
pub struct Client {
    stream: UnixStream,
    path: PathBuf,
}

impl Client {
    /// Connects to the control socket in `dir`.
    pub fn connect(dir: &Path, timeout: Duration) -> Result<Client, ConnectError> {
        let path = dir.join(SOCKET_NAME);
        let stream = UnixStream::connect(&path).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => ConnectError::NoDaemon(path.clone()),
            io::ErrorKind::ConnectionRefused => ConnectError::Dead(path.clone()),
            io::ErrorKind::PermissionDenied => ConnectError::Denied(
                path.clone(),
                owner_of(&path).map_or_else(
                    || "not allowed".to_string(),
                    |uid| format!("the socket belongs to uid {uid}"),
                ),
            ),
            _ => ConnectError::Other(path.clone(), e),
        })?;
        let set = |s: &UnixStream| -> io::Result<()> {
            s.set_read_timeout(Some(timeout))?;
            s.set_write_timeout(Some(timeout))
        };
        set(&stream).map_err(|e| ConnectError::Other(path.clone(), e))?;
        Ok(Client { stream, path })
    }

    /// Sends `req` and waits for its answer: `Ok(Err(message))` when binderd refused it.
    pub fn call(&mut self, req: &Request) -> Result<Result<Vec<u8>, String>, ConnectError> {
        let other = |e: io::Error| {
            if e.kind() == io::ErrorKind::WouldBlock || e.kind() == io::ErrorKind::TimedOut {
                ConnectError::Other(
                    self.path.clone(),
                    io::Error::new(io::ErrorKind::TimedOut, "binderd did not answer in time"),
                )
            } else {
                ConnectError::Other(self.path.clone(), e)
            }
        };
        write_frame(&mut self.stream, &req.encode()).map_err(other)?;
        let body = read_frame(&mut self.stream, MAX_ANSWER)
            .map_err(other)?
            .ok_or_else(|| {
                ConnectError::Other(
                    self.path.clone(),
                    io::Error::new(
                        io::ErrorKind::UnexpectedEof,
                        "binderd closed the connection",
                    ),
                )
            })?;
        let bad = || {
            ConnectError::Other(
                self.path.clone(),
                io::Error::new(io::ErrorKind::InvalidData, "malformed answer"),
            )
        };
        match body.as_slice() {
            [VERSION, 0, rest @ ..] => Ok(Ok(rest.to_vec())),
            [VERSION, 1, rest @ ..] => Ok(Err(String::from_utf8_lossy(rest).into_owned())),
            [v, ..] if *v != VERSION => Err(ConnectError::Other(
                self.path.clone(),
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("binderd speaks control protocol {v}, binderctl {VERSION}"),
                ),
            )),
            _ => Err(bad()),
        }
    }
}

fn owner_of(path: &Path) -> Option<u32> {
    use std::os::unix::fs::MetadataExt;
    std::fs::symlink_metadata(path).ok().map(|m| m.uid())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_round_trip_and_junk_is_refused() {
        let reqs = [
            Request::Devices,
            Request::File {
                device: "binder".into(),
                file: File::Proc(42),
            },
            Request::Snapshot {
                device: "hwbinder".into(),
            },
            Request::Record {
                device: "binder".into(),
                on: true,
                capacity: 7,
            },
            Request::Events {
                device: "binder".into(),
                from: 9,
                max: 3,
            },
            Request::Names {
                device: "binder".into(),
            },
        ];
        for q in reqs {
            let b = q.encode();
            assert_eq!(Request::decode(&b), Some(q));
            assert_eq!(Request::decode(&b[..b.len() - 1]), None);
            let mut longer = b.clone();
            longer.push(0);
            assert_eq!(Request::decode(&longer), None);
            let mut other = b;
            other[0] = VERSION + 1;
            assert_eq!(Request::decode(&other), None);
        }
        assert_eq!(Request::decode(&[]), None);
        assert_eq!(Request::decode(&[VERSION, 99]), None);
    }

    #[test]
    fn an_oversized_frame_is_an_error_not_an_allocation() {
        let mut b = Vec::new();
        b.extend_from_slice(&u32::MAX.to_le_bytes());
        let e = read_frame(&mut b.as_slice(), MAX_REQUEST).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidData);
    }

    #[test]
    fn events_round_trip() {
        let page = EventPage {
            events: vec![Event {
                seq: 5,
                ts_ns: 6,
                kind: EventKind::Reply,
                txn: 7,
                in_reply_to: 3,
                from_pid: 1,
                from_tid: 2,
                to_pid: 3,
                to_tid: 4,
                node: 0,
                code: 9,
                flags: 0x10,
                size: 12,
            }],
            dropped: 2,
            next: 6,
        };
        assert_eq!(decode_events(&encode_events(&page)), Some(page));
    }
}
