#![forbid(unsafe_code)]
#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(non_upper_case_globals, non_snake_case, dead_code, unused_imports, clippy::all)]
//! `interface IHello { int pid(); }` in the shape AOSP's AIDL Rust backend generates (by hand until binder-sim has an AIDL compiler).
#[allow(unused_imports)] use binder::binder_impl::IBinderInternal;
use binder::declare_binder_interface;
declare_binder_interface! {
  IHello["binder.sim.test.IHello"] {
    native: BnHello(on_transact),
    proxy: BpHello {
    },
    async: IHelloAsync(try_into_local_async),
  }
}
pub trait IHello: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "binder.sim.test.IHello" }
  fn r#pid(&self) -> binder::Result<i32>;
  fn getDefaultImpl() -> IHelloDefaultRef where Self: Sized {
    DEFAULT_IMPL.lock().unwrap().clone()
  }
  fn setDefaultImpl(d: IHelloDefaultRef) -> IHelloDefaultRef where Self: Sized {
    std::mem::replace(&mut *DEFAULT_IMPL.lock().unwrap(), d)
  }
  fn try_as_async_server<'a>(&'a self) -> Option<&'a (dyn IHelloAsyncServer + Send + Sync)> {
    None
  }
}
pub trait IHelloAsync<P>: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "binder.sim.test.IHello" }
  fn r#pid<'a>(&'a self) -> binder::BoxFuture<'a, binder::Result<i32>>;
}
#[::async_trait::async_trait]
pub trait IHelloAsyncServer: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "binder.sim.test.IHello" }
  async fn r#pid(&self) -> binder::Result<i32>;
}
impl BnHello {
  /// Create a new async binder service.
  pub fn new_async_binder<T, R>(inner: T, rt: R, features: binder::BinderFeatures) -> binder::Strong<dyn IHello>
  where
    T: IHelloAsyncServer + binder::Interface + Send + Sync + 'static,
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
    impl<T, R> IHello for Wrapper<T, R>
    where
      T: IHelloAsyncServer + Send + Sync + 'static,
      R: binder::binder_impl::BinderAsyncRuntime + Send + Sync + 'static,
    {
      fn r#pid(&self) -> binder::Result<i32> {
        self._rt.block_on(self._inner.r#pid())
      }
      fn try_as_async_server(&self) -> Option<&(dyn IHelloAsyncServer + Send + Sync)> {
        Some(&self._inner)
      }
    }
    let wrapped = Wrapper { _inner: inner, _rt: rt };
    Self::new_binder(wrapped, features)
  }
  pub fn try_into_local_async<P: binder::BinderAsyncPool + 'static>(_native: binder::binder_impl::Binder<Self>) -> Option<binder::Strong<dyn IHelloAsync<P>>> {
    struct Wrapper {
      _native: binder::binder_impl::Binder<BnHello>
    }
    impl binder::Interface for Wrapper {}
    impl<P: binder::BinderAsyncPool> IHelloAsync<P> for Wrapper {
      fn r#pid<'a>(&'a self) -> binder::BoxFuture<'a, binder::Result<i32>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#pid())
      }
    }
    if _native.try_as_async_server().is_some() {
      Some(binder::Strong::new(Box::new(Wrapper { _native }) as Box<dyn IHelloAsync<P>>))
    } else {
      None
    }
  }
}
pub trait IHelloDefault: Send + Sync {
  fn r#pid(&self) -> binder::Result<i32> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
}
pub mod transactions {
  pub const r#pid: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 0;
}
pub type IHelloDefaultRef = Option<std::sync::Arc<dyn IHelloDefault>>;
static DEFAULT_IMPL: std::sync::Mutex<IHelloDefaultRef> = std::sync::Mutex::new(None);
impl BpHello {
  fn build_parcel_pid(&self) -> binder::Result<binder::binder_impl::Parcel> {
    let aidl_data = self.binder.prepare_transact()?;
    Ok(aidl_data)
  }
  fn read_response_pid(&self, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<i32> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IHello>::getDefaultImpl() {
        return _aidl_default_impl.r#pid();
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: i32 = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
}
impl IHello for BpHello {
  fn r#pid(&self) -> binder::Result<i32> {
    let _aidl_data = self.build_parcel_pid()?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#pid, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_pid(_aidl_reply)
  }
}
impl<P: binder::BinderAsyncPool> IHelloAsync<P> for BpHello {
  fn r#pid<'a>(&'a self) -> binder::BoxFuture<'a, binder::Result<i32>> {
    let _aidl_data = match self.build_parcel_pid() {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#pid, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_pid(_aidl_reply)
      }
    )
  }
}
impl IHello for binder::binder_impl::Binder<BnHello> {
  fn r#pid(&self) -> binder::Result<i32> { self.0.r#pid() }
  fn try_as_async_server(&self) -> Option<&(dyn IHelloAsyncServer + Send + Sync)> {
    self.0.try_as_async_server()
  }
}
fn on_transact(_aidl_service: &dyn IHello, _aidl_code: binder::binder_impl::TransactionCode, _aidl_data: &binder::binder_impl::BorrowedParcel<'_>, _aidl_reply: &mut binder::binder_impl::BorrowedParcel<'_>) -> std::result::Result<(), binder::StatusCode> {
  match _aidl_code {
    transactions::r#pid => {
      let _aidl_return = _aidl_service.r#pid();
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
