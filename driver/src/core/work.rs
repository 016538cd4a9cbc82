//! Work items: what a thread's read can deliver.
//!
//! The kernel queues `binder_work` entries on thread and process todo lists; the Rust driver
//! makes them `DeliverToRead` objects. Here they are small values naming the object the work is
//! about, so a queue never owns driver state and cancelling an item is removing a value.

use super::freeze::FreezeId;
use super::node::{DeathId, NodeId};
use super::transaction::TxnId;

/// One queued item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Work {
    /// A transaction (`BR_TRANSACTION`) or reply (`BR_REPLY`) to deliver.
    Transaction(TxnId),
    /// `BR_TRANSACTION_COMPLETE` for a command this thread sent.
    TransactionComplete,
    /// A oneway was accepted but its sender looks like a spammer: `BR_ONEWAY_SPAM_SUSPECT` if
    /// the sender enabled detection, else `BR_TRANSACTION_COMPLETE`.
    OnewaySpamSuspect,
    /// A oneway was queued to a frozen process: `BR_TRANSACTION_PENDING_FROZEN`.
    TransactionPendingFrozen,
    /// The thread's return-error slot (`Thread::return_error`).
    ReturnError,
    /// The thread's reply-error slot (`Thread::reply_error`).
    ReplyError,
    /// Reference-count news about a node the reading process owns.
    Node(NodeId),
    /// A death-notification record of the reading process.
    Death(DeathId),
    /// A freeze-notification record of the reading process.
    Freeze(FreezeId),
}

impl Work {
    /// Whether the item is process work that any looper may take, as opposed to work addressed
    /// to one thread. Only process work survives the exit of a thread it was handed to.
    pub(crate) fn is_transaction(self) -> bool {
        matches!(self, Work::Transaction(_))
    }
}
