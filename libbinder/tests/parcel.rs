//! Parcel and Status against AOSP's wire format: hand-computed bytes, round trips, malformed
//! input, objects bookkeeping and file descriptors.

use std::ffi::CString;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, IntoRawFd, OwnedFd};

use binder_driver::uapi::{
    FlatBinderObject, BINDER_TYPE_BINDER, BINDER_TYPE_FD, BINDER_TYPE_HANDLE,
    BINDER_TYPE_WEAK_BINDER, BINDER_TYPE_WEAK_HANDLE, FLAT_BINDER_FLAG_ACCEPTS_FDS,
};
use libbinder::binder_impl::Parcel;
use libbinder::parcel::{
    stability, INTERFACE_HEADER, INTERFACE_HEADER_VENDOR, STRICT_MODE_PENALTY_GATHER,
    UNSET_WORK_SOURCE,
};
use libbinder::{ExceptionCode, ParcelFileDescriptor, Parcelable, Status, StatusCode};

/// Parses a hex dump such as `"02 00 00 00 61 00"`.
fn hex(s: &str) -> Vec<u8> {
    s.split_whitespace()
        .map(|b| u8::from_str_radix(b, 16).unwrap())
        .collect()
}

fn written(f: impl FnOnce(&mut Parcel) -> Result<(), StatusCode>) -> Vec<u8> {
    let mut p = Parcel::new();
    f(&mut p).unwrap();
    assert_eq!(p.data_position(), p.data_size());
    p.data().to_vec()
}

fn reader(bytes: &[u8]) -> Parcel {
    Parcel::from_received(bytes, &[])
}

#[derive(Debug, Clone, PartialEq, Default)]
struct Point {
    x: i32,
    y: i32,
    label: Option<String>,
}

impl Parcelable for Point {
    fn write_to_parcel(&self, parcel: &mut Parcel) -> Result<(), StatusCode> {
        parcel.write_i32(self.x)?;
        parcel.write_i32(self.y)?;
        parcel.write_nullable_string16(self.label.as_deref())
    }

    fn read_from_parcel(&mut self, parcel: &Parcel) -> Result<(), StatusCode> {
        self.x = parcel.read_i32()?;
        self.y = parcel.read_i32()?;
        self.label = parcel.read_nullable_string16()?;
        Ok(())
    }
}

fn pipe() -> (OwnedFd, OwnedFd) {
    let mut fds = [0; 2];
    // SAFETY: pipe2 writes two descriptors into the array.
    let r = unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) };
    assert_eq!(r, 0);
    // SAFETY: both descriptors were just created and are owned by nobody else.
    unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) }
}

/// Reads the pipe until EOF: returns only once every write end is closed.
fn drain_to_eof(read_end: OwnedFd) -> Vec<u8> {
    let mut out = Vec::new();
    std::fs::File::from(read_end).read_to_end(&mut out).unwrap();
    out
}

fn handle_object(handle: u32) -> FlatBinderObject {
    let mut obj = FlatBinderObject::default();
    obj.hdr.type_ = BINDER_TYPE_HANDLE;
    obj.set_handle(handle);
    obj
}

fn local_object(ptr: u64, cookie: u64) -> FlatBinderObject {
    let mut obj = FlatBinderObject::default();
    obj.hdr.type_ = BINDER_TYPE_BINDER;
    obj.flags = FLAT_BINDER_FLAG_ACCEPTS_FDS;
    obj.set_binder(ptr);
    obj.cookie = cookie;
    obj
}

// ---------------------------------------------------------------------------------------------
// Wire format, byte for byte
// ---------------------------------------------------------------------------------------------

#[test]
fn primitives_wire_format() {
    assert_eq!(written(|p| p.write_i32(1)), hex("01 00 00 00"));
    assert_eq!(written(|p| p.write_i32(-2)), hex("fe ff ff ff"));
    assert_eq!(written(|p| p.write_u32(0xdeadbeef)), hex("ef be ad de"));
    assert_eq!(
        written(|p| p.write_i64(0x0102030405060708)),
        hex("08 07 06 05 04 03 02 01")
    );
    assert_eq!(
        written(|p| p.write_u64(u64::MAX)),
        hex("ff ff ff ff ff ff ff ff")
    );
    assert_eq!(written(|p| p.write_f32(1.0)), hex("00 00 80 3f"));
    assert_eq!(
        written(|p| p.write_f64(-2.0)),
        hex("00 00 00 00 00 00 00 c0")
    );
    assert_eq!(written(|p| p.write_bool(true)), hex("01 00 00 00"));
    assert_eq!(written(|p| p.write_bool(false)), hex("00 00 00 00"));
    assert_eq!(written(|p| p.write_char(0x41)), hex("41 00 00 00"));
    assert_eq!(written(|p| p.write_char(0xffff)), hex("ff ff 00 00"));
    // int8_t is widened with its sign, as `writeInt32(int32_t(val))`.
    assert_eq!(written(|p| p.write_byte(-1)), hex("ff ff ff ff"));
    assert_eq!(written(|p| p.write_byte(0x7f)), hex("7f 00 00 00"));
    // 8-byte values are only 4-byte aligned.
    assert_eq!(
        written(|p| {
            p.write_i32(7)?;
            p.write_i64(-1)
        }),
        hex("07 00 00 00 ff ff ff ff ff ff ff ff")
    );
}

#[test]
fn string16_wire_format() {
    assert_eq!(
        written(|p| p.write_string16("ab")),
        hex("02 00 00 00 61 00 62 00 00 00 00 00")
    );
    assert_eq!(
        written(|p| p.write_string16("abc")),
        hex("03 00 00 00 61 00 62 00 63 00 00 00")
    );
    assert_eq!(
        written(|p| p.write_string16("")),
        hex("00 00 00 00 00 00 00 00")
    );
    assert_eq!(
        written(|p| p.write_nullable_string16(None)),
        hex("ff ff ff ff")
    );
    // U+1F600 is the surrogate pair D83D DE00.
    assert_eq!(
        written(|p| p.write_string16("\u{1F600}")),
        hex("02 00 00 00 3d d8 00 de 00 00 00 00")
    );
    // U+00E9 is one unit.
    assert_eq!(
        written(|p| p.write_string16("é")),
        hex("01 00 00 00 e9 00 00 00")
    );
    // @utf8InCpp strings are String16 on the wire.
    assert_eq!(
        written(|p| p.write_utf8_as_utf16("ab")),
        written(|p| p.write_string16("ab"))
    );
    assert_eq!(
        written(|p| p.write_nullable_utf8_as_utf16(None)),
        hex("ff ff ff ff")
    );
    assert_eq!(
        written(|p| p.write_string16_units(Some(&[0xd800]))),
        hex("01 00 00 00 00 d8 00 00")
    );
}

#[test]
fn cstring_wire_format() {
    let abc = CString::new("abc").unwrap();
    assert_eq!(written(|p| p.write_cstring(&abc)), hex("61 62 63 00"));
    let abcd = CString::new("abcd").unwrap();
    assert_eq!(
        written(|p| p.write_cstring(&abcd)),
        hex("61 62 63 64 00 00 00 00")
    );
    assert_eq!(written(|p| p.write_cstring(c"")), hex("00 00 00 00"));
}

