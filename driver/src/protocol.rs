//! The messages between a client's device (`device`) and binderd (`daemon`).
//!
//! Every message is one `SOCK_SEQPACKET` packet: a `u32` kind, then fixed fields in native
//! byte order (both ends share a machine). Descriptors travel as `SCM_RIGHTS`.
//!
//! A process connection (`Device::open`) carries `Open`, `Mmap`/`Mapped`; its end is the
//! process's release. Each thread that makes an ioctl has a channel of its own, attached to
//! the process with the token `Open` returned; on it travel `Ioctl`, `Poll`, `Installed` and
//! the daemon's `Result`, `Install` and `Readable`.
//!
//! A client whose memory the daemon may not read (another uid, a non-dumpable process, Yama)
//! sends `IoctlInline` instead of `Ioctl`: the memory the ioctl may touch travels with it in
//! `Chunk`s, and what the driver wrote comes back the same way before `InlineResult`.
//!
//! `Post` is a write-only `BINDER_WRITE_READ` of commands that give nothing back (such as
//! `BC_FREE_BUFFER`), carried in the message and answered by nothing: the daemon runs it
//! before the thread's next request, as the channel keeps order.

/// Client to daemon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Request {
    /// First message of a process connection. `probe` is the value the client keeps at
    /// `probe_addr`: if the daemon cannot read it there, the client sends its memory inline.
    Open {
        nonblocking: bool,
        probe_addr: u64,
        probe: u64,
    },
    /// Create the receive buffer of `len` bytes; answered by `MmapFd`.
    Mmap { len: u64 },
    /// The client mapped the buffer at `addr`; answered by `Result`.
    Mapped { addr: u64, len: u64 },
    /// The client unmapped the buffer (the kernel's vma closing); answered by `Result`.
    Unmapped,
    /// First message of a thread channel.
    Attach { token: u64, tid: i32 },
    /// `ioctl(cmd, arg)`; `arg` is an address in the client.
    Ioctl { cmd: u32, arg: u64 },
    /// Would a read find work now? Also asks for `Readable` when work arrives.
    Poll,
    /// Answer to `Install`: the descriptor numbers, or a negative errno.
    Installed { result: Result<Vec<u32>, i32> },
    /// Part of the bytes of the next `IoctlInline` (a packet carries at most `CHUNK`), and of
    /// its descriptors: `fds` names, in the client, those attached (at most
    /// [`sys::MAX_FDS`](crate::sys::MAX_FDS) a packet, so more travel in more chunks).
    Chunk { bytes: Vec<u8>, fds: Vec<u32> },
    /// `ioctl` with memory it touches carried along: all of it for a client the daemon cannot
    /// read, the `binder_write_read` for any other. `regions` are (address, length, bytes
    /// included); included bytes are the chunks sent before, then `bytes`, in order; the
    /// others are only written. `fds` name, in the client, the descriptors attached to this
    /// message (those of the chunks came with them).
    IoctlInline {
        cmd: u32,
        arg: u64,
        regions: Vec<(u64, u64, bool)>,
        fds: Vec<u32>,
        bytes: Vec<u8>,
    },
    /// Commands to run as a write-only `BINDER_WRITE_READ` without an answer; none may be a
    /// transaction or reply (those need an answer).
    Post { commands: Vec<u8> },
    /// Asks for the thread's mailbox: answered by `Mailbox`, or a `Result` with `EINVAL` for
    /// a client binderd cannot read (or a second mailbox).
    Mailbox,
}

/// Daemon to client.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Reply {
    Opened {
        token: u64,
        daemon_pid: i32,
        /// The daemon could not read the probe: send memory inline.
        inline: bool,
    },
    /// The receive buffer's fd is attached.
    MmapFd { len: u64 },
    /// The answer to `Request::Mailbox`: the thread's mailbox
    /// (a memfd of [`mailbox::SIZE`](crate::mailbox::SIZE) bytes) and its doorbell (an
    /// eventfd) are attached, in that order. `BINDER_WRITE_READ`s then travel through the
    /// mailbox; everything else stays on the channel.
    Mailbox,
    /// An operation's result: a value, or a negative errno. `close` lists descriptors the
    /// driver closed in the client (fd arrays of freed buffers), to close before returning.
    Result { ret: i64, close: Vec<u32> },
    /// Descriptors to install, attached; more follow in further `Install`s until `last`
    /// (a packet carries at most [`sys::MAX_FDS`](crate::sys::MAX_FDS)). After the last, the
    /// client answers with `Installed`.
    Install { last: bool },
    /// The thread's read would find work (for poll/epoll).
    Readable,
    /// Part of the bytes the next `InlineResult` writes back.
    Chunk { bytes: Vec<u8> },
    /// `Result` of an inline ioctl, with the (address, length) ranges to write back, whose
    /// bytes are the chunks sent before, then `bytes`, in order.
    InlineResult {
        ret: i64,
        close: Vec<u32>,
        writes: Vec<(u64, u64)>,
        bytes: Vec<u8>,
    },
}

