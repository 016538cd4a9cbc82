//! libbinder's `Parcel` reader: every `read_*` on arbitrary bytes and object lists
//! (`Parcel::from_received`, the path of every received transaction), mixed with the
//! position, size and overwrite operations; and the round trip of a written sequence, read
//! back from the same parcel and from a parcel received with its bytes and objects.
//!
//! Oracles: no panic; after every operation the position stays within the data, and the
//! recorded objects stay ascending, non-overlapping, inside the data and of binder or fd type;
//! primitive reads take exactly their bytes (or, failing, move as documented); values read
//! back are the values written, and the reads end exactly at the end of the data.
//!
//! File descriptors: the fd numbers in received objects are replaced by a descriptor of
//! `/dev/null` or one that is not open (or left negative), so that reads which duplicate or
//! write to a descriptor (`read_unique_*`, `read_parcel_file_descriptor` with a comm channel)
//! never touch the fuzzer's own files.

#![no_main]

use std::ffi::CString;
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::sync::OnceLock;

use arbitrary::Arbitrary;
use binder_driver::uapi::{
    FlatBinderObject, Pod, BINDER_TYPE_BINDER, BINDER_TYPE_FD, BINDER_TYPE_HANDLE,
    BINDER_TYPE_WEAK_BINDER, BINDER_TYPE_WEAK_HANDLE,
};
use binder_sim_fuzz::oracle;
use libbinder::binder_impl::Parcel;
use libbinder::{Parcelable, StatusCode};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
enum Input {
    Received {
        data: Vec<u8>,
        /// Objects planted in the data before it is received: (offset / 4, kind, value).
        plant: Vec<(u8, u8, u32)>,
        offsets: Vec<Off>,
        ops: Vec<ReadOp>,
    },
    RoundTrip {
        values: Vec<Value>,
        received: bool,
    },
}

#[derive(Arbitrary, Debug)]
enum Off {
    /// A multiple of 4 in the data.
    Near(u8),
    Raw(u64),
}

#[derive(Arbitrary, Debug)]
enum ReadOp {
    I32,
    U32,
    I64,
    U64,
    F32,
    F64,
    Bool,
    Char,
    Byte,
    Raw(u16),
    String16,
    NullableString16,
    String16Units,
    Utf8FromUtf16,
    NullableUtf8FromUtf16,
    CString,
    ByteVector(bool),
    I32Vector(bool),
    U32Vector(bool),
    I64Vector(bool),
    U64Vector(bool),
    F32Vector(bool),
    F64Vector(bool),
    BoolVector(bool),
    CharVector(bool),
    String16Vector(bool),
    Parcelable(bool),
    ParcelableVector(bool),
    VectorWithI32(bool),
    FlatBinder,
    FileDescriptor,
    UniqueFileDescriptor,
    ParcelFileDescriptor,
    UniqueParcelFileDescriptor,
    InterfaceToken,
    EnforceInterface(String),
    EnforceNoDataAvail,
    HasFileDescriptors,
    SetPosition(u16),
    SetDataSize(u16),
    SetCapacity(u16),
    WriteI32(i32),
    WriteRaw(Vec<u8>),
    WriteFd,
    Format,
}

/// A parcelable of a few fields, as AIDL would generate.
#[derive(Arbitrary, Debug, Clone, Default, PartialEq)]
struct Small {
    a: i32,
    s: Option<String>,
    v: Vec<i64>,
}

impl Parcelable for Small {
    fn write_to_parcel(&self, p: &mut Parcel) -> Result<(), StatusCode> {
        p.write_i32(self.a)?;
        p.write_nullable_string16(self.s.as_deref())?;
        p.write_i64_vector(&self.v)
    }
    fn read_from_parcel(&mut self, p: &Parcel) -> Result<(), StatusCode> {
        self.a = p.read_i32()?;
        self.s = p.read_nullable_string16()?;
        self.v = p.read_i64_vector()?;
        Ok(())
    }
}

