//! Per-thread binder state (AOSP `IPCThreadState.cpp`): the command (out) and return (in)
//! buffers, `talk_with_driver`, synchronous and oneway transactions, the execution of every
//! return code, the calling identity, and polling.

use std::cell::RefCell;
use std::io;
use std::mem::size_of;
use std::os::fd::RawFd;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use binder_driver::uapi::*;

use crate::error::StatusCode;
use crate::ibinder::{self, SpIBinder};
use crate::parcel::Parcel;
use crate::process::ProcessState;

/// How much one read asks for (AOSP reads 256 bytes of returns at a time).
const READ_SIZE: usize = 256;

struct ThreadState {
    out: Vec<u8>,
    /// Where the driver writes returns (lent to each read, like AOSP's `mIn`).
    rbuf: Box<[u8; READ_SIZE]>,
    inp: Vec<u8>,
    in_pos: usize,
    calling_pid: i32,
    calling_uid: u32,
    is_looper: bool,
    /// A looper that polls (`setup_polling`): it goes back to its event loop between reads.
    polling: bool,
    /// Inside `handle_polled_commands`: a polling thread that frees a buffer now sends the
    /// free with the flush that ends it; outside, it has no read coming and sends it at once.
    in_polled: bool,
    /// Depth of incoming transactions being served on this thread.
    serving: u32,
}

fn own_pid() -> i32 {
    binder_driver::device::current_pid()
}

fn own_uid() -> u32 {
    // SAFETY: getuid cannot fail.
    unsafe { libc::getuid() }
}

impl ThreadState {
    fn new() -> ThreadState {
        ThreadState {
            out: Vec::with_capacity(256),
            rbuf: Box::new([0; READ_SIZE]),
            inp: Vec::with_capacity(READ_SIZE),
            in_pos: 0,
            calling_pid: own_pid(),
            calling_uid: own_uid(),
            is_looper: false,
            polling: false,
            in_polled: false,
            serving: 0,
        }
    }
}

thread_local! {
    static STATE: RefCell<ThreadState> = RefCell::new(ThreadState::new());
}

/// Runs `f` on this thread's state (a short borrow: never across user code or drops of
/// binders).
fn with<R>(f: impl FnOnce(&mut ThreadState) -> R) -> R {
    STATE.with(|s| f(&mut s.borrow_mut()))
}

fn push_cmd(out: &mut Vec<u8>, cmd: u32, payload: &[u8]) {
    out.extend_from_slice(&cmd.to_ne_bytes());
    out.extend_from_slice(payload);
}

/// Queues a command in this thread's out buffer (sent with the next talk to the driver).
fn queue(cmd: u32, payload: &[u8]) {
    with(|s| push_cmd(&mut s.out, cmd, payload));
}

/// The `status_t` for a driver error.
pub(crate) fn status_from_io(e: &io::Error) -> StatusCode {
    match e.raw_os_error() {
        Some(libc::ECONNREFUSED) | Some(libc::ECONNRESET) | Some(libc::EPIPE) => {
            StatusCode::DEAD_OBJECT
        }
        Some(n) => StatusCode::from_raw(-n),
        None => StatusCode::UNKNOWN_ERROR,
    }
}

fn process() -> Result<&'static ProcessState, StatusCode> {
    ProcessState::self_().map_err(StatusCode::from)
}

/// One `BINDER_WRITE_READ` (AOSP `talkWithDriver`): writes the out buffer unless returns are
/// still unread (when receiving), and reads if the in buffer is drained.
fn talk_with_driver(do_receive: bool) -> io::Result<()> {
    talk(do_receive, false)
}

