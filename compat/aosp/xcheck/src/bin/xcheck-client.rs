//! The Rust client of the AIDL cross-check: takes the context object (handle 0) of
//! `$BINDER_DEVICE`, served by `xcheck_service` (C++, Android 10's libbinder and AIDL), and
//! checks every method of `IXCheck`. Prints a line per check (`[       OK ] name` or
//! `[  FAILED  ] name: why`) and, last, `N passed, N failed`; exit status 0 only if all passed.

use std::fmt::Debug;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use aidl_cpp_xcheck::IXCallback::{BnXCallback, IXCallback};
use aidl_cpp_xcheck::IXCheck::{self as ix, IXCheck, ALL_BITS, ERROR_CODE, NAME};
use aidl_cpp_xcheck::IXListener::{BnXListener, IXListener};
use aidl_cpp_xcheck::Payload::Payload;
use aidl_cpp_xcheck::{copy_payload, init, same_payload};
use binder::binder_impl::IBinderInternal;
use binder::{
    BinderFeatures, ExceptionCode, Interface, ParcelFileDescriptor, SpIBinder, Status, Strong,
};

type Check = Result<(), String>;

/// `Err` with both values unless `got == want`.
fn eq<T: PartialEq + Debug>(what: &str, got: T, want: T) -> Check {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: got {got:?}, expected {want:?}"))
    }
}

/// A call's result, its error as the check's failure.
fn call<T>(what: &str, r: binder::Result<T>) -> Result<T, String> {
    r.map_err(|s| format!("{what}: {s:?}"))
}

/// The error status of a call that must fail.
fn failure<T: Debug>(what: &str, r: binder::Result<T>) -> Result<Status, String> {
    match r {
        Ok(v) => Err(format!("{what}: succeeded ({v:?}), expected an error")),
        Err(s) => Ok(s),
    }
}

/// Runs the checks one by one and counts them.
#[derive(Default)]
struct Runner {
    passed: u32,
    failed: u32,
}

impl Runner {
    fn check(&mut self, name: &str, f: impl FnOnce() -> Check) {
        match f() {
            Ok(()) => {
                self.passed += 1;
                println!("[       OK ] {name}");
            }
            Err(why) => {
                self.failed += 1;
                println!("[  FAILED  ] {name}: {why}");
            }
        }
    }
}

/// Adds its value; the callback this client passes to the service.
struct Adder(i32);

impl Interface for Adder {}

impl IXCallback for Adder {
    fn apply(&self, v: i32) -> binder::Result<i32> {
        Ok(v + self.0)
    }
}

/// The events a listener received, and their arrival.
#[derive(Default)]
struct Events {
    got: Mutex<Vec<(i32, String)>>,
    arrived: Condvar,
}

/// Records what the service tells it (a oneway interface).
struct Listener(Arc<Events>);

impl Interface for Listener {}

impl IXListener for Listener {
    fn onEvent(&self, v: i32, what: &str) -> binder::Result<()> {
        self.0.got.lock().unwrap().push((v, what.into()));
        self.0.arrived.notify_all();
        Ok(())
    }
}

/// A pipe: (read end, write end).
fn pipe() -> (OwnedFd, OwnedFd) {
    let mut fds = [0; 2];
    // SAFETY: pipe2 writes two descriptors into the array it is given.
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
    // SAFETY: both descriptors were just created and are owned by nothing else.
    unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) }
}

/// Writes `what` through `w` and reads it back from `r`: whether `w` reaches `r`'s pipe.
fn through(r: &OwnedFd, w: &impl AsRawFd, what: &[u8]) -> Check {
    // SAFETY: writing from a live buffer to a descriptor we hold.
    let n = unsafe { libc::write(w.as_raw_fd(), what.as_ptr().cast(), what.len()) };
    if n != what.len() as isize {
        return Err(format!("write through the returned descriptor: {n}"));
    }
    let mut buf = vec![0u8; what.len()];
    // SAFETY: reading into a live buffer of that length from a descriptor we hold.
    let n = unsafe { libc::read(r.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) };
    if n != what.len() as isize {
        return Err(format!("read from the pipe: {n}"));
    }
    eq("through the pipe", buf.as_slice(), what)
}

