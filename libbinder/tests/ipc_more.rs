//! More libbinder IPC with real processes against binderd (see `ipc.rs` for the scheme): every
//! Parcel type echoed, strong and weak binders, large transactions near the receive-buffer
//! limit, malformed parcels, `dump`, shell commands, weak references, the calling identity
//! inside a call, `init_default` and nested calls back and forth.

mod support;

use libbinder::binder_impl::IBinderInternal;
use libbinder::IBinder;
use libbinder::Interface;
use std::ffi::CStr;
use std::io::{Read, Write};
use std::os::fd::{AsFd, BorrowedFd, FromRawFd, OwnedFd};
use std::sync::{Arc, Condvar, Mutex};

use libbinder::binder_impl::{Binder, Parcel, Remotable, FIRST_CALL_TRANSACTION, FLAG_ONEWAY};
use libbinder::ibinder::SHELL_COMMAND_TRANSACTION;
use libbinder::process::ProcessError;
use libbinder::thread::{
    clear_calling_identity, get_calling_pid, get_calling_uid, restore_calling_identity,
};
use libbinder::{Parcelable, ProcessState, SpIBinder, StatusCode};
use support::*;

const DISPATCH: &str = "child_roles";
const SVC_DESCRIPTOR: &str = "binder.sim.test.IMore";

/// Echoes a byte vector after checking its pattern.
const ECHO_BIG: u32 = FIRST_CALL_TRANSACTION;
/// Interface token, i32, String16: replies the string and the number.
const CHECKED: u32 = FIRST_CALL_TRANSACTION + 1;
/// The calling identity before/after clear/restore, and our own.
const IDENTITY: u32 = FIRST_CALL_TRANSACTION + 2;
/// A new `Svc` object (which, unlike the context manager node, accepts descriptors).
const MAKE_SVC: u32 = FIRST_CALL_TRANSACTION + 3;
/// (callback, depth): records this thread and calls the callback back while depth < 3.
const RECURSE: u32 = FIRST_CALL_TRANSACTION + 4;

/// The client's callback code: (server, depth).
const CB_RECURSE: u32 = FIRST_CALL_TRANSACTION;

/// 950 KiB: fits the 1 MiB − 8 KiB receive buffer once, not twice.
const BIG: usize = 950 * 1024;
/// ~1.05 MB: more than the whole receive buffer.
const TOO_BIG: usize = 1_050_000;
const MAX_DEPTH: i32 = 3;

/// A request of any size: replies its size (a small reply: the client turns round fast).
const SIZE_OF: u32 = FIRST_CALL_TRANSACTION + 5;

/// (strong c, weak c, weak d, weak own): whether weak c promotes to c (this process holds a
/// strong proxy for it), whether weak d promotes (no strong proxy here), whether our own object
/// promotes; then weak c back.
const WEAK: u32 = FIRST_CALL_TRANSACTION + 8;

/// Every Parcel type ([`Sample`]), then a binder, a null binder and a file descriptor: echoed
/// back as read.
const ECHO_ALL: u32 = FIRST_CALL_TRANSACTION + 9;

/// (len, seed): replies a byte vector of `len` bytes (a small request, a big reply).
const BIG_REPLY: u32 = FIRST_CALL_TRANSACTION + 7;

/// Dispatches a child's role; a no-op in a normal test run.
#[test]
fn child_roles() {
    let Ok(role) = std::env::var(ROLE) else {
        return;
    };
    let dev = std::path::PathBuf::from(std::env::var(DEV).unwrap());
    let arg = std::env::var(ARG).unwrap_or_default();
    match role.as_str() {
        "server" => server(&dev),
        "client" => client(&dev, &arg),
        "init-default" => init_default_child(&dev, &arg),
        other => panic!("unknown role {other}"),
    }
    std::process::exit(0);
}

fn gettid() -> i64 {
    // SAFETY: gettid cannot fail.
    unsafe { libc::syscall(libc::SYS_gettid) }
}

fn pattern(len: usize, seed: u8) -> Vec<u8> {
    (0..len)
        .map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed))
        .collect()
}

fn pipe() -> (OwnedFd, OwnedFd) {
    let mut fds = [0i32; 2];
    // SAFETY: fds is a valid array of two ints.
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
    // SAFETY: pipe2 just created both descriptors for us.
    unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) }
}

/// A value of every plain Parcel type, null and empty variants included.
#[derive(Clone, Debug, Default, PartialEq)]
struct Sample {
    i32_: i32,
    u32_: u32,
    i64_: i64,
    u64_: u64,
    f32_: f32,
    f64_: f64,
    bool_: bool,
    char_: u16,
    byte: i8,
    string16: String,
    null_string16: Option<String>,
    utf8: Option<String>,
    cstring: std::ffi::CString,
    bytes: Vec<u8>,
    null_bytes: Option<Vec<u8>>,
    empty_bytes: Option<Vec<u8>>,
    i32s: Vec<i32>,
    u32s: Vec<u32>,
    i64s: Vec<i64>,
    u64s: Vec<u64>,
    f32s: Vec<f32>,
    f64s: Vec<f64>,
    bools: Vec<bool>,
    chars: Vec<u16>,
    strings: Vec<String>,
    null_strings: Option<Vec<Option<String>>>,
    inner: Inner,
    null_inner: Option<Inner>,
    inners: Vec<Inner>,
}