/// `talk_with_driver`; with `then_read`, for a looper's reply, the driver reads on after the
/// reply's `BR_TRANSACTION_COMPLETE` (`Device::reply_and_read`), as the looper's next read
/// would, so that the reply and the wait for the next request block once.
fn talk(do_receive: bool, then_read: bool) -> io::Result<()> {
    let ps = ProcessState::self_().map_err(|e| io::Error::new(io::ErrorKind::NotConnected, e))?;
    STATE.with(|cell| {
        let mut s = cell.borrow_mut();
        let need_read = s.in_pos >= s.inp.len();
        let out_avail = if !do_receive || need_read {
            s.out.len()
        } else {
            0
        };
        let read_size = if do_receive && need_read {
            READ_SIZE
        } else {
            0
        };
        if out_avail == 0 && read_size == 0 {
            return Ok(());
        }
        let s = &mut *s;
        let mut written = 0;
        let (read_consumed, result) = loop {
            let (write, read) = (&s.out[written..out_avail], &mut s.rbuf[..read_size]);
            let (w, r, result) = if then_read {
                ps.device.reply_and_read(write, read)
            } else {
                ps.device.write_read_buffers(write, read)
            };
            written += w;
            match result {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                result => break (r, result),
            }
        };
        if let Err(e) = result {
            // Commands that did not go out are dropped: they may point at data that does not
            // outlive the failed call.
            s.out.clear();
            return Err(e);
        }
        s.out.drain(..written);
        if read_consumed > 0 {
            let n = read_consumed.min(READ_SIZE);
            s.inp.clear();
            s.inp.extend_from_slice(&s.rbuf[..n]);
            s.in_pos = 0;
        }
        Ok(())
    })
}

/// Takes the next `T` from the in buffer.
fn read_in<T: Pod>() -> Option<T> {
    with(|s| {
        let v = T::from_bytes(s.inp.get(s.in_pos..)?)?;
        s.in_pos += size_of::<T>();
        Some(v)
    })
}

fn skip_in(len: usize) {
    with(|s| s.in_pos = (s.in_pos + len).min(s.inp.len()));
}

fn in_drained() -> bool {
    with(|s| s.in_pos >= s.inp.len())
}

/// Writes `cmds` to the driver now: through this thread's out buffer, or directly if the
/// thread state is unavailable (thread exit) or busy.
pub(crate) fn write_now(cmds: &[u8]) {
    let queued = STATE
        .try_with(|cell| match cell.try_borrow_mut() {
            Ok(mut s) => {
                s.out.extend_from_slice(cmds);
                true
            }
            Err(_) => false,
        })
        .unwrap_or(false);
    if queued {
        if let Err(e) = talk_with_driver(false) {
            tracing::debug!(%e, "flush failed");
        }
        return;
    }
    let Ok(ps) = ProcessState::self_() else {
        return;
    };
    if let (_, _, Err(e)) = ps.device.write_read_buffers(cmds, &mut []) {
        tracing::debug!(%e, "direct write failed");
    }
}

/// `BC_INCREFS` + `BC_ACQUIRE` (`acquire`) or `BC_RELEASE` + `BC_DECREFS` for `handle`.
pub(crate) fn ref_commands(handle: u32, acquire: bool) -> Vec<u8> {
    let mut v = Vec::with_capacity(16);
    if acquire {
        push_cmd(&mut v, BC_INCREFS, &handle.to_ne_bytes());
        push_cmd(&mut v, BC_ACQUIRE, &handle.to_ne_bytes());
    } else {
        push_cmd(&mut v, BC_RELEASE, &handle.to_ne_bytes());
        push_cmd(&mut v, BC_DECREFS, &handle.to_ne_bytes());
    }
    v
}

/// A `BC_REQUEST_DEATH_NOTIFICATION`/`BC_CLEAR_DEATH_NOTIFICATION` command.
pub(crate) fn death_command(request: bool, handle: u32, cookie: u64) -> Vec<u8> {
    let mut v = Vec::with_capacity(16);
    let hc = BinderHandleCookie { handle, cookie };
    let cmd = if request {
        BC_REQUEST_DEATH_NOTIFICATION
    } else {
        BC_CLEAR_DEATH_NOTIFICATION
    };
    push_cmd(&mut v, cmd, hc.as_bytes());
    v
}