/// Whether `commands` may be posted (run unanswered): at most [`CHUNK`] bytes, no transaction
/// or reply among them, as those copy payloads and report. What follows an unknown command is
/// the driver's to refuse.
pub(crate) fn postable(commands: &[u8]) -> bool {
    if commands.len() > CHUNK {
        return false;
    }
    use crate::uapi::{
        ioc_size, ioc_type, BC_REPLY, BC_REPLY_SG, BC_TRANSACTION, BC_TRANSACTION_SG,
    };
    let mut at = 0usize;
    while let Some(c) = commands.get(at..at + 4) {
        let cmd = u32::from_ne_bytes(c.try_into().expect("4 bytes"));
        if ioc_type(cmd) != b'c' as u32 {
            return true;
        }
        if matches!(
            cmd,
            BC_TRANSACTION | BC_REPLY | BC_TRANSACTION_SG | BC_REPLY_SG
        ) {
            return false;
        }
        at += 4 + ioc_size(cmd) as usize;
    }
    true
}

/// The most payload bytes one `Chunk` packet carries (well under a socket's send buffer).
pub(crate) const CHUNK: usize = 32 * 1024;
/// The largest message: a chunk, or a table of regions.
pub(crate) const MAX_MSG: usize = CHUNK + 64 * 1024;
thread_local! {
    static MSG_BUF: std::cell::RefCell<Vec<u8>> = std::cell::RefCell::new(vec![0; MAX_MSG]);
}

/// Runs `f` with this thread's message buffer (`MAX_MSG` bytes), so that receiving a message
/// does not clear 100 KB each time.
pub(crate) fn with_msg_buf<T>(f: impl FnOnce(&mut [u8]) -> T) -> T {
    let mut f = Some(f);
    let mut run = |buf: &mut [u8]| (f.take().expect("runs once"))(buf);
    match MSG_BUF.try_with(|b| run(&mut b.borrow_mut())) {
        Ok(v) => v,
        // A thread whose thread-locals are gone (a C thread destructor's last ioctl).
        Err(_) => run(&mut vec![0; MAX_MSG]),
    }
}

/// The most regions or descriptor numbers one message lists.
const MAX_LIST: usize = 2048;

const OPEN: u32 = 1;
const MMAP: u32 = 2;
const MAPPED: u32 = 3;
const ATTACH: u32 = 4;
const IOCTL: u32 = 5;
const POLL: u32 = 6;
const INSTALLED: u32 = 7;
const CHUNK_IN: u32 = 8;
const IOCTL_INLINE: u32 = 9;
const POST: u32 = 10;
const MAILBOX_IN: u32 = 11;
const UNMAPPED: u32 = 12;
const OPENED: u32 = 101;
const MMAP_FD: u32 = 102;
const RESULT: u32 = 103;
const INSTALL: u32 = 104;
const READABLE: u32 = 105;
const CHUNK_OUT: u32 = 106;
const INLINE_RESULT: u32 = 107;
const MAILBOX: u32 = 108;

struct Writer(Vec<u8>);

impl Writer {
    fn new(kind: u32) -> Self {
        Writer(kind.to_ne_bytes().to_vec())
    }
    fn u32(mut self, v: u32) -> Self {
        self.0.extend_from_slice(&v.to_ne_bytes());
        self
    }
    fn u64(mut self, v: u64) -> Self {
        self.0.extend_from_slice(&v.to_ne_bytes());
        self
    }
    fn list(mut self, v: &[u32]) -> Self {
        self = self.u32(v.len() as u32);
        for &x in v {
            self = self.u32(x);
        }
        self
    }
    fn bytes(mut self, b: &[u8]) -> Self {
        self = self.u32(b.len() as u32);
        self.0.extend_from_slice(b);
        self
    }
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn u32(&mut self) -> Option<u32> {
        let (h, t) = self.0.split_at_checked(4)?;
        self.0 = t;
        Some(u32::from_ne_bytes(h.try_into().unwrap()))
    }
    fn u64(&mut self) -> Option<u64> {
        let (h, t) = self.0.split_at_checked(8)?;
        self.0 = t;
        Some(u64::from_ne_bytes(h.try_into().unwrap()))
    }
    fn count(&mut self) -> Option<usize> {
        let n = self.u32()? as usize;
        (n <= MAX_LIST).then_some(n)
    }
    fn list(&mut self) -> Option<Vec<u32>> {
        let n = self.count()?;
        (0..n).map(|_| self.u32()).collect()
    }
    fn bytes(&mut self) -> Option<Vec<u8>> {
        let n = self.u32()? as usize;
        let (h, t) = self.0.split_at_checked(n)?;
        self.0 = t;
        Some(h.to_vec())
    }
    fn end<T>(self, v: T) -> Option<T> {
        self.0.is_empty().then_some(v)
    }
}