#[derive(Arbitrary, Debug, Clone)]
enum Value {
    I32(i32),
    U32(u32),
    I64(i64),
    U64(u64),
    F32(u32),
    F64(u64),
    Bool(bool),
    Char(u16),
    Byte(i8),
    Raw(Vec<u8>),
    String16(String),
    NullableString16(Option<String>),
    Units(Option<Vec<u16>>),
    CString(CString),
    Bytes(Option<Vec<u8>>),
    I32s(Option<Vec<i32>>),
    U32s(Option<Vec<u32>>),
    I64s(Option<Vec<i64>>),
    U64s(Option<Vec<u64>>),
    F32s(Option<Vec<u32>>),
    F64s(Option<Vec<u64>>),
    Bools(Option<Vec<bool>>),
    Chars(Option<Vec<u16>>),
    Strings(Vec<String>),
    NullableStrings(Option<Vec<Option<String>>>),
    Parcelable(Small),
    NullableParcelable(Option<Small>),
    Parcelables(Vec<Small>),
    NullableParcelables(Option<Vec<Option<Small>>>),
    Binder {
        kind: u8,
        value: u64,
        cookie: u64,
        flags: u32,
        stability: i32,
    },
    Fd,
    ParcelFd,
    Token {
        descriptor: String,
        policy: i32,
        work_source: i32,
    },
}

static DEV_NULL: OnceLock<OwnedFd> = OnceLock::new();

fn dev_null() -> &'static OwnedFd {
    DEV_NULL.get_or_init(|| {
        std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/null")
            .expect("/dev/null")
            .into()
    })
}

/// An fd number safe to hand to the reader: /dev/null, one not open, or a negative one.
fn safe_fd(v: u32) -> u32 {
    match v % 3 {
        _ if (v as i32) < 0 => v,
        0 => dev_null().as_raw_fd() as u32,
        1 => 1_000_000 + v % 7,
        _ => u32::MAX,
    }
}

fuzz_target!(|input: Input| match input {
    Input::Received {
        data,
        plant,
        offsets,
        ops,
    } => received(data, &plant, &offsets, &ops),
    Input::RoundTrip { values, received } => round_trip(&values, received),
});

fn is_object_type(t: u32) -> bool {
    matches!(
        t,
        BINDER_TYPE_BINDER
            | BINDER_TYPE_WEAK_BINDER
            | BINDER_TYPE_HANDLE
            | BINDER_TYPE_WEAK_HANDLE
            | BINDER_TYPE_FD
    )
}

fn obj_at(data: &[u8], o: usize) -> Option<FlatBinderObject> {
    FlatBinderObject::from_bytes(data.get(o..o.checked_add(24)?)?)
}

/// The invariants of any parcel.
fn check(p: &Parcel) {
    let (pos, size) = (p.data_position(), p.data_size());
    if pos > size || p.data_avail() != size - pos || p.data().len() != size {
        oracle!("position {pos} / size {size} / avail {}", p.data_avail());
    }
    let mut min = 0u64;
    for &o in p.objects() {
        if o < min || o + 24 > size as u64 {
            oracle!("objects {:?} out of order or outside {size}", p.objects());
        }
        min = o + 24;
        let t = obj_at(p.data(), o as usize).unwrap().hdr.type_;
        if !is_object_type(t) {
            oracle!("recorded object at {o} of type {t:#x}");
        }
    }
}

fn overlaps_object(p: &Parcel, start: usize, end: usize) -> bool {
    p.objects()
        .iter()
        .any(|&o| (o as usize) < end && o as usize + 24 > start)
}