/// Sends the queued commands now (AOSP `flushCommands`).
pub fn flush_commands() -> Result<(), StatusCode> {
    talk_with_driver(false).map_err(|e| status_from_io(&e))?;
    // Flushing may have dropped things that queued more (AOSP flushes twice as well).
    if with(|s| !s.out.is_empty()) {
        talk_with_driver(false).map_err(|e| status_from_io(&e))?;
    }
    Ok(())
}

/// Sends the queued commands without waiting for the driver to run them (they give nothing
/// back): how a thread that is neither a looper nor serving a call flushes a free at once, as
/// AOSP `flushIfNeeded`, without a round trip. Commands the device will not post (a
/// transaction among them) are written the usual way.
fn post_commands() {
    let Ok(ps) = ProcessState::self_() else {
        return;
    };
    let posted = STATE.with(|cell| {
        let mut s = cell.borrow_mut();
        match ps.device.post_commands(&s.out) {
            Ok(()) => {
                s.out.clear();
                true
            }
            Err(e) if e.raw_os_error() == Some(libc::EINVAL) => false,
            Err(e) => {
                tracing::debug!(%e, "post failed");
                s.out.clear();
                true
            }
        }
    });
    if !posted {
        if let Err(e) = talk_with_driver(false) {
            tracing::debug!(%e, "flush failed");
        }
    }
}

/// Frees a received buffer when its parcel goes: `BC_FREE_BUFFER` queued on the dropping
/// thread and sent with its next write (posted at once on a thread that is neither a looper
/// nor serving a call, as AOSP `flushIfNeeded` flushes it, and on a polling looper between
/// its `handle_polled_commands`: an event loop, a tokio reactor among them, may receive many
/// replies before its descriptor turns readable again, and the receive buffer would fill).
struct FreeBuffer(u64);

impl Drop for FreeBuffer {
    fn drop(&mut self) {
        let addr = self.0;
        let flush = STATE
            .try_with(|cell| match cell.try_borrow_mut() {
                Ok(mut s) => {
                    push_cmd(&mut s.out, BC_FREE_BUFFER, &addr.to_ne_bytes());
                    Some((!s.is_looper || (s.polling && !s.in_polled)) && s.serving == 0)
                }
                Err(_) => None,
            })
            .ok()
            .flatten();
        match flush {
            Some(true) => post_commands(),
            Some(false) => {}
            None => {
                let mut v = Vec::with_capacity(12);
                push_cmd(&mut v, BC_FREE_BUFFER, &addr.to_ne_bytes());
                write_now(&v);
            }
        }
    }
}

/// A parcel over a received buffer, read in place: the data and objects, owning the descriptors
/// the driver installed, and freeing the buffer when dropped.
fn received_parcel(tr: &BinderTransactionData) -> Result<Parcel, StatusCode> {
    let ps = process()?;
    let addr = tr.data_buffer();
    let free = FreeBuffer(addr);
    let data = ps.mapped(addr, tr.data_size).ok_or(StatusCode::BAD_VALUE)?;
    let offs_bytes = ps
        .mapped(tr.data_offsets(), tr.offsets_size)
        .ok_or(StatusCode::BAD_VALUE)?;
    let offsets: Vec<u64> = offs_bytes
        .chunks_exact(8)
        .map(|c| u64::from_ne_bytes(c.try_into().unwrap()))
        .collect();
    let mut parcel = Parcel::from_mapped(data, &offsets);
    // SAFETY: the driver installed the descriptors of this buffer's fd objects in this process
    // for it alone; the parcel is their only owner and adopts them once.
    unsafe { parcel.adopt_file_descriptors() };
    parcel.attach(Box::new(free));
    Ok(parcel)
}

fn write_transaction_data(cmd: u32, flags: u32, handle: u32, code: u32, data: &Parcel) {
    let mut td = BinderTransactionData {
        code,
        flags,
        data_size: data.data_size() as u64,
        offsets_size: (data.objects_count() * 8) as u64,
        ..Default::default()
    };
    td.set_target_handle(handle);
    td.set_data_ptr(data.data_ptr() as u64, data.objects_ptr() as u64);
    queue(cmd, td.as_bytes());
}

