//! The other forms of `declare_binder_interface!` AOSP-generated code uses: a proxy without
//! fields, `async:` without the local conversion, `stability:`; each expands and works
//! through a proxy on a local binder (no IPC).

use binder::binder_impl::{
    BorrowedParcel, IBinderInternal, Proxy, Stability, TransactionCode, FIRST_CALL_TRANSACTION,
    FLAG_PRIVATE_LOCAL,
};
use binder::{BinderFeatures, BoxFuture, Interface, StatusCode, Strong};

fn dispatch(
    service: &dyn Twice,
    code: TransactionCode,
    data: &BorrowedParcel<'_>,
    reply: &mut BorrowedParcel<'_>,
) -> Result<(), StatusCode> {
    match code {
        FIRST_CALL_TRANSACTION => {
            let v: i32 = data.read()?;
            match service.twice(v) {
                Ok(r) => {
                    reply.write(&binder::Status::from(StatusCode::OK))?;
                    reply.write(&r)
                }
                Err(status) => reply.write(&status),
            }
        }
        _ => Err(StatusCode::UNKNOWN_TRANSACTION),
    }
}

pub trait Twice: Interface + Send {
    fn twice(&self, v: i32) -> binder::Result<i32>;
}

#[allow(dead_code)]
pub trait TwiceAsync<P>: Interface + Send {
    fn twice<'a>(&'a self, v: i32) -> BoxFuture<'a, binder::Result<i32>>;
}

// The plainest form: no proxy fields, no async, no stability.
binder::declare_binder_interface! {
    Twice["binder.sim.test.Twice"] {
        native: BnTwice(dispatch),
        proxy: BpTwice,
    }
}

impl Twice for binder::binder_impl::Binder<BnTwice> {
    fn twice(&self, v: i32) -> binder::Result<i32> {
        self.0.twice(v)
    }
}

impl Twice for BpTwice {
    fn twice(&self, v: i32) -> binder::Result<i32> {
        let mut data = self.binder.prepare_transact()?;
        data.write(&v)?;
        let reply =
            self.binder
                .submit_transact(FIRST_CALL_TRANSACTION, data, FLAG_PRIVATE_LOCAL)?;
        let status: binder::Status = reply.read()?;
        if !status.is_ok() {
            return Err(status);
        }
        Ok(reply.read()?)
    }
}

pub trait Vintf: Interface + Send {
    fn twice(&self, v: i32) -> binder::Result<i32>;
}

#[allow(dead_code)]
pub trait VintfAsync<P>: Interface + Send {
    fn twice<'a>(&'a self, v: i32) -> BoxFuture<'a, binder::Result<i32>>;
}

fn dispatch_vintf(
    service: &dyn Vintf,
    code: TransactionCode,
    data: &BorrowedParcel<'_>,
    reply: &mut BorrowedParcel<'_>,
) -> Result<(), StatusCode> {
    match code {
        FIRST_CALL_TRANSACTION => {
            let v: i32 = data.read()?;
            reply.write(&binder::Status::from(StatusCode::OK))?;
            reply.write(&service.twice(v)?)
        }
        _ => Err(StatusCode::UNKNOWN_TRANSACTION),
    }
}

// `async:` without the local conversion, and `stability:`.
binder::declare_binder_interface! {
    Vintf["binder.sim.test.Vintf"] {
        native: BnVintf(dispatch_vintf),
        proxy: BpVintf {},
        async: VintfAsync,
        stability: Stability::Vintf,
    }
}

impl Vintf for binder::binder_impl::Binder<BnVintf> {
    fn twice(&self, v: i32) -> binder::Result<i32> {
        self.0.twice(v)
    }
}

impl Vintf for BpVintf {
    fn twice(&self, v: i32) -> binder::Result<i32> {
        let mut data = self.binder.prepare_transact()?;
        data.write(&v)?;
        let reply =
            self.binder
                .submit_transact(FIRST_CALL_TRANSACTION, data, FLAG_PRIVATE_LOCAL)?;
        let status: binder::Status = reply.read()?;
        if !status.is_ok() {
            return Err(status);
        }
        Ok(reply.read()?)
    }
}

impl<P: binder::BinderAsyncPool> VintfAsync<P> for BpVintf {
    fn twice<'a>(&'a self, v: i32) -> BoxFuture<'a, binder::Result<i32>> {
        Box::pin(std::future::ready(Vintf::twice(self, v)))
    }
}

struct Doubler;

impl Interface for Doubler {}

impl Twice for Doubler {
    fn twice(&self, v: i32) -> binder::Result<i32> {
        Ok(2 * v)
    }
}

impl Vintf for Doubler {
    fn twice(&self, v: i32) -> binder::Result<i32> {
        Ok(2 * v)
    }
}

#[test]
fn every_macro_form_expands_and_calls_through_its_proxy() {
    let twice = BnTwice::new_binder(Doubler, BinderFeatures::default());
    assert_eq!(twice.twice(4).unwrap(), 8);
    let proxy = BpTwice::from_binder(twice.as_binder()).unwrap();
    assert_eq!(proxy.twice(5).unwrap(), 10);
    assert_eq!(
        <BpTwice as Proxy>::get_descriptor(),
        "binder.sim.test.Twice"
    );
    assert!(BnTwice::new_binder(Doubler, BinderFeatures::default())
        .as_binder()
        .get_interface_descriptor()
        .is_ok_and(|d| d == "binder.sim.test.Twice"));

    let vintf = BnVintf::new_binder(Doubler, BinderFeatures::default());
    let proxy = BpVintf::from_binder(vintf.as_binder()).unwrap();
    assert_eq!(Vintf::twice(&proxy, 6).unwrap(), 12);
    // The async form of a local service that is not async goes through its proxy.
    let as_async: Strong<dyn VintfAsync<Inline>> = vintf.clone().into_async();
    assert_eq!(poll_ready(as_async.twice(7)).unwrap(), 14);
    assert_eq!(as_async.into_sync().twice(8).unwrap(), 16);
    // Another interface's binder is refused.
    assert_eq!(
        binder::FromIBinder::try_from(twice.as_binder())
            .map(|_: Strong<dyn Vintf>| ())
            .err(),
        Some(StatusCode::BAD_TYPE)
    );
}

/// A pool for proxies whose futures are ready at once.
struct Inline;

impl binder::BinderAsyncPool for Inline {
    fn spawn<'a, F1, F2, Fut, A, B, E>(spawn_me: F1, after_spawn: F2) -> BoxFuture<'a, Result<B, E>>
    where
        F1: FnOnce() -> A,
        F2: FnOnce(A) -> Fut,
        Fut: std::future::Future<Output = Result<B, E>>,
        F1: Send + 'static,
        F2: Send + 'a,
        Fut: Send + 'a,
        A: Send + 'static,
        B: Send + 'a,
        E: From<StatusCode>,
    {
        Box::pin(after_spawn(spawn_me()))
    }
}

/// The value of a future that is ready at its first poll.
fn poll_ready<T>(mut f: BoxFuture<'_, T>) -> T {
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match f.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(v) => v,
        std::task::Poll::Pending => panic!("the future was not ready"),
    }
}