#[test]
fn vectors_wire_format() {
    assert_eq!(
        written(|p| p.write_byte_vector(&[1, 2, 3])),
        hex("03 00 00 00 01 02 03 00")
    );
    assert_eq!(
        written(|p| p.write_byte_vector(&[1, 2, 3, 4])),
        hex("04 00 00 00 01 02 03 04")
    );
    assert_eq!(written(|p| p.write_byte_vector(&[])), hex("00 00 00 00"));
    assert_eq!(
        written(|p| p.write_nullable_byte_vector(None)),
        hex("ff ff ff ff")
    );
    assert_eq!(
        written(|p| p.write_i32_vector(&[1, -1])),
        hex("02 00 00 00 01 00 00 00 ff ff ff ff")
    );
    assert_eq!(
        written(|p| p.write_i64_vector(&[2])),
        hex("01 00 00 00 02 00 00 00 00 00 00 00")
    );
    assert_eq!(
        written(|p| p.write_f32_vector(&[1.0])),
        hex("01 00 00 00 00 00 80 3f")
    );
    assert_eq!(
        written(|p| p.write_bool_vector(&[true, false])),
        hex("02 00 00 00 01 00 00 00 00 00 00 00")
    );
    assert_eq!(
        written(|p| p.write_char_vector(&[0x61, 0xffff])),
        hex("02 00 00 00 61 00 00 00 ff ff 00 00")
    );
    assert_eq!(
        written(|p| p.write_string16_vector(&["a", ""])),
        hex("02 00 00 00 01 00 00 00 61 00 00 00 00 00 00 00 00 00 00 00")
    );
    assert_eq!(
        written(|p| p.write_nullable_string16_vector(Some(&[Some("a"), None]))),
        hex("02 00 00 00 01 00 00 00 61 00 00 00 ff ff ff ff")
    );
    assert_eq!(
        written(|p| p.write_nullable_string16_vector::<&str>(None)),
        hex("ff ff ff ff")
    );
}

#[test]
fn parcelable_wire_format() {
    let pt = Point {
        x: 1,
        y: 2,
        label: None,
    };
    assert_eq!(
        written(|p| p.write_parcelable(&pt)),
        hex("01 00 00 00 01 00 00 00 02 00 00 00 ff ff ff ff")
    );
    assert_eq!(
        written(|p| p.write_nullable_parcelable::<Point>(None)),
        hex("00 00 00 00")
    );
    assert_eq!(
        written(|p| p.write_nullable_parcelable_vector(Some(&[None, Some(pt.clone())]))),
        hex("02 00 00 00 00 00 00 00 01 00 00 00 01 00 00 00 02 00 00 00 ff ff ff ff")
    );
}

#[test]
fn interface_token_wire_format() {
    assert_eq!(
        written(|p| p.write_interface_token("ab")),
        hex("00 00 00 80 ff ff ff ff 54 53 59 53 02 00 00 00 61 00 62 00 00 00 00 00")
    );
    assert_eq!(INTERFACE_HEADER, 0x53595354);
    assert_eq!(STRICT_MODE_PENALTY_GATHER as u32, 0x8000_0000);
    assert_eq!(UNSET_WORK_SOURCE, -1);
    assert_eq!(
        written(|p| p.write_interface_token_with("", 0x41, 1000)),
        hex("41 00 00 80 e8 03 00 00 54 53 59 53 00 00 00 00 00 00 00 00")
    );
}

#[test]
fn flat_binder_wire_format() {
    let mut p = Parcel::new();
    p.write_i32(9).unwrap();
    p.write_flat_binder(handle_object(5), stability::SYSTEM)
        .unwrap();
    assert_eq!(
        p.data(),
        hex("09 00 00 00 \
             85 2a 68 73 00 00 00 00 05 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 \
             0c 00 00 00")
    );
    assert_eq!(p.objects(), &[4]);

    let mut q = Parcel::new();
    q.write_flat_binder(local_object(0x1122334455667788, 0x99), stability::VINTF)
        .unwrap();
    assert_eq!(
        q.data(),
        hex(
            "85 2a 62 73 00 01 00 00 88 77 66 55 44 33 22 11 99 00 00 00 00 00 00 00 \
             3f 00 00 00"
        )
    );
    assert_eq!(q.objects(), &[0]);

    // Weak binders and handles: the same layout with the weak types ('w' for 's').
    let mut w = Parcel::new();
    let mut weak = local_object(0x10, 0x20);
    weak.hdr.type_ = BINDER_TYPE_WEAK_BINDER;
    let mut weak_handle = handle_object(3);
    weak_handle.hdr.type_ = BINDER_TYPE_WEAK_HANDLE;
    w.write_flat_binder(weak, stability::LOCAL).unwrap();
    w.write_flat_binder(weak_handle, stability::LOCAL).unwrap();
    assert_eq!(&w.data()[..4], &hex("85 2a 62 77")[..]);
    assert_eq!(&w.data()[28..32], &hex("85 2a 68 77")[..]);
    assert_eq!(w.objects(), &[0, 28]);
    w.seek(0).unwrap();
    assert_eq!(
        w.read_flat_binder().unwrap().0.hdr.type_,
        BINDER_TYPE_WEAK_BINDER
    );
    assert_eq!(w.read_flat_binder().unwrap().0.handle(), 3);
    // A received parcel keeps weak objects in its list.
    let received = Parcel::from_received(w.data(), &[0, 28]);
    assert_eq!(received.objects(), &[0, 28]);
}

#[test]
fn parcel_file_descriptor_wire_format() {
    let (_r, w) = pipe();
    let mut p = Parcel::new();
    p.write(&ParcelFileDescriptor::new(w)).unwrap();
    let data = p.data().to_vec();
    assert_eq!(data.len(), 8 + 24);
    // Presence flag, "no comm channel", then the fd object.
    assert_eq!(&data[..12], &hex("01 00 00 00 00 00 00 00 85 2a 64 66")[..]);
    assert_eq!(&data[12..16], &[0, 0, 0, 0]);
    let fd = i32::from_le_bytes(data[16..20].try_into().unwrap());
    assert!(fd >= 0);
    assert_eq!(&data[20..24], &[0, 0, 0, 0]);
    // cookie 1: the parcel owns the (duplicated) descriptor.
    assert_eq!(&data[24..32], &hex("01 00 00 00 00 00 00 00")[..]);
    assert_eq!(p.objects(), &[8]);
    assert!(p.has_file_descriptors());
}

// ---------------------------------------------------------------------------------------------
// Round trips
// ---------------------------------------------------------------------------------------------