/// Waits for the end of what was just queued (AOSP `waitForResponse`): the reply of a
/// synchronous call (`want_reply`), else the `BR_TRANSACTION_COMPLETE`. Incoming calls meanwhile
/// are executed on this thread.
fn wait_for_response(want_reply: bool) -> Result<Option<Parcel>, StatusCode> {
    wait_for_response_with(want_reply, false)
}

/// `wait_for_response`, the first read `then_read` (see [`talk`]).
fn wait_for_response_with(
    want_reply: bool,
    mut then_read: bool,
) -> Result<Option<Parcel>, StatusCode> {
    loop {
        talk(true, std::mem::take(&mut then_read)).map_err(|e| status_from_io(&e))?;
        let Some(cmd) = read_in::<u32>() else {
            continue;
        };
        match cmd {
            BR_ONEWAY_SPAM_SUSPECT | BR_TRANSACTION_COMPLETE => {
                if cmd == BR_ONEWAY_SPAM_SUSPECT {
                    tracing::error!("process seems to be sending too many oneway calls");
                }
                if !want_reply {
                    return Ok(None);
                }
            }
            BR_TRANSACTION_PENDING_FROZEN => {
                tracing::warn!("oneway call to a frozen process");
                if !want_reply {
                    return Ok(None);
                }
            }
            BR_DEAD_REPLY => return Err(StatusCode::DEAD_OBJECT),
            BR_FAILED_REPLY => return Err(StatusCode::FAILED_TRANSACTION),
            BR_FROZEN_REPLY => {
                tracing::warn!("transaction failed: the target process is frozen");
                return Err(StatusCode::FAILED_TRANSACTION);
            }
            BR_ACQUIRE_RESULT => skip_in(4),
            BR_REPLY => {
                let tr: BinderTransactionData = read_in().ok_or(StatusCode::NOT_ENOUGH_DATA)?;
                let parcel = received_parcel(&tr)?;
                if !want_reply {
                    continue;
                }
                if tr.flags & TF_STATUS_CODE != 0 {
                    let err = parcel
                        .data()
                        .get(..4)
                        .map(|b| i32::from_ne_bytes(b.try_into().unwrap()))
                        .unwrap_or(StatusCode::UNKNOWN_ERROR.to_raw());
                    drop(parcel);
                    return match err {
                        0 => Ok(Some(Parcel::new())),
                        e => Err(StatusCode::from_raw(e)),
                    };
                }
                return Ok(Some(parcel));
            }
            other => execute_command(other)?,
        }
    }
}

/// A transaction to `handle` (AOSP `IPCThreadState::transact`). Synchronous calls return the
/// reply; oneway calls (`FLAG_ONEWAY`) an empty parcel once the driver took them.
pub fn transact(handle: u32, code: u32, data: &Parcel, flags: u32) -> Result<Parcel, StatusCode> {
    process()?;
    let flags = flags | TF_ACCEPT_FDS;
    // `data` (and the binders it keeps alive) outlives the write: the driver reads it during
    // the talk inside wait_for_response.
    write_transaction_data(BC_TRANSACTION, flags, handle, code, data);
    if flags & TF_ONE_WAY == 0 {
        Ok(wait_for_response(true)?.unwrap_or_default())
    } else {
        wait_for_response(false)?;
        Ok(Parcel::new())
    }
}

fn send_reply(reply: Result<&Parcel, StatusCode>) -> Result<(), StatusCode> {
    let mut status_parcel = Parcel::new();
    let holds = match reply {
        Ok(p) => {
            write_transaction_data(BC_REPLY, 0, u32::MAX, 0, p);
            p.holds_references()
        }
        Err(e) => {
            status_parcel.write_i32(e.to_raw())?;
            write_transaction_data(BC_REPLY, TF_STATUS_CODE, u32::MAX, 0, &status_parcel);
            false
        }
    };
    // A pool looper replying to its outermost call reads next anyway, in the same call
    // (`reply_and_read`), unless the reply holds binders or descriptors. That call lasts
    // until the next request, and the reply must not keep them alive so long: the driver may
    // give the `BR_RELEASE` of its binder to another thread meanwhile, and the caller may read
    // its pipe to the end. Such a reply goes as AOSP's does and is dropped before the read.
    let then_read = !holds && with(|s| s.is_looper && !s.polling && s.serving == 0);
    wait_for_response_with(false, then_read).map(|_| ())
}