impl Request {
    pub(crate) fn encode(&self) -> Vec<u8> {
        match self {
            Request::Open {
                nonblocking,
                probe_addr,
                probe,
            } => Writer::new(OPEN)
                .u32(*nonblocking as u32)
                .u64(*probe_addr)
                .u64(*probe),
            Request::Mmap { len } => Writer::new(MMAP).u64(*len),
            Request::Mapped { addr, len } => Writer::new(MAPPED).u64(*addr).u64(*len),
            Request::Unmapped => Writer::new(UNMAPPED),
            Request::Attach { token, tid } => Writer::new(ATTACH).u64(*token).u32(*tid as u32),
            Request::Ioctl { cmd, arg } => Writer::new(IOCTL).u32(*cmd).u64(*arg),
            Request::Poll => Writer::new(POLL),
            Request::Installed { result: Ok(fds) } => Writer::new(INSTALLED).u32(0).list(fds),
            Request::Installed { result: Err(e) } => Writer::new(INSTALLED).u32(*e as u32),
            Request::Chunk { bytes, fds } => Writer::new(CHUNK_IN).bytes(bytes).list(fds),
            Request::IoctlInline {
                cmd,
                arg,
                regions,
                fds,
                bytes,
            } => {
                let mut w = Writer::new(IOCTL_INLINE)
                    .u32(*cmd)
                    .u64(*arg)
                    .u32(regions.len() as u32);
                for &(a, l, with_bytes) in regions {
                    w = w.u64(a).u64(l).u32(with_bytes as u32);
                }
                w.list(fds).bytes(bytes)
            }
            Request::Post { commands } => Writer::new(POST).bytes(commands),
            Request::Mailbox => Writer::new(MAILBOX_IN),
        }
        .0
    }

    /// `None` for anything malformed.
    pub(crate) fn decode(b: &[u8]) -> Option<Request> {
        let mut r = Reader(b);
        let req = match r.u32()? {
            OPEN => Request::Open {
                nonblocking: r.u32()? != 0,
                probe_addr: r.u64()?,
                probe: r.u64()?,
            },
            MMAP => Request::Mmap { len: r.u64()? },
            MAPPED => Request::Mapped {
                addr: r.u64()?,
                len: r.u64()?,
            },
            UNMAPPED => Request::Unmapped,
            ATTACH => Request::Attach {
                token: r.u64()?,
                tid: r.u32()? as i32,
            },
            IOCTL => Request::Ioctl {
                cmd: r.u32()?,
                arg: r.u64()?,
            },
            POLL => Request::Poll,
            INSTALLED => match r.u32()? as i32 {
                0 => Request::Installed {
                    result: Ok(r.list()?),
                },
                e if e < 0 => Request::Installed { result: Err(e) },
                _ => return None,
            },
            CHUNK_IN => Request::Chunk {
                bytes: r.bytes()?,
                fds: r.list()?,
            },
            IOCTL_INLINE => {
                let cmd = r.u32()?;
                let arg = r.u64()?;
                let n = r.count()?;
                let regions = (0..n)
                    .map(|_| Some((r.u64()?, r.u64()?, r.u32()? != 0)))
                    .collect::<Option<Vec<_>>>()?;
                Request::IoctlInline {
                    cmd,
                    arg,
                    regions,
                    fds: r.list()?,
                    bytes: r.bytes()?,
                }
            }
            POST => Request::Post {
                commands: r.bytes()?,
            },
            MAILBOX_IN => Request::Mailbox,
            _ => return None,
        };
        r.end(req)
    }
}

impl Reply {
    pub(crate) fn encode(&self) -> Vec<u8> {
        match self {
            Reply::Opened {
                token,
                daemon_pid,
                inline,
            } => Writer::new(OPENED)
                .u64(*token)
                .u32(*daemon_pid as u32)
                .u32(*inline as u32),
            Reply::MmapFd { len } => Writer::new(MMAP_FD).u64(*len),
            Reply::Mailbox => Writer::new(MAILBOX),
            Reply::Result { ret, close } => Writer::new(RESULT).u64(*ret as u64).list(close),
            Reply::Install { last } => Writer::new(INSTALL).u32(*last as u32),
            Reply::Readable => Writer::new(READABLE),
            Reply::Chunk { bytes } => Writer::new(CHUNK_OUT).bytes(bytes),
            Reply::InlineResult {
                ret,
                close,
                writes,
                bytes,
            } => {
                let mut w = Writer::new(INLINE_RESULT)
                    .u64(*ret as u64)
                    .list(close)
                    .u32(writes.len() as u32);
                for &(a, l) in writes {
                    w = w.u64(a).u64(l);
                }
                w.bytes(bytes)
            }
        }
        .0
    }

