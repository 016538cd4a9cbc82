//! The control socket (`DIR/binderctl`): binderd's debugfs, for `binderctl`.
//!
//! One thread accepts; each connection is served by a thread of its own (at most
//! [`MAX_CONNECTIONS`] at once), away from the epoll workers, so a slow or hostile control
//! client costs device clients nothing but the moments a rendering holds the device lock.
//! Only binderd's own uid and root are answered. Requests are bounded ([`MAX_REQUEST`]), a
//! request must arrive whole within [`REQUEST_TIMEOUT`], an answer must be taken within
//! [`WRITE_TIMEOUT`], and an idle connection ends after [`IDLE_TIMEOUT`]: anything else ends
//! the connection, and with it its recordings.

use std::io;
use std::os::fd::{AsFd, AsRawFd};
use std::os::unix::net::{UnixListener, UnixStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use super::server::Shared;
use crate::control::{
    encode_answer, encode_events, encode_names, encode_snapshot, read_frame, write_frame, File,
    Request, MAX_PAGE, MAX_REQUEST,
};

/// Control connections served at once; more are told so and closed.
pub(crate) const MAX_CONNECTIONS: usize = 8;
const REQUEST_TIMEOUT: Duration = Duration::from_secs(5);
const WRITE_TIMEOUT: Duration = Duration::from_secs(5);
const IDLE_TIMEOUT: Duration = Duration::from_secs(60);
/// The largest event ring a recording may ask for.
const MAX_RING: usize = 1 << 20;

/// Serves the control socket until binderd stops.
pub(crate) fn serve(shared: Arc<Shared>, listener: UnixListener) {
    let active = Arc::new(AtomicUsize::new(0));
    loop {
        match wait_readable(&listener, &shared, None) {
            Ok(true) => {}
            Ok(false) => return,
            Err(e) => {
                tracing::error!(%e, "control socket poll failed");
                return;
            }
        }
        let stream = match listener.accept() {
            Ok((s, _)) => s,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => continue,
            Err(e) => {
                tracing::warn!(%e, "control accept failed");
                // Out of descriptors: rest a little rather than spin on a ready listener.
                std::thread::sleep(Duration::from_millis(100));
                continue;
            }
        };
        if active.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            active.fetch_sub(1, Ordering::SeqCst);
            refuse(stream, "too many binderctl connections");
            continue;
        }
        let (shared, counter) = (shared.clone(), active.clone());
        let spawned = std::thread::Builder::new()
            .name("binderd-ctl".into())
            .spawn(move || {
                let _done = Release(&counter);
                connection(&shared, stream);
            });
        if let Err(e) = spawned {
            tracing::warn!(%e, "cannot start a control thread");
            active.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

struct Release<'a>(&'a AtomicUsize);

impl Drop for Release<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

fn refuse(mut stream: UnixStream, why: &str) {
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let _ = write_frame(&mut stream, &encode_answer(&Err(why.to_string())));
}

/// Waits until `fd` is readable (true) or binderd stops (false), at most `timeout`
/// (`Ok(false)` too when it passes).
fn wait_readable(fd: &impl AsFd, shared: &Shared, timeout: Option<Duration>) -> io::Result<bool> {
    let mut fds = [
        libc::pollfd {
            fd: fd.as_fd().as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        },
        libc::pollfd {
            fd: shared.stop_fd().as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        },
    ];
    let ms = timeout.map_or(-1, |t| t.as_millis().min(i32::MAX as u128) as i32);
    loop {
        // SAFETY: two valid pollfds.
        let n = unsafe { libc::poll(fds.as_mut_ptr(), 2, ms) };
        if n < 0 {
            let e = io::Error::last_os_error();
            if e.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        return Ok(n > 0 && fds[1].revents == 0);
    }
}

/// The devices a connection records, released when it ends however it ends.
struct Recordings<'a> {
    shared: &'a Shared,
    devices: Vec<String>,
}

impl Drop for Recordings<'_> {
    fn drop(&mut self) {
        for d in self.devices.drain(..) {
            self.shared.record(&d, false, 0);
        }
    }
}

fn connection(shared: &Shared, mut stream: UnixStream) {
    let cred = match crate::sys::peer_cred(stream.as_fd()) {
        Ok(c) => c,
        Err(e) => {
            tracing::debug!(%e, "control peer without credentials");
            return;
        }
    };
    // SAFETY: geteuid cannot fail.
    let own = unsafe { libc::geteuid() };
    if cred.uid != 0 && cred.uid != own {
        tracing::warn!(
            uid = cred.uid,
            pid = cred.pid,
            "binderctl of another user refused"
        );
        refuse(
            stream,
            &format!(
                "permission denied: uid {} is neither binderd's user (uid {own}) nor root",
                cred.uid
            ),
        );
        return;
    }
    if stream.set_read_timeout(Some(REQUEST_TIMEOUT)).is_err()
        || stream.set_write_timeout(Some(WRITE_TIMEOUT)).is_err()
    {
        return;
    }
    let mut recordings = Recordings {
        shared,
        devices: Vec::new(),
    };
    loop {
        match wait_readable(&stream, shared, Some(IDLE_TIMEOUT)) {
            Ok(true) => {}
            _ => return,
        }
        let body = match read_frame(&mut stream, MAX_REQUEST) {
            Ok(Some(b)) => b,
            Ok(None) => return,
            Err(e) => {
                tracing::debug!(pid = cred.pid, %e, "control request unreadable; closing");
                return;
            }
        };
        let Some(req) = Request::decode(&body) else {
            tracing::debug!(pid = cred.pid, "malformed control request; closing");
            refuse(stream, "malformed request");
            return;
        };
        let answer = answer(shared, req, &mut recordings.devices);
        if let Err(e) = write_frame(&mut stream, &encode_answer(&answer)) {
            tracing::debug!(pid = cred.pid, %e, "control answer not taken; closing");
            return;
        }
    }
}

fn no_device(device: &str) -> String {
    format!("no device {device:?}")
}

fn answer(shared: &Shared, req: Request, recording: &mut Vec<String>) -> Result<Vec<u8>, String> {
    match req {
        Request::Devices => Ok(shared.device_names().join("\n").into_bytes()),
        Request::File { device, file } => {
            let text = shared
                .with_core(&device, |c| match file {
                    File::State => Some(c.debug_state()),
                    File::Stats => Some(c.debug_stats()),
                    File::Transactions => Some(c.debug_transactions()),
                    File::TransactionLog => Some(c.debug_transaction_log()),
                    File::FailedTransactionLog => Some(c.debug_failed_transaction_log()),
                    File::Proc(pid) => c.debug_proc(pid),
                })
                .ok_or_else(|| no_device(&device))?;
            match (text, file) {
                (Some(t), _) => Ok(t.into_bytes()),
                (None, File::Proc(pid)) => Err(format!("no process {pid} on device {device}")),
                (None, _) => Err("nothing to show".into()),
            }
        }
        Request::Snapshot { device } => {
            let (procs, nodes) = shared
                .with_core(&device, |c| c.observe())
                .ok_or_else(|| no_device(&device))?;
            Ok(encode_snapshot(&procs, &nodes))
        }
        Request::Record {
            device,
            on,
            capacity,
        } => {
            let had = recording.iter().position(|d| *d == device);
            match (on, had) {
                (true, None) => {
                    let cap = (capacity as usize).clamp(1, MAX_RING);
                    shared
                        .record(&device, true, cap)
                        .ok_or_else(|| no_device(&device))?;
                    recording.push(device);
                }
                (false, Some(i)) => {
                    shared.record(&device, false, 0);
                    recording.remove(i);
                }
                // Already in the state asked for.
                _ => {
                    if !shared.device_names().contains(&device) {
                        return Err(no_device(&device));
                    }
                }
            }
            Ok(Vec::new())
        }
        Request::Names { device } => {
            let names = shared.names(&device).ok_or_else(|| no_device(&device))?;
            Ok(encode_names(&names))
        }
        Request::Events { device, from, max } => {
            let page = shared
                .with_core(&device, |c| {
                    c.events_since(from, max.min(MAX_PAGE) as usize)
                })
                .ok_or_else(|| no_device(&device))?;
            Ok(encode_events(&page))
        }
    }
}
