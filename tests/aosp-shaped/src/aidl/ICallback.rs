#![forbid(unsafe_code)]
#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(non_upper_case_globals, non_snake_case, dead_code, unused_imports, clippy::all)]
//! `interface ICallback` in the shape AOSP's AIDL Rust backend generates.
#[allow(unused_imports)] use binder::binder_impl::IBinderInternal;
use binder::declare_binder_interface;
declare_binder_interface! {
  ICallback["binder.sim.aosp.ICallback"] {
    native: BnCallback(on_transact),
    proxy: BpCallback {
    },
    async: ICallbackAsync(try_into_local_async),
  }
}
pub trait ICallback: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "binder.sim.aosp.ICallback" }
  fn r#onValue(&self, _arg_v: i32) -> binder::Result<i32>;
  fn r#describe(&self, _arg_prefix: &str) -> binder::Result<String>;
  fn r#ping(&self, _arg_tag: &str) -> binder::Result<()>;
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
  fn get_descriptor() -> &'static str where Self: Sized { "binder.sim.aosp.ICallback" }
  fn r#onValue<'a>(&'a self, _arg_v: i32) -> binder::BoxFuture<'a, binder::Result<i32>>;
  fn r#describe<'a>(&'a self, _arg_prefix: &'a str) -> binder::BoxFuture<'a, binder::Result<String>>;
  fn r#ping(&self, _arg_tag: &str) -> std::future::Ready<binder::Result<()>>;
}
#[::async_trait::async_trait]
pub trait ICallbackAsyncServer: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "binder.sim.aosp.ICallback" }
  async fn r#onValue(&self, _arg_v: i32) -> binder::Result<i32>;
  async fn r#describe(&self, _arg_prefix: &str) -> binder::Result<String>;
  async fn r#ping(&self, _arg_tag: &str) -> binder::Result<()>;
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
      fn r#onValue(&self, _arg_v: i32) -> binder::Result<i32> {
        self._rt.block_on(self._inner.r#onValue(_arg_v))
      }
      fn r#describe(&self, _arg_prefix: &str) -> binder::Result<String> {
        self._rt.block_on(self._inner.r#describe(_arg_prefix))
      }
      fn r#ping(&self, _arg_tag: &str) -> binder::Result<()> {
        self._rt.block_on(self._inner.r#ping(_arg_tag))
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
      fn r#onValue<'a>(&'a self, _arg_v: i32) -> binder::BoxFuture<'a, binder::Result<i32>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#onValue(_arg_v))
      }
      fn r#describe<'a>(&'a self, _arg_prefix: &'a str) -> binder::BoxFuture<'a, binder::Result<String>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#describe(_arg_prefix))
      }
      fn r#ping(&self, _arg_tag: &str) -> std::future::Ready<binder::Result<()>> {
        std::future::ready(self._native.r#ping(_arg_tag))
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
  fn r#onValue(&self, _arg_v: i32) -> binder::Result<i32> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#describe(&self, _arg_prefix: &str) -> binder::Result<String> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#ping(&self, _arg_tag: &str) -> binder::Result<()> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
}
pub mod transactions {
  pub const r#onValue: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 0;
  pub const r#describe: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 1;
  pub const r#ping: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 2;
}
pub type ICallbackDefaultRef = Option<std::sync::Arc<dyn ICallbackDefault>>;
static DEFAULT_IMPL: std::sync::Mutex<ICallbackDefaultRef> = std::sync::Mutex::new(None);
impl BpCallback {
  fn build_parcel_onValue(&self, _arg_v: i32) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_v)?;
    Ok(aidl_data)
  }
  fn read_response_onValue(&self, _arg_v: i32, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<i32> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ICallback>::getDefaultImpl() {
        return _aidl_default_impl.r#onValue(_arg_v);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: i32 = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_describe(&self, _arg_prefix: &str) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_prefix)?;
    Ok(aidl_data)
  }
  fn read_response_describe(&self, _arg_prefix: &str, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<String> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ICallback>::getDefaultImpl() {
        return _aidl_default_impl.r#describe(_arg_prefix);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: String = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_ping(&self, _arg_tag: &str) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_tag)?;
    Ok(aidl_data)
  }
  fn read_response_ping(&self, _arg_tag: &str, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<()> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ICallback>::getDefaultImpl() {
        return _aidl_default_impl.r#ping(_arg_tag);
      }
    }
    let _aidl_reply = _aidl_reply?;
    Ok(())
  }
}
impl ICallback for BpCallback {
  fn r#onValue(&self, _arg_v: i32) -> binder::Result<i32> {
    let _aidl_data = self.build_parcel_onValue(_arg_v)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#onValue, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_onValue(_arg_v, _aidl_reply)
  }
  fn r#describe(&self, _arg_prefix: &str) -> binder::Result<String> {
    let _aidl_data = self.build_parcel_describe(_arg_prefix)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#describe, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_describe(_arg_prefix, _aidl_reply)
  }
  fn r#ping(&self, _arg_tag: &str) -> binder::Result<()> {
    let _aidl_data = self.build_parcel_ping(_arg_tag)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#ping, _aidl_data, binder::binder_impl::FLAG_ONEWAY | binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_ping(_arg_tag, _aidl_reply)
  }
}
impl<P: binder::BinderAsyncPool> ICallbackAsync<P> for BpCallback {
  fn r#onValue<'a>(&'a self, _arg_v: i32) -> binder::BoxFuture<'a, binder::Result<i32>> {
    let _aidl_data = match self.build_parcel_onValue(_arg_v) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#onValue, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_onValue(_arg_v, _aidl_reply)
      }
    )
  }
  fn r#describe<'a>(&'a self, _arg_prefix: &'a str) -> binder::BoxFuture<'a, binder::Result<String>> {
    let _aidl_data = match self.build_parcel_describe(_arg_prefix) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#describe, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_describe(_arg_prefix, _aidl_reply)
      }
    )
  }
  fn r#ping(&self, _arg_tag: &str) -> std::future::Ready<binder::Result<()>> {
    let _aidl_data = match self.build_parcel_ping(_arg_tag) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return std::future::ready(Err(err)),
    };
    let _aidl_reply = self.binder.submit_transact(transactions::r#ping, _aidl_data, binder::binder_impl::FLAG_ONEWAY | binder::binder_impl::FLAG_PRIVATE_LOCAL);
    std::future::ready(self.read_response_ping(_arg_tag, _aidl_reply))
  }
}
impl ICallback for binder::binder_impl::Binder<BnCallback> {
  fn r#onValue(&self, _arg_v: i32) -> binder::Result<i32> { self.0.r#onValue(_arg_v) }
  fn r#describe(&self, _arg_prefix: &str) -> binder::Result<String> { self.0.r#describe(_arg_prefix) }
  fn r#ping(&self, _arg_tag: &str) -> binder::Result<()> { self.0.r#ping(_arg_tag) }
  fn try_as_async_server(&self) -> Option<&(dyn ICallbackAsyncServer + Send + Sync)> {
    self.0.try_as_async_server()
  }
}
fn on_transact(_aidl_service: &dyn ICallback, _aidl_code: binder::binder_impl::TransactionCode, _aidl_data: &binder::binder_impl::BorrowedParcel<'_>, _aidl_reply: &mut binder::binder_impl::BorrowedParcel<'_>) -> std::result::Result<(), binder::StatusCode> {
  match _aidl_code {
    transactions::r#onValue => {
      let _arg_v: i32 = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#onValue(_arg_v);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#describe => {
      let _arg_prefix: String = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#describe(&_arg_prefix);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#ping => {
      let _arg_tag: String = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#ping(&_arg_tag);
      Ok(())
    }
    _ => Err(binder::StatusCode::UNKNOWN_TRANSACTION)
  }
}