fn received(mut data: Vec<u8>, plant: &[(u8, u8, u32)], offsets: &[Off], ops: &[ReadOp]) {
    data.truncate(4096);
    for &(at, kind, value) in plant.iter().take(8) {
        let at = at as usize * 4;
        if at + 24 > data.len() {
            continue;
        }
        let mut o = FlatBinderObject::default();
        o.hdr.type_ = [
            BINDER_TYPE_BINDER,
            BINDER_TYPE_WEAK_BINDER,
            BINDER_TYPE_HANDLE,
            BINDER_TYPE_WEAK_HANDLE,
            BINDER_TYPE_FD,
        ][kind as usize % 5];
        o.set_handle(value);
        o.cookie = (kind / 5) as u64;
        data[at..at + 24].copy_from_slice(o.as_bytes());
    }
    let offsets: Vec<u64> = offsets
        .iter()
        .take(16)
        .map(|o| match *o {
            Off::Near(n) => n as u64 * 4,
            Off::Raw(v) => v,
        })
        .collect();
    // Descriptors in fd objects the parcel would accept: made safe (see the module doc).
    for &o in &offsets {
        if let Some(mut obj) = obj_at(&data, o as usize) {
            if obj.hdr.type_ == BINDER_TYPE_FD {
                obj.set_handle(safe_fd(obj.handle()));
                data[o as usize..o as usize + 24].copy_from_slice(obj.as_bytes());
            }
        }
    }
    let mut p = Parcel::from_received(&data, &offsets);
    check(&p);
    if p.data() != &data[..] {
        oracle!("received parcel's data differ from what was received");
    }
    if !p.objects().is_empty() && p.objects() != &offsets[..] {
        oracle!("objects {:?} kept from offsets {offsets:?}", p.objects());
    }
    for op in ops.iter().take(64) {
        read_op(&mut p, op);
        check(&p);
    }
}

/// A primitive read: exactly its bytes on success; on failure, no move past the end, or a
/// move past an object it refused.
fn primitive<T: PartialEq + std::fmt::Debug>(
    p: &mut Parcel,
    n: usize,
    read: impl FnOnce(&Parcel) -> Result<T, StatusCode>,
    decode: impl FnOnce(&[u8]) -> T,
) {
    let pos = p.data_position();
    let expect = p.data().get(pos..pos + n).map(decode);
    let objects = overlaps_object(p, pos, pos + n);
    match read(p) {
        Ok(v) => {
            if Some(&v) != expect.as_ref() || p.data_position() != pos + n || objects {
                oracle!(
                    "read of {n} at {pos}: {v:?}, expected {expect:?}; now at {}",
                    p.data_position()
                );
            }
        }
        Err(StatusCode::NOT_ENOUGH_DATA) if expect.is_none() && p.data_position() == pos => {}
        Err(StatusCode::PERMISSION_DENIED) if objects && p.data_position() == pos + n => {}
        Err(e) => oracle!("read of {n} at {pos} of {}: {e:?}", p.data_size()),
    }
}