#[test]
fn primitives_round_trip() {
    let mut p = Parcel::new();
    p.write_i32(i32::MIN).unwrap();
    p.write_u32(u32::MAX).unwrap();
    p.write_i64(i64::MIN).unwrap();
    p.write_u64(0x8000_0000_0000_0001).unwrap();
    p.write_f32(3.5).unwrap();
    p.write_f64(f64::NEG_INFINITY).unwrap();
    p.write_bool(true).unwrap();
    p.write_char(0xd83d).unwrap();
    p.write_byte(-128).unwrap();
    p.seek(0).unwrap();
    assert_eq!(p.read_i32(), Ok(i32::MIN));
    assert_eq!(p.read_u32(), Ok(u32::MAX));
    assert_eq!(p.read_i64(), Ok(i64::MIN));
    assert_eq!(p.read_u64(), Ok(0x8000_0000_0000_0001));
    assert_eq!(p.read_f32(), Ok(3.5));
    assert_eq!(p.read_f64(), Ok(f64::NEG_INFINITY));
    assert_eq!(p.read_bool(), Ok(true));
    assert_eq!(p.read_char(), Ok(0xd83d));
    assert_eq!(p.read_byte(), Ok(-128));
    assert_eq!(p.data_avail(), 0);
    assert_eq!(p.read_i32(), Err(StatusCode::NOT_ENOUGH_DATA));
}

#[test]
fn narrow_reads_truncate_like_aosp() {
    let p = reader(&hex("02 00 00 00 41 00 01 00 ff 01 00 00"));
    assert_eq!(p.read_bool(), Ok(true));
    assert_eq!(p.read_char(), Ok(0x41));
    assert_eq!(p.read_byte(), Ok(-1));
}

#[test]
fn strings_round_trip_null_vs_empty() {
    let mut p = Parcel::new();
    p.write_string16("hello, wörld \u{1F600}").unwrap();
    p.write_string16("").unwrap();
    p.write_nullable_string16(None).unwrap();
    p.write_nullable_string16(Some("x")).unwrap();
    p.write_utf8_as_utf16("utf8").unwrap();
    p.write_nullable_utf8_as_utf16(None).unwrap();
    p.write_string16_units(Some(&[0xdc00, 0x61])).unwrap();
    p.write_cstring(c"c string").unwrap();
    p.seek(0).unwrap();
    assert_eq!(p.read_string16().as_deref(), Ok("hello, wörld \u{1F600}"));
    assert_eq!(p.read_nullable_string16(), Ok(Some(String::new())));
    assert_eq!(p.read_nullable_string16(), Ok(None));
    assert_eq!(p.read_string16().as_deref(), Ok("x"));
    assert_eq!(p.read_utf8_from_utf16().as_deref(), Ok("utf8"));
    assert_eq!(p.read_nullable_utf8_from_utf16(), Ok(None));
    assert_eq!(p.read_string16_units(), Ok(Some(vec![0xdc00, 0x61])));
    assert_eq!(p.read_cstring(), Ok(CString::new("c string").unwrap()));
    assert_eq!(p.data_avail(), 0);

    // A null where a string is required.
    let q = reader(&hex("ff ff ff ff"));
    assert_eq!(q.read_string16(), Err(StatusCode::UNEXPECTED_NULL));
    let q = reader(&hex("ff ff ff ff"));
    assert_eq!(q.read_string16_units(), Ok(None));
}

#[test]
fn vectors_round_trip_null_vs_empty() {
    let mut p = Parcel::new();
    p.write_byte_vector(&[1, 2, 3, 4, 5]).unwrap();
    p.write_nullable_byte_vector(Some(&[])).unwrap();
    p.write_nullable_byte_vector(None).unwrap();
    p.write_i32_vector(&[i32::MIN, 0, i32::MAX]).unwrap();
    p.write_nullable_i32_vector(None).unwrap();
    p.write_u32_vector(&[7]).unwrap();
    p.write_i64_vector(&[-1, i64::MAX]).unwrap();
    p.write_u64_vector(&[]).unwrap();
    p.write_f32_vector(&[0.5, -0.25]).unwrap();
    p.write_f64_vector(&[1e300]).unwrap();
    p.write_bool_vector(&[true, false, true]).unwrap();
    p.write_char_vector(&[0x61, 0xd800]).unwrap();
    p.write_nullable_char_vector(None).unwrap();
    p.write_string16_vector(&["a", "", "ccc"]).unwrap();
    p.write_string16_vector::<String>(&[]).unwrap();
    p.write_nullable_string16_vector(Some(&[None, Some("z".to_string())]))
        .unwrap();
    p.write_nullable_string16_vector::<String>(None).unwrap();
    p.seek(0).unwrap();

    assert_eq!(p.read_byte_vector(), Ok(vec![1, 2, 3, 4, 5]));
    assert_eq!(p.read_nullable_byte_vector(), Ok(Some(vec![])));
    assert_eq!(p.read_nullable_byte_vector(), Ok(None));
    assert_eq!(p.read_i32_vector(), Ok(vec![i32::MIN, 0, i32::MAX]));
    assert_eq!(p.read_nullable_i32_vector(), Ok(None));
    assert_eq!(p.read_u32_vector(), Ok(vec![7]));
    assert_eq!(p.read_i64_vector(), Ok(vec![-1, i64::MAX]));
    assert_eq!(p.read_nullable_u64_vector(), Ok(Some(vec![])));
    assert_eq!(p.read_f32_vector(), Ok(vec![0.5, -0.25]));
    assert_eq!(p.read_f64_vector(), Ok(vec![1e300]));
    assert_eq!(p.read_bool_vector(), Ok(vec![true, false, true]));
    assert_eq!(p.read_char_vector(), Ok(vec![0x61, 0xd800]));
    assert_eq!(p.read_nullable_char_vector(), Ok(None));
    assert_eq!(
        p.read_string16_vector(),
        Ok(vec!["a".to_string(), String::new(), "ccc".to_string()])
    );
    assert_eq!(p.read_nullable_string16_vector(), Ok(Some(vec![])));
    assert_eq!(
        p.read_nullable_string16_vector(),
        Ok(Some(vec![None, Some("z".to_string())]))
    );
    assert_eq!(p.read_nullable_string16_vector(), Ok(None));
    assert_eq!(p.data_avail(), 0);

    // Null where a vector is required; a null element in a non-null string vector.
    let q = reader(&hex("ff ff ff ff"));
    assert_eq!(q.read_i32_vector(), Err(StatusCode::UNEXPECTED_NULL));
    let q = reader(&hex("01 00 00 00 ff ff ff ff"));
    assert_eq!(q.read_string16_vector(), Err(StatusCode::UNEXPECTED_NULL));
}

