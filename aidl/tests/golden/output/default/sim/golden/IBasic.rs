/*
 * This file is auto-generated.  DO NOT MODIFY.
 * Using: binder-aidl --lang=rust -Itests/golden/input tests/golden/input/sim/golden/IBasic.aidl
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
  IBasic["sim.golden.IBasic"] {
    native: BnBasic(on_transact),
    proxy: BpBasic {
    },
    async: IBasicAsync(try_into_local_async),
  }
}
pub trait IBasic: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "sim.golden.IBasic" }
  fn r#repeatBoolean<'a, >(&'a self, _arg_token: bool) -> binder::Result<bool>;
  fn r#repeatByte<'a, >(&'a self, _arg_token: i8) -> binder::Result<i8>;
  fn r#repeatChar<'a, >(&'a self, _arg_token: u16) -> binder::Result<u16>;
  fn r#repeatInt<'a, >(&'a self, _arg_token: i32) -> binder::Result<i32>;
  fn r#repeatLong<'a, >(&'a self, _arg_token: i64) -> binder::Result<i64>;
  fn r#repeatFloat<'a, >(&'a self, _arg_token: f32) -> binder::Result<f32>;
  fn r#repeatDouble<'a, >(&'a self, _arg_token: f64) -> binder::Result<f64>;
  fn r#repeatString<'a, 'l1, >(&'a self, _arg_token: &'l1 str) -> binder::Result<String>;
  fn r#repeatUtf8<'a, 'l1, >(&'a self, _arg_token: &'l1 str) -> binder::Result<String>;
  fn r#repeatNullableString<'a, 'l1, >(&'a self, _arg_token: Option<&'l1 str>) -> binder::Result<Option<String>>;
  fn r#repeatColor<'a, >(&'a self, _arg_token: crate::mangled::_3_sim_6_golden_5_Color) -> binder::Result<crate::mangled::_3_sim_6_golden_5_Color>;
  fn r#reverseInts<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [i32], _arg_reversed: &'l2 mut Vec<i32>) -> binder::Result<Vec<i32>>;
  fn r#reverseBytes<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [u8], _arg_repeated: &'l2 mut Vec<u8>) -> binder::Result<Vec<u8>>;
  fn r#reverseStrings<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [String], _arg_reversed: &'l2 mut Vec<String>) -> binder::Result<Vec<String>>;
  fn r#nullableStrings<'a, 'l1, >(&'a self, _arg_input: Option<&'l1 [Option<String>]>) -> binder::Result<Option<Vec<Option<String>>>>;
  fn r#reverseList<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [String], _arg_reversed: &'l2 mut Vec<String>) -> binder::Result<Vec<String>>;
  fn r#reverseColors<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [crate::mangled::_3_sim_6_golden_5_Color], _arg_reversed: &'l2 mut Vec<crate::mangled::_3_sim_6_golden_5_Color>) -> binder::Result<Vec<crate::mangled::_3_sim_6_golden_5_Color>>;
  fn r#fixedInts<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [i32; 3], _arg_output: &'l2 mut [i32; 3]) -> binder::Result<[i32; 3]>;
  fn r#fixedMatrix<'a, 'l1, >(&'a self, _arg_input: &'l1 [[i32; 3]; 2]) -> binder::Result<[[i32; 3]; 2]>;
  fn r#movePoint<'a, 'l1, >(&'a self, _arg_p: &'l1 crate::mangled::_3_sim_6_golden_5_Point, _arg_dx: i32, _arg_dy: i32) -> binder::Result<crate::mangled::_3_sim_6_golden_5_Point>;
  fn r#fillPoint<'a, 'l1, >(&'a self, _arg_p: &'l1 mut crate::mangled::_3_sim_6_golden_5_Point) -> binder::Result<()>;
  fn r#touchPoint<'a, 'l1, >(&'a self, _arg_p: &'l1 mut crate::mangled::_3_sim_6_golden_5_Point) -> binder::Result<()>;
  fn r#maybePoint<'a, 'l1, >(&'a self, _arg_p: Option<&'l1 crate::mangled::_3_sim_6_golden_5_Point>) -> binder::Result<Option<crate::mangled::_3_sim_6_golden_5_Point>>;
  fn r#maybePoints<'a, 'l1, >(&'a self, _arg_ps: Option<&'l1 [Option<crate::mangled::_3_sim_6_golden_5_Point>]>) -> binder::Result<Option<Vec<Option<crate::mangled::_3_sim_6_golden_5_Point>>>>;
  fn r#pointList<'a, 'l1, >(&'a self, _arg_ps: &'l1 [crate::mangled::_3_sim_6_golden_5_Point]) -> binder::Result<Vec<crate::mangled::_3_sim_6_golden_5_Point>>;
  fn r#repeatShape<'a, 'l1, >(&'a self, _arg_s: &'l1 crate::mangled::_3_sim_6_golden_5_Shape) -> binder::Result<crate::mangled::_3_sim_6_golden_5_Shape>;
  fn r#repeatRemote<'a, 'l1, >(&'a self, _arg_r: &'l1 crate::mangled::_3_sim_6_golden_5_other_6_Remote) -> binder::Result<crate::mangled::_3_sim_6_golden_5_other_6_Remote>;
  fn r#takeBinder<'a, 'l1, >(&'a self, _arg_b: &'l1 binder::SpIBinder) -> binder::Result<binder::SpIBinder>;
  fn r#takeNullableBinder<'a, 'l1, >(&'a self, _arg_b: Option<&'l1 binder::SpIBinder>) -> binder::Result<Option<binder::SpIBinder>>;
  fn r#takeBinders<'a, 'l1, 'l2, >(&'a self, _arg_bs: &'l1 [binder::SpIBinder], _arg_copies: &'l2 mut Vec<Option<binder::SpIBinder>>) -> binder::Result<Vec<binder::SpIBinder>>;
  fn r#binderList<'a, 'l1, >(&'a self, _arg_bs: &'l1 [binder::SpIBinder]) -> binder::Result<Vec<binder::SpIBinder>>;
  fn r#repeatFd<'a, 'l1, >(&'a self, _arg_fd: &'l1 binder::ParcelFileDescriptor) -> binder::Result<binder::ParcelFileDescriptor>;
  fn r#maybeFd<'a, 'l1, >(&'a self, _arg_fd: Option<&'l1 binder::ParcelFileDescriptor>) -> binder::Result<Option<binder::ParcelFileDescriptor>>;
  fn r#repeatFds<'a, 'l1, 'l2, >(&'a self, _arg_fds: &'l1 [binder::ParcelFileDescriptor], _arg_copies: &'l2 mut Vec<Option<binder::ParcelFileDescriptor>>) -> binder::Result<Vec<binder::ParcelFileDescriptor>>;
  fn r#registerCallback<'a, 'l1, >(&'a self, _arg_cb: &'l1 binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>) -> binder::Result<()>;
  fn r#getCallback<'a, >(&'a self, _arg_returnNull: bool) -> binder::Result<Option<binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>>;
  fn r#callbacks<'a, 'l1, >(&'a self, _arg_cbs: &'l1 [binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>]) -> binder::Result<Vec<binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>>;
  fn r#nullableCallback<'a, 'l1, >(&'a self, _arg_cb: Option<&'l1 binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>) -> binder::Result<()>;
  fn r#fireAndForget<'a, 'l1, >(&'a self, _arg_code: i32, _arg_message: &'l1 str) -> binder::Result<()>;
  #[deprecated = "use repeatInt instead"]
  fn r#oldRepeat<'a, >(&'a self, _arg_token: i32) -> binder::Result<i32>;
  fn getDefaultImpl() -> IBasicDefaultRef where Self: Sized {
    DEFAULT_IMPL.lock().unwrap().clone()
  }
  fn setDefaultImpl(d: IBasicDefaultRef) -> IBasicDefaultRef where Self: Sized {
    std::mem::replace(&mut *DEFAULT_IMPL.lock().unwrap(), d)
  }
  fn try_as_async_server<'a>(&'a self) -> Option<&'a (dyn IBasicAsyncServer + Send + Sync)> {
    None
  }
}
pub trait IBasicAsync<P>: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "sim.golden.IBasic" }
  fn r#repeatBoolean<'a, >(&'a self, _arg_token: bool) -> binder::BoxFuture<'a, binder::Result<bool>>;
  fn r#repeatByte<'a, >(&'a self, _arg_token: i8) -> binder::BoxFuture<'a, binder::Result<i8>>;
  fn r#repeatChar<'a, >(&'a self, _arg_token: u16) -> binder::BoxFuture<'a, binder::Result<u16>>;
  fn r#repeatInt<'a, >(&'a self, _arg_token: i32) -> binder::BoxFuture<'a, binder::Result<i32>>;
  fn r#repeatLong<'a, >(&'a self, _arg_token: i64) -> binder::BoxFuture<'a, binder::Result<i64>>;
  fn r#repeatFloat<'a, >(&'a self, _arg_token: f32) -> binder::BoxFuture<'a, binder::Result<f32>>;
  fn r#repeatDouble<'a, >(&'a self, _arg_token: f64) -> binder::BoxFuture<'a, binder::Result<f64>>;
  fn r#repeatString<'a, >(&'a self, _arg_token: &'a str) -> binder::BoxFuture<'a, binder::Result<String>>;
  fn r#repeatUtf8<'a, >(&'a self, _arg_token: &'a str) -> binder::BoxFuture<'a, binder::Result<String>>;
  fn r#repeatNullableString<'a, >(&'a self, _arg_token: Option<&'a str>) -> binder::BoxFuture<'a, binder::Result<Option<String>>>;
  fn r#repeatColor<'a, >(&'a self, _arg_token: crate::mangled::_3_sim_6_golden_5_Color) -> binder::BoxFuture<'a, binder::Result<crate::mangled::_3_sim_6_golden_5_Color>>;
  fn r#reverseInts<'a, >(&'a self, _arg_input: &'a [i32], _arg_reversed: &'a mut Vec<i32>) -> binder::BoxFuture<'a, binder::Result<Vec<i32>>>;
  fn r#reverseBytes<'a, >(&'a self, _arg_input: &'a [u8], _arg_repeated: &'a mut Vec<u8>) -> binder::BoxFuture<'a, binder::Result<Vec<u8>>>;
  fn r#reverseStrings<'a, >(&'a self, _arg_input: &'a [String], _arg_reversed: &'a mut Vec<String>) -> binder::BoxFuture<'a, binder::Result<Vec<String>>>;
  fn r#nullableStrings<'a, >(&'a self, _arg_input: Option<&'a [Option<String>]>) -> binder::BoxFuture<'a, binder::Result<Option<Vec<Option<String>>>>>;
  fn r#reverseList<'a, >(&'a self, _arg_input: &'a [String], _arg_reversed: &'a mut Vec<String>) -> binder::BoxFuture<'a, binder::Result<Vec<String>>>;
  fn r#reverseColors<'a, >(&'a self, _arg_input: &'a [crate::mangled::_3_sim_6_golden_5_Color], _arg_reversed: &'a mut Vec<crate::mangled::_3_sim_6_golden_5_Color>) -> binder::BoxFuture<'a, binder::Result<Vec<crate::mangled::_3_sim_6_golden_5_Color>>>;
  fn r#fixedInts<'a, >(&'a self, _arg_input: &'a [i32; 3], _arg_output: &'a mut [i32; 3]) -> binder::BoxFuture<'a, binder::Result<[i32; 3]>>;
  fn r#fixedMatrix<'a, >(&'a self, _arg_input: &'a [[i32; 3]; 2]) -> binder::BoxFuture<'a, binder::Result<[[i32; 3]; 2]>>;
  fn r#movePoint<'a, >(&'a self, _arg_p: &'a crate::mangled::_3_sim_6_golden_5_Point, _arg_dx: i32, _arg_dy: i32) -> binder::BoxFuture<'a, binder::Result<crate::mangled::_3_sim_6_golden_5_Point>>;
  fn r#fillPoint<'a, >(&'a self, _arg_p: &'a mut crate::mangled::_3_sim_6_golden_5_Point) -> binder::BoxFuture<'a, binder::Result<()>>;
  fn r#touchPoint<'a, >(&'a self, _arg_p: &'a mut crate::mangled::_3_sim_6_golden_5_Point) -> binder::BoxFuture<'a, binder::Result<()>>;
  fn r#maybePoint<'a, >(&'a self, _arg_p: Option<&'a crate::mangled::_3_sim_6_golden_5_Point>) -> binder::BoxFuture<'a, binder::Result<Option<crate::mangled::_3_sim_6_golden_5_Point>>>;
  fn r#maybePoints<'a, >(&'a self, _arg_ps: Option<&'a [Option<crate::mangled::_3_sim_6_golden_5_Point>]>) -> binder::BoxFuture<'a, binder::Result<Option<Vec<Option<crate::mangled::_3_sim_6_golden_5_Point>>>>>;
  fn r#pointList<'a, >(&'a self, _arg_ps: &'a [crate::mangled::_3_sim_6_golden_5_Point]) -> binder::BoxFuture<'a, binder::Result<Vec<crate::mangled::_3_sim_6_golden_5_Point>>>;
  fn r#repeatShape<'a, >(&'a self, _arg_s: &'a crate::mangled::_3_sim_6_golden_5_Shape) -> binder::BoxFuture<'a, binder::Result<crate::mangled::_3_sim_6_golden_5_Shape>>;
  fn r#repeatRemote<'a, >(&'a self, _arg_r: &'a crate::mangled::_3_sim_6_golden_5_other_6_Remote) -> binder::BoxFuture<'a, binder::Result<crate::mangled::_3_sim_6_golden_5_other_6_Remote>>;
  fn r#takeBinder<'a, >(&'a self, _arg_b: &'a binder::SpIBinder) -> binder::BoxFuture<'a, binder::Result<binder::SpIBinder>>;
  fn r#takeNullableBinder<'a, >(&'a self, _arg_b: Option<&'a binder::SpIBinder>) -> binder::BoxFuture<'a, binder::Result<Option<binder::SpIBinder>>>;
  fn r#takeBinders<'a, >(&'a self, _arg_bs: &'a [binder::SpIBinder], _arg_copies: &'a mut Vec<Option<binder::SpIBinder>>) -> binder::BoxFuture<'a, binder::Result<Vec<binder::SpIBinder>>>;
  fn r#binderList<'a, >(&'a self, _arg_bs: &'a [binder::SpIBinder]) -> binder::BoxFuture<'a, binder::Result<Vec<binder::SpIBinder>>>;
  fn r#repeatFd<'a, >(&'a self, _arg_fd: &'a binder::ParcelFileDescriptor) -> binder::BoxFuture<'a, binder::Result<binder::ParcelFileDescriptor>>;
  fn r#maybeFd<'a, >(&'a self, _arg_fd: Option<&'a binder::ParcelFileDescriptor>) -> binder::BoxFuture<'a, binder::Result<Option<binder::ParcelFileDescriptor>>>;
  fn r#repeatFds<'a, >(&'a self, _arg_fds: &'a [binder::ParcelFileDescriptor], _arg_copies: &'a mut Vec<Option<binder::ParcelFileDescriptor>>) -> binder::BoxFuture<'a, binder::Result<Vec<binder::ParcelFileDescriptor>>>;
  fn r#registerCallback<'a, >(&'a self, _arg_cb: &'a binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>) -> binder::BoxFuture<'a, binder::Result<()>>;
  fn r#getCallback<'a, >(&'a self, _arg_returnNull: bool) -> binder::BoxFuture<'a, binder::Result<Option<binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>>>;
  fn r#callbacks<'a, >(&'a self, _arg_cbs: &'a [binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>]) -> binder::BoxFuture<'a, binder::Result<Vec<binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>>>;
  fn r#nullableCallback<'a, >(&'a self, _arg_cb: Option<&'a binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>) -> binder::BoxFuture<'a, binder::Result<()>>;
  fn r#fireAndForget<'a, >(&'a self, _arg_code: i32, _arg_message: &'a str) -> binder::BoxFuture<'a, binder::Result<()>>;
  #[deprecated = "use repeatInt instead"]
  fn r#oldRepeat<'a, >(&'a self, _arg_token: i32) -> binder::BoxFuture<'a, binder::Result<i32>>;
}
#[::async_trait::async_trait]
pub trait IBasicAsyncServer: binder::Interface + Send {
  fn get_descriptor() -> &'static str where Self: Sized { "sim.golden.IBasic" }
  async fn r#repeatBoolean<'a, >(&'a self, _arg_token: bool) -> binder::Result<bool>;
  async fn r#repeatByte<'a, >(&'a self, _arg_token: i8) -> binder::Result<i8>;
  async fn r#repeatChar<'a, >(&'a self, _arg_token: u16) -> binder::Result<u16>;
  async fn r#repeatInt<'a, >(&'a self, _arg_token: i32) -> binder::Result<i32>;
  async fn r#repeatLong<'a, >(&'a self, _arg_token: i64) -> binder::Result<i64>;
  async fn r#repeatFloat<'a, >(&'a self, _arg_token: f32) -> binder::Result<f32>;
  async fn r#repeatDouble<'a, >(&'a self, _arg_token: f64) -> binder::Result<f64>;
  async fn r#repeatString<'a, 'l1, >(&'a self, _arg_token: &'l1 str) -> binder::Result<String>;
  async fn r#repeatUtf8<'a, 'l1, >(&'a self, _arg_token: &'l1 str) -> binder::Result<String>;
  async fn r#repeatNullableString<'a, 'l1, >(&'a self, _arg_token: Option<&'l1 str>) -> binder::Result<Option<String>>;
  async fn r#repeatColor<'a, >(&'a self, _arg_token: crate::mangled::_3_sim_6_golden_5_Color) -> binder::Result<crate::mangled::_3_sim_6_golden_5_Color>;
  async fn r#reverseInts<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [i32], _arg_reversed: &'l2 mut Vec<i32>) -> binder::Result<Vec<i32>>;
  async fn r#reverseBytes<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [u8], _arg_repeated: &'l2 mut Vec<u8>) -> binder::Result<Vec<u8>>;
  async fn r#reverseStrings<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [String], _arg_reversed: &'l2 mut Vec<String>) -> binder::Result<Vec<String>>;
  async fn r#nullableStrings<'a, 'l1, >(&'a self, _arg_input: Option<&'l1 [Option<String>]>) -> binder::Result<Option<Vec<Option<String>>>>;
  async fn r#reverseList<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [String], _arg_reversed: &'l2 mut Vec<String>) -> binder::Result<Vec<String>>;
  async fn r#reverseColors<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [crate::mangled::_3_sim_6_golden_5_Color], _arg_reversed: &'l2 mut Vec<crate::mangled::_3_sim_6_golden_5_Color>) -> binder::Result<Vec<crate::mangled::_3_sim_6_golden_5_Color>>;
  async fn r#fixedInts<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [i32; 3], _arg_output: &'l2 mut [i32; 3]) -> binder::Result<[i32; 3]>;
  async fn r#fixedMatrix<'a, 'l1, >(&'a self, _arg_input: &'l1 [[i32; 3]; 2]) -> binder::Result<[[i32; 3]; 2]>;
  async fn r#movePoint<'a, 'l1, >(&'a self, _arg_p: &'l1 crate::mangled::_3_sim_6_golden_5_Point, _arg_dx: i32, _arg_dy: i32) -> binder::Result<crate::mangled::_3_sim_6_golden_5_Point>;
  async fn r#fillPoint<'a, 'l1, >(&'a self, _arg_p: &'l1 mut crate::mangled::_3_sim_6_golden_5_Point) -> binder::Result<()>;
  async fn r#touchPoint<'a, 'l1, >(&'a self, _arg_p: &'l1 mut crate::mangled::_3_sim_6_golden_5_Point) -> binder::Result<()>;
  async fn r#maybePoint<'a, 'l1, >(&'a self, _arg_p: Option<&'l1 crate::mangled::_3_sim_6_golden_5_Point>) -> binder::Result<Option<crate::mangled::_3_sim_6_golden_5_Point>>;
  async fn r#maybePoints<'a, 'l1, >(&'a self, _arg_ps: Option<&'l1 [Option<crate::mangled::_3_sim_6_golden_5_Point>]>) -> binder::Result<Option<Vec<Option<crate::mangled::_3_sim_6_golden_5_Point>>>>;
  async fn r#pointList<'a, 'l1, >(&'a self, _arg_ps: &'l1 [crate::mangled::_3_sim_6_golden_5_Point]) -> binder::Result<Vec<crate::mangled::_3_sim_6_golden_5_Point>>;
  async fn r#repeatShape<'a, 'l1, >(&'a self, _arg_s: &'l1 crate::mangled::_3_sim_6_golden_5_Shape) -> binder::Result<crate::mangled::_3_sim_6_golden_5_Shape>;
  async fn r#repeatRemote<'a, 'l1, >(&'a self, _arg_r: &'l1 crate::mangled::_3_sim_6_golden_5_other_6_Remote) -> binder::Result<crate::mangled::_3_sim_6_golden_5_other_6_Remote>;
  async fn r#takeBinder<'a, 'l1, >(&'a self, _arg_b: &'l1 binder::SpIBinder) -> binder::Result<binder::SpIBinder>;
  async fn r#takeNullableBinder<'a, 'l1, >(&'a self, _arg_b: Option<&'l1 binder::SpIBinder>) -> binder::Result<Option<binder::SpIBinder>>;
  async fn r#takeBinders<'a, 'l1, 'l2, >(&'a self, _arg_bs: &'l1 [binder::SpIBinder], _arg_copies: &'l2 mut Vec<Option<binder::SpIBinder>>) -> binder::Result<Vec<binder::SpIBinder>>;
  async fn r#binderList<'a, 'l1, >(&'a self, _arg_bs: &'l1 [binder::SpIBinder]) -> binder::Result<Vec<binder::SpIBinder>>;
  async fn r#repeatFd<'a, 'l1, >(&'a self, _arg_fd: &'l1 binder::ParcelFileDescriptor) -> binder::Result<binder::ParcelFileDescriptor>;
  async fn r#maybeFd<'a, 'l1, >(&'a self, _arg_fd: Option<&'l1 binder::ParcelFileDescriptor>) -> binder::Result<Option<binder::ParcelFileDescriptor>>;
  async fn r#repeatFds<'a, 'l1, 'l2, >(&'a self, _arg_fds: &'l1 [binder::ParcelFileDescriptor], _arg_copies: &'l2 mut Vec<Option<binder::ParcelFileDescriptor>>) -> binder::Result<Vec<binder::ParcelFileDescriptor>>;
  async fn r#registerCallback<'a, 'l1, >(&'a self, _arg_cb: &'l1 binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>) -> binder::Result<()>;
  async fn r#getCallback<'a, >(&'a self, _arg_returnNull: bool) -> binder::Result<Option<binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>>;
  async fn r#callbacks<'a, 'l1, >(&'a self, _arg_cbs: &'l1 [binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>]) -> binder::Result<Vec<binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>>;
  async fn r#nullableCallback<'a, 'l1, >(&'a self, _arg_cb: Option<&'l1 binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>) -> binder::Result<()>;
  async fn r#fireAndForget<'a, 'l1, >(&'a self, _arg_code: i32, _arg_message: &'l1 str) -> binder::Result<()>;
  #[deprecated = "use repeatInt instead"]
  async fn r#oldRepeat<'a, >(&'a self, _arg_token: i32) -> binder::Result<i32>;
}
impl BnBasic {
  /// Create a new async binder service.
  pub fn new_async_binder<T, R>(inner: T, rt: R, features: binder::BinderFeatures) -> binder::Strong<dyn IBasic>
  where
    T: IBasicAsyncServer + binder::Interface + Send + Sync + 'static,
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
    impl<T, R> IBasic for Wrapper<T, R>
    where
      T: IBasicAsyncServer + Send + Sync + 'static,
      R: binder::binder_impl::BinderAsyncRuntime + Send + Sync + 'static,
    {
      fn r#repeatBoolean<'a, >(&'a self, _arg_token: bool) -> binder::Result<bool> {
        self._rt.block_on(self._inner.r#repeatBoolean(_arg_token))
      }
      fn r#repeatByte<'a, >(&'a self, _arg_token: i8) -> binder::Result<i8> {
        self._rt.block_on(self._inner.r#repeatByte(_arg_token))
      }
      fn r#repeatChar<'a, >(&'a self, _arg_token: u16) -> binder::Result<u16> {
        self._rt.block_on(self._inner.r#repeatChar(_arg_token))
      }
      fn r#repeatInt<'a, >(&'a self, _arg_token: i32) -> binder::Result<i32> {
        self._rt.block_on(self._inner.r#repeatInt(_arg_token))
      }
      fn r#repeatLong<'a, >(&'a self, _arg_token: i64) -> binder::Result<i64> {
        self._rt.block_on(self._inner.r#repeatLong(_arg_token))
      }
      fn r#repeatFloat<'a, >(&'a self, _arg_token: f32) -> binder::Result<f32> {
        self._rt.block_on(self._inner.r#repeatFloat(_arg_token))
      }
      fn r#repeatDouble<'a, >(&'a self, _arg_token: f64) -> binder::Result<f64> {
        self._rt.block_on(self._inner.r#repeatDouble(_arg_token))
      }
      fn r#repeatString<'a, 'l1, >(&'a self, _arg_token: &'l1 str) -> binder::Result<String> {
        self._rt.block_on(self._inner.r#repeatString(_arg_token))
      }
      fn r#repeatUtf8<'a, 'l1, >(&'a self, _arg_token: &'l1 str) -> binder::Result<String> {
        self._rt.block_on(self._inner.r#repeatUtf8(_arg_token))
      }
      fn r#repeatNullableString<'a, 'l1, >(&'a self, _arg_token: Option<&'l1 str>) -> binder::Result<Option<String>> {
        self._rt.block_on(self._inner.r#repeatNullableString(_arg_token))
      }
      fn r#repeatColor<'a, >(&'a self, _arg_token: crate::mangled::_3_sim_6_golden_5_Color) -> binder::Result<crate::mangled::_3_sim_6_golden_5_Color> {
        self._rt.block_on(self._inner.r#repeatColor(_arg_token))
      }
      fn r#reverseInts<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [i32], _arg_reversed: &'l2 mut Vec<i32>) -> binder::Result<Vec<i32>> {
        self._rt.block_on(self._inner.r#reverseInts(_arg_input, _arg_reversed))
      }
      fn r#reverseBytes<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [u8], _arg_repeated: &'l2 mut Vec<u8>) -> binder::Result<Vec<u8>> {
        self._rt.block_on(self._inner.r#reverseBytes(_arg_input, _arg_repeated))
      }
      fn r#reverseStrings<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [String], _arg_reversed: &'l2 mut Vec<String>) -> binder::Result<Vec<String>> {
        self._rt.block_on(self._inner.r#reverseStrings(_arg_input, _arg_reversed))
      }
      fn r#nullableStrings<'a, 'l1, >(&'a self, _arg_input: Option<&'l1 [Option<String>]>) -> binder::Result<Option<Vec<Option<String>>>> {
        self._rt.block_on(self._inner.r#nullableStrings(_arg_input))
      }
      fn r#reverseList<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [String], _arg_reversed: &'l2 mut Vec<String>) -> binder::Result<Vec<String>> {
        self._rt.block_on(self._inner.r#reverseList(_arg_input, _arg_reversed))
      }
      fn r#reverseColors<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [crate::mangled::_3_sim_6_golden_5_Color], _arg_reversed: &'l2 mut Vec<crate::mangled::_3_sim_6_golden_5_Color>) -> binder::Result<Vec<crate::mangled::_3_sim_6_golden_5_Color>> {
        self._rt.block_on(self._inner.r#reverseColors(_arg_input, _arg_reversed))
      }
      fn r#fixedInts<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [i32; 3], _arg_output: &'l2 mut [i32; 3]) -> binder::Result<[i32; 3]> {
        self._rt.block_on(self._inner.r#fixedInts(_arg_input, _arg_output))
      }
      fn r#fixedMatrix<'a, 'l1, >(&'a self, _arg_input: &'l1 [[i32; 3]; 2]) -> binder::Result<[[i32; 3]; 2]> {
        self._rt.block_on(self._inner.r#fixedMatrix(_arg_input))
      }
      fn r#movePoint<'a, 'l1, >(&'a self, _arg_p: &'l1 crate::mangled::_3_sim_6_golden_5_Point, _arg_dx: i32, _arg_dy: i32) -> binder::Result<crate::mangled::_3_sim_6_golden_5_Point> {
        self._rt.block_on(self._inner.r#movePoint(_arg_p, _arg_dx, _arg_dy))
      }
      fn r#fillPoint<'a, 'l1, >(&'a self, _arg_p: &'l1 mut crate::mangled::_3_sim_6_golden_5_Point) -> binder::Result<()> {
        self._rt.block_on(self._inner.r#fillPoint(_arg_p))
      }
      fn r#touchPoint<'a, 'l1, >(&'a self, _arg_p: &'l1 mut crate::mangled::_3_sim_6_golden_5_Point) -> binder::Result<()> {
        self._rt.block_on(self._inner.r#touchPoint(_arg_p))
      }
      fn r#maybePoint<'a, 'l1, >(&'a self, _arg_p: Option<&'l1 crate::mangled::_3_sim_6_golden_5_Point>) -> binder::Result<Option<crate::mangled::_3_sim_6_golden_5_Point>> {
        self._rt.block_on(self._inner.r#maybePoint(_arg_p))
      }
      fn r#maybePoints<'a, 'l1, >(&'a self, _arg_ps: Option<&'l1 [Option<crate::mangled::_3_sim_6_golden_5_Point>]>) -> binder::Result<Option<Vec<Option<crate::mangled::_3_sim_6_golden_5_Point>>>> {
        self._rt.block_on(self._inner.r#maybePoints(_arg_ps))
      }
      fn r#pointList<'a, 'l1, >(&'a self, _arg_ps: &'l1 [crate::mangled::_3_sim_6_golden_5_Point]) -> binder::Result<Vec<crate::mangled::_3_sim_6_golden_5_Point>> {
        self._rt.block_on(self._inner.r#pointList(_arg_ps))
      }
      fn r#repeatShape<'a, 'l1, >(&'a self, _arg_s: &'l1 crate::mangled::_3_sim_6_golden_5_Shape) -> binder::Result<crate::mangled::_3_sim_6_golden_5_Shape> {
        self._rt.block_on(self._inner.r#repeatShape(_arg_s))
      }
      fn r#repeatRemote<'a, 'l1, >(&'a self, _arg_r: &'l1 crate::mangled::_3_sim_6_golden_5_other_6_Remote) -> binder::Result<crate::mangled::_3_sim_6_golden_5_other_6_Remote> {
        self._rt.block_on(self._inner.r#repeatRemote(_arg_r))
      }
      fn r#takeBinder<'a, 'l1, >(&'a self, _arg_b: &'l1 binder::SpIBinder) -> binder::Result<binder::SpIBinder> {
        self._rt.block_on(self._inner.r#takeBinder(_arg_b))
      }
      fn r#takeNullableBinder<'a, 'l1, >(&'a self, _arg_b: Option<&'l1 binder::SpIBinder>) -> binder::Result<Option<binder::SpIBinder>> {
        self._rt.block_on(self._inner.r#takeNullableBinder(_arg_b))
      }
      fn r#takeBinders<'a, 'l1, 'l2, >(&'a self, _arg_bs: &'l1 [binder::SpIBinder], _arg_copies: &'l2 mut Vec<Option<binder::SpIBinder>>) -> binder::Result<Vec<binder::SpIBinder>> {
        self._rt.block_on(self._inner.r#takeBinders(_arg_bs, _arg_copies))
      }
      fn r#binderList<'a, 'l1, >(&'a self, _arg_bs: &'l1 [binder::SpIBinder]) -> binder::Result<Vec<binder::SpIBinder>> {
        self._rt.block_on(self._inner.r#binderList(_arg_bs))
      }
      fn r#repeatFd<'a, 'l1, >(&'a self, _arg_fd: &'l1 binder::ParcelFileDescriptor) -> binder::Result<binder::ParcelFileDescriptor> {
        self._rt.block_on(self._inner.r#repeatFd(_arg_fd))
      }
      fn r#maybeFd<'a, 'l1, >(&'a self, _arg_fd: Option<&'l1 binder::ParcelFileDescriptor>) -> binder::Result<Option<binder::ParcelFileDescriptor>> {
        self._rt.block_on(self._inner.r#maybeFd(_arg_fd))
      }
      fn r#repeatFds<'a, 'l1, 'l2, >(&'a self, _arg_fds: &'l1 [binder::ParcelFileDescriptor], _arg_copies: &'l2 mut Vec<Option<binder::ParcelFileDescriptor>>) -> binder::Result<Vec<binder::ParcelFileDescriptor>> {
        self._rt.block_on(self._inner.r#repeatFds(_arg_fds, _arg_copies))
      }
      fn r#registerCallback<'a, 'l1, >(&'a self, _arg_cb: &'l1 binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>) -> binder::Result<()> {
        self._rt.block_on(self._inner.r#registerCallback(_arg_cb))
      }
      fn r#getCallback<'a, >(&'a self, _arg_returnNull: bool) -> binder::Result<Option<binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>> {
        self._rt.block_on(self._inner.r#getCallback(_arg_returnNull))
      }
      fn r#callbacks<'a, 'l1, >(&'a self, _arg_cbs: &'l1 [binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>]) -> binder::Result<Vec<binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>> {
        self._rt.block_on(self._inner.r#callbacks(_arg_cbs))
      }
      fn r#nullableCallback<'a, 'l1, >(&'a self, _arg_cb: Option<&'l1 binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>) -> binder::Result<()> {
        self._rt.block_on(self._inner.r#nullableCallback(_arg_cb))
      }
      fn r#fireAndForget<'a, 'l1, >(&'a self, _arg_code: i32, _arg_message: &'l1 str) -> binder::Result<()> {
        self._rt.block_on(self._inner.r#fireAndForget(_arg_code, _arg_message))
      }
      fn r#oldRepeat<'a, >(&'a self, _arg_token: i32) -> binder::Result<i32> {
        self._rt.block_on(self._inner.r#oldRepeat(_arg_token))
      }
      fn try_as_async_server(&self) -> Option<&(dyn IBasicAsyncServer + Send + Sync)> {
        Some(&self._inner)
      }
    }
    let wrapped = Wrapper { _inner: inner, _rt: rt };
    Self::new_binder(wrapped, features)
  }
  pub fn try_into_local_async<P: binder::BinderAsyncPool + 'static>(_native: binder::binder_impl::Binder<Self>) -> Option<binder::Strong<dyn IBasicAsync<P>>> {
    struct Wrapper {
      _native: binder::binder_impl::Binder<BnBasic>
    }
    impl binder::Interface for Wrapper {}
    impl<P: binder::BinderAsyncPool> IBasicAsync<P> for Wrapper {
      fn r#repeatBoolean<'a, >(&'a self, _arg_token: bool) -> binder::BoxFuture<'a, binder::Result<bool>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#repeatBoolean(_arg_token))
      }
      fn r#repeatByte<'a, >(&'a self, _arg_token: i8) -> binder::BoxFuture<'a, binder::Result<i8>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#repeatByte(_arg_token))
      }
      fn r#repeatChar<'a, >(&'a self, _arg_token: u16) -> binder::BoxFuture<'a, binder::Result<u16>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#repeatChar(_arg_token))
      }
      fn r#repeatInt<'a, >(&'a self, _arg_token: i32) -> binder::BoxFuture<'a, binder::Result<i32>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#repeatInt(_arg_token))
      }
      fn r#repeatLong<'a, >(&'a self, _arg_token: i64) -> binder::BoxFuture<'a, binder::Result<i64>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#repeatLong(_arg_token))
      }
      fn r#repeatFloat<'a, >(&'a self, _arg_token: f32) -> binder::BoxFuture<'a, binder::Result<f32>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#repeatFloat(_arg_token))
      }
      fn r#repeatDouble<'a, >(&'a self, _arg_token: f64) -> binder::BoxFuture<'a, binder::Result<f64>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#repeatDouble(_arg_token))
      }
      fn r#repeatString<'a, >(&'a self, _arg_token: &'a str) -> binder::BoxFuture<'a, binder::Result<String>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#repeatString(_arg_token))
      }
      fn r#repeatUtf8<'a, >(&'a self, _arg_token: &'a str) -> binder::BoxFuture<'a, binder::Result<String>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#repeatUtf8(_arg_token))
      }
      fn r#repeatNullableString<'a, >(&'a self, _arg_token: Option<&'a str>) -> binder::BoxFuture<'a, binder::Result<Option<String>>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#repeatNullableString(_arg_token))
      }
      fn r#repeatColor<'a, >(&'a self, _arg_token: crate::mangled::_3_sim_6_golden_5_Color) -> binder::BoxFuture<'a, binder::Result<crate::mangled::_3_sim_6_golden_5_Color>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#repeatColor(_arg_token))
      }
      fn r#reverseInts<'a, >(&'a self, _arg_input: &'a [i32], _arg_reversed: &'a mut Vec<i32>) -> binder::BoxFuture<'a, binder::Result<Vec<i32>>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#reverseInts(_arg_input, _arg_reversed))
      }
      fn r#reverseBytes<'a, >(&'a self, _arg_input: &'a [u8], _arg_repeated: &'a mut Vec<u8>) -> binder::BoxFuture<'a, binder::Result<Vec<u8>>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#reverseBytes(_arg_input, _arg_repeated))
      }
      fn r#reverseStrings<'a, >(&'a self, _arg_input: &'a [String], _arg_reversed: &'a mut Vec<String>) -> binder::BoxFuture<'a, binder::Result<Vec<String>>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#reverseStrings(_arg_input, _arg_reversed))
      }
      fn r#nullableStrings<'a, >(&'a self, _arg_input: Option<&'a [Option<String>]>) -> binder::BoxFuture<'a, binder::Result<Option<Vec<Option<String>>>>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#nullableStrings(_arg_input))
      }
      fn r#reverseList<'a, >(&'a self, _arg_input: &'a [String], _arg_reversed: &'a mut Vec<String>) -> binder::BoxFuture<'a, binder::Result<Vec<String>>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#reverseList(_arg_input, _arg_reversed))
      }
      fn r#reverseColors<'a, >(&'a self, _arg_input: &'a [crate::mangled::_3_sim_6_golden_5_Color], _arg_reversed: &'a mut Vec<crate::mangled::_3_sim_6_golden_5_Color>) -> binder::BoxFuture<'a, binder::Result<Vec<crate::mangled::_3_sim_6_golden_5_Color>>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#reverseColors(_arg_input, _arg_reversed))
      }
      fn r#fixedInts<'a, >(&'a self, _arg_input: &'a [i32; 3], _arg_output: &'a mut [i32; 3]) -> binder::BoxFuture<'a, binder::Result<[i32; 3]>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#fixedInts(_arg_input, _arg_output))
      }
      fn r#fixedMatrix<'a, >(&'a self, _arg_input: &'a [[i32; 3]; 2]) -> binder::BoxFuture<'a, binder::Result<[[i32; 3]; 2]>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#fixedMatrix(_arg_input))
      }
      fn r#movePoint<'a, >(&'a self, _arg_p: &'a crate::mangled::_3_sim_6_golden_5_Point, _arg_dx: i32, _arg_dy: i32) -> binder::BoxFuture<'a, binder::Result<crate::mangled::_3_sim_6_golden_5_Point>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#movePoint(_arg_p, _arg_dx, _arg_dy))
      }
      fn r#fillPoint<'a, >(&'a self, _arg_p: &'a mut crate::mangled::_3_sim_6_golden_5_Point) -> binder::BoxFuture<'a, binder::Result<()>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#fillPoint(_arg_p))
      }
      fn r#touchPoint<'a, >(&'a self, _arg_p: &'a mut crate::mangled::_3_sim_6_golden_5_Point) -> binder::BoxFuture<'a, binder::Result<()>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#touchPoint(_arg_p))
      }
      fn r#maybePoint<'a, >(&'a self, _arg_p: Option<&'a crate::mangled::_3_sim_6_golden_5_Point>) -> binder::BoxFuture<'a, binder::Result<Option<crate::mangled::_3_sim_6_golden_5_Point>>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#maybePoint(_arg_p))
      }
      fn r#maybePoints<'a, >(&'a self, _arg_ps: Option<&'a [Option<crate::mangled::_3_sim_6_golden_5_Point>]>) -> binder::BoxFuture<'a, binder::Result<Option<Vec<Option<crate::mangled::_3_sim_6_golden_5_Point>>>>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#maybePoints(_arg_ps))
      }
      fn r#pointList<'a, >(&'a self, _arg_ps: &'a [crate::mangled::_3_sim_6_golden_5_Point]) -> binder::BoxFuture<'a, binder::Result<Vec<crate::mangled::_3_sim_6_golden_5_Point>>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#pointList(_arg_ps))
      }
      fn r#repeatShape<'a, >(&'a self, _arg_s: &'a crate::mangled::_3_sim_6_golden_5_Shape) -> binder::BoxFuture<'a, binder::Result<crate::mangled::_3_sim_6_golden_5_Shape>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#repeatShape(_arg_s))
      }
      fn r#repeatRemote<'a, >(&'a self, _arg_r: &'a crate::mangled::_3_sim_6_golden_5_other_6_Remote) -> binder::BoxFuture<'a, binder::Result<crate::mangled::_3_sim_6_golden_5_other_6_Remote>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#repeatRemote(_arg_r))
      }
      fn r#takeBinder<'a, >(&'a self, _arg_b: &'a binder::SpIBinder) -> binder::BoxFuture<'a, binder::Result<binder::SpIBinder>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#takeBinder(_arg_b))
      }
      fn r#takeNullableBinder<'a, >(&'a self, _arg_b: Option<&'a binder::SpIBinder>) -> binder::BoxFuture<'a, binder::Result<Option<binder::SpIBinder>>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#takeNullableBinder(_arg_b))
      }
      fn r#takeBinders<'a, >(&'a self, _arg_bs: &'a [binder::SpIBinder], _arg_copies: &'a mut Vec<Option<binder::SpIBinder>>) -> binder::BoxFuture<'a, binder::Result<Vec<binder::SpIBinder>>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#takeBinders(_arg_bs, _arg_copies))
      }
      fn r#binderList<'a, >(&'a self, _arg_bs: &'a [binder::SpIBinder]) -> binder::BoxFuture<'a, binder::Result<Vec<binder::SpIBinder>>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#binderList(_arg_bs))
      }
      fn r#repeatFd<'a, >(&'a self, _arg_fd: &'a binder::ParcelFileDescriptor) -> binder::BoxFuture<'a, binder::Result<binder::ParcelFileDescriptor>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#repeatFd(_arg_fd))
      }
      fn r#maybeFd<'a, >(&'a self, _arg_fd: Option<&'a binder::ParcelFileDescriptor>) -> binder::BoxFuture<'a, binder::Result<Option<binder::ParcelFileDescriptor>>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#maybeFd(_arg_fd))
      }
      fn r#repeatFds<'a, >(&'a self, _arg_fds: &'a [binder::ParcelFileDescriptor], _arg_copies: &'a mut Vec<Option<binder::ParcelFileDescriptor>>) -> binder::BoxFuture<'a, binder::Result<Vec<binder::ParcelFileDescriptor>>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#repeatFds(_arg_fds, _arg_copies))
      }
      fn r#registerCallback<'a, >(&'a self, _arg_cb: &'a binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>) -> binder::BoxFuture<'a, binder::Result<()>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#registerCallback(_arg_cb))
      }
      fn r#getCallback<'a, >(&'a self, _arg_returnNull: bool) -> binder::BoxFuture<'a, binder::Result<Option<binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#getCallback(_arg_returnNull))
      }
      fn r#callbacks<'a, >(&'a self, _arg_cbs: &'a [binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>]) -> binder::BoxFuture<'a, binder::Result<Vec<binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#callbacks(_arg_cbs))
      }
      fn r#nullableCallback<'a, >(&'a self, _arg_cb: Option<&'a binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>) -> binder::BoxFuture<'a, binder::Result<()>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#nullableCallback(_arg_cb))
      }
      fn r#fireAndForget<'a, >(&'a self, _arg_code: i32, _arg_message: &'a str) -> binder::BoxFuture<'a, binder::Result<()>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#fireAndForget(_arg_code, _arg_message))
      }
      fn r#oldRepeat<'a, >(&'a self, _arg_token: i32) -> binder::BoxFuture<'a, binder::Result<i32>> {
        Box::pin(self._native.try_as_async_server().unwrap().r#oldRepeat(_arg_token))
      }
    }
    if _native.try_as_async_server().is_some() {
      Some(binder::Strong::new(Box::new(Wrapper { _native }) as Box<dyn IBasicAsync<P>>))
    } else {
      None
    }
  }
}
pub trait IBasicDefault: Send + Sync {
  fn r#repeatBoolean<'a, >(&'a self, _arg_token: bool) -> binder::Result<bool> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#repeatByte<'a, >(&'a self, _arg_token: i8) -> binder::Result<i8> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#repeatChar<'a, >(&'a self, _arg_token: u16) -> binder::Result<u16> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#repeatInt<'a, >(&'a self, _arg_token: i32) -> binder::Result<i32> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#repeatLong<'a, >(&'a self, _arg_token: i64) -> binder::Result<i64> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#repeatFloat<'a, >(&'a self, _arg_token: f32) -> binder::Result<f32> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#repeatDouble<'a, >(&'a self, _arg_token: f64) -> binder::Result<f64> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#repeatString<'a, 'l1, >(&'a self, _arg_token: &'l1 str) -> binder::Result<String> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#repeatUtf8<'a, 'l1, >(&'a self, _arg_token: &'l1 str) -> binder::Result<String> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#repeatNullableString<'a, 'l1, >(&'a self, _arg_token: Option<&'l1 str>) -> binder::Result<Option<String>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#repeatColor<'a, >(&'a self, _arg_token: crate::mangled::_3_sim_6_golden_5_Color) -> binder::Result<crate::mangled::_3_sim_6_golden_5_Color> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#reverseInts<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [i32], _arg_reversed: &'l2 mut Vec<i32>) -> binder::Result<Vec<i32>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#reverseBytes<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [u8], _arg_repeated: &'l2 mut Vec<u8>) -> binder::Result<Vec<u8>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#reverseStrings<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [String], _arg_reversed: &'l2 mut Vec<String>) -> binder::Result<Vec<String>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#nullableStrings<'a, 'l1, >(&'a self, _arg_input: Option<&'l1 [Option<String>]>) -> binder::Result<Option<Vec<Option<String>>>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#reverseList<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [String], _arg_reversed: &'l2 mut Vec<String>) -> binder::Result<Vec<String>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#reverseColors<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [crate::mangled::_3_sim_6_golden_5_Color], _arg_reversed: &'l2 mut Vec<crate::mangled::_3_sim_6_golden_5_Color>) -> binder::Result<Vec<crate::mangled::_3_sim_6_golden_5_Color>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#fixedInts<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [i32; 3], _arg_output: &'l2 mut [i32; 3]) -> binder::Result<[i32; 3]> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#fixedMatrix<'a, 'l1, >(&'a self, _arg_input: &'l1 [[i32; 3]; 2]) -> binder::Result<[[i32; 3]; 2]> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#movePoint<'a, 'l1, >(&'a self, _arg_p: &'l1 crate::mangled::_3_sim_6_golden_5_Point, _arg_dx: i32, _arg_dy: i32) -> binder::Result<crate::mangled::_3_sim_6_golden_5_Point> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#fillPoint<'a, 'l1, >(&'a self, _arg_p: &'l1 mut crate::mangled::_3_sim_6_golden_5_Point) -> binder::Result<()> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#touchPoint<'a, 'l1, >(&'a self, _arg_p: &'l1 mut crate::mangled::_3_sim_6_golden_5_Point) -> binder::Result<()> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#maybePoint<'a, 'l1, >(&'a self, _arg_p: Option<&'l1 crate::mangled::_3_sim_6_golden_5_Point>) -> binder::Result<Option<crate::mangled::_3_sim_6_golden_5_Point>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#maybePoints<'a, 'l1, >(&'a self, _arg_ps: Option<&'l1 [Option<crate::mangled::_3_sim_6_golden_5_Point>]>) -> binder::Result<Option<Vec<Option<crate::mangled::_3_sim_6_golden_5_Point>>>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#pointList<'a, 'l1, >(&'a self, _arg_ps: &'l1 [crate::mangled::_3_sim_6_golden_5_Point]) -> binder::Result<Vec<crate::mangled::_3_sim_6_golden_5_Point>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#repeatShape<'a, 'l1, >(&'a self, _arg_s: &'l1 crate::mangled::_3_sim_6_golden_5_Shape) -> binder::Result<crate::mangled::_3_sim_6_golden_5_Shape> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#repeatRemote<'a, 'l1, >(&'a self, _arg_r: &'l1 crate::mangled::_3_sim_6_golden_5_other_6_Remote) -> binder::Result<crate::mangled::_3_sim_6_golden_5_other_6_Remote> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#takeBinder<'a, 'l1, >(&'a self, _arg_b: &'l1 binder::SpIBinder) -> binder::Result<binder::SpIBinder> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#takeNullableBinder<'a, 'l1, >(&'a self, _arg_b: Option<&'l1 binder::SpIBinder>) -> binder::Result<Option<binder::SpIBinder>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#takeBinders<'a, 'l1, 'l2, >(&'a self, _arg_bs: &'l1 [binder::SpIBinder], _arg_copies: &'l2 mut Vec<Option<binder::SpIBinder>>) -> binder::Result<Vec<binder::SpIBinder>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#binderList<'a, 'l1, >(&'a self, _arg_bs: &'l1 [binder::SpIBinder]) -> binder::Result<Vec<binder::SpIBinder>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#repeatFd<'a, 'l1, >(&'a self, _arg_fd: &'l1 binder::ParcelFileDescriptor) -> binder::Result<binder::ParcelFileDescriptor> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#maybeFd<'a, 'l1, >(&'a self, _arg_fd: Option<&'l1 binder::ParcelFileDescriptor>) -> binder::Result<Option<binder::ParcelFileDescriptor>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#repeatFds<'a, 'l1, 'l2, >(&'a self, _arg_fds: &'l1 [binder::ParcelFileDescriptor], _arg_copies: &'l2 mut Vec<Option<binder::ParcelFileDescriptor>>) -> binder::Result<Vec<binder::ParcelFileDescriptor>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#registerCallback<'a, 'l1, >(&'a self, _arg_cb: &'l1 binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>) -> binder::Result<()> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#getCallback<'a, >(&'a self, _arg_returnNull: bool) -> binder::Result<Option<binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#callbacks<'a, 'l1, >(&'a self, _arg_cbs: &'l1 [binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>]) -> binder::Result<Vec<binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#nullableCallback<'a, 'l1, >(&'a self, _arg_cb: Option<&'l1 binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>) -> binder::Result<()> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#fireAndForget<'a, 'l1, >(&'a self, _arg_code: i32, _arg_message: &'l1 str) -> binder::Result<()> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
  fn r#oldRepeat<'a, >(&'a self, _arg_token: i32) -> binder::Result<i32> {
    Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())
  }
}
pub mod transactions {
  pub const r#repeatBoolean: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 0;
  pub const r#repeatByte: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 1;
  pub const r#repeatChar: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 2;
  pub const r#repeatInt: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 3;
  pub const r#repeatLong: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 4;
  pub const r#repeatFloat: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 5;
  pub const r#repeatDouble: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 6;
  pub const r#repeatString: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 7;
  pub const r#repeatUtf8: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 8;
  pub const r#repeatNullableString: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 9;
  pub const r#repeatColor: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 10;
  pub const r#reverseInts: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 11;
  pub const r#reverseBytes: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 12;
  pub const r#reverseStrings: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 13;
  pub const r#nullableStrings: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 14;
  pub const r#reverseList: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 15;
  pub const r#reverseColors: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 16;
  pub const r#fixedInts: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 17;
  pub const r#fixedMatrix: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 18;
  pub const r#movePoint: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 19;
  pub const r#fillPoint: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 20;
  pub const r#touchPoint: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 21;
  pub const r#maybePoint: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 22;
  pub const r#maybePoints: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 23;
  pub const r#pointList: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 24;
  pub const r#repeatShape: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 25;
  pub const r#repeatRemote: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 26;
  pub const r#takeBinder: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 27;
  pub const r#takeNullableBinder: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 28;
  pub const r#takeBinders: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 29;
  pub const r#binderList: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 30;
  pub const r#repeatFd: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 31;
  pub const r#maybeFd: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 32;
  pub const r#repeatFds: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 33;
  pub const r#registerCallback: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 34;
  pub const r#getCallback: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 35;
  pub const r#callbacks: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 36;
  pub const r#nullableCallback: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 37;
  pub const r#fireAndForget: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 38;
  pub const r#oldRepeat: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + 39;
}
pub type IBasicDefaultRef = Option<std::sync::Arc<dyn IBasicDefault>>;
static DEFAULT_IMPL: std::sync::Mutex<IBasicDefaultRef> = std::sync::Mutex::new(None);
pub const r#ANSWER: i32 = 42;
pub const r#MASK: i32 = 65288;
pub const r#NEGATIVE: i32 = -84;
pub const r#WRAPPED: i32 = -1;
pub const r#BIG: i64 = 1099511627776;
pub const r#SMALL: i8 = 127;
pub const r#RATIO: f32 = 1.500000f32;
pub const r#PI: f64 = 3.141590f64;
pub const r#NAME: &str = "basic";
pub const r#GREETING: &str = "hello, basic";
impl BpBasic {
  fn build_parcel_repeatBoolean(&self, _arg_token: bool) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_token)?;
    Ok(aidl_data)
  }
  fn read_response_repeatBoolean(&self, _arg_token: bool, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<bool> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#repeatBoolean(_arg_token);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: bool = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_repeatByte(&self, _arg_token: i8) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_token)?;
    Ok(aidl_data)
  }
  fn read_response_repeatByte(&self, _arg_token: i8, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<i8> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#repeatByte(_arg_token);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: i8 = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_repeatChar(&self, _arg_token: u16) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_token)?;
    Ok(aidl_data)
  }
  fn read_response_repeatChar(&self, _arg_token: u16, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<u16> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#repeatChar(_arg_token);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: u16 = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_repeatInt(&self, _arg_token: i32) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_token)?;
    Ok(aidl_data)
  }
  fn read_response_repeatInt(&self, _arg_token: i32, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<i32> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#repeatInt(_arg_token);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: i32 = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_repeatLong(&self, _arg_token: i64) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_token)?;
    Ok(aidl_data)
  }
  fn read_response_repeatLong(&self, _arg_token: i64, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<i64> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#repeatLong(_arg_token);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: i64 = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_repeatFloat(&self, _arg_token: f32) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_token)?;
    Ok(aidl_data)
  }
  fn read_response_repeatFloat(&self, _arg_token: f32, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<f32> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#repeatFloat(_arg_token);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: f32 = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_repeatDouble(&self, _arg_token: f64) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_token)?;
    Ok(aidl_data)
  }
  fn read_response_repeatDouble(&self, _arg_token: f64, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<f64> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#repeatDouble(_arg_token);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: f64 = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_repeatString(&self, _arg_token: &str) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_token)?;
    Ok(aidl_data)
  }
  fn read_response_repeatString(&self, _arg_token: &str, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<String> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#repeatString(_arg_token);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: String = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_repeatUtf8(&self, _arg_token: &str) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_token)?;
    Ok(aidl_data)
  }
  fn read_response_repeatUtf8(&self, _arg_token: &str, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<String> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#repeatUtf8(_arg_token);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: String = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_repeatNullableString(&self, _arg_token: Option<&str>) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_token)?;
    Ok(aidl_data)
  }
  fn read_response_repeatNullableString(&self, _arg_token: Option<&str>, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Option<String>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#repeatNullableString(_arg_token);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Option<String> = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_repeatColor(&self, _arg_token: crate::mangled::_3_sim_6_golden_5_Color) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_token)?;
    Ok(aidl_data)
  }
  fn read_response_repeatColor(&self, _arg_token: crate::mangled::_3_sim_6_golden_5_Color, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<crate::mangled::_3_sim_6_golden_5_Color> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#repeatColor(_arg_token);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: crate::mangled::_3_sim_6_golden_5_Color = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_reverseInts(&self, _arg_input: &[i32], _arg_reversed: &mut Vec<i32>) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_input)?;
    aidl_data.write_slice_size(Some(_arg_reversed))?;
    Ok(aidl_data)
  }
  fn read_response_reverseInts(&self, _arg_input: &[i32], _arg_reversed: &mut Vec<i32>, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Vec<i32>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#reverseInts(_arg_input, _arg_reversed);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Vec<i32> = _aidl_reply.read()?;
    _aidl_reply.read_onto(_arg_reversed)?;
    Ok(_aidl_return)
  }
  fn build_parcel_reverseBytes(&self, _arg_input: &[u8], _arg_repeated: &mut Vec<u8>) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_input)?;
    aidl_data.write(_arg_repeated)?;
    Ok(aidl_data)
  }
  fn read_response_reverseBytes(&self, _arg_input: &[u8], _arg_repeated: &mut Vec<u8>, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Vec<u8>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#reverseBytes(_arg_input, _arg_repeated);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Vec<u8> = _aidl_reply.read()?;
    _aidl_reply.read_onto(_arg_repeated)?;
    Ok(_aidl_return)
  }
  fn build_parcel_reverseStrings(&self, _arg_input: &[String], _arg_reversed: &mut Vec<String>) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_input)?;
    aidl_data.write_slice_size(Some(_arg_reversed))?;
    Ok(aidl_data)
  }
  fn read_response_reverseStrings(&self, _arg_input: &[String], _arg_reversed: &mut Vec<String>, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Vec<String>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#reverseStrings(_arg_input, _arg_reversed);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Vec<String> = _aidl_reply.read()?;
    _aidl_reply.read_onto(_arg_reversed)?;
    Ok(_aidl_return)
  }
  fn build_parcel_nullableStrings(&self, _arg_input: Option<&[Option<String>]>) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_input)?;
    Ok(aidl_data)
  }
  fn read_response_nullableStrings(&self, _arg_input: Option<&[Option<String>]>, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Option<Vec<Option<String>>>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#nullableStrings(_arg_input);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Option<Vec<Option<String>>> = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_reverseList(&self, _arg_input: &[String], _arg_reversed: &mut Vec<String>) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_input)?;
    Ok(aidl_data)
  }
  fn read_response_reverseList(&self, _arg_input: &[String], _arg_reversed: &mut Vec<String>, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Vec<String>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#reverseList(_arg_input, _arg_reversed);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Vec<String> = _aidl_reply.read()?;
    _aidl_reply.read_onto(_arg_reversed)?;
    Ok(_aidl_return)
  }
  fn build_parcel_reverseColors(&self, _arg_input: &[crate::mangled::_3_sim_6_golden_5_Color], _arg_reversed: &mut Vec<crate::mangled::_3_sim_6_golden_5_Color>) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_input)?;
    aidl_data.write_slice_size(Some(_arg_reversed))?;
    Ok(aidl_data)
  }
  fn read_response_reverseColors(&self, _arg_input: &[crate::mangled::_3_sim_6_golden_5_Color], _arg_reversed: &mut Vec<crate::mangled::_3_sim_6_golden_5_Color>, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Vec<crate::mangled::_3_sim_6_golden_5_Color>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#reverseColors(_arg_input, _arg_reversed);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Vec<crate::mangled::_3_sim_6_golden_5_Color> = _aidl_reply.read()?;
    _aidl_reply.read_onto(_arg_reversed)?;
    Ok(_aidl_return)
  }
  fn build_parcel_fixedInts(&self, _arg_input: &[i32; 3], _arg_output: &mut [i32; 3]) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_input)?;
    Ok(aidl_data)
  }
  fn read_response_fixedInts(&self, _arg_input: &[i32; 3], _arg_output: &mut [i32; 3], _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<[i32; 3]> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#fixedInts(_arg_input, _arg_output);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: [i32; 3] = _aidl_reply.read()?;
    _aidl_reply.read_onto(_arg_output)?;
    Ok(_aidl_return)
  }
  fn build_parcel_fixedMatrix(&self, _arg_input: &[[i32; 3]; 2]) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_input)?;
    Ok(aidl_data)
  }
  fn read_response_fixedMatrix(&self, _arg_input: &[[i32; 3]; 2], _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<[[i32; 3]; 2]> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#fixedMatrix(_arg_input);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: [[i32; 3]; 2] = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_movePoint(&self, _arg_p: &crate::mangled::_3_sim_6_golden_5_Point, _arg_dx: i32, _arg_dy: i32) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_p)?;
    aidl_data.write(&_arg_dx)?;
    aidl_data.write(&_arg_dy)?;
    Ok(aidl_data)
  }
  fn read_response_movePoint(&self, _arg_p: &crate::mangled::_3_sim_6_golden_5_Point, _arg_dx: i32, _arg_dy: i32, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<crate::mangled::_3_sim_6_golden_5_Point> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#movePoint(_arg_p, _arg_dx, _arg_dy);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: crate::mangled::_3_sim_6_golden_5_Point = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_fillPoint(&self, _arg_p: &mut crate::mangled::_3_sim_6_golden_5_Point) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    Ok(aidl_data)
  }
  fn read_response_fillPoint(&self, _arg_p: &mut crate::mangled::_3_sim_6_golden_5_Point, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<()> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#fillPoint(_arg_p);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    _aidl_reply.read_onto(_arg_p)?;
    Ok(())
  }
  fn build_parcel_touchPoint(&self, _arg_p: &mut crate::mangled::_3_sim_6_golden_5_Point) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_p)?;
    Ok(aidl_data)
  }
  fn read_response_touchPoint(&self, _arg_p: &mut crate::mangled::_3_sim_6_golden_5_Point, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<()> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#touchPoint(_arg_p);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    _aidl_reply.read_onto(_arg_p)?;
    Ok(())
  }
  fn build_parcel_maybePoint(&self, _arg_p: Option<&crate::mangled::_3_sim_6_golden_5_Point>) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_p)?;
    Ok(aidl_data)
  }
  fn read_response_maybePoint(&self, _arg_p: Option<&crate::mangled::_3_sim_6_golden_5_Point>, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Option<crate::mangled::_3_sim_6_golden_5_Point>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#maybePoint(_arg_p);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Option<crate::mangled::_3_sim_6_golden_5_Point> = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_maybePoints(&self, _arg_ps: Option<&[Option<crate::mangled::_3_sim_6_golden_5_Point>]>) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_ps)?;
    Ok(aidl_data)
  }
  fn read_response_maybePoints(&self, _arg_ps: Option<&[Option<crate::mangled::_3_sim_6_golden_5_Point>]>, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Option<Vec<Option<crate::mangled::_3_sim_6_golden_5_Point>>>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#maybePoints(_arg_ps);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Option<Vec<Option<crate::mangled::_3_sim_6_golden_5_Point>>> = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_pointList(&self, _arg_ps: &[crate::mangled::_3_sim_6_golden_5_Point]) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_ps)?;
    Ok(aidl_data)
  }
  fn read_response_pointList(&self, _arg_ps: &[crate::mangled::_3_sim_6_golden_5_Point], _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Vec<crate::mangled::_3_sim_6_golden_5_Point>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#pointList(_arg_ps);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Vec<crate::mangled::_3_sim_6_golden_5_Point> = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_repeatShape(&self, _arg_s: &crate::mangled::_3_sim_6_golden_5_Shape) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_s)?;
    Ok(aidl_data)
  }
  fn read_response_repeatShape(&self, _arg_s: &crate::mangled::_3_sim_6_golden_5_Shape, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<crate::mangled::_3_sim_6_golden_5_Shape> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#repeatShape(_arg_s);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: crate::mangled::_3_sim_6_golden_5_Shape = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_repeatRemote(&self, _arg_r: &crate::mangled::_3_sim_6_golden_5_other_6_Remote) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_r)?;
    Ok(aidl_data)
  }
  fn read_response_repeatRemote(&self, _arg_r: &crate::mangled::_3_sim_6_golden_5_other_6_Remote, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<crate::mangled::_3_sim_6_golden_5_other_6_Remote> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#repeatRemote(_arg_r);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: crate::mangled::_3_sim_6_golden_5_other_6_Remote = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_takeBinder(&self, _arg_b: &binder::SpIBinder) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_b)?;
    Ok(aidl_data)
  }
  fn read_response_takeBinder(&self, _arg_b: &binder::SpIBinder, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<binder::SpIBinder> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#takeBinder(_arg_b);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: binder::SpIBinder = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_takeNullableBinder(&self, _arg_b: Option<&binder::SpIBinder>) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_b)?;
    Ok(aidl_data)
  }
  fn read_response_takeNullableBinder(&self, _arg_b: Option<&binder::SpIBinder>, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Option<binder::SpIBinder>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#takeNullableBinder(_arg_b);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Option<binder::SpIBinder> = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_takeBinders(&self, _arg_bs: &[binder::SpIBinder], _arg_copies: &mut Vec<Option<binder::SpIBinder>>) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_bs)?;
    aidl_data.write_slice_size(Some(_arg_copies))?;
    Ok(aidl_data)
  }
  fn read_response_takeBinders(&self, _arg_bs: &[binder::SpIBinder], _arg_copies: &mut Vec<Option<binder::SpIBinder>>, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Vec<binder::SpIBinder>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#takeBinders(_arg_bs, _arg_copies);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Vec<binder::SpIBinder> = _aidl_reply.read()?;
    _aidl_reply.read_onto(_arg_copies)?;
    Ok(_aidl_return)
  }
  fn build_parcel_binderList(&self, _arg_bs: &[binder::SpIBinder]) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_bs)?;
    Ok(aidl_data)
  }
  fn read_response_binderList(&self, _arg_bs: &[binder::SpIBinder], _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Vec<binder::SpIBinder>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#binderList(_arg_bs);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Vec<binder::SpIBinder> = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_repeatFd(&self, _arg_fd: &binder::ParcelFileDescriptor) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_fd)?;
    Ok(aidl_data)
  }
  fn read_response_repeatFd(&self, _arg_fd: &binder::ParcelFileDescriptor, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<binder::ParcelFileDescriptor> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#repeatFd(_arg_fd);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: binder::ParcelFileDescriptor = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_maybeFd(&self, _arg_fd: Option<&binder::ParcelFileDescriptor>) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_fd)?;
    Ok(aidl_data)
  }
  fn read_response_maybeFd(&self, _arg_fd: Option<&binder::ParcelFileDescriptor>, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Option<binder::ParcelFileDescriptor>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#maybeFd(_arg_fd);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Option<binder::ParcelFileDescriptor> = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_repeatFds(&self, _arg_fds: &[binder::ParcelFileDescriptor], _arg_copies: &mut Vec<Option<binder::ParcelFileDescriptor>>) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_fds)?;
    aidl_data.write_slice_size(Some(_arg_copies))?;
    Ok(aidl_data)
  }
  fn read_response_repeatFds(&self, _arg_fds: &[binder::ParcelFileDescriptor], _arg_copies: &mut Vec<Option<binder::ParcelFileDescriptor>>, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Vec<binder::ParcelFileDescriptor>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#repeatFds(_arg_fds, _arg_copies);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Vec<binder::ParcelFileDescriptor> = _aidl_reply.read()?;
    _aidl_reply.read_onto(_arg_copies)?;
    Ok(_aidl_return)
  }
  fn build_parcel_registerCallback(&self, _arg_cb: &binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_cb)?;
    Ok(aidl_data)
  }
  fn read_response_registerCallback(&self, _arg_cb: &binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<()> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#registerCallback(_arg_cb);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    Ok(())
  }
  fn build_parcel_getCallback(&self, _arg_returnNull: bool) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_returnNull)?;
    Ok(aidl_data)
  }
  fn read_response_getCallback(&self, _arg_returnNull: bool, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Option<binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#getCallback(_arg_returnNull);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Option<binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>> = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_callbacks(&self, _arg_cbs: &[binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>]) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(_arg_cbs)?;
    Ok(aidl_data)
  }
  fn read_response_callbacks(&self, _arg_cbs: &[binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>], _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<Vec<binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#callbacks(_arg_cbs);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: Vec<binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>> = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
  fn build_parcel_nullableCallback(&self, _arg_cb: Option<&binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_cb)?;
    Ok(aidl_data)
  }
  fn read_response_nullableCallback(&self, _arg_cb: Option<&binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<()> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#nullableCallback(_arg_cb);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    Ok(())
  }
  fn build_parcel_fireAndForget(&self, _arg_code: i32, _arg_message: &str) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_code)?;
    aidl_data.write(_arg_message)?;
    Ok(aidl_data)
  }
  fn read_response_fireAndForget(&self, _arg_code: i32, _arg_message: &str, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<()> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#fireAndForget(_arg_code, _arg_message);
      }
    }
    let _aidl_reply = _aidl_reply?;
    Ok(())
  }
  fn build_parcel_oldRepeat(&self, _arg_token: i32) -> binder::Result<binder::binder_impl::Parcel> {
    let mut aidl_data = self.binder.prepare_transact()?;
    aidl_data.write(&_arg_token)?;
    Ok(aidl_data)
  }
  fn read_response_oldRepeat(&self, _arg_token: i32, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<i32> {
    if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {
      if let Some(_aidl_default_impl) = <Self as IBasic>::getDefaultImpl() {
        return _aidl_default_impl.r#oldRepeat(_arg_token);
      }
    }
    let _aidl_reply = _aidl_reply?;
    let _aidl_status: binder::Status = _aidl_reply.read()?;
    if !_aidl_status.is_ok() { return Err(_aidl_status); }
    let _aidl_return: i32 = _aidl_reply.read()?;
    Ok(_aidl_return)
  }
}
impl IBasic for BpBasic {
  fn r#repeatBoolean<'a, >(&'a self, _arg_token: bool) -> binder::Result<bool> {
    let _aidl_data = self.build_parcel_repeatBoolean(_arg_token)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#repeatBoolean, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_repeatBoolean(_arg_token, _aidl_reply)
  }
  fn r#repeatByte<'a, >(&'a self, _arg_token: i8) -> binder::Result<i8> {
    let _aidl_data = self.build_parcel_repeatByte(_arg_token)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#repeatByte, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_repeatByte(_arg_token, _aidl_reply)
  }
  fn r#repeatChar<'a, >(&'a self, _arg_token: u16) -> binder::Result<u16> {
    let _aidl_data = self.build_parcel_repeatChar(_arg_token)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#repeatChar, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_repeatChar(_arg_token, _aidl_reply)
  }
  fn r#repeatInt<'a, >(&'a self, _arg_token: i32) -> binder::Result<i32> {
    let _aidl_data = self.build_parcel_repeatInt(_arg_token)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#repeatInt, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_repeatInt(_arg_token, _aidl_reply)
  }
  fn r#repeatLong<'a, >(&'a self, _arg_token: i64) -> binder::Result<i64> {
    let _aidl_data = self.build_parcel_repeatLong(_arg_token)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#repeatLong, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_repeatLong(_arg_token, _aidl_reply)
  }
  fn r#repeatFloat<'a, >(&'a self, _arg_token: f32) -> binder::Result<f32> {
    let _aidl_data = self.build_parcel_repeatFloat(_arg_token)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#repeatFloat, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_repeatFloat(_arg_token, _aidl_reply)
  }
  fn r#repeatDouble<'a, >(&'a self, _arg_token: f64) -> binder::Result<f64> {
    let _aidl_data = self.build_parcel_repeatDouble(_arg_token)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#repeatDouble, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_repeatDouble(_arg_token, _aidl_reply)
  }
  fn r#repeatString<'a, 'l1, >(&'a self, _arg_token: &'l1 str) -> binder::Result<String> {
    let _aidl_data = self.build_parcel_repeatString(_arg_token)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#repeatString, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_repeatString(_arg_token, _aidl_reply)
  }
  fn r#repeatUtf8<'a, 'l1, >(&'a self, _arg_token: &'l1 str) -> binder::Result<String> {
    let _aidl_data = self.build_parcel_repeatUtf8(_arg_token)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#repeatUtf8, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_repeatUtf8(_arg_token, _aidl_reply)
  }
  fn r#repeatNullableString<'a, 'l1, >(&'a self, _arg_token: Option<&'l1 str>) -> binder::Result<Option<String>> {
    let _aidl_data = self.build_parcel_repeatNullableString(_arg_token)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#repeatNullableString, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_repeatNullableString(_arg_token, _aidl_reply)
  }
  fn r#repeatColor<'a, >(&'a self, _arg_token: crate::mangled::_3_sim_6_golden_5_Color) -> binder::Result<crate::mangled::_3_sim_6_golden_5_Color> {
    let _aidl_data = self.build_parcel_repeatColor(_arg_token)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#repeatColor, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_repeatColor(_arg_token, _aidl_reply)
  }
  fn r#reverseInts<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [i32], _arg_reversed: &'l2 mut Vec<i32>) -> binder::Result<Vec<i32>> {
    let _aidl_data = self.build_parcel_reverseInts(_arg_input, _arg_reversed)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#reverseInts, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_reverseInts(_arg_input, _arg_reversed, _aidl_reply)
  }
  fn r#reverseBytes<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [u8], _arg_repeated: &'l2 mut Vec<u8>) -> binder::Result<Vec<u8>> {
    let _aidl_data = self.build_parcel_reverseBytes(_arg_input, _arg_repeated)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#reverseBytes, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_reverseBytes(_arg_input, _arg_repeated, _aidl_reply)
  }
  fn r#reverseStrings<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [String], _arg_reversed: &'l2 mut Vec<String>) -> binder::Result<Vec<String>> {
    let _aidl_data = self.build_parcel_reverseStrings(_arg_input, _arg_reversed)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#reverseStrings, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_reverseStrings(_arg_input, _arg_reversed, _aidl_reply)
  }
  fn r#nullableStrings<'a, 'l1, >(&'a self, _arg_input: Option<&'l1 [Option<String>]>) -> binder::Result<Option<Vec<Option<String>>>> {
    let _aidl_data = self.build_parcel_nullableStrings(_arg_input)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#nullableStrings, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_nullableStrings(_arg_input, _aidl_reply)
  }
  fn r#reverseList<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [String], _arg_reversed: &'l2 mut Vec<String>) -> binder::Result<Vec<String>> {
    let _aidl_data = self.build_parcel_reverseList(_arg_input, _arg_reversed)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#reverseList, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_reverseList(_arg_input, _arg_reversed, _aidl_reply)
  }
  fn r#reverseColors<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [crate::mangled::_3_sim_6_golden_5_Color], _arg_reversed: &'l2 mut Vec<crate::mangled::_3_sim_6_golden_5_Color>) -> binder::Result<Vec<crate::mangled::_3_sim_6_golden_5_Color>> {
    let _aidl_data = self.build_parcel_reverseColors(_arg_input, _arg_reversed)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#reverseColors, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_reverseColors(_arg_input, _arg_reversed, _aidl_reply)
  }
  fn r#fixedInts<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [i32; 3], _arg_output: &'l2 mut [i32; 3]) -> binder::Result<[i32; 3]> {
    let _aidl_data = self.build_parcel_fixedInts(_arg_input, _arg_output)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#fixedInts, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_fixedInts(_arg_input, _arg_output, _aidl_reply)
  }
  fn r#fixedMatrix<'a, 'l1, >(&'a self, _arg_input: &'l1 [[i32; 3]; 2]) -> binder::Result<[[i32; 3]; 2]> {
    let _aidl_data = self.build_parcel_fixedMatrix(_arg_input)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#fixedMatrix, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_fixedMatrix(_arg_input, _aidl_reply)
  }
  fn r#movePoint<'a, 'l1, >(&'a self, _arg_p: &'l1 crate::mangled::_3_sim_6_golden_5_Point, _arg_dx: i32, _arg_dy: i32) -> binder::Result<crate::mangled::_3_sim_6_golden_5_Point> {
    let _aidl_data = self.build_parcel_movePoint(_arg_p, _arg_dx, _arg_dy)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#movePoint, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_movePoint(_arg_p, _arg_dx, _arg_dy, _aidl_reply)
  }
  fn r#fillPoint<'a, 'l1, >(&'a self, _arg_p: &'l1 mut crate::mangled::_3_sim_6_golden_5_Point) -> binder::Result<()> {
    let _aidl_data = self.build_parcel_fillPoint(_arg_p)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#fillPoint, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_fillPoint(_arg_p, _aidl_reply)
  }
  fn r#touchPoint<'a, 'l1, >(&'a self, _arg_p: &'l1 mut crate::mangled::_3_sim_6_golden_5_Point) -> binder::Result<()> {
    let _aidl_data = self.build_parcel_touchPoint(_arg_p)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#touchPoint, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_touchPoint(_arg_p, _aidl_reply)
  }
  fn r#maybePoint<'a, 'l1, >(&'a self, _arg_p: Option<&'l1 crate::mangled::_3_sim_6_golden_5_Point>) -> binder::Result<Option<crate::mangled::_3_sim_6_golden_5_Point>> {
    let _aidl_data = self.build_parcel_maybePoint(_arg_p)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#maybePoint, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_maybePoint(_arg_p, _aidl_reply)
  }
  fn r#maybePoints<'a, 'l1, >(&'a self, _arg_ps: Option<&'l1 [Option<crate::mangled::_3_sim_6_golden_5_Point>]>) -> binder::Result<Option<Vec<Option<crate::mangled::_3_sim_6_golden_5_Point>>>> {
    let _aidl_data = self.build_parcel_maybePoints(_arg_ps)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#maybePoints, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_maybePoints(_arg_ps, _aidl_reply)
  }
  fn r#pointList<'a, 'l1, >(&'a self, _arg_ps: &'l1 [crate::mangled::_3_sim_6_golden_5_Point]) -> binder::Result<Vec<crate::mangled::_3_sim_6_golden_5_Point>> {
    let _aidl_data = self.build_parcel_pointList(_arg_ps)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#pointList, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_pointList(_arg_ps, _aidl_reply)
  }
  fn r#repeatShape<'a, 'l1, >(&'a self, _arg_s: &'l1 crate::mangled::_3_sim_6_golden_5_Shape) -> binder::Result<crate::mangled::_3_sim_6_golden_5_Shape> {
    let _aidl_data = self.build_parcel_repeatShape(_arg_s)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#repeatShape, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_repeatShape(_arg_s, _aidl_reply)
  }
  fn r#repeatRemote<'a, 'l1, >(&'a self, _arg_r: &'l1 crate::mangled::_3_sim_6_golden_5_other_6_Remote) -> binder::Result<crate::mangled::_3_sim_6_golden_5_other_6_Remote> {
    let _aidl_data = self.build_parcel_repeatRemote(_arg_r)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#repeatRemote, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_repeatRemote(_arg_r, _aidl_reply)
  }
  fn r#takeBinder<'a, 'l1, >(&'a self, _arg_b: &'l1 binder::SpIBinder) -> binder::Result<binder::SpIBinder> {
    let _aidl_data = self.build_parcel_takeBinder(_arg_b)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#takeBinder, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_takeBinder(_arg_b, _aidl_reply)
  }
  fn r#takeNullableBinder<'a, 'l1, >(&'a self, _arg_b: Option<&'l1 binder::SpIBinder>) -> binder::Result<Option<binder::SpIBinder>> {
    let _aidl_data = self.build_parcel_takeNullableBinder(_arg_b)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#takeNullableBinder, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_takeNullableBinder(_arg_b, _aidl_reply)
  }
  fn r#takeBinders<'a, 'l1, 'l2, >(&'a self, _arg_bs: &'l1 [binder::SpIBinder], _arg_copies: &'l2 mut Vec<Option<binder::SpIBinder>>) -> binder::Result<Vec<binder::SpIBinder>> {
    let _aidl_data = self.build_parcel_takeBinders(_arg_bs, _arg_copies)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#takeBinders, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_takeBinders(_arg_bs, _arg_copies, _aidl_reply)
  }
  fn r#binderList<'a, 'l1, >(&'a self, _arg_bs: &'l1 [binder::SpIBinder]) -> binder::Result<Vec<binder::SpIBinder>> {
    let _aidl_data = self.build_parcel_binderList(_arg_bs)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#binderList, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_binderList(_arg_bs, _aidl_reply)
  }
  fn r#repeatFd<'a, 'l1, >(&'a self, _arg_fd: &'l1 binder::ParcelFileDescriptor) -> binder::Result<binder::ParcelFileDescriptor> {
    let _aidl_data = self.build_parcel_repeatFd(_arg_fd)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#repeatFd, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_repeatFd(_arg_fd, _aidl_reply)
  }
  fn r#maybeFd<'a, 'l1, >(&'a self, _arg_fd: Option<&'l1 binder::ParcelFileDescriptor>) -> binder::Result<Option<binder::ParcelFileDescriptor>> {
    let _aidl_data = self.build_parcel_maybeFd(_arg_fd)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#maybeFd, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_maybeFd(_arg_fd, _aidl_reply)
  }
  fn r#repeatFds<'a, 'l1, 'l2, >(&'a self, _arg_fds: &'l1 [binder::ParcelFileDescriptor], _arg_copies: &'l2 mut Vec<Option<binder::ParcelFileDescriptor>>) -> binder::Result<Vec<binder::ParcelFileDescriptor>> {
    let _aidl_data = self.build_parcel_repeatFds(_arg_fds, _arg_copies)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#repeatFds, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_repeatFds(_arg_fds, _arg_copies, _aidl_reply)
  }
  fn r#registerCallback<'a, 'l1, >(&'a self, _arg_cb: &'l1 binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>) -> binder::Result<()> {
    let _aidl_data = self.build_parcel_registerCallback(_arg_cb)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#registerCallback, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_registerCallback(_arg_cb, _aidl_reply)
  }
  fn r#getCallback<'a, >(&'a self, _arg_returnNull: bool) -> binder::Result<Option<binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>> {
    let _aidl_data = self.build_parcel_getCallback(_arg_returnNull)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#getCallback, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_getCallback(_arg_returnNull, _aidl_reply)
  }
  fn r#callbacks<'a, 'l1, >(&'a self, _arg_cbs: &'l1 [binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>]) -> binder::Result<Vec<binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>> {
    let _aidl_data = self.build_parcel_callbacks(_arg_cbs)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#callbacks, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_callbacks(_arg_cbs, _aidl_reply)
  }
  fn r#nullableCallback<'a, 'l1, >(&'a self, _arg_cb: Option<&'l1 binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>) -> binder::Result<()> {
    let _aidl_data = self.build_parcel_nullableCallback(_arg_cb)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#nullableCallback, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_nullableCallback(_arg_cb, _aidl_reply)
  }
  fn r#fireAndForget<'a, 'l1, >(&'a self, _arg_code: i32, _arg_message: &'l1 str) -> binder::Result<()> {
    let _aidl_data = self.build_parcel_fireAndForget(_arg_code, _arg_message)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#fireAndForget, _aidl_data, binder::binder_impl::FLAG_ONEWAY | FLAG_PRIVATE_LOCAL);
    self.read_response_fireAndForget(_arg_code, _arg_message, _aidl_reply)
  }
  fn r#oldRepeat<'a, >(&'a self, _arg_token: i32) -> binder::Result<i32> {
    let _aidl_data = self.build_parcel_oldRepeat(_arg_token)?;
    let _aidl_reply = self.binder.submit_transact(transactions::r#oldRepeat, _aidl_data, FLAG_PRIVATE_LOCAL);
    self.read_response_oldRepeat(_arg_token, _aidl_reply)
  }
}
impl<P: binder::BinderAsyncPool> IBasicAsync<P> for BpBasic {
  fn r#repeatBoolean<'a, >(&'a self, _arg_token: bool) -> binder::BoxFuture<'a, binder::Result<bool>> {
    let _aidl_data = match self.build_parcel_repeatBoolean(_arg_token) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#repeatBoolean, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_repeatBoolean(_arg_token, _aidl_reply)
      }
    )
  }
  fn r#repeatByte<'a, >(&'a self, _arg_token: i8) -> binder::BoxFuture<'a, binder::Result<i8>> {
    let _aidl_data = match self.build_parcel_repeatByte(_arg_token) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#repeatByte, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_repeatByte(_arg_token, _aidl_reply)
      }
    )
  }
  fn r#repeatChar<'a, >(&'a self, _arg_token: u16) -> binder::BoxFuture<'a, binder::Result<u16>> {
    let _aidl_data = match self.build_parcel_repeatChar(_arg_token) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#repeatChar, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_repeatChar(_arg_token, _aidl_reply)
      }
    )
  }
  fn r#repeatInt<'a, >(&'a self, _arg_token: i32) -> binder::BoxFuture<'a, binder::Result<i32>> {
    let _aidl_data = match self.build_parcel_repeatInt(_arg_token) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#repeatInt, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_repeatInt(_arg_token, _aidl_reply)
      }
    )
  }
  fn r#repeatLong<'a, >(&'a self, _arg_token: i64) -> binder::BoxFuture<'a, binder::Result<i64>> {
    let _aidl_data = match self.build_parcel_repeatLong(_arg_token) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#repeatLong, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_repeatLong(_arg_token, _aidl_reply)
      }
    )
  }
  fn r#repeatFloat<'a, >(&'a self, _arg_token: f32) -> binder::BoxFuture<'a, binder::Result<f32>> {
    let _aidl_data = match self.build_parcel_repeatFloat(_arg_token) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#repeatFloat, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_repeatFloat(_arg_token, _aidl_reply)
      }
    )
  }
  fn r#repeatDouble<'a, >(&'a self, _arg_token: f64) -> binder::BoxFuture<'a, binder::Result<f64>> {
    let _aidl_data = match self.build_parcel_repeatDouble(_arg_token) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#repeatDouble, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_repeatDouble(_arg_token, _aidl_reply)
      }
    )
  }
  fn r#repeatString<'a, >(&'a self, _arg_token: &'a str) -> binder::BoxFuture<'a, binder::Result<String>> {
    let _aidl_data = match self.build_parcel_repeatString(_arg_token) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#repeatString, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_repeatString(_arg_token, _aidl_reply)
      }
    )
  }
  fn r#repeatUtf8<'a, >(&'a self, _arg_token: &'a str) -> binder::BoxFuture<'a, binder::Result<String>> {
    let _aidl_data = match self.build_parcel_repeatUtf8(_arg_token) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#repeatUtf8, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_repeatUtf8(_arg_token, _aidl_reply)
      }
    )
  }
  fn r#repeatNullableString<'a, >(&'a self, _arg_token: Option<&'a str>) -> binder::BoxFuture<'a, binder::Result<Option<String>>> {
    let _aidl_data = match self.build_parcel_repeatNullableString(_arg_token) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#repeatNullableString, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_repeatNullableString(_arg_token, _aidl_reply)
      }
    )
  }
  fn r#repeatColor<'a, >(&'a self, _arg_token: crate::mangled::_3_sim_6_golden_5_Color) -> binder::BoxFuture<'a, binder::Result<crate::mangled::_3_sim_6_golden_5_Color>> {
    let _aidl_data = match self.build_parcel_repeatColor(_arg_token) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#repeatColor, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_repeatColor(_arg_token, _aidl_reply)
      }
    )
  }
  fn r#reverseInts<'a, >(&'a self, _arg_input: &'a [i32], _arg_reversed: &'a mut Vec<i32>) -> binder::BoxFuture<'a, binder::Result<Vec<i32>>> {
    let _aidl_data = match self.build_parcel_reverseInts(_arg_input, _arg_reversed) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#reverseInts, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_reverseInts(_arg_input, _arg_reversed, _aidl_reply)
      }
    )
  }
  fn r#reverseBytes<'a, >(&'a self, _arg_input: &'a [u8], _arg_repeated: &'a mut Vec<u8>) -> binder::BoxFuture<'a, binder::Result<Vec<u8>>> {
    let _aidl_data = match self.build_parcel_reverseBytes(_arg_input, _arg_repeated) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#reverseBytes, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_reverseBytes(_arg_input, _arg_repeated, _aidl_reply)
      }
    )
  }
  fn r#reverseStrings<'a, >(&'a self, _arg_input: &'a [String], _arg_reversed: &'a mut Vec<String>) -> binder::BoxFuture<'a, binder::Result<Vec<String>>> {
    let _aidl_data = match self.build_parcel_reverseStrings(_arg_input, _arg_reversed) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#reverseStrings, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_reverseStrings(_arg_input, _arg_reversed, _aidl_reply)
      }
    )
  }
  fn r#nullableStrings<'a, >(&'a self, _arg_input: Option<&'a [Option<String>]>) -> binder::BoxFuture<'a, binder::Result<Option<Vec<Option<String>>>>> {
    let _aidl_data = match self.build_parcel_nullableStrings(_arg_input) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#nullableStrings, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_nullableStrings(_arg_input, _aidl_reply)
      }
    )
  }
  fn r#reverseList<'a, >(&'a self, _arg_input: &'a [String], _arg_reversed: &'a mut Vec<String>) -> binder::BoxFuture<'a, binder::Result<Vec<String>>> {
    let _aidl_data = match self.build_parcel_reverseList(_arg_input, _arg_reversed) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#reverseList, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_reverseList(_arg_input, _arg_reversed, _aidl_reply)
      }
    )
  }
  fn r#reverseColors<'a, >(&'a self, _arg_input: &'a [crate::mangled::_3_sim_6_golden_5_Color], _arg_reversed: &'a mut Vec<crate::mangled::_3_sim_6_golden_5_Color>) -> binder::BoxFuture<'a, binder::Result<Vec<crate::mangled::_3_sim_6_golden_5_Color>>> {
    let _aidl_data = match self.build_parcel_reverseColors(_arg_input, _arg_reversed) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#reverseColors, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_reverseColors(_arg_input, _arg_reversed, _aidl_reply)
      }
    )
  }
  fn r#fixedInts<'a, >(&'a self, _arg_input: &'a [i32; 3], _arg_output: &'a mut [i32; 3]) -> binder::BoxFuture<'a, binder::Result<[i32; 3]>> {
    let _aidl_data = match self.build_parcel_fixedInts(_arg_input, _arg_output) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#fixedInts, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_fixedInts(_arg_input, _arg_output, _aidl_reply)
      }
    )
  }
  fn r#fixedMatrix<'a, >(&'a self, _arg_input: &'a [[i32; 3]; 2]) -> binder::BoxFuture<'a, binder::Result<[[i32; 3]; 2]>> {
    let _aidl_data = match self.build_parcel_fixedMatrix(_arg_input) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#fixedMatrix, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_fixedMatrix(_arg_input, _aidl_reply)
      }
    )
  }
  fn r#movePoint<'a, >(&'a self, _arg_p: &'a crate::mangled::_3_sim_6_golden_5_Point, _arg_dx: i32, _arg_dy: i32) -> binder::BoxFuture<'a, binder::Result<crate::mangled::_3_sim_6_golden_5_Point>> {
    let _aidl_data = match self.build_parcel_movePoint(_arg_p, _arg_dx, _arg_dy) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#movePoint, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_movePoint(_arg_p, _arg_dx, _arg_dy, _aidl_reply)
      }
    )
  }
  fn r#fillPoint<'a, >(&'a self, _arg_p: &'a mut crate::mangled::_3_sim_6_golden_5_Point) -> binder::BoxFuture<'a, binder::Result<()>> {
    let _aidl_data = match self.build_parcel_fillPoint(_arg_p) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#fillPoint, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_fillPoint(_arg_p, _aidl_reply)
      }
    )
  }
  fn r#touchPoint<'a, >(&'a self, _arg_p: &'a mut crate::mangled::_3_sim_6_golden_5_Point) -> binder::BoxFuture<'a, binder::Result<()>> {
    let _aidl_data = match self.build_parcel_touchPoint(_arg_p) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#touchPoint, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_touchPoint(_arg_p, _aidl_reply)
      }
    )
  }
  fn r#maybePoint<'a, >(&'a self, _arg_p: Option<&'a crate::mangled::_3_sim_6_golden_5_Point>) -> binder::BoxFuture<'a, binder::Result<Option<crate::mangled::_3_sim_6_golden_5_Point>>> {
    let _aidl_data = match self.build_parcel_maybePoint(_arg_p) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#maybePoint, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_maybePoint(_arg_p, _aidl_reply)
      }
    )
  }
  fn r#maybePoints<'a, >(&'a self, _arg_ps: Option<&'a [Option<crate::mangled::_3_sim_6_golden_5_Point>]>) -> binder::BoxFuture<'a, binder::Result<Option<Vec<Option<crate::mangled::_3_sim_6_golden_5_Point>>>>> {
    let _aidl_data = match self.build_parcel_maybePoints(_arg_ps) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#maybePoints, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_maybePoints(_arg_ps, _aidl_reply)
      }
    )
  }
  fn r#pointList<'a, >(&'a self, _arg_ps: &'a [crate::mangled::_3_sim_6_golden_5_Point]) -> binder::BoxFuture<'a, binder::Result<Vec<crate::mangled::_3_sim_6_golden_5_Point>>> {
    let _aidl_data = match self.build_parcel_pointList(_arg_ps) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#pointList, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_pointList(_arg_ps, _aidl_reply)
      }
    )
  }
  fn r#repeatShape<'a, >(&'a self, _arg_s: &'a crate::mangled::_3_sim_6_golden_5_Shape) -> binder::BoxFuture<'a, binder::Result<crate::mangled::_3_sim_6_golden_5_Shape>> {
    let _aidl_data = match self.build_parcel_repeatShape(_arg_s) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#repeatShape, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_repeatShape(_arg_s, _aidl_reply)
      }
    )
  }
  fn r#repeatRemote<'a, >(&'a self, _arg_r: &'a crate::mangled::_3_sim_6_golden_5_other_6_Remote) -> binder::BoxFuture<'a, binder::Result<crate::mangled::_3_sim_6_golden_5_other_6_Remote>> {
    let _aidl_data = match self.build_parcel_repeatRemote(_arg_r) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#repeatRemote, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_repeatRemote(_arg_r, _aidl_reply)
      }
    )
  }
  fn r#takeBinder<'a, >(&'a self, _arg_b: &'a binder::SpIBinder) -> binder::BoxFuture<'a, binder::Result<binder::SpIBinder>> {
    let _aidl_data = match self.build_parcel_takeBinder(_arg_b) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#takeBinder, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_takeBinder(_arg_b, _aidl_reply)
      }
    )
  }
  fn r#takeNullableBinder<'a, >(&'a self, _arg_b: Option<&'a binder::SpIBinder>) -> binder::BoxFuture<'a, binder::Result<Option<binder::SpIBinder>>> {
    let _aidl_data = match self.build_parcel_takeNullableBinder(_arg_b) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#takeNullableBinder, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_takeNullableBinder(_arg_b, _aidl_reply)
      }
    )
  }
  fn r#takeBinders<'a, >(&'a self, _arg_bs: &'a [binder::SpIBinder], _arg_copies: &'a mut Vec<Option<binder::SpIBinder>>) -> binder::BoxFuture<'a, binder::Result<Vec<binder::SpIBinder>>> {
    let _aidl_data = match self.build_parcel_takeBinders(_arg_bs, _arg_copies) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#takeBinders, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_takeBinders(_arg_bs, _arg_copies, _aidl_reply)
      }
    )
  }
  fn r#binderList<'a, >(&'a self, _arg_bs: &'a [binder::SpIBinder]) -> binder::BoxFuture<'a, binder::Result<Vec<binder::SpIBinder>>> {
    let _aidl_data = match self.build_parcel_binderList(_arg_bs) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#binderList, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_binderList(_arg_bs, _aidl_reply)
      }
    )
  }
  fn r#repeatFd<'a, >(&'a self, _arg_fd: &'a binder::ParcelFileDescriptor) -> binder::BoxFuture<'a, binder::Result<binder::ParcelFileDescriptor>> {
    let _aidl_data = match self.build_parcel_repeatFd(_arg_fd) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#repeatFd, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_repeatFd(_arg_fd, _aidl_reply)
      }
    )
  }
  fn r#maybeFd<'a, >(&'a self, _arg_fd: Option<&'a binder::ParcelFileDescriptor>) -> binder::BoxFuture<'a, binder::Result<Option<binder::ParcelFileDescriptor>>> {
    let _aidl_data = match self.build_parcel_maybeFd(_arg_fd) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#maybeFd, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_maybeFd(_arg_fd, _aidl_reply)
      }
    )
  }
  fn r#repeatFds<'a, >(&'a self, _arg_fds: &'a [binder::ParcelFileDescriptor], _arg_copies: &'a mut Vec<Option<binder::ParcelFileDescriptor>>) -> binder::BoxFuture<'a, binder::Result<Vec<binder::ParcelFileDescriptor>>> {
    let _aidl_data = match self.build_parcel_repeatFds(_arg_fds, _arg_copies) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#repeatFds, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_repeatFds(_arg_fds, _arg_copies, _aidl_reply)
      }
    )
  }
  fn r#registerCallback<'a, >(&'a self, _arg_cb: &'a binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>) -> binder::BoxFuture<'a, binder::Result<()>> {
    let _aidl_data = match self.build_parcel_registerCallback(_arg_cb) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#registerCallback, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_registerCallback(_arg_cb, _aidl_reply)
      }
    )
  }
  fn r#getCallback<'a, >(&'a self, _arg_returnNull: bool) -> binder::BoxFuture<'a, binder::Result<Option<binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>>> {
    let _aidl_data = match self.build_parcel_getCallback(_arg_returnNull) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#getCallback, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_getCallback(_arg_returnNull, _aidl_reply)
      }
    )
  }
  fn r#callbacks<'a, >(&'a self, _arg_cbs: &'a [binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>]) -> binder::BoxFuture<'a, binder::Result<Vec<binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>>> {
    let _aidl_data = match self.build_parcel_callbacks(_arg_cbs) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#callbacks, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_callbacks(_arg_cbs, _aidl_reply)
      }
    )
  }
  fn r#nullableCallback<'a, >(&'a self, _arg_cb: Option<&'a binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>) -> binder::BoxFuture<'a, binder::Result<()>> {
    let _aidl_data = match self.build_parcel_nullableCallback(_arg_cb) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#nullableCallback, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_nullableCallback(_arg_cb, _aidl_reply)
      }
    )
  }
  fn r#fireAndForget<'a, >(&'a self, _arg_code: i32, _arg_message: &'a str) -> binder::BoxFuture<'a, binder::Result<()>> {
    let _aidl_data = match self.build_parcel_fireAndForget(_arg_code, _arg_message) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#fireAndForget, _aidl_data, binder::binder_impl::FLAG_ONEWAY | FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_fireAndForget(_arg_code, _arg_message, _aidl_reply)
      }
    )
  }
  fn r#oldRepeat<'a, >(&'a self, _arg_token: i32) -> binder::BoxFuture<'a, binder::Result<i32>> {
    let _aidl_data = match self.build_parcel_oldRepeat(_arg_token) {
      Ok(_aidl_data) => _aidl_data,
      Err(err) => return Box::pin(std::future::ready(Err(err))),
    };
    let binder = self.binder.clone();
    P::spawn(
      move || binder.submit_transact(transactions::r#oldRepeat, _aidl_data, FLAG_PRIVATE_LOCAL),
      move |_aidl_reply| async move {
        self.read_response_oldRepeat(_arg_token, _aidl_reply)
      }
    )
  }
}
impl IBasic for binder::binder_impl::Binder<BnBasic> {
  fn r#repeatBoolean<'a, >(&'a self, _arg_token: bool) -> binder::Result<bool> { self.0.r#repeatBoolean(_arg_token) }
  fn r#repeatByte<'a, >(&'a self, _arg_token: i8) -> binder::Result<i8> { self.0.r#repeatByte(_arg_token) }
  fn r#repeatChar<'a, >(&'a self, _arg_token: u16) -> binder::Result<u16> { self.0.r#repeatChar(_arg_token) }
  fn r#repeatInt<'a, >(&'a self, _arg_token: i32) -> binder::Result<i32> { self.0.r#repeatInt(_arg_token) }
  fn r#repeatLong<'a, >(&'a self, _arg_token: i64) -> binder::Result<i64> { self.0.r#repeatLong(_arg_token) }
  fn r#repeatFloat<'a, >(&'a self, _arg_token: f32) -> binder::Result<f32> { self.0.r#repeatFloat(_arg_token) }
  fn r#repeatDouble<'a, >(&'a self, _arg_token: f64) -> binder::Result<f64> { self.0.r#repeatDouble(_arg_token) }
  fn r#repeatString<'a, 'l1, >(&'a self, _arg_token: &'l1 str) -> binder::Result<String> { self.0.r#repeatString(_arg_token) }
  fn r#repeatUtf8<'a, 'l1, >(&'a self, _arg_token: &'l1 str) -> binder::Result<String> { self.0.r#repeatUtf8(_arg_token) }
  fn r#repeatNullableString<'a, 'l1, >(&'a self, _arg_token: Option<&'l1 str>) -> binder::Result<Option<String>> { self.0.r#repeatNullableString(_arg_token) }
  fn r#repeatColor<'a, >(&'a self, _arg_token: crate::mangled::_3_sim_6_golden_5_Color) -> binder::Result<crate::mangled::_3_sim_6_golden_5_Color> { self.0.r#repeatColor(_arg_token) }
  fn r#reverseInts<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [i32], _arg_reversed: &'l2 mut Vec<i32>) -> binder::Result<Vec<i32>> { self.0.r#reverseInts(_arg_input, _arg_reversed) }
  fn r#reverseBytes<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [u8], _arg_repeated: &'l2 mut Vec<u8>) -> binder::Result<Vec<u8>> { self.0.r#reverseBytes(_arg_input, _arg_repeated) }
  fn r#reverseStrings<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [String], _arg_reversed: &'l2 mut Vec<String>) -> binder::Result<Vec<String>> { self.0.r#reverseStrings(_arg_input, _arg_reversed) }
  fn r#nullableStrings<'a, 'l1, >(&'a self, _arg_input: Option<&'l1 [Option<String>]>) -> binder::Result<Option<Vec<Option<String>>>> { self.0.r#nullableStrings(_arg_input) }
  fn r#reverseList<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [String], _arg_reversed: &'l2 mut Vec<String>) -> binder::Result<Vec<String>> { self.0.r#reverseList(_arg_input, _arg_reversed) }
  fn r#reverseColors<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [crate::mangled::_3_sim_6_golden_5_Color], _arg_reversed: &'l2 mut Vec<crate::mangled::_3_sim_6_golden_5_Color>) -> binder::Result<Vec<crate::mangled::_3_sim_6_golden_5_Color>> { self.0.r#reverseColors(_arg_input, _arg_reversed) }
  fn r#fixedInts<'a, 'l1, 'l2, >(&'a self, _arg_input: &'l1 [i32; 3], _arg_output: &'l2 mut [i32; 3]) -> binder::Result<[i32; 3]> { self.0.r#fixedInts(_arg_input, _arg_output) }
  fn r#fixedMatrix<'a, 'l1, >(&'a self, _arg_input: &'l1 [[i32; 3]; 2]) -> binder::Result<[[i32; 3]; 2]> { self.0.r#fixedMatrix(_arg_input) }
  fn r#movePoint<'a, 'l1, >(&'a self, _arg_p: &'l1 crate::mangled::_3_sim_6_golden_5_Point, _arg_dx: i32, _arg_dy: i32) -> binder::Result<crate::mangled::_3_sim_6_golden_5_Point> { self.0.r#movePoint(_arg_p, _arg_dx, _arg_dy) }
  fn r#fillPoint<'a, 'l1, >(&'a self, _arg_p: &'l1 mut crate::mangled::_3_sim_6_golden_5_Point) -> binder::Result<()> { self.0.r#fillPoint(_arg_p) }
  fn r#touchPoint<'a, 'l1, >(&'a self, _arg_p: &'l1 mut crate::mangled::_3_sim_6_golden_5_Point) -> binder::Result<()> { self.0.r#touchPoint(_arg_p) }
  fn r#maybePoint<'a, 'l1, >(&'a self, _arg_p: Option<&'l1 crate::mangled::_3_sim_6_golden_5_Point>) -> binder::Result<Option<crate::mangled::_3_sim_6_golden_5_Point>> { self.0.r#maybePoint(_arg_p) }
  fn r#maybePoints<'a, 'l1, >(&'a self, _arg_ps: Option<&'l1 [Option<crate::mangled::_3_sim_6_golden_5_Point>]>) -> binder::Result<Option<Vec<Option<crate::mangled::_3_sim_6_golden_5_Point>>>> { self.0.r#maybePoints(_arg_ps) }
  fn r#pointList<'a, 'l1, >(&'a self, _arg_ps: &'l1 [crate::mangled::_3_sim_6_golden_5_Point]) -> binder::Result<Vec<crate::mangled::_3_sim_6_golden_5_Point>> { self.0.r#pointList(_arg_ps) }
  fn r#repeatShape<'a, 'l1, >(&'a self, _arg_s: &'l1 crate::mangled::_3_sim_6_golden_5_Shape) -> binder::Result<crate::mangled::_3_sim_6_golden_5_Shape> { self.0.r#repeatShape(_arg_s) }
  fn r#repeatRemote<'a, 'l1, >(&'a self, _arg_r: &'l1 crate::mangled::_3_sim_6_golden_5_other_6_Remote) -> binder::Result<crate::mangled::_3_sim_6_golden_5_other_6_Remote> { self.0.r#repeatRemote(_arg_r) }
  fn r#takeBinder<'a, 'l1, >(&'a self, _arg_b: &'l1 binder::SpIBinder) -> binder::Result<binder::SpIBinder> { self.0.r#takeBinder(_arg_b) }
  fn r#takeNullableBinder<'a, 'l1, >(&'a self, _arg_b: Option<&'l1 binder::SpIBinder>) -> binder::Result<Option<binder::SpIBinder>> { self.0.r#takeNullableBinder(_arg_b) }
  fn r#takeBinders<'a, 'l1, 'l2, >(&'a self, _arg_bs: &'l1 [binder::SpIBinder], _arg_copies: &'l2 mut Vec<Option<binder::SpIBinder>>) -> binder::Result<Vec<binder::SpIBinder>> { self.0.r#takeBinders(_arg_bs, _arg_copies) }
  fn r#binderList<'a, 'l1, >(&'a self, _arg_bs: &'l1 [binder::SpIBinder]) -> binder::Result<Vec<binder::SpIBinder>> { self.0.r#binderList(_arg_bs) }
  fn r#repeatFd<'a, 'l1, >(&'a self, _arg_fd: &'l1 binder::ParcelFileDescriptor) -> binder::Result<binder::ParcelFileDescriptor> { self.0.r#repeatFd(_arg_fd) }
  fn r#maybeFd<'a, 'l1, >(&'a self, _arg_fd: Option<&'l1 binder::ParcelFileDescriptor>) -> binder::Result<Option<binder::ParcelFileDescriptor>> { self.0.r#maybeFd(_arg_fd) }
  fn r#repeatFds<'a, 'l1, 'l2, >(&'a self, _arg_fds: &'l1 [binder::ParcelFileDescriptor], _arg_copies: &'l2 mut Vec<Option<binder::ParcelFileDescriptor>>) -> binder::Result<Vec<binder::ParcelFileDescriptor>> { self.0.r#repeatFds(_arg_fds, _arg_copies) }
  fn r#registerCallback<'a, 'l1, >(&'a self, _arg_cb: &'l1 binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>) -> binder::Result<()> { self.0.r#registerCallback(_arg_cb) }
  fn r#getCallback<'a, >(&'a self, _arg_returnNull: bool) -> binder::Result<Option<binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>> { self.0.r#getCallback(_arg_returnNull) }
  fn r#callbacks<'a, 'l1, >(&'a self, _arg_cbs: &'l1 [binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>]) -> binder::Result<Vec<binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>> { self.0.r#callbacks(_arg_cbs) }
  fn r#nullableCallback<'a, 'l1, >(&'a self, _arg_cb: Option<&'l1 binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>) -> binder::Result<()> { self.0.r#nullableCallback(_arg_cb) }
  fn r#fireAndForget<'a, 'l1, >(&'a self, _arg_code: i32, _arg_message: &'l1 str) -> binder::Result<()> { self.0.r#fireAndForget(_arg_code, _arg_message) }
  fn r#oldRepeat<'a, >(&'a self, _arg_token: i32) -> binder::Result<i32> { self.0.r#oldRepeat(_arg_token) }
}
fn on_transact(_aidl_service: &dyn IBasic, _aidl_code: binder::binder_impl::TransactionCode, _aidl_data: &binder::binder_impl::BorrowedParcel<'_>, _aidl_reply: &mut binder::binder_impl::BorrowedParcel<'_>) -> std::result::Result<(), binder::StatusCode> {
  match _aidl_code {
    transactions::r#repeatBoolean => {
      let _arg_token: bool = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#repeatBoolean(_arg_token);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#repeatByte => {
      let _arg_token: i8 = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#repeatByte(_arg_token);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#repeatChar => {
      let _arg_token: u16 = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#repeatChar(_arg_token);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#repeatInt => {
      let _arg_token: i32 = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#repeatInt(_arg_token);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#repeatLong => {
      let _arg_token: i64 = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#repeatLong(_arg_token);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#repeatFloat => {
      let _arg_token: f32 = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#repeatFloat(_arg_token);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#repeatDouble => {
      let _arg_token: f64 = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#repeatDouble(_arg_token);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#repeatString => {
      let _arg_token: String = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#repeatString(&_arg_token);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#repeatUtf8 => {
      let _arg_token: String = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#repeatUtf8(&_arg_token);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#repeatNullableString => {
      let _arg_token: Option<String> = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#repeatNullableString(_arg_token.as_deref());
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#repeatColor => {
      let _arg_token: crate::mangled::_3_sim_6_golden_5_Color = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#repeatColor(_arg_token);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#reverseInts => {
      let _arg_input: Vec<i32> = _aidl_data.read()?;
      let mut _arg_reversed: Vec<i32> = Default::default();
      _aidl_data.resize_out_vec(&mut _arg_reversed)?;
      let _aidl_return = _aidl_service.r#reverseInts(&_arg_input, &mut _arg_reversed);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
          _aidl_reply.write(&_arg_reversed)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#reverseBytes => {
      let _arg_input: Vec<u8> = _aidl_data.read()?;
      let mut _arg_repeated: Vec<u8> = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#reverseBytes(&_arg_input, &mut _arg_repeated);
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
    transactions::r#reverseStrings => {
      let _arg_input: Vec<String> = _aidl_data.read()?;
      let mut _arg_reversed: Vec<String> = Default::default();
      _aidl_data.resize_out_vec(&mut _arg_reversed)?;
      let _aidl_return = _aidl_service.r#reverseStrings(&_arg_input, &mut _arg_reversed);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
          _aidl_reply.write(&_arg_reversed)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#nullableStrings => {
      let _arg_input: Option<Vec<Option<String>>> = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#nullableStrings(_arg_input.as_deref());
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#reverseList => {
      let _arg_input: Vec<String> = _aidl_data.read()?;
      let mut _arg_reversed: Vec<String> = Default::default();
      let _aidl_return = _aidl_service.r#reverseList(&_arg_input, &mut _arg_reversed);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
          _aidl_reply.write(&_arg_reversed)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#reverseColors => {
      let _arg_input: Vec<crate::mangled::_3_sim_6_golden_5_Color> = _aidl_data.read()?;
      let mut _arg_reversed: Vec<crate::mangled::_3_sim_6_golden_5_Color> = Default::default();
      _aidl_data.resize_out_vec(&mut _arg_reversed)?;
      let _aidl_return = _aidl_service.r#reverseColors(&_arg_input, &mut _arg_reversed);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
          _aidl_reply.write(&_arg_reversed)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#fixedInts => {
      let _arg_input: [i32; 3] = _aidl_data.read()?;
      let mut _arg_output: [i32; 3] = Default::default();
      let _aidl_return = _aidl_service.r#fixedInts(&_arg_input, &mut _arg_output);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
          _aidl_reply.write(&_arg_output)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#fixedMatrix => {
      let _arg_input: [[i32; 3]; 2] = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#fixedMatrix(&_arg_input);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#movePoint => {
      let _arg_p: crate::mangled::_3_sim_6_golden_5_Point = _aidl_data.read()?;
      let _arg_dx: i32 = _aidl_data.read()?;
      let _arg_dy: i32 = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#movePoint(&_arg_p, _arg_dx, _arg_dy);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#fillPoint => {
      let mut _arg_p: crate::mangled::_3_sim_6_golden_5_Point = Default::default();
      let _aidl_return = _aidl_service.r#fillPoint(&mut _arg_p);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(&_arg_p)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#touchPoint => {
      let mut _arg_p: crate::mangled::_3_sim_6_golden_5_Point = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#touchPoint(&mut _arg_p);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(&_arg_p)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#maybePoint => {
      let _arg_p: Option<crate::mangled::_3_sim_6_golden_5_Point> = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#maybePoint(_arg_p.as_ref());
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#maybePoints => {
      let _arg_ps: Option<Vec<Option<crate::mangled::_3_sim_6_golden_5_Point>>> = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#maybePoints(_arg_ps.as_deref());
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#pointList => {
      let _arg_ps: Vec<crate::mangled::_3_sim_6_golden_5_Point> = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#pointList(&_arg_ps);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#repeatShape => {
      let _arg_s: crate::mangled::_3_sim_6_golden_5_Shape = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#repeatShape(&_arg_s);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#repeatRemote => {
      let _arg_r: crate::mangled::_3_sim_6_golden_5_other_6_Remote = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#repeatRemote(&_arg_r);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#takeBinder => {
      let _arg_b: binder::SpIBinder = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#takeBinder(&_arg_b);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#takeNullableBinder => {
      let _arg_b: Option<binder::SpIBinder> = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#takeNullableBinder(_arg_b.as_ref());
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#takeBinders => {
      let _arg_bs: Vec<binder::SpIBinder> = _aidl_data.read()?;
      let mut _arg_copies: Vec<Option<binder::SpIBinder>> = Default::default();
      _aidl_data.resize_out_vec(&mut _arg_copies)?;
      let _aidl_return = _aidl_service.r#takeBinders(&_arg_bs, &mut _arg_copies);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
          _aidl_reply.write(&_arg_copies)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#binderList => {
      let _arg_bs: Vec<binder::SpIBinder> = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#binderList(&_arg_bs);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#repeatFd => {
      let _arg_fd: binder::ParcelFileDescriptor = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#repeatFd(&_arg_fd);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#maybeFd => {
      let _arg_fd: Option<binder::ParcelFileDescriptor> = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#maybeFd(_arg_fd.as_ref());
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#repeatFds => {
      let _arg_fds: Vec<binder::ParcelFileDescriptor> = _aidl_data.read()?;
      let mut _arg_copies: Vec<Option<binder::ParcelFileDescriptor>> = Default::default();
      _aidl_data.resize_out_vec(&mut _arg_copies)?;
      let _aidl_return = _aidl_service.r#repeatFds(&_arg_fds, &mut _arg_copies);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
          if _arg_copies.iter().any(Option::is_none) { return Err(binder::StatusCode::UNEXPECTED_NULL); }
          _aidl_reply.write(&_arg_copies)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#registerCallback => {
      let _arg_cb: binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback> = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#registerCallback(&_arg_cb);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#getCallback => {
      let _arg_returnNull: bool = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#getCallback(_arg_returnNull);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#callbacks => {
      let _arg_cbs: Vec<binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>> = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#callbacks(&_arg_cbs);
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
          _aidl_reply.write(_aidl_return)?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#nullableCallback => {
      let _arg_cb: Option<binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>> = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#nullableCallback(_arg_cb.as_ref());
      match &_aidl_return {
        Ok(_aidl_return) => {
          _aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;
        }
        Err(_aidl_status) => _aidl_reply.write(_aidl_status)?
      }
      Ok(())
    }
    transactions::r#fireAndForget => {
      let _arg_code: i32 = _aidl_data.read()?;
      let _arg_message: String = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#fireAndForget(_arg_code, &_arg_message);
      Ok(())
    }
    transactions::r#oldRepeat => {
      let _arg_token: i32 = _aidl_data.read()?;
      let _aidl_return = _aidl_service.r#oldRepeat(_arg_token);
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
pub(crate) mod mangled {
 pub use super::r#IBasic as _3_sim_6_golden_6_IBasic;
}