fn read_op(p: &mut Parcel, op: &ReadOp) {
    use std::hint::black_box;
    match op {
        ReadOp::I32 => primitive(p, 4, Parcel::read_i32, |b| {
            i32::from_le_bytes(b.try_into().unwrap())
        }),
        ReadOp::U32 => primitive(p, 4, Parcel::read_u32, |b| {
            u32::from_le_bytes(b.try_into().unwrap())
        }),
        ReadOp::I64 => primitive(p, 8, Parcel::read_i64, |b| {
            i64::from_le_bytes(b.try_into().unwrap())
        }),
        ReadOp::U64 => primitive(p, 8, Parcel::read_u64, |b| {
            u64::from_le_bytes(b.try_into().unwrap())
        }),
        ReadOp::F32 => primitive(
            p,
            4,
            |p| p.read_f32().map(f32::to_bits),
            |b| u32::from_le_bytes(b.try_into().unwrap()),
        ),
        ReadOp::F64 => primitive(
            p,
            8,
            |p| p.read_f64().map(f64::to_bits),
            |b| u64::from_le_bytes(b.try_into().unwrap()),
        ),
        ReadOp::Bool => primitive(p, 4, Parcel::read_bool, |b| b != [0; 4]),
        ReadOp::Char => primitive(p, 4, Parcel::read_char, |b| {
            u16::from_le_bytes([b[0], b[1]])
        }),
        ReadOp::Byte => primitive(p, 4, Parcel::read_byte, |b| b[0] as i8),
        ReadOp::Raw(n) => {
            let n = *n as usize;
            let padded = (n + 3) & !3;
            let pos = p.data_position();
            let expect = p.data().get(pos..pos + padded).map(|b| b[..n].to_vec());
            let objects = overlaps_object(p, pos, pos + padded);
            match p.read_raw(n).map(|b| b.to_vec()) {
                Ok(v)
                    if Some(&v) == expect.as_ref()
                        && p.data_position() == pos + padded
                        && !objects => {}
                Err(StatusCode::NOT_ENOUGH_DATA)
                    if expect.is_none() && p.data_position() == pos => {}
                Err(StatusCode::PERMISSION_DENIED)
                    if objects && p.data_position() == pos + padded => {}
                r => oracle!("read_raw({n}) at {pos}: {r:?}, expected {expect:?}"),
            }
        }
        ReadOp::String16 => drop(black_box(p.read_string16())),
        ReadOp::NullableString16 => drop(black_box(p.read_nullable_string16())),
        ReadOp::String16Units => drop(black_box(p.read_string16_units())),
        ReadOp::Utf8FromUtf16 => drop(black_box(p.read_utf8_from_utf16())),
        ReadOp::NullableUtf8FromUtf16 => drop(black_box(p.read_nullable_utf8_from_utf16())),
        ReadOp::CString => drop(black_box(p.read_cstring())),
        ReadOp::ByteVector(n) => drop(black_box(if *n {
            p.read_nullable_byte_vector()
        } else {
            p.read_byte_vector().map(Some)
        })),
        ReadOp::I32Vector(n) => drop(black_box(if *n {
            p.read_nullable_i32_vector()
        } else {
            p.read_i32_vector().map(Some)
        })),
        ReadOp::U32Vector(n) => drop(black_box(if *n {
            p.read_nullable_u32_vector()
        } else {
            p.read_u32_vector().map(Some)
        })),
        ReadOp::I64Vector(n) => drop(black_box(if *n {
            p.read_nullable_i64_vector()
        } else {
            p.read_i64_vector().map(Some)
        })),
        ReadOp::U64Vector(n) => drop(black_box(if *n {
            p.read_nullable_u64_vector()
        } else {
            p.read_u64_vector().map(Some)
        })),
        ReadOp::F32Vector(n) => drop(black_box(if *n {
            p.read_nullable_f32_vector()
        } else {
            p.read_f32_vector().map(Some)
        })),
        ReadOp::F64Vector(n) => drop(black_box(if *n {
            p.read_nullable_f64_vector()
        } else {
            p.read_f64_vector().map(Some)
        })),
        ReadOp::BoolVector(n) => drop(black_box(if *n {
            p.read_nullable_bool_vector()
        } else {
            p.read_bool_vector().map(Some)
        })),
        ReadOp::CharVector(n) => drop(black_box(if *n {
            p.read_nullable_char_vector()
        } else {
            p.read_char_vector().map(Some)
        })),
        ReadOp::String16Vector(n) => {
            if *n {
                drop(black_box(p.read_nullable_string16_vector()))
            } else {
                drop(black_box(p.read_string16_vector()))
            }
        }
        ReadOp::Parcelable(n) => {
            if *n {
                drop(black_box(p.read_nullable_parcelable::<Small>()))
            } else {
                drop(black_box(p.read_parcelable::<Small>()))
            }
        }
        ReadOp::ParcelableVector(n) => {
            if *n {
                drop(black_box(p.read_nullable_parcelable_vector::<Small>()))
            } else {
                drop(black_box(p.read_parcelable_vector::<Small>()))
            }
        }
        ReadOp::VectorWithI32(n) => {
            if *n {
                drop(black_box(p.read_nullable_vector_with(Parcel::read_i32)))
            } else {
                drop(black_box(p.read_vector_with(Parcel::read_i32)))
            }
        }
        ReadOp::FlatBinder => {
            let pos = p.data_position();
            if let Ok((obj, _)) = p.read_flat_binder() {
                let recorded = p.objects().contains(&(pos as u64));
                if !is_object_type(obj.hdr.type_) || obj.hdr.type_ == BINDER_TYPE_FD {
                    oracle!("read_flat_binder gave type {:#x}", obj.hdr.type_);
                }
                if !recorded && (obj.binder() != 0 || obj.cookie != 0) {
                    oracle!("read_flat_binder accepted an unrecorded object at {pos}");
                }
            }
        }
        ReadOp::FileDescriptor => {
            let pos = p.data_position();
            if let Ok(fd) = p.read_file_descriptor() {
                if !p.objects().contains(&(pos as u64)) {
                    oracle!("fd {fd} read from an unrecorded object at {pos}");
                }
            }
        }
        ReadOp::UniqueFileDescriptor => drop(black_box(p.read_unique_file_descriptor())),
        ReadOp::ParcelFileDescriptor => drop(black_box(p.read_parcel_file_descriptor())),
        ReadOp::UniqueParcelFileDescriptor => {
            drop(black_box(p.read_unique_parcel_file_descriptor()))
        }
        ReadOp::InterfaceToken => drop(black_box(p.read_interface_token())),
        ReadOp::EnforceInterface(d) => drop(black_box(p.enforce_interface(d))),
        ReadOp::EnforceNoDataAvail => {
            if p.enforce_no_data_avail().is_ok() != (p.data_avail() == 0) {
                oracle!("enforce_no_data_avail with {} left", p.data_avail());
            }
        }
        ReadOp::HasFileDescriptors => {
            let has = p
                .objects()
                .iter()
                .any(|&o| obj_at(p.data(), o as usize).unwrap().hdr.type_ == BINDER_TYPE_FD);
            if p.has_file_descriptors() != has {
                oracle!("has_file_descriptors wrong");
            }
        }
        ReadOp::SetPosition(pos) => {
            let pos = *pos as usize;
            let ok = p.seek(pos).is_ok();
            if ok != (pos <= p.data_size()) || (ok && p.data_position() != pos) {
                oracle!("set_data_position({pos}) of {}: {ok}", p.data_size());
            }
        }
        ReadOp::SetDataSize(size) => {
            let size = *size as usize % 8192;
            if p.set_data_size(size).is_ok() && p.data_size() != size {
                oracle!("set_data_size({size}) left {}", p.data_size());
            }
        }
        ReadOp::SetCapacity(c) => {
            let c = *c as usize % 8192;
            if p.set_data_capacity(c).is_ok() && p.data_capacity() < c {
                oracle!("set_data_capacity({c}) left {}", p.data_capacity());
            }
        }
        ReadOp::WriteI32(v) => {
            let pos = p.data_position();
            if p.write_i32(*v).is_ok() {
                if p.data_position() != pos + 4 || p.data()[pos..pos + 4] != v.to_le_bytes() {
                    oracle!("write_i32 at {pos}");
                }
                if overlaps_object(p, pos, pos + 4) {
                    oracle!("an object survived being overwritten at {pos}");
                }
            }
        }
        ReadOp::WriteRaw(b) => {
            let pos = p.data_position();
            if p.write_raw(b).is_ok() {
                let end = pos + ((b.len() + 3) & !3);
                if p.data_position() != end || p.data()[pos..pos + b.len()] != b[..] {
                    oracle!("write_raw of {} at {pos}", b.len());
                }
                if overlaps_object(p, pos, end) {
                    oracle!("an object survived being overwritten at {pos}");
                }
            }
        }
        ReadOp::WriteFd => {
            if let Ok(fd) = dev_null().as_fd().try_clone_to_owned() {
                let _ = p.write_file_descriptor(fd);
            }
        }
        ReadOp::Format => {
            // Formatting is linear in the data: kept to small parcels, for speed.
            if p.data_size() <= 512 {
                black_box(format!("{p:?}{p}"));
            }
        }
    }
}