    pub(crate) fn decode(b: &[u8]) -> Option<Reply> {
        let mut r = Reader(b);
        let rep = match r.u32()? {
            OPENED => Reply::Opened {
                token: r.u64()?,
                daemon_pid: r.u32()? as i32,
                inline: r.u32()? != 0,
            },
            MMAP_FD => Reply::MmapFd { len: r.u64()? },
            MAILBOX => Reply::Mailbox,
            RESULT => Reply::Result {
                ret: r.u64()? as i64,
                close: r.list()?,
            },
            INSTALL => Reply::Install {
                last: r.u32()? != 0,
            },
            READABLE => Reply::Readable,
            CHUNK_OUT => Reply::Chunk { bytes: r.bytes()? },
            INLINE_RESULT => {
                let ret = r.u64()? as i64;
                let close = r.list()?;
                let n = r.count()?;
                let writes = (0..n)
                    .map(|_| Some((r.u64()?, r.u64()?)))
                    .collect::<Option<Vec<_>>>()?;
                Reply::InlineResult {
                    ret,
                    close,
                    writes,
                    bytes: r.bytes()?,
                }
            }
            _ => return None,
        };
        r.end(rep)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for q in [
            Request::Open {
                nonblocking: true,
                probe_addr: 1,
                probe: 2,
            },
            Request::Mmap { len: 1 << 20 },
            Request::Mapped {
                addr: 0x7000,
                len: 4096,
            },
            Request::Unmapped,
            Request::Attach { token: 99, tid: -5 },
            Request::Ioctl {
                cmd: 0xc0306201,
                arg: 0xdead,
            },
            Request::Poll,
            Request::Installed {
                result: Ok(vec![3, 4]),
            },
            Request::Installed { result: Err(-24) },
            Request::Chunk {
                bytes: vec![1, 2, 3],
                fds: vec![4],
            },
            Request::IoctlInline {
                cmd: 1,
                arg: 2,
                regions: vec![(3, 4, true), (5, 6, false)],
                fds: vec![7],
                bytes: vec![8],
            },
            Request::Post {
                commands: vec![3, 0x63, 0x40, 0x40],
            },
            Request::Mailbox,
        ] {
            assert_eq!(Request::decode(&q.encode()), Some(q));
        }
        for r in [
            Reply::Opened {
                token: 1,
                daemon_pid: 2,
                inline: true,
            },
            Reply::MmapFd { len: 8 },
            Reply::Mailbox,
            Reply::Result {
                ret: -22,
                close: vec![5],
            },
            Reply::Install { last: true },
            Reply::Readable,
            Reply::Chunk { bytes: vec![9] },
            Reply::InlineResult {
                ret: 3,
                close: vec![],
                writes: vec![(1, 2)],
                bytes: vec![3, 4],
            },
        ] {
            assert_eq!(Reply::decode(&r.encode()), Some(r));
        }
    }

    #[test]
    fn only_commands_without_transactions_are_postable() {
        use crate::uapi::{BC_FREE_BUFFER, BC_REPLY, BC_TRANSACTION};
        let cmd = |c: u32, payload: usize| {
            let mut v = c.to_ne_bytes().to_vec();
            v.resize(4 + payload, 0);
            v
        };
        let free = cmd(BC_FREE_BUFFER, 8);
        assert!(postable(&free));
        assert!(postable(&[free.clone(), free.clone()].concat()));
        assert!(!postable(&[free.clone(), cmd(BC_TRANSACTION, 64)].concat()));
        assert!(!postable(&cmd(BC_REPLY, 64)));
        // An unknown command ends the scan: the driver refuses it when it runs.
        assert!(postable(
            &[0xffff_ffffu32.to_ne_bytes().to_vec(), cmd(BC_REPLY, 64)].concat()
        ));
        assert!(!postable(&vec![0; CHUNK + 1]));
    }

    #[test]
    fn rejects_garbage() {
        assert_eq!(Request::decode(&[]), None);
        assert_eq!(Request::decode(&[1, 0, 0]), None);
        assert_eq!(Request::decode(&9999u32.to_ne_bytes()), None);
        let mut long = Request::Poll.encode();
        long.push(0);
        assert_eq!(Request::decode(&long), None);
        assert_eq!(
            Request::decode(&Writer::new(INSTALLED).u32(0).u32(100_000).0),
            None
        );
        assert_eq!(
            Request::decode(&Writer::new(CHUNK_IN).u32(10).u32(0).u32(0).0),
            None
        );
    }
}
