//! The async items AOSP-generated interfaces name unconditionally (AOSP `binder_async.rs`):
//! [`BoxFuture`], [`BinderAsyncPool`] (how an async proxy runs a blocking transaction) and
//! [`BinderAsyncRuntime`] (how an async service's futures are driven on a binder thread).
//!
//! They are traits: any executor can implement them. The tokio implementation, AOSP's
//! `binder_tokio` crate (`Tokio`, `TokioRuntime`), is [`crate::binder_tokio`] (feature
//! `tokio`).

use std::future::Future;
use std::pin::Pin;

use crate::error::StatusCode;

/// A boxed future, as the async interface methods return.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Runs the blocking part of an async proxy call (AOSP `BinderAsyncPool`): `spawn_me` (the
/// transaction) somewhere it may block, then `after_spawn` on its result.
pub trait BinderAsyncPool {
    /// Runs `spawn_me` where it may block, then the future `after_spawn` makes of its
    /// result.
    fn spawn<'a, F1, F2, Fut, A, B, E>(
        spawn_me: F1,
        after_spawn: F2,
    ) -> BoxFuture<'a, Result<B, E>>
    where
        F1: FnOnce() -> A,
        F2: FnOnce(A) -> Fut,
        Fut: Future<Output = Result<B, E>>,
        F1: Send + 'static,
        F2: Send + 'a,
        Fut: Send + 'a,
        A: Send + 'static,
        B: Send + 'a,
        E: From<StatusCode>;
}

/// Drives an async service's futures to completion on the binder thread that received the
/// call (AOSP `BinderAsyncRuntime`).
pub trait BinderAsyncRuntime {
    /// Blocks the calling thread until `future` completes.
    fn block_on<F: Future>(&self, future: F) -> F::Output;
}
