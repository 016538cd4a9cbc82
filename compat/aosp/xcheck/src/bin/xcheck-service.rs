//! The Rust service of the AIDL cross-check: becomes the context manager of `$BINDER_DEVICE`
//! with an `IXCheck` as its context object, for `xcheck_client` (C++, Android 10's libbinder)
//! to find at handle 0. Serves until killed.

use std::sync::{Condvar, Mutex};
use std::time::Duration;

use aidl_cpp_xcheck::IXCallback::IXCallback;
use aidl_cpp_xcheck::IXCheck::{BnXCheck, IXCheck, ALL_BITS, ERROR_CODE, NAME};
use aidl_cpp_xcheck::IXListener::IXListener;
use aidl_cpp_xcheck::Payload::Payload;
use aidl_cpp_xcheck::{copy_payload, init};
use binder::{
    BinderFeatures, ExceptionCode, Interface, ParcelFileDescriptor, SpIBinder, Status, StatusCode,
    Strong,
};

/// How long `waitPings` waits for the oneway calls it counts.
const PING_WAIT: Duration = Duration::from_secs(5);

#[derive(Default)]
struct XCheck {
    pings: Mutex<Vec<i32>>,
    pinged: Condvar,
}

impl Interface for XCheck {}

/// `o` = `v` reversed, `io` = `io` + `v`, returns `v`: the interface's array semantics.
fn arrays<T: Clone>(v: &[T], o: &mut Vec<T>, io: &mut Vec<T>) -> binder::Result<Vec<T>> {
    *o = v.iter().rev().cloned().collect();
    io.extend_from_slice(v);
    Ok(v.to_vec())
}

fn dup(fd: &ParcelFileDescriptor) -> binder::Result<ParcelFileDescriptor> {
    fd.try_clone()
        .map_err(|e| Status::new_exception_str(ExceptionCode::ILLEGAL_STATE, Some(e.to_string())))
}

