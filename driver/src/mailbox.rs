//! A binder thread's mailbox: the page or few binderd shares with one client thread, through
//! which that thread's `BINDER_WRITE_READ`s travel without a socket message.
//!
//! binderd creates the memfd, seals it against resizing (so a client can never make binderd
//! take `SIGBUS`), maps it, and hands it to the thread over its channel; the client maps it
//! shared with `MADV_DONTFORK` (a forked child never holds it) and closes the descriptor.
//!
//! Whose turn it is says the futex word [`TURN`]: the client writes a request while it is
//! [`CLIENT`], stores [`DAEMON`] and rings the channel's doorbell (an eventfd binderd waits on
//! with epoll: one doorbell per channel); binderd copies the request out once, runs it, writes
//! the answer, stores [`CLIENT`] and `FUTEX_WAKE`s the client only if it said it sleeps
//! ([`CLIENT_SLEEPING`]). A client waits with a bounded `FUTEX_WAIT`, so that it sees
//! binderd's death in bounded time ([`DEAD`] when binderd stops on purpose).
//!
//! Who writes what, and when:
//!
//! | field | written by | when |
//! |---|---|---|
//! | [`TURN`] | client: [`DAEMON`]; binderd: [`CLIENT`], [`DEAD`] | client while it is its turn; binderd while it holds the request |
//! | [`CLIENT_SLEEPING`] | client | any time (a hint: binderd only decides whether to wake) |
//! | request header and [`REQUEST_DATA`] | client | while it is the client's turn |
//! | answer header and [`ANSWER_DATA`] | binderd | while it holds the request |
//!
//! Memory the client can write is never read by binderd through a Rust reference: binderd
//! copies the request out with `copy_nonoverlapping` into private memory once, then parses
//! and validates only its copy, clamping every length; the word [`TURN`] is a hint, and the
//! truth (whether binderd holds the request) stays in binderd. A client that scribbles on its
//! mailbox can only confuse itself.

use std::io;
use std::mem::size_of;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::ptr::NonNull;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use rustix::{event, fs, mm, thread::futex};

/// The mailbox's size: one page of headers and two data areas.
pub const SIZE: usize = 16 * 1024;

/// Offset of the turn word (`u32`, the futex).
pub const TURN: usize = 0;
/// Offset of the client's "I sleep on [`TURN`]" flag (`u32`, 0 or 1).
pub const CLIENT_SLEEPING: usize = 4;

/// [`TURN`]: the client may write a request.
pub const CLIENT: u32 = 0;
/// [`TURN`]: binderd holds a request.
pub const DAEMON: u32 = 1;
/// [`TURN`]: binderd stopped; every request fails with `ECONNREFUSED`.
pub const DEAD: u32 = 2;

/// Offset of the request header (written by the client).
pub const REQUEST: usize = 64;
/// Offset of the answer header (written by binderd).
pub const ANSWER: usize = 128;
/// Offset and size of the request's data: posted commands, then the commands of a lent
/// `BINDER_WRITE_READ`.
pub const REQUEST_DATA: usize = 4096;
pub const REQUEST_DATA_SIZE: usize = 6 * 1024;
/// Offset and size of the answer's data: the returns of a lent `BINDER_WRITE_READ`, then the
/// descriptors the driver closed in the client.
pub const ANSWER_DATA: usize = REQUEST_DATA + REQUEST_DATA_SIZE;
pub const ANSWER_DATA_SIZE: usize = SIZE - ANSWER_DATA;

/// What a request asks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[repr(C)]
pub struct Request {
    /// [`REQ_IOCTL`] or [`REQ_LENT`].
    pub kind: u32,
    /// The ioctl ([`REQ_IOCTL`]).
    pub cmd: u32,
    /// The ioctl's argument, an address in the client ([`REQ_IOCTL`]).
    pub arg: u64,
    /// [`REQ_LENT`]: bytes of commands in [`REQUEST_DATA`], after `posted` posted ones.
    pub write_len: u32,
    /// [`REQ_LENT`]: room for returns (at most [`ANSWER_DATA_SIZE`]).
    pub read_size: u32,
    /// Bytes at the start of [`REQUEST_DATA`] of commands posted earlier that give nothing
    /// back, to run (unanswered) before the rest.
    pub posted: u32,
    /// [`REQ_LENT`] flags: [`THEN_READ`].
    pub flags: u32,
}

/// `ioctl(cmd, arg)`, the driver reading and writing the client's memory itself.
pub const REQ_IOCTL: u32 = 1;
/// `BINDER_WRITE_READ` on lent buffers: commands in the mailbox, returns into it.
pub const REQ_LENT: u32 = 2;

/// [`Request::flags`]: when the read brings back only `BR_NOOP` and `BR_TRANSACTION_COMPLETE`
/// (a server's reply done), read on in the same turn: the reply and the next read block once.
pub const THEN_READ: u32 = 1;