#[test]
fn parcelables_round_trip() {
    let a = Point {
        x: -1,
        y: 40,
        label: Some("a".into()),
    };
    let b = Point::default();
    let mut p = Parcel::new();
    p.write_parcelable(&a).unwrap();
    p.write_nullable_parcelable(Some(&b)).unwrap();
    p.write_nullable_parcelable::<Point>(None).unwrap();
    p.write_parcelable_vector(&[a.clone(), b.clone()]).unwrap();
    p.write_nullable_parcelable_vector::<Point>(None).unwrap();
    p.write_nullable_parcelable_vector(Some(&[Some(a.clone()), None]))
        .unwrap();
    p.seek(0).unwrap();
    assert_eq!(p.read_parcelable::<Point>(), Ok(a.clone()));
    assert_eq!(p.read_nullable_parcelable::<Point>(), Ok(Some(b.clone())));
    assert_eq!(p.read_nullable_parcelable::<Point>(), Ok(None));
    assert_eq!(p.read_parcelable_vector::<Point>(), Ok(vec![a.clone(), b]));
    assert_eq!(p.read_nullable_parcelable_vector::<Point>(), Ok(None));
    assert_eq!(
        p.read_nullable_parcelable_vector::<Point>(),
        Ok(Some(vec![Some(a), None]))
    );
    assert_eq!(p.data_avail(), 0);

    // Flag 0 where a parcelable is required, and flags that are neither 0 nor 1.
    let q = reader(&hex("00 00 00 00"));
    assert_eq!(
        q.read_parcelable::<Point>(),
        Err(StatusCode::UNEXPECTED_NULL)
    );
    let q = reader(&hex("02 00 00 00 01 00 00 00 02 00 00 00 ff ff ff ff"));
    assert_eq!(
        q.read_parcelable::<Point>(),
        Err(StatusCode::UNEXPECTED_NULL)
    );
    let q = reader(&hex("07 00 00 00"));
    assert_eq!(
        q.read_nullable_parcelable::<Point>(),
        Err(StatusCode::UNEXPECTED_NULL)
    );
}

#[test]
fn generic_vector_helpers_nest() {
    let nested: Vec<Vec<i32>> = vec![vec![1], vec![], vec![2, 3]];
    let mut p = Parcel::new();
    p.write_vector_with(&nested, |p, v| p.write_i32_vector(v))
        .unwrap();
    assert_eq!(
        p.data(),
        hex("03 00 00 00 01 00 00 00 01 00 00 00 00 00 00 00 02 00 00 00 02 00 00 00 03 00 00 00")
    );
    p.seek(0).unwrap();
    assert_eq!(p.read_vector_with(Parcel::read_i32_vector), Ok(nested));
}

// ---------------------------------------------------------------------------------------------
// Interface token
// ---------------------------------------------------------------------------------------------

#[test]
fn enforce_interface_accepts_the_right_descriptor() {
    let mut p = Parcel::new();
    p.write_interface_token("android.os.IServiceManager")
        .unwrap();
    p.write_i32(42).unwrap();
    p.seek(0).unwrap();
    assert_eq!(p.enforce_interface("android.os.IServiceManager"), Ok(()));
    assert_eq!(p.read_i32(), Ok(42));

    p.seek(0).unwrap();
    let token = p.read_interface_token().unwrap();
    assert_eq!(token.strict_mode_policy, STRICT_MODE_PENALTY_GATHER);
    assert_eq!(token.work_source_uid, UNSET_WORK_SOURCE);
    assert_eq!(token.header, INTERFACE_HEADER);
    assert_eq!(token.descriptor, "android.os.IServiceManager");
}

#[test]
fn enforce_interface_rejects_others() {
    for wrong in [
        "android.os.IServiceManagex",
        "android.os.IServiceManager2",
        "",
        "a",
    ] {
        let mut p = Parcel::new();
        p.write_interface_token("android.os.IServiceManager")
            .unwrap();
        p.seek(0).unwrap();
        assert_eq!(
            p.enforce_interface(wrong),
            Err(StatusCode::BAD_TYPE),
            "{wrong}"
        );
    }

    // A VNDK header is refused even with the right descriptor.
    let mut p = Parcel::new();
    p.write_i32(STRICT_MODE_PENALTY_GATHER).unwrap();
    p.write_i32(UNSET_WORK_SOURCE).unwrap();
    p.write_i32(INTERFACE_HEADER_VENDOR).unwrap();
    p.write_string16("foo").unwrap();
    p.seek(0).unwrap();
    assert_eq!(p.enforce_interface("foo"), Err(StatusCode::BAD_TYPE));

    // A null descriptor; a truncated token.
    let p = reader(&hex("00 00 00 80 ff ff ff ff 54 53 59 53 ff ff ff ff"));
    assert_eq!(p.enforce_interface(""), Err(StatusCode::BAD_TYPE));
    let p = reader(&hex("00 00 00 80 ff ff ff ff"));
    assert_eq!(p.enforce_interface("foo"), Err(StatusCode::NOT_ENOUGH_DATA));
}

// ---------------------------------------------------------------------------------------------
// Status
// ---------------------------------------------------------------------------------------------

fn status_bytes(s: &Status) -> Vec<u8> {
    written(|p| s.write_to_parcel(p))
}

fn status_read(bytes: &[u8]) -> (Result<Status, StatusCode>, Parcel) {
    let p = reader(bytes);
    let s = Status::read_from_parcel(&p);
    (s, p)
}

#[test]
fn status_wire_format() {
    assert_eq!(status_bytes(&Status::ok()), hex("00 00 00 00"));
    // Exception, message (empty String16 when none), empty stack trace header.
    assert_eq!(
        status_bytes(&Status::from(ExceptionCode::SECURITY)),
        hex("ff ff ff ff 00 00 00 00 00 00 00 00 00 00 00 00")
    );
    assert_eq!(
        status_bytes(&Status::new_exception_str(
            ExceptionCode::ILLEGAL_ARGUMENT,
            Some("no")
        )),
        hex("fd ff ff ff 02 00 00 00 6e 00 6f 00 00 00 00 00 00 00 00 00")
    );
    // Service-specific: the code after the stack trace header.
    assert_eq!(
        status_bytes(&Status::new_service_specific_error_str(42, Some("x"))),
        hex("f8 ff ff ff 01 00 00 00 78 00 00 00 00 00 00 00 2a 00 00 00")
    );
    // EX_PARCELABLE: an empty blob.
    assert_eq!(
        status_bytes(&Status::from(ExceptionCode::PARCELABLE)),
        hex("f7 ff ff ff 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00")
    );
    // EX_TRANSACTION_FAILED writes nothing and fails the transaction with its code.
    let mut p = Parcel::new();
    assert_eq!(
        Status::from(StatusCode::DEAD_OBJECT).write_to_parcel(&mut p),
        Err(StatusCode::DEAD_OBJECT)
    );
    assert_eq!(p.data_size(), 0);
}

#[test]
fn status_round_trip() {
    let statuses = [
        Status::ok(),
        Status::from(ExceptionCode::NULL_POINTER),
        Status::new_exception_str(ExceptionCode::UNSUPPORTED_OPERATION, Some("nope \u{1F600}")),
        Status::new_service_specific_error_str(-7, Some("bad thing")),
        Status::new_service_specific_error(0, None),
        Status::new_exception_str(ExceptionCode::PARCELABLE, Some("p")),
    ];
    for s in statuses {
        let mut p = Parcel::new();
        s.write_to_parcel(&mut p).unwrap();
        p.write_i32(0x1234).unwrap();
        p.seek(0).unwrap();
        let back = Status::read_from_parcel(&p).unwrap();
        assert_eq!(back.exception_code(), s.exception_code());
        assert_eq!(back.service_specific_error(), s.service_specific_error());
        assert_eq!(back.is_ok(), s.is_ok());
        if !s.is_ok() {
            assert_eq!(back.message().unwrap_or(""), s.message().unwrap_or(""));
        }
        assert_eq!(p.read_i32(), Ok(0x1234), "{s}");
    }
}

