//! The mediated relay baseline: the floor of binder-sim's architecture, with nothing of it
//! but its shape. Three processes: a client, a relay that plays binderd, and a server.
//!
//! ```text
//!  client                      relay                          server
//!  header → client mailbox
//!  turn POSTED, FUTEX_WAKE ──→ wakes, copies the header out
//!                              process_vm_readv(client payload → receive area)
//!                              turn POSTED, FUTEX_WAKE ─────→ wakes, reads the payload
//!                                                             in place (first, last byte)
//!                              wakes ←────────────────────── turn IDLE, FUTEX_WAKE
//!  wakes ←──────────────────── turn IDLE, FUTEX_WAKE
//! ```
//!
//! Four wake-ups and one copy of the payload per call, as binder-sim's path; no sockets, no
//! epoll, no parcels, no driver bookkeeping. `--oneway`: the relay answers the client once
//! the payload is copied and handed to the server (binder's `BR_TRANSACTION_COMPLETE`) and
//! the server does not answer; the relay hands over the next payload only once the server
//! has read the previous one (a queue one deep).
//!
//! The orchestrator creates two memfds per client/server pair and passes them on: the
//! *mailboxes* page (mapped shared and read-write by all three) and the *receive area*
//! (mapped read-write by the relay, which alone writes it, through `process_vm_readv`, and
//! read-only by the server). Everything another process writes is reached through atomics
//! or raw pointers, never a reference to plain bytes. The futexes are shared (no
//! `FUTEX_PRIVATE_FLAG`): the kernel keys them by the memfd's page, not by the address.

use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::sync::atomic::{AtomicU32, AtomicU64, AtomicU8, Ordering::*};
use std::time::Instant;

use super::{env_usize, exit_with_parent, inherited, ready, report_samples, wait_go};

/// A mailbox's turn: the requester's (nothing posted, or the answer is in).
const IDLE: u32 = 0;
/// A mailbox's turn: the responder's (a request is posted).
const POSTED: u32 = 1;
/// Someone gave up (see [`Shared::abandon`]): every waiter returns and fails.
const BROKEN: u32 = 2;
/// The client's payload bytes, checked by the server.
const FILL: u8 = 0xa5;
/// Tells the client whom to allow to read its memory under Yama.
pub const RELAY_PID: &str = "BINDER_BENCH_RELAY_PID";

/// One hop's mailbox, on its own cache line.
#[repr(C, align(64))]
struct Mailbox {
    /// The futex word: [`POSTED`] stored by the requester (client, or relay towards the
    /// server) after it filled in the header; [`IDLE`] stored by the responder (relay, or
    /// server) when it answers; [`BROKEN`] by anyone who gives up.
    turn: AtomicU32,
    /// How many are in (or about to enter) `FUTEX_WAIT` on `turn`: incremented and
    /// decremented by the waiter around the wait, read by whoever changes `turn`, which
    /// skips `FUTEX_WAKE` when nobody sleeps.
    sleepers: AtomicU32,
    /// Client mailbox only: the client's pid, written by the client before `POSTED`.
    pid: AtomicU32,
    /// The payload's length: written by the requester before `POSTED` (the client's
    /// request; the relay's copy in the receive area, which starts at offset 0).
    len: AtomicU64,
    /// Client mailbox only: the payload's address in the client, written by the client
    /// before `POSTED`.
    addr: AtomicU64,
}

/// The mailboxes page.
#[repr(C)]
struct Shared {
    /// Client ↔ relay: the client posts its request, the relay answers.
    client: Mailbox,
    /// Relay ↔ server: the relay posts the copied payload, the server answers.
    server: Mailbox,
}

const PAGE: usize = 4096;
const _: () = assert!(std::mem::size_of::<Shared>() <= PAGE);

impl Mailbox {
    /// Sets the turn and wakes the other side if it sleeps. `SeqCst` on both sides of the
    /// `turn`/`sleepers` pair (a Dekker handshake): either the waiter sees the new turn, or
    /// this sees the waiter and wakes it.
    fn post(&self, turn: u32) {
        self.turn.store(turn, SeqCst);
        if self.sleepers.load(SeqCst) != 0 {
            futex_wake(&self.turn, 1);
        }
    }

    /// Sleeps while the turn is `turn`; the turn it found instead (an error if [`BROKEN`]).
    fn wait_while(&self, turn: u32) -> Result<u32, String> {
        loop {
            let now = self.turn.load(SeqCst);
            if now == BROKEN {
                return Err("the other side gave up".into());
            }
            if now != turn {
                return Ok(now);
            }
            self.sleepers.fetch_add(1, SeqCst);
            let r = futex_wait(&self.turn, turn);
            self.sleepers.fetch_sub(1, SeqCst);
            r?;
        }
    }
}