/// A user parcelable.
#[derive(Clone, Debug, Default, PartialEq)]
struct Inner(i64, String);

impl Parcelable for Inner {
    fn write_to_parcel(&self, p: &mut Parcel) -> Result<(), StatusCode> {
        p.write_i64(self.0)?;
        p.write_string16(&self.1)
    }
    fn read_from_parcel(&mut self, p: &Parcel) -> Result<(), StatusCode> {
        *self = Inner(p.read_i64()?, p.read_string16()?);
        Ok(())
    }
}

impl Sample {
    fn new() -> Sample {
        Sample {
            i32_: -7,
            u32_: 0xdead_beef,
            i64_: i64::MIN + 3,
            u64_: u64::MAX - 1,
            f32_: 1.5,
            f64_: -2.25e300,
            bool_: true,
            char_: 0x263a,
            byte: -128,
            string16: "hé, 世界 🦀".into(),
            null_string16: None,
            utf8: Some("utf-8 ✓".into()),
            cstring: c"c string".into(),
            bytes: pattern(1001, 3),
            null_bytes: None,
            empty_bytes: Some(Vec::new()),
            i32s: vec![1, -2, i32::MAX],
            u32s: vec![u32::MAX, 0],
            i64s: vec![i64::MAX, -1],
            u64s: vec![1 << 40],
            f32s: vec![0.5, -0.0],
            f64s: vec![f64::MAX, 1e-300],
            bools: vec![true, false, true],
            chars: vec![0x41, 0xffff],
            strings: vec!["a".into(), String::new(), "ü".into()],
            null_strings: Some(vec![Some("x".into()), None]),
            inner: Inner(42, "inner".into()),
            null_inner: None,
            inners: vec![Inner(1, "one".into()), Inner(2, "two".into())],
        }
    }
}