/// What binderd answers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[repr(C)]
pub struct Answer {
    /// [`ANS_RESULT`] or [`ANS_INSTALL`].
    pub kind: u32,
    /// Descriptor numbers the driver closed in the client, after the returns in
    /// [`ANSWER_DATA`] ([`ANS_RESULT`]).
    pub closes: u32,
    /// The ioctl's result: a value, or a negative errno.
    pub ret: i64,
    /// [`REQ_LENT`]: commands consumed (not counting posted ones) and returns written.
    pub write_consumed: u64,
    pub read_consumed: u64,
}

/// The ioctl ended.
pub const ANS_RESULT: u32 = 1;
/// Descriptors to install wait on the thread's channel: the client takes them, hands the
/// turn back ([`DAEMON`], without ringing) and answers `Installed` on the channel.
pub const ANS_INSTALL: u32 = 2;

/// A mailbox as mapped here: binderd's view, or the client thread's. Unmapped on drop.
pub(crate) struct Mailbox {
    base: NonNull<u8>,
}

// SAFETY: the mapping is owned by this value; every access to it goes through atomics or
// byte copies, whose discipline the module doc gives.
unsafe impl Send for Mailbox {}
// SAFETY: as above.
unsafe impl Sync for Mailbox {}

impl Mailbox {
    /// binderd: a new mailbox, mapped read-write here, sealed against resizing, and the
    /// descriptor to pass to the client thread.
    pub(crate) fn create() -> io::Result<(Mailbox, OwnedFd)> {
        let fd = fs::memfd_create(
            "binder-mailbox",
            fs::MemfdFlags::CLOEXEC | fs::MemfdFlags::ALLOW_SEALING,
        )?;
        fs::ftruncate(&fd, SIZE as u64)?;
        fs::fcntl_add_seals(
            &fd,
            fs::SealFlags::SHRINK | fs::SealFlags::GROW | fs::SealFlags::SEAL,
        )?;
        let mailbox = Self::map_shared(fd.as_fd())?;
        Ok((mailbox, fd))
    }

    /// The client: maps the mailbox binderd passed. A forked child does not inherit it
    /// (`MADV_DONTFORK`), so only this process ever writes it.
    pub(crate) fn map(fd: BorrowedFd<'_>) -> io::Result<Mailbox> {
        let mailbox = Self::map_shared(fd)?;
        // SAFETY: advice on our own fresh mapping.
        unsafe {
            mm::madvise(
                mailbox.base.as_ptr().cast(),
                SIZE,
                mm::Advice::LinuxDontFork,
            )?
        };
        Ok(mailbox)
    }

    fn map_shared(fd: BorrowedFd<'_>) -> io::Result<Mailbox> {
        // SAFETY: a new shared mapping of a memfd sealed at SIZE bytes (it cannot shrink, so
        // no access within SIZE can fault).
        let ptr = unsafe {
            mm::mmap(
                std::ptr::null_mut(),
                SIZE,
                mm::ProtFlags::READ | mm::ProtFlags::WRITE,
                mm::MapFlags::SHARED,
                fd,
                0,
            )?
        };
        let base = NonNull::new(ptr.cast()).ok_or(io::Error::from_raw_os_error(libc::ENOMEM))?;
        Ok(Mailbox { base })
    }

    fn word(&self, offset: usize) -> &AtomicU32 {
        assert!(offset + 4 <= REQUEST && offset % 4 == 0);
        // SAFETY: in bounds and aligned (the mapping is page-aligned); atomics may alias
        // memory another process writes.
        unsafe { AtomicU32::from_ptr(self.base.as_ptr().add(offset).cast()) }
    }

    /// The futex word saying whose turn it is.
    pub(crate) fn turn(&self) -> &AtomicU32 {
        self.word(TURN)
    }

    fn copy_out(&self, offset: usize, dst: &mut [u8]) {
        assert!(offset + dst.len() <= SIZE);
        // SAFETY: in bounds; a byte copy of memory the peer may be writing yields some bytes,
        // which the reader treats as untrusted.
        unsafe {
            std::ptr::copy_nonoverlapping(
                self.base.as_ptr().add(offset),
                dst.as_mut_ptr(),
                dst.len(),
            )
        };
    }

    fn copy_in(&self, offset: usize, src: &[u8]) {
        assert!(offset + src.len() <= SIZE);
        // SAFETY: in bounds of the mapping.
        unsafe {
            std::ptr::copy_nonoverlapping(src.as_ptr(), self.base.as_ptr().add(offset), src.len())
        };
    }

    /// binderd: the request, copied out once into private memory, with `len` bytes of its data
    /// (clamped to the data area).
    pub(crate) fn read_request(&self) -> Request {
        let mut b = [0u8; std::mem::size_of::<Request>()];
        self.copy_out(REQUEST, &mut b);
        // SAFETY: Request is plain integers; any bytes are a value.
        unsafe { std::ptr::read_unaligned(b.as_ptr().cast()) }
    }

    /// binderd: `len` bytes of the request's data, copied out.
    pub(crate) fn read_request_data(&self, len: usize) -> Vec<u8> {
        let mut v = vec![0u8; len.min(REQUEST_DATA_SIZE)];
        self.copy_out(REQUEST_DATA, &mut v);
        v
    }

