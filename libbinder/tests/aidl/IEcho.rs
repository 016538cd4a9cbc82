#![forbid(unsafe_code)]
#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(non_upper_case_globals, non_snake_case, dead_code, unused_imports, clippy::all)]
//! `interface IEcho` in the shape AOSP's AIDL Rust backend generates (by hand until binder-sim has an AIDL compiler).
use super::ICallback::ICallback;
use super::Point::Point;
#[allow(unused_imports)] use binder::binder_impl::IBinderInternal;
use binder::declare_binder_interface;
declare_binder_interface! {
  IEcho["binder.sim.test.IEcho"] {
    native: BnEcho(on_transact),
    proxy: BpEcho {
    },
    async: IEchoAsync(try_into_local_async),
  }
}
pub trait IEcho: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "binder.sim.test.IEcho" }
  fn r#echo(&self, _arg_s: &str) -> binder::Result<String>;
  fn r#notify(&self, _arg_v: i32) -> binder::Result<()>;
  fn r#last_notified(&self, _arg_want: i32) -> binder::Result<i32>;
  fn r#call_me_back(&self, _arg_cb: &binder::Strong<dyn ICallback>, _arg_v: i32) -> binder::Result<i32>;
  fn r#fail(&self, _arg_kind: i32) -> binder::Result<()>;
  fn r#mix(&self, _arg_a: i64, _arg_b: u64, _arg_c: u32, _arg_d: f32, _arg_e: f64, _arg_f: bool, _arg_g: Option<&str>, _arg_h: &[u8]) -> binder::Result<Option<String>>;
  fn r#swap(&self, _arg_p: &Point) -> binder::Result<Point>;
  fn r#read_fd(&self, _arg_fd: &binder::ParcelFileDescriptor) -> binder::Result<String>;
  fn r#same_binder(&self, _arg_b: &binder::SpIBinder) -> binder::Result<binder::SpIBinder>;
  fn r#sibling(&self) -> binder::Result<binder::Strong<dyn IEcho>>;
  fn getDefaultImpl() -> IEchoDefaultRef where Self: Sized {
    DEFAULT_IMPL.lock().unwrap().clone()
  }
  fn setDefaultImpl(d: IEchoDefaultRef) -> IEchoDefaultRef where Self: Sized {
    std::mem::replace(&mut *DEFAULT_IMPL.lock().unwrap(), d)
  }
  fn try_as_async_server<'a>(&'a self) -> Option<&'a (dyn IEchoAsyncServer + Send + Sync)> {
    None
  }
}
pub trait IEchoAsync<P>: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "binder.sim.test.IEcho" }
  fn r#echo<'a>(&'a self, _arg_s: &'a str) -> binder::BoxFuture<'a, binder::Result<String>>;
  fn r#notify(&self, _arg_v: i32) -> std::future::Ready<binder::Result<()>>;
  fn r#last_notified<'a>(&'a self, _arg_want: i32) -> binder::BoxFuture<'a, binder::Result<i32>>;
  fn r#call_me_back<'a>(&'a self, _arg_cb: &'a binder::Strong<dyn ICallback>, _arg_v: i32) -> binder::BoxFuture<'a, binder::Result<i32>>;
  fn r#fail<'a>(&'a self, _arg_kind: i32) -> binder::BoxFuture<'a, binder::Result<()>>;
  fn r#mix<'a>(&'a self, _arg_a: i64, _arg_b: u64, _arg_c: u32, _arg_d: f32, _arg_e: f64, _arg_f: bool, _arg_g: Option<&'a str>, _arg_h: &'a [u8]) -> binder::BoxFuture<'a, binder::Result<Option<String>>>;
  fn r#swap<'a>(&'a self, _arg_p: &'a Point) -> binder::BoxFuture<'a, binder::Result<Point>>;
  fn r#read_fd<'a>(&'a self, _arg_fd: &'a binder::ParcelFileDescriptor) -> binder::BoxFuture<'a, binder::Result<String>>;
  fn r#same_binder<'a>(&'a self, _arg_b: &'a binder::SpIBinder) -> binder::BoxFuture<'a, binder::Result<binder::SpIBinder>>;
  fn r#sibling<'a>(&'a self) -> binder::BoxFuture<'a, binder::Result<binder::Strong<dyn IEcho>>>;
}
#[::async_trait::async_trait]
pub trait IEchoAsyncServer: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "binder.sim.test.IEcho" }
  async fn r#echo(&self, _arg_s: &str) -> binder::Result<String>;
  async fn r#notify(&self, _arg_v: i32) -> binder::Result<()>;
  async fn r#last_notified(&self, _arg_want: i32) -> binder::Result<i32>;
  async fn r#call_me_back(&self, _arg_cb: &binder::Strong<dyn ICallback>, _arg_v: i32) -> binder::Result<i32>;
  async fn r#fail(&self, _arg_kind: i32) -> binder::Result<()>;
  async fn r#mix(&self, _arg_a: i64, _arg_b: u64, _arg_c: u32, _arg_d: f32, _arg_e: f64, _arg_f: bool, _arg_g: Option<&str>, _arg_h: &[u8]) -> binder::Result<Option<String>>;
  async fn r#swap(&self, _arg_p: &Point) -> binder::Result<Point>;
  async fn r#read_fd(&self, _arg_fd: &binder::ParcelFileDescriptor) -> binder::Result<String>;
  async fn r#same_binder(&self, _arg_b: &binder::SpIBinder) -> binder::Result<binder::SpIBinder>;
  async fn r#sibling(&self) -> binder::Result<binder::Strong<dyn IEcho>>;
}
impl BnEcho {
  /// Create a new async binder service.
  pub fn new_async_binder<T, R>(inner: T, rt: R, features: binder::BinderFeatures) -> binder::Strong<dyn IEcho>
  where
    T: IEchoAsyncServer + binder::Interface + Send + Sync + 'static,
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
    impl<T, R> IEcho for Wrapper<T, R>
    where
      T: IEchoAsyncServer + Send + Sync + 'static,
      R: binder::binder_impl::BinderAsyncRuntime + Send + Sync + 'static,
    {
      fn r#echo(&self, _arg_s: &str) -> binder::Result<String> {
        self._rt.block_on(self._inner.r#echo(_arg_s))
      }
      fn r#notify(&self, _arg_v: i32) -> binder::Result<()> {
        self._rt.block_on(self._inner.r#notify(_arg_v))
      }
      fn r#last_notified(&self, _arg_want: i32) -> binder::Result<i32> {
        self._rt.block_on(self._inner.r#last_notified(_arg_want))
      }
      fn r#call_me_back(&self, _arg_cb: &binder::Strong<dyn ICallback>, _arg_v: i32) -> binder::Result<i32> {
        self._rt.block_on(self._inner.r#call_me_back(_arg_cb, _arg_v))
      }
      fn r#fail(&self, _arg_kind: i32) -> binder::Result<()> {
        self._rt.block_on(self._inner.r#fail(_arg_kind))
      }
      fn r#mix(&self, _arg_a: i64, _arg_b: u64, _arg_c: u32, _arg_d: f32, _arg_e: f64, _arg_f: bool, _arg_g: Option<&str>, _arg_h: &[u8]) -> binder::Result<Option<String>> {
        self._rt.block_on(self._inner.r#mix(_arg_a, _arg_b, _arg_c, _arg_d, _arg_e, _arg_f, _arg_g, _arg_h))
      }
      fn r#swap(&self, _arg_p: &Point) -> binder::Result<Point> {
        self._rt.block_on(self._inner.r#swap(_arg_p))
      }
      fn r#read_fd(&self, _arg_fd: &binder::ParcelFileDescriptor) -> binder::Result<String> {
        self._rt.block_on(self._inner.r#read_fd(_arg_fd))
      }
      fn r#same_binder(&self, _arg_b: &binder::SpIBinder) -> binder::Result<binder::SpIBinder> {
        self._rt.block_on(self._inner.r#same_binder(_arg_b))
      }
      fn r#sibling(&self) -> binder::Result<binder::Strong<dyn IEcho>> {
        self._rt.block_on(self._inner.r#sibling())
      }
      fn try_as_async_server(&self) -> Option<&(dyn IEchoAsyncServer + Send + Sync)> {
        Some(&self._inner)
      }
    }
    let wrapped = Wrapper { _inner: inner, _rt: rt };
    Self::new_binder(wrapped, features)
  }
  pub fn try_into_local_async<P: binder::BinderAsyncPool + 'static>(_native: binder::binder_impl::Binder<Self>) -> Option<binder::Strong<dyn IEchoAsync<P>>> {
    struct Wrapper {
      _native: binder::binder_impl::Binder<BnEcho>
    }
    impl binder::Interface for Wrapper {}
    impl<P: binder::BinderAsyncPool> IEchoAsync<P> for Wrapper {
      fn r#echo<'a>(&'a self, _arg_s: &'a str) -> binder::BoxFuture<'a, binder::Result<String>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#echo(_arg_s))
      }
      fn r#notify(&self, _arg_v: i32) -> std::future::Ready<binder::Result<()>> {
        std::future::ready(self._native.r#notify(_arg_v))
      }
      fn r#last_notified<'a>(&'a self, _arg_want: i32) -> binder::BoxFuture<'a, binder::Result<i32>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#last_notified(_arg_want))
      }
      fn r#call_me_back<'a>(&'a self, _arg_cb: &'a binder::Strong<dyn ICallback>, _arg_v: i32) -> binder::BoxFuture<'a, binder::Result<i32>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#call_me_back(_arg_cb, _arg_v))
      }
      fn r#fail<'a>(&'a self, _arg_kind: i32) -> binder::BoxFuture<'a, binder::Result<()>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#fail(_arg_kind))
      }
      fn r#mix<'a>(&'a self, _arg_a: i64, _arg_b: u64, _arg_c: u32, _arg_d: f32, _arg_e: f64, _arg_f: bool, _arg_g: Option<&'a str>, _arg_h: &'a [u8]) -> binder::BoxFuture<'a, binder::Result<Option<String>>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#mix(_arg_a, _arg_b, _arg_c, _arg_d, _arg_e, _arg_f, _arg_g, _arg_h))
      }
      fn r#swap<'a>(&'a self, _arg_p: &'a Point) -> binder::BoxFuture<'a, binder::Result<Point>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#swap(_arg_p))
      }
      fn r#read_fd<'a>(&'a self, _arg_fd: &'a binder::ParcelFileDescriptor) -> binder::BoxFuture<'a, binder::Result<String>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#read_fd(_arg_fd))
      }
      fn r#same_binder<'a>(&'a self, _arg_b: &'a binder::SpIBinder) -> binder::BoxFuture<'a, binder::Result<binder::SpIBinder>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#same_binder(_arg_b))
      }
      fn r#sibling<'a>(&'a self) -> binder::BoxFuture<'a, binder::Result<binder::Strong<dyn IEcho>>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#sibling())
      }
    }
    if _native.try_as_async_server().is_some() {
      Some(binder::Strong::new(Box::new(Wrapper { _native }) as Box<dyn IEchoAsync<P>>))
    } else {
      None
    }
  }
}
pub trait IEchoDefault: Send + Sync {
  fn r#echo(&self, _arg_s: &str) -> binder::Result<String> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#notify(&self, _arg_v: i32) -> binder::Result<()> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#last_notified(&self, _arg_want: i32) -> binder::Result<i32> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#call_me_back(&self, _arg_cb: &binder::Strong<dyn ICallback>, _arg_v: i32) -> binder::Result<i32> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#fail(&self, _arg_kind: i32) -> binder::Result<()> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#mix(&self, _arg_a: i64, _arg_b: u64, _arg_c: u32, _arg_d: f32, _arg_e: f64, _arg_f: bool, _arg_g: Option<&str>, _arg_h: &[u8]) -> binder::Result<Option<String>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#swap(&self, _arg_p: &Point) -> binder::Result<Point> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#read_fd(&self, _arg_fd: &binder::ParcelFileDescriptor) -> binder::Result<String> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#same_binder(&self, _arg_b: &binder::SpIBinder) -> binder::Result<binder::SpIBinder> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#sibling(&self) -> binder::Result<binder::Strong<dyn IEcho>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
}
pub mod transactions {
  pub const r#echo: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 0;
  pub const r#notify: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 1;
  pub const r#last_notified: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 2;
  pub const r#call_me_back: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 3;
  pub const r#fail: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 4;
  pub const r#mix: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 5;
  pub const r#swap: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 6;
  pub const r#read_fd: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 7;
  pub const r#same_binder: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 8;
  pub const r#sibling: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 9;
}
pub type IEchoDefaultRef = Option<std::sync::Arc<dyn IEchoDefault>>;
static DEFAULT_IMPL: std::sync::Mutex<IEchoDefaultRef> = std::sync::Mutex::new(None);
impl BpEcho {
  fn build_parcel_echo(&self, _arg_s: &str) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_s)?;
    Ok(aidl_data)
  }
  fn read_response_echo(&self, _arg_s: &str, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<String> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IEcho>::getDefaultImpl() {
        return _aidl_default_impl.r#echo(_arg_s);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: String = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_notify(&self, _arg_v: i32) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_v)?;
    Ok(aidl_data)
  }
  fn read_response_notify(&self, _arg_v: i32, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<()> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IEcho>::getDefaultImpl() {
        return _aidl_default_impl.r#notify(_arg_v);
      }
    }
    let _aidl_reply = _aidl_reply?;
    Ok(())
  }
  fn build_parcel_last_notified(&self, _arg_want: i32) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_want)?;
    Ok(aidl_data)
  }
  fn read_response_last_notified(&self, _arg_want: i32, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<i32> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IEcho>::getDefaultImpl() {
        return _aidl_default_impl.r#last_notified(_arg_want);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: i32 = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_call_me_back(&self, _arg_cb: &binder::Strong<dyn ICallback>, _arg_v: i32) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_cb)?;
    aidl_data.write(&_arg_v)?;
    Ok(aidl_data)
  }
  fn read_response_call_me_back(&self, _arg_cb: &binder::Strong<dyn ICallback>, _arg_v: i32, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<i32> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IEcho>::getDefaultImpl() {
        return _aidl_default_impl.r#call_me_back(_arg_cb, _arg_v);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: i32 = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_fail(&self, _arg_kind: i32) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_kind)?;
    Ok(aidl_data)
  }
  fn read_response_fail(&self, _arg_kind: i32, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<()> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IEcho>::getDefaultImpl() {
        return _aidl_default_impl.r#fail(_arg_kind);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    Ok(())
  }
  fn build_parcel_mix(&self, _arg_a: i64, _arg_b: u64, _arg_c: u32, _arg_d: f32, _arg_e: f64, _arg_f: bool, _arg_g: Option<&str>, _arg_h: &[u8]) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_a)?;
    aidl_data.write(&_arg_b)?;
    aidl_data.write(&_arg_c)?;
    aidl_data.write(&_arg_d)?;
    aidl_data.write(&_arg_e)?;
    aidl_data.write(&_arg_f)?;
    aidl_data.write(&_arg_g)?;
    aidl_data.write(_arg_h)?;
    Ok(aidl_data)
  }
  fn read_response_mix(&self, _arg_a: i64, _arg_b: u64, _arg_c: u32, _arg_d: f32, _arg_e: f64, _arg_f: bool, _arg_g: Option<&str>, _arg_h: &[u8], _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Option<String>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IEcho>::getDefaultImpl() {
        return _aidl_default_impl.r#mix(_arg_a, _arg_b, _arg_c, _arg_d, _arg_e, _arg_f, _arg_g, _arg_h);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Option<String> = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_swap(&self, _arg_p: &Point) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_p)?;
    Ok(aidl_data)
  }
  fn read_response_swap(&self, _arg_p: &Point, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Point> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IEcho>::getDefaultImpl() {
        return _aidl_default_impl.r#swap(_arg_p);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Point = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_read_fd(&self, _arg_fd: &binder::ParcelFileDescriptor) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_fd)?;
    Ok(aidl_data)
  }
  fn read_response_read_fd(&self, _arg_fd: &binder::ParcelFileDescriptor, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<String> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IEcho>::getDefaultImpl() {
        return _aidl_default_impl.r#read_fd(_arg_fd);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: String = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_same_binder(&self, _arg_b: &binder::SpIBinder) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_b)?;
    Ok(aidl_data)
  }
  fn read_response_same_binder(&self, _arg_b: &binder::SpIBinder, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<binder::SpIBinder> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IEcho>::getDefaultImpl() {
        return _aidl_default_impl.r#same_binder(_arg_b);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: binder::SpIBinder = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_sibling(&self) -> binder::Result<binder::binder_impl::Parcel> {
    let aidl_data = self.binder.prepare_transact()?;
    Ok(aidl_data)
  }
  fn read_response_sibling(&self, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<binder::Strong<dyn IEcho>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IEcho>::getDefaultImpl() {
        return _aidl_default_impl.r#sibling();
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: binder::Strong<dyn IEcho> = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
}
impl IEcho for BpEcho {
  fn r#echo(&self, _arg_s: &str) -> binder::Result<String> {
    let _aidl_data = self.build_parcel_echo(_arg_s)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#echo, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_echo(_arg_s, _aidl_reply)
  }
  fn r#notify(&self, _arg_v: i32) -> binder::Result<()> {
    let _aidl_data = self.build_parcel_notify(_arg_v)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#notify, _aidl_data, binder::binder_impl::FLAG_ONEWAY | binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_notify(_arg_v, _aidl_reply)
  }
  fn r#last_notified(&self, _arg_want: i32) -> binder::Result<i32> {
    let _aidl_data = self.build_parcel_last_notified(_arg_want)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#last_notified, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_last_notified(_arg_want, _aidl_reply)
  }
  fn r#call_me_back(&self, _arg_cb: &binder::Strong<dyn ICallback>, _arg_v: i32) -> binder::Result<i32> {
    let _aidl_data = self.build_parcel_call_me_back(_arg_cb, _arg_v)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#call_me_back, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_call_me_back(_arg_cb, _arg_v, _aidl_reply)
  }
  fn r#fail(&self, _arg_kind: i32) -> binder::Result<()> {
    let _aidl_data = self.build_parcel_fail(_arg_kind)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#fail, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_fail(_arg_kind, _aidl_reply)
  }
  fn r#mix(&self, _arg_a: i64, _arg_b: u64, _arg_c: u32, _arg_d: f32, _arg_e: f64, _arg_f: bool, _arg_g: Option<&str>, _arg_h: &[u8]) -> binder::Result<Option<String>> {
    let _aidl_data = self.build_parcel_mix(_arg_a, _arg_b, _arg_c, _arg_d, _arg_e, _arg_f, _arg_g, _arg_h)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#mix, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_mix(_arg_a, _arg_b, _arg_c, _arg_d, _arg_e, _arg_f, _arg_g, _arg_h, _aidl_reply)
  }
  fn r#swap(&self, _arg_p: &Point) -> binder::Result<Point> {
    let _aidl_data = self.build_parcel_swap(_arg_p)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#swap, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_swap(_arg_p, _aidl_reply)
  }
  fn r#read_fd(&self, _arg_fd: &binder::ParcelFileDescriptor) -> binder::Result<String> {
    let _aidl_data = self.build_parcel_read_fd(_arg_fd)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#read_fd, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_read_fd(_arg_fd, _aidl_reply)
  }
  fn r#same_binder(&self, _arg_b: &binder::SpIBinder) -> binder::Result<binder::SpIBinder> {
    let _aidl_data = self.build_parcel_same_binder(_arg_b)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#same_binder, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_same_binder(_arg_b, _aidl_reply)
  }
  fn r#sibling(&self) -> binder::Result<binder::Strong<dyn IEcho>> {
    let _aidl_data = self.build_parcel_sibling()?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#sibling, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_sibling(_aidl_reply)
  }
}
impl<P: binder::BinderAsyncPool> IEchoAsync<P> for BpEcho {
  fn r#echo<'a>(&'a self, _arg_s: &'a str) -> binder::BoxFuture<'a, binder::Result<String>> {
    let _aidl_data = match self.build_parcel_echo(_arg_s) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#echo, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_echo(_arg_s, _aidl_reply)
      }
    )
  }
  fn r#notify(&self, _arg_v: i32) -> std::future::Ready<binder::Result<()>> {
    let _aidl_data = match self.build_parcel_notify(_arg_v) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return std::future::ready(Err(err)),
    };
    let _aidl_reply = self.binder.submit_transact(transactions::r#notify, _aidl_data, binder::binder_impl::FLAG_ONEWAY | binder::binder_impl::FLAG_PRIVATE_LOCAL);
    std::future::ready(self.read_response_notify(_arg_v, _aidl_reply))
  }
  fn r#last_notified<'a>(&'a self, _arg_want: i32) -> binder::BoxFuture<'a, binder::Result<i32>> {
    let _aidl_data = match self.build_parcel_last_notified(_arg_want) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#last_notified, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_last_notified(_arg_want, _aidl_reply)
      }
    )
  }
  fn r#call_me_back<'a>(&'a self, _arg_cb: &'a binder::Strong<dyn ICallback>, _arg_v: i32) -> binder::BoxFuture<'a, binder::Result<i32>> {
    let _aidl_data = match self.build_parcel_call_me_back(_arg_cb, _arg_v) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#call_me_back, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_call_me_back(_arg_cb, _arg_v, _aidl_reply)
      }
    )
  }
  fn r#fail<'a>(&'a self, _arg_kind: i32) -> binder::BoxFuture<'a, binder::Result<()>> {
    let _aidl_data = match self.build_parcel_fail(_arg_kind) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#fail, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_fail(_arg_kind, _aidl_reply)
      }
    )
  }
  fn r#mix<'a>(&'a self, _arg_a: i64, _arg_b: u64, _arg_c: u32, _arg_d: f32, _arg_e: f64, _arg_f: bool, _arg_g: Option<&'a str>, _arg_h: &'a [u8]) -> binder::BoxFuture<'a, binder::Result<Option<String>>> {
    let _aidl_data = match self.build_parcel_mix(_arg_a, _arg_b, _arg_c, _arg_d, _arg_e, _arg_f, _arg_g, _arg_h) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#mix, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_mix(_arg_a, _arg_b, _arg_c, _arg_d, _arg_e, _arg_f, _arg_g, _arg_h, _aidl_reply)
      }
    )
  }
  fn r#swap<'a>(&'a self, _arg_p: &'a Point) -> binder::BoxFuture<'a, binder::Result<Point>> {
    let _aidl_data = match self.build_parcel_swap(_arg_p) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#swap, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_swap(_arg_p, _aidl_reply)
      }
    )
  }
  fn r#read_fd<'a>(&'a self, _arg_fd: &'a binder::ParcelFileDescriptor) -> binder::BoxFuture<'a, binder::Result<String>> {
    let _aidl_data = match self.build_parcel_read_fd(_arg_fd) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#read_fd, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_read_fd(_arg_fd, _aidl_reply)
      }
    )
  }
  fn r#same_binder<'a>(&'a self, _arg_b: &'a binder::SpIBinder) -> binder::BoxFuture<'a, binder::Result<binder::SpIBinder>> {
    let _aidl_data = match self.build_parcel_same_binder(_arg_b) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#same_binder, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_same_binder(_arg_b, _aidl_reply)
      }
    )
  }
  fn r#sibling<'a>(&'a self) -> binder::BoxFuture<'a, binder::Result<binder::Strong<dyn IEcho>>> {
    let _aidl_data = match self.build_parcel_sibling() {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#sibling, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_sibling(_aidl_reply)
      }
    )
  }
}
impl IEcho for binder::binder_impl::Binder<BnEcho> {
  fn r#echo(&self, _arg_s: &str) -> binder::Result<String> { self.0.r#echo(_arg_s) }
  fn r#notify(&self, _arg_v: i32) -> binder::Result<()> { self.0.r#notify(_arg_v) }
  fn r#last_notified(&self, _arg_want: i32) -> binder::Result<i32> { self.0.r#last_notified(_arg_want) }
  fn r#call_me_back(&self, _arg_cb: &binder::Strong<dyn ICallback>, _arg_v: i32) -> binder::Result<i32> { self.0.r#call_me_back(_arg_cb, _arg_v) }
  fn r#fail(&self, _arg_kind: i32) -> binder::Result<()> { self.0.r#fail(_arg_kind) }
  fn r#mix(&self, _arg_a: i64, _arg_b: u64, _arg_c: u32, _arg_d: f32, _arg_e: f64, _arg_f: bool, _arg_g: Option<&str>, _arg_h: &[u8]) -> binder::Result<Option<String>> { self.0.r#mix(_arg_a, _arg_b, _arg_c, _arg_d, _arg_e, _arg_f, _arg_g, _arg_h) }
  fn r#swap(&self, _arg_p: &Point) -> binder::Result<Point> { self.0.r#swap(_arg_p) }
  fn r#read_fd(&self, _arg_fd: &binder::ParcelFileDescriptor) -> binder::Result<String> { self.0.r#read_fd(_arg_fd) }
  fn r#same_binder(&self, _arg_b: &binder::SpIBinder) -> binder::Result<binder::SpIBinder> { self.0.r#same_binder(_arg_b) }
  fn r#sibling(&self) -> binder::Result<binder::Strong<dyn IEcho>> { self.0.r#sibling() }
  fn try_as_async_server(&self) -> Option<&(dyn IEchoAsyncServer + Send + Sync)> {
    self.0.try_as_async_server()
  }
}
fn on_transact(_aidl_service: &dyn IEcho, _aidl_code: binder::binder_impl::TransactionCode, _aidl_data: &binder::binder_impl::BorrowedParcel<'_>, _aidl_reply: &mut binder::binder_impl::BorrowedParcel<'_>) -> std::result::Result<(), binder::StatusCode> {
  match _aidl_code {
    transactions::r#echo => {
      let _arg_s: String = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#echo(&_arg_s);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#notify => {
      let _arg_v: i32 = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#notify(_arg_v);
      Ok(())
    }
    transactions::r#last_notified => {
      let _arg_want: i32 = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#last_notified(_arg_want);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#call_me_back => {
      let _arg_cb: binder::Strong<dyn ICallback> = _aidl_data.read()?;
      let _arg_v: i32 = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#call_me_back(&_arg_cb, _arg_v);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#fail => {
      let _arg_kind: i32 = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#fail(_arg_kind);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#mix => {
      let _arg_a: i64 = _aidl_data.read()?;
      let _arg_b: u64 = _aidl_data.read()?;
      let _arg_c: u32 = _aidl_data.read()?;
      let _arg_d: f32 = _aidl_data.read()?;
      let _arg_e: f64 = _aidl_data.read()?;
      let _arg_f: bool = _aidl_data.read()?;
      let _arg_g: Option<String> = _aidl_data.read()?;
      let _arg_h: Vec<u8> = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#mix(_arg_a, _arg_b, _arg_c, _arg_d, _arg_e, _arg_f, _arg_g.as_deref(), &_arg_h);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#swap => {
      let _arg_p: Point = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#swap(&_arg_p);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#read_fd => {
      let _arg_fd: binder::ParcelFileDescriptor = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#read_fd(&_arg_fd);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#same_binder => {
      let _arg_b: binder::SpIBinder = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#same_binder(&_arg_b);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#sibling => {
      let _aidl_return = _aidl_service.r#sibling();
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