/// Blocks while `word` holds `expected` (returns at once if it does not).
fn futex_wait(word: &AtomicU32, expected: u32) -> Result<(), String> {
    // SAFETY: `word` is a live, aligned u32 in a shared mapping; no timeout.
    let r = unsafe {
        libc::syscall(
            libc::SYS_futex,
            word.as_ptr(),
            libc::FUTEX_WAIT,
            expected,
            std::ptr::null::<libc::timespec>(),
        )
    };
    if r == 0 {
        return Ok(());
    }
    let e = std::io::Error::last_os_error();
    match e.raw_os_error() {
        // The word had changed already, or a signal: the caller looks again.
        Some(libc::EAGAIN) | Some(libc::EINTR) => Ok(()),
        _ => Err(format!("FUTEX_WAIT: {e}")),
    }
}

/// Wakes up to `n` waiters on `word` (one suffices for a post: only the side whose turn it
/// is not ever waits on a mailbox).
fn futex_wake(word: &AtomicU32, n: i32) {
    // SAFETY: `word` is a live, aligned u32; FUTEX_WAKE only looks the address up.
    unsafe { libc::syscall(libc::SYS_futex, word.as_ptr(), libc::FUTEX_WAKE, n) };
}

/// The memfds of one client/server pair, created by the orchestrator.
pub struct Memfds {
    /// The [`Shared`] mailboxes page: for the client, the relay and the server.
    pub mailboxes: OwnedFd,
    /// Where the relay copies the payload: for the relay (read-write) and the server
    /// (read-only).
    pub receive: OwnedFd,
}

impl Memfds {
    pub fn create(payload: usize) -> Result<Memfds, String> {
        Ok(Memfds {
            mailboxes: memfd(c"binder-bench-mailboxes", PAGE)?,
            // At least a page: a zero-byte call copies nothing but is still mapped.
            receive: memfd(
                c"binder-bench-receive",
                payload.max(1).next_multiple_of(PAGE),
            )?,
        })
    }
}

fn memfd(name: &std::ffi::CStr, len: usize) -> Result<OwnedFd, String> {
    // SAFETY: `name` is NUL-terminated; the descriptor is new and ours.
    let fd = unsafe { libc::memfd_create(name.as_ptr(), libc::MFD_CLOEXEC) };
    if fd < 0 {
        return Err(format!("memfd_create: {}", std::io::Error::last_os_error()));
    }
    // SAFETY: memfd_create just returned it.
    let fd = unsafe { OwnedFd::from_raw_fd(fd) };
    std::fs::File::from(fd.try_clone().map_err(|e| e.to_string())?)
        .set_len(len as u64)
        .map_err(|e| format!("memfd size: {e}"))?;
    Ok(fd)
}

/// A `MAP_SHARED` mapping of a whole memfd, unmapped on drop.
struct Mapping {
    ptr: *mut u8,
    len: usize,
}

impl Mapping {
    fn new(fd: &OwnedFd, writable: bool) -> Result<Mapping, String> {
        let len = std::fs::File::from(fd.try_clone().map_err(|e| e.to_string())?)
            .metadata()
            .map_err(|e| e.to_string())?
            .len() as usize;
        let prot = if writable {
            libc::PROT_READ | libc::PROT_WRITE
        } else {
            libc::PROT_READ
        };
        // SAFETY: a fresh mapping of `len` bytes of our descriptor, placed by the kernel.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                prot,
                libc::MAP_SHARED | libc::MAP_POPULATE,
                fd.as_raw_fd(),
                0,
            )
        };
        if ptr == libc::MAP_FAILED {
            return Err(format!("mmap: {}", std::io::Error::last_os_error()));
        }
        Ok(Mapping {
            ptr: ptr.cast(),
            len,
        })
    }

    /// The mailboxes, if this maps them. Only atomics: the other processes write them.
    fn shared(&self) -> &Shared {
        assert!(self.len >= std::mem::size_of::<Shared>());
        // SAFETY: page-aligned, large enough, zero-filled by the memfd (a valid `Shared`:
        // atomics, all IDLE), and alive as long as `self`.
        unsafe { &*self.ptr.cast::<Shared>() }
    }
}

impl Drop for Mapping {
    fn drop(&mut self) {
        // SAFETY: we mapped exactly this range and hand out nothing that outlives us.
        unsafe { libc::munmap(self.ptr.cast(), self.len) };
    }
}

impl Shared {
    /// Gives up: every mailbox turns [`BROKEN`] and every sleeper wakes (and fails), so
    /// that one failing process does not leave the other two waiting forever.
    fn abandon(&self) {
        for m in [&self.client, &self.server] {
            m.turn.store(BROKEN, SeqCst);
            futex_wake(&m.turn, i32::MAX);
        }
    }
}

