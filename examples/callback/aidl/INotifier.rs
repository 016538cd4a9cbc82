#![forbid(unsafe_code)]
#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(non_upper_case_globals, non_snake_case, dead_code, unused_imports, clippy::all)]
//! `interface INotifier` in the shape AOSP's AIDL Rust backend generates (by hand until binder-sim has an AIDL compiler).
use super::IListener::IListener;
#[allow(unused_imports)] use binder::binder_impl::IBinderInternal;
use binder::declare_binder_interface;
declare_binder_interface! {
  INotifier["binder.sim.example.INotifier"] {
    native: BnNotifier(on_transact),
    proxy: BpNotifier {
    },
    async: INotifierAsync(try_into_local_async),
  }
}
pub trait INotifier: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "binder.sim.example.INotifier" }
  fn r#subscribe(&self, _arg_listener: &binder::Strong<dyn IListener>, _arg_events: i32) -> binder::Result<String>;
  fn getDefaultImpl() -> INotifierDefaultRef where Self: Sized {
    DEFAULT_IMPL.lock().unwrap().clone()
  }
  fn setDefaultImpl(d: INotifierDefaultRef) -> INotifierDefaultRef where Self: Sized {
    std::mem::replace(&mut *DEFAULT_IMPL.lock().unwrap(), d)
  }
  fn try_as_async_server<'a>(&'a self) -> Option<&'a (dyn INotifierAsyncServer + Send + Sync)> {
    None
  }
}
pub trait INotifierAsync<P>: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "binder.sim.example.INotifier" }
  fn r#subscribe<'a>(&'a self, _arg_listener: &'a binder::Strong<dyn IListener>, _arg_events: i32) -> binder::BoxFuture<'a, binder::Result<String>>;
}
#[::async_trait::async_trait]
pub trait INotifierAsyncServer: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "binder.sim.example.INotifier" }
  async fn r#subscribe(&self, _arg_listener: &binder::Strong<dyn IListener>, _arg_events: i32) -> binder::Result<String>;
}
impl BnNotifier {
  /// Create a new async binder service.
  pub fn new_async_binder<T, R>(inner: T, rt: R, features: binder::BinderFeatures) -> binder::Strong<dyn INotifier>
  where
    T: INotifierAsyncServer + binder::Interface + Send + Sync + 'static,
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
    impl<T, R> INotifier for Wrapper<T, R>
    where
      T: INotifierAsyncServer + Send + Sync + 'static,
      R: binder::binder_impl::BinderAsyncRuntime + Send + Sync + 'static,
    {
      fn r#subscribe(&self, _arg_listener: &binder::Strong<dyn IListener>, _arg_events: i32) -> binder::Result<String> {
        self._rt.block_on(self._inner.r#subscribe(_arg_listener, _arg_events))
      }
      fn try_as_async_server(&self) -> Option<&(dyn INotifierAsyncServer + Send + Sync)> {
        Some(&self._inner)
      }
    }
    let wrapped = Wrapper { _inner: inner, _rt: rt };
    Self::new_binder(wrapped, features)
  }
  pub fn try_into_local_async<P: binder::BinderAsyncPool + 'static>(_native: binder::binder_impl::Binder<Self>) -> Option<binder::Strong<dyn INotifierAsync<P>>> {
    struct Wrapper {
      _native: binder::binder_impl::Binder<BnNotifier>
    }
    impl binder::Interface for Wrapper {}
    impl<P: binder::BinderAsyncPool> INotifierAsync<P> for Wrapper {
      fn r#subscribe<'a>(&'a self, _arg_listener: &'a binder::Strong<dyn IListener>, _arg_events: i32) -> binder::BoxFuture<'a, binder::Result<String>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#subscribe(_arg_listener, _arg_events))
      }
    }
    if _native.try_as_async_server().is_some() {
      Some(binder::Strong::new(Box::new(Wrapper { _native }) as Box<dyn INotifierAsync<P>>))
    } else {
      None
    }
  }
}
pub trait INotifierDefault: Send + Sync {
  fn r#subscribe(&self, _arg_listener: &binder::Strong<dyn IListener>, _arg_events: i32) -> binder::Result<String> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
}
pub mod transactions {
  pub const r#subscribe: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 0;
}
pub type INotifierDefaultRef = Option<std::sync::Arc<dyn INotifierDefault>>;
static DEFAULT_IMPL: std::sync::Mutex<INotifierDefaultRef> = std::sync::Mutex::new(None);
impl BpNotifier {
  fn build_parcel_subscribe(&self, _arg_listener: &binder::Strong<dyn IListener>, _arg_events: i32) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_listener)?;
    aidl_data.write(&_arg_events)?;
    Ok(aidl_data)
  }
  fn read_response_subscribe(&self, _arg_listener: &binder::Strong<dyn IListener>, _arg_events: i32, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<String> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as INotifier>::getDefaultImpl() {
        return _aidl_default_impl.r#subscribe(_arg_listener, _arg_events);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: String = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
}
impl INotifier for BpNotifier {
  fn r#subscribe(&self, _arg_listener: &binder::Strong<dyn IListener>, _arg_events: i32) -> binder::Result<String> {
    let _aidl_data = self.build_parcel_subscribe(_arg_listener, _arg_events)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#subscribe, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_subscribe(_arg_listener, _arg_events, _aidl_reply)
  }
}
impl<P: binder::BinderAsyncPool> INotifierAsync<P> for BpNotifier {
  fn r#subscribe<'a>(&'a self, _arg_listener: &'a binder::Strong<dyn IListener>, _arg_events: i32) -> binder::BoxFuture<'a, binder::Result<String>> {
    let _aidl_data = match self.build_parcel_subscribe(_arg_listener, _arg_events) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#subscribe, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_subscribe(_arg_listener, _arg_events, _aidl_reply)
      }
    )
  }
}
impl INotifier for binder::binder_impl::Binder<BnNotifier> {
  fn r#subscribe(&self, _arg_listener: &binder::Strong<dyn IListener>, _arg_events: i32) -> binder::Result<String> { self.0.r#subscribe(_arg_listener, _arg_events) }
  fn try_as_async_server(&self) -> Option<&(dyn INotifierAsyncServer + Send + Sync)> {
    self.0.try_as_async_server()
  }
}
fn on_transact(_aidl_service: &dyn INotifier, _aidl_code: binder::binder_impl::TransactionCode, _aidl_data: &binder::binder_impl::BorrowedParcel<'_>, _aidl_reply: &mut binder::binder_impl::BorrowedParcel<'_>) -> std::result::Result<(), binder::StatusCode> {
  match _aidl_code {
    transactions::r#subscribe => {
      let _arg_listener: binder::Strong<dyn IListener> = _aidl_data.read()?;
      let _arg_events: i32 = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#subscribe(&_arg_listener, _arg_events);
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