impl Parcelable for Sample {
    fn write_to_parcel(&self, p: &mut Parcel) -> Result<(), StatusCode> {
        p.write_i32(self.i32_)?;
        p.write_u32(self.u32_)?;
        p.write_i64(self.i64_)?;
        p.write_u64(self.u64_)?;
        p.write_f32(self.f32_)?;
        p.write_f64(self.f64_)?;
        p.write_bool(self.bool_)?;
        p.write_char(self.char_)?;
        p.write_byte(self.byte)?;
        p.write_string16(&self.string16)?;
        p.write_nullable_string16(self.null_string16.as_deref())?;
        p.write_nullable_utf8_as_utf16(self.utf8.as_deref())?;
        p.write_cstring(&self.cstring)?;
        p.write_byte_vector(&self.bytes)?;
        p.write_nullable_byte_vector(self.null_bytes.as_deref())?;
        p.write_nullable_byte_vector(self.empty_bytes.as_deref())?;
        p.write_i32_vector(&self.i32s)?;
        p.write_u32_vector(&self.u32s)?;
        p.write_i64_vector(&self.i64s)?;
        p.write_u64_vector(&self.u64s)?;
        p.write_f32_vector(&self.f32s)?;
        p.write_f64_vector(&self.f64s)?;
        p.write_bool_vector(&self.bools)?;
        p.write_char_vector(&self.chars)?;
        p.write_string16_vector(&self.strings)?;
        p.write_nullable_string16_vector(self.null_strings.as_deref())?;
        p.write_parcelable(&self.inner)?;
        p.write_nullable_parcelable(self.null_inner.as_ref())?;
        p.write_parcelable_vector(&self.inners)
    }
    fn read_from_parcel(&mut self, p: &Parcel) -> Result<(), StatusCode> {
        *self = Sample {
            i32_: p.read_i32()?,
            u32_: p.read_u32()?,
            i64_: p.read_i64()?,
            u64_: p.read_u64()?,
            f32_: p.read_f32()?,
            f64_: p.read_f64()?,
            bool_: p.read_bool()?,
            char_: p.read_char()?,
            byte: p.read_byte()?,
            string16: p.read_string16()?,
            null_string16: p.read_nullable_string16()?,
            utf8: p.read_nullable_utf8_from_utf16()?,
            cstring: p.read_cstring()?,
            bytes: p.read_byte_vector()?,
            null_bytes: p.read_nullable_byte_vector()?,
            empty_bytes: p.read_nullable_byte_vector()?,
            i32s: p.read_i32_vector()?,
            u32s: p.read_u32_vector()?,
            i64s: p.read_i64_vector()?,
            u64s: p.read_u64_vector()?,
            f32s: p.read_f32_vector()?,
            f64s: p.read_f64_vector()?,
            bools: p.read_bool_vector()?,
            chars: p.read_char_vector()?,
            strings: p.read_string16_vector()?,
            null_strings: p.read_nullable_string16_vector()?,
            inner: p.read_parcelable()?,
            null_inner: p.read_nullable_parcelable()?,
            inners: p.read_parcelable_vector()?,
        };
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Server
// ---------------------------------------------------------------------------------------------

struct Svc;

impl Remotable for Svc {
    fn get_descriptor() -> &'static str {
        SVC_DESCRIPTOR
    }

    fn on_transact(&self, code: u32, data: &Parcel, reply: &mut Parcel) -> Result<(), StatusCode> {
        match code {
            ECHO_BIG => {
                let seed = data.read_byte()? as u8;
                let bytes = data.read_byte_vector()?;
                if bytes != pattern(bytes.len(), seed) {
                    return Err(StatusCode::BAD_VALUE);
                }
                reply.write_byte_vector(&bytes)?;
            }
            CHECKED => {
                data.enforce_interface(SVC_DESCRIPTOR)?;
                let n = data.read_i32()?;
                let s = data.read_string16()?;
                reply.write_i32(n)?;
                reply.write_string16(&s)?;
            }
            IDENTITY => {
                let (pid0, uid0) = (get_calling_pid(), get_calling_uid());
                let token = clear_calling_identity();
                let (pid1, uid1) = (get_calling_pid(), get_calling_uid());
                restore_calling_identity(token);
                let (pid2, uid2) = (get_calling_pid(), get_calling_uid());
                reply.write_i32(pid0)?;
                reply.write_u32(uid0)?;
                reply.write_i32(pid1)?;
                reply.write_u32(uid1)?;
                reply.write_i32(pid2)?;
                reply.write_u32(uid2)?;
                reply.write_i64(token)?;
                reply.write_i32(std::process::id() as i32)?;
            }
            BIG_REPLY => {
                let len = usize::try_from(data.read_i32()?).map_err(|_| StatusCode::BAD_VALUE)?;
                let seed = data.read_byte()? as u8;
                reply.write_byte_vector(&pattern(len, seed))?;
            }
            SIZE_OF => reply.write_u64(data.data_size() as u64)?,
            WEAK => {
                let c = data.read_strong_binder()?;
                let weak_c = data
                    .read_weak_binder()?
                    .ok_or(StatusCode::UNEXPECTED_NULL)?;
                let weak_d = data
                    .read_weak_binder()?
                    .ok_or(StatusCode::UNEXPECTED_NULL)?;
                let own = data
                    .read_weak_binder()?
                    .ok_or(StatusCode::UNEXPECTED_NULL)?;
                reply.write_bool(weak_c.promote().as_ref() == Some(&c))?;
                reply.write_bool(weak_d.promote().is_some())?;
                reply.write_bool(own.promote().is_some_and(|b| !b.is_remote()))?;
                reply.write_weak_binder(&weak_c)?;
            }
            ECHO_ALL => {
                reply.write_parcelable(&data.read_parcelable::<Sample>()?)?;
                reply.write_strong_binder(&data.read_strong_binder()?)?;
                reply.write_nullable_strong_binder(data.read_nullable_strong_binder()?.as_ref())?;
                reply.write_parcel_file_descriptor(data.read_unique_parcel_file_descriptor()?)?;
            }
            MAKE_SVC => reply.write_strong_binder(&Binder::new(Svc).as_binder())?,
            RECURSE => {
                let cb = data.read_strong_binder()?;
                let depth = data.read_i32()?;
                let me = [gettid(), get_calling_pid() as i64];
                let mut levels = vec![me];
                if depth < MAX_DEPTH {
                    let mut d = Parcel::new();
                    d.write_i32(depth)?;
                    let mut r = cb.submit_transact(CB_RECURSE, d, 0)?;
                    levels.extend(read_levels(&mut r)?);
                }
                write_levels(reply, &levels)?;
            }
            _ => return Err(StatusCode::UNKNOWN_TRANSACTION),
        }
        Ok(())
    }

    fn on_dump(&self, f: &mut dyn Write, args: &[&CStr]) -> Result<(), StatusCode> {
        let args: Vec<_> = args.iter().map(|a| a.to_string_lossy()).collect();
        write!(
            f,
            "{SVC_DESCRIPTOR} dump [{}] from {}",
            args.join("|"),
            std::process::id()
        )
        .map_err(|_| StatusCode::UNKNOWN_ERROR)
    }

    /// Writes its arguments to `out` and its input to `err`; fails for `fail`.
    fn on_shell_command(
        &self,
        fd_in: BorrowedFd<'_>,
        out: BorrowedFd<'_>,
        err: BorrowedFd<'_>,
        args: &[String],
    ) -> Result<(), StatusCode> {
        let own = |fd: BorrowedFd<'_>| {
            fd.try_clone_to_owned()
                .map(std::fs::File::from)
                .map_err(|_| StatusCode::BAD_VALUE)
        };
        let mut input = String::new();
        own(fd_in)?
            .read_to_string(&mut input)
            .map_err(|_| StatusCode::UNKNOWN_ERROR)?;
        write!(own(out)?, "cmd [{}]", args.join("|")).map_err(|_| StatusCode::UNKNOWN_ERROR)?;
        write!(own(err)?, "stdin {input}").map_err(|_| StatusCode::UNKNOWN_ERROR)?;
        if args.first().map(String::as_str) == Some("fail") {
            return Err(StatusCode::BAD_VALUE);
        }
        Ok(())
    }
}

/// (thread id, calling pid) per level of a nested call.
fn write_levels(p: &mut Parcel, levels: &[[i64; 2]]) -> Result<(), StatusCode> {
    p.write_i64_vector(&levels.iter().flatten().copied().collect::<Vec<_>>())
}

fn read_levels(p: &mut Parcel) -> Result<Vec<[i64; 2]>, StatusCode> {
    Ok(p.read_i64_vector()?
        .chunks_exact(2)
        .map(|c| [c[0], c[1]])
        .collect())
}

