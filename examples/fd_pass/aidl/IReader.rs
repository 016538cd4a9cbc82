#![forbid(unsafe_code)]
#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(non_upper_case_globals, non_snake_case, dead_code, unused_imports, clippy::all)]
//! `interface IReader` in the shape AOSP's AIDL Rust backend generates (by hand until binder-sim has an AIDL compiler).
#[allow(unused_imports)] use binder::binder_impl::IBinderInternal;
use binder::declare_binder_interface;
declare_binder_interface! {
  IReader["binder.sim.example.IReader"] {
    native: BnReader(on_transact),
    proxy: BpReader {
    },
    async: IReaderAsync(try_into_local_async),
  }
}
pub trait IReader: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "binder.sim.example.IReader" }
  fn r#read_all(&self, _arg_fd: &binder::ParcelFileDescriptor) -> binder::Result<String>;
  fn getDefaultImpl() -> IReaderDefaultRef where Self: Sized {
    DEFAULT_IMPL.lock().unwrap().clone()
  }
  fn setDefaultImpl(d: IReaderDefaultRef) -> IReaderDefaultRef where Self: Sized {
    std::mem::replace(&mut *DEFAULT_IMPL.lock().unwrap(), d)
  }
  fn try_as_async_server<'a>(&'a self) -> Option<&'a (dyn IReaderAsyncServer + Send + Sync)> {
    None
  }
}
pub trait IReaderAsync<P>: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "binder.sim.example.IReader" }
  fn r#read_all<'a>(&'a self, _arg_fd: &'a binder::ParcelFileDescriptor) -> binder::BoxFuture<'a, binder::Result<String>>;
}
#[::async_trait::async_trait]
pub trait IReaderAsyncServer: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "binder.sim.example.IReader" }
  async fn r#read_all(&self, _arg_fd: &binder::ParcelFileDescriptor) -> binder::Result<String>;
}
impl BnReader {
  /// Create a new async binder service.
  pub fn new_async_binder<T, R>(inner: T, rt: R, features: binder::BinderFeatures) -> binder::Strong<dyn IReader>
  where
    T: IReaderAsyncServer + binder::Interface + Send + Sync + 'static,
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
    impl<T, R> IReader for Wrapper<T, R>
    where
      T: IReaderAsyncServer + Send + Sync + 'static,
      R: binder::binder_impl::BinderAsyncRuntime + Send + Sync + 'static,
    {
      fn r#read_all(&self, _arg_fd: &binder::ParcelFileDescriptor) -> binder::Result<String> {
        self._rt.block_on(self._inner.r#read_all(_arg_fd))
      }
      fn try_as_async_server(&self) -> Option<&(dyn IReaderAsyncServer + Send + Sync)> {
        Some(&self._inner)
      }
    }
    let wrapped = Wrapper { _inner: inner, _rt: rt };
    Self::new_binder(wrapped, features)
  }
  pub fn try_into_local_async<P: binder::BinderAsyncPool + 'static>(_native: binder::binder_impl::Binder<Self>) -> Option<binder::Strong<dyn IReaderAsync<P>>> {
    struct Wrapper {
      _native: binder::binder_impl::Binder<BnReader>
    }
    impl binder::Interface for Wrapper {}
    impl<P: binder::BinderAsyncPool> IReaderAsync<P> for Wrapper {
      fn r#read_all<'a>(&'a self, _arg_fd: &'a binder::ParcelFileDescriptor) -> binder::BoxFuture<'a, binder::Result<String>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#read_all(_arg_fd))
      }
    }
    if _native.try_as_async_server().is_some() {
      Some(binder::Strong::new(Box::new(Wrapper { _native }) as Box<dyn IReaderAsync<P>>))
    } else {
      None
    }
  }
}
pub trait IReaderDefault: Send + Sync {
  fn r#read_all(&self, _arg_fd: &binder::ParcelFileDescriptor) -> binder::Result<String> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
}
pub mod transactions {
  pub const r#read_all: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 0;
}
pub type IReaderDefaultRef = Option<std::sync::Arc<dyn IReaderDefault>>;
static DEFAULT_IMPL: std::sync::Mutex<IReaderDefaultRef> = std::sync::Mutex::new(None);
impl BpReader {
  fn build_parcel_read_all(&self, _arg_fd: &binder::ParcelFileDescriptor) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_fd)?;
    Ok(aidl_data)
  }
  fn read_response_read_all(&self, _arg_fd: &binder::ParcelFileDescriptor, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<String> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IReader>::getDefaultImpl() {
        return _aidl_default_impl.r#read_all(_arg_fd);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: String = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
}
impl IReader for BpReader {
  fn r#read_all(&self, _arg_fd: &binder::ParcelFileDescriptor) -> binder::Result<String> {
    let _aidl_data = self.build_parcel_read_all(_arg_fd)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#read_all, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_read_all(_arg_fd, _aidl_reply)
  }
}
impl<P: binder::BinderAsyncPool> IReaderAsync<P> for BpReader {
  fn r#read_all<'a>(&'a self, _arg_fd: &'a binder::ParcelFileDescriptor) -> binder::BoxFuture<'a, binder::Result<String>> {
    let _aidl_data = match self.build_parcel_read_all(_arg_fd) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#read_all, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_read_all(_arg_fd, _aidl_reply)
      }
    )
  }
}
impl IReader for binder::binder_impl::Binder<BnReader> {
  fn r#read_all(&self, _arg_fd: &binder::ParcelFileDescriptor) -> binder::Result<String> { self.0.r#read_all(_arg_fd) }
  fn try_as_async_server(&self) -> Option<&(dyn IReaderAsyncServer + Send + Sync)> {
    self.0.try_as_async_server()
  }
}
fn on_transact(_aidl_service: &dyn IReader, _aidl_code: binder::binder_impl::TransactionCode, _aidl_data: &binder::binder_impl::BorrowedParcel<'_>, _aidl_reply: &mut binder::binder_impl::BorrowedParcel<'_>) -> std::result::Result<(), binder::StatusCode> {
  match _aidl_code {
    transactions::r#read_all => {
      let _arg_fd: binder::ParcelFileDescriptor = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#read_all(&_arg_fd);
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