    /// The client: writes a request and its data (at most [`REQUEST_DATA_SIZE`] bytes, as
    /// `data` parts in order).
    pub(crate) fn write_request(&self, req: &Request, data: &[&[u8]]) {
        // SAFETY: Request is plain integers.
        let b = unsafe {
            std::slice::from_raw_parts((req as *const Request).cast::<u8>(), size_of::<Request>())
        };
        self.copy_in(REQUEST, b);
        let mut at = REQUEST_DATA;
        for d in data {
            assert!(at + d.len() <= REQUEST_DATA + REQUEST_DATA_SIZE);
            self.copy_in(at, d);
            at += d.len();
        }
    }

    /// binderd: writes an answer and its data (at most [`ANSWER_DATA_SIZE`] bytes, as parts).
    pub(crate) fn write_answer(&self, ans: &Answer, data: &[&[u8]]) {
        // SAFETY: Answer is plain integers.
        let b = unsafe {
            std::slice::from_raw_parts((ans as *const Answer).cast::<u8>(), size_of::<Answer>())
        };
        self.copy_in(ANSWER, b);
        let mut at = ANSWER_DATA;
        for d in data {
            let n = d.len().min(SIZE - at);
            self.copy_in(at, &d[..n]);
            at += n;
        }
    }

    /// The client: the answer.
    pub(crate) fn read_answer(&self) -> Answer {
        let mut b = [0u8; std::mem::size_of::<Answer>()];
        self.copy_out(ANSWER, &mut b);
        // SAFETY: Answer is plain integers; any bytes are a value.
        unsafe { std::ptr::read_unaligned(b.as_ptr().cast()) }
    }

    /// The client: bytes `at..at + dst.len()` of the answer's data.
    pub(crate) fn read_answer_data(&self, at: usize, dst: &mut [u8]) {
        assert!(at + dst.len() <= ANSWER_DATA_SIZE);
        self.copy_out(ANSWER_DATA + at, dst);
    }

    /// binderd: gives the turn back (`value` is [`CLIENT`] or [`DEAD`]); true when the
    /// client said it sleeps, so that it must be woken ([`wake`](Self::wake)).
    pub(crate) fn hand_back(&self, value: u32) -> bool {
        self.turn().store(value, Ordering::SeqCst);
        // Dekker with the client, which sets CLIENT_SLEEPING, then looks at TURN before
        // sleeping: either it sees the new turn, or we see it sleeps.
        self.word(CLIENT_SLEEPING).load(Ordering::SeqCst) != 0
    }

    /// Wakes whoever waits on the turn word.
    pub(crate) fn wake(&self) {
        let _ = futex::wake(self.turn(), futex::Flags::empty(), u32::MAX);
    }

    /// The client: hands its written request to binderd (the caller then rings the doorbell).
    pub(crate) fn submit(&self) {
        self.turn().store(DAEMON, Ordering::SeqCst);
    }

    /// The client: waits until the turn is no longer binderd's, at most `timeout`; the turn
    /// word then, or `None` on timeout.
    pub(crate) fn wait_turn(&self, timeout: Duration) -> Option<u32> {
        let turn = self.turn();
        let t = turn.load(Ordering::SeqCst);
        if t != DAEMON {
            return Some(t);
        }
        let sleeping = self.word(CLIENT_SLEEPING);
        sleeping.store(1, Ordering::SeqCst);
        let ts = futex::Timespec {
            tv_sec: timeout.as_secs() as i64,
            tv_nsec: timeout.subsec_nanos() as i64,
        };
        let mut woke = None;
        if turn.load(Ordering::SeqCst) == DAEMON {
            // EAGAIN (the turn changed first), EINTR and ETIMEDOUT all end up looking again.
            let _ = futex::wait(turn, futex::Flags::empty(), DAEMON, Some(&ts));
        }
        sleeping.store(0, Ordering::SeqCst);
        let t = turn.load(Ordering::SeqCst);
        if t != DAEMON {
            woke = Some(t);
        }
        woke
    }
}

impl Drop for Mailbox {
    fn drop(&mut self) {
        // SAFETY: unmapping our own mapping; nothing borrows it past this value.
        let _ = unsafe { mm::munmap(self.base.as_ptr().cast(), SIZE) };
    }
}

/// binderd: a doorbell for one channel (an eventfd the client writes and binderd waits on
/// with epoll, edge-triggered, so it is never read), and the descriptor to pass.
pub(crate) fn doorbell() -> io::Result<OwnedFd> {
    Ok(event::eventfd(
        0,
        event::EventfdFlags::CLOEXEC | event::EventfdFlags::NONBLOCK,
    )?)
}

/// The client: rings a doorbell.
pub(crate) fn ring(doorbell: BorrowedFd<'_>) -> io::Result<()> {
    match rustix::io::write(doorbell, &1u64.to_ne_bytes()) {
        // A counter binderd never reads saturates only after 2^64 rings: ours to face.
        Ok(_) | Err(rustix::io::Errno::AGAIN) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

const _: () = assert!(size_of::<Request>() <= ANSWER - REQUEST);
const _: () = assert!(ANSWER + size_of::<Answer>() <= REQUEST_DATA);
