/*
 * This file is auto-generated.  DO NOT MODIFY.
 * Using: binder-aidl --lang=rust -Itests/golden/input tests/golden/input/sim/golden/Outer.aidl
 *
 * DO NOT CHECK THIS FILE INTO A CODE TREE (e.g. git, etc..).
 * ALWAYS GENERATE THIS FILE FROM UPDATED AIDL COMPILER
 * AS A BUILD INTERMEDIATE ONLY. THIS IS NOT SOURCE CODE.
 */
#![forbid(unsafe_code)]
#![cfg_attr(rustfmt, rustfmt_skip)]
#[derive(Debug)]
pub struct r#Outer {
  pub r#inner: crate::mangled::_3_sim_6_golden_5_Outer_5_Inner,
  pub r#inners: Vec<crate::mangled::_3_sim_6_golden_5_Outer_5_Inner>,
  pub r#choice: crate::mangled::_3_sim_6_golden_5_Outer_6_Either,
  pub r#watcher: Option<binder::Strong<dyn crate::mangled::_3_sim_6_golden_5_Outer_8_IWatcher>>,
}
impl Default for r#Outer {
  fn default() -> Self {
    Self {
      r#inner: Default::default(),
      r#inners: Default::default(),
      r#choice: Default::default(),
      r#watcher: Default::default(),
    }
  }
}
impl binder::Parcelable for r#Outer {
  fn write_to_parcel(&self, parcel: &mut binder::binder_impl::BorrowedParcel) -> std::result::Result<(), binder::StatusCode> {
    parcel.sized_write(|subparcel| {
      subparcel.write(&self.r#inner)?;
      subparcel.write(&self.r#inners)?;
      subparcel.write(&self.r#choice)?;
      subparcel.write(&self.r#watcher)?;
      Ok(())
    })
  }
  fn read_from_parcel(&mut self, parcel: &binder::binder_impl::BorrowedParcel) -> std::result::Result<(), binder::StatusCode> {
    parcel.sized_read(|subparcel| {
      if subparcel.has_more_data() {
        self.r#inner = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#inners = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#choice = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#watcher = subparcel.read()?;
      }
      Ok(())
    })
  }
}
binder::impl_serialize_for_parcelable!(r#Outer);
binder::impl_deserialize_for_parcelable!(r#Outer);
impl binder::binder_impl::ParcelableMetadata for r#Outer {
  fn get_descriptor() -> &'static str { "sim.golden.Outer" }
}
pub mod r#Level {
  #![allow(non_upper_case_globals)]
  use binder::declare_binder_enum;
  declare_binder_enum! {
    #[repr(C, align(1))]
    r#Level : [i8; 2] {
      r#LOW = 0,
      r#HIGH = 1,
    }
  }
}
pub mod r#Inner {
  #[derive(Debug)]
  pub struct r#Inner {
    pub r#level: crate::mangled::_3_sim_6_golden_5_Outer_5_Level,
    pub r#count: i32,
  }
  pub const r#LIMIT: i32 = 3;
  impl Default for r#Inner {
    fn default() -> Self {
      Self {
        r#level: crate::mangled::_3_sim_6_golden_5_Outer_5_Level::HIGH,
        r#count: 3,
      }
    }
  }
  impl binder::Parcelable for r#Inner {
    fn write_to_parcel(&self, parcel: &mut binder::binder_impl::BorrowedParcel) -> std::result::Result<(), binder::StatusCode> {
      parcel.sized_write(|subparcel| {
        subparcel.write(&self.r#level)?;
        subparcel.write(&self.r#count)?;
        Ok(())
      })
    }
    fn read_from_parcel(&mut self, parcel: &binder::binder_impl::BorrowedParcel) -> std::result::Result<(), binder::StatusCode> {
      parcel.sized_read(|subparcel| {
        if subparcel.has_more_data() {
          self.r#level = subparcel.read()?;
        }
        if subparcel.has_more_data() {
          self.r#count = subparcel.read()?;
        }
        Ok(())
      })
    }
  }
  binder::impl_serialize_for_parcelable!(r#Inner);
  binder::impl_deserialize_for_parcelable!(r#Inner);
  impl binder::binder_impl::ParcelableMetadata for r#Inner {
    fn get_descriptor() -> &'static str { "sim.golden.Outer.Inner" }
  }
}
pub mod r#Either {
  #[derive(Debug)]
  pub enum r#Either {
    Inner(crate::mangled::_3_sim_6_golden_5_Outer_5_Inner),
    Level(crate::mangled::_3_sim_6_golden_5_Outer_5_Level),
  }
  impl Default for r#Either {
    fn default() -> Self {
      Self::Inner(Default::default())
    }
  }
  impl binder::Parcelable for r#Either {
    fn write_to_parcel(&self, parcel: &mut binder::binder_impl::BorrowedParcel) -> std::result::Result<(), binder::StatusCode> {
      match self {
        Self::Inner(v) => {
          parcel.write(&0i32)?;
          parcel.write(v)
        }
        Self::Level(v) => {
          parcel.write(&1i32)?;
          parcel.write(v)
        }
      }
    }
    fn read_from_parcel(&mut self, parcel: &binder::binder_impl::BorrowedParcel) -> std::result::Result<(), binder::StatusCode> {
      let tag: i32 = parcel.read()?;
      match tag {
        0 => {
          let value: crate::mangled::_3_sim_6_golden_5_Outer_5_Inner = parcel.read()?;
          *self = Self::Inner(value);
          Ok(())
        }
        1 => {
          let value: crate::mangled::_3_sim_6_golden_5_Outer_5_Level = parcel.read()?;
          *self = Self::Level(value);
          Ok(())
        }
        _ => {
          Err(binder::StatusCode::BAD_VALUE)
        }
      }
    }
  }
  binder::impl_serialize_for_parcelable!(r#Either);
  binder::impl_deserialize_for_parcelable!(r#Either);
  impl binder::binder_impl::ParcelableMetadata for r#Either {
    fn get_descriptor() -> &'static str { "sim.golden.Outer.Either" }
  }
  pub mod r#Tag {
    #![allow(non_upper_case_globals)]
    use binder::declare_binder_enum;
    declare_binder_enum! {
      #[repr(C, align(4))]
      r#Tag : [i32; 2] {
        r#inner = 0,
        r#level = 1,
      }
    }
  }
}
pub mod r#IWatcher {
  #![allow(non_upper_case_globals)]
  #![allow(non_snake_case)]
  #[allow(unused_imports)] use binder::binder_impl::IBinderInternal;
  #[cfg(any(android_vndk, not(android_ndk)))]
  const FLAG_PRIVATE_LOCAL: binder::binder_impl::TransactionFlags = binder::binder_impl::FLAG_PRIVATE_LOCAL;
  #[cfg(not(any(android_vndk, not(android_ndk))))]
  const FLAG_PRIVATE_LOCAL: binder::binder_impl::TransactionFlags = 0;
  use binder::declare_binder_interface;
  declare_binder_interface! {
    IWatcher["sim.golden.Outer.IWatcher"] {
      native: BnWatcher(on_transact),
      proxy: BpWatcher {
      },
      async: IWatcherAsync(try_into_local_async),
    }
  }
  pub trait IWatcher: binder::Interface + Send {
    fn get_descriptor() -> &'static str where Self: Sized { "sim.golden.Outer.IWatcher" }
    fn r#onChange<'a, 'l1, >(&'a self, _arg_inner: &'l1 crate::mangled::_3_sim_6_golden_5_Outer_5_Inner, _arg_level: crate::mangled::_3_sim_6_golden_5_Outer_5_Level) -> binder::Result<()>;
    fn r#either<'a, >(&'a self) -> binder::Result<crate::mangled::_3_sim_6_golden_5_Outer_6_Either>;
    fn getDefaultImpl() -> IWatcherDefaultRef where Self: Sized {
      DEFAULT_IMPL.lock().unwrap().clone()
    }
    fn setDefaultImpl(d: IWatcherDefaultRef) -> IWatcherDefaultRef where Self: Sized {
      std::mem::replace(&mut *DEFAULT_IMPL.lock().unwrap(), d)
    }
    fn try_as_async_server<'a>(&'a self) -> Option<&'a (dyn IWatcherAsyncServer + Send + Sync)> {
      None
    }
  }
  pub trait IWatcherAsync<P>: binder::Interface + Send {
    fn get_descriptor() -> &'static str where Self: Sized { "sim.golden.Outer.IWatcher" }
    fn r#onChange<'a, >(&'a self, _arg_inner: &'a crate::mangled::_3_sim_6_golden_5_Outer_5_Inner, _arg_level: crate::mangled::_3_sim_6_golden_5_Outer_5_Level) -> binder::BoxFuture<'a, binder::Result<()>>;
    fn r#either<'a, >(&'a self) -> binder::BoxFuture<'a, binder::Result<crate::mangled::_3_sim_6_golden_5_Outer_6_Either>>;
  }
  #[::async_trait::async_trait]
  pub trait IWatcherAsyncServer: binder::Interface + Send {
    fn get_descriptor() -> &'static str where Self: Sized { "sim.golden.Outer.IWatcher" }
    async fn r#onChange<'a, 'l1, >(&'a self, _arg_inner: &'l1 crate::mangled::_3_sim_6_golden_5_Outer_5_Inner, _arg_level: crate::mangled::_3_sim_6_golden_5_Outer_5_Level) -> binder::Result<()>;
    async fn r#either<'a, >(&'a self) -> binder::Result<crate::mangled::_3_sim_6_golden_5_Outer_6_Either>;
  }
  impl BnWatcher {
    /// Create a new async binder service.
    pub fn new_async_binder<T, R>(inner: T, rt: R, features: binder::BinderFeatures) -> binder::Strong<dyn IWatcher>
    where
      T: IWatcherAsyncServer + binder::Interface + Send + Sync + 'static,
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
      impl<T, R> IWatcher for Wrapper<T, R>
      where
        T: IWatcherAsyncServer + Send + Sync + 'static,
        R: binder::binder_impl::BinderAsyncRuntime + Send + Sync + 'static,
      {
        fn r#onChange<'a, 'l1, >(&'a self, _arg_inner: &'l1 crate::mangled::_3_sim_6_golden_5_Outer_5_Inner, _arg_level: crate::mangled::_3_sim_6_golden_5_Outer_5_Level) -> binder::Result<()> {
          self._rt.block_on(self._inner.r#onChange(_arg_inner, _arg_level))
        }
        fn r#either<'a, >(&'a self) -> binder::Result<crate::mangled::_3_sim_6_golden_5_Outer_6_Either> {
          self._rt.block_on(self._inner.r#either())
        }
        fn try_as_async_server(&self) -> Option<&(dyn IWatcherAsyncServer + Send + Sync)> {
          Some(&self._inner)
        }
      }
      let wrapped = Wrapper { _inner: inner, _rt: rt };
      Self::new_binder(wrapped, features)
    }
    pub fn try_into_local_async<P: binder::BinderAsyncPool + 'static>(_native: binder::binder_impl::Binder<Self>) -> Option<binder::Strong<dyn IWatcherAsync<P>>> {
      struct Wrapper {
        _native: binder::binder_impl::Binder<BnWatcher>
      }
      impl binder::Interface for Wrapper {}
      impl<P: binder::BinderAsyncPool> IWatcherAsync<P> for Wrapper {
        fn r#onChange<'a, >(&'a self, _arg_inner: &'a crate::mangled::_3_sim_6_golden_5_Outer_5_Inner, _arg_level: crate::mangled::_3_sim_6_golden_5_Outer_5_Level) -> binder::BoxFuture<'a, binder::Result<()>> {
          Box::pin(self._native.try_as_async_server().unwrap().r#onChange(_arg_inner, _arg_level))
        }
        fn r#either<'a, >(&'a self) -> binder::BoxFuture<'a, binder::Result<crate::mangled::_3_sim_6_golden_5_Outer_6_Either>> {
          Box::pin(self._native.try_as_async_server().unwrap().r#either())
        }
      }
      if _native.try_as_async_server().is_some() {
        Some(binder::Strong::new(Box::new(Wrapper { _native }) as Box<dyn IWatcherAsync<P>>))
      } else {
        None
      }
    }
  }
  pub trait IWatcherDefault: Send + Sync {
    fn r#onChange<'a, 'l1, >(&'a self, _arg_inner: &'l1 crate::mangled::_3_sim_6_golden_5_Outer_5_Inner, _arg_level: crate::mangled::_3_sim_6_golden_5_Outer_5_Level) -> binder::Result<()> {
      Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
    }
    fn r#either<'a, >(&'a self) -> binder::Result<crate::mangled::_3_sim_6_golden_5_Outer_6_Either> {
      Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
    }
  }
  pub mod transactions {
    pub const r#onChange: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 0;
    pub const r#either: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 1;
  }
  pub type IWatcherDefaultRef = Option<std::sync::Arc<dyn IWatcherDefault>>;
  static DEFAULT_IMPL: std::sync::Mutex<IWatcherDefaultRef> = std::sync::Mutex::new(None);
  impl BpWatcher {
    fn build_parcel_onChange(&self, _arg_inner: &crate::mangled::_3_sim_6_golden_5_Outer_5_Inner, _arg_level: crate::mangled::_3_sim_6_golden_5_Outer_5_Level) -> binder::Result<binder::binder_impl::Parcel> {
      let mut aidl_data = self.binder.prepare_transact()?;
      aidl_data.write(_arg_inner)?;
      aidl_data.write(&_arg_level)?;
      Ok(aidl_data)
    }
    fn read_response_onChange(&self, _arg_inner: &crate::mangled::_3_sim_6_golden_5_Outer_5_Inner, _arg_level: crate::mangled::_3_sim_6_golden_5_Outer_5_Level, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<()> {
      if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
        if let Some(_aidl_default_impl) = <Self as IWatcher>::getDefaultImpl() {
          return _aidl_default_impl.r#onChange(_arg_inner, _arg_level);
        }
      }
      let _aidl_reply = _aidl_reply?;
      let _aidl_status: binder::Status = _aidl_reply.read()?;
      if !_aidl_status.is_ok() { return Err(_aidl_status); }
      Ok(())
    }
    fn build_parcel_either(&self) -> binder::Result<binder::binder_impl::Parcel> {
      let mut aidl_data = self.binder.prepare_transact()?;
      Ok(aidl_data)
    }
    fn read_response_either(&self, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<crate::mangled::_3_sim_6_golden_5_Outer_6_Either> {
      if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
        if let Some(_aidl_default_impl) = <Self as IWatcher>::getDefaultImpl() {
          return _aidl_default_impl.r#either();
        }
      }
      let _aidl_reply = _aidl_reply?;
      let _aidl_status: binder::Status = _aidl_reply.read()?;
      if !_aidl_status.is_ok() { return Err(_aidl_status); }
      let _aidl_return: crate::mangled::_3_sim_6_golden_5_Outer_6_Either = _aidl_reply.read()?;
      Ok(_aidl_return)
    }
  }
  impl IWatcher for BpWatcher {
    fn r#onChange<'a, 'l1, >(&'a self, _arg_inner: &'l1 crate::mangled::_3_sim_6_golden_5_Outer_5_Inner, _arg_level: crate::mangled::_3_sim_6_golden_5_Outer_5_Level) -> binder::Result<()> {
      let _aidl_data = self.build_parcel_onChange(_arg_inner, _arg_level)?;
      let _aidl_reply = self.binder.submit_transact(transactions::r#onChange, _aidl_data, FLAG_PRIVATE_LOCAL);
      self.read_response_onChange(_arg_inner, _arg_level, _aidl_reply)
    }
    fn r#either<'a, >(&'a self) -> binder::Result<crate::mangled::_3_sim_6_golden_5_Outer_6_Either> {
      let _aidl_data = self.build_parcel_either()?;
      let _aidl_reply = self.binder.submit_transact(transactions::r#either, _aidl_data, FLAG_PRIVATE_LOCAL);
      self.read_response_either(_aidl_reply)
    }
  }
  impl<P: binder::BinderAsyncPool> IWatcherAsync<P> for BpWatcher {
    fn r#onChange<'a, >(&'a self, _arg_inner: &'a crate::mangled::_3_sim_6_golden_5_Outer_5_Inner, _arg_level: crate::mangled::_3_sim_6_golden_5_Outer_5_Level) -> binder::BoxFuture<'a, binder::Result<()>> {
      let _aidl_data = match self.build_parcel_onChange(_arg_inner, _arg_level) {
        Ok(_aidl_data) => _aidl_data,
        Err(err) => return Box::pin(std::future::ready(Err(err))),
      };
      let binder = self.binder.clone();
      P::spawn(
        move || binder.submit_transact(transactions::r#onChange, _aidl_data, FLAG_PRIVATE_LOCAL),
        move |_aidl_reply| async move {
          self.read_response_onChange(_arg_inner, _arg_level, _aidl_reply)
        }
      )
    }
    fn r#either<'a, >(&'a self) -> binder::BoxFuture<'a, binder::Result<crate::mangled::_3_sim_6_golden_5_Outer_6_Either>> {
      let _aidl_data = match self.build_parcel_either() {
        Ok(_aidl_data) => _aidl_data,
        Err(err) => return Box::pin(std::future::ready(Err(err))),
      };
      let binder = self.binder.clone();
      P::spawn(
        move || binder.submit_transact(transactions::r#either, _aidl_data, FLAG_PRIVATE_LOCAL),
        move |_aidl_reply| async move {
          self.read_response_either(_aidl_reply)
        }
      )
    }
  }
  impl IWatcher for binder::binder_impl::Binder<BnWatcher> {
    fn r#onChange<'a, 'l1, >(&'a self, _arg_inner: &'l1 crate::mangled::_3_sim_6_golden_5_Outer_5_Inner, _arg_level: crate::mangled::_3_sim_6_golden_5_Outer_5_Level) -> binder::Result<()> { self.0.r#onChange(_arg_inner, _arg_level) }
    fn r#either<'a, >(&'a self) -> binder::Result<crate::mangled::_3_sim_6_golden_5_Outer_6_Either> { self.0.r#either() }
  }
  fn on_transact(_aidl_service: &dyn IWatcher, _aidl_code: binder::binder_impl::TransactionCode, _aidl_data: &binder::binder_impl::BorrowedParcel<'_>, _aidl_reply: &mut binder::binder_impl::BorrowedParcel<'_>) -> std::result::Result<(), binder::StatusCode> {
    match _aidl_code {
      transactions::r#onChange => {
        let _arg_inner: crate::mangled::_3_sim_6_golden_5_Outer_5_Inner = _aidl_data.read()?;
        let _arg_level: crate::mangled::_3_sim_6_golden_5_Outer_5_Level = _aidl_data.read()?;
        let _aidl_return = _aidl_service.r#onChange(&_arg_inner, _arg_level);
        match &_aidl_return {
          Ok(_aidl_return) => {
            _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          }
          Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
        }
        Ok(())
      }
      transactions::r#either => {
        let _aidl_return = _aidl_service.r#either();
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
}
pub(crate) mod mangled {
 pub use super::r#Outer as _3_sim_6_golden_5_Outer;
 pub use super::r#Level::r#Level as _3_sim_6_golden_5_Outer_5_Level;
 pub use super::r#Inner::r#Inner as _3_sim_6_golden_5_Outer_5_Inner;
 pub use super::r#Either::r#Either as _3_sim_6_golden_5_Outer_6_Either;
 pub use super::r#Either::r#Tag::r#Tag as _3_sim_6_golden_5_Outer_6_Either_3_Tag;
 pub use super::r#IWatcher::r#IWatcher as _3_sim_6_golden_5_Outer_8_IWatcher;
}