/// The context manager serving `Svc` at handle 0.
fn server(dev: &std::path::Path) {
    exit_on_stdin_eof();
    let ps = ProcessState::init(dev, 15).expect("init");
    let svc = Binder::new(Svc);
    ps.become_context_manager_with(&svc.as_binder())
        .expect("become context manager");
    ProcessState::start_thread_pool().unwrap();
    tell("ready");
    let r = ProcessState::join_thread_pool();
    panic!("join_thread_pool returned {r:?}");
}

// ---------------------------------------------------------------------------------------------
// Clients
// ---------------------------------------------------------------------------------------------

/// The client's side of the recursion: called back by the server, calls it again.
struct Recurser;

impl Remotable for Recurser {
    fn get_descriptor() -> &'static str {
        "binder.sim.test.IRecurser"
    }
    fn on_transact(&self, code: u32, data: &Parcel, reply: &mut Parcel) -> Result<(), StatusCode> {
        assert_eq!(code, CB_RECURSE);
        let depth = data.read_i32()?;
        let me = [gettid(), get_calling_pid() as i64];
        let server = ProcessState::self_()?.context_object()?;
        let mut d = Parcel::new();
        d.write_strong_binder(&Binder::new(Recurser).as_binder())?;
        d.write_i32(depth + 1)?;
        let mut r = server.submit_transact(RECURSE, d, 0)?;
        let mut levels = vec![me];
        levels.extend(read_levels(&mut r)?);
        write_levels(reply, &levels)
    }
}

/// `IResultReceiver`: records the code a shell command sends back (oneway).
struct ResultReceiver(Arc<(Mutex<Option<i32>>, Condvar)>);

impl Remotable for ResultReceiver {
    fn get_descriptor() -> &'static str {
        "com.android.internal.os.IResultReceiver"
    }
    fn on_transact(&self, code: u32, data: &Parcel, _reply: &mut Parcel) -> Result<(), StatusCode> {
        assert_eq!(code, FIRST_CALL_TRANSACTION, "IResultReceiver.send");
        data.enforce_interface(Self::get_descriptor())?;
        let result = data.read_i32()?;
        *self.0 .0.lock().unwrap() = Some(result);
        self.0 .1.notify_all();
        Ok(())
    }
}

/// Runs a shell command on `target` as AOSP `IBinder::shellCommand` does (three descriptors,
/// the arguments, no shell callback, a result receiver): (out, err, the receiver's code).
fn shell_command(target: &SpIBinder, args: &[&str], input: &str) -> (String, String, i32) {
    let (in_r, in_w) = pipe();
    let (out_r, out_w) = pipe();
    let (err_r, err_w) = pipe();
    std::fs::File::from(in_w)
        .write_all(input.as_bytes())
        .unwrap();
    let done = Arc::new((Mutex::new(None), Condvar::new()));
    let receiver = Binder::new(ResultReceiver(done.clone())).as_binder();
    let mut d = Parcel::new();
    for fd in [&in_r, &out_w, &err_w] {
        d.write_dup_file_descriptor(fd.as_fd()).unwrap();
    }
    d.write_i32(args.len() as i32).unwrap();
    for a in args {
        d.write_string16(a).unwrap();
    }
    d.write_nullable_strong_binder(None).unwrap();
    d.write_strong_binder(&receiver).unwrap();
    target
        .transact_parcel(SHELL_COMMAND_TRANSACTION, &d, 0)
        .expect("SHELL_COMMAND_TRANSACTION");
    drop((d, in_r, out_w, err_w));
    let read_all = |fd: OwnedFd| {
        let mut s = String::new();
        std::fs::File::from(fd).read_to_string(&mut s).unwrap();
        s
    };
    let (out, err) = (read_all(out_r), read_all(err_r));
    let (m, cv) = &*done;
    let (code, _) = cv
        .wait_timeout_while(m.lock().unwrap(), WAIT, |c| c.is_none())
        .unwrap();
    (out, err, code.expect("the result receiver was called"))
}

fn manager(dev: &std::path::Path) -> SpIBinder {
    ProcessState::init(dev, 15).expect("init");
    let sm = ProcessState::self_()
        .unwrap()
        .context_object()
        .expect("context object");
    assert!(sm.is_remote());
    sm
}

fn echo_big(server: &SpIBinder, len: usize, seed: u8) -> Result<Vec<u8>, StatusCode> {
    let mut d = Parcel::new();
    d.write_byte(seed as i8)?;
    d.write_byte_vector(&pattern(len, seed))?;
    let r = server.submit_transact(ECHO_BIG, d, 0)?;
    r.read_byte_vector()
}

/// A CHECKED request: the token, 7 and "fine".
fn good_checked(server: &SpIBinder) -> Result<(i32, String), StatusCode> {
    let mut d = Parcel::new();
    d.write_interface_token(SVC_DESCRIPTOR)?;
    d.write_i32(7)?;
    d.write_string16("fine")?;
    let r = server.submit_transact(CHECKED, d, 0)?;
    Ok((r.read_i32()?, r.read_string16()?))
}

fn make_svc(server: &SpIBinder) -> SpIBinder {
    let svc = server
        .submit_transact(MAKE_SVC, Parcel::new(), 0)
        .unwrap()
        .read_strong_binder()
        .unwrap();
    assert!(svc.is_remote());
    svc
}