fn eq_bits32(a: &Option<Vec<u32>>, b: Result<Option<Vec<f32>>, StatusCode>) -> bool {
    match b {
        Ok(b) => b.map(|v| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>()) == *a,
        Err(_) => false,
    }
}

fn eq_bits64(a: &Option<Vec<u64>>, b: Result<Option<Vec<f64>>, StatusCode>) -> bool {
    match b {
        Ok(b) => b.map(|v| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>()) == *a,
        Err(_) => false,
    }
}

fn binder_object(kind: u8, value: u64, cookie: u64, flags: u32) -> FlatBinderObject {
    let mut o = FlatBinderObject::default();
    o.hdr.type_ = [
        BINDER_TYPE_BINDER,
        BINDER_TYPE_WEAK_BINDER,
        BINDER_TYPE_HANDLE,
        BINDER_TYPE_WEAK_HANDLE,
    ][kind as usize % 4];
    if kind % 4 >= 2 {
        o.set_handle(value as u32);
    } else {
        o.set_binder(value);
    }
    // As AOSP: an object whose pointer/handle word is 0 is not recorded, and an unrecorded
    // one reads back only if its cookie is 0 too.
    o.cookie = if o.binder() == 0 { 0 } else { cookie };
    o.flags = flags;
    o
}

/// Writes one value; false if the write was refused (the sequence stops there).
fn write_value(p: &mut Parcel, v: &Value) -> bool {
    match v {
        Value::I32(x) => p.write_i32(*x),
        Value::U32(x) => p.write_u32(*x),
        Value::I64(x) => p.write_i64(*x),
        Value::U64(x) => p.write_u64(*x),
        Value::F32(x) => p.write_f32(f32::from_bits(*x)),
        Value::F64(x) => p.write_f64(f64::from_bits(*x)),
        Value::Bool(x) => p.write_bool(*x),
        Value::Char(x) => p.write_char(*x),
        Value::Byte(x) => p.write_byte(*x),
        Value::Raw(b) => p.write_raw(b),
        Value::String16(s) => p.write_string16(s),
        Value::NullableString16(s) => p.write_nullable_string16(s.as_deref()),
        Value::Units(u) => p.write_string16_units(u.as_deref()),
        Value::CString(s) => p.write_cstring(s),
        Value::Bytes(b) => p.write_nullable_byte_vector(b.as_deref()),
        Value::I32s(b) => p.write_nullable_i32_vector(b.as_deref()),
        Value::U32s(b) => p.write_nullable_u32_vector(b.as_deref()),
        Value::I64s(b) => p.write_nullable_i64_vector(b.as_deref()),
        Value::U64s(b) => p.write_nullable_u64_vector(b.as_deref()),
        Value::F32s(b) => {
            let f: Option<Vec<f32>> = b
                .as_ref()
                .map(|v| v.iter().map(|x| f32::from_bits(*x)).collect());
            p.write_nullable_f32_vector(f.as_deref())
        }
        Value::F64s(b) => {
            let f: Option<Vec<f64>> = b
                .as_ref()
                .map(|v| v.iter().map(|x| f64::from_bits(*x)).collect());
            p.write_nullable_f64_vector(f.as_deref())
        }
        Value::Bools(b) => p.write_nullable_bool_vector(b.as_deref()),
        Value::Chars(b) => p.write_nullable_char_vector(b.as_deref()),
        Value::Strings(s) => p.write_string16_vector(s),
        Value::NullableStrings(s) => p.write_nullable_string16_vector(s.as_deref()),
        Value::Parcelable(x) => p.write_parcelable(x),
        Value::NullableParcelable(x) => p.write_nullable_parcelable(x.as_ref()),
        Value::Parcelables(x) => p.write_parcelable_vector(x),
        Value::NullableParcelables(x) => p.write_nullable_parcelable_vector(x.as_deref()),
        Value::Binder {
            kind,
            value,
            cookie,
            flags,
            stability,
        } => p.write_flat_binder(binder_object(*kind, *value, *cookie, *flags), *stability),
        Value::Fd => p.write_dup_file_descriptor(dev_null().as_fd()),
        Value::ParcelFd => p.write_dup_parcel_file_descriptor(dev_null().as_fd()),
        Value::Token {
            descriptor,
            policy,
            work_source,
        } => p.write_interface_token_with(descriptor, *policy, *work_source),
    }
    .is_ok()
}

