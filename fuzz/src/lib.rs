//! Fuzzing support for binder-sim (cargo-fuzz, libFuzzer; see `README.md` in this directory).
//!
//! - [`host`]: a host for the driver core that behaves as binderd does — it settles every
//!   completion (payload copies, file installs, parked reads, waiting freezes), resumes the
//!   threads the core wakes, may hold copies and installs across other operations as binderd's
//!   workers and clients do, and checks every read buffer the core fills and every call the
//!   core makes into it (the oracles).
//! - [`scenario`]: the structured input of the `core` target (processes, threads, command
//!   streams with objects) and how it is played on a [`host::Host`].
//!
//! A broken oracle panics with a message starting `ORACLE:`; a panic without it comes from
//! binder-sim itself (an assertion, an index, an overflow). [`init`] makes every error the
//! core logs (`tracing::error!`: its "cannot happen" states, such as a count underflow or a
//! buffer holding a missing ref) an oracle too.

pub mod host;
pub mod scenario;

use tracing::{span, Event, Level, Metadata, Subscriber};

/// Listens for the core's error events (and nothing else, so that logging costs nothing).
struct CoreErrors;

/// Errors the core logs that are not its own: the host's (a wrong install answer), or a
/// client's (a `BC_RELEASE` of the count a received buffer holds, after which freeing the
/// buffer finds no ref: the kernel's `binder_user_error`; see
/// `artifacts-found/core/README.md`).
const NOT_CORE_ERRORS: &[&str] = &[
    "host installed the wrong number of files",
    "buffer holds a missing ref",
];

impl Subscriber for CoreErrors {
    fn enabled(&self, m: &Metadata<'_>) -> bool {
        *m.level() == Level::ERROR && m.target().starts_with("binder_driver::core")
    }
    fn register_callsite(&self, m: &'static Metadata<'static>) -> tracing::subscriber::Interest {
        if self.enabled(m) {
            tracing::subscriber::Interest::always()
        } else {
            tracing::subscriber::Interest::never()
        }
    }
    fn new_span(&self, _: &span::Attributes<'_>) -> span::Id {
        span::Id::from_u64(1)
    }
    fn record(&self, _: &span::Id, _: &span::Record<'_>) {}
    fn record_follows_from(&self, _: &span::Id, _: &span::Id) {}
    fn event(&self, e: &Event<'_>) {
        struct Fields(String);
        impl tracing::field::Visit for Fields {
            fn record_debug(&mut self, f: &tracing::field::Field, v: &dyn std::fmt::Debug) {
                self.0 += &format!("{}={v:?} ", f.name());
            }
        }
        let mut fields = Fields(String::new());
        e.record(&mut fields);
        if NOT_CORE_ERRORS.iter().any(|h| fields.0.contains(h)) {
            return;
        }
        oracle!(
            "the core logged an error at {}:{}: {}",
            e.metadata().file().unwrap_or("?"),
            e.metadata().line().unwrap_or(0),
            fields.0
        );
    }
    fn enter(&self, _: &span::Id) {}
    fn exit(&self, _: &span::Id) {}
}

/// Makes the core's logged errors oracles (once per process).
pub fn init() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = tracing::subscriber::set_global_default(CoreErrors);
    });
}

#[cfg(test)]
mod tests {
    #[test]
    #[should_panic(expected = "ORACLE: the core logged an error")]
    fn core_errors_are_oracles() {
        super::init();
        tracing::warn!(target: "binder_driver::core::node", "a warning is not");
        tracing::error!(target: "binder_driver::daemon", "nor is an error elsewhere");
        tracing::error!(target: "binder_driver::core::node", "node count underflow");
    }
}