fn client(dev: &std::path::Path, scenario: &str) {
    let mut server = manager(dev);
    match scenario {
        "big" => {
            for i in 0..10u8 {
                let got = echo_big(&server, BIG, i).unwrap_or_else(|e| panic!("round {i}: {e:?}"));
                assert_eq!(got.len(), BIG, "round {i}");
                assert!(got == pattern(BIG, i), "round {i}: reply content");
            }
            tell("ok");
        }
        "big-fast" => {
            let code = SIZE_OF;
            // Back-to-back 950 KiB requests with tiny replies: the server must have freed each
            // request buffer by the time its reply arrives here (AOSP frees it before the
            // reply: `buffer.setDataSize(0); sendReply(...)`).
            let mut d = Parcel::new();
            d.write_byte_vector(&pattern(BIG, 9)).unwrap();
            let rounds = std::env::var("ROUNDS")
                .ok()
                .and_then(|r| r.parse().ok())
                .unwrap_or(50);
            let mut failed = Vec::new();
            for i in 0..rounds {
                match server.transact_parcel(code, &d, 0) {
                    Ok(r) => assert_eq!(r.read_u64().unwrap(), d.data_size() as u64),
                    Err(e) => failed.push((i, e)),
                }
            }
            tell(&format!("failed {failed:?}"));
        }
        "big-held" => {
            // Keeping a 950 KiB reply keeps its buffer: the next one does not fit. (Small
            // requests: only our receive buffer is at stake.)
            let big_reply = |len: usize, seed: u8| -> Result<Parcel, StatusCode> {
                let mut d = Parcel::new();
                d.write_i32(len as i32)?;
                d.write_byte(seed as i8)?;
                server.submit_transact(BIG_REPLY, d, 0)
            };
            let held = big_reply(BIG, 5).unwrap();
            assert_eq!(
                big_reply(BIG, 6).err(),
                Some(StatusCode::FAILED_TRANSACTION),
                "a second reply while the first is held"
            );
            // Small replies still fit beside it, and the server still serves.
            let small = big_reply(1000, 7).unwrap();
            assert_eq!(small.read_byte_vector().unwrap(), pattern(1000, 7));
            server.clone().ping_binder().unwrap();
            assert_eq!(held.read_byte_vector().unwrap(), pattern(BIG, 5));
            drop(held);
            for i in 0..3 {
                let r = big_reply(BIG, 8 + i).unwrap();
                assert_eq!(r.read_byte_vector().unwrap(), pattern(BIG, 8 + i));
            }
            tell("ok");
        }
        "big-oneway" => {
            // Oneway buffers get half the receive buffer.
            let mut d = Parcel::new();
            d.write_byte(1).unwrap();
            d.write_byte_vector(&pattern(BIG, 1)).unwrap();
            assert_eq!(
                server.submit_transact(ECHO_BIG, d, FLAG_ONEWAY).err(),
                Some(StatusCode::FAILED_TRANSACTION)
            );
            // The failed one took no quota: 400 KiB (of the 508 KiB quota) goes through.
            // (Not twice in a row: the second one may arrive before the server freed the first.)
            let mut d = Parcel::new();
            d.write_byte(2).unwrap();
            d.write_byte_vector(&pattern(400 * 1024, 2)).unwrap();
            server
                .submit_transact(ECHO_BIG, d, FLAG_ONEWAY)
                .expect("400 KiB oneway");
            assert_eq!(echo_big(&server, 16, 3).unwrap(), pattern(16, 3));
            tell("ok");
        }
        "too-big" => {
            assert_eq!(
                echo_big(&server, TOO_BIG, 1).err(),
                Some(StatusCode::FAILED_TRANSACTION)
            );
            // The client survives and the connection still works.
            assert_eq!(echo_big(&server, 16, 2).unwrap(), pattern(16, 2));
            server.ping_binder().unwrap();
            // And the receive buffers were not left used up.
            assert_eq!(echo_big(&server, BIG, 3).unwrap().len(), BIG);
            tell("ok");
        }
        "malformed" => {
            assert_eq!(good_checked(&server).unwrap(), (7, "fine".to_string()));

            // Truncated: the token only.
            let mut d = Parcel::new();
            d.write_interface_token(SVC_DESCRIPTOR).unwrap();
            assert_eq!(
                server.submit_transact(CHECKED, d, 0).err(),
                Some(StatusCode::NOT_ENOUGH_DATA),
                "token only"
            );
            // Truncated: a String16 of 10 units with 2 units of data.
            let mut d = Parcel::new();
            d.write_interface_token(SVC_DESCRIPTOR).unwrap();
            d.write_i32(7).unwrap();
            d.write_i32(10).unwrap();
            d.write_raw(&[b'a', 0, b'b', 0]).unwrap();
            assert_eq!(
                server.submit_transact(CHECKED, d, 0).err(),
                Some(StatusCode::NOT_ENOUGH_DATA),
                "short string"
            );
            // Truncated mid-integer: 2 bytes where the i32 should be.
            let mut d = Parcel::new();
            d.write_interface_token(SVC_DESCRIPTOR).unwrap();
            let keep = d.data_size();
            d.write_i32(7).unwrap();
            d.set_data_size(keep + 2).unwrap();
            assert_eq!(
                server.submit_transact(CHECKED, d, 0).err(),
                Some(StatusCode::NOT_ENOUGH_DATA),
                "half an i32"
            );

            // Garbage String16 lengths.
            // Past the data: NOT_ENOUGH_DATA; negative: BAD_VALUE; -1 is null: UNEXPECTED_NULL.
            for (garbage, expected) in [
                (i32::MAX, StatusCode::NOT_ENOUGH_DATA),
                (0x4000_0000, StatusCode::NOT_ENOUGH_DATA),
                (3, StatusCode::NOT_ENOUGH_DATA),
                (-2, StatusCode::BAD_VALUE),
                (i32::MIN, StatusCode::BAD_VALUE),
                (-1, StatusCode::UNEXPECTED_NULL),
            ] {
                let mut d = Parcel::new();
                d.write_interface_token(SVC_DESCRIPTOR).unwrap();
                d.write_i32(7).unwrap();
                d.write_i32(garbage).unwrap();
                d.write_raw(&[b'x', 0, 0, 0]).unwrap();
                assert_eq!(
                    server.submit_transact(CHECKED, d, 0).err(),
                    Some(expected),
                    "length {garbage:#x}"
                );
            }
            // A String16 whose terminating NUL is missing.
            let mut d = Parcel::new();
            d.write_interface_token(SVC_DESCRIPTOR).unwrap();
            d.write_i32(7).unwrap();
            d.write_i32(1).unwrap();
            d.write_raw(&[b'x', 0, b'y', 0]).unwrap();
            assert_eq!(
                server.submit_transact(CHECKED, d, 0).err(),
                Some(StatusCode::BAD_VALUE),
                "no NUL"
            );
            // Garbage length in the descriptor of the token itself.
            let mut d = Parcel::new();
            d.write_i32(0).unwrap();
            d.write_i32(-1).unwrap();
            d.write_i32(libbinder::parcel::INTERFACE_HEADER).unwrap();
            d.write_i32(0x7fff_fff0).unwrap();
            assert_eq!(
                server.submit_transact(CHECKED, d, 0).err(),
                Some(StatusCode::NOT_ENOUGH_DATA),
                "token length"
            );

            // Wrong interface tokens.
            let mut d = Parcel::new();
            d.write_interface_token("binder.sim.test.IOther").unwrap();
            d.write_i32(7).unwrap();
            d.write_string16("fine").unwrap();
            assert_eq!(
                server.submit_transact(CHECKED, d, 0).err(),
                Some(StatusCode::BAD_TYPE),
                "other descriptor"
            );
            let mut d = Parcel::new();
            d.write_i32(0).unwrap();
            d.write_i32(-1).unwrap();
            d.write_i32(0x1234_5678).unwrap();
            d.write_string16(SVC_DESCRIPTOR).unwrap();
            d.write_i32(7).unwrap();
            d.write_string16("fine").unwrap();
            assert_eq!(
                server.submit_transact(CHECKED, d, 0).err(),
                Some(StatusCode::BAD_TYPE),
                "bad header"
            );
            // Empty request.
            assert_eq!(
                server.submit_transact(CHECKED, Parcel::new(), 0).err(),
                Some(StatusCode::NOT_ENOUGH_DATA),
                "empty"
            );

            // The server kept serving.
            server.ping_binder().unwrap();
            assert_eq!(good_checked(&server).unwrap(), (7, "fine".to_string()));
            tell("ok");
        }
        "dump" => {
            let svc = make_svc(&server);
            let (r, w) = pipe();
            IBinderInternal::dump(&mut svc.clone(), &w, &["-a", "two words", "ünïcødé"])
                .expect("dump");
            drop(w);
            let mut got = String::new();
            std::fs::File::from(r).read_to_string(&mut got).unwrap();
            // The context manager node does not accept descriptors (as servicemanager).
            let (_r, w) = pipe();
            let cm = IBinderInternal::dump(&mut server.clone(), &w, &[]).err();
            // A local object is dumped directly.
            let local = Binder::new(Svc).as_binder();
            let (lr, lw) = pipe();
            IBinderInternal::dump(&mut local.clone(), &lw, &["x"]).expect("local dump");
            drop(lw);
            let mut lgot = String::new();
            std::fs::File::from(lr).read_to_string(&mut lgot).unwrap();
            assert_eq!(
                lgot,
                format!("{SVC_DESCRIPTOR} dump [x] from {}", std::process::id())
            );
            tell(&format!("ok {cm:?} {got}"));
        }
        "shell" => {
            // The result comes back as a oneway call to our receiver: a pool thread takes it.
            ProcessState::start_thread_pool().unwrap();
            let svc = make_svc(&server);
            let ok = shell_command(&svc, &["list", "two words"], "typed");
            assert_eq!(ok, ("cmd [list|two words]".into(), "stdin typed".into(), 0));
            let failed = shell_command(&svc, &["fail"], "");
            let bad_value = StatusCode::BAD_VALUE.to_raw();
            assert_eq!(failed, ("cmd [fail]".into(), "stdin ".into(), bad_value));
            // An object without a shell answers INVALID_OPERATION (AOSP `BBinder`).
            let plain = Binder::new(Recurser).as_binder();
            let none = shell_command(&plain, &["x"], "");
            let invalid = StatusCode::INVALID_OPERATION.to_raw();
            assert_eq!(none, (String::new(), String::new(), invalid));
            tell("ok");
        }
        "echo-all" => {
            let svc = make_svc(&server);
            let me = Binder::new(Recurser).as_binder();
            let (r, w) = pipe();
            std::fs::File::from(w).write_all(b"through the fd").unwrap();
            let mut data = Parcel::new();
            data.write_parcelable(&Sample::new()).unwrap();
            data.write_strong_binder(&me).unwrap();
            data.write_nullable_strong_binder(None).unwrap();
            data.write_parcel_file_descriptor(r).unwrap();
            let reply = svc.submit_transact(ECHO_ALL, data, 0).expect("ECHO_ALL");
            assert_eq!(reply.read_parcelable::<Sample>().unwrap(), Sample::new());
            assert_eq!(
                reply.read_strong_binder().unwrap(),
                me,
                "our object came back"
            );
            assert!(reply.read_nullable_strong_binder().unwrap().is_none());
            let fd = reply.read_unique_parcel_file_descriptor().unwrap();
            let mut got = String::new();
            std::fs::File::from(fd).read_to_string(&mut got).unwrap();
            assert_eq!(got, "through the fd");
            assert_eq!(reply.data_avail(), 0);
            tell("ok");
        }
        "weak" => {
            let c = Binder::new(Recurser).as_binder();
            let d = Binder::new(Recurser).as_binder();
            let svc = make_svc(&server);
            let mut data = Parcel::new();
            data.write_strong_binder(&c).unwrap();
            data.write_weak_binder(&c.downgrade()).unwrap();
            data.write_weak_binder(&d.downgrade()).unwrap();
            // One of the server's objects (not handle 0, whose node has ptr 0: the context
            // manager reads itself as a null binder, as in AOSP).
            data.write_weak_binder(&svc.downgrade()).unwrap();
            let r = server.submit_transact(WEAK, data, 0).expect("WEAK");
            let flags = [r.read_bool(), r.read_bool(), r.read_bool()].map(Result::unwrap);
            assert_eq!(
                flags,
                [true, false, true],
                "c promotes, d does not, own promotes"
            );
            // Our own object comes back as a weak binder and promotes to itself.
            let back = r.read_weak_binder().unwrap().expect("not null");
            assert_eq!(back.promote(), Some(c.clone()));
            // A weak reference that no longer promotes is written as a null binder.
            let gone = Binder::new(Recurser).as_binder().downgrade();
            let mut p = Parcel::new();
            p.write_weak_binder(&gone).unwrap();
            p.seek(0).unwrap();
            assert!(p.read_weak_binder().unwrap().is_none());
            tell("ok");
        }
        "promote" => {
            let svc = make_svc(&server);
            let handle = svc.handle().unwrap();
            let wp = svc.downgrade();
            let mut sp = wp
                .promote()
                .expect("promote while a strong reference exists");
            assert_eq!(sp, svc);
            assert_eq!(sp.handle(), Some(handle));
            sp.ping_binder().unwrap();
            drop(sp);
            assert!(wp.promote().is_some(), "svc is still held");
            let count = ProcessState::self_().unwrap().cached_handle_count();
            drop(svc);
            libbinder::thread::flush_commands().unwrap();
            // Documented behaviour: a weak reference does not keep the proxy (AOSP `BpBinder`
            // extends its lifetime to weak and would promote; here the proxy is gone with its
            // last strong reference and its handle released).
            assert!(
                wp.promote().is_none(),
                "promote after the last strong reference"
            );
            assert_eq!(
                ProcessState::self_().unwrap().cached_handle_count(),
                count - 1
            );
            // Local objects behave the same.
            let local = Binder::new(Svc);
            let lwp = local.as_binder().downgrade();
            assert!(lwp.promote().is_some());
            drop(local);
            assert!(lwp.promote().is_none());
            tell("ok");
        }
        "identity" => {
            let r = server.submit_transact(IDENTITY, Parcel::new(), 0).unwrap();
            let (pid0, uid0) = (r.read_i32().unwrap(), r.read_u32().unwrap());
            let (pid1, uid1) = (r.read_i32().unwrap(), r.read_u32().unwrap());
            let (pid2, uid2) = (r.read_i32().unwrap(), r.read_u32().unwrap());
            let token = r.read_i64().unwrap();
            let server_pid = r.read_i32().unwrap();
            let me = std::process::id() as i32;
            // SAFETY: geteuid/getuid cannot fail.
            let (euid, uid) = unsafe { (libc::geteuid(), libc::getuid()) };
            assert_eq!((pid0, uid0), (me, euid), "the caller during the call");
            assert_eq!(
                (pid1, uid1),
                (server_pid, uid),
                "cleared: the server itself"
            );
            assert_eq!((pid2, uid2), (me, euid), "restored");
            assert_eq!(token, ((euid as i64) << 32) | (me as u32 as i64));
            tell(&format!("ok {server_pid}"));
        }
        "recurse" => {
            let main_tid = gettid();
            let mut d = Parcel::new();
            d.write_strong_binder(&Binder::new(Recurser).as_binder())
                .unwrap();
            d.write_i32(1).unwrap();
            let mut r = server.submit_transact(RECURSE, d, 0).expect("recursion");
            let levels = read_levels(&mut r).unwrap();
            // B1 A1 B2 A2 B3.
            assert_eq!(levels.len(), 2 * MAX_DEPTH as usize - 1, "{levels:?}");
            let me = std::process::id() as i64;
            let b: Vec<_> = levels.iter().step_by(2).collect();
            let a: Vec<_> = levels.iter().skip(1).step_by(2).collect();
            assert!(
                b.iter().all(|l| l[1] == me),
                "B is called by us: {levels:?}"
            );
            assert!(
                b.iter().all(|l| l[0] == b[0][0]),
                "B's levels on one thread: {levels:?}"
            );
            assert!(
                a.iter().all(|l| l[0] == main_tid),
                "A's levels on the calling thread: {levels:?}"
            );
            assert!(
                a.iter().all(|l| l[1] == a[0][1] && l[1] != me),
                "A is called by B: {levels:?}"
            );
            assert_eq!(get_calling_pid(), me as i32, "identity restored after");
            tell(&format!("ok {}", a[0][1]));
        }
        other => panic!("unknown scenario {other}"),
    }
}