#[test]
fn status_skips_java_reply_header() {
    // EX_HAS_REPLY_HEADER (-128), header size 12 (counting itself), 8 header bytes, then the
    // reply payload.
    let (s, p) = status_read(&hex(
        "80 ff ff ff 0c 00 00 00 aa aa aa aa bb bb bb bb 05 00 00 00",
    ));
    assert!(s.unwrap().is_ok());
    assert_eq!(p.read_i32(), Ok(5));

    // A header size beyond the data, or negative, is UNKNOWN_ERROR.
    let (s, _) = status_read(&hex("80 ff ff ff 10 00 00 00 00 00 00 00"));
    assert_eq!(s, Err(StatusCode::UNKNOWN_ERROR));
    let (s, _) = status_read(&hex("80 ff ff ff fc ff ff ff"));
    assert_eq!(s, Err(StatusCode::UNKNOWN_ERROR));
    // A size smaller than its own field is refused; 0 means "no header".
    let (s, _) = status_read(&hex("80 ff ff ff 02 00 00 00 00 00 00 00"));
    assert_eq!(s, Err(StatusCode::UNKNOWN_ERROR));
    let (s, p) = status_read(&hex("80 ff ff ff 00 00 00 00 06 00 00 00"));
    assert!(s.unwrap().is_ok());
    assert_eq!(p.read_i32(), Ok(6));
}

#[test]
fn status_skips_remote_stack_trace_and_parcelable_blob() {
    // EX_ILLEGAL_STATE, message "m", stack trace header of 12 bytes, then a trailing int.
    let (s, p) = status_read(&hex(
        "fb ff ff ff 01 00 00 00 6d 00 00 00 0c 00 00 00 11 11 11 11 22 22 22 22 07 00 00 00",
    ));
    let s = s.unwrap();
    assert_eq!(s.exception_code(), ExceptionCode::ILLEGAL_STATE);
    assert_eq!(s.message(), Some("m"));
    assert_eq!(p.read_i32(), Ok(7));

    // EX_PARCELABLE with an 8-byte blob.
    let (s, p) = status_read(&hex(
        "f7 ff ff ff 00 00 00 00 00 00 00 00 00 00 00 00 08 00 00 00 33 33 33 33 09 00 00 00",
    ));
    assert_eq!(s.unwrap().exception_code(), ExceptionCode::PARCELABLE);
    assert_eq!(p.read_i32(), Ok(9));

    // A stack trace header larger than the data.
    let (s, _) = status_read(&hex("fb ff ff ff 00 00 00 00 00 00 00 00 40 00 00 00"));
    assert_eq!(s, Err(StatusCode::UNKNOWN_ERROR));
}

#[test]
fn status_tolerates_null_message_and_unknown_codes() {
    // A Java exception with a null message.
    let (s, _) = status_read(&hex("fd ff ff ff ff ff ff ff 00 00 00 00"));
    let s = s.unwrap();
    assert_eq!(s.exception_code(), ExceptionCode::ILLEGAL_ARGUMENT);
    assert_eq!(s.message(), None);

    // An exception code this library does not know.
    let (s, _) = status_read(&hex("38 ff ff ff 01 00 00 00 71 00 00 00 00 00 00 00"));
    let s = s.unwrap();
    assert_eq!(s.exception_code(), ExceptionCode::TRANSACTION_FAILED);
    assert_eq!(s.transaction_error(), StatusCode::UNKNOWN_ERROR);
    assert_eq!(s.message(), Some("q"));
}

#[test]
fn status_read_errors() {
    assert_eq!(status_read(&[]).0, Err(StatusCode::NOT_ENOUGH_DATA));
    assert_eq!(
        status_read(&hex("ff ff ff ff")).0,
        Err(StatusCode::NOT_ENOUGH_DATA)
    );
    // Service-specific without its code.
    assert_eq!(
        status_read(&hex("f8 ff ff ff 00 00 00 00 00 00 00 00 00 00 00 00")).0,
        Err(StatusCode::NOT_ENOUGH_DATA)
    );
}

// ---------------------------------------------------------------------------------------------
// Objects
// ---------------------------------------------------------------------------------------------

#[test]
fn objects_list_bookkeeping() {
    let mut p = Parcel::new();
    p.write_i32(1).unwrap();
    p.write_flat_binder(local_object(0x10, 0x20), stability::SYSTEM)
        .unwrap();
    p.write_string16("between").unwrap();
    p.write_flat_binder(handle_object(3), stability::VINTF)
        .unwrap();
    // A null binder is written but not recorded.
    p.write_flat_binder(local_object(0, 0), stability::UNDECLARED)
        .unwrap();
    // Handle 0 (the context manager) has an all-zero pointer word: not recorded, as in AOSP.
    p.write_flat_binder(handle_object(0), stability::SYSTEM)
        .unwrap();
    assert_eq!(p.objects(), &[4, 52]);
    assert_eq!(p.objects_count(), 2);
    assert!(!p.has_file_descriptors());
    assert_eq!(p.objects_ptr(), p.objects().as_ptr());
    assert_eq!(p.data_ptr(), p.data().as_ptr());

    // The receiver sees the same objects.
    let r = Parcel::from_received(p.data(), p.objects());
    assert_eq!(r.objects(), &[4, 52]);
    assert_eq!(r.read_i32(), Ok(1));
    let (obj, stab) = r.read_flat_binder().unwrap();
    assert_eq!(
        (obj.hdr.type_, obj.binder(), obj.cookie),
        (BINDER_TYPE_BINDER, 0x10, 0x20)
    );
    assert_eq!(stab, stability::SYSTEM);
    assert_eq!(r.read_string16().as_deref(), Ok("between"));
    let (obj, stab) = r.read_flat_binder().unwrap();
    assert_eq!((obj.hdr.type_, obj.handle()), (BINDER_TYPE_HANDLE, 3));
    assert_eq!(stab, stability::VINTF);
    let (obj, stab) = r.read_flat_binder().unwrap();
    assert_eq!(
        (obj.binder(), obj.cookie, stab),
        (0, 0, stability::UNDECLARED)
    );
    let (obj, _) = r.read_flat_binder().unwrap();
    assert_eq!((obj.hdr.type_, obj.handle()), (BINDER_TYPE_HANDLE, 0));
    assert_eq!(r.data_avail(), 0);
}