fn execute_transaction(secctx: bool) -> Result<(), StatusCode> {
    let tr: BinderTransactionData = if secctx {
        read_in::<BinderTransactionDataSecctx>()
            .ok_or(StatusCode::NOT_ENOUGH_DATA)?
            .transaction_data
    } else {
        read_in().ok_or(StatusCode::NOT_ENOUGH_DATA)?
    };
    let oneway = tr.flags & TF_ONE_WAY != 0;
    let mut buffer = match received_parcel(&tr) {
        Ok(p) => p,
        Err(e) => {
            if !oneway {
                send_reply(Err(e))?;
            }
            return Ok(());
        }
    };
    let ps = process()?;
    let target: Option<SpIBinder> = if tr.target_ptr() != 0 {
        ibinder::registry_lookup(tr.target_ptr())
    } else {
        ps.the_context_object()
    };
    let (saved_pid, saved_uid) = with(|s| {
        let saved = (s.calling_pid, s.calling_uid);
        s.calling_pid = tr.sender_pid;
        s.calling_uid = tr.sender_euid;
        s.serving += 1;
        saved
    });
    let mut reply = Parcel::new();
    let result = match &target {
        Some(b) => catch_unwind(AssertUnwindSafe(|| {
            b.local_transact(tr.code, &mut buffer, &mut reply, tr.flags)
        }))
        .unwrap_or_else(|_| {
            tracing::error!(code = tr.code, "panic in on_transact");
            Err(StatusCode::UNKNOWN_ERROR)
        }),
        None => Err(StatusCode::UNKNOWN_TRANSACTION),
    };
    with(|s| {
        s.calling_pid = saved_pid;
        s.calling_uid = saved_uid;
        s.serving -= 1;
    });
    // The target goes before the reply, as AOSP's `decStrong` after `transact`: a looper's
    // reply may wait for the next request (`reply_and_read`), and a thread waiting for work
    // must not keep the object alive. The driver may give its `BR_RELEASE` to another thread
    // meanwhile, and the object would outlive its last reference.
    drop(target);
    // The request's buffer is freed before the reply goes (AOSP: `buffer.setDataSize(0)` then
    // `sendReply`): the BC_FREE_BUFFER precedes the BC_REPLY in the same write, so the caller's
    // next request finds the room. A oneway's buffer goes after it, as AOSP does too.
    let sent = if oneway {
        Ok(())
    } else {
        drop(buffer);
        send_reply(result.as_ref().map(|_| &reply).map_err(|e| *e))
    };
    drop(reply);
    sent
}

