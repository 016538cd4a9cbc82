#![forbid(unsafe_code)]
#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(non_upper_case_globals, non_snake_case, dead_code, unused_imports, clippy::all)]
//! `interface IDemo` in the shape AOSP's AIDL Rust backend generates (by hand until binder-sim has an AIDL compiler).
use super::ICallback::ICallback;
#[allow(unused_imports)] use binder::binder_impl::IBinderInternal;
use binder::declare_binder_interface;
declare_binder_interface! {
  IDemo["binder.sim.demo.IDemo"] {
    native: BnDemo(on_transact),
    proxy: BpDemo {
    },
    async: IDemoAsync(try_into_local_async),
  }
}
pub trait IDemo: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "binder.sim.demo.IDemo" }
  fn r#echo(&self, _arg_s: &str) -> binder::Result<String>;
  fn r#note(&self, _arg_v: i32) -> binder::Result<()>;
  fn r#notes_after(&self, _arg_want: i32) -> binder::Result<String>;
  fn r#call_back(&self, _arg_cb: &binder::Strong<dyn ICallback>, _arg_v: i32) -> binder::Result<i32>;
  fn r#caller_pid(&self) -> binder::Result<i32>;
  fn r#caller_uid(&self) -> binder::Result<i32>;
  fn r#secret(&self) -> binder::Result<String>;
  fn getDefaultImpl() -> IDemoDefaultRef where Self: Sized {
    DEFAULT_IMPL.lock().unwrap().clone()
  }
  fn setDefaultImpl(d: IDemoDefaultRef) -> IDemoDefaultRef where Self: Sized {
    std::mem::replace(&mut *DEFAULT_IMPL.lock().unwrap(), d)
  }
  fn try_as_async_server<'a>(&'a self) -> Option<&'a (dyn IDemoAsyncServer + Send + Sync)> {
    None
  }
}
pub trait IDemoAsync<P>: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "binder.sim.demo.IDemo" }
  fn r#echo<'a>(&'a self, _arg_s: &'a str) -> binder::BoxFuture<'a, binder::Result<String>>;
  fn r#note(&self, _arg_v: i32) -> std::future::Ready<binder::Result<()>>;
  fn r#notes_after<'a>(&'a self, _arg_want: i32) -> binder::BoxFuture<'a, binder::Result<String>>;
  fn r#call_back<'a>(&'a self, _arg_cb: &'a binder::Strong<dyn ICallback>, _arg_v: i32) -> binder::BoxFuture<'a, binder::Result<i32>>;
  fn r#caller_pid<'a>(&'a self) -> binder::BoxFuture<'a, binder::Result<i32>>;
  fn r#caller_uid<'a>(&'a self) -> binder::BoxFuture<'a, binder::Result<i32>>;
  fn r#secret<'a>(&'a self) -> binder::BoxFuture<'a, binder::Result<String>>;
}
#[::async_trait::async_trait]
pub trait IDemoAsyncServer: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "binder.sim.demo.IDemo" }
  async fn r#echo(&self, _arg_s: &str) -> binder::Result<String>;
  async fn r#note(&self, _arg_v: i32) -> binder::Result<()>;
  async fn r#notes_after(&self, _arg_want: i32) -> binder::Result<String>;
  async fn r#call_back(&self, _arg_cb: &binder::Strong<dyn ICallback>, _arg_v: i32) -> binder::Result<i32>;
  async fn r#caller_pid(&self) -> binder::Result<i32>;
  async fn r#caller_uid(&self) -> binder::Result<i32>;
  async fn r#secret(&self) -> binder::Result<String>;
}
impl BnDemo {
  /// Create a new async binder service.
  pub fn new_async_binder<T, R>(inner: T, rt: R, features: binder::BinderFeatures) -> binder::Strong<dyn IDemo>
  where
    T: IDemoAsyncServer + binder::Interface + Send + Sync + 'static,
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
    impl<T, R> IDemo for Wrapper<T, R>
    where
      T: IDemoAsyncServer + Send + Sync + 'static,
      R: binder::binder_impl::BinderAsyncRuntime + Send + Sync + 'static,
    {
      fn r#echo(&self, _arg_s: &str) -> binder::Result<String> {
        self._rt.block_on(self._inner.r#echo(_arg_s))
      }
      fn r#note(&self, _arg_v: i32) -> binder::Result<()> {
        self._rt.block_on(self._inner.r#note(_arg_v))
      }
      fn r#notes_after(&self, _arg_want: i32) -> binder::Result<String> {
        self._rt.block_on(self._inner.r#notes_after(_arg_want))
      }
      fn r#call_back(&self, _arg_cb: &binder::Strong<dyn ICallback>, _arg_v: i32) -> binder::Result<i32> {
        self._rt.block_on(self._inner.r#call_back(_arg_cb, _arg_v))
      }
      fn r#caller_pid(&self) -> binder::Result<i32> {
        self._rt.block_on(self._inner.r#caller_pid())
      }
      fn r#caller_uid(&self) -> binder::Result<i32> {
        self._rt.block_on(self._inner.r#caller_uid())
      }
      fn r#secret(&self) -> binder::Result<String> {
        self._rt.block_on(self._inner.r#secret())
      }
      fn try_as_async_server(&self) -> Option<&(dyn IDemoAsyncServer + Send + Sync)> {
        Some(&self._inner)
      }
    }
    let wrapped = Wrapper { _inner: inner, _rt: rt };
    Self::new_binder(wrapped, features)
  }
  pub fn try_into_local_async<P: binder::BinderAsyncPool + 'static>(_native: binder::binder_impl::Binder<Self>) -> Option<binder::Strong<dyn IDemoAsync<P>>> {
    struct Wrapper {
      _native: binder::binder_impl::Binder<BnDemo>
    }
    impl binder::Interface for Wrapper {}
    impl<P: binder::BinderAsyncPool> IDemoAsync<P> for Wrapper {
      fn r#echo<'a>(&'a self, _arg_s: &'a str) -> binder::BoxFuture<'a, binder::Result<String>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#echo(_arg_s))
      }
      fn r#note(&self, _arg_v: i32) -> std::future::Ready<binder::Result<()>> {
        std::future::ready(self._native.r#note(_arg_v))
      }
      fn r#notes_after<'a>(&'a self, _arg_want: i32) -> binder::BoxFuture<'a, binder::Result<String>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#notes_after(_arg_want))
      }
      fn r#call_back<'a>(&'a self, _arg_cb: &'a binder::Strong<dyn ICallback>, _arg_v: i32) -> binder::BoxFuture<'a, binder::Result<i32>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#call_back(_arg_cb, _arg_v))
      }
      fn r#caller_pid<'a>(&'a self) -> binder::BoxFuture<'a, binder::Result<i32>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#caller_pid())
      }
      fn r#caller_uid<'a>(&'a self) -> binder::BoxFuture<'a, binder::Result<i32>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#caller_uid())
      }
      fn r#secret<'a>(&'a self) -> binder::BoxFuture<'a, binder::Result<String>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#secret())
      }
    }
    if _native.try_as_async_server().is_some() {
      Some(binder::Strong::new(Box::new(Wrapper { _native }) as Box<dyn IDemoAsync<P>>))
    } else {
      None
    }
  }
}
pub trait IDemoDefault: Send + Sync {
  fn r#echo(&self, _arg_s: &str) -> binder::Result<String> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#note(&self, _arg_v: i32) -> binder::Result<()> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#notes_after(&self, _arg_want: i32) -> binder::Result<String> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#call_back(&self, _arg_cb: &binder::Strong<dyn ICallback>, _arg_v: i32) -> binder::Result<i32> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#caller_pid(&self) -> binder::Result<i32> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#caller_uid(&self) -> binder::Result<i32> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#secret(&self) -> binder::Result<String> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
}
pub mod transactions {
  pub const r#echo: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 0;
  pub const r#note: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 1;
  pub const r#notes_after: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 2;
  pub const r#call_back: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 3;
  pub const r#caller_pid: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 4;
  pub const r#caller_uid: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 5;
  pub const r#secret: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 6;
}
pub type IDemoDefaultRef = Option<std::sync::Arc<dyn IDemoDefault>>;
static DEFAULT_IMPL: std::sync::Mutex<IDemoDefaultRef> = std::sync::Mutex::new(None);
impl BpDemo {
  fn build_parcel_echo(&self, _arg_s: &str) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_s)?;
    Ok(aidl_data)
  }
  fn read_response_echo(&self, _arg_s: &str, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<String> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IDemo>::getDefaultImpl() {
        return _aidl_default_impl.r#echo(_arg_s);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: String = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_note(&self, _arg_v: i32) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_v)?;
    Ok(aidl_data)
  }
  fn read_response_note(&self, _arg_v: i32, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<()> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IDemo>::getDefaultImpl() {
        return _aidl_default_impl.r#note(_arg_v);
      }
    }
    let _aidl_reply = _aidl_reply?;
    Ok(())
  }
  fn build_parcel_notes_after(&self, _arg_want: i32) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_want)?;
    Ok(aidl_data)
  }
  fn read_response_notes_after(&self, _arg_want: i32, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<String> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IDemo>::getDefaultImpl() {
        return _aidl_default_impl.r#notes_after(_arg_want);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: String = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_call_back(&self, _arg_cb: &binder::Strong<dyn ICallback>, _arg_v: i32) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_cb)?;
    aidl_data.write(&_arg_v)?;
    Ok(aidl_data)
  }
  fn read_response_call_back(&self, _arg_cb: &binder::Strong<dyn ICallback>, _arg_v: i32, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<i32> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IDemo>::getDefaultImpl() {
        return _aidl_default_impl.r#call_back(_arg_cb, _arg_v);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: i32 = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_caller_pid(&self) -> binder::Result<binder::binder_impl::Parcel> {
    let aidl_data = self.binder.prepare_transact()?;
    Ok(aidl_data)
  }
  fn read_response_caller_pid(&self, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<i32> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IDemo>::getDefaultImpl() {
        return _aidl_default_impl.r#caller_pid();
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: i32 = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_caller_uid(&self) -> binder::Result<binder::binder_impl::Parcel> {
    let aidl_data = self.binder.prepare_transact()?;
    Ok(aidl_data)
  }
  fn read_response_caller_uid(&self, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<i32> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IDemo>::getDefaultImpl() {
        return _aidl_default_impl.r#caller_uid();
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: i32 = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_secret(&self) -> binder::Result<binder::binder_impl::Parcel> {
    let aidl_data = self.binder.prepare_transact()?;
    Ok(aidl_data)
  }
  fn read_response_secret(&self, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<String> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IDemo>::getDefaultImpl() {
        return _aidl_default_impl.r#secret();
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: String = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
}
impl IDemo for BpDemo {
  fn r#echo(&self, _arg_s: &str) -> binder::Result<String> {
    let _aidl_data = self.build_parcel_echo(_arg_s)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#echo, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_echo(_arg_s, _aidl_reply)
  }
  fn r#note(&self, _arg_v: i32) -> binder::Result<()> {
    let _aidl_data = self.build_parcel_note(_arg_v)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#note, _aidl_data, binder::binder_impl::FLAG_ONEWAY | binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_note(_arg_v, _aidl_reply)
  }
  fn r#notes_after(&self, _arg_want: i32) -> binder::Result<String> {
    let _aidl_data = self.build_parcel_notes_after(_arg_want)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#notes_after, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_notes_after(_arg_want, _aidl_reply)
  }
  fn r#call_back(&self, _arg_cb: &binder::Strong<dyn ICallback>, _arg_v: i32) -> binder::Result<i32> {
    let _aidl_data = self.build_parcel_call_back(_arg_cb, _arg_v)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#call_back, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_call_back(_arg_cb, _arg_v, _aidl_reply)
  }
  fn r#caller_pid(&self) -> binder::Result<i32> {
    let _aidl_data = self.build_parcel_caller_pid()?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#caller_pid, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_caller_pid(_aidl_reply)
  }
  fn r#caller_uid(&self) -> binder::Result<i32> {
    let _aidl_data = self.build_parcel_caller_uid()?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#caller_uid, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_caller_uid(_aidl_reply)
  }
  fn r#secret(&self) -> binder::Result<String> {
    let _aidl_data = self.build_parcel_secret()?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#secret, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_secret(_aidl_reply)
  }
}
impl<P: binder::BinderAsyncPool> IDemoAsync<P> for BpDemo {
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
  fn r#note(&self, _arg_v: i32) -> std::future::Ready<binder::Result<()>> {
    let _aidl_data = match self.build_parcel_note(_arg_v) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return std::future::ready(Err(err)),
    };
    let _aidl_reply = self.binder.submit_transact(transactions::r#note, _aidl_data, binder::binder_impl::FLAG_ONEWAY | binder::binder_impl::FLAG_PRIVATE_LOCAL);
    std::future::ready(self.read_response_note(_arg_v, _aidl_reply))
  }
  fn r#notes_after<'a>(&'a self, _arg_want: i32) -> binder::BoxFuture<'a, binder::Result<String>> {
    let _aidl_data = match self.build_parcel_notes_after(_arg_want) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#notes_after, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_notes_after(_arg_want, _aidl_reply)
      }
    )
  }
  fn r#call_back<'a>(&'a self, _arg_cb: &'a binder::Strong<dyn ICallback>, _arg_v: i32) -> binder::BoxFuture<'a, binder::Result<i32>> {
    let _aidl_data = match self.build_parcel_call_back(_arg_cb, _arg_v) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#call_back, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_call_back(_arg_cb, _arg_v, _aidl_reply)
      }
    )
  }
  fn r#caller_pid<'a>(&'a self) -> binder::BoxFuture<'a, binder::Result<i32>> {
    let _aidl_data = match self.build_parcel_caller_pid() {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#caller_pid, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_caller_pid(_aidl_reply)
      }
    )
  }
  fn r#caller_uid<'a>(&'a self) -> binder::BoxFuture<'a, binder::Result<i32>> {
    let _aidl_data = match self.build_parcel_caller_uid() {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#caller_uid, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_caller_uid(_aidl_reply)
      }
    )
  }
  fn r#secret<'a>(&'a self) -> binder::BoxFuture<'a, binder::Result<String>> {
    let _aidl_data = match self.build_parcel_secret() {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#secret, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_secret(_aidl_reply)
      }
    )
  }
}
impl IDemo for binder::binder_impl::Binder<BnDemo> {
  fn r#echo(&self, _arg_s: &str) -> binder::Result<String> { self.0.r#echo(_arg_s) }
  fn r#note(&self, _arg_v: i32) -> binder::Result<()> { self.0.r#note(_arg_v) }
  fn r#notes_after(&self, _arg_want: i32) -> binder::Result<String> { self.0.r#notes_after(_arg_want) }
  fn r#call_back(&self, _arg_cb: &binder::Strong<dyn ICallback>, _arg_v: i32) -> binder::Result<i32> { self.0.r#call_back(_arg_cb, _arg_v) }
  fn r#caller_pid(&self) -> binder::Result<i32> { self.0.r#caller_pid() }
  fn r#caller_uid(&self) -> binder::Result<i32> { self.0.r#caller_uid() }
  fn r#secret(&self) -> binder::Result<String> { self.0.r#secret() }
  fn try_as_async_server(&self) -> Option<&(dyn IDemoAsyncServer + Send + Sync)> {
    self.0.try_as_async_server()
  }
}
fn on_transact(_aidl_service: &dyn IDemo, _aidl_code: binder::binder_impl::TransactionCode, _aidl_data: &binder::binder_impl::BorrowedParcel<'_>, _aidl_reply: &mut binder::binder_impl::BorrowedParcel<'_>) -> std::result::Result<(), binder::StatusCode> {
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
    transactions::r#note => {
      let _arg_v: i32 = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#note(_arg_v);
      Ok(())
    }
    transactions::r#notes_after => {
      let _arg_want: i32 = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#notes_after(_arg_want);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#call_back => {
      let _arg_cb: binder::Strong<dyn ICallback> = _aidl_data.read()?;
      let _arg_v: i32 = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#call_back(&_arg_cb, _arg_v);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#caller_pid => {
      let _aidl_return = _aidl_service.r#caller_pid();
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#caller_uid => {
      let _aidl_return = _aidl_service.r#caller_uid();
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#secret => {
      let _aidl_return = _aidl_service.r#secret();
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
