/*
 * This file is auto-generated.  DO NOT MODIFY.
 * Using: binder-aidl --lang=rust -Itests/golden/input tests/golden/input/sim/golden/Plain.aidl
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
  IPlain["sim.golden.Plain"] {
    native: BnPlain(on_transact),
    proxy: BpPlain {
    },
    async: IPlainAsync(try_into_local_async),
  }
}
pub trait IPlain: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "sim.golden.Plain" }
  fn r#touch<'a, >(&'a self) -> binder::Result<()>;
  fn getDefaultImpl() -> IPlainDefaultRef where Self: Sized {
    DEFAULT_IMPL.lock().unwrap().clone()
  }
  fn setDefaultImpl(d: IPlainDefaultRef) -> IPlainDefaultRef where Self: Sized {
    std::mem::replace(&mut *DEFAULT_IMPL.lock().unwrap(), d)
  }
  fn try_as_async_server<'a>(&'a self) -> Option<&'a (dyn IPlainAsyncServer + Send + Sync)> {
    None
  }
}
pub trait IPlainAsync<P>: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "sim.golden.Plain" }
  fn r#touch<'a, >(&'a self) -> binder::BoxFuture<'a, binder::Result<()>>;
}
#[::async_trait::async_trait]
pub trait IPlainAsyncServer: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "sim.golden.Plain" }
  async fn r#touch<'a, >(&'a self) -> binder::Result<()>;
}
impl BnPlain {
  /// Create a new async binder service.
  pub fn new_async_binder<T, R>(inner: T, rt: R, features: binder::BinderFeatures) -> binder::Strong<dyn IPlain>
  where
    T: IPlainAsyncServer + binder::Interface + Send + Sync + 'static,
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
    impl<T, R> IPlain for Wrapper<T, R>
    where
      T: IPlainAsyncServer + Send + Sync + 'static,
      R: binder::binder_impl::BinderAsyncRuntime + Send + Sync + 'static,
    {
      fn r#touch<'a, >(&'a self) -> binder::Result<()> {
        self._rt.block_on(self._inner.r#touch())
      }
      fn try_as_async_server(&self) -> Option<&(dyn IPlainAsyncServer + Send + Sync)> {
        Some(&self._inner)
      }
    }
    let wrapped = Wrapper { _inner: inner, _rt: rt };
    Self::new_binder(wrapped, features)
  }
  pub fn try_into_local_async<P: binder::BinderAsyncPool + 'static>(_native: binder::binder_impl::Binder<Self>) -> Option<binder::Strong<dyn IPlainAsync<P>>> {
    struct Wrapper {
      _native: binder::binder_impl::Binder<BnPlain>
    }
    impl binder::Interface for Wrapper {}
    impl<P: binder::BinderAsyncPool> IPlainAsync<P> for Wrapper {
      fn r#touch<'a, >(&'a self) -> binder::BoxFuture<'a, binder::Result<()>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#touch())
      }
    }
    if _native.try_as_async_server().is_some() {
      Some(binder::Strong::new(Box::new(Wrapper { _native }) as Box<dyn IPlainAsync<P>>))
    } else {
      None
    }
  }
}
pub trait IPlainDefault: Send + Sync {
  fn r#touch<'a, >(&'a self) -> binder::Result<()> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
}
pub mod transactions {
  pub const r#touch: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 0;
}
pub type IPlainDefaultRef = Option<std::sync::Arc<dyn IPlainDefault>>;
static DEFAULT_IMPL: std::sync::Mutex<IPlainDefaultRef> = std::sync::Mutex::new(None);
impl BpPlain {
  fn build_parcel_touch(&self) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    Ok(aidl_data)
  }
  fn read_response_touch(&self, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<()> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IPlain>::getDefaultImpl() {
        return _aidl_default_impl.r#touch();
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    Ok(())
  }
}
impl IPlain for BpPlain {
  fn r#touch<'a, >(&'a self) -> binder::Result<()> {
    let _aidl_data = self.build_parcel_touch()?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#touch, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_touch(_aidl_reply)
  }
}
impl<P: binder::BinderAsyncPool> IPlainAsync<P> for BpPlain {
  fn r#touch<'a, >(&'a self) -> binder::BoxFuture<'a, binder::Result<()>> {
    let _aidl_data = match self.build_parcel_touch() {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#touch, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_touch(_aidl_reply)
      }
    )
  }
}
impl IPlain for binder::binder_impl::Binder<BnPlain> {
  fn r#touch<'a, >(&'a self) -> binder::Result<()> { self.0.r#touch() }
}
fn on_transact(_aidl_service: &dyn IPlain, _aidl_code: binder::binder_impl::TransactionCode, _aidl_data: &binder::binder_impl::BorrowedParcel<'_>, _aidl_reply: &mut binder::binder_impl::BorrowedParcel<'_>) -> std::result::Result<(), binder::StatusCode> {
  match _aidl_code {
    transactions::r#touch => {
      let _aidl_return = _aidl_service.r#touch();
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    _ => Err(binder::StatusCode::UNKNOWN_TRANSACTION)
  }
}
pub(crate) mod mangled {
 pub use super::r#IPlain as _3_sim_6_golden_5_Plain;
}
