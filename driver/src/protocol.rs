//! The messages between a client's device (`device`) and binderd (`daemon`).
//!
//! Every message is one `SOCK_SEQPACKET` packet: a `u32` kind, then fixed fields in native
//! byte order (both ends share a machine). Descriptors travel as `SCM_RIGHTS`.
//!
//! A process connection (`Device::open`) carries `Open`, `Mmap`/`Mapped`; its end is the
//! process's release. Each thread that makes an ioctl has a channel of its own, attached to
//! the process with the token `Open` returned; on it travel `Ioctl`, `Poll`, `Installed` and
//! the daemon's `Result`, `Install` and `Readable`.

/// Client to daemon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Request {
    /// First message of a process connection.
    Open { nonblocking: bool },
    /// Create the receive buffer of `len` bytes; answered by `MmapFd`.
    Mmap { len: u64 },
    /// The client mapped the buffer at `addr`; answered by `Result`.
    Mapped { addr: u64, len: u64 },
    /// First message of a thread channel.
    Attach { token: u64, tid: i32 },
    /// `ioctl(cmd, arg)`; `arg` is an address in the client.
    Ioctl { cmd: u32, arg: u64 },
    /// Would a read find work now? Also asks for `Readable` when work arrives.
    Poll,
    /// Answer to `Install`: the descriptor numbers, or a negative errno.
    Installed { result: Result<Vec<u32>, i32> },
}

/// Daemon to client.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Reply {
    Opened {
        token: u64,
        daemon_pid: i32,
    },
    /// The receive buffer's fd is attached.
    MmapFd {
        len: u64,
    },
    /// An operation's result: a value, or a negative errno. `close` lists descriptors the
    /// driver closed in the client (fd arrays of freed buffers), to close before returning.
    Result {
        ret: i64,
        close: Vec<u32>,
    },
    /// Install the attached descriptors and answer with `Installed`.
    Install,
    /// The thread's read would find work (for poll/epoll).
    Readable,
}

const OPEN: u32 = 1;
const MMAP: u32 = 2;
const MAPPED: u32 = 3;
const ATTACH: u32 = 4;
const IOCTL: u32 = 5;
const POLL: u32 = 6;
const INSTALLED: u32 = 7;
const OPENED: u32 = 101;
const MMAP_FD: u32 = 102;
const RESULT: u32 = 103;
const INSTALL: u32 = 104;
const READABLE: u32 = 105;

/// The largest message: a result or install answer with 253 descriptor numbers.
pub(crate) const MAX_MSG: usize = 16 + 4 * 256;

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
    fn list(&mut self) -> Option<Vec<u32>> {
        let n = self.u32()? as usize;
        if n > 256 {
            return None;
        }
        (0..n).map(|_| self.u32()).collect()
    }
    fn end<T>(self, v: T) -> Option<T> {
        self.0.is_empty().then_some(v)
    }
}

impl Request {
    pub(crate) fn encode(&self) -> Vec<u8> {
        match self {
            Request::Open { nonblocking } => Writer::new(OPEN).u32(*nonblocking as u32),
            Request::Mmap { len } => Writer::new(MMAP).u64(*len),
            Request::Mapped { addr, len } => Writer::new(MAPPED).u64(*addr).u64(*len),
            Request::Attach { token, tid } => Writer::new(ATTACH).u64(*token).u32(*tid as u32),
            Request::Ioctl { cmd, arg } => Writer::new(IOCTL).u32(*cmd).u64(*arg),
            Request::Poll => Writer::new(POLL),
            Request::Installed { result: Ok(fds) } => Writer::new(INSTALLED).u32(0).list(fds),
            Request::Installed { result: Err(e) } => Writer::new(INSTALLED).u32(*e as u32),
        }
        .0
    }

    /// `None` for anything malformed.
    pub(crate) fn decode(b: &[u8]) -> Option<Request> {
        let mut r = Reader(b);
        let req = match r.u32()? {
            OPEN => Request::Open {
                nonblocking: r.u32()? != 0,
            },
            MMAP => Request::Mmap { len: r.u64()? },
            MAPPED => Request::Mapped {
                addr: r.u64()?,
                len: r.u64()?,
            },
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
            _ => return None,
        };
        r.end(req)
    }
}

impl Reply {
    pub(crate) fn encode(&self) -> Vec<u8> {
        match self {
            Reply::Opened { token, daemon_pid } => {
                Writer::new(OPENED).u64(*token).u32(*daemon_pid as u32)
            }
            Reply::MmapFd { len } => Writer::new(MMAP_FD).u64(*len),
            Reply::Result { ret, close } => Writer::new(RESULT).u64(*ret as u64).list(close),
            Reply::Install => Writer::new(INSTALL),
            Reply::Readable => Writer::new(READABLE),
        }
        .0
    }

    pub(crate) fn decode(b: &[u8]) -> Option<Reply> {
        let mut r = Reader(b);
        let rep = match r.u32()? {
            OPENED => Reply::Opened {
                token: r.u64()?,
                daemon_pid: r.u32()? as i32,
            },
            MMAP_FD => Reply::MmapFd { len: r.u64()? },
            RESULT => Reply::Result {
                ret: r.u64()? as i64,
                close: r.list()?,
            },
            INSTALL => Reply::Install,
            READABLE => Reply::Readable,
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
            Request::Open { nonblocking: true },
            Request::Mmap { len: 1 << 20 },
            Request::Mapped {
                addr: 0x7000,
                len: 4096,
            },
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
        ] {
            assert_eq!(Request::decode(&q.encode()), Some(q));
        }
        for r in [
            Reply::Opened {
                token: 1,
                daemon_pid: 2,
            },
            Reply::MmapFd { len: 8 },
            Reply::Result {
                ret: -22,
                close: vec![5],
            },
            Reply::Install,
            Reply::Readable,
        ] {
            assert_eq!(Reply::decode(&r.encode()), Some(r));
        }
    }

    #[test]
    fn rejects_garbage() {
        assert_eq!(Request::decode(&[]), None);
        assert_eq!(Request::decode(&[1, 0, 0]), None);
        assert_eq!(Request::decode(&9u32.to_ne_bytes()), None);
        let mut long = Request::Poll.encode();
        long.push(0);
        assert_eq!(Request::decode(&long), None);
        assert_eq!(
            Request::decode(&Writer::new(INSTALLED).u32(0).u32(1000).0),
            None
        );
    }
}