/// Reads one value back; whether it is the value written.
fn read_value(p: &mut Parcel, v: &Value) -> bool {
    match v {
        Value::I32(x) => p.read_i32() == Ok(*x),
        Value::U32(x) => p.read_u32() == Ok(*x),
        Value::I64(x) => p.read_i64() == Ok(*x),
        Value::U64(x) => p.read_u64() == Ok(*x),
        Value::F32(x) => p.read_f32().map(f32::to_bits) == Ok(*x),
        Value::F64(x) => p.read_f64().map(f64::to_bits) == Ok(*x),
        Value::Bool(x) => p.read_bool() == Ok(*x),
        Value::Char(x) => p.read_char() == Ok(*x),
        Value::Byte(x) => p.read_byte() == Ok(*x),
        Value::Raw(b) => p.read_raw(b.len()).map(|r| r.to_vec()).as_ref() == Ok(b),
        Value::String16(s) => p.read_string16().as_ref() == Ok(s),
        Value::NullableString16(s) => p.read_nullable_string16().as_ref() == Ok(s),
        Value::Units(u) => p.read_string16_units().as_ref() == Ok(u),
        Value::CString(s) => p.read_cstring().as_ref() == Ok(s),
        Value::Bytes(b) => p.read_nullable_byte_vector().as_ref() == Ok(b),
        Value::I32s(b) => p.read_nullable_i32_vector().as_ref() == Ok(b),
        Value::U32s(b) => p.read_nullable_u32_vector().as_ref() == Ok(b),
        Value::I64s(b) => p.read_nullable_i64_vector().as_ref() == Ok(b),
        Value::U64s(b) => p.read_nullable_u64_vector().as_ref() == Ok(b),
        Value::F32s(b) => eq_bits32(b, p.read_nullable_f32_vector()),
        Value::F64s(b) => eq_bits64(b, p.read_nullable_f64_vector()),
        Value::Bools(b) => p.read_nullable_bool_vector().as_ref() == Ok(b),
        Value::Chars(b) => p.read_nullable_char_vector().as_ref() == Ok(b),
        Value::Strings(s) => p.read_string16_vector().as_ref() == Ok(s),
        Value::NullableStrings(s) => p.read_nullable_string16_vector().as_ref() == Ok(s),
        Value::Parcelable(x) => p.read_parcelable::<Small>().as_ref() == Ok(x),
        Value::NullableParcelable(x) => p.read_nullable_parcelable::<Small>().as_ref() == Ok(x),
        Value::Parcelables(x) => p.read_parcelable_vector::<Small>().as_ref() == Ok(x),
        Value::NullableParcelables(x) => {
            p.read_nullable_parcelable_vector::<Small>().as_ref() == Ok(x)
        }
        Value::Binder {
            kind,
            value,
            cookie,
            flags,
            stability,
        } => {
            let o = binder_object(*kind, *value, *cookie, *flags);
            p.read_flat_binder() == Ok((o, *stability))
        }
        Value::Fd => p.read_file_descriptor().is_ok_and(|fd| fd >= 0),
        Value::ParcelFd => p.read_parcel_file_descriptor().is_ok_and(|fd| fd >= 0),
        Value::Token {
            descriptor,
            policy,
            work_source,
        } => {
            let t = p.read_interface_token();
            let ok = t.as_ref().is_ok_and(|t| {
                t.strict_mode_policy == policy | libbinder::parcel::STRICT_MODE_PENALTY_GATHER
                    && t.work_source_uid == *work_source
                    && t.header == libbinder::parcel::INTERFACE_HEADER
                    && t.descriptor == *descriptor
            });
            ok
        }
    }
}