#[test]
fn objects_must_be_at_recorded_offsets() {
    let mut p = Parcel::new();
    p.write_flat_binder(handle_object(7), stability::SYSTEM)
        .unwrap();
    // Same bytes without the objects list: the object is refused.
    let r = Parcel::from_received(p.data(), &[]);
    assert_eq!(r.read_flat_binder(), Err(StatusCode::BAD_TYPE));
    // An object read at a shifted position is refused too.
    let mut data = vec![0u8; 4];
    data.extend_from_slice(p.data());
    let r = Parcel::from_received(&data, &[4]);
    assert_eq!(r.read_flat_binder(), Err(StatusCode::BAD_TYPE));
    r.seek(4).unwrap();
    assert_eq!(r.read_flat_binder().unwrap().0.handle(), 7);
}

#[test]
fn plain_reads_over_objects_are_refused() {
    let mut p = Parcel::new();
    p.write_i32(1).unwrap();
    p.write_flat_binder(local_object(0xabc, 0xdef), stability::SYSTEM)
        .unwrap();
    p.seek(4).unwrap();
    assert_eq!(p.read_i64(), Err(StatusCode::PERMISSION_DENIED));
    p.seek(0).unwrap();
    assert_eq!(p.read_i32(), Ok(1));
    p.seek(24).unwrap();
    assert_eq!(p.read_i32(), Err(StatusCode::PERMISSION_DENIED));
    assert_eq!(p.data_position(), 28);
    assert_eq!(p.read_i32(), Ok(stability::SYSTEM));
    p.seek(0).unwrap();
    assert_eq!(p.read_byte_vector(), Err(StatusCode::PERMISSION_DENIED));
}

#[test]
fn wrong_object_types_are_refused() {
    let mut p = Parcel::new();
    let mut fd = handle_object(1);
    fd.hdr.type_ = BINDER_TYPE_FD;
    assert_eq!(p.write_flat_binder(fd, 0), Err(StatusCode::BAD_TYPE));
    assert_eq!(p.data_size(), 0);

    // A binder where an fd is expected, and the other way round.
    let mut p = Parcel::new();
    p.write_flat_binder(handle_object(1), stability::SYSTEM)
        .unwrap();
    let (_r, w) = pipe();
    p.write_file_descriptor(w).unwrap();
    p.seek(0).unwrap();
    assert_eq!(p.read_file_descriptor(), Err(StatusCode::BAD_TYPE));
    p.seek(28).unwrap();
    assert_eq!(p.read_flat_binder(), Err(StatusCode::BAD_TYPE));
}

#[test]
fn from_received_validates_offsets() {
    let mut p = Parcel::new();
    p.write_flat_binder(handle_object(1), stability::SYSTEM)
        .unwrap();
    p.write_flat_binder(handle_object(2), stability::SYSTEM)
        .unwrap();
    let data = p.data().to_vec();
    assert_eq!(p.objects(), &[0, 28]);
    assert_eq!(Parcel::from_received(&data, &[0, 28]).objects(), &[0, 28]);
    assert_eq!(Parcel::from_received(&data, &[0, 28]).data(), &data[..]);
    // Out of order, overlapping, past the end, overflowing, or not an object: all dropped.
    for bad in [
        &[28, 0][..],
        &[0, 20],
        &[0, 28, 40],
        &[0, u64::MAX - 4],
        &[0, 24],
        &[0, 0],
    ] {
        let r = Parcel::from_received(&data, bad);
        assert!(r.objects().is_empty(), "{bad:?}");
        assert_eq!(r.data(), &data[..]);
    }
}

// ---------------------------------------------------------------------------------------------
// File descriptors
// ---------------------------------------------------------------------------------------------

#[test]
fn parcel_file_descriptor_round_trip_through_a_pipe() {
    let (r, w) = pipe();
    let mut sent = Parcel::new();
    sent.write(&ParcelFileDescriptor::new(w)).unwrap();
    sent.write(&None::<ParcelFileDescriptor>).unwrap();
    sent.write_i32(77).unwrap();

    // The descriptor numbers in the data are valid in this process, as after the driver
    // installed them in a receiver.
    let received = Parcel::from_received(sent.data(), sent.objects());
    assert!(received.has_file_descriptors());
    let pfd: ParcelFileDescriptor = received.read().unwrap();
    assert_eq!(
        received
            .read::<Option<ParcelFileDescriptor>>()
            .unwrap()
            .map(|_| ()),
        None
    );
    assert_eq!(received.read_i32(), Ok(77));
    // A new descriptor, not the one the data names (still owned by `sent`).
    let in_data = i32::from_le_bytes(sent.data()[16..20].try_into().unwrap());
    assert_ne!(pfd.as_raw_fd(), in_data);

    // Every other copy goes away: the read descriptor alone keeps the pipe's write end open.
    drop(received);
    drop(sent);
    let mut file = std::fs::File::from(pfd.into_inner());
    file.write_all(b"through a parcel").unwrap();
    drop(file);
    assert_eq!(drain_to_eof(r), b"through a parcel");
}

#[test]
fn file_descriptor_round_trip_variants() {
    let (r, w) = pipe();
    let mut p = Parcel::new();
    p.write_dup_file_descriptor(w.as_fd_ref()).unwrap();
    p.write_dup_parcel_file_descriptor(w.as_fd_ref()).unwrap();
    p.write_parcel_file_descriptor(w).unwrap();
    assert_eq!(p.objects(), &[0, 28, 56]);
    p.seek(0).unwrap();
    let raw = p.read_file_descriptor().unwrap();
    assert_eq!(
        raw as u32,
        u32::from_le_bytes(p.data()[8..12].try_into().unwrap())
    );
    p.seek(0).unwrap();
    let a = p.read_unique_file_descriptor().unwrap();
    assert_ne!(a.as_raw_fd(), raw);
    let b = p.read_parcel_file_descriptor().unwrap();
    assert!(b >= 0);
    let c = p.read_unique_parcel_file_descriptor().unwrap();
    drop(p);
    std::fs::File::from(a).write_all(b"a").unwrap();
    std::fs::File::from(c).write_all(b"c").unwrap();
    assert_eq!(drain_to_eof(r), b"ac");
}

#[test]
fn parcel_owns_written_descriptors() {
    // Dropping the parcel closes its descriptor: the read end sees EOF.
    let (r, w) = pipe();
    let mut p = Parcel::new();
    p.write_file_descriptor(w).unwrap();
    drop(p);
    assert_eq!(drain_to_eof(r), b"");

    // Truncating the data closes descriptors whose objects are cut off.
    let (r, w) = pipe();
    let mut p = Parcel::new();
    p.write_i32(1).unwrap();
    p.write_file_descriptor(w).unwrap();
    p.set_data_size(4).unwrap();
    assert!(p.objects().is_empty());
    assert_eq!(drain_to_eof(r), b"");
    assert_eq!(p.read_i32(), Err(StatusCode::NOT_ENOUGH_DATA));

    // Overwriting the object closes it too.
    let (r, w) = pipe();
    let mut p = Parcel::new();
    p.write_file_descriptor(w).unwrap();
    p.seek(0).unwrap();
    p.write_i64(0).unwrap();
    assert!(p.objects().is_empty());
    assert_eq!(drain_to_eof(r), b"");
}