/// Executes one return code other than the ones `wait_for_response` consumes (AOSP
/// `executeCommand`).
fn execute_command(cmd: u32) -> Result<(), StatusCode> {
    match cmd {
        BR_ERROR => {
            let e: i32 = read_in().unwrap_or(StatusCode::UNKNOWN_ERROR.to_raw());
            Err(StatusCode::from_raw(e))
        }
        BR_OK | BR_NOOP => Ok(()),
        BR_ACQUIRE => {
            let pc: BinderPtrCookie = read_in().ok_or(StatusCode::NOT_ENOUGH_DATA)?;
            ibinder::registry_acquire(pc.ptr);
            queue(BC_ACQUIRE_DONE, pc.as_bytes());
            Ok(())
        }
        BR_RELEASE => {
            let pc: BinderPtrCookie = read_in().ok_or(StatusCode::NOT_ENOUGH_DATA)?;
            // The strong reference goes outside every lock; the object may drop here.
            drop(ibinder::registry_release(pc.ptr));
            Ok(())
        }
        BR_INCREFS => {
            let pc: BinderPtrCookie = read_in().ok_or(StatusCode::NOT_ENOUGH_DATA)?;
            ibinder::registry_incref(pc.ptr);
            queue(BC_INCREFS_DONE, pc.as_bytes());
            Ok(())
        }
        BR_DECREFS => {
            let pc: BinderPtrCookie = read_in().ok_or(StatusCode::NOT_ENOUGH_DATA)?;
            ibinder::registry_decref(pc.ptr);
            Ok(())
        }
        BR_ATTEMPT_ACQUIRE => {
            skip_in(size_of::<BinderPriPtrCookie>());
            Ok(())
        }
        BR_TRANSACTION => execute_transaction(false),
        BR_TRANSACTION_SEC_CTX => execute_transaction(true),
        BR_DEAD_BINDER => {
            let cookie: u64 = read_in().ok_or(StatusCode::NOT_ENOUGH_DATA)?;
            ibinder::deliver_death(cookie);
            queue(BC_DEAD_BINDER_DONE, &cookie.to_ne_bytes());
            Ok(())
        }
        BR_CLEAR_DEATH_NOTIFICATION_DONE => {
            let cookie: u64 = read_in().ok_or(StatusCode::NOT_ENOUGH_DATA)?;
            ibinder::death_cleared(cookie);
            Ok(())
        }
        BR_FINISHED => Err(StatusCode::TIMED_OUT),
        BR_SPAWN_LOOPER => {
            process()?.spawn_pooled_thread(false);
            Ok(())
        }
        BR_FROZEN_BINDER | BR_CLEAR_FREEZE_NOTIFICATION_DONE => {
            skip_in(ioc_size(cmd) as usize);
            Ok(())
        }
        other => {
            tracing::error!(
                cmd = format_args!("{other:#x}"),
                "bad command from the driver"
            );
            skip_in(ioc_size(other) as usize);
            Err(StatusCode::UNKNOWN_ERROR)
        }
    }
}

enum LoopError {
    Driver(io::Error),
    Command(StatusCode),
}

fn get_and_execute_command() -> Result<(), LoopError> {
    talk_with_driver(true).map_err(LoopError::Driver)?;
    match read_in::<u32>() {
        Some(cmd) => execute_command(cmd).map_err(LoopError::Command),
        None => Ok(()),
    }
}

/// The looper (AOSP `joinThreadPool`): `BC_ENTER_LOOPER` (main) or `BC_REGISTER_LOOPER`
/// (spawned), then commands until the driver goes away.
pub(crate) fn join_thread_pool(is_main: bool) -> Result<(), StatusCode> {
    let ps = process()?;
    with(|s| {
        s.is_looper = true;
        let cmd = if is_main {
            BC_ENTER_LOOPER
        } else {
            BC_REGISTER_LOOPER
        };
        push_cmd(&mut s.out, cmd, &[]);
    });
    let result = loop {
        match get_and_execute_command() {
            Ok(()) => {}
            Err(LoopError::Command(StatusCode::TIMED_OUT)) if !is_main => break Ok(()),
            Err(LoopError::Command(e)) => {
                tracing::warn!(?e, "binder command failed");
            }
            Err(LoopError::Driver(e)) => break Err(status_from_io(&e)),
        }
    };
    queue(BC_EXIT_LOOPER, &[]);
    let _ = talk_with_driver(false);
    with(|s| s.is_looper = false);
    let _ = ps.device.thread_exit();
    result
}

/// How many threads of this process poll (`setup_polling`) and have not left
/// ([`exit_polling`]): they serve the process's work as pool threads would.
static POLLING_THREADS: AtomicUsize = AtomicUsize::new(0);

/// Whether some thread of this process serves binder work by polling (a service manager's
/// loop, a tokio reactor): work for the process, a notification among it, is served without a
/// thread pool.
pub(crate) fn has_polling_thread() -> bool {
    POLLING_THREADS.load(Ordering::SeqCst) > 0
}