/// A Payload with no field at its default.
fn full_payload(binder: Option<SpIBinder>) -> Payload {
    Payload {
        flag: false,
        b: i8::MIN,
        c: 'Ω' as u16,
        i: i32::MIN,
        l: i64::MAX,
        f: -0.125,
        d: 1e300,
        s: "héllo, 世界".into(),
        u: "ütf8 🦀".into(),
        ns: Some("present".into()),
        ints: vec![1, -2, i32::MAX],
        names: vec!["a".into(), String::new(), "ç".into()],
        binder,
    }
}

fn payload_eq(what: &str, got: &Payload, want: &Payload) -> Check {
    if same_payload(got, want) {
        Ok(())
    } else {
        Err(format!("{what}: got {got:?}, expected {want:?}"))
    }
}

/// Checks an array method: returns `v`, `o` is `v` reversed, `io` gets `v` appended.
macro_rules! arrays {
    ($s:expr, $method:ident, $v:expr, $io:expr) => {{
        let v = $v;
        let mut o = Vec::new();
        let mut io = $io;
        let mut want_io = io.clone();
        want_io.extend(v.iter().cloned());
        let ret = call(stringify!($method), $s.$method(&v, &mut o, &mut io))?;
        eq("return", &ret, &v)?;
        eq("out", o, v.iter().rev().cloned().collect::<Vec<_>>())?;
        eq("inout", io, want_io)
    }};
}

