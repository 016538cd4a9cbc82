//! [`ThreadState`]: the calling identity of the current binder call (AOSP `state.rs`).

use std::ffi::CStr;

use crate::thread;

/// The binder state of the calling thread (AOSP `ThreadState`).
pub struct ThreadState;

impl ThreadState {
    /// The effective uid of the process that sent the call being served; our own uid
    /// outside a call.
    pub fn get_calling_uid() -> libc::uid_t {
        thread::get_calling_uid()
    }

    /// The pid of the process that sent the call being served (0 for a oneway call, as the
    /// driver reports it); our own pid outside a call.
    pub fn get_calling_pid() -> libc::pid_t {
        thread::get_calling_pid()
    }

    /// Runs `check_permission` with the caller's SELinux context. binder-sim has no security
    /// contexts, so it is always `None` (as for a service that did not ask for them).
    pub fn with_calling_sid<T, F>(check_permission: F) -> T
    where
        for<'a> F: FnOnce(Option<&'a CStr>) -> T,
    {
        check_permission(None)
    }

    /// Makes the calling identity this process's own; the token restores it.
    pub fn clear_calling_identity() -> i64 {
        thread::clear_calling_identity()
    }

    /// Restores an identity cleared by [`clear_calling_identity`](Self::clear_calling_identity).
    pub fn restore_calling_identity(token: i64) {
        thread::restore_calling_identity(token)
    }

    /// Sends the commands this thread has queued for the driver now.
    pub fn flush_commands() {
        if let Err(e) = thread::flush_commands() {
            tracing::warn!(%e, "flushing binder commands failed");
        }
    }
}
