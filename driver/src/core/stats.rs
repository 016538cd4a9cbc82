//! Counters behind the debug `stats` file: commands and returns by number, objects created.

use crate::uapi::{ioc_nr, BC_FREEZE_NOTIFICATION_DONE, BR_CLEAR_FREEZE_NOTIFICATION_DONE};

/// Number of `BC_*` codes (the kernel's `bc[_IOC_NR(BC_FREEZE_NOTIFICATION_DONE) + 1]`).
pub(crate) const BC_COUNT: usize = ioc_nr(BC_FREEZE_NOTIFICATION_DONE) as usize + 1;
/// Number of `BR_*` codes.
pub(crate) const BR_COUNT: usize = ioc_nr(BR_CLEAR_FREEZE_NOTIFICATION_DONE) as usize + 1;

/// Kinds of objects the driver counts (the kernel's `enum binder_stat_types`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Obj {
    Proc,
    Thread,
    Node,
    Ref,
    Death,
    Transaction,
    TransactionComplete,
    Freeze,
}

/// `struct binder_stats`.
#[derive(Clone, Debug, Default)]
pub(crate) struct Stats {
    pub(crate) bc: [u64; BC_COUNT],
    pub(crate) br: [u64; BR_COUNT],
    pub(crate) created: [u64; 8],
}

impl Stats {
    pub(crate) fn bc(&mut self, cmd: u32) {
        if let Some(c) = self.bc.get_mut(ioc_nr(cmd) as usize) {
            *c += 1;
        }
    }

    pub(crate) fn br(&mut self, cmd: u32) {
        if let Some(c) = self.br.get_mut(ioc_nr(cmd) as usize) {
            *c += 1;
        }
    }

    pub(crate) fn created(&mut self, obj: Obj) {
        self.created[obj as usize] += 1;
    }
}