/// Runs `body` on the mailboxes; on an error, abandons them first.
fn guarded(
    mailboxes: &Mapping,
    body: impl FnOnce(&Shared) -> Result<(), String>,
) -> Result<(), String> {
    let shared = mailboxes.shared();
    body(shared).inspect_err(|_| shared.abandon())
}

/// The relay role (plays binderd): descriptors mailboxes, receive area.
pub fn relay() -> Result<(), String> {
    let [mailboxes, receive] = inherited::<2>()?;
    let oneway = env_usize("BINDER_BENCH_ONEWAY")? == 1;
    let (mailboxes, receive) = (
        Mapping::new(&mailboxes, true)?,
        Mapping::new(&receive, true)?,
    );
    exit_with_parent();
    ready();
    guarded(&mailboxes, |s| loop {
        s.client.wait_while(IDLE)?;
        // The header, copied out once: the client does not touch it until we answer.
        let pid = s.client.pid.load(Relaxed) as libc::pid_t;
        let addr = s.client.addr.load(Relaxed);
        let len = s.client.len.load(Relaxed) as usize;
        if len > receive.len {
            return Err(format!(
                "{len} B do not fit the {} B receive area",
                receive.len
            ));
        }
        // Oneway: the server may still be reading the previous payload.
        s.server.wait_while(POSTED)?;
        // Nothing to copy for an empty call.
        if len > 0 {
            let local = libc::iovec {
                iov_base: receive.ptr.cast(),
                iov_len: len,
            };
            let remote = libc::iovec {
                iov_base: addr as *mut libc::c_void,
                iov_len: len,
            };
            // SAFETY: `local` is our mapping (nobody reads it until we post the server's
            // mailbox); the kernel checks `remote` against the client's address space.
            let n = unsafe { libc::process_vm_readv(pid, &local, 1, &remote, 1, 0) };
            if n != len as isize {
                return Err(format!(
                    "process_vm_readv from {pid}: {n} of {len} B: {}",
                    std::io::Error::last_os_error()
                ));
            }
        }
        s.server.len.store(len as u64, Relaxed);
        s.server.post(POSTED);
        if !oneway {
            // The server's (empty) reply.
            s.server.wait_while(POSTED)?;
        }
        s.client.post(IDLE);
    })
}

/// The server role: descriptors mailboxes, receive area (read-only).
pub fn server() -> Result<(), String> {
    let [mailboxes, receive] = inherited::<2>()?;
    let (mailboxes, receive) = (
        Mapping::new(&mailboxes, true)?,
        Mapping::new(&receive, false)?,
    );
    exit_with_parent();
    ready();
    // Atomic byte loads: the relay writes these bytes (between our answer and its next post).
    let byte = |i: usize| {
        assert!(i < receive.len);
        // SAFETY: inside our mapping; AtomicU8 has u8's layout; a relaxed load is allowed
        // on read-only memory.
        unsafe { (*receive.ptr.add(i).cast::<AtomicU8>()).load(Relaxed) }
    };
    guarded(&mailboxes, |s| loop {
        s.server.wait_while(IDLE)?;
        let len = s.server.len.load(Relaxed) as usize;
        // Read the payload in place, as a binder server reads its parcel.
        if len > 0 && (byte(0) != FILL || byte(len - 1) != FILL) {
            return Err(format!("the {len} B payload arrived altered"));
        }
        s.server.post(IDLE);
    })
}

/// The client role: descriptor mailboxes; times every call.
pub fn client() -> Result<(), String> {
    let [mailboxes] = inherited::<1>()?;
    let mailboxes = Mapping::new(&mailboxes, true)?;
    let (payload, iterations) = (
        env_usize("BINDER_BENCH_PAYLOAD")?,
        env_usize("BINDER_BENCH_ITERATIONS")?,
    );
    // Under Yama's restricted mode only a ptracer we name may read our memory (EINVAL
    // without Yama: nothing to do).
    // SAFETY: plain prctl.
    unsafe { libc::prctl(libc::PR_SET_PTRACER, env_usize(RELAY_PID)? as libc::c_ulong) };
    let request = vec![FILL; payload];
    // SAFETY: getpid has no preconditions.
    let pid = unsafe { libc::getpid() } as u32;
    ready();
    wait_go()?;
    let mut samples = Vec::with_capacity(iterations);
    let all = Instant::now();
    guarded(&mailboxes, |s| {
        let m = &s.client;
        for _ in 0..iterations {
            let t = Instant::now();
            m.pid.store(pid, Relaxed);
            m.addr.store(request.as_ptr() as u64, Relaxed);
            m.len.store(payload as u64, Relaxed);
            m.post(POSTED);
            m.wait_while(POSTED)?;
            samples.push(t.elapsed().as_nanos() as u64);
        }
        Ok(())
    })?;
    report_samples(all.elapsed(), &samples);
    Ok(())
}
