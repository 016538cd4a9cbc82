#![forbid(unsafe_code)]
#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(non_upper_case_globals, non_snake_case, dead_code, unused_imports, clippy::all)]
//! `interface ISink` in the shape AOSP's AIDL Rust backend generates (by hand until binder-sim has an AIDL compiler).
#[allow(unused_imports)] use binder::binder_impl::IBinderInternal;
use binder::declare_binder_interface;
declare_binder_interface! {
  ISink["binder.sim.example.ISink"] {
    native: BnSink(on_transact),
    proxy: BpSink {
    },
    async: ISinkAsync(try_into_local_async),
  }
}
pub trait ISink: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "binder.sim.example.ISink" }
  fn r#take(&self, _arg_data: &[u8]) -> binder::Result<i64>;
  fn getDefaultImpl() -> ISinkDefaultRef where Self: Sized {
    DEFAULT_IMPL.lock().unwrap().clone()
  }
  fn setDefaultImpl(d: ISinkDefaultRef) -> ISinkDefaultRef where Self: Sized {
    std::mem::replace(&mut *DEFAULT_IMPL.lock().unwrap(), d)
  }
  fn try_as_async_server<'a>(&'a self) -> Option<&'a (dyn ISinkAsyncServer + Send + Sync)> {
    None
  }
}
pub trait ISinkAsync<P>: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "binder.sim.example.ISink" }
  fn r#take<'a>(&'a self, _arg_data: &'a [u8]) -> binder::BoxFuture<'a, binder::Result<i64>>;
}
#[::async_trait::async_trait]
pub trait ISinkAsyncServer: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "binder.sim.example.ISink" }
  async fn r#take(&self, _arg_data: &[u8]) -> binder::Result<i64>;
}
impl BnSink {
  /// Create a new async binder service.
  pub fn new_async_binder<T, R>(inner: T, rt: R, features: binder::BinderFeatures) -> binder::Strong<dyn ISink>
  where
    T: ISinkAsyncServer + binder::Interface + Send + Sync + 'static,
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
    impl<T, R> ISink for Wrapper<T, R>
    where
      T: ISinkAsyncServer + Send + Sync + 'static,
      R: binder::binder_impl::BinderAsyncRuntime + Send + Sync + 'static,
    {
      fn r#take(&self, _arg_data: &[u8]) -> binder::Result<i64> {
        self._rt.block_on(self._inner.r#take(_arg_data))
      }
      fn try_as_async_server(&self) -> Option<&(dyn ISinkAsyncServer + Send + Sync)> {
        Some(&self._inner)
      }
    }
    let wrapped = Wrapper { _inner: inner, _rt: rt };
    Self::new_binder(wrapped, features)
  }
  pub fn try_into_local_async<P: binder::BinderAsyncPool + 'static>(_native: binder::binder_impl::Binder<Self>) -> Option<binder::Strong<dyn ISinkAsync<P>>> {
    struct Wrapper {
      _native: binder::binder_impl::Binder<BnSink>
    }
    impl binder::Interface for Wrapper {}
    impl<P: binder::BinderAsyncPool> ISinkAsync<P> for Wrapper {
      fn r#take<'a>(&'a self, _arg_data: &'a [u8]) -> binder::BoxFuture<'a, binder::Result<i64>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#take(_arg_data))
      }
    }
    if _native.try_as_async_server().is_some() {
      Some(binder::Strong::new(Box::new(Wrapper { _native }) as Box<dyn ISinkAsync<P>>))
    } else {
      None
    }
  }
}
pub trait ISinkDefault: Send + Sync {
  fn r#take(&self, _arg_data: &[u8]) -> binder::Result<i64> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
}
pub mod transactions {
  pub const r#take: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 0;
}
pub type ISinkDefaultRef = Option<std::sync::Arc<dyn ISinkDefault>>;
static DEFAULT_IMPL: std::sync::Mutex<ISinkDefaultRef> = std::sync::Mutex::new(None);
impl BpSink {
  fn build_parcel_take(&self, _arg_data: &[u8]) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_data)?;
    Ok(aidl_data)
  }
  fn read_response_take(&self, _arg_data: &[u8], _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<i64> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ISink>::getDefaultImpl() {
        return _aidl_default_impl.r#take(_arg_data);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: i64 = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
}
impl ISink for BpSink {
  fn r#take(&self, _arg_data: &[u8]) -> binder::Result<i64> {
    let _aidl_data = self.build_parcel_take(_arg_data)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#take, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_take(_arg_data, _aidl_reply)
  }
}
impl<P: binder::BinderAsyncPool> ISinkAsync<P> for BpSink {
  fn r#take<'a>(&'a self, _arg_data: &'a [u8]) -> binder::BoxFuture<'a, binder::Result<i64>> {
    let _aidl_data = match self.build_parcel_take(_arg_data) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#take, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_take(_arg_data, _aidl_reply)
      }
    )
  }
}
impl ISink for binder::binder_impl::Binder<BnSink> {
  fn r#take(&self, _arg_data: &[u8]) -> binder::Result<i64> { self.0.r#take(_arg_data) }
  fn try_as_async_server(&self) -> Option<&(dyn ISinkAsyncServer + Send + Sync)> {
    self.0.try_as_async_server()
  }
}
fn on_transact(_aidl_service: &dyn ISink, _aidl_code: binder::binder_impl::TransactionCode, _aidl_data: &binder::binder_impl::BorrowedParcel<'_>, _aidl_reply: &mut binder::binder_impl::BorrowedParcel<'_>) -> std::result::Result<(), binder::StatusCode> {
  match _aidl_code {
    transactions::r#take => {
      let _arg_data: Vec<u8> = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#take(&_arg_data);
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
