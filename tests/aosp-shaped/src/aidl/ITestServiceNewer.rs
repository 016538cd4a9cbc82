#![forbid(unsafe_code)]
#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(non_upper_case_globals, non_snake_case, dead_code, unused_imports, clippy::all)]
//! A newer `ITestService` (version 4, one more method), as a client built against it sees the service.
use crate::aidl::ByteEnum::ByteEnum;
use crate::aidl::StructuredParcelable::StructuredParcelable;
use crate::aidl::Union::Union;
use crate::aidl::ICallback::ICallback;
#[allow(unused_imports)] use binder::binder_impl::IBinderInternal;
use binder::declare_binder_interface;
declare_binder_interface! {
  ITestServiceNewer["binder.sim.aosp.ITestService"] {
    native: BnTestServiceNewer(on_transact),
    proxy: BpTestServiceNewer {
      cached_version: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(-1),
      cached_hash: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None)
    },
  }
}
pub trait ITestServiceNewer: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "binder.sim.aosp.ITestService" }
  fn r#RepeatInt(&self, _arg_token: i32) -> binder::Result<i32>;
  fn r#RepeatLong(&self, _arg_token: i64) -> binder::Result<i64>;
  fn r#RepeatByte(&self, _arg_token: i8) -> binder::Result<i8>;
  fn r#RepeatBoolean(&self, _arg_token: bool) -> binder::Result<bool>;
  fn r#RepeatChar(&self, _arg_token: u16) -> binder::Result<u16>;
  fn r#RepeatFloat(&self, _arg_token: f32) -> binder::Result<f32>;
  fn r#RepeatDouble(&self, _arg_token: f64) -> binder::Result<f64>;
  fn r#RepeatString(&self, _arg_token: &str) -> binder::Result<String>;
  fn r#RepeatUtf8CppString(&self, _arg_token: &str) -> binder::Result<String>;
  fn r#RepeatNullableString(&self, _arg_token: Option<&str>) -> binder::Result<Option<String>>;
  fn r#RepeatByteEnum(&self, _arg_token: ByteEnum) -> binder::Result<ByteEnum>;
  fn r#ReverseInt(&self, _arg_input: &[i32], _arg_repeated: &mut Vec<i32>) -> binder::Result<Vec<i32>>;
  fn r#ReverseString(&self, _arg_input: &[String], _arg_repeated: &mut Vec<String>) -> binder::Result<Vec<String>>;
  fn r#ReverseByteEnum(&self, _arg_input: &[ByteEnum], _arg_repeated: &mut Vec<ByteEnum>) -> binder::Result<Vec<ByteEnum>>;
  fn r#ReverseByte(&self, _arg_input: &[u8], _arg_repeated: &mut Vec<u8>) -> binder::Result<Vec<u8>>;
  fn r#DoubleInPlace(&self, _arg_values: &mut Vec<i32>) -> binder::Result<()>;
  fn r#FillOutStructuredParcelable(&self, _arg_parcel: &mut StructuredParcelable) -> binder::Result<()>;
  fn r#GetDefaultStructured(&self, _arg_parcel: &mut StructuredParcelable) -> binder::Result<()>;
  fn r#RepeatStructured(&self, _arg_parcel: &StructuredParcelable) -> binder::Result<StructuredParcelable>;
  fn r#RepeatNullableStructured(&self, _arg_parcel: Option<&StructuredParcelable>) -> binder::Result<Option<StructuredParcelable>>;
  fn r#RepeatStructuredArray(&self, _arg_parcels: &[StructuredParcelable]) -> binder::Result<Vec<StructuredParcelable>>;
  fn r#RepeatUnion(&self, _arg_u: &Union) -> binder::Result<Union>;
  fn r#RepeatFixedArray(&self, _arg_values: &[i32; 3]) -> binder::Result<[i32; 3]>;
  fn r#RepeatBinder(&self, _arg_b: &binder::SpIBinder) -> binder::Result<binder::SpIBinder>;
  fn r#RepeatNullableBinder(&self, _arg_b: Option<&binder::SpIBinder>) -> binder::Result<Option<binder::SpIBinder>>;
  fn r#CallBack(&self, _arg_cb: &binder::Strong<dyn ICallback>, _arg_v: i32) -> binder::Result<i32>;
  fn r#DescribeThrough(&self, _arg_cb: &binder::Strong<dyn ICallback>, _arg_prefix: &str) -> binder::Result<String>;
  fn r#RepeatCallback(&self, _arg_cb: &binder::Strong<dyn ICallback>) -> binder::Result<binder::Strong<dyn ICallback>>;
  fn r#RepeatPfd(&self, _arg_fd: &binder::ParcelFileDescriptor) -> binder::Result<binder::ParcelFileDescriptor>;
  fn r#ReadPfd(&self, _arg_fd: &binder::ParcelFileDescriptor) -> binder::Result<String>;
  fn r#ThrowServiceException(&self, _arg_code: i32) -> binder::Result<()>;
  fn r#ReturnUnexpectedNull(&self) -> binder::Result<()>;
  fn r#Notify(&self, _arg_value: i32) -> binder::Result<()>;
  fn r#WaitNotified(&self, _arg_want: i32) -> binder::Result<i32>;
  fn r#GetCallingUid(&self) -> binder::Result<i32>;
  fn r#GetCallingPid(&self) -> binder::Result<i32>;
  fn r#NewMethodThatServerLacks(&self, _arg_v: i32) -> binder::Result<i32>;
  fn r#getInterfaceVersion(&self) -> binder::Result<i32> { Ok(VERSION) }
  fn r#getInterfaceHash(&self) -> binder::Result<String> { Ok(HASH.into()) }
  fn getDefaultImpl() -> ITestServiceNewerDefaultRef where Self: Sized {
    DEFAULT_IMPL.lock().unwrap().clone()
  }
  fn setDefaultImpl(d: ITestServiceNewerDefaultRef) -> ITestServiceNewerDefaultRef where Self: Sized {
    std::mem::replace(&mut *DEFAULT_IMPL.lock().unwrap(), d)
  }
}
pub trait ITestServiceNewerDefault: Send + Sync {
  fn r#RepeatInt(&self, _arg_token: i32) -> binder::Result<i32> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#RepeatLong(&self, _arg_token: i64) -> binder::Result<i64> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#RepeatByte(&self, _arg_token: i8) -> binder::Result<i8> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#RepeatBoolean(&self, _arg_token: bool) -> binder::Result<bool> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#RepeatChar(&self, _arg_token: u16) -> binder::Result<u16> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#RepeatFloat(&self, _arg_token: f32) -> binder::Result<f32> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#RepeatDouble(&self, _arg_token: f64) -> binder::Result<f64> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#RepeatString(&self, _arg_token: &str) -> binder::Result<String> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#RepeatUtf8CppString(&self, _arg_token: &str) -> binder::Result<String> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#RepeatNullableString(&self, _arg_token: Option<&str>) -> binder::Result<Option<String>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#RepeatByteEnum(&self, _arg_token: ByteEnum) -> binder::Result<ByteEnum> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#ReverseInt(&self, _arg_input: &[i32], _arg_repeated: &mut Vec<i32>) -> binder::Result<Vec<i32>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#ReverseString(&self, _arg_input: &[String], _arg_repeated: &mut Vec<String>) -> binder::Result<Vec<String>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#ReverseByteEnum(&self, _arg_input: &[ByteEnum], _arg_repeated: &mut Vec<ByteEnum>) -> binder::Result<Vec<ByteEnum>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#ReverseByte(&self, _arg_input: &[u8], _arg_repeated: &mut Vec<u8>) -> binder::Result<Vec<u8>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#DoubleInPlace(&self, _arg_values: &mut Vec<i32>) -> binder::Result<()> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#FillOutStructuredParcelable(&self, _arg_parcel: &mut StructuredParcelable) -> binder::Result<()> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#GetDefaultStructured(&self, _arg_parcel: &mut StructuredParcelable) -> binder::Result<()> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#RepeatStructured(&self, _arg_parcel: &StructuredParcelable) -> binder::Result<StructuredParcelable> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#RepeatNullableStructured(&self, _arg_parcel: Option<&StructuredParcelable>) -> binder::Result<Option<StructuredParcelable>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#RepeatStructuredArray(&self, _arg_parcels: &[StructuredParcelable]) -> binder::Result<Vec<StructuredParcelable>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#RepeatUnion(&self, _arg_u: &Union) -> binder::Result<Union> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#RepeatFixedArray(&self, _arg_values: &[i32; 3]) -> binder::Result<[i32; 3]> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#RepeatBinder(&self, _arg_b: &binder::SpIBinder) -> binder::Result<binder::SpIBinder> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#RepeatNullableBinder(&self, _arg_b: Option<&binder::SpIBinder>) -> binder::Result<Option<binder::SpIBinder>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#CallBack(&self, _arg_cb: &binder::Strong<dyn ICallback>, _arg_v: i32) -> binder::Result<i32> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#DescribeThrough(&self, _arg_cb: &binder::Strong<dyn ICallback>, _arg_prefix: &str) -> binder::Result<String> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#RepeatCallback(&self, _arg_cb: &binder::Strong<dyn ICallback>) -> binder::Result<binder::Strong<dyn ICallback>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#RepeatPfd(&self, _arg_fd: &binder::ParcelFileDescriptor) -> binder::Result<binder::ParcelFileDescriptor> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#ReadPfd(&self, _arg_fd: &binder::ParcelFileDescriptor) -> binder::Result<String> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#ThrowServiceException(&self, _arg_code: i32) -> binder::Result<()> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#ReturnUnexpectedNull(&self) -> binder::Result<()> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#Notify(&self, _arg_value: i32) -> binder::Result<()> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#WaitNotified(&self, _arg_want: i32) -> binder::Result<i32> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#GetCallingUid(&self) -> binder::Result<i32> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#GetCallingPid(&self) -> binder::Result<i32> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#NewMethodThatServerLacks(&self, _arg_v: i32) -> binder::Result<i32> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
}
pub mod transactions {
  pub const r#RepeatInt: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 0;
  pub const r#RepeatLong: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 1;
  pub const r#RepeatByte: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 2;
  pub const r#RepeatBoolean: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 3;
  pub const r#RepeatChar: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 4;
  pub const r#RepeatFloat: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 5;
  pub const r#RepeatDouble: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 6;
  pub const r#RepeatString: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 7;
  pub const r#RepeatUtf8CppString: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 8;
  pub const r#RepeatNullableString: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 9;
  pub const r#RepeatByteEnum: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 10;
  pub const r#ReverseInt: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 11;
  pub const r#ReverseString: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 12;
  pub const r#ReverseByteEnum: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 13;
  pub const r#ReverseByte: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 14;
  pub const r#DoubleInPlace: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 15;
  pub const r#FillOutStructuredParcelable: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 16;
  pub const r#GetDefaultStructured: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 17;
  pub const r#RepeatStructured: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 18;
  pub const r#RepeatNullableStructured: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 19;
  pub const r#RepeatStructuredArray: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 20;
  pub const r#RepeatUnion: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 21;
  pub const r#RepeatFixedArray: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 22;
  pub const r#RepeatBinder: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 23;
  pub const r#RepeatNullableBinder: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 24;
  pub const r#CallBack: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 25;
  pub const r#DescribeThrough: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 26;
  pub const r#RepeatCallback: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 27;
  pub const r#RepeatPfd: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 28;
  pub const r#ReadPfd: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 29;
  pub const r#ThrowServiceException: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 30;
  pub const r#ReturnUnexpectedNull: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 31;
  pub const r#Notify: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 32;
  pub const r#WaitNotified: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 33;
  pub const r#GetCallingUid: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 34;
  pub const r#GetCallingPid: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 35;
  pub const r#NewMethodThatServerLacks: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 36;
  pub const r#getInterfaceVersion: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 16777214;
  pub const r#getInterfaceHash: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 16777213;
}
pub type ITestServiceNewerDefaultRef = Option<std::sync::Arc<dyn ITestServiceNewerDefault>>;
static DEFAULT_IMPL: std::sync::Mutex<ITestServiceNewerDefaultRef> = std::sync::Mutex::new(None);
pub const VERSION: i32 = 4;
pub const HASH: &str = "0000000000000000000000000000000000000004";
impl BpTestServiceNewer {
  fn build_parcel_RepeatInt(&self, _arg_token: i32) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_token)?;
    Ok(aidl_data)
  }
  fn read_response_RepeatInt(&self, _arg_token: i32, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<i32> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#RepeatInt(_arg_token);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: i32 = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_RepeatLong(&self, _arg_token: i64) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_token)?;
    Ok(aidl_data)
  }
  fn read_response_RepeatLong(&self, _arg_token: i64, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<i64> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#RepeatLong(_arg_token);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: i64 = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_RepeatByte(&self, _arg_token: i8) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_token)?;
    Ok(aidl_data)
  }
  fn read_response_RepeatByte(&self, _arg_token: i8, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<i8> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#RepeatByte(_arg_token);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: i8 = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_RepeatBoolean(&self, _arg_token: bool) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_token)?;
    Ok(aidl_data)
  }
  fn read_response_RepeatBoolean(&self, _arg_token: bool, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<bool> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#RepeatBoolean(_arg_token);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: bool = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_RepeatChar(&self, _arg_token: u16) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_token)?;
    Ok(aidl_data)
  }
  fn read_response_RepeatChar(&self, _arg_token: u16, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<u16> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#RepeatChar(_arg_token);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: u16 = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_RepeatFloat(&self, _arg_token: f32) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_token)?;
    Ok(aidl_data)
  }
  fn read_response_RepeatFloat(&self, _arg_token: f32, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<f32> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#RepeatFloat(_arg_token);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: f32 = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_RepeatDouble(&self, _arg_token: f64) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_token)?;
    Ok(aidl_data)
  }
  fn read_response_RepeatDouble(&self, _arg_token: f64, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<f64> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#RepeatDouble(_arg_token);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: f64 = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_RepeatString(&self, _arg_token: &str) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_token)?;
    Ok(aidl_data)
  }
  fn read_response_RepeatString(&self, _arg_token: &str, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<String> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#RepeatString(_arg_token);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: String = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_RepeatUtf8CppString(&self, _arg_token: &str) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_token)?;
    Ok(aidl_data)
  }
  fn read_response_RepeatUtf8CppString(&self, _arg_token: &str, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<String> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#RepeatUtf8CppString(_arg_token);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: String = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_RepeatNullableString(&self, _arg_token: Option<&str>) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_token)?;
    Ok(aidl_data)
  }
  fn read_response_RepeatNullableString(&self, _arg_token: Option<&str>, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Option<String>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#RepeatNullableString(_arg_token);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Option<String> = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_RepeatByteEnum(&self, _arg_token: ByteEnum) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_token)?;
    Ok(aidl_data)
  }
  fn read_response_RepeatByteEnum(&self, _arg_token: ByteEnum, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<ByteEnum> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#RepeatByteEnum(_arg_token);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: ByteEnum = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_ReverseInt(&self, _arg_input: &[i32], _arg_repeated: &mut Vec<i32>) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_input)?;
    aidl_data.write_slice_size(Some(_arg_repeated))?;
    Ok(aidl_data)
  }
  fn read_response_ReverseInt(&self, _arg_input: &[i32], _arg_repeated: &mut Vec<i32>, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Vec<i32>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#ReverseInt(_arg_input, _arg_repeated);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Vec<i32> = _aidl_reply.read()?;
    _aidl_reply.read_onto(_arg_repeated)?;
    Ok(_aidl_return)
  }
  fn build_parcel_ReverseString(&self, _arg_input: &[String], _arg_repeated: &mut Vec<String>) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_input)?;
    aidl_data.write_slice_size(Some(_arg_repeated))?;
    Ok(aidl_data)
  }
  fn read_response_ReverseString(&self, _arg_input: &[String], _arg_repeated: &mut Vec<String>, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Vec<String>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#ReverseString(_arg_input, _arg_repeated);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Vec<String> = _aidl_reply.read()?;
    _aidl_reply.read_onto(_arg_repeated)?;
    Ok(_aidl_return)
  }
  fn build_parcel_ReverseByteEnum(&self, _arg_input: &[ByteEnum], _arg_repeated: &mut Vec<ByteEnum>) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_input)?;
    aidl_data.write_slice_size(Some(_arg_repeated))?;
    Ok(aidl_data)
  }
  fn read_response_ReverseByteEnum(&self, _arg_input: &[ByteEnum], _arg_repeated: &mut Vec<ByteEnum>, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Vec<ByteEnum>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#ReverseByteEnum(_arg_input, _arg_repeated);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Vec<ByteEnum> = _aidl_reply.read()?;
    _aidl_reply.read_onto(_arg_repeated)?;
    Ok(_aidl_return)
  }
  fn build_parcel_ReverseByte(&self, _arg_input: &[u8], _arg_repeated: &mut Vec<u8>) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_input)?;
    aidl_data.write_slice_size(Some(_arg_repeated))?;
    Ok(aidl_data)
  }
  fn read_response_ReverseByte(&self, _arg_input: &[u8], _arg_repeated: &mut Vec<u8>, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Vec<u8>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#ReverseByte(_arg_input, _arg_repeated);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Vec<u8> = _aidl_reply.read()?;
    _aidl_reply.read_onto(_arg_repeated)?;
    Ok(_aidl_return)
  }
  fn build_parcel_DoubleInPlace(&self, _arg_values: &mut Vec<i32>) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_values)?;
    Ok(aidl_data)
  }
  fn read_response_DoubleInPlace(&self, _arg_values: &mut Vec<i32>, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<()> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#DoubleInPlace(_arg_values);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    _aidl_reply.read_onto(_arg_values)?;
    Ok(())
  }
  fn build_parcel_FillOutStructuredParcelable(&self, _arg_parcel: &mut StructuredParcelable) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_parcel)?;
    Ok(aidl_data)
  }
  fn read_response_FillOutStructuredParcelable(&self, _arg_parcel: &mut StructuredParcelable, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<()> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#FillOutStructuredParcelable(_arg_parcel);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    _aidl_reply.read_onto(_arg_parcel)?;
    Ok(())
  }
  fn build_parcel_GetDefaultStructured(&self, _arg_parcel: &mut StructuredParcelable) -> binder::Result<binder::binder_impl::Parcel> {
    let aidl_data = self.binder.prepare_transact()?;
    Ok(aidl_data)
  }
  fn read_response_GetDefaultStructured(&self, _arg_parcel: &mut StructuredParcelable, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<()> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#GetDefaultStructured(_arg_parcel);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    _aidl_reply.read_onto(_arg_parcel)?;
    Ok(())
  }
  fn build_parcel_RepeatStructured(&self, _arg_parcel: &StructuredParcelable) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_parcel)?;
    Ok(aidl_data)
  }
  fn read_response_RepeatStructured(&self, _arg_parcel: &StructuredParcelable, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<StructuredParcelable> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#RepeatStructured(_arg_parcel);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: StructuredParcelable = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_RepeatNullableStructured(&self, _arg_parcel: Option<&StructuredParcelable>) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_parcel)?;
    Ok(aidl_data)
  }
  fn read_response_RepeatNullableStructured(&self, _arg_parcel: Option<&StructuredParcelable>, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Option<StructuredParcelable>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#RepeatNullableStructured(_arg_parcel);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Option<StructuredParcelable> = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_RepeatStructuredArray(&self, _arg_parcels: &[StructuredParcelable]) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_parcels)?;
    Ok(aidl_data)
  }
  fn read_response_RepeatStructuredArray(&self, _arg_parcels: &[StructuredParcelable], _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Vec<StructuredParcelable>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#RepeatStructuredArray(_arg_parcels);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Vec<StructuredParcelable> = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_RepeatUnion(&self, _arg_u: &Union) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_u)?;
    Ok(aidl_data)
  }
  fn read_response_RepeatUnion(&self, _arg_u: &Union, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Union> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#RepeatUnion(_arg_u);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Union = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_RepeatFixedArray(&self, _arg_values: &[i32; 3]) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_values)?;
    Ok(aidl_data)
  }
  fn read_response_RepeatFixedArray(&self, _arg_values: &[i32; 3], _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<[i32; 3]> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#RepeatFixedArray(_arg_values);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: [i32; 3] = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_RepeatBinder(&self, _arg_b: &binder::SpIBinder) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_b)?;
    Ok(aidl_data)
  }
  fn read_response_RepeatBinder(&self, _arg_b: &binder::SpIBinder, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<binder::SpIBinder> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#RepeatBinder(_arg_b);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: binder::SpIBinder = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_RepeatNullableBinder(&self, _arg_b: Option<&binder::SpIBinder>) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_b)?;
    Ok(aidl_data)
  }
  fn read_response_RepeatNullableBinder(&self, _arg_b: Option<&binder::SpIBinder>, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Option<binder::SpIBinder>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#RepeatNullableBinder(_arg_b);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Option<binder::SpIBinder> = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_CallBack(&self, _arg_cb: &binder::Strong<dyn ICallback>, _arg_v: i32) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_cb)?;
    aidl_data.write(&_arg_v)?;
    Ok(aidl_data)
  }
  fn read_response_CallBack(&self, _arg_cb: &binder::Strong<dyn ICallback>, _arg_v: i32, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<i32> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#CallBack(_arg_cb, _arg_v);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: i32 = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_DescribeThrough(&self, _arg_cb: &binder::Strong<dyn ICallback>, _arg_prefix: &str) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_cb)?;
    aidl_data.write(_arg_prefix)?;
    Ok(aidl_data)
  }
  fn read_response_DescribeThrough(&self, _arg_cb: &binder::Strong<dyn ICallback>, _arg_prefix: &str, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<String> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#DescribeThrough(_arg_cb, _arg_prefix);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: String = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_RepeatCallback(&self, _arg_cb: &binder::Strong<dyn ICallback>) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_cb)?;
    Ok(aidl_data)
  }
  fn read_response_RepeatCallback(&self, _arg_cb: &binder::Strong<dyn ICallback>, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<binder::Strong<dyn ICallback>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#RepeatCallback(_arg_cb);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: binder::Strong<dyn ICallback> = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_RepeatPfd(&self, _arg_fd: &binder::ParcelFileDescriptor) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_fd)?;
    Ok(aidl_data)
  }
  fn read_response_RepeatPfd(&self, _arg_fd: &binder::ParcelFileDescriptor, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<binder::ParcelFileDescriptor> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#RepeatPfd(_arg_fd);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: binder::ParcelFileDescriptor = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_ReadPfd(&self, _arg_fd: &binder::ParcelFileDescriptor) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_fd)?;
    Ok(aidl_data)
  }
  fn read_response_ReadPfd(&self, _arg_fd: &binder::ParcelFileDescriptor, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<String> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#ReadPfd(_arg_fd);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: String = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_ThrowServiceException(&self, _arg_code: i32) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_code)?;
    Ok(aidl_data)
  }
  fn read_response_ThrowServiceException(&self, _arg_code: i32, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<()> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#ThrowServiceException(_arg_code);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    Ok(())
  }
  fn build_parcel_ReturnUnexpectedNull(&self) -> binder::Result<binder::binder_impl::Parcel> {
    let aidl_data = self.binder.prepare_transact()?;
    Ok(aidl_data)
  }
  fn read_response_ReturnUnexpectedNull(&self, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<()> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#ReturnUnexpectedNull();
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    Ok(())
  }
  fn build_parcel_Notify(&self, _arg_value: i32) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_value)?;
    Ok(aidl_data)
  }
  fn read_response_Notify(&self, _arg_value: i32, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<()> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#Notify(_arg_value);
      }
    }
    let _aidl_reply = _aidl_reply?;
    Ok(())
  }
  fn build_parcel_WaitNotified(&self, _arg_want: i32) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_want)?;
    Ok(aidl_data)
  }
  fn read_response_WaitNotified(&self, _arg_want: i32, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<i32> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#WaitNotified(_arg_want);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: i32 = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_GetCallingUid(&self) -> binder::Result<binder::binder_impl::Parcel> {
    let aidl_data = self.binder.prepare_transact()?;
    Ok(aidl_data)
  }
  fn read_response_GetCallingUid(&self, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<i32> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#GetCallingUid();
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: i32 = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_GetCallingPid(&self) -> binder::Result<binder::binder_impl::Parcel> {
    let aidl_data = self.binder.prepare_transact()?;
    Ok(aidl_data)
  }
  fn read_response_GetCallingPid(&self, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<i32> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#GetCallingPid();
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: i32 = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_NewMethodThatServerLacks(&self, _arg_v: i32) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_v)?;
    Ok(aidl_data)
  }
  fn read_response_NewMethodThatServerLacks(&self, _arg_v: i32, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<i32> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as ITestServiceNewer>::getDefaultImpl() {
        return _aidl_default_impl.r#NewMethodThatServerLacks(_arg_v);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: i32 = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_getInterfaceVersion(&self) -> binder::Result<binder::binder_impl::Parcel> {
    let aidl_data = self.binder.prepare_transact()?;
    Ok(aidl_data)
  }
  fn read_response_getInterfaceVersion(&self, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<i32> {
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: i32 = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_getInterfaceHash(&self) -> binder::Result<binder::binder_impl::Parcel> {
    let aidl_data = self.binder.prepare_transact()?;
    Ok(aidl_data)
  }
  fn read_response_getInterfaceHash(&self, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<String> {
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: String = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
}
impl ITestServiceNewer for BpTestServiceNewer {
  fn r#RepeatInt(&self, _arg_token: i32) -> binder::Result<i32> {
    let _aidl_data = self.build_parcel_RepeatInt(_arg_token)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#RepeatInt, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_RepeatInt(_arg_token, _aidl_reply)
  }
  fn r#RepeatLong(&self, _arg_token: i64) -> binder::Result<i64> {
    let _aidl_data = self.build_parcel_RepeatLong(_arg_token)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#RepeatLong, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_RepeatLong(_arg_token, _aidl_reply)
  }
  fn r#RepeatByte(&self, _arg_token: i8) -> binder::Result<i8> {
    let _aidl_data = self.build_parcel_RepeatByte(_arg_token)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#RepeatByte, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_RepeatByte(_arg_token, _aidl_reply)
  }
  fn r#RepeatBoolean(&self, _arg_token: bool) -> binder::Result<bool> {
    let _aidl_data = self.build_parcel_RepeatBoolean(_arg_token)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#RepeatBoolean, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_RepeatBoolean(_arg_token, _aidl_reply)
  }
  fn r#RepeatChar(&self, _arg_token: u16) -> binder::Result<u16> {
    let _aidl_data = self.build_parcel_RepeatChar(_arg_token)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#RepeatChar, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_RepeatChar(_arg_token, _aidl_reply)
  }
  fn r#RepeatFloat(&self, _arg_token: f32) -> binder::Result<f32> {
    let _aidl_data = self.build_parcel_RepeatFloat(_arg_token)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#RepeatFloat, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_RepeatFloat(_arg_token, _aidl_reply)
  }
  fn r#RepeatDouble(&self, _arg_token: f64) -> binder::Result<f64> {
    let _aidl_data = self.build_parcel_RepeatDouble(_arg_token)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#RepeatDouble, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_RepeatDouble(_arg_token, _aidl_reply)
  }
  fn r#RepeatString(&self, _arg_token: &str) -> binder::Result<String> {
    let _aidl_data = self.build_parcel_RepeatString(_arg_token)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#RepeatString, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_RepeatString(_arg_token, _aidl_reply)
  }
  fn r#RepeatUtf8CppString(&self, _arg_token: &str) -> binder::Result<String> {
    let _aidl_data = self.build_parcel_RepeatUtf8CppString(_arg_token)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#RepeatUtf8CppString, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_RepeatUtf8CppString(_arg_token, _aidl_reply)
  }
  fn r#RepeatNullableString(&self, _arg_token: Option<&str>) -> binder::Result<Option<String>> {
    let _aidl_data = self.build_parcel_RepeatNullableString(_arg_token)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#RepeatNullableString, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_RepeatNullableString(_arg_token, _aidl_reply)
  }
  fn r#RepeatByteEnum(&self, _arg_token: ByteEnum) -> binder::Result<ByteEnum> {
    let _aidl_data = self.build_parcel_RepeatByteEnum(_arg_token)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#RepeatByteEnum, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_RepeatByteEnum(_arg_token, _aidl_reply)
  }
  fn r#ReverseInt(&self, _arg_input: &[i32], _arg_repeated: &mut Vec<i32>) -> binder::Result<Vec<i32>> {
    let _aidl_data = self.build_parcel_ReverseInt(_arg_input, _arg_repeated)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#ReverseInt, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_ReverseInt(_arg_input, _arg_repeated, _aidl_reply)
  }
  fn r#ReverseString(&self, _arg_input: &[String], _arg_repeated: &mut Vec<String>) -> binder::Result<Vec<String>> {
    let _aidl_data = self.build_parcel_ReverseString(_arg_input, _arg_repeated)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#ReverseString, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_ReverseString(_arg_input, _arg_repeated, _aidl_reply)
  }
  fn r#ReverseByteEnum(&self, _arg_input: &[ByteEnum], _arg_repeated: &mut Vec<ByteEnum>) -> binder::Result<Vec<ByteEnum>> {
    let _aidl_data = self.build_parcel_ReverseByteEnum(_arg_input, _arg_repeated)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#ReverseByteEnum, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_ReverseByteEnum(_arg_input, _arg_repeated, _aidl_reply)
  }
  fn r#ReverseByte(&self, _arg_input: &[u8], _arg_repeated: &mut Vec<u8>) -> binder::Result<Vec<u8>> {
    let _aidl_data = self.build_parcel_ReverseByte(_arg_input, _arg_repeated)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#ReverseByte, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_ReverseByte(_arg_input, _arg_repeated, _aidl_reply)
  }
  fn r#DoubleInPlace(&self, _arg_values: &mut Vec<i32>) -> binder::Result<()> {
    let _aidl_data = self.build_parcel_DoubleInPlace(_arg_values)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#DoubleInPlace, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_DoubleInPlace(_arg_values, _aidl_reply)
  }
  fn r#FillOutStructuredParcelable(&self, _arg_parcel: &mut StructuredParcelable) -> binder::Result<()> {
    let _aidl_data = self.build_parcel_FillOutStructuredParcelable(_arg_parcel)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#FillOutStructuredParcelable, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_FillOutStructuredParcelable(_arg_parcel, _aidl_reply)
  }
  fn r#GetDefaultStructured(&self, _arg_parcel: &mut StructuredParcelable) -> binder::Result<()> {
    let _aidl_data = self.build_parcel_GetDefaultStructured(_arg_parcel)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#GetDefaultStructured, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_GetDefaultStructured(_arg_parcel, _aidl_reply)
  }
  fn r#RepeatStructured(&self, _arg_parcel: &StructuredParcelable) -> binder::Result<StructuredParcelable> {
    let _aidl_data = self.build_parcel_RepeatStructured(_arg_parcel)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#RepeatStructured, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_RepeatStructured(_arg_parcel, _aidl_reply)
  }
  fn r#RepeatNullableStructured(&self, _arg_parcel: Option<&StructuredParcelable>) -> binder::Result<Option<StructuredParcelable>> {
    let _aidl_data = self.build_parcel_RepeatNullableStructured(_arg_parcel)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#RepeatNullableStructured, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_RepeatNullableStructured(_arg_parcel, _aidl_reply)
  }
  fn r#RepeatStructuredArray(&self, _arg_parcels: &[StructuredParcelable]) -> binder::Result<Vec<StructuredParcelable>> {
    let _aidl_data = self.build_parcel_RepeatStructuredArray(_arg_parcels)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#RepeatStructuredArray, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_RepeatStructuredArray(_arg_parcels, _aidl_reply)
  }
  fn r#RepeatUnion(&self, _arg_u: &Union) -> binder::Result<Union> {
    let _aidl_data = self.build_parcel_RepeatUnion(_arg_u)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#RepeatUnion, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_RepeatUnion(_arg_u, _aidl_reply)
  }
  fn r#RepeatFixedArray(&self, _arg_values: &[i32; 3]) -> binder::Result<[i32; 3]> {
    let _aidl_data = self.build_parcel_RepeatFixedArray(_arg_values)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#RepeatFixedArray, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_RepeatFixedArray(_arg_values, _aidl_reply)
  }
  fn r#RepeatBinder(&self, _arg_b: &binder::SpIBinder) -> binder::Result<binder::SpIBinder> {
    let _aidl_data = self.build_parcel_RepeatBinder(_arg_b)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#RepeatBinder, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_RepeatBinder(_arg_b, _aidl_reply)
  }
  fn r#RepeatNullableBinder(&self, _arg_b: Option<&binder::SpIBinder>) -> binder::Result<Option<binder::SpIBinder>> {
    let _aidl_data = self.build_parcel_RepeatNullableBinder(_arg_b)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#RepeatNullableBinder, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_RepeatNullableBinder(_arg_b, _aidl_reply)
  }
  fn r#CallBack(&self, _arg_cb: &binder::Strong<dyn ICallback>, _arg_v: i32) -> binder::Result<i32> {
    let _aidl_data = self.build_parcel_CallBack(_arg_cb, _arg_v)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#CallBack, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_CallBack(_arg_cb, _arg_v, _aidl_reply)
  }
  fn r#DescribeThrough(&self, _arg_cb: &binder::Strong<dyn ICallback>, _arg_prefix: &str) -> binder::Result<String> {
    let _aidl_data = self.build_parcel_DescribeThrough(_arg_cb, _arg_prefix)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#DescribeThrough, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_DescribeThrough(_arg_cb, _arg_prefix, _aidl_reply)
  }
  fn r#RepeatCallback(&self, _arg_cb: &binder::Strong<dyn ICallback>) -> binder::Result<binder::Strong<dyn ICallback>> {
    let _aidl_data = self.build_parcel_RepeatCallback(_arg_cb)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#RepeatCallback, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_RepeatCallback(_arg_cb, _aidl_reply)
  }
  fn r#RepeatPfd(&self, _arg_fd: &binder::ParcelFileDescriptor) -> binder::Result<binder::ParcelFileDescriptor> {
    let _aidl_data = self.build_parcel_RepeatPfd(_arg_fd)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#RepeatPfd, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_RepeatPfd(_arg_fd, _aidl_reply)
  }
  fn r#ReadPfd(&self, _arg_fd: &binder::ParcelFileDescriptor) -> binder::Result<String> {
    let _aidl_data = self.build_parcel_ReadPfd(_arg_fd)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#ReadPfd, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_ReadPfd(_arg_fd, _aidl_reply)
  }
  fn r#ThrowServiceException(&self, _arg_code: i32) -> binder::Result<()> {
    let _aidl_data = self.build_parcel_ThrowServiceException(_arg_code)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#ThrowServiceException, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_ThrowServiceException(_arg_code, _aidl_reply)
  }
  fn r#ReturnUnexpectedNull(&self) -> binder::Result<()> {
    let _aidl_data = self.build_parcel_ReturnUnexpectedNull()?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#ReturnUnexpectedNull, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_ReturnUnexpectedNull(_aidl_reply)
  }
  fn r#Notify(&self, _arg_value: i32) -> binder::Result<()> {
    let _aidl_data = self.build_parcel_Notify(_arg_value)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#Notify, _aidl_data, binder::binder_impl::FLAG_ONEWAY | binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_Notify(_arg_value, _aidl_reply)
  }
  fn r#WaitNotified(&self, _arg_want: i32) -> binder::Result<i32> {
    let _aidl_data = self.build_parcel_WaitNotified(_arg_want)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#WaitNotified, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_WaitNotified(_arg_want, _aidl_reply)
  }
  fn r#GetCallingUid(&self) -> binder::Result<i32> {
    let _aidl_data = self.build_parcel_GetCallingUid()?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#GetCallingUid, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_GetCallingUid(_aidl_reply)
  }
  fn r#GetCallingPid(&self) -> binder::Result<i32> {
    let _aidl_data = self.build_parcel_GetCallingPid()?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#GetCallingPid, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_GetCallingPid(_aidl_reply)
  }
  fn r#NewMethodThatServerLacks(&self, _arg_v: i32) -> binder::Result<i32> {
    let _aidl_data = self.build_parcel_NewMethodThatServerLacks(_arg_v)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#NewMethodThatServerLacks, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    self.read_response_NewMethodThatServerLacks(_arg_v, _aidl_reply)
  }
  fn r#getInterfaceVersion(&self) -> binder::Result<i32> {
    let _aidl_version = self.cached_version.load(std::sync::atomic::Ordering::Relaxed);
    if _aidl_version != -1 { return Ok(_aidl_version); }
    let _aidl_data = self.build_parcel_getInterfaceVersion()?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#getInterfaceVersion, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    let _aidl_version = self.read_response_getInterfaceVersion(_aidl_reply)?;
    self.cached_version.store(_aidl_version, std::sync::atomic::Ordering::Relaxed);
    Ok(_aidl_version)
  }
  fn r#getInterfaceHash(&self) -> binder::Result<String> {
    {
      let _aidl_hash_lock = self.cached_hash.lock().unwrap();
      if let Some(ref _aidl_hash) = *_aidl_hash_lock {
        return Ok(_aidl_hash.clone());
      }
    }
    let _aidl_data = self.build_parcel_getInterfaceHash()?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#getInterfaceHash, _aidl_data, binder::binder_impl::FLAG_PRIVATE_LOCAL);
    let _aidl_hash = self.read_response_getInterfaceHash(_aidl_reply)?;
    *self.cached_hash.lock().unwrap() = Some(_aidl_hash.clone());
    Ok(_aidl_hash)
  }
}
impl ITestServiceNewer for binder::binder_impl::Binder<BnTestServiceNewer> {
  fn r#RepeatInt(&self, _arg_token: i32) -> binder::Result<i32> { self.0.r#RepeatInt(_arg_token) }
  fn r#RepeatLong(&self, _arg_token: i64) -> binder::Result<i64> { self.0.r#RepeatLong(_arg_token) }
  fn r#RepeatByte(&self, _arg_token: i8) -> binder::Result<i8> { self.0.r#RepeatByte(_arg_token) }
  fn r#RepeatBoolean(&self, _arg_token: bool) -> binder::Result<bool> { self.0.r#RepeatBoolean(_arg_token) }
  fn r#RepeatChar(&self, _arg_token: u16) -> binder::Result<u16> { self.0.r#RepeatChar(_arg_token) }
  fn r#RepeatFloat(&self, _arg_token: f32) -> binder::Result<f32> { self.0.r#RepeatFloat(_arg_token) }
  fn r#RepeatDouble(&self, _arg_token: f64) -> binder::Result<f64> { self.0.r#RepeatDouble(_arg_token) }
  fn r#RepeatString(&self, _arg_token: &str) -> binder::Result<String> { self.0.r#RepeatString(_arg_token) }
  fn r#RepeatUtf8CppString(&self, _arg_token: &str) -> binder::Result<String> { self.0.r#RepeatUtf8CppString(_arg_token) }
  fn r#RepeatNullableString(&self, _arg_token: Option<&str>) -> binder::Result<Option<String>> { self.0.r#RepeatNullableString(_arg_token) }
  fn r#RepeatByteEnum(&self, _arg_token: ByteEnum) -> binder::Result<ByteEnum> { self.0.r#RepeatByteEnum(_arg_token) }
  fn r#ReverseInt(&self, _arg_input: &[i32], _arg_repeated: &mut Vec<i32>) -> binder::Result<Vec<i32>> { self.0.r#ReverseInt(_arg_input, _arg_repeated) }
  fn r#ReverseString(&self, _arg_input: &[String], _arg_repeated: &mut Vec<String>) -> binder::Result<Vec<String>> { self.0.r#ReverseString(_arg_input, _arg_repeated) }
  fn r#ReverseByteEnum(&self, _arg_input: &[ByteEnum], _arg_repeated: &mut Vec<ByteEnum>) -> binder::Result<Vec<ByteEnum>> { self.0.r#ReverseByteEnum(_arg_input, _arg_repeated) }
  fn r#ReverseByte(&self, _arg_input: &[u8], _arg_repeated: &mut Vec<u8>) -> binder::Result<Vec<u8>> { self.0.r#ReverseByte(_arg_input, _arg_repeated) }
  fn r#DoubleInPlace(&self, _arg_values: &mut Vec<i32>) -> binder::Result<()> { self.0.r#DoubleInPlace(_arg_values) }
  fn r#FillOutStructuredParcelable(&self, _arg_parcel: &mut StructuredParcelable) -> binder::Result<()> { self.0.r#FillOutStructuredParcelable(_arg_parcel) }
  fn r#GetDefaultStructured(&self, _arg_parcel: &mut StructuredParcelable) -> binder::Result<()> { self.0.r#GetDefaultStructured(_arg_parcel) }
  fn r#RepeatStructured(&self, _arg_parcel: &StructuredParcelable) -> binder::Result<StructuredParcelable> { self.0.r#RepeatStructured(_arg_parcel) }
  fn r#RepeatNullableStructured(&self, _arg_parcel: Option<&StructuredParcelable>) -> binder::Result<Option<StructuredParcelable>> { self.0.r#RepeatNullableStructured(_arg_parcel) }
  fn r#RepeatStructuredArray(&self, _arg_parcels: &[StructuredParcelable]) -> binder::Result<Vec<StructuredParcelable>> { self.0.r#RepeatStructuredArray(_arg_parcels) }
  fn r#RepeatUnion(&self, _arg_u: &Union) -> binder::Result<Union> { self.0.r#RepeatUnion(_arg_u) }
  fn r#RepeatFixedArray(&self, _arg_values: &[i32; 3]) -> binder::Result<[i32; 3]> { self.0.r#RepeatFixedArray(_arg_values) }
  fn r#RepeatBinder(&self, _arg_b: &binder::SpIBinder) -> binder::Result<binder::SpIBinder> { self.0.r#RepeatBinder(_arg_b) }
  fn r#RepeatNullableBinder(&self, _arg_b: Option<&binder::SpIBinder>) -> binder::Result<Option<binder::SpIBinder>> { self.0.r#RepeatNullableBinder(_arg_b) }
  fn r#CallBack(&self, _arg_cb: &binder::Strong<dyn ICallback>, _arg_v: i32) -> binder::Result<i32> { self.0.r#CallBack(_arg_cb, _arg_v) }
  fn r#DescribeThrough(&self, _arg_cb: &binder::Strong<dyn ICallback>, _arg_prefix: &str) -> binder::Result<String> { self.0.r#DescribeThrough(_arg_cb, _arg_prefix) }
  fn r#RepeatCallback(&self, _arg_cb: &binder::Strong<dyn ICallback>) -> binder::Result<binder::Strong<dyn ICallback>> { self.0.r#RepeatCallback(_arg_cb) }
  fn r#RepeatPfd(&self, _arg_fd: &binder::ParcelFileDescriptor) -> binder::Result<binder::ParcelFileDescriptor> { self.0.r#RepeatPfd(_arg_fd) }
  fn r#ReadPfd(&self, _arg_fd: &binder::ParcelFileDescriptor) -> binder::Result<String> { self.0.r#ReadPfd(_arg_fd) }
  fn r#ThrowServiceException(&self, _arg_code: i32) -> binder::Result<()> { self.0.r#ThrowServiceException(_arg_code) }
  fn r#ReturnUnexpectedNull(&self) -> binder::Result<()> { self.0.r#ReturnUnexpectedNull() }
  fn r#Notify(&self, _arg_value: i32) -> binder::Result<()> { self.0.r#Notify(_arg_value) }
  fn r#WaitNotified(&self, _arg_want: i32) -> binder::Result<i32> { self.0.r#WaitNotified(_arg_want) }
  fn r#GetCallingUid(&self) -> binder::Result<i32> { self.0.r#GetCallingUid() }
  fn r#GetCallingPid(&self) -> binder::Result<i32> { self.0.r#GetCallingPid() }
  fn r#NewMethodThatServerLacks(&self, _arg_v: i32) -> binder::Result<i32> { self.0.r#NewMethodThatServerLacks(_arg_v) }
  fn r#getInterfaceVersion(&self) -> binder::Result<i32> { self.0.r#getInterfaceVersion() }
  fn r#getInterfaceHash(&self) -> binder::Result<String> { self.0.r#getInterfaceHash() }
}
fn on_transact(_aidl_service: &dyn ITestServiceNewer, _aidl_code: binder::binder_impl::TransactionCode, _aidl_data: &binder::binder_impl::BorrowedParcel<'_>, _aidl_reply: &mut binder::binder_impl::BorrowedParcel<'_>) -> std::result::Result<(), binder::StatusCode> {
  match _aidl_code {
    transactions::r#RepeatInt => {
      let _arg_token: i32 = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#RepeatInt(_arg_token);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#RepeatLong => {
      let _arg_token: i64 = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#RepeatLong(_arg_token);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#RepeatByte => {
      let _arg_token: i8 = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#RepeatByte(_arg_token);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#RepeatBoolean => {
      let _arg_token: bool = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#RepeatBoolean(_arg_token);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#RepeatChar => {
      let _arg_token: u16 = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#RepeatChar(_arg_token);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#RepeatFloat => {
      let _arg_token: f32 = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#RepeatFloat(_arg_token);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#RepeatDouble => {
      let _arg_token: f64 = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#RepeatDouble(_arg_token);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#RepeatString => {
      let _arg_token: String = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#RepeatString(&_arg_token);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#RepeatUtf8CppString => {
      let _arg_token: String = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#RepeatUtf8CppString(&_arg_token);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#RepeatNullableString => {
      let _arg_token: Option<String> = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#RepeatNullableString(_arg_token.as_deref());
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#RepeatByteEnum => {
      let _arg_token: ByteEnum = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#RepeatByteEnum(_arg_token);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#ReverseInt => {
      let _arg_input: Vec<i32> = _aidl_data.read()?;
      let mut _arg_repeated: Vec<i32> = Default::default();
      _aidl_data.resize_out_vec(&mut _arg_repeated)?;
      let _aidl_return = _aidl_service.r#ReverseInt(&_arg_input, &mut _arg_repeated);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
          _aidl_reply.write(&_arg_repeated)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#ReverseString => {
      let _arg_input: Vec<String> = _aidl_data.read()?;
      let mut _arg_repeated: Vec<String> = Default::default();
      _aidl_data.resize_out_vec(&mut _arg_repeated)?;
      let _aidl_return = _aidl_service.r#ReverseString(&_arg_input, &mut _arg_repeated);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
          _aidl_reply.write(&_arg_repeated)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#ReverseByteEnum => {
      let _arg_input: Vec<ByteEnum> = _aidl_data.read()?;
      let mut _arg_repeated: Vec<ByteEnum> = Default::default();
      _aidl_data.resize_out_vec(&mut _arg_repeated)?;
      let _aidl_return = _aidl_service.r#ReverseByteEnum(&_arg_input, &mut _arg_repeated);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
          _aidl_reply.write(&_arg_repeated)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#ReverseByte => {
      let _arg_input: Vec<u8> = _aidl_data.read()?;
      let mut _arg_repeated: Vec<u8> = Default::default();
      _aidl_data.resize_out_vec(&mut _arg_repeated)?;
      let _aidl_return = _aidl_service.r#ReverseByte(&_arg_input, &mut _arg_repeated);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
          _aidl_reply.write(&_arg_repeated)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#DoubleInPlace => {
      let mut _arg_values: Vec<i32> = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#DoubleInPlace(&mut _arg_values);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(&_arg_values)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#FillOutStructuredParcelable => {
      let mut _arg_parcel: StructuredParcelable = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#FillOutStructuredParcelable(&mut _arg_parcel);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(&_arg_parcel)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#GetDefaultStructured => {
      let mut _arg_parcel: StructuredParcelable = Default::default();
      let _aidl_return = _aidl_service.r#GetDefaultStructured(&mut _arg_parcel);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(&_arg_parcel)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#RepeatStructured => {
      let _arg_parcel: StructuredParcelable = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#RepeatStructured(&_arg_parcel);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#RepeatNullableStructured => {
      let _arg_parcel: Option<StructuredParcelable> = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#RepeatNullableStructured(_arg_parcel.as_ref());
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#RepeatStructuredArray => {
      let _arg_parcels: Vec<StructuredParcelable> = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#RepeatStructuredArray(&_arg_parcels);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#RepeatUnion => {
      let _arg_u: Union = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#RepeatUnion(&_arg_u);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#RepeatFixedArray => {
      let _arg_values: [i32; 3] = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#RepeatFixedArray(&_arg_values);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#RepeatBinder => {
      let _arg_b: binder::SpIBinder = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#RepeatBinder(&_arg_b);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#RepeatNullableBinder => {
      let _arg_b: Option<binder::SpIBinder> = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#RepeatNullableBinder(_arg_b.as_ref());
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#CallBack => {
      let _arg_cb: binder::Strong<dyn ICallback> = _aidl_data.read()?;
      let _arg_v: i32 = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#CallBack(&_arg_cb, _arg_v);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#DescribeThrough => {
      let _arg_cb: binder::Strong<dyn ICallback> = _aidl_data.read()?;
      let _arg_prefix: String = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#DescribeThrough(&_arg_cb, &_arg_prefix);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#RepeatCallback => {
      let _arg_cb: binder::Strong<dyn ICallback> = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#RepeatCallback(&_arg_cb);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#RepeatPfd => {
      let _arg_fd: binder::ParcelFileDescriptor = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#RepeatPfd(&_arg_fd);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#ReadPfd => {
      let _arg_fd: binder::ParcelFileDescriptor = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#ReadPfd(&_arg_fd);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#ThrowServiceException => {
      let _arg_code: i32 = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#ThrowServiceException(_arg_code);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#ReturnUnexpectedNull => {
      let _aidl_return = _aidl_service.r#ReturnUnexpectedNull();
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#Notify => {
      let _arg_value: i32 = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#Notify(_arg_value);
      Ok(())
    }
    transactions::r#WaitNotified => {
      let _arg_want: i32 = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#WaitNotified(_arg_want);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#GetCallingUid => {
      let _aidl_return = _aidl_service.r#GetCallingUid();
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#GetCallingPid => {
      let _aidl_return = _aidl_service.r#GetCallingPid();
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#NewMethodThatServerLacks => {
      let _arg_v: i32 = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#NewMethodThatServerLacks(_arg_v);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#getInterfaceVersion => {
      let _aidl_return = _aidl_service.r#getInterfaceVersion();
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#getInterfaceHash => {
      let _aidl_return = _aidl_service.r#getInterfaceHash();
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