impl IXCheck for XCheck {
    fn constants(&self) -> binder::Result<String> {
        Ok(format!("{NAME}:{ERROR_CODE}:{ALL_BITS}"))
    }
    fn rBoolean(&self, v: bool) -> binder::Result<bool> {
        Ok(v)
    }
    fn rByte(&self, v: i8) -> binder::Result<i8> {
        Ok(v)
    }
    fn rChar(&self, v: u16) -> binder::Result<u16> {
        Ok(v)
    }
    fn rInt(&self, v: i32) -> binder::Result<i32> {
        Ok(v)
    }
    fn rLong(&self, v: i64) -> binder::Result<i64> {
        Ok(v)
    }
    fn rFloat(&self, v: f32) -> binder::Result<f32> {
        Ok(v)
    }
    fn rDouble(&self, v: f64) -> binder::Result<f64> {
        Ok(v)
    }
    fn rString(&self, v: &str) -> binder::Result<String> {
        Ok(v.into())
    }
    fn rUtf8(&self, v: &str) -> binder::Result<String> {
        Ok(v.into())
    }
    fn rNullableString(&self, v: Option<&str>) -> binder::Result<Option<String>> {
        Ok(v.map(Into::into))
    }
    fn rNullableUtf8(&self, v: Option<&str>) -> binder::Result<Option<String>> {
        Ok(v.map(Into::into))
    }
    fn rBooleans(
        &self,
        v: &[bool],
        o: &mut Vec<bool>,
        io: &mut Vec<bool>,
    ) -> binder::Result<Vec<bool>> {
        arrays(v, o, io)
    }
    fn rBytes(&self, v: &[u8], o: &mut Vec<u8>, io: &mut Vec<u8>) -> binder::Result<Vec<u8>> {
        arrays(v, o, io)
    }
    fn rChars(&self, v: &[u16], o: &mut Vec<u16>, io: &mut Vec<u16>) -> binder::Result<Vec<u16>> {
        arrays(v, o, io)
    }
    fn rInts(&self, v: &[i32], o: &mut Vec<i32>, io: &mut Vec<i32>) -> binder::Result<Vec<i32>> {
        arrays(v, o, io)
    }
    fn rLongs(&self, v: &[i64], o: &mut Vec<i64>, io: &mut Vec<i64>) -> binder::Result<Vec<i64>> {
        arrays(v, o, io)
    }
    fn rFloats(&self, v: &[f32], o: &mut Vec<f32>, io: &mut Vec<f32>) -> binder::Result<Vec<f32>> {
        arrays(v, o, io)
    }
    fn rDoubles(&self, v: &[f64], o: &mut Vec<f64>, io: &mut Vec<f64>) -> binder::Result<Vec<f64>> {
        arrays(v, o, io)
    }
    fn rStrings(
        &self,
        v: &[String],
        o: &mut Vec<String>,
        io: &mut Vec<String>,
    ) -> binder::Result<Vec<String>> {
        arrays(v, o, io)
    }
    fn rUtf8s(
        &self,
        v: &[String],
        o: &mut Vec<String>,
        io: &mut Vec<String>,
    ) -> binder::Result<Vec<String>> {
        arrays(v, o, io)
    }
    fn rNullableInts(&self, v: Option<&[i32]>) -> binder::Result<Option<Vec<i32>>> {
        Ok(v.map(<[i32]>::to_vec))
    }
    fn rNullableStrings(
        &self,
        v: Option<&[Option<String>]>,
    ) -> binder::Result<Option<Vec<Option<String>>>> {
        Ok(v.map(<[Option<String>]>::to_vec))
    }
    fn rList(
        &self,
        v: &[String],
        o: &mut Vec<String>,
        io: &mut Vec<String>,
    ) -> binder::Result<Vec<String>> {
        arrays(v, o, io)
    }
    fn rUtf8List(
        &self,
        v: &[String],
        o: &mut Vec<String>,
        io: &mut Vec<String>,
    ) -> binder::Result<Vec<String>> {
        arrays(v, o, io)
    }
    fn rNullableList(
        &self,
        v: Option<&[Option<String>]>,
    ) -> binder::Result<Option<Vec<Option<String>>>> {
        Ok(v.map(<[Option<String>]>::to_vec))
    }
    fn rBinder(&self, v: &SpIBinder) -> binder::Result<SpIBinder> {
        Ok(v.clone())
    }
    fn rNullableBinder(&self, v: Option<&SpIBinder>) -> binder::Result<Option<SpIBinder>> {
        Ok(v.cloned())
    }
    fn rBinderList(&self, v: &[SpIBinder]) -> binder::Result<Vec<SpIBinder>> {
        Ok(v.to_vec())
    }
    fn callBack(&self, cb: &Strong<dyn IXCallback>, v: i32) -> binder::Result<i32> {
        cb.apply(v)
    }
    fn rCallback(&self, cb: &Strong<dyn IXCallback>) -> binder::Result<Strong<dyn IXCallback>> {
        Ok(cb.clone())
    }
    fn rNullableCallback(
        &self,
        cb: Option<&Strong<dyn IXCallback>>,
    ) -> binder::Result<Option<Strong<dyn IXCallback>>> {
        Ok(cb.cloned())
    }
    fn tell(&self, l: &Strong<dyn IXListener>, v: i32) -> binder::Result<()> {
        l.onEvent(v, "event")
    }
    fn rPayload(&self, v: &Payload, o: &mut Payload, io: &mut Payload) -> binder::Result<Payload> {
        *o = copy_payload(v);
        o.i += 1;
        io.l *= 2;
        io.names.push("io".into());
        Ok(copy_payload(v))
    }
    fn rNullablePayload(&self, v: Option<&Payload>) -> binder::Result<Option<Payload>> {
        Ok(v.map(copy_payload))
    }
    fn rPayloads(&self, v: &[Payload]) -> binder::Result<Vec<Payload>> {
        Ok(v.iter().map(copy_payload).collect())
    }
    fn defaults(&self) -> binder::Result<Payload> {
        Ok(Payload::default())
    }
    fn other(&self) -> binder::Result<Strong<dyn IXCheck>> {
        Ok(BnXCheck::new_binder(
            XCheck::default(),
            BinderFeatures::default(),
        ))
    }
    fn rPfd(&self, v: &ParcelFileDescriptor) -> binder::Result<ParcelFileDescriptor> {
        dup(v)
    }
    fn rNullablePfd(
        &self,
        v: Option<&ParcelFileDescriptor>,
    ) -> binder::Result<Option<ParcelFileDescriptor>> {
        v.map(dup).transpose()
    }
    fn rPfds(&self, v: &[ParcelFileDescriptor]) -> binder::Result<Vec<ParcelFileDescriptor>> {
        v.iter().map(dup).collect()
    }
    fn ping(&self, v: i32) -> binder::Result<()> {
        self.pings.lock().unwrap().push(v);
        self.pinged.notify_all();
        Ok(())
    }
    fn waitPings(&self, count: i32) -> binder::Result<i32> {
        let pings = self.pings.lock().unwrap();
        let (mut pings, _) = self
            .pinged
            .wait_timeout_while(pings, PING_WAIT, |p| p.len() < count as usize)
            .unwrap();
        Ok(pings.drain(..).sum())
    }
    fn failServiceSpecific(&self, code: i32, message: &str) -> binder::Result<()> {
        Err(Status::new_service_specific_error_str(code, Some(message)))
    }
    fn failException(&self) -> binder::Result<()> {
        Err(Status::new_exception_str(
            ExceptionCode::ILLEGAL_ARGUMENT,
            Some("not this one"),
        ))
    }
    fn failNull(&self) -> binder::Result<()> {
        Err(StatusCode::UNEXPECTED_NULL.into())
    }
}

fn main() {
    let ps = init();
    let service = BnXCheck::new_binder(XCheck::default(), BinderFeatures::default());
    if let Err(e) = ps.become_context_manager_with(&service.as_binder()) {
        eprintln!("xcheck-service: cannot become the context manager: {e:?}");
        std::process::exit(2);
    }
    binder::ProcessState::start_thread_pool().expect("thread pool");
    binder::ProcessState::join_thread_pool().expect("join the thread pool");
}
