//! A client connection's socket as binderd holds it, with the messages waiting to go out.
//!
//! Messages are queued while the device lock is held and sent after it is released, by
//! whichever worker gets there first. Two workers finishing one after the other could
//! otherwise send in the opposite order: a readiness note the second one queued for work
//! that had just arrived would reach the thread before the first one's answer "no work" to
//! its poll, and the thread, taking the note for one that answer already covered, would
//! discard it and sleep with work pending. So each socket keeps its queue in lock order, and
//! one worker at a time sends from it.

use std::collections::VecDeque;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd, RawFd};
use std::sync::Mutex;

use crate::sys;

pub(super) struct Socket {
    fd: OwnedFd,
    /// Messages not sent yet, in the order the device's state produced them. Pushed under the
    /// device lock; its own lock is held while sending, so the order holds on the wire.
    queue: Mutex<VecDeque<(Vec<u8>, Vec<OwnedFd>)>>,
}

impl Socket {
    pub(super) fn new(fd: OwnedFd) -> Self {
        Socket {
            fd,
            queue: Mutex::new(VecDeque::new()),
        }
    }

    /// Queues a message. Called under the device lock: the queue's order is the order of the
    /// state changes the messages report.
    pub(super) fn queue(&self, bytes: Vec<u8>, fds: Vec<OwnedFd>) {
        self.lock().push_back((bytes, fds));
    }

    /// Sends every queued message, in order. A message the socket will not take (the client
    /// stopped reading and its buffer is full, or it is gone) is dropped: what it said is
    /// lost to that client alone.
    pub(super) fn flush(&self) {
        let mut queue = self.lock();
        while let Some((bytes, fds)) = queue.pop_front() {
            let raw: Vec<RawFd> = fds.iter().map(|f| f.as_raw_fd()).collect();
            if let Err(e) = sys::send(self.fd.as_fd(), &bytes, &raw) {
                tracing::debug!(%e, "send to client failed");
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, VecDeque<(Vec<u8>, Vec<OwnedFd>)>> {
        self.queue.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl AsFd for Socket {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.fd.as_fd()
    }
}

impl AsRawFd for Socket {
    fn as_raw_fd(&self) -> RawFd {
        self.fd.as_raw_fd()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustix::net::{socketpair, AddressFamily, SocketFlags, SocketType};

    fn pair() -> (Socket, OwnedFd) {
        let (a, b) = socketpair(
            AddressFamily::UNIX,
            SocketType::SEQPACKET,
            SocketFlags::CLOEXEC,
            None,
        )
        .unwrap();
        (Socket::new(a), b)
    }

    fn received(fd: &OwnedFd) -> Vec<u8> {
        let mut buf = [0u8; 16];
        let r = sys::recv(fd.as_fd(), &mut buf, libc::MSG_DONTWAIT).unwrap();
        buf[..r.len].to_vec()
    }

    /// The worker that queued second may flush first: it sends the first message too, first.
    #[test]
    fn messages_go_out_in_the_order_they_were_queued() {
        let (socket, peer) = pair();
        let socket = std::sync::Arc::new(socket);
        socket.queue(b"first".to_vec(), Vec::new());
        let second = socket.clone();
        std::thread::spawn(move || {
            second.queue(b"second".to_vec(), Vec::new());
            second.flush();
        })
        .join()
        .unwrap();
        socket.flush();
        assert_eq!(received(&peer), b"first");
        assert_eq!(received(&peer), b"second");
        let mut buf = [0u8; 16];
        let e = sys::recv(peer.as_fd(), &mut buf, libc::MSG_DONTWAIT).err();
        assert_eq!(e.map(|e| e.kind()), Some(std::io::ErrorKind::WouldBlock));
    }
}
