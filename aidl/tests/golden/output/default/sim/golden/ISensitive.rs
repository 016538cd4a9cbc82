/*
 * This file is auto-generated.  DO NOT MODIFY.
 * Using: binder-aidl --lang=rust -Itests/golden/input tests/golden/input/sim/golden/ISensitive.aidl
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
  ISensitive["sim.golden.ISensitive"] {
    native: BnSensitive(on_transact),
    proxy: BpSensitive {
    },
    async: ISensitiveAsync(try_into_local_async),
  }
}
pub trait ISensitive: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "sim.golden.ISensitive" }
  fn r#store<'a, 'l1, >(&'a self, _arg_secret: &'l1 [u8]) -> binder::Result<()>;
  fn r#wipe<'a, >(&'a self) -> binder::Result<()>;
  fn r#check<'a, >(&'a self) -> binder::Result<i32>;
  fn getDefaultImpl() -> ISensitiveDefaultRef where Self: Sized {
    DEFAULT_IMPL.lock().unwrap().clone()
  }
  fn setDefaultImpl(d: ISensitiveDefaultRef) -> ISensitiveDefaultRef where Self: Sized {
    std::mem::replace(&mut *DEFAULT_IMPL.lock().unwrap(), d)
  }
  fn try_as_async_server<'a>(&'a self) -> Option<&'a (dyn ISensitiveAsyncServer + Send + Sync)> {
    None
  }
}
pub trait ISensitiveAsync<P>: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "sim.golden.ISensitive" }
  fn r#store<'a, >(&'a self, _arg_secret: &'a [u8]) -> binder::BoxFuture<'a, binder::Result<()>>;
  fn r#wipe<'a, >(&'a self) -> binder::BoxFuture<'a, binder::Result<()>>;
  fn r#check<'a, >(&'a self) -> binder::BoxFuture<'a, binder::Result<i32>>;
}
#[::async_trait::async_trait]
pub trait ISensitiveAsyncServer: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "sim.golden.ISensitive" }
  async fn r#store<'a, 'l1, >(&'a self, _arg_secret: &'l1 [u8]) -> binder::Result<()>;
  async fn r#wipe<'a, >(&'a self) -> binder::Result<()>;
  async fn r#check<'a, >(&'a self) -> binder::Result<i32>;
}
impl BnSensitive {
  /// Create a new async binder service.
  pub fn new_async_binder<T, R>(inner: T, rt: R, features: binder::BinderFeatures) -> binder::Strong<dyn ISensitive>
  where
    T: ISensitiveAsyncServer + binder::Interface + Send + Sync + 'static,
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
    impl<T, R> ISensitive for Wrapper<T, R>
    where
      T: ISensitiveAsyncServer + Send + Sync + 'static,
      R: binder::binder_impl::BinderAsyncRuntime + Send + Sync + 'static,
    {
      fn r#store<'a, 'l1, >(&'a self, _arg_secret: &'l1 [u8]) -> binder::Result<()> {
        self._rt.block_on(self._inner.r#store(_arg_secret))
      }
      fn r#wipe<'a, >(&'a self) -> binder::Result<()> {
        self._rt.block_on(self._inner.r#wipe())
      }
      fn r#check<'a, >(&'a self) -> binder::Result<i32> {
        self._rt.block_on(self._inner.r#check())
      }
      fn try_as_async_server(&self) -> Option<&(dyn ISensitiveAsyncServer + Send + Sync)> {
        Some(&self._inner)
      }
    }
    let wrapped = Wrapper { _inner: inner, _rt: rt };
    Self::new_binder(wrapped, features)
  }
  pub fn try_into_local_async<P: binder::BinderAsyncPool + 'static>(_native: binder::binder_impl::Binder<Self>) -> Option<binder::Strong<dyn ISensitiveAsync<P>>> {
    struct Wrapper {
      _native: binder::binder_impl::Binder<BnSensitive>
    }
    impl binder::Interface for Wrapper {}
    impl<P: binder::BinderAsyncPool> ISensitiveAsync<P> for Wrapper {
      fn r#store<'a, >(&'a self, _arg_secret: &'a [u8]) -> binder::BoxFuture<'a, binder::Result<()>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#store(_arg_secret))
      }
      fn r#wipe<'a, >(&'a self) -> binder::BoxFuture<'a, binder::Result<()>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#wipe())
      }
      fn r#check<'a, >(&'a self) -> binder::BoxFuture<'a, binder::Result<i32>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#check())
      }
    }
    if _native.try_as_async_server().is_some() {
      Some(binder::Strong::new(Box::new(Wrapper { _native }) as Box<dyn ISensitiveAsync<P>>))
    } else {
      None
    }
  }
}
pub trait ISensitiveDefault: Send + Sync {
  fn r#store<'a, 'l1, >(&'a self, _arg_secret: &'l1 [u8]) -> binder::Result<()> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#wipe<'a, >(&'a self) -> binder::Result<()> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#check<'a, >(&'a self) -> binder::Result<i32> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
}
pub mod transactions {
  pub const r#store: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 0;
  pub const r#wipe: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 1;
  pub const r#check: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 2;
}
pub type ISensitiveDefaultRef = Option<std::sync::Arc<dyn ISensitiveDefault>>;
static DEFAULT_IMPL: std::sync::Mutex<ISensitiveDefaultRef> = std::sync::Mutex::new(None);
impl BpSensitive {
  fn build_parcel_store(&self, _arg_secret: &[u8]) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.mark_sensitive();
    aidl_data.write(_arg_secret)?;
    Ok(aidl_data)
  }
  fn read_response_store(&self, _arg_secret: &[u8], _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<()> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ISensitive>::getDefaultImpl() {
        return _aidl_default_impl.r#store(_arg_secret);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    Ok(())
  }
  fn build_parcel_wipe(&self) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.mark_sensitive();
    Ok(aidl_data)
  }
  fn read_response_wipe(&self, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<()> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ISensitive>::getDefaultImpl() {
        return _aidl_default_impl.r#wipe();
      }
    }
    let _aidl_reply = _aidl_reply?;
    Ok(())
  }
  fn build_parcel_check(&self) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.mark_sensitive();
    Ok(aidl_data)
  }
  fn read_response_check(&self, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<i32> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ISensitive>::getDefaultImpl() {
        return _aidl_default_impl.r#check();
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: i32 = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
}
impl ISensitive for BpSensitive {
  fn r#store<'a, 'l1, >(&'a self, _arg_secret: &'l1 [u8]) -> binder::Result<()> {
    let _aidl_data = self.build_parcel_store(_arg_secret)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#store, _aidl_data, binder::binder_impl::FLAG_CLEAR_BUF | FLAG_PRIVATE_LOCAL);
    self.read_response_store(_arg_secret, _aidl_reply)
  }
  fn r#wipe<'a, >(&'a self) -> binder::Result<()> {
    let _aidl_data = self.build_parcel_wipe()?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#wipe, _aidl_data, binder::binder_impl::FLAG_ONEWAY | binder::binder_impl::FLAG_CLEAR_BUF | FLAG_PRIVATE_LOCAL);
    self.read_response_wipe(_aidl_reply)
  }
  fn r#check<'a, >(&'a self) -> binder::Result<i32> {
    let _aidl_data = self.build_parcel_check()?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#check, _aidl_data, binder::binder_impl::FLAG_CLEAR_BUF | FLAG_PRIVATE_LOCAL);
    self.read_response_check(_aidl_reply)
  }
}
impl<P: binder::BinderAsyncPool> ISensitiveAsync<P> for BpSensitive {
  fn r#store<'a, >(&'a self, _arg_secret: &'a [u8]) -> binder::BoxFuture<'a, binder::Result<()>> {
    let _aidl_data = match self.build_parcel_store(_arg_secret) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#store, _aidl_data, binder::binder_impl::FLAG_CLEAR_BUF | FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_store(_arg_secret, _aidl_reply)
      }
    )
  }
  fn r#wipe<'a, >(&'a self) -> binder::BoxFuture<'a, binder::Result<()>> {
    let _aidl_data = match self.build_parcel_wipe() {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#wipe, _aidl_data, binder::binder_impl::FLAG_ONEWAY | binder::binder_impl::FLAG_CLEAR_BUF | FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_wipe(_aidl_reply)
      }
    )
  }
  fn r#check<'a, >(&'a self) -> binder::BoxFuture<'a, binder::Result<i32>> {
    let _aidl_data = match self.build_parcel_check() {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#check, _aidl_data, binder::binder_impl::FLAG_CLEAR_BUF | FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_check(_aidl_reply)
      }
    )
  }
}
impl ISensitive for binder::binder_impl::Binder<BnSensitive> {
  fn r#store<'a, 'l1, >(&'a self, _arg_secret: &'l1 [u8]) -> binder::Result<()> { self.0.r#store(_arg_secret) }
  fn r#wipe<'a, >(&'a self) -> binder::Result<()> { self.0.r#wipe() }
  fn r#check<'a, >(&'a self) -> binder::Result<i32> { self.0.r#check() }
}
fn on_transact(_aidl_service: &dyn ISensitive, _aidl_code: binder::binder_impl::TransactionCode, _aidl_data: &binder::binder_impl::BorrowedParcel<'_>, _aidl_reply: &mut binder::binder_impl::BorrowedParcel<'_>) -> std::result::Result<(), binder::StatusCode> {
  match _aidl_code {
    transactions::r#store => {
      let _arg_secret: Vec<u8> = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#store(&_arg_secret);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#wipe => {
      let _aidl_return = _aidl_service.r#wipe();
      Ok(())
    }
    transactions::r#check => {
      let _aidl_return = _aidl_service.r#check();
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    _ => Err(binder::StatusCode::UNKNOWN_TRANSACTION)
  }
}
pub(crate) mod mangled {
 pub use super::r#ISensitive as _3_sim_6_golden_10_ISensitive;
}