#[test]
fn adopted_received_descriptors_are_closed_with_the_parcel() {
    let (r, w) = pipe();
    let mut sender = Parcel::new();
    sender.write_dup_file_descriptor(w.as_fd_ref()).unwrap();
    drop(w);
    let mut received = Parcel::from_received(sender.data(), sender.objects());
    // Hand the sender's descriptor over to the received parcel, as the driver would.
    std::mem::forget(sender);
    // SAFETY: the descriptor in the data is open and, with the sender forgotten, unowned.
    unsafe { received.adopt_file_descriptors() };
    let dup = received.read_unique_file_descriptor().unwrap();
    drop(received);
    std::fs::File::from(dup).write_all(b"still open").unwrap();
    assert_eq!(drain_to_eof(r), b"still open");
}

#[test]
fn descriptors_can_be_forbidden() {
    let (_r, w) = pipe();
    let mut p = Parcel::new();
    let prev = p.push_allow_fds(false);
    assert!(prev);
    assert_eq!(
        p.write_parcel_file_descriptor(w.try_clone().unwrap()),
        Err(StatusCode::FDS_NOT_ALLOWED)
    );
    assert_eq!(
        p.write(&ParcelFileDescriptor::new(w.try_clone().unwrap())),
        Err(StatusCode::FDS_NOT_ALLOWED)
    );
    p.restore_allow_fds(prev);
    p.set_data_size(0).unwrap();
    p.seek(0).unwrap();
    assert_eq!(p.write_file_descriptor(w), Ok(()));
}

#[test]
fn fd_objects_outside_the_objects_list_are_refused() {
    let (_r, w) = pipe();
    let mut p = Parcel::new();
    p.write_parcel_file_descriptor(w).unwrap();
    let forged = Parcel::from_received(p.data(), &[]);
    assert_eq!(
        forged.read_unique_parcel_file_descriptor().err(),
        Some(StatusCode::BAD_TYPE)
    );
    let forged = Parcel::from_received(p.data(), &[]);
    assert!(forged.read::<ParcelFileDescriptor>().is_err());
}

/// `OwnedFd::as_fd` without importing `AsFd` in every test.
trait AsFdRef {
    fn as_fd_ref(&self) -> std::os::fd::BorrowedFd<'_>;
}

impl AsFdRef for OwnedFd {
    fn as_fd_ref(&self) -> std::os::fd::BorrowedFd<'_> {
        std::os::fd::AsFd::as_fd(self)
    }
}

// ---------------------------------------------------------------------------------------------
// Malformed input
// ---------------------------------------------------------------------------------------------

#[test]
fn truncated_primitives() {
    let p = reader(&[1, 2, 3]);
    assert_eq!(p.read_i32(), Err(StatusCode::NOT_ENOUGH_DATA));
    assert_eq!(p.data_position(), 0);
    let p = reader(&[1, 2, 3, 4]);
    assert_eq!(p.read_i64(), Err(StatusCode::NOT_ENOUGH_DATA));
    assert_eq!(p.data_position(), 0);
    assert_eq!(p.read_u32(), Ok(0x04030201));
    let p = reader(&[]);
    assert_eq!(p.read_bool(), Err(StatusCode::NOT_ENOUGH_DATA));
    assert_eq!(p.read_flat_binder(), Err(StatusCode::NOT_ENOUGH_DATA));
    assert_eq!(p.read_file_descriptor(), Err(StatusCode::NOT_ENOUGH_DATA));
}

#[test]
fn malformed_strings() {
    // Length below -1.
    assert_eq!(
        reader(&hex("fe ff ff ff")).read_nullable_string16(),
        Err(StatusCode::BAD_VALUE)
    );
    // Lengths beyond the data, including the largest.
    assert_eq!(
        reader(&hex("0a 00 00 00 61 00 00 00")).read_string16(),
        Err(StatusCode::NOT_ENOUGH_DATA)
    );
    assert_eq!(
        reader(&hex("ff ff ff 7f 00 00 00 00")).read_string16(),
        Err(StatusCode::NOT_ENOUGH_DATA)
    );
    assert_eq!(
        reader(&hex("fe ff ff 7f")).read_string16_units(),
        Err(StatusCode::NOT_ENOUGH_DATA)
    );
    // Missing NUL terminator.
    assert_eq!(
        reader(&hex("01 00 00 00 61 00 62 00")).read_string16(),
        Err(StatusCode::BAD_VALUE)
    );
    // A lone surrogate is not a Rust string, but its units can be read.
    assert_eq!(
        reader(&hex("01 00 00 00 00 d8 00 00")).read_string16(),
        Err(StatusCode::BAD_VALUE)
    );
    assert_eq!(
        reader(&hex("01 00 00 00 00 d8 00 00")).read_string16_units(),
        Ok(Some(vec![0xd800]))
    );
    // C string without a NUL.
    assert_eq!(
        reader(&hex("61 62 63 64")).read_cstring(),
        Err(StatusCode::NOT_ENOUGH_DATA)
    );
    // A C string ending at the data's end, unpadded.
    let p = reader(&hex("61 62 00"));
    assert_eq!(p.read_cstring(), Ok(CString::new("ab").unwrap()));
    assert_eq!(p.data_avail(), 0);
}

#[test]
fn malformed_vectors() {
    // Negative lengths other than -1.
    assert_eq!(
        reader(&hex("fb ff ff ff")).read_nullable_i32_vector(),
        Err(StatusCode::UNEXPECTED_NULL)
    );
    assert_eq!(
        reader(&hex("00 00 00 80")).read_nullable_string16_vector(),
        Err(StatusCode::UNEXPECTED_NULL)
    );
    // Lengths beyond the data: refused before allocating.
    assert_eq!(
        reader(&hex("ff ff ff 7f 01 02 03 04")).read_byte_vector(),
        Err(StatusCode::BAD_VALUE)
    );
    assert_eq!(
        reader(&hex("05 00 00 00 01 02 03 04")).read_byte_vector(),
        Err(StatusCode::BAD_VALUE)
    );
    assert_eq!(
        reader(&hex("02 00 00 00 01 00 00 00")).read_i64_vector(),
        Err(StatusCode::BAD_VALUE)
    );
    assert_eq!(
        reader(&hex("ff ff ff 7f 00 00 00 00")).read_string16_vector(),
        Err(StatusCode::BAD_VALUE)
    );
    assert_eq!(
        reader(&hex("03 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00"))
            .read_parcelable_vector::<Point>(),
        Err(StatusCode::NOT_ENOUGH_DATA)
    );
    // Truncated inside an element.
    assert_eq!(
        reader(&hex("02 00 00 00 01 00 00 00 61 00 00 00 05 00 00 00")).read_string16_vector(),
        Err(StatusCode::NOT_ENOUGH_DATA)
    );
}