fn round_trip(values: &[Value], received: bool) {
    let values = &values[..values.len().min(32)];
    let mut p = Parcel::new();
    let mut written = Vec::new();
    for v in values {
        let before = p.data_size();
        if !write_value(&mut p, v) {
            // A refused write leaves the parcel as it was before it only when nothing was
            // laid yet; stop at the first, as a caller would.
            p.set_data_size(before).unwrap();
            p.seek(before).unwrap();
            break;
        }
        check(&p);
        written.push(v);
    }
    let mut q = if received {
        Parcel::from_received(p.data(), p.objects())
    } else {
        p.seek(0).unwrap();
        std::mem::take(&mut p)
    };
    if received && q.objects() != p.objects() {
        oracle!(
            "received parcel dropped objects: {:?} of {:?}",
            q.objects(),
            p.objects()
        );
    }
    for (i, v) in written.iter().enumerate() {
        let pos = q.data_position();
        if !read_value(&mut q, v) {
            oracle!("value {i} ({v:?}) at {pos} did not read back");
        }
        check(&q);
    }
    if q.data_avail() != 0 {
        oracle!(
            "{} bytes left after reading back every value",
            q.data_avail()
        );
    }
    // An interface token also passes enforce_interface.
    if let Some(Value::Token { descriptor, .. }) = written.first() {
        q.seek(0).unwrap();
        if q.enforce_interface(descriptor).is_err() {
            oracle!("enforce_interface refused the token written");
        }
    }
}