fn checks(s: &Strong<dyn IXCheck>, r: &mut Runner) {
    let adder = BnXCallback::new_binder(Adder(100), BinderFeatures::default());
    let local = adder.as_binder();
    let remote = s.as_binder();
    // A binder of the service's own for the checks that send one back to it: not the context
    // object. libbinder (AOSP's, and ours after it) writes handle 0 as it writes a null
    // binder, outside the offsets list, since handle 0 names the context manager in every
    // process; so the driver does not translate it, and in the context manager itself handle
    // 0 cannot be acquired (EINVAL, as from Linux's driver; Android 10's libbinder then
    // aborts). The C servicemanager never receives a reference to itself.
    let theirs = s.other().map_or_else(|_| remote.clone(), |o| o.as_binder());
    // The file-descriptor methods go to another object: see `IXCheck.other`.
    let other = || call("other", s.other());
    let strings = || vec!["a".to_string(), String::new(), "日本 🦀".into()];
    r.check("descriptor", || {
        eq(
            "descriptor",
            call(
                "descriptor",
                s.as_binder()
                    .get_interface_descriptor()
                    .map_err(Status::from),
            )?,
            "sim.xcheck.IXCheck".to_string(),
        )
    });
    r.check("constants", || {
        eq(
            "constants",
            call("constants", s.constants())?,
            format!("{NAME}:{ERROR_CODE}:{ALL_BITS}"),
        )?;
        eq(
            "NAME:ERROR_CODE:ALL_BITS",
            format!("{NAME}:{ERROR_CODE}:{ALL_BITS}").as_str(),
            "xcheck:42:-1",
        )
    });
    r.check("boolean", || {
        eq("true", call("rBoolean", s.rBoolean(true))?, true)?;
        eq("false", call("rBoolean", s.rBoolean(false))?, false)
    });
    r.check("byte", || {
        eq("min", call("rByte", s.rByte(i8::MIN))?, i8::MIN)?;
        eq("max", call("rByte", s.rByte(i8::MAX))?, i8::MAX)
    });
    r.check("char", || {
        eq("0xffff", call("rChar", s.rChar(0xffff))?, 0xffff)?;
        eq("Ω", call("rChar", s.rChar('Ω' as u16))?, 'Ω' as u16)
    });
    r.check("int", || {
        eq("min", call("rInt", s.rInt(i32::MIN))?, i32::MIN)?;
        eq("max", call("rInt", s.rInt(i32::MAX))?, i32::MAX)
    });
    r.check("long", || {
        eq("min", call("rLong", s.rLong(i64::MIN))?, i64::MIN)?;
        eq("max", call("rLong", s.rLong(i64::MAX))?, i64::MAX)
    });
    r.check("float", || {
        eq("max", call("rFloat", s.rFloat(f32::MAX))?, f32::MAX)?;
        eq(
            "-0",
            call("rFloat", s.rFloat(-0.0))?.to_bits(),
            (-0.0f32).to_bits(),
        )?;
        eq("NaN", call("rFloat", s.rFloat(f32::NAN))?.is_nan(), true)
    });
    r.check("double", || {
        eq("1e300", call("rDouble", s.rDouble(1e300))?, 1e300)?;
        eq(
            "min positive",
            call("rDouble", s.rDouble(f64::MIN_POSITIVE))?,
            f64::MIN_POSITIVE,
        )
    });
    r.check("String", || {
        eq(
            "text",
            call("rString", s.rString("héllo 🦀"))?.as_str(),
            "héllo 🦀",
        )?;
        eq("empty", call("rString", s.rString(""))?.as_str(), "")
    });
    r.check("@utf8InCpp String", || {
        eq(
            "text",
            call("rUtf8", s.rUtf8("ütf8 ✓ 🦀"))?.as_str(),
            "ütf8 ✓ 🦀",
        )
    });
    r.check("@nullable String", || {
        eq(
            "null",
            call("rNullableString", s.rNullableString(None))?,
            None,
        )?;
        eq(
            "x",
            call("rNullableString", s.rNullableString(Some("x")))?.as_deref(),
            Some("x"),
        )?;
        eq(
            "null utf8",
            call("rNullableUtf8", s.rNullableUtf8(None))?,
            None,
        )?;
        eq(
            "ü",
            call("rNullableUtf8", s.rNullableUtf8(Some("ü")))?.as_deref(),
            Some("ü"),
        )
    });
    r.check("boolean[] in/out/inout", || {
        arrays!(s, rBooleans, vec![true, false, false], vec![true])
    });
    r.check("byte[] in/out/inout", || {
        arrays!(s, rBytes, vec![0u8, 1, 0xff, 0x80, 7], vec![9u8])
    });
    r.check("char[] in/out/inout", || {
        arrays!(s, rChars, vec![0x41u16, 0x3a9, 0xffff], vec![])
    });
    r.check("int[] in/out/inout", || {
        arrays!(s, rInts, vec![1, -1, i32::MAX, i32::MIN], vec![5])
    });
    r.check("long[] in/out/inout", || {
        arrays!(s, rLongs, vec![i64::MIN, 0, 3], vec![-1i64])
    });
    r.check("float[] in/out/inout", || {
        arrays!(s, rFloats, vec![1.5f32, -2.5], vec![0.25f32])
    });
    r.check("double[] in/out/inout", || {
        arrays!(s, rDoubles, vec![1e-300, 2.0], vec![])
    });
    r.check("String[] in/out/inout", || {
        arrays!(s, rStrings, strings(), vec!["first".to_string()])
    });
    r.check("@utf8InCpp String[] in/out/inout", || {
        arrays!(s, rUtf8s, strings(), vec!["ü".to_string()])
    });
    r.check("List<String> in/out/inout", || {
        arrays!(s, rList, strings(), vec!["x".to_string()])
    });
    r.check("@utf8InCpp List<String> in/out/inout", || {
        arrays!(s, rUtf8List, strings(), vec!["ü".to_string()])
    });
    r.check("@nullable int[]", || {
        eq("null", call("rNullableInts", s.rNullableInts(None))?, None)?;
        eq(
            "[4, 5]",
            call("rNullableInts", s.rNullableInts(Some(&[4, 5])))?,
            Some(vec![4, 5]),
        )
    });
    r.check("@nullable String[]", || {
        let v = vec![Some("x".to_string()), None, Some(String::new())];
        eq(
            "null",
            call("rNullableStrings", s.rNullableStrings(None))?,
            None,
        )?;
        eq(
            "values",
            call("rNullableStrings", s.rNullableStrings(Some(&v)))?,
            Some(v.clone()),
        )
    });
    r.check("@nullable List<String>", || {
        let v = vec![None, Some("y".to_string())];
        eq("null", call("rNullableList", s.rNullableList(None))?, None)?;
        eq(
            "values",
            call("rNullableList", s.rNullableList(Some(&v)))?,
            Some(v.clone()),
        )
    });
    r.check("IBinder", || {
        eq("ours", call("rBinder", s.rBinder(&local))?, local.clone())?;
        eq(
            "its own",
            call("rBinder", s.rBinder(&theirs))?,
            theirs.clone(),
        )
    });
    r.check("@nullable IBinder", || {
        eq(
            "null",
            call("rNullableBinder", s.rNullableBinder(None))?,
            None,
        )?;
        eq(
            "ours",
            call("rNullableBinder", s.rNullableBinder(Some(&local)))?,
            Some(local.clone()),
        )
    });
    r.check("List<IBinder>", || {
        let v = vec![local.clone(), theirs.clone(), local.clone()];
        eq("list", call("rBinderList", s.rBinderList(&v))?, v.clone())
    });
    r.check("null for a non-null IBinder is EX_NULL_POINTER", || {
        // Generated proxies cannot send one: write the request by hand.
        let mut data = s
            .as_binder()
            .prepare_transact()
            .map_err(|e| format!("{e:?}"))?;
        data.write(&None::<SpIBinder>)
            .map_err(|e| format!("{e:?}"))?;
        let reply = s
            .as_binder()
            .submit_transact(ix::transactions::rBinder, data, 0)
            .map_err(|e| format!("transact: {e:?}"))?;
        let status: Status = reply.read().map_err(|e| format!("status: {e:?}"))?;
        eq(
            "exception",
            status.exception_code(),
            ExceptionCode::NULL_POINTER,
        )
    });
    r.check("interface argument: the service calls back", || {
        eq("callBack", call("callBack", s.callBack(&adder, 5))?, 105)
    });
    r.check("interface returned", || {
        let back = call("rCallback", s.rCallback(&adder))?;
        eq("same object", back.as_binder(), local.clone())?;
        eq("apply", call("apply", back.apply(1))?, 101)
    });
    r.check("@nullable interface", || {
        eq(
            "null",
            call("rNullableCallback", s.rNullableCallback(None))?.is_none(),
            true,
        )?;
        let back = call("rNullableCallback", s.rNullableCallback(Some(&adder)))?
            .ok_or("null returned for a non-null callback")?;
        eq("same object", back.as_binder(), local.clone())
    });
    r.check(
        "oneway interface: the service calls back without waiting",
        || {
            let events = Arc::new(Events::default());
            let listener =
                BnXListener::new_binder(Listener(events.clone()), BinderFeatures::default());
            call("tell", s.tell(&listener, 7))?;
            let got = events.got.lock().unwrap();
            let (got, _) = events
                .arrived
                .wait_timeout_while(got, Duration::from_secs(5), |g| g.is_empty())
                .unwrap();
            eq("events", got.as_slice(), &[(7, "event".to_string())])
        },
    );
    r.check("parcelable in/out/inout", || {
        let v = full_payload(Some(local.clone()));
        let mut o = Payload::default();
        let mut io = full_payload(None);
        io.l = 21;
        let ret = call("rPayload", s.rPayload(&v, &mut o, &mut io))?;
        payload_eq("return", &ret, &v)?;
        let mut want_o = copy_payload(&v);
        want_o.i = v.i.wrapping_add(1);
        payload_eq("out", &o, &want_o)?;
        let mut want_io = full_payload(None);
        want_io.l = 42;
        want_io.names.push("io".into());
        payload_eq("inout", &io, &want_io)
    });
    r.check("@nullable parcelable", || {
        eq(
            "null",
            call("rNullablePayload", s.rNullablePayload(None))?.is_none(),
            true,
        )?;
        let v = full_payload(None);
        let back = call("rNullablePayload", s.rNullablePayload(Some(&v)))?
            .ok_or("null returned for a non-null Payload")?;
        payload_eq("value", &back, &v)
    });
    r.check("parcelable[]", || {
        let v = vec![full_payload(Some(theirs.clone())), Payload::default()];
        let back = call("rPayloads", s.rPayloads(&v))?;
        eq("length", back.len(), 2)?;
        payload_eq("[0]", &back[0], &v[0])?;
        payload_eq("[1]", &back[1], &v[1])
    });
    r.check("parcelable defaults agree", || {
        eq("array default", Payload::default().ints, vec![1, -2])?;
        payload_eq(
            "defaults",
            &call("defaults", s.defaults())?,
            &Payload::default(),
        )
    });
    r.check("IXCheck returned: another object", || {
        let o = other()?;
        eq("a different object", o.as_binder() == remote, false)?;
        eq("rInt on it", call("rInt", o.rInt(-7))?, -7)
    });
    r.check("ParcelFileDescriptor", || {
        let (r, w) = pipe();
        let w = ParcelFileDescriptor::new(w);
        let copy = call("rPfd", other()?.rPfd(&w))?;
        through(&r, &copy, b"through binder")
    });
    r.check("@nullable ParcelFileDescriptor", || {
        eq(
            "null",
            call("rNullablePfd", other()?.rNullablePfd(None))?.is_none(),
            true,
        )?;
        let (r, w) = pipe();
        let copy = call(
            "rNullablePfd",
            other()?.rNullablePfd(Some(&ParcelFileDescriptor::new(w))),
        )?
        .ok_or("null returned for a descriptor")?;
        through(&r, &copy, b"again")
    });
    r.check("ParcelFileDescriptor[]", || {
        let (r1, w1) = pipe();
        let (r2, w2) = pipe();
        let v = [ParcelFileDescriptor::new(w1), ParcelFileDescriptor::new(w2)];
        let back = call("rPfds", other()?.rPfds(&v))?;
        eq("length", back.len(), 2)?;
        through(&r1, &back[0], b"one")?;
        through(&r2, &back[1], b"two")
    });
    r.check("oneway", || {
        for v in 1..=5 {
            call("ping", s.ping(v))?;
        }
        eq("sum of the pings", call("waitPings", s.waitPings(5))?, 15)
    });
    r.check("service-specific error", || {
        let st = failure(
            "failServiceSpecific",
            s.failServiceSpecific(ERROR_CODE, "bad thing ü"),
        )?;
        eq(
            "exception",
            st.exception_code(),
            ExceptionCode::SERVICE_SPECIFIC,
        )?;
        eq("code", st.service_specific_error(), ERROR_CODE)?;
        eq("message", st.message(), Some("bad thing ü"))
    });
    r.check("exception with a message", || {
        let st = failure("failException", s.failException())?;
        eq(
            "exception",
            st.exception_code(),
            ExceptionCode::ILLEGAL_ARGUMENT,
        )?;
        eq("message", st.message(), Some("not this one"))
    });
    r.check("EX_NULL_POINTER from the service", || {
        let st = failure("failNull", s.failNull())?;
        eq(
            "exception",
            st.exception_code(),
            ExceptionCode::NULL_POINTER,
        )
    });
}

fn main() {
    let ps = init();
    // A binder thread serves the calls the service makes back into this process.
    binder::ProcessState::start_thread_pool().expect("thread pool");
    let s: Strong<dyn IXCheck> = match ps.context_object().and_then(|b| b.into_interface()) {
        Ok(s) => s,
        Err(e) => {
            println!("[  FAILED  ] handle 0 as IXCheck: {e:?}");
            println!("0 passed, 1 failed");
            std::process::exit(1);
        }
    };
    let mut r = Runner::default();
    checks(&s, &mut r);
    println!("{} passed, {} failed", r.passed, r.failed);
    std::process::exit(if r.failed == 0 { 0 } else { 1 });
}