/// Enters polling mode (AOSP `setupPolling`): this thread becomes a looper whose work is
/// signalled by the returned descriptor; call [`handle_polled_commands`] when it is readable.
pub fn setup_polling() -> Result<RawFd, StatusCode> {
    let ps = process()?;
    let was_polling = with(|s| {
        s.is_looper = true;
        push_cmd(&mut s.out, BC_ENTER_LOOPER, &[]);
        std::mem::replace(&mut s.polling, true)
    });
    if !was_polling {
        POLLING_THREADS.fetch_add(1, Ordering::SeqCst);
    }
    flush_commands()?;
    ps.device.poll_fd().map_err(|e| status_from_io(&e))
}

/// Leaves polling mode: `BC_EXIT_LOOPER`, then `BINDER_THREAD_EXIT`, so that the driver stops
/// counting this thread among the process's loopers (its poll descriptor closes: deregister it
/// first). The thread may still make calls; a later [`setup_polling`] starts over.
#[cfg_attr(not(feature = "tokio"), allow(dead_code))]
pub(crate) fn exit_polling() {
    let Ok(ps) = process() else { return };
    let was_polling = with(|s| {
        push_cmd(&mut s.out, BC_EXIT_LOOPER, &[]);
        s.is_looper = false;
        std::mem::replace(&mut s.polling, false)
    });
    if was_polling {
        POLLING_THREADS.fetch_sub(1, Ordering::SeqCst);
    }
    if let Err(e) = flush_commands() {
        tracing::debug!(?e, "flush before leaving polling mode failed");
    }
    if let Err(e) = ps.device.thread_exit() {
        tracing::debug!(%e, "BINDER_THREAD_EXIT failed");
    }
}

/// Executes the work pending for this thread (AOSP `handlePolledCommands`), without blocking
/// when there is none.
pub fn handle_polled_commands() -> Result<(), StatusCode> {
    handle_polled(false)
}

/// [`handle_polled_commands`] for a loop that goes on serving: a command that fails (a reply
/// to a caller that died meanwhile, say) is logged and the rest of what was read still runs,
/// as in `join_thread_pool`; only a failure to talk to the driver is returned.
#[cfg_attr(not(feature = "tokio"), allow(dead_code))]
pub(crate) fn serve_polled_commands() -> Result<(), StatusCode> {
    handle_polled(true)
}

fn handle_polled(go_on: bool) -> Result<(), StatusCode> {
    let ps = process()?;
    if in_drained()
        && !ps
            .device
            .poll(Some(Duration::ZERO))
            .map_err(|e| status_from_io(&e))?
    {
        return flush_commands();
    }
    let was_in_polled = with(|s| std::mem::replace(&mut s.in_polled, true));
    let result = loop {
        match get_and_execute_command() {
            Ok(()) => {}
            Err(LoopError::Driver(e)) => break Err(status_from_io(&e)),
            Err(LoopError::Command(e)) if go_on => {
                tracing::warn!(?e, "binder command failed");
            }
            Err(LoopError::Command(e)) => break Err(e),
        }
        if in_drained() {
            break Ok(());
        }
    };
    with(|s| s.in_polled = was_in_polled);
    result?;
    flush_commands()
}

/// The pid of the process that sent the call being served; our own pid outside a call, 0 for
/// a oneway call.
pub fn get_calling_pid() -> i32 {
    with(|s| s.calling_pid)
}

/// The effective uid of the caller; our own uid outside a call.
pub fn get_calling_uid() -> u32 {
    with(|s| s.calling_uid)
}

/// Whether this thread is serving an incoming call.
pub fn is_handling_transaction() -> bool {
    with(|s| s.serving > 0)
}

/// Makes the calling identity our own and returns a token to restore it (AOSP
/// `clearCallingIdentity`: uid in the high 32 bits, pid in the low).
pub fn clear_calling_identity() -> i64 {
    with(|s| {
        let token = ((s.calling_uid as i64) << 32) | (s.calling_pid as u32 as i64);
        s.calling_pid = own_pid();
        s.calling_uid = own_uid();
        token
    })
}

/// Restores an identity saved by [`clear_calling_identity`].
pub fn restore_calling_identity(token: i64) {
    with(|s| {
        s.calling_pid = token as u32 as i32;
        s.calling_uid = (token >> 32) as u32;
    })
}