/// `ProcessState::init_default` in a child whose `BINDER_DEVICE` is set by the parent.
fn init_default_child(dev: &std::path::Path, expect: &str) {
    match expect {
        "works" => {
            let ps = ProcessState::init_default().expect("init_default");
            assert_eq!(ps.driver_path(), dev);
            assert_eq!(ps.max_threads(), libbinder::process::DEFAULT_MAX_THREADS);
            let mut sm = ps.context_object().expect("context object");
            sm.ping_binder().unwrap();
            assert_eq!(sm.get_interface_descriptor().unwrap(), SVC_DESCRIPTOR);
            // Again: the same state.
            let again = ProcessState::init_default().unwrap();
            assert!(std::ptr::eq(ps, again));
            // Another device: refused.
            assert!(matches!(
                ProcessState::init(dev.with_file_name("other"), 1),
                Err(ProcessError::AlreadyInitialized { .. })
            ));
            tell("ok");
        }
        "missing" => {
            let r = ProcessState::init_default();
            assert!(matches!(r, Err(ProcessError::Driver(_))), "{:?}", r.err());
            assert!(matches!(
                ProcessState::self_(),
                Err(ProcessError::NotInitialized)
            ));
            tell("ok");
        }
        other => panic!("unknown expectation {other}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

/// Starts a daemon and a server; runs a client scenario; returns its note and the server pid.
fn run_scenario(scenario: &str) -> (String, i32) {
    let d = TestDaemon::start(scenario);
    let mut server = ChildProc::spawn(DISPATCH, "server", &d.device(), "");
    assert_eq!(server.expect_line(), "ready");
    let mut client = ChildProc::spawn(DISPATCH, "client", &d.device(), scenario);
    let line = client.expect_line();
    drop(client);
    let pid = server.pid();
    server.say("exit");
    (line, pid)
}

#[test]
fn big_request_and_reply_ten_times() {
    assert_eq!(run_scenario("big").0, "ok");
}

#[test]
fn held_big_reply_keeps_its_buffer() {
    assert_eq!(run_scenario("big-held").0, "ok");
}

#[test]
fn oneway_big_request_limited_to_half_the_buffer() {
    assert_eq!(run_scenario("big-oneway").0, "ok");
}

#[test]
fn too_big_request_fails_and_client_survives() {
    assert_eq!(run_scenario("too-big").0, "ok");
}

#[test]
fn malformed_parcels_are_rejected_and_server_keeps_serving() {
    assert_eq!(run_scenario("malformed").0, "ok");
}

#[test]
fn dump_through_a_proxy_writes_to_the_fd() {
    let (line, server_pid) = run_scenario("dump");
    assert_eq!(
        line,
        format!(
            "ok Some(FAILED_TRANSACTION) {SVC_DESCRIPTOR} dump [-a|two words|ünïcødé] from {server_pid}"
        )
    );
}

#[test]
fn shell_command_runs_and_reports_through_the_result_receiver() {
    assert_eq!(run_scenario("shell").0, "ok");
}

#[test]
fn every_parcel_type_echoed_across_processes() {
    assert_eq!(run_scenario("echo-all").0, "ok");
}

#[test]
fn weak_binders_cross_processes() {
    assert_eq!(run_scenario("weak").0, "ok");
}

#[test]
fn weak_reference_promotion() {
    assert_eq!(run_scenario("promote").0, "ok");
}

#[test]
fn clear_and_restore_calling_identity_in_a_call() {
    let (line, server_pid) = run_scenario("identity");
    assert_eq!(line, format!("ok {server_pid}"));
}

#[test]
fn recursion_a_b_a_b_a_b_on_the_same_threads() {
    let (line, server_pid) = run_scenario("recurse");
    assert_eq!(line, format!("ok {server_pid}"));
}

#[test]
fn init_default_honours_binder_device() {
    let d = TestDaemon::start("init-default");
    let mut server = ChildProc::spawn(DISPATCH, "server", &d.device(), "");
    assert_eq!(server.expect_line(), "ready");
    let dev = d.device();
    let mut child = spawn_with_env(
        DISPATCH,
        "init-default",
        &dev,
        "works",
        &[("BINDER_DEVICE", Some(dev.to_str().unwrap()))],
    );
    assert_eq!(child.expect_line(), "ok");
    let missing = d.dir.0.join("no-such-device");
    let mut child = spawn_with_env(
        DISPATCH,
        "init-default",
        &missing,
        "missing",
        &[("BINDER_DEVICE", Some(missing.to_str().unwrap()))],
    );
    assert_eq!(child.expect_line(), "ok");
    server.say("exit");
}

#[test]
fn big_requests_back_to_back() {
    assert_eq!(run_scenario("big-fast").0, "failed []");
}