/// Every reader over pseudo-random bytes and random offsets: errors, never panics.
#[test]
fn random_input_never_panics() {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..3000 {
        let len = (next() % 96) as usize;
        let mut data: Vec<u8> = (0..len).map(|_| next() as u8).collect();
        // Bias some words towards interesting lengths and object types.
        for chunk in data.chunks_exact_mut(4) {
            match next() % 8 {
                0 => chunk.copy_from_slice(&(-1i32).to_le_bytes()),
                1 => chunk.copy_from_slice(&((next() % 6) as i32).to_le_bytes()),
                2 => chunk.copy_from_slice(&BINDER_TYPE_FD.to_le_bytes()),
                3 => chunk.copy_from_slice(&BINDER_TYPE_HANDLE.to_le_bytes()),
                _ => {}
            }
        }
        let offsets: Vec<u64> = (0..next() % 3).map(|_| next() % 100).collect();
        let p = Parcel::from_received(&data, &offsets);
        for step in 0..24 {
            let _ = match (round + step + next() as usize) % 24 {
                0 => p.read_i32().map(drop),
                1 => p.read_i64().map(drop),
                2 => p.read_string16().map(drop),
                3 => p.read_nullable_string16().map(drop),
                4 => p.read_string16_units().map(drop),
                5 => p.read_cstring().map(drop),
                6 => p.read_byte_vector().map(drop),
                7 => p.read_nullable_i64_vector().map(drop),
                8 => p.read_bool_vector().map(drop),
                9 => p.read_nullable_string16_vector().map(drop),
                10 => p.read_parcelable::<Point>().map(drop),
                11 => p.read_nullable_parcelable_vector::<Point>().map(drop),
                12 => p.read_flat_binder().map(drop),
                // Descriptor numbers from random bytes are not ours to duplicate or write
                // to: only the object parsing is exercised.
                13 => p.read_file_descriptor().map(drop),
                14 => Status::read_from_parcel(&p).map(drop),
                15 => p.enforce_interface("x").map(drop),
                16 => p.read_interface_token().map(drop),
                17 => p.read_raw((next() % 64) as usize).map(drop),
                18 => {
                    let pos = (next() % (data.len() as u64 + 2)) as usize;
                    p.seek(pos)
                }
                19 => p.read_f64_vector().map(drop),
                20 => p.read_char_vector().map(drop),
                21 => p.read_vector_with(Parcel::read_nullable_string16).map(drop),
                22 => p.read_u64().map(drop),
                _ => p.read_nullable_parcelable::<Point>().map(drop),
            };
            assert!(p.data_position() <= p.data_size());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Position and size
// ---------------------------------------------------------------------------------------------

#[test]
fn set_data_position_semantics() {
    let mut p = Parcel::new();
    assert_eq!(p.data_size(), 0);
    assert_eq!(p.data_position(), 0);
    assert_eq!(p.data_avail(), 0);
    p.write_i32(10).unwrap();
    p.write_i32(20).unwrap();
    p.write_i32(30).unwrap();
    assert_eq!(
        (p.data_size(), p.data_position(), p.data_avail()),
        (12, 12, 0)
    );

    // Reading from the middle.
    p.seek(4).unwrap();
    assert_eq!(p.data_avail(), 8);
    assert_eq!(p.read_i32(), Ok(20));

    // Overwriting in the middle keeps the size.
    p.seek(4).unwrap();
    p.write_i32(21).unwrap();
    assert_eq!((p.data_size(), p.data_position()), (12, 8));
    // Writing across the end extends.
    p.write_i64(-1).unwrap();
    assert_eq!(p.data_size(), 16);

    // The position may go to the end, not beyond.
    assert_eq!(p.seek(16), Ok(()));
    assert_eq!(p.seek(17), Err(StatusCode::BAD_VALUE));
    assert_eq!(p.data_position(), 16);

    p.seek(0).unwrap();
    assert_eq!(p.read_i32_vector(), Err(StatusCode::BAD_VALUE));
    p.seek(0).unwrap();
    assert_eq!(p.read_i32(), Ok(10));
    assert_eq!(p.read_i32(), Ok(21));
    assert_eq!(p.read_i64(), Ok(-1));

    // set_data_size: shrinking pulls the position back, growing zero-fills.
    p.set_data_size(6).unwrap();
    assert_eq!((p.data_size(), p.data_position()), (6, 6));
    p.set_data_size(12).unwrap();
    assert_eq!(p.data(), hex("0a 00 00 00 15 00 00 00 00 00 00 00"));
    assert_eq!(p.data_position(), 6);

    p.set_data_capacity(4096).unwrap();
    assert!(p.data_capacity() >= 4096);
    assert_eq!(p.set_data_capacity(usize::MAX), Err(StatusCode::BAD_VALUE));
    assert_eq!(p.set_data_size(usize::MAX), Err(StatusCode::BAD_VALUE));

    p.free_data();
    assert_eq!(
        (p.data_size(), p.data_position(), p.objects_count()),
        (0, 0, 0)
    );
}

#[test]
fn enforce_no_data_avail() {
    let mut p = Parcel::new();
    p.write_i32(1).unwrap();
    p.seek(0).unwrap();
    let err = p.enforce_no_data_avail().unwrap_err();
    assert_eq!(err.exception_code(), ExceptionCode::BAD_PARCELABLE);
    assert_eq!(
        err.message(),
        Some("Parcel data not fully consumed, unread size: 4")
    );
    p.read_i32().unwrap();
    assert_eq!(p.enforce_no_data_avail(), Ok(()));
}

#[test]
fn debug_shows_the_bytes() {
    let mut p = Parcel::new();
    p.write_string16("a").unwrap();
    let s = format!("{p:?}");
    assert!(s.contains("01000000 61000000"), "{s}");
}

#[test]
fn display_is_aosps_hex_dump() {
    assert_eq!(Parcel::new().to_string(), "Parcel(NULL)");
    let mut p = Parcel::new();
    p.write_i32(0).unwrap();
    p.write_i32(1).unwrap();
    // What `service call` prints for a reply of status 0 and the value 1.
    assert_eq!(p.to_string(), "Parcel(00000000 00000001   '........')");
    let mut q = Parcel::new();
    q.write_raw(b"abcdefghijklmnopqrstuvwxyz0123456789")
        .unwrap();
    assert_eq!(
        q.to_string(),
        "Parcel(\n\
         0x00000000: 64636261 68676665 6c6b6a69 706f6e6d 'abcdefghijklmnop'\n\
         0x00000010: 74737271 78777675 31307a79 35343332 'qrstuvwxyz012345'\n\
         0x00000020: 39383736                            '6789')"
    );
}

#[test]
fn descriptor_numbers_survive_into_raw() {
    // ParcelFileDescriptor conversions.
    let (_r, w) = pipe();
    let raw = w.as_raw_fd();
    let pfd = ParcelFileDescriptor::from(w);
    let clone = pfd.try_clone().unwrap();
    assert_ne!(clone.as_raw_fd(), raw);
    let back = pfd.into_raw_fd();
    assert_eq!(back, raw);
    // SAFETY: `back` was released by `into_raw_fd` just above.
    drop(unsafe { OwnedFd::from_raw_fd(back) });
    let _: OwnedFd = clone.into();
}
