//! Entry points for the fuzz targets in `fuzz/` (not an API: hidden, and free to change).
//!
//! They expose, unchanged, what binderd parses of everything a client sends it: the messages
//! of [`protocol`](crate::protocol) and the mailbox a thread's requests travel in
//! ([`mailbox`](crate::mailbox)).

use std::io;

use crate::{mailbox, protocol};

pub use crate::mailbox::{
    Answer as MailboxAnswer, Request as MailboxRequest, ANSWER_DATA_SIZE, REQUEST_DATA_SIZE,
    REQ_IOCTL, REQ_LENT, THEN_READ,
};

/// The most bytes of commands binderd posts (`protocol::CHUNK`).
pub const CHUNK: usize = protocol::CHUNK;

/// A client-to-binderd message (`protocol::Request`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request(protocol::Request);

impl Request {
    /// What binderd makes of a message (`None`: refused as malformed).
    pub fn decode(bytes: &[u8]) -> Option<Request> {
        protocol::Request::decode(bytes).map(Request)
    }

    pub fn encode(&self) -> Vec<u8> {
        self.0.encode()
    }
}

/// A binderd-to-client message (`protocol::Reply`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply(protocol::Reply);

impl Reply {
    pub fn decode(bytes: &[u8]) -> Option<Reply> {
        protocol::Reply::decode(bytes).map(Reply)
    }

    pub fn encode(&self) -> Vec<u8> {
        self.0.encode()
    }
}

/// Whether binderd runs `commands` as posted commands (`protocol::postable`).
pub fn postable(commands: &[u8]) -> bool {
    protocol::postable(commands)
}

/// A mailbox as binderd creates it (a sealed memfd, mapped here).
pub struct Mailbox(mailbox::Mailbox);

impl Mailbox {
    pub fn create() -> io::Result<Mailbox> {
        mailbox::Mailbox::create().map(|(m, _fd)| Mailbox(m))
    }

    /// The client's side: writes a request and its data.
    pub fn write_request(&self, req: &MailboxRequest, data: &[&[u8]]) {
        self.0.write_request(req, data)
    }

    /// binderd's side: the request, copied out.
    pub fn read_request(&self) -> MailboxRequest {
        self.0.read_request()
    }

    /// binderd's side: `len` bytes of the request's data, copied out (clamped to the area).
    pub fn read_request_data(&self, len: usize) -> Vec<u8> {
        self.0.read_request_data(len)
    }

    /// binderd's side: writes an answer and its data.
    pub fn write_answer(&self, ans: &MailboxAnswer, data: &[&[u8]]) {
        self.0.write_answer(ans, data)
    }

    /// The client's side: the answer.
    pub fn read_answer(&self) -> MailboxAnswer {
        self.0.read_answer()
    }

    /// The client's side: bytes of the answer's data.
    pub fn read_answer_data(&self, at: usize, dst: &mut [u8]) {
        self.0.read_answer_data(at, dst)
    }
}
