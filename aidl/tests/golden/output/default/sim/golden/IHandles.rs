/*
 * This file is auto-generated.  DO NOT MODIFY.
 * Using: binder-aidl --lang=rust -Itests/golden/input tests/golden/input/sim/golden/IHandles.aidl
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
  IHandles["sim.golden.IHandles"] {
    native: BnHandles(on_transact),
    proxy: BpHandles {
    },
    async: IHandlesAsync(try_into_local_async),
  }
}
pub trait IHandles: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "sim.golden.IHandles" }
  fn r#exchange<'a, 'l1, >(&'a self, _arg_h: &'l1 crate::Handle) -> binder::Result<crate::Handle>;
  fn r#fill<'a, 'l1, >(&'a self, _arg_h: &'l1 mut crate::Handle) -> binder::Result<()>;
  fn getDefaultImpl() -> IHandlesDefaultRef where Self: Sized {
    DEFAULT_IMPL.lock().unwrap().clone()
  }
  fn setDefaultImpl(d: IHandlesDefaultRef) -> IHandlesDefaultRef where Self: Sized {
    std::mem::replace(&mut *DEFAULT_IMPL.lock().unwrap(), d)
  }
  fn try_as_async_server<'a>(&'a self) -> Option<&'a (dyn IHandlesAsyncServer + Send + Sync)> {
    None
  }
}
pub trait IHandlesAsync<P>: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "sim.golden.IHandles" }
  fn r#exchange<'a, >(&'a self, _arg_h: &'a crate::Handle) -> binder::BoxFuture<'a, binder::Result<crate::Handle>>;
  fn r#fill<'a, >(&'a self, _arg_h: &'a mut crate::Handle) -> binder::BoxFuture<'a, binder::Result<()>>;
}
#[::async_trait::async_trait]
pub trait IHandlesAsyncServer: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "sim.golden.IHandles" }
  async fn r#exchange<'a, 'l1, >(&'a self, _arg_h: &'l1 crate::Handle) -> binder::Result<crate::Handle>;
  async fn r#fill<'a, 'l1, >(&'a self, _arg_h: &'l1 mut crate::Handle) -> binder::Result<()>;
}
impl BnHandles {
  /// Create a new async binder service.
  pub fn new_async_binder<T, R>(inner: T, rt: R, features: binder::BinderFeatures) -> binder::Strong<dyn IHandles>
  where
    T: IHandlesAsyncServer + binder::Interface + Send + Sync + 'static,
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
    impl<T, R> IHandles for Wrapper<T, R>
    where
      T: IHandlesAsyncServer + Send + Sync + 'static,
      R: binder::binder_impl::BinderAsyncRuntime + Send + Sync + 'static,
    {
      fn r#exchange<'a, 'l1, >(&'a self, _arg_h: &'l1 crate::Handle) -> binder::Result<crate::Handle> {
        self._rt.block_on(self._inner.r#exchange(_arg_h))
      }
      fn r#fill<'a, 'l1, >(&'a self, _arg_h: &'l1 mut crate::Handle) -> binder::Result<()> {
        self._rt.block_on(self._inner.r#fill(_arg_h))
      }
      fn try_as_async_server(&self) -> Option<&(dyn IHandlesAsyncServer + Send + Sync)> {
        Some(&self._inner)
      }
    }
    let wrapped = Wrapper { _inner: inner, _rt: rt };
    Self::new_binder(wrapped, features)
  }
  pub fn try_into_local_async<P: binder::BinderAsyncPool + 'static>(_native: binder::binder_impl::Binder<Self>) -> Option<binder::Strong<dyn IHandlesAsync<P>>> {
    struct Wrapper {
      _native: binder::binder_impl::Binder<BnHandles>
    }
    impl binder::Interface for Wrapper {}
    impl<P: binder::BinderAsyncPool> IHandlesAsync<P> for Wrapper {
      fn r#exchange<'a, >(&'a self, _arg_h: &'a crate::Handle) -> binder::BoxFuture<'a, binder::Result<crate::Handle>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#exchange(_arg_h))
      }
      fn r#fill<'a, >(&'a self, _arg_h: &'a mut crate::Handle) -> binder::BoxFuture<'a, binder::Result<()>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#fill(_arg_h))
      }
    }
    if _native.try_as_async_server().is_some() {
      Some(binder::Strong::new(Box::new(Wrapper { _native }) as Box<dyn IHandlesAsync<P>>))
    } else {
      None
    }
  }
}
pub trait IHandlesDefault: Send + Sync {
  fn r#exchange<'a, 'l1, >(&'a self, _arg_h: &'l1 crate::Handle) -> binder::Result<crate::Handle> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#fill<'a, 'l1, >(&'a self, _arg_h: &'l1 mut crate::Handle) -> binder::Result<()> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
}
pub mod transactions {
  pub const r#exchange: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 0;
  pub const r#fill: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 1;
}
pub type IHandlesDefaultRef = Option<std::sync::Arc<dyn IHandlesDefault>>;
static DEFAULT_IMPL: std::sync::Mutex<IHandlesDefaultRef> = std::sync::Mutex::new(None);
impl BpHandles {
  fn build_parcel_exchange(&self, _arg_h: &crate::Handle) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_h)?;
    Ok(aidl_data)
  }
  fn read_response_exchange(&self, _arg_h: &crate::Handle, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<crate::Handle> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IHandles>::getDefaultImpl() {
        return _aidl_default_impl.r#exchange(_arg_h);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: crate::Handle = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_fill(&self, _arg_h: &mut crate::Handle) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    Ok(aidl_data)
  }
  fn read_response_fill(&self, _arg_h: &mut crate::Handle, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<()> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IHandles>::getDefaultImpl() {
        return _aidl_default_impl.r#fill(_arg_h);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    _aidl_reply.read_onto(_arg_h)?;
    Ok(())
  }
}
impl IHandles for BpHandles {
  fn r#exchange<'a, 'l1, >(&'a self, _arg_h: &'l1 crate::Handle) -> binder::Result<crate::Handle> {
    let _aidl_data = self.build_parcel_exchange(_arg_h)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#exchange, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_exchange(_arg_h, _aidl_reply)
  }
  fn r#fill<'a, 'l1, >(&'a self, _arg_h: &'l1 mut crate::Handle) -> binder::Result<()> {
    let _aidl_data = self.build_parcel_fill(_arg_h)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#fill, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_fill(_arg_h, _aidl_reply)
  }
}
impl<P: binder::BinderAsyncPool> IHandlesAsync<P> for BpHandles {
  fn r#exchange<'a, >(&'a self, _arg_h: &'a crate::Handle) -> binder::BoxFuture<'a, binder::Result<crate::Handle>> {
    let _aidl_data = match self.build_parcel_exchange(_arg_h) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#exchange, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_exchange(_arg_h, _aidl_reply)
      }
    )
  }
  fn r#fill<'a, >(&'a self, _arg_h: &'a mut crate::Handle) -> binder::BoxFuture<'a, binder::Result<()>> {
    let _aidl_data = match self.build_parcel_fill(_arg_h) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#fill, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_fill(_arg_h, _aidl_reply)
      }
    )
  }
}
impl IHandles for binder::binder_impl::Binder<BnHandles> {
  fn r#exchange<'a, 'l1, >(&'a self, _arg_h: &'l1 crate::Handle) -> binder::Result<crate::Handle> { self.0.r#exchange(_arg_h) }
  fn r#fill<'a, 'l1, >(&'a self, _arg_h: &'l1 mut crate::Handle) -> binder::Result<()> { self.0.r#fill(_arg_h) }
}
fn on_transact(_aidl_service: &dyn IHandles, _aidl_code: binder::binder_impl::TransactionCode, _aidl_data: &binder::binder_impl::BorrowedParcel<'_>, _aidl_reply: &mut binder::binder_impl::BorrowedParcel<'_>) -> std::result::Result<(), binder::StatusCode> {
  match _aidl_code {
    transactions::r#exchange => {
      let _arg_h: crate::Handle = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#exchange(&_arg_h);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#fill => {
      let mut _arg_h: crate::Handle = Default::default();
      let _aidl_return = _aidl_service.r#fill(&mut _arg_h);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(&_arg_h)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    _ => Err(binder::StatusCode::UNKNOWN_TRANSACTION)
  }
}
pub(crate) mod mangled {
 pub use super::r#IHandles as _3_sim_6_golden_8_IHandles;
}
