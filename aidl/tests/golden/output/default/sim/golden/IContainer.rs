/*
 * This file is auto-generated.  DO NOT MODIFY.
 * Using: binder-aidl --lang=rust -Itests/golden/input tests/golden/input/sim/golden/IContainer.aidl
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
  IContainer["sim.golden.IContainer"] {
    native: BnContainer(on_transact),
    proxy: BpContainer {
    },
    async: IContainerAsync(try_into_local_async),
  }
}
pub trait IContainer: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "sim.golden.IContainer" }
  fn r#get<'a, >(&'a self, _arg_status: crate::mangled::_3_sim_6_golden_10_IContainer_6_Status) -> binder::Result<crate::mangled::_3_sim_6_golden_10_IContainer_4_Item>;
  fn r#all<'a, >(&'a self) -> binder::Result<Vec<crate::mangled::_3_sim_6_golden_10_IContainer_4_Item>>;
  fn r#observe<'a, 'l1, >(&'a self, _arg_observer: &'l1 binder::Strong<dyn crate::mangled::_3_sim_6_golden_10_IContainer_9_IObserver>) -> binder::Result<()>;
  fn getDefaultImpl() -> IContainerDefaultRef where Self: Sized {
    DEFAULT_IMPL.lock().unwrap().clone()
  }
  fn setDefaultImpl(d: IContainerDefaultRef) -> IContainerDefaultRef where Self: Sized {
    std::mem::replace(&mut *DEFAULT_IMPL.lock().unwrap(), d)
  }
  fn try_as_async_server<'a>(&'a self) -> Option<&'a (dyn IContainerAsyncServer + Send + Sync)> {
    None
  }
}
pub trait IContainerAsync<P>: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "sim.golden.IContainer" }
  fn r#get<'a, >(&'a self, _arg_status: crate::mangled::_3_sim_6_golden_10_IContainer_6_Status) -> binder::BoxFuture<'a, binder::Result<crate::mangled::_3_sim_6_golden_10_IContainer_4_Item>>;
  fn r#all<'a, >(&'a self) -> binder::BoxFuture<'a, binder::Result<Vec<crate::mangled::_3_sim_6_golden_10_IContainer_4_Item>>>;
  fn r#observe<'a, >(&'a self, _arg_observer: &'a binder::Strong<dyn crate::mangled::_3_sim_6_golden_10_IContainer_9_IObserver>) -> binder::BoxFuture<'a, binder::Result<()>>;
}
#[::async_trait::async_trait]
pub trait IContainerAsyncServer: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "sim.golden.IContainer" }
  async fn r#get<'a, >(&'a self, _arg_status: crate::mangled::_3_sim_6_golden_10_IContainer_6_Status) -> binder::Result<crate::mangled::_3_sim_6_golden_10_IContainer_4_Item>;
  async fn r#all<'a, >(&'a self) -> binder::Result<Vec<crate::mangled::_3_sim_6_golden_10_IContainer_4_Item>>;
  async fn r#observe<'a, 'l1, >(&'a self, _arg_observer: &'l1 binder::Strong<dyn crate::mangled::_3_sim_6_golden_10_IContainer_9_IObserver>) -> binder::Result<()>;
}
impl BnContainer {
  /// Create a new async binder service.
  pub fn new_async_binder<T, R>(inner: T, rt: R, features: binder::BinderFeatures) -> binder::Strong<dyn IContainer>
  where
    T: IContainerAsyncServer + binder::Interface + Send + Sync + 'static,
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
    impl<T, R> IContainer for Wrapper<T, R>
    where
      T: IContainerAsyncServer + Send + Sync + 'static,
      R: binder::binder_impl::BinderAsyncRuntime + Send + Sync + 'static,
    {
      fn r#get<'a, >(&'a self, _arg_status: crate::mangled::_3_sim_6_golden_10_IContainer_6_Status) -> binder::Result<crate::mangled::_3_sim_6_golden_10_IContainer_4_Item> {
        self._rt.block_on(self._inner.r#get(_arg_status))
      }
      fn r#all<'a, >(&'a self) -> binder::Result<Vec<crate::mangled::_3_sim_6_golden_10_IContainer_4_Item>> {
        self._rt.block_on(self._inner.r#all())
      }
      fn r#observe<'a, 'l1, >(&'a self, _arg_observer: &'l1 binder::Strong<dyn crate::mangled::_3_sim_6_golden_10_IContainer_9_IObserver>) -> binder::Result<()> {
        self._rt.block_on(self._inner.r#observe(_arg_observer))
      }
      fn try_as_async_server(&self) -> Option<&(dyn IContainerAsyncServer + Send + Sync)> {
        Some(&self._inner)
      }
    }
    let wrapped = Wrapper { _inner: inner, _rt: rt };
    Self::new_binder(wrapped, features)
  }
  pub fn try_into_local_async<P: binder::BinderAsyncPool + 'static>(_native: binder::binder_impl::Binder<Self>) -> Option<binder::Strong<dyn IContainerAsync<P>>> {
    struct Wrapper {
      _native: binder::binder_impl::Binder<BnContainer>
    }
    impl binder::Interface for Wrapper {}
    impl<P: binder::BinderAsyncPool> IContainerAsync<P> for Wrapper {
      fn r#get<'a, >(&'a self, _arg_status: crate::mangled::_3_sim_6_golden_10_IContainer_6_Status) -> binder::BoxFuture<'a, binder::Result<crate::mangled::_3_sim_6_golden_10_IContainer_4_Item>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#get(_arg_status))
      }
      fn r#all<'a, >(&'a self) -> binder::BoxFuture<'a, binder::Result<Vec<crate::mangled::_3_sim_6_golden_10_IContainer_4_Item>>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#all())
      }
      fn r#observe<'a, >(&'a self, _arg_observer: &'a binder::Strong<dyn crate::mangled::_3_sim_6_golden_10_IContainer_9_IObserver>) -> binder::BoxFuture<'a, binder::Result<()>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#observe(_arg_observer))
      }
    }
    if _native.try_as_async_server().is_some() {
      Some(binder::Strong::new(Box::new(Wrapper { _native }) as Box<dyn IContainerAsync<P>>))
    } else {
      None
    }
  }
}
pub trait IContainerDefault: Send + Sync {
  fn r#get<'a, >(&'a self, _arg_status: crate::mangled::_3_sim_6_golden_10_IContainer_6_Status) -> binder::Result<crate::mangled::_3_sim_6_golden_10_IContainer_4_Item> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#all<'a, >(&'a self) -> binder::Result<Vec<crate::mangled::_3_sim_6_golden_10_IContainer_4_Item>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#observe<'a, 'l1, >(&'a self, _arg_observer: &'l1 binder::Strong<dyn crate::mangled::_3_sim_6_golden_10_IContainer_9_IObserver>) -> binder::Result<()> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
}
pub mod transactions {
  pub const r#get: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 0;
  pub const r#all: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 1;
  pub const r#observe: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 2;
}
pub type IContainerDefaultRef = Option<std::sync::Arc<dyn IContainerDefault>>;
static DEFAULT_IMPL: std::sync::Mutex<IContainerDefaultRef> = std::sync::Mutex::new(None);
pub const r#DEFAULT_STATUS: i32 = 4;
impl BpContainer {
  fn build_parcel_get(&self, _arg_status: crate::mangled::_3_sim_6_golden_10_IContainer_6_Status) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_status)?;
    Ok(aidl_data)
  }
  fn read_response_get(&self, _arg_status: crate::mangled::_3_sim_6_golden_10_IContainer_6_Status, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<crate::mangled::_3_sim_6_golden_10_IContainer_4_Item> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IContainer>::getDefaultImpl() {
        return _aidl_default_impl.r#get(_arg_status);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: crate::mangled::_3_sim_6_golden_10_IContainer_4_Item = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_all(&self) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    Ok(aidl_data)
  }
  fn read_response_all(&self, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Vec<crate::mangled::_3_sim_6_golden_10_IContainer_4_Item>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IContainer>::getDefaultImpl() {
        return _aidl_default_impl.r#all();
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Vec<crate::mangled::_3_sim_6_golden_10_IContainer_4_Item> = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_observe(&self, _arg_observer: &binder::Strong<dyn crate::mangled::_3_sim_6_golden_10_IContainer_9_IObserver>) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_observer)?;
    Ok(aidl_data)
  }
  fn read_response_observe(&self, _arg_observer: &binder::Strong<dyn crate::mangled::_3_sim_6_golden_10_IContainer_9_IObserver>, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<()> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IContainer>::getDefaultImpl() {
        return _aidl_default_impl.r#observe(_arg_observer);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    Ok(())
  }
}
impl IContainer for BpContainer {
  fn r#get<'a, >(&'a self, _arg_status: crate::mangled::_3_sim_6_golden_10_IContainer_6_Status) -> binder::Result<crate::mangled::_3_sim_6_golden_10_IContainer_4_Item> {
    let _aidl_data = self.build_parcel_get(_arg_status)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#get, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_get(_arg_status, _aidl_reply)
  }
  fn r#all<'a, >(&'a self) -> binder::Result<Vec<crate::mangled::_3_sim_6_golden_10_IContainer_4_Item>> {
    let _aidl_data = self.build_parcel_all()?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#all, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_all(_aidl_reply)
  }
  fn r#observe<'a, 'l1, >(&'a self, _arg_observer: &'l1 binder::Strong<dyn crate::mangled::_3_sim_6_golden_10_IContainer_9_IObserver>) -> binder::Result<()> {
    let _aidl_data = self.build_parcel_observe(_arg_observer)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#observe, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_observe(_arg_observer, _aidl_reply)
  }
}
impl<P: binder::BinderAsyncPool> IContainerAsync<P> for BpContainer {
  fn r#get<'a, >(&'a self, _arg_status: crate::mangled::_3_sim_6_golden_10_IContainer_6_Status) -> binder::BoxFuture<'a, binder::Result<crate::mangled::_3_sim_6_golden_10_IContainer_4_Item>> {
    let _aidl_data = match self.build_parcel_get(_arg_status) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#get, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_get(_arg_status, _aidl_reply)
      }
    )
  }
  fn r#all<'a, >(&'a self) -> binder::BoxFuture<'a, binder::Result<Vec<crate::mangled::_3_sim_6_golden_10_IContainer_4_Item>>> {
    let _aidl_data = match self.build_parcel_all() {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#all, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_all(_aidl_reply)
      }
    )
  }
  fn r#observe<'a, >(&'a self, _arg_observer: &'a binder::Strong<dyn crate::mangled::_3_sim_6_golden_10_IContainer_9_IObserver>) -> binder::BoxFuture<'a, binder::Result<()>> {
    let _aidl_data = match self.build_parcel_observe(_arg_observer) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#observe, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_observe(_arg_observer, _aidl_reply)
      }
    )
  }
}
impl IContainer for binder::binder_impl::Binder<BnContainer> {
  fn r#get<'a, >(&'a self, _arg_status: crate::mangled::_3_sim_6_golden_10_IContainer_6_Status) -> binder::Result<crate::mangled::_3_sim_6_golden_10_IContainer_4_Item> { self.0.r#get(_arg_status) }
  fn r#all<'a, >(&'a self) -> binder::Result<Vec<crate::mangled::_3_sim_6_golden_10_IContainer_4_Item>> { self.0.r#all() }
  fn r#observe<'a, 'l1, >(&'a self, _arg_observer: &'l1 binder::Strong<dyn crate::mangled::_3_sim_6_golden_10_IContainer_9_IObserver>) -> binder::Result<()> { self.0.r#observe(_arg_observer) }
}
fn on_transact(_aidl_service: &dyn IContainer, _aidl_code: binder::binder_impl::TransactionCode, _aidl_data: &binder::binder_impl::BorrowedParcel<'_>, _aidl_reply: &mut binder::binder_impl::BorrowedParcel<'_>) -> std::result::Result<(), binder::StatusCode> {
  match _aidl_code {
    transactions::r#get => {
      let _arg_status: crate::mangled::_3_sim_6_golden_10_IContainer_6_Status = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#get(_arg_status);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#all => {
      let _aidl_return = _aidl_service.r#all();
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#observe => {
      let _arg_observer: binder::Strong<dyn crate::mangled::_3_sim_6_golden_10_IContainer_9_IObserver> = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#observe(&_arg_observer);
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
pub mod r#Status {
  #![allow(non_upper_case_globals)]
  use binder::declare_binder_enum;
  declare_binder_enum! {
    #[repr(C, align(1))]
    r#Status : [i8; 3] {
      r#IDLE = 0,
      r#READY = 4,
      r#DONE = 5,
    }
  }
}
pub mod r#Item {
  #[derive(Debug)]
  pub struct r#Item {
    pub r#status: crate::mangled::_3_sim_6_golden_10_IContainer_6_Status,
    pub r#label: Option<String>,
  }
  impl Default for r#Item {
    fn default() -> Self {
      Self {
        r#status: crate::mangled::_3_sim_6_golden_10_IContainer_6_Status::READY,
        r#label: Default::default(),
      }
    }
  }
  impl binder::Parcelable for r#Item {
    fn write_to_parcel(&self, parcel: &mut binder::binder_impl::BorrowedParcel) -> std::result::Result<(), binder::StatusCode> {
      parcel.sized_write(|subparcel| {
        subparcel.write(&self.r#status)?;
        subparcel.write(&self.r#label)?;
        Ok(())
      })
    }
    fn read_from_parcel(&mut self, parcel: &binder::binder_impl::BorrowedParcel) -> std::result::Result<(), binder::StatusCode> {
      parcel.sized_read(|subparcel| {
        if subparcel.has_more_data() {
          self.r#status = subparcel.read()?;
        }
        if subparcel.has_more_data() {
          self.r#label = subparcel.read()?;
        }
        Ok(())
      })
    }
  }
  binder::impl_serialize_for_parcelable!(r#Item);
  binder::impl_deserialize_for_parcelable!(r#Item);
  impl binder::binder_impl::ParcelableMetadata for r#Item {
    fn get_descriptor() -> &'static str { "sim.golden.IContainer.Item" }
  }
}
pub mod r#IObserver {
  #![allow(non_upper_case_globals)]
  #![allow(non_snake_case)]
  #[allow(unused_imports)] use binder::binder_impl::IBinderInternal;
  #[cfg(any(android_vndk, not(android_ndk)))]
  const FLAG_PRIVATE_LOCAL: binder::binder_impl::TransactionFlags = binder::binder_impl::FLAG_PRIVATE_LOCAL;
  #[cfg(not(any(android_vndk, not(android_ndk))))]
  const FLAG_PRIVATE_LOCAL: binder::binder_impl::TransactionFlags = 0;
  use binder::declare_binder_interface;
  declare_binder_interface! {
    IObserver["sim.golden.IContainer.IObserver"] {
      native: BnObserver(on_transact),
      proxy: BpObserver {
      },
      async: IObserverAsync(try_into_local_async),
    }
  }
  pub trait IObserver: binder::Interface + Send {
    fn get_descriptor() -> &'static str where Self: Sized { "sim.golden.IContainer.IObserver" }
    fn r#onItem<'a, 'l1, >(&'a self, _arg_item: &'l1 crate::mangled::_3_sim_6_golden_10_IContainer_4_Item) -> binder::Result<()>;
    fn getDefaultImpl() -> IObserverDefaultRef where Self: Sized {
      DEFAULT_IMPL.lock().unwrap().clone()
    }
    fn setDefaultImpl(d: IObserverDefaultRef) -> IObserverDefaultRef where Self: Sized {
      std::mem::replace(&mut *DEFAULT_IMPL.lock().unwrap(), d)
    }
    fn try_as_async_server<'a>(&'a self) -> Option<&'a (dyn IObserverAsyncServer + Send + Sync)> {
      None
    }
  }
  pub trait IObserverAsync<P>: binder::Interface + Send {
    fn get_descriptor() -> &'static str where Self: Sized { "sim.golden.IContainer.IObserver" }
    fn r#onItem<'a, >(&'a self, _arg_item: &'a crate::mangled::_3_sim_6_golden_10_IContainer_4_Item) -> binder::BoxFuture<'a, binder::Result<()>>;
  }
  #[::async_trait::async_trait]
  pub trait IObserverAsyncServer: binder::Interface + Send {
    fn get_descriptor() -> &'static str where Self: Sized { "sim.golden.IContainer.IObserver" }
    async fn r#onItem<'a, 'l1, >(&'a self, _arg_item: &'l1 crate::mangled::_3_sim_6_golden_10_IContainer_4_Item) -> binder::Result<()>;
  }
  impl BnObserver {
    /// Create a new async binder service.
    pub fn new_async_binder<T, R>(inner: T, rt: R, features: binder::BinderFeatures) -> binder::Strong<dyn IObserver>
    where
      T: IObserverAsyncServer + binder::Interface + Send + Sync + 'static,
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
      impl<T, R> IObserver for Wrapper<T, R>
      where
        T: IObserverAsyncServer + Send + Sync + 'static,
        R: binder::binder_impl::BinderAsyncRuntime + Send + Sync + 'static,
      {
        fn r#onItem<'a, 'l1, >(&'a self, _arg_item: &'l1 crate::mangled::_3_sim_6_golden_10_IContainer_4_Item) -> binder::Result<()> {
          self._rt.block_on(self._inner.r#onItem(_arg_item))
        }
        fn try_as_async_server(&self) -> Option<&(dyn IObserverAsyncServer + Send + Sync)> {
          Some(&self._inner)
        }
      }
      let wrapped = Wrapper { _inner: inner, _rt: rt };
      Self::new_binder(wrapped, features)
    }
    pub fn try_into_local_async<P: binder::BinderAsyncPool + 'static>(_native: binder::binder_impl::Binder<Self>) -> Option<binder::Strong<dyn IObserverAsync<P>>> {
      struct Wrapper {
        _native: binder::binder_impl::Binder<BnObserver>
      }
      impl binder::Interface for Wrapper {}
      impl<P: binder::BinderAsyncPool> IObserverAsync<P> for Wrapper {
        fn r#onItem<'a, >(&'a self, _arg_item: &'a crate::mangled::_3_sim_6_golden_10_IContainer_4_Item) -> binder::BoxFuture<'a, binder::Result<()>> {
          Box::pin(self._native.try_as_async_server().unwrap().r#onItem(_arg_item))
        }
      }
      if _native.try_as_async_server().is_some() {
        Some(binder::Strong::new(Box::new(Wrapper { _native }) as Box<dyn IObserverAsync<P>>))
      } else {
        None
      }
    }
  }
  pub trait IObserverDefault: Send + Sync {
    fn r#onItem<'a, 'l1, >(&'a self, _arg_item: &'l1 crate::mangled::_3_sim_6_golden_10_IContainer_4_Item) -> binder::Result<()> {
      Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
    }
  }
  pub mod transactions {
    pub const r#onItem: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 0;
  }
  pub type IObserverDefaultRef = Option<std::sync::Arc<dyn IObserverDefault>>;
  static DEFAULT_IMPL: std::sync::Mutex<IObserverDefaultRef> = std::sync::Mutex::new(None);
  impl BpObserver {
    fn build_parcel_onItem(&self, _arg_item: &crate::mangled::_3_sim_6_golden_10_IContainer_4_Item) -> binder::Result<binder::binder_impl::Parcel> {
      let mut aidl_data = self.binder.prepare_transact()?;
      aidl_data.write(_arg_item)?;
      Ok(aidl_data)
    }
    fn read_response_onItem(&self, _arg_item: &crate::mangled::_3_sim_6_golden_10_IContainer_4_Item, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<()> {
      if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
        if let Some(_aidl_default_impl) = <Self as IObserver>::getDefaultImpl() {
          return _aidl_default_impl.r#onItem(_arg_item);
        }
      }
      let _aidl_reply = _aidl_reply?;
      Ok(())
    }
  }
  impl IObserver for BpObserver {
    fn r#onItem<'a, 'l1, >(&'a self, _arg_item: &'l1 crate::mangled::_3_sim_6_golden_10_IContainer_4_Item) -> binder::Result<()> {
      let _aidl_data = self.build_parcel_onItem(_arg_item)?;
      let _aidl_reply = self.binder.submit_transact(transactions::r#onItem, _aidl_data, binder::binder_impl::FLAG_ONEWAY | FLAG_PRIVATE_LOCAL);
      self.read_response_onItem(_arg_item, _aidl_reply)
    }
  }
  impl<P: binder::BinderAsyncPool> IObserverAsync<P> for BpObserver {
    fn r#onItem<'a, >(&'a self, _arg_item: &'a crate::mangled::_3_sim_6_golden_10_IContainer_4_Item) -> binder::BoxFuture<'a, binder::Result<()>> {
      let _aidl_data = match self.build_parcel_onItem(_arg_item) {
        Ok(_aidl_data) => _aidl_data,
        Err(err) => return Box::pin(std::future::ready(Err(err))),
      };
      let binder = self.binder.clone();
      P::spawn(
        move || binder.submit_transact(transactions::r#onItem, _aidl_data, binder::binder_impl::FLAG_ONEWAY | FLAG_PRIVATE_LOCAL),
        move |_aidl_reply| async move {
          self.read_response_onItem(_arg_item, _aidl_reply)
        }
      )
    }
  }
  impl IObserver for binder::binder_impl::Binder<BnObserver> {
    fn r#onItem<'a, 'l1, >(&'a self, _arg_item: &'l1 crate::mangled::_3_sim_6_golden_10_IContainer_4_Item) -> binder::Result<()> { self.0.r#onItem(_arg_item) }
  }
  fn on_transact(_aidl_service: &dyn IObserver, _aidl_code: binder::binder_impl::TransactionCode, _aidl_data: &binder::binder_impl::BorrowedParcel<'_>, _aidl_reply: &mut binder::binder_impl::BorrowedParcel<'_>) -> std::result::Result<(), binder::StatusCode> {
    match _aidl_code {
      transactions::r#onItem => {
        let _arg_item: crate::mangled::_3_sim_6_golden_10_IContainer_4_Item = _aidl_data.read()?;
        let _aidl_return = _aidl_service.r#onItem(&_arg_item);
        Ok(())
      }
      _ => Err(binder::StatusCode::UNKNOWN_TRANSACTION)
    }
  }
}
pub(crate) mod mangled {
 pub use super::r#IContainer as _3_sim_6_golden_10_IContainer;
 pub use super::r#Status::r#Status as _3_sim_6_golden_10_IContainer_6_Status;
 pub use super::r#Item::r#Item as _3_sim_6_golden_10_IContainer_4_Item;
 pub use super::r#IObserver::r#IObserver as _3_sim_6_golden_10_IContainer_9_IObserver;
}
