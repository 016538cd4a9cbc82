/*
 * This file is auto-generated.  DO NOT MODIFY.
 * Using: binder-aidl --lang=rust -Itests/golden/input tests/golden/input/sim/golden/ICallback.aidl
 *
 * DO NOT CHECK THIS FILE INTO A CODE TREE (e.g. git, etc..).
 * ALWAYS GENERATE THIS FILE FROM UPDATED AIDL COMPILER
 * AS A BUILD INTERMEDIATE ONLY. THIS IS NOT SOURCE CODE.
 */
#![forbid(unsafe_code)]
#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(non_upper_case_globals)]
#![allow(non_snake_case)]
#[allow(unused_imports)] use binder::binder_impl::IBinderInternal;
#[cfg(any(android_vndk, not(android_ndk)))]
const FLAG_PRIVATE_LOCAL: binder::binder_impl::TransactionFlags = binder::binder_impl::FLAG_PRIVATE_LOCAL;
#[cfg(not(any(android_vndk, not(android_ndk))))]
const FLAG_PRIVATE_LOCAL: binder::binder_impl::TransactionFlags = 0;
use binder::declare_binder_interface;
declare_binder_interface! {
  ICallback["sim.golden.ICallback"] {
    native: BnCallback(on_transact),
    proxy: BpCallback {
    },
    async: ICallbackAsync(try_into_local_async),
  }
}
pub trait ICallback: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "sim.golden.ICallback" }
  fn r#onEvent<'a, 'l1, >(&'a self, _arg_code: i32, _arg_message: &'l1 str) -> binder::Result<()>;
  fn r#onBinder<'a, 'l1, >(&'a self, _arg_b: &'l1 binder::SpIBinder) -> binder::Result<()>;
  fn getDefaultImpl() -> ICallbackDefaultRef where Self: Sized {
    DEFAULT_IMPL.lock().unwrap().clone()
  }
  fn setDefaultImpl(d: ICallbackDefaultRef) -> ICallbackDefaultRef where Self: Sized {
    std::mem::replace(&mut *DEFAULT_IMPL.lock().unwrap(), d)
  }
  fn try_as_async_server<'a>(&'a self) -> Option<&'a (dyn ICallbackAsyncServer + Send + Sync)> {
    None
  }
}
pub trait ICallbackAsync<P>: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "sim.golden.ICallback" }
  fn r#onEvent<'a, >(&'a self, _arg_code: i32, _arg_message: &'a str) -> binder::BoxFuture<'a, binder::Result<()>>;
  fn r#onBinder<'a, >(&'a self, _arg_b: &'a binder::SpIBinder) -> binder::BoxFuture<'a, binder::Result<()>>;
}
#[::async_trait::async_trait]
pub trait ICallbackAsyncServer: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "sim.golden.ICallback" }
  async fn r#onEvent<'a, 'l1, >(&'a self, _arg_code: i32, _arg_message: &'l1 str) -> binder::Result<()>;
  async fn r#onBinder<'a, 'l1, >(&'a self, _arg_b: &'l1 binder::SpIBinder) -> binder::Result<()>;
}
impl BnCallback {
  /// Create a new async binder service.
  pub fn new_async_binder<T, R>(inner: T, rt: R, features: binder::BinderFeatures) -> binder::Strong<dyn ICallback>
  where
    T: ICallbackAsyncServer + binder::Interface + Send + Sync + 'static,
    R: binder::binder_impl::BinderAsyncRuntime + Send + Sync + 'static,
  {
    struct Wrapper<T, R> {
      _inner: T,
      _rt: R,
    }
    impl<T, R> binder::Interface for Wrapper<T, R> where T: binder::Interface, R: Send + Sync + 'static {
      fn as_binder(&self) -> binder::SpIBinder { self._inner.as_binder() }
      fn dump(&self, _writer: &mut dyn std::io::Write, _args: &[&std::ffi::CStr]) -> std::result::Result<(), binder::StatusCode> { self._inner.dump(_writer, _args) }
    }
    impl<T, R> ICallback for Wrapper<T, R>
    where
      T: ICallbackAsyncServer + Send + Sync + 'static,
      R: binder::binder_impl::BinderAsyncRuntime + Send + Sync + 'static,
    {
      fn r#onEvent<'a, 'l1, >(&'a self, _arg_code: i32, _arg_message: &'l1 str) -> binder::Result<()> {
        self._rt.block_on(self._inner.r#onEvent(_arg_code, _arg_message))
      }
      fn r#onBinder<'a, 'l1, >(&'a self, _arg_b: &'l1 binder::SpIBinder) -> binder::Result<()> {
        self._rt.block_on(self._inner.r#onBinder(_arg_b))
      }
      fn try_as_async_server(&self) -> Option<&(dyn ICallbackAsyncServer + Send + Sync)> {
        Some(&self._inner)
      }
    }
    let wrapped = Wrapper { _inner: inner, _rt: rt };
    Self::new_binder(wrapped, features)
  }
  pub fn try_into_local_async<P: binder::BinderAsyncPool + 'static>(_native: binder::binder_impl::Binder<Self>) -> Option<binder::Strong<dyn ICallbackAsync<P>>> {
    struct Wrapper {
      _native: binder::binder_impl::Binder<BnCallback>
    }
    impl binder::Interface for Wrapper {}
    impl<P: binder::BinderAsyncPool> ICallbackAsync<P> for Wrapper {
      fn r#onEvent<'a, >(&'a self, _arg_code: i32, _arg_message: &'a str) -> binder::BoxFuture<'a, binder::Result<()>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#onEvent(_arg_code, _arg_message))
      }
      fn r#onBinder<'a, >(&'a self, _arg_b: &'a binder::SpIBinder) -> binder::BoxFuture<'a, binder::Result<()>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#onBinder(_arg_b))
      }
    }
    if _native.try_as_async_server().is_some() {
      Some(binder::Strong::new(Box::new(Wrapper { _native }) as Box<dyn ICallbackAsync<P>>))
    } else {
      None
    }
  }
}
pub trait ICallbackDefault: Send + Sync {
  fn r#onEvent<'a, 'l1, >(&'a self, _arg_code: i32, _arg_message: &'l1 str) -> binder::Result<()> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#onBinder<'a, 'l1, >(&'a self, _arg_b: &'l1 binder::SpIBinder) -> binder::Result<()> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
}
pub mod transactions {
  pub const r#onEvent: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 0;
  pub const r#onBinder: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 1;
}
pub type ICallbackDefaultRef = Option<std::sync::Arc<dyn ICallbackDefault>>;
static DEFAULT_IMPL: std::sync::Mutex<ICallbackDefaultRef> = std::sync::Mutex::new(None);
impl BpCallback {
  fn build_parcel_onEvent(&self, _arg_code: i32, _arg_message: &str) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_code)?;
    aidl_data.write(_arg_message)?;
    Ok(aidl_data)
  }
  fn read_response_onEvent(&self, _arg_code: i32, _arg_message: &str, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<()> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ICallback>::getDefaultImpl() {
        return _aidl_default_impl.r#onEvent(_arg_code, _arg_message);
      }
    }
    let _aidl_reply = _aidl_reply?;
    Ok(())
  }
  fn build_parcel_onBinder(&self, _arg_b: &binder::SpIBinder) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_b)?;
    Ok(aidl_data)
  }
  fn read_response_onBinder(&self, _arg_b: &binder::SpIBinder, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<()> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ICallback>::getDefaultImpl() {
        return _aidl_default_impl.r#onBinder(_arg_b);
      }
    }
    let _aidl_reply = _aidl_reply?;
    Ok(())
  }
}
impl ICallback for BpCallback {
  fn r#onEvent<'a, 'l1, >(&'a self, _arg_code: i32, _arg_message: &'l1 str) -> binder::Result<()> {
    let _aidl_data = self.build_parcel_onEvent(_arg_code, _arg_message)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#onEvent, _aidl_data, binder::binder_impl::FLAG_ONEWAY | FLAG_PRIVATE_LOCAL);
    self.read_response_onEvent(_arg_code, _arg_message, _aidl_reply)
  }
  fn r#onBinder<'a, 'l1, >(&'a self, _arg_b: &'l1 binder::SpIBinder) -> binder::Result<()> {
    let _aidl_data = self.build_parcel_onBinder(_arg_b)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#onBinder, _aidl_data, binder::binder_impl::FLAG_ONEWAY | FLAG_PRIVATE_LOCAL);
    self.read_response_onBinder(_arg_b, _aidl_reply)
  }
}
impl<P: binder::BinderAsyncPool> ICallbackAsync<P> for BpCallback {
  fn r#onEvent<'a, >(&'a self, _arg_code: i32, _arg_message: &'a str) -> binder::BoxFuture<'a, binder::Result<()>> {
    let _aidl_data = match self.build_parcel_onEvent(_arg_code, _arg_message) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#onEvent, _aidl_data, binder::binder_impl::FLAG_ONEWAY | FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_onEvent(_arg_code, _arg_message, _aidl_reply)
      }
    )
  }
  fn r#onBinder<'a, >(&'a self, _arg_b: &'a binder::SpIBinder) -> binder::BoxFuture<'a, binder::Result<()>> {
    let _aidl_data = match self.build_parcel_onBinder(_arg_b) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#onBinder, _aidl_data, binder::binder_impl::FLAG_ONEWAY | FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_onBinder(_arg_b, _aidl_reply)
      }
    )
  }
}
impl ICallback for binder::binder_impl::Binder<BnCallback> {
  fn r#onEvent<'a, 'l1, >(&'a self, _arg_code: i32, _arg_message: &'l1 str) -> binder::Result<()> { self.0.r#onEvent(_arg_code, _arg_message) }
  fn r#onBinder<'a, 'l1, >(&'a self, _arg_b: &'l1 binder::SpIBinder) -> binder::Result<()> { self.0.r#onBinder(_arg_b) }
}
fn on_transact(_aidl_service: &dyn ICallback, _aidl_code: binder::binder_impl::TransactionCode, _aidl_data: &binder::binder_impl::BorrowedParcel<'_>, _aidl_reply: &mut binder::binder_impl::BorrowedParcel<'_>) -> std::result::Result<(), binder::StatusCode> {
  match _aidl_code {
    transactions::r#onEvent => {
      let _arg_code: i32 = _aidl_data.read()?;
      let _arg_message: String = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#onEvent(_arg_code, &_arg_message);
      Ok(())
    }
    transactions::r#onBinder => {
      let _arg_b: binder::SpIBinder = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#onBinder(&_arg_b);
      Ok(())
    }
    _ => Err(binder::StatusCode::UNKNOWN_TRANSACTION)
  }
}
pub(crate) mod mangled {
 pub use super::r#ICallback as _3_sim_6_golden_9_ICallback;
}
