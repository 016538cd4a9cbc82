//! [`Parcel`]: the container of transaction data, in AOSP's wire format (Android 11+,
//! `libs/binder/Parcel.cpp`), so that AOSP-format peers interoperate.
//!
//! # Wire format
//!
//! - Everything is little-endian and every item starts and ends on a 4-byte boundary; short
//!   items are zero-padded.
//! - `i32`/`u32`/`f32` take 4 bytes, `i64`/`u64`/`f64` 8 (4-byte aligned). `bool`, `char`
//!   (a UTF-16 unit) and `byte` are widened to an `i32`.
//! - String16: `i32` length in UTF-16 units, the units, a NUL unit, padding; null is length
//!   `-1`. AIDL `@utf8InCpp String` travels the same way (`writeUtf8AsUtf16`).
//! - C string: the bytes, a NUL, padding (no length).
//! - Vectors: `i32` element count (null: `-1`), then the elements. `byte` vectors are packed
//!   (then padded); `bool` and `char` vectors take an `i32` per element; 4- and 8-byte
//!   primitives are contiguous; strings and parcelables follow one after the other.
//! - Parcelable: `i32` presence flag (`1`; `0` for a null nullable parcelable), then its
//!   `write_to_parcel` content.
//! - Binder objects and file descriptors are `flat_binder_object`s (24 bytes) whose offsets
//!   are recorded in the objects list the driver translates. A binder is followed by an `i32`
//!   stability level (`Parcel::finishFlattenBinder`). A null binder (all-zero pointer and
//!   cookie) is written as an object but, as in AOSP, not recorded.
//! - Interface token: `i32` strict-mode policy `| STRICT_MODE_PENALTY_GATHER`, `i32` work-source
//!   uid (`-1` unset), `i32` header `'SYST'`, the descriptor as String16.
//!
//! Android 10's libbinder writes neither the stability level after a binder nor the `'SYST'`
//! header (both came with Android 11). A process that talks to Android 10 peers selects their
//! format with [`set_wire_format`]`(`[`WireFormat::Android10`]`)`; the rest is unchanged.
//!
//! # Reading
//!
//! Reads never panic and never allocate from an unchecked length: past the end is
//! `NOT_ENOUGH_DATA`, a bad length or missing terminator is `BAD_VALUE` (a vector claiming
//! more elements than bytes left is `BAD_VALUE`, as in AOSP), a null where a value was required
//! is `UNEXPECTED_NULL`, an object that is not at a recorded offset or of the wrong type is
//! `BAD_TYPE`, and a plain read over the bytes of a recorded object is `PERMISSION_DENIED`
//! (AOSP `validateReadData`).

use std::cell::Cell;
use std::ffi::{CStr, CString};
use std::fmt;
use std::io;
use std::iter;
use std::mem::size_of;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, FromRawFd, IntoRawFd, OwnedFd, RawFd};
use std::sync::atomic::{AtomicU8, Ordering};

use binder_driver::uapi::{
    b_pack_chars, FlatBinderObject, Pod, BINDER_TYPE_BINDER, BINDER_TYPE_FD, BINDER_TYPE_HANDLE,
    BINDER_TYPE_WEAK_BINDER, BINDER_TYPE_WEAK_HANDLE,
};

use crate::error::{ExceptionCode, Status, StatusCode};

#[cfg(target_endian = "big")]
compile_error!("the Binder wire format written here is little-endian only");

type PResult<T> = Result<T, StatusCode>;

/// Largest size or length a parcel accepts (AOSP rejects anything above `INT32_MAX`).
const MAX_SIZE: usize = i32::MAX as usize;

/// Size of a `flat_binder_object` in the data.
const OBJECT_SIZE: usize = size_of::<FlatBinderObject>();

/// Bit 31 of the strict-mode word of an interface token (AOSP `STRICT_MODE_PENALTY_GATHER`).
pub const STRICT_MODE_PENALTY_GATHER: i32 = i32::MIN;

/// The work-source uid of an interface token when none is propagated
/// (`IPCThreadState::kUnsetWorkSource`).
pub const UNSET_WORK_SOURCE: i32 = -1;

/// The interface-token header of system (non-VNDK) libbinder: `B_PACK_CHARS('S','Y','S','T')`.
/// This library writes and expects it.
pub const INTERFACE_HEADER: i32 = b_pack_chars(b'S', b'Y', b'S', b'T') as i32;

/// The interface-token header of VNDK libbinder: `B_PACK_CHARS('V','N','D','R')`.
pub const INTERFACE_HEADER_VENDOR: i32 = b_pack_chars(b'V', b'N', b'D', b'R') as i32;

/// The interface-token header of recovery libbinder: `B_PACK_CHARS('R','E','C','O')`.
pub const INTERFACE_HEADER_RECOVERY: i32 = b_pack_chars(b'R', b'E', b'C', b'O') as i32;

/// Presence flag of a non-null parcelable (`Parcel::kNonNullParcelableFlag`).
pub const NON_NULL_PARCELABLE_FLAG: i32 = 1;

/// Presence flag of a null parcelable (`Parcel::kNullParcelableFlag`).
pub const NULL_PARCELABLE_FLAG: i32 = 0;

/// Length that marks a null string or vector (`Parcel::kNullVectorSize`).
pub const NULL_LENGTH: i32 = -1;

/// Stability levels written after each binder (`android::internal::Stability::Level`,
/// Android 12+ encoding: the level itself as an `i32`).
pub mod stability {
    /// A null binder, or one whose stability is not known.
    pub const UNDECLARED: i32 = 0;
    /// Vendor partition.
    pub const VENDOR: i32 = 0b000011;
    /// System partition.
    pub const SYSTEM: i32 = 0b001100;
    /// Stable across partitions (VINTF).
    pub const VINTF: i32 = 0b111111;
    /// The level this library's binders carry (system libbinder: `SYSTEM`).
    pub const LOCAL: i32 = SYSTEM;

    /// Whether `level` is one of the declared levels (`Stability::isDeclaredLevel`).
    pub const fn is_declared(level: i32) -> bool {
        level == VENDOR || level == SYSTEM || level == VINTF
    }
}

/// The wire format of the binder objects and interface tokens this process writes and expects.
///
/// A binder-sim extension (AOSP's libbinder has one format per release): binder objects and
/// interface tokens are the only items whose layout changed between Android 10 and today, and a
/// peer of another format misreads every transaction that carries one, so the choice is
/// process-wide and made once, before the first transaction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WireFormat {
    /// Android 11 and later (and this library's default): a stability level after each
    /// binder, the `'SYST'` header in interface tokens.
    #[default]
    Current,
    /// Android 10 (`frameworks/native` 10.0.0): no stability level after a binder, no header
    /// in interface tokens. Binders read in this format are taken as [`stability::LOCAL`].
    Android10,
}

static WIRE_FORMAT: AtomicU8 = AtomicU8::new(0);

/// Selects the wire format of this process (see [`WireFormat`]).
pub fn set_wire_format(format: WireFormat) {
    WIRE_FORMAT.store(format as u8, Ordering::Relaxed);
}

/// The wire format of this process.
pub fn wire_format() -> WireFormat {
    match WIRE_FORMAT.load(Ordering::Relaxed) {
        0 => WireFormat::Current,
        _ => WireFormat::Android10,
    }
}

pub mod parcelable;
mod parcelable_holder;

pub use parcelable::{
    Deserialize, DeserializeArray, DeserializeOption, Parcelable, ParcelableMetadata, Serialize,
    SerializeArray, SerializeOption,
};
pub use parcelable_holder::ParcelableHolder;

/// A parcel lent to a callee (AOSP `BorrowedParcel<'a>`): transaction data, replies and the
/// parcels `Parcelable`s are written to and read from. binder-sim's [`Parcel`] is already a
/// plain Rust value, so a borrowed parcel is the parcel itself: `&BorrowedParcel<'_>` is
/// `&Parcel` and `&mut BorrowedParcel<'_>` is `&mut Parcel`.
pub type BorrowedParcel<'a> = Parcel;

/// An interface token as read by [`Parcel::read_interface_token`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InterfaceToken {
    /// The caller's strict-mode policy (`STRICT_MODE_PENALTY_GATHER` included).
    pub strict_mode_policy: i32,
    /// The propagated work-source uid, or [`UNSET_WORK_SOURCE`].
    pub work_source_uid: i32,
    /// The header word ([`INTERFACE_HEADER`] for system libbinder; 0 in the
    /// [`WireFormat::Android10`] format, which has none).
    pub header: i32,
    /// The interface descriptor.
    pub descriptor: String,
}

/// A file descriptor as an AIDL `ParcelFileDescriptor` (AOSP `android::os::ParcelFileDescriptor`).
///
/// As a [`Parcelable`] it is written as AOSP `writeDupParcelFileDescriptor`: an `i32` 0 (no
/// Java "comm" channel) and a `BINDER_TYPE_FD` object owning a close-on-exec duplicate. Through
/// [`Parcel::write_parcelable`] the AIDL presence flag `1` comes first, which is what
/// `AParcel_writeParcelFileDescriptor` and Java `writeTypedObject` produce.
#[derive(Debug)]
pub struct ParcelFileDescriptor(OwnedFd);

impl ParcelFileDescriptor {
    /// Wraps an owned file descriptor.
    pub fn new<F: Into<OwnedFd>>(fd: F) -> ParcelFileDescriptor {
        ParcelFileDescriptor(fd.into())
    }

    /// A new `ParcelFileDescriptor` for a close-on-exec duplicate of the same file.
    pub fn try_clone(&self) -> io::Result<ParcelFileDescriptor> {
        self.0.try_clone().map(ParcelFileDescriptor)
    }

    /// The owned file descriptor.
    pub fn into_inner(self) -> OwnedFd {
        self.0
    }
}

impl AsFd for ParcelFileDescriptor {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.0.as_fd()
    }
}

impl AsRawFd for ParcelFileDescriptor {
    fn as_raw_fd(&self) -> RawFd {
        self.0.as_raw_fd()
    }
}

impl IntoRawFd for ParcelFileDescriptor {
    fn into_raw_fd(self) -> RawFd {
        self.0.into_raw_fd()
    }
}

impl From<OwnedFd> for ParcelFileDescriptor {
    fn from(fd: OwnedFd) -> ParcelFileDescriptor {
        ParcelFileDescriptor(fd)
    }
}

impl From<ParcelFileDescriptor> for OwnedFd {
    fn from(pfd: ParcelFileDescriptor) -> OwnedFd {
        pfd.0
    }
}

/// Transaction data: a byte buffer with a read/write position, the list of offsets of the
/// binder objects and file descriptors in it, and the file descriptors it owns.
///
/// Reads and writes happen at [`data_position`](Parcel::data_position) and advance it; a write
/// before the end overwrites (a write over the bytes of a recorded object drops that object,
/// closing its file descriptor if the parcel owns it).
pub struct Parcel {
    /// Declared first, so dropped before `attachments` (which may free a received buffer).
    data: Data,
    pos: Cell<usize>,
    /// Offsets of recorded objects: ascending, non-overlapping, each fully inside `data`.
    objects: Vec<u64>,
    /// File descriptors the parcel owns, by the offset of their object.
    owned_fds: Vec<(u64, OwnedFd)>,
    allow_fds: bool,
    /// What the parcel keeps alive with itself: binders written into it (while it is in
    /// flight), the hook that frees a received driver buffer.
    attachments: Vec<Box<dyn std::any::Any + Send + Sync>>,
    /// Set by [`mark_sensitive`](Parcel::mark_sensitive): the bytes are zeroed before their
    /// memory is freed or reallocated.
    sensitive: bool,
}

/// A parcel's bytes: its own, or a received buffer in the driver's mapping, read in place as
/// AOSP's `ipcSetDataReference` does (no copy) and copied on the first write.
enum Data {
    Owned(Vec<u8>),
    /// Valid until the buffer is freed, which the parcel's free hook does after this is gone.
    Mapped(&'static [u8]),
}

impl Data {
    /// The bytes, made the parcel's own first (copy on write).
    fn to_mut(&mut self) -> &mut Vec<u8> {
        if let Data::Mapped(m) = *self {
            *self = Data::Owned(m.to_vec());
        }
        match self {
            Data::Owned(v) => v,
            Data::Mapped(_) => unreachable!("made owned above"),
        }
    }

    fn capacity(&self) -> usize {
        match self {
            Data::Owned(v) => v.capacity(),
            Data::Mapped(m) => m.len(),
        }
    }

    fn truncate(&mut self, len: usize) {
        match self {
            Data::Owned(v) => v.truncate(len),
            Data::Mapped(m) => *m = &m[..len.min(m.len())],
        }
    }
}

impl std::ops::Deref for Data {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Data::Owned(v) => v,
            Data::Mapped(m) => m,
        }
    }
}

impl std::ops::DerefMut for Data {
    fn deref_mut(&mut self) -> &mut [u8] {
        self.to_mut()
    }
}

const fn pad_size(len: usize) -> usize {
    (len + 3) & !3
}

fn len_i32(len: usize) -> PResult<i32> {
    i32::try_from(len).map_err(|_| StatusCode::BAD_VALUE)
}

/// `fcntl(F_DUPFD_CLOEXEC)` of a descriptor number found in a parcel.
fn dup_raw_cloexec(fd: RawFd) -> PResult<OwnedFd> {
    if fd < 0 {
        return Err(StatusCode::BAD_VALUE);
    }
    // SAFETY: F_DUPFD_CLOEXEC only reads its integer arguments; on an invalid descriptor it
    // fails with EBADF.
    let new = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if new < 0 {
        return Err(StatusCode::BAD_VALUE);
    }
    // SAFETY: `new` is a descriptor fcntl just created for us; nothing else owns it.
    Ok(unsafe { OwnedFd::from_raw_fd(new) })
}

/// Zeroes all of `v`'s allocation, then frees it.
fn zero_vec(mut v: Vec<u8>) {
    let capacity = v.capacity();
    v.clear();
    v.resize(capacity, 0);
    // Keeps the zeroing from being optimised away as a dead store before the free.
    std::hint::black_box(&mut v);
}

impl Drop for Parcel {
    fn drop(&mut self) {
        if self.sensitive {
            if let Data::Owned(v) = std::mem::replace(&mut self.data, Data::Owned(Vec::new())) {
                zero_vec(v);
            }
        }
    }
}

impl Default for Parcel {
    fn default() -> Parcel {
        Parcel::new()
    }
}

impl Parcel {
    /// An empty parcel.
    pub fn new() -> Parcel {
        Parcel {
            data: Data::Owned(Vec::new()),
            pos: Cell::new(0),
            objects: Vec::new(),
            owned_fds: Vec::new(),
            allow_fds: true,
            attachments: Vec::new(),
            sensitive: false,
        }
    }

    /// From now on, the parcel's bytes are zeroed before their memory is freed or
    /// reallocated (AOSP `mark_sensitive`, `AParcel_markSensitive`; AIDL's `@SensitiveData`).
    pub fn mark_sensitive(&mut self) {
        self.sensitive = true;
    }

    /// Keeps `value` alive as long as the parcel (dropped with it, or by `free_data`).
    pub(crate) fn attach(&mut self, value: Box<dyn std::any::Any + Send + Sync>) {
        self.attachments.push(value);
    }

    /// A parcel holding a copy of received transaction data (`BR_TRANSACTION`/`BR_REPLY`):
    /// `data` and the object `offsets`, positioned at the start.
    ///
    /// As AOSP `ipcSetDataReference`, the offsets must be ascending and non-overlapping, each
    /// naming a binder, handle (strong or weak) or `BINDER_TYPE_FD` object inside `data`; if
    /// one does not, the whole objects list is dropped (the data stays readable, objects in it
    /// do not). The parcel does not own the file descriptors in the data; see
    /// [`adopt_file_descriptors`](Parcel::adopt_file_descriptors).
    pub fn from_received(data: &[u8], offsets: &[u64]) -> Parcel {
        Parcel::with_received(Data::Owned(data.to_vec()), offsets)
    }

    /// [`from_received`](Parcel::from_received) reading `data`, a buffer in the driver's
    /// mapping, in place. The caller attaches the hook that frees the buffer.
    pub(crate) fn from_mapped(data: &'static [u8], offsets: &[u64]) -> Parcel {
        Parcel::with_received(Data::Mapped(data), offsets)
    }

    fn with_received(data: Data, offsets: &[u64]) -> Parcel {
        let mut parcel = Parcel::new();
        parcel.data = data;
        let len = parcel.data.len() as u64;
        let mut min_offset = 0u64;
        for &offset in offsets {
            let Some(end) = offset.checked_add(OBJECT_SIZE as u64) else {
                parcel.objects.clear();
                break;
            };
            let acceptable = offset >= min_offset
                && end <= len
                && parcel
                    .object_type_at(offset as usize)
                    .is_some_and(|t| t == BINDER_TYPE_FD || is_binder_type(t));
            if !acceptable {
                parcel.objects.clear();
                break;
            }
            parcel.objects.push(offset);
            min_offset = end;
        }
        parcel
    }

    /// Makes the parcel own the file descriptors named by its recorded `BINDER_TYPE_FD`
    /// objects, closing them when it is dropped (a received buffer's descriptors were installed
    /// in this process by the driver, and AOSP closes them with the parcel).
    ///
    /// # Safety
    ///
    /// Every recorded file-descriptor object must name an open descriptor that nothing else
    /// owns or closes, and this must be called at most once per parcel.
    pub unsafe fn adopt_file_descriptors(&mut self) {
        for i in 0..self.objects.len() {
            let offset = self.objects[i];
            let Some(obj) = self.object_at(offset as usize) else {
                continue;
            };
            let fd = obj.handle() as i32;
            if obj.hdr.type_ != BINDER_TYPE_FD || fd < 0 {
                continue;
            }
            if self.owned_fds.iter().any(|(o, _)| *o == offset) {
                continue;
            }
            // SAFETY: the caller guarantees the descriptor is open and unowned.
            let owned = unsafe { OwnedFd::from_raw_fd(fd) };
            self.owned_fds.push((offset, owned));
        }
    }

    // -----------------------------------------------------------------------------------------
    // Size, position, capacity
    // -----------------------------------------------------------------------------------------

    /// The parcel's bytes.
    pub fn data(&self) -> &[u8] {
        &self.data
    }

    /// Address of the bytes, for `binder_transaction_data.data.ptr.buffer`.
    pub fn data_ptr(&self) -> *const u8 {
        self.data.as_ptr()
    }

    /// Number of bytes in the parcel.
    pub fn data_size(&self) -> usize {
        self.data.len()
    }

    /// Bytes left to read after the position.
    pub fn data_avail(&self) -> usize {
        self.data.len() - self.pos.get()
    }

    /// The read/write position.
    pub fn data_position(&self) -> usize {
        self.pos.get()
    }

    /// Moves the read/write position; it must lie within `0..=data_size()` (`BAD_VALUE`
    /// otherwise).
    ///
    /// # Safety
    ///
    /// Safe in binder-sim (a position only selects bytes of this parcel; reads over an
    /// object's bytes are refused); `unsafe` as in AOSP, whose NDK parcel trusts it.
    pub unsafe fn set_data_position(&self, pos: i32) -> Result<(), StatusCode> {
        let pos = usize::try_from(pos).map_err(|_| StatusCode::BAD_VALUE)?;
        self.seek(pos)
    }

    /// Moves the read/write position (the safe form of
    /// [`set_data_position`](Parcel::set_data_position)).
    #[doc(hidden)]
    pub fn seek(&self, pos: usize) -> Result<(), StatusCode> {
        if pos > self.data.len() {
            return Err(StatusCode::BAD_VALUE);
        }
        self.pos.set(pos);
        Ok(())
    }

    /// The read/write position (AOSP Rust `get_data_position`).
    pub fn get_data_position(&self) -> i32 {
        // Parcels are bounded by MAX_SIZE (i32::MAX).
        self.pos.get() as i32
    }

    /// The data size (AOSP Rust `get_data_size`).
    pub fn get_data_size(&self) -> i32 {
        self.data.len() as i32
    }

    /// Bytes allocated for the data.
    pub fn data_capacity(&self) -> usize {
        self.data.capacity()
    }

    /// Ensures room for at least `capacity` bytes.
    pub fn set_data_capacity(&mut self, capacity: usize) -> Result<(), StatusCode> {
        if capacity > MAX_SIZE {
            return Err(StatusCode::BAD_VALUE);
        }
        if capacity > self.data.len() {
            let len = self.data.len();
            self.data
                .to_mut()
                .try_reserve_exact(capacity - len)
                .map_err(|_| StatusCode::NO_MEMORY)?;
        }
        Ok(())
    }

    /// Grows (with zeros) or truncates the data. Truncation drops the objects that no longer
    /// fit (closing owned descriptors) and pulls the position back to the end if needed.
    pub fn set_data_size(&mut self, size: usize) -> Result<(), StatusCode> {
        if size > MAX_SIZE {
            return Err(StatusCode::BAD_VALUE);
        }
        if size < self.data.len() {
            let keep = self
                .objects
                .partition_point(|&o| o + OBJECT_SIZE as u64 <= size as u64);
            let dropped: Vec<u64> = self.objects.drain(keep..).collect();
            self.owned_fds.retain(|(o, _)| !dropped.contains(o));
            self.data.truncate(size);
            self.pos.set(self.pos.get().min(size));
        } else {
            self.ensure_len(size)?;
        }
        Ok(())
    }

    /// Empties the parcel (AOSP `freeData`): data, objects and owned descriptors.
    pub fn free_data(&mut self) {
        *self = Parcel::new();
    }

    // -----------------------------------------------------------------------------------------
    // Objects list
    // -----------------------------------------------------------------------------------------

    /// Offsets of the recorded objects (`binder_size_t`s), ascending.
    pub fn objects(&self) -> &[u64] {
        &self.objects
    }

    /// Number of recorded objects.
    pub fn objects_count(&self) -> usize {
        self.objects.len()
    }

    /// Whether the parcel keeps something alive besides its bytes: objects (binders,
    /// descriptors), descriptors it owns, or values attached to it.
    pub(crate) fn holds_references(&self) -> bool {
        !self.objects.is_empty() || !self.owned_fds.is_empty() || !self.attachments.is_empty()
    }

    /// Address of the offsets array, for `binder_transaction_data.data.ptr.offsets`
    /// (`objects_count() * 8` bytes).
    pub fn objects_ptr(&self) -> *const u64 {
        self.objects.as_ptr()
    }

    /// Whether any recorded object is a file descriptor.
    pub fn has_file_descriptors(&self) -> bool {
        self.objects
            .iter()
            .any(|&o| self.object_type_at(o as usize) == Some(BINDER_TYPE_FD))
    }

    /// Whether file descriptors may be written.
    pub fn allow_fds(&self) -> bool {
        self.allow_fds
    }

    /// Forbids file descriptors if `allow` is false; returns the previous setting for
    /// [`restore_allow_fds`](Parcel::restore_allow_fds).
    pub fn push_allow_fds(&mut self, allow: bool) -> bool {
        let previous = self.allow_fds;
        if !allow {
            self.allow_fds = false;
        }
        previous
    }

    /// Restores a setting returned by [`push_allow_fds`](Parcel::push_allow_fds).
    pub fn restore_allow_fds(&mut self, previous: bool) {
        self.allow_fds = previous;
    }

    fn object_at(&self, offset: usize) -> Option<FlatBinderObject> {
        let bytes = self.data.get(offset..offset.checked_add(OBJECT_SIZE)?)?;
        FlatBinderObject::from_bytes(bytes)
    }

    fn object_type_at(&self, offset: usize) -> Option<u32> {
        self.object_at(offset).map(|o| o.hdr.type_)
    }

    /// Drops recorded objects overlapping `start..end` (and the descriptors they own).
    fn drop_objects_in(&mut self, start: usize, end: usize) {
        if self.objects.is_empty() {
            return;
        }
        let first = self
            .objects
            .partition_point(|&o| o + OBJECT_SIZE as u64 <= start as u64);
        let last = self.objects.partition_point(|&o| o < end as u64);
        if first < last {
            let dropped: Vec<u64> = self.objects.drain(first..last).collect();
            self.owned_fds.retain(|(o, _)| !dropped.contains(o));
        }
    }

    /// `PERMISSION_DENIED` if `start..end` overlaps a recorded object.
    fn check_no_objects(&self, start: usize, end: usize) -> PResult<()> {
        if self.objects.is_empty() {
            return Ok(());
        }
        let first = self
            .objects
            .partition_point(|&o| o + OBJECT_SIZE as u64 <= start as u64);
        match self.objects.get(first) {
            Some(&o) if o < end as u64 => Err(StatusCode::PERMISSION_DENIED),
            _ => Ok(()),
        }
    }

    /// Writes a `flat_binder_object` at the position (AOSP `writeObject`). It is recorded in
    /// the objects list if `null_meta_data` is set (file descriptors) or its pointer/handle
    /// word is non-zero (a null binder is not recorded).
    pub(crate) fn write_object(
        &mut self,
        obj: &FlatBinderObject,
        null_meta_data: bool,
    ) -> PResult<()> {
        if obj.hdr.type_ == BINDER_TYPE_FD && !self.allow_fds {
            return Err(StatusCode::FDS_NOT_ALLOWED);
        }
        let start = self.pos.get();
        self.write_inplace(OBJECT_SIZE)?
            .copy_from_slice(obj.as_bytes());
        if null_meta_data || obj.binder() != 0 {
            // `write_inplace` dropped whatever overlapped, so the offset is free.
            let at = self.objects.partition_point(|&o| o < start as u64);
            self.objects.insert(at, start as u64);
        }
        Ok(())
    }

    /// Reads a `flat_binder_object` at the position (AOSP `readObject`). Unless
    /// `null_meta_data` is set, a null object (zero pointer and cookie) needs no record;
    /// anything else must sit at a recorded offset (`BAD_TYPE` otherwise).
    pub(crate) fn read_object(&self, null_meta_data: bool) -> PResult<FlatBinderObject> {
        let start = self.pos.get();
        let obj = self.object_at(start).ok_or(StatusCode::NOT_ENOUGH_DATA)?;
        self.pos.set(start + OBJECT_SIZE);
        if !null_meta_data && obj.cookie == 0 && obj.binder() == 0 {
            return Ok(obj);
        }
        if self.objects.binary_search(&(start as u64)).is_ok() {
            Ok(obj)
        } else {
            Err(StatusCode::BAD_TYPE)
        }
    }

    /// Writes a binder object (`BINDER_TYPE_BINDER`, `BINDER_TYPE_HANDLE` or their weak
    /// counterparts) followed by its `i32` stability level (see [`stability`]), as AOSP
    /// `flattenBinder` + `finishFlattenBinder`. Other object types are `BAD_TYPE`.
    ///
    /// This is the low-level half of writing an `IBinder`; the binder layer fills in the object
    /// (and keeps what it points to alive while the parcel is in flight).
    pub fn write_flat_binder(
        &mut self,
        obj: FlatBinderObject,
        stability: i32,
    ) -> Result<(), StatusCode> {
        if !is_binder_type(obj.hdr.type_) {
            return Err(StatusCode::BAD_TYPE);
        }
        self.write_object(&obj, false)?;
        match wire_format() {
            WireFormat::Current => self.write_i32(stability),
            WireFormat::Android10 => Ok(()),
        }
    }

    /// Reads a binder object and its stability level (AOSP `unflattenBinder` +
    /// `finishUnflattenBinder`, before the stability is checked). The object must be a
    /// strong or weak binder or handle at a recorded offset, or a null binder (`BAD_TYPE`
    /// otherwise).
    pub fn read_flat_binder(&self) -> Result<(FlatBinderObject, i32), StatusCode> {
        let obj = self.read_object(false)?;
        if !is_binder_type(obj.hdr.type_) {
            return Err(StatusCode::BAD_TYPE);
        }
        let stability = match wire_format() {
            WireFormat::Current => self.read_i32()?,
            WireFormat::Android10 => stability::LOCAL,
        };
        Ok((obj, stability))
    }

    // -----------------------------------------------------------------------------------------
    // Raw writes and reads
    // -----------------------------------------------------------------------------------------

    /// Makes the data at least `end` bytes long (zero-filled), growing as AOSP `growData`.
    fn ensure_len(&mut self, end: usize) -> PResult<()> {
        if end <= self.data.len() {
            return Ok(());
        }
        if end > MAX_SIZE {
            return Err(StatusCode::BAD_VALUE);
        }
        if end > self.data.capacity() {
            let want = (end / 2).saturating_add(end).clamp(128, MAX_SIZE).max(end);
            let len = self.data.len();
            if self.sensitive {
                // A reserve in place would leave the old allocation unzeroed: move by hand.
                let mut grown = Vec::new();
                grown
                    .try_reserve_exact(want)
                    .map_err(|_| StatusCode::NO_MEMORY)?;
                grown.extend_from_slice(&self.data);
                if let Data::Owned(old) = std::mem::replace(&mut self.data, Data::Owned(grown)) {
                    zero_vec(old);
                }
            } else {
                self.data
                    .to_mut()
                    .try_reserve_exact(want - len)
                    .map_err(|_| StatusCode::NO_MEMORY)?;
            }
        }
        self.data.to_mut().resize(end, 0);
        Ok(())
    }

    /// Reserves `len` bytes (padded to 4, padding zeroed) at the position, advances past them
    /// and returns the unpadded slot (AOSP `writeInplace`).
    fn write_inplace(&mut self, len: usize) -> PResult<&mut [u8]> {
        if len > MAX_SIZE {
            return Err(StatusCode::BAD_VALUE);
        }
        let start = self.pos.get();
        let end = start
            .checked_add(pad_size(len))
            .filter(|&e| e <= MAX_SIZE)
            .ok_or(StatusCode::BAD_VALUE)?;
        self.ensure_len(end)?;
        self.drop_objects_in(start, end);
        self.data[start + len..end].fill(0);
        self.pos.set(end);
        Ok(&mut self.data[start..start + len])
    }

    /// Reads `len` bytes at the position and advances past them and their padding (AOSP
    /// `readInplace`): `NOT_ENOUGH_DATA` past the end, `PERMISSION_DENIED` over an object.
    fn read_inplace(&self, len: usize) -> PResult<&[u8]> {
        if len > MAX_SIZE {
            return Err(StatusCode::BAD_VALUE);
        }
        let start = self.pos.get();
        let end = start
            .checked_add(pad_size(len))
            .filter(|&e| e <= self.data.len())
            .ok_or(StatusCode::NOT_ENOUGH_DATA)?;
        if let Err(e) = self.check_no_objects(start, end) {
            // As AOSP: the position still moves past the refused bytes.
            self.pos.set(end);
            return Err(e);
        }
        self.pos.set(end);
        Ok(&self.data[start..start + len])
    }

    fn read_array<const N: usize>(&self) -> PResult<[u8; N]> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.read_inplace(N)?);
        Ok(out)
    }

    /// Writes `bytes` followed by zero padding to a 4-byte boundary (AOSP `write`).
    pub fn write_raw(&mut self, bytes: &[u8]) -> Result<(), StatusCode> {
        self.write_inplace(bytes.len())?.copy_from_slice(bytes);
        Ok(())
    }

    /// Reads `len` bytes and skips their padding.
    pub fn read_raw(&self, len: usize) -> Result<&[u8], StatusCode> {
        self.read_inplace(len)
    }

    // -----------------------------------------------------------------------------------------
    // Primitives
    // -----------------------------------------------------------------------------------------

    /// Writes an `i32`.
    pub fn write_i32(&mut self, val: i32) -> Result<(), StatusCode> {
        self.write_raw(&val.to_le_bytes())
    }

    /// Writes a `u32`.
    pub fn write_u32(&mut self, val: u32) -> Result<(), StatusCode> {
        self.write_raw(&val.to_le_bytes())
    }

    /// Writes an `i64`.
    pub fn write_i64(&mut self, val: i64) -> Result<(), StatusCode> {
        self.write_raw(&val.to_le_bytes())
    }

    /// Writes a `u64`.
    pub fn write_u64(&mut self, val: u64) -> Result<(), StatusCode> {
        self.write_raw(&val.to_le_bytes())
    }

    /// Writes an `f32`.
    pub fn write_f32(&mut self, val: f32) -> Result<(), StatusCode> {
        self.write_raw(&val.to_le_bytes())
    }

    /// Writes an `f64`.
    pub fn write_f64(&mut self, val: f64) -> Result<(), StatusCode> {
        self.write_raw(&val.to_le_bytes())
    }

    /// Writes a `bool` as an `i32` 0 or 1.
    pub fn write_bool(&mut self, val: bool) -> Result<(), StatusCode> {
        self.write_i32(val as i32)
    }

    /// Writes a `char16_t` (a UTF-16 unit) as an `i32`.
    pub fn write_char(&mut self, val: u16) -> Result<(), StatusCode> {
        self.write_i32(val as i32)
    }

    /// Writes an `int8_t` as a sign-extended `i32`.
    pub fn write_byte(&mut self, val: i8) -> Result<(), StatusCode> {
        self.write_i32(val as i32)
    }

    /// Reads an `i32`.
    pub fn read_i32(&self) -> Result<i32, StatusCode> {
        self.read_array().map(i32::from_le_bytes)
    }

    /// Reads a `u32`.
    pub fn read_u32(&self) -> Result<u32, StatusCode> {
        self.read_array().map(u32::from_le_bytes)
    }

    /// Reads an `i64`.
    pub fn read_i64(&self) -> Result<i64, StatusCode> {
        self.read_array().map(i64::from_le_bytes)
    }

    /// Reads a `u64`.
    pub fn read_u64(&self) -> Result<u64, StatusCode> {
        self.read_array().map(u64::from_le_bytes)
    }

    /// Reads an `f32`.
    pub fn read_f32(&self) -> Result<f32, StatusCode> {
        self.read_array().map(f32::from_le_bytes)
    }

    /// Reads an `f64`.
    pub fn read_f64(&self) -> Result<f64, StatusCode> {
        self.read_array().map(f64::from_le_bytes)
    }

    /// Reads a `bool`: any non-zero `i32` is true.
    pub fn read_bool(&self) -> Result<bool, StatusCode> {
        self.read_i32().map(|v| v != 0)
    }

    /// Reads a `char16_t`: the low 16 bits of an `i32`.
    pub fn read_char(&self) -> Result<u16, StatusCode> {
        self.read_i32().map(|v| v as u16)
    }

    pub(crate) fn write_u8_widened(&mut self, val: u8) -> Result<(), StatusCode> {
        self.write_byte(val as i8)
    }

    pub(crate) fn read_u8_widened(&self) -> Result<u8, StatusCode> {
        self.read_byte().map(|b| b as u8)
    }

    /// Reads an `int8_t`: the low 8 bits of an `i32`.
    pub fn read_byte(&self) -> Result<i8, StatusCode> {
        self.read_i32().map(|v| v as i8)
    }

    // -----------------------------------------------------------------------------------------
    // Strings
    // -----------------------------------------------------------------------------------------

    /// Writes a String16 of `len` units taken from `units`.
    fn write_string16_iter(&mut self, len: usize, units: impl Iterator<Item = u16>) -> PResult<()> {
        // (len + 1) units must fit in MAX_SIZE bytes.
        if len >= MAX_SIZE / 2 {
            return Err(StatusCode::BAD_VALUE);
        }
        self.write_i32(len as i32)?;
        let slot = self.write_inplace((len + 1) * 2)?;
        for (dst, unit) in slot.chunks_exact_mut(2).zip(units.chain(iter::once(0))) {
            dst.copy_from_slice(&unit.to_le_bytes());
        }
        Ok(())
    }

    /// Reads a String16 and returns its units as little-endian bytes (without the NUL), or
    /// `None` for null.
    fn read_string16_bytes(&self) -> PResult<Option<&[u8]>> {
        let len = self.read_i32()?;
        if len == NULL_LENGTH {
            return Ok(None);
        }
        if len < 0 {
            return Err(StatusCode::BAD_VALUE);
        }
        let bytes = (len as usize)
            .checked_add(1)
            .and_then(|n| n.checked_mul(2))
            .filter(|&n| pad_size(n) <= self.data_avail())
            .ok_or(StatusCode::NOT_ENOUGH_DATA)?;
        let units = self.read_inplace(bytes)?;
        let (text, nul) = units.split_at(bytes - 2);
        if nul != [0, 0] {
            return Err(StatusCode::BAD_VALUE);
        }
        Ok(Some(text))
    }

    fn decode_utf16(bytes: &[u8]) -> PResult<String> {
        char::decode_utf16(
            bytes
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]])),
        )
        .collect::<Result<String, _>>()
        .map_err(|_| StatusCode::BAD_VALUE)
    }

    /// Writes a string as String16 (AOSP `writeString16`).
    pub fn write_string16(&mut self, s: &str) -> Result<(), StatusCode> {
        self.write_string16_iter(s.encode_utf16().count(), s.encode_utf16())
    }

    /// Writes a nullable string as String16; `None` is length `-1`.
    pub fn write_nullable_string16(&mut self, s: Option<&str>) -> Result<(), StatusCode> {
        match s {
            Some(s) => self.write_string16(s),
            None => self.write_i32(NULL_LENGTH),
        }
    }

    /// Writes raw UTF-16 units as String16 (for strings that are not valid UTF-16, such as Java
    /// strings with lone surrogates); `None` is null.
    pub fn write_string16_units(&mut self, units: Option<&[u16]>) -> Result<(), StatusCode> {
        match units {
            Some(u) => self.write_string16_iter(u.len(), u.iter().copied()),
            None => self.write_i32(NULL_LENGTH),
        }
    }

    /// Reads a non-null String16 (`UNEXPECTED_NULL` for null, `BAD_VALUE` for invalid UTF-16).
    pub fn read_string16(&self) -> Result<String, StatusCode> {
        self.read_nullable_string16()?
            .ok_or(StatusCode::UNEXPECTED_NULL)
    }

    /// Reads a nullable String16.
    pub fn read_nullable_string16(&self) -> Result<Option<String>, StatusCode> {
        match self.read_string16_bytes()? {
            Some(bytes) => Parcel::decode_utf16(bytes).map(Some),
            None => Ok(None),
        }
    }

    /// Reads a nullable String16 as raw UTF-16 units.
    pub fn read_string16_units(&self) -> Result<Option<Vec<u16>>, StatusCode> {
        Ok(self.read_string16_bytes()?.map(|bytes| {
            bytes
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect()
        }))
    }

    /// Writes a UTF-8 string as AOSP `writeUtf8AsUtf16` (AIDL `@utf8InCpp String`): on the wire
    /// it is a String16.
    pub fn write_utf8_as_utf16(&mut self, s: &str) -> Result<(), StatusCode> {
        self.write_string16(s)
    }

    /// Nullable form of [`write_utf8_as_utf16`](Parcel::write_utf8_as_utf16).
    pub fn write_nullable_utf8_as_utf16(&mut self, s: Option<&str>) -> Result<(), StatusCode> {
        self.write_nullable_string16(s)
    }

    /// Reads a String16 as UTF-8 (AOSP `readUtf8FromUtf16`).
    pub fn read_utf8_from_utf16(&self) -> Result<String, StatusCode> {
        self.read_string16()
    }

    /// Nullable form of [`read_utf8_from_utf16`](Parcel::read_utf8_from_utf16).
    pub fn read_nullable_utf8_from_utf16(&self) -> Result<Option<String>, StatusCode> {
        self.read_nullable_string16()
    }

    /// Writes a C string: its bytes, a NUL, padding (AOSP `writeCString`).
    pub fn write_cstring(&mut self, s: &CStr) -> Result<(), StatusCode> {
        self.write_raw(s.to_bytes_with_nul())
    }

    /// Reads a C string (AOSP `readCString`): `NOT_ENOUGH_DATA` if no NUL follows.
    pub fn read_cstring(&self) -> Result<CString, StatusCode> {
        let rest = &self.data[self.pos.get()..];
        let nul = rest
            .iter()
            .position(|&b| b == 0)
            .ok_or(StatusCode::NOT_ENOUGH_DATA)?;
        let start = self.pos.get();
        let end = (start + pad_size(nul + 1)).min(self.data.len());
        if let Err(e) = self.check_no_objects(start, start + nul + 1) {
            self.pos.set(end);
            return Err(e);
        }
        let s = CStr::from_bytes_with_nul(&self.data[start..start + nul + 1])
            .map_err(|_| StatusCode::BAD_VALUE)?
            .to_owned();
        self.pos.set(end);
        Ok(s)
    }

    // -----------------------------------------------------------------------------------------
    // Vectors
    // -----------------------------------------------------------------------------------------

    /// Writes a vector: its `i32` length, then each element with `write`.
    pub fn write_vector_with<T>(
        &mut self,
        items: &[T],
        mut write: impl FnMut(&mut Parcel, &T) -> Result<(), StatusCode>,
    ) -> Result<(), StatusCode> {
        self.write_i32(len_i32(items.len())?)?;
        for item in items {
            write(self, item)?;
        }
        Ok(())
    }

    /// Writes a nullable vector; `None` is length `-1`.
    pub fn write_nullable_vector_with<T>(
        &mut self,
        items: Option<&[T]>,
        write: impl FnMut(&mut Parcel, &T) -> Result<(), StatusCode>,
    ) -> Result<(), StatusCode> {
        match items {
            Some(items) => self.write_vector_with(items, write),
            None => self.write_i32(NULL_LENGTH),
        }
    }

    /// Reads a non-null vector whose elements `read` reads (`UNEXPECTED_NULL` for null).
    pub fn read_vector_with<T>(
        &self,
        read: impl FnMut(&Parcel) -> Result<T, StatusCode>,
    ) -> Result<Vec<T>, StatusCode> {
        self.read_nullable_vector_with(read)?
            .ok_or(StatusCode::UNEXPECTED_NULL)
    }

    /// Reads a nullable vector whose elements `read` reads. A length below `-1` is
    /// `UNEXPECTED_NULL` and one larger than the bytes left is `BAD_VALUE` (AOSP `readData`).
    pub fn read_nullable_vector_with<T>(
        &self,
        mut read: impl FnMut(&Parcel) -> Result<T, StatusCode>,
    ) -> Result<Option<Vec<T>>, StatusCode> {
        let Some(len) = self.read_vector_len()? else {
            return Ok(None);
        };
        let mut items = Vec::with_capacity(len.min(self.data_avail() / 4));
        for _ in 0..len {
            items.push(read(self)?);
        }
        Ok(Some(items))
    }

    /// Reads a vector length: `None` for null, bounded by the bytes left.
    fn read_vector_len(&self) -> PResult<Option<usize>> {
        let len = self.read_i32()?;
        if len == NULL_LENGTH {
            return Ok(None);
        }
        if len < 0 {
            return Err(StatusCode::UNEXPECTED_NULL);
        }
        if len as usize > self.data_avail() {
            return Err(StatusCode::BAD_VALUE);
        }
        Ok(Some(len as usize))
    }

    /// Writes a vector of `N`-byte elements contiguously (AOSP's packed vectors).
    fn write_packed<const N: usize>(
        &mut self,
        len: usize,
        elems: impl Iterator<Item = [u8; N]>,
    ) -> PResult<()> {
        let count = len_i32(len)?;
        let bytes = len.checked_mul(N).ok_or(StatusCode::BAD_VALUE)?;
        if bytes > MAX_SIZE {
            return Err(StatusCode::BAD_VALUE);
        }
        self.write_i32(count)?;
        let slot = self.write_inplace(bytes)?;
        for (dst, elem) in slot.chunks_exact_mut(N).zip(elems) {
            dst.copy_from_slice(&elem);
        }
        Ok(())
    }

    /// Reads a nullable vector of `N`-byte elements written by `write_packed`.
    fn read_packed<const N: usize, T>(
        &self,
        conv: impl Fn([u8; N]) -> T,
    ) -> PResult<Option<Vec<T>>> {
        let Some(len) = self.read_vector_len()? else {
            return Ok(None);
        };
        let bytes = len.checked_mul(N).ok_or(StatusCode::BAD_VALUE)?;
        let slot = self.read_inplace(bytes).map_err(|e| match e {
            StatusCode::NOT_ENOUGH_DATA => StatusCode::BAD_VALUE,
            e => e,
        })?;
        Ok(Some(
            slot.chunks_exact(N)
                .map(|c| {
                    let mut elem = [0u8; N];
                    elem.copy_from_slice(c);
                    conv(elem)
                })
                .collect(),
        ))
    }
}

/// Generates the four vector methods of a packed primitive type.
macro_rules! packed_vector {
    (
        $ty:ty, $n:literal, $to:expr, $from:expr,
        $write:ident, $write_nullable:ident, $read:ident, $read_nullable:ident, $what:literal
    ) => {
        impl Parcel {
            #[doc = concat!("Writes a vector of ", $what, ".")]
            pub fn $write(&mut self, items: &[$ty]) -> Result<(), StatusCode> {
                self.write_packed::<$n>(items.len(), items.iter().map($to))
            }

            #[doc = concat!("Writes a nullable vector of ", $what, "; `None` is length `-1`.")]
            pub fn $write_nullable(&mut self, items: Option<&[$ty]>) -> Result<(), StatusCode> {
                match items {
                    Some(items) => self.$write(items),
                    None => self.write_i32(NULL_LENGTH),
                }
            }

            #[doc = concat!("Reads a non-null vector of ", $what, " (`UNEXPECTED_NULL` for null).")]
            pub fn $read(&self) -> Result<Vec<$ty>, StatusCode> {
                self.$read_nullable()?.ok_or(StatusCode::UNEXPECTED_NULL)
            }

            #[doc = concat!("Reads a nullable vector of ", $what, ".")]
            pub fn $read_nullable(&self) -> Result<Option<Vec<$ty>>, StatusCode> {
                self.read_packed::<$n, $ty>($from)
            }
        }
    };
}

packed_vector!(
    u8,
    1,
    |v: &u8| [*v],
    |b: [u8; 1]| b[0],
    write_byte_vector,
    write_nullable_byte_vector,
    read_byte_vector,
    read_nullable_byte_vector,
    "bytes (packed, then padded; AOSP `writeByteVector`)"
);
packed_vector!(
    i32,
    4,
    |v: &i32| v.to_le_bytes(),
    i32::from_le_bytes,
    write_i32_vector,
    write_nullable_i32_vector,
    read_i32_vector,
    read_nullable_i32_vector,
    "`i32`s"
);
packed_vector!(
    u32,
    4,
    |v: &u32| v.to_le_bytes(),
    u32::from_le_bytes,
    write_u32_vector,
    write_nullable_u32_vector,
    read_u32_vector,
    read_nullable_u32_vector,
    "`u32`s"
);
packed_vector!(
    i64,
    8,
    |v: &i64| v.to_le_bytes(),
    i64::from_le_bytes,
    write_i64_vector,
    write_nullable_i64_vector,
    read_i64_vector,
    read_nullable_i64_vector,
    "`i64`s"
);
packed_vector!(
    u64,
    8,
    |v: &u64| v.to_le_bytes(),
    u64::from_le_bytes,
    write_u64_vector,
    write_nullable_u64_vector,
    read_u64_vector,
    read_nullable_u64_vector,
    "`u64`s"
);
packed_vector!(
    f32,
    4,
    |v: &f32| v.to_le_bytes(),
    f32::from_le_bytes,
    write_f32_vector,
    write_nullable_f32_vector,
    read_f32_vector,
    read_nullable_f32_vector,
    "`f32`s"
);
packed_vector!(
    f64,
    8,
    |v: &f64| v.to_le_bytes(),
    f64::from_le_bytes,
    write_f64_vector,
    write_nullable_f64_vector,
    read_f64_vector,
    read_nullable_f64_vector,
    "`f64`s"
);
packed_vector!(
    bool,
    4,
    |v: &bool| (*v as i32).to_le_bytes(),
    |b: [u8; 4]| i32::from_le_bytes(b) != 0,
    write_bool_vector,
    write_nullable_bool_vector,
    read_bool_vector,
    read_nullable_bool_vector,
    "`bool`s (an `i32` each)"
);
packed_vector!(
    u16,
    4,
    |v: &u16| (*v as i32).to_le_bytes(),
    |b: [u8; 4]| i32::from_le_bytes(b) as u16,
    write_char_vector,
    write_nullable_char_vector,
    read_char_vector,
    read_nullable_char_vector,
    "`char16_t`s (an `i32` each)"
);

impl Parcel {
    /// Writes a vector of strings as String16s (AOSP `writeString16Vector`,
    /// `writeUtf8VectorAsUtf16Vector`).
    pub fn write_string16_vector<S: AsRef<str>>(&mut self, items: &[S]) -> Result<(), StatusCode> {
        self.write_vector_with(items, |p, s| p.write_string16(s.as_ref()))
    }

    /// Writes a nullable vector of nullable strings.
    pub fn write_nullable_string16_vector<S: AsRef<str>>(
        &mut self,
        items: Option<&[Option<S>]>,
    ) -> Result<(), StatusCode> {
        self.write_nullable_vector_with(items, |p, s| {
            p.write_nullable_string16(s.as_ref().map(AsRef::as_ref))
        })
    }

    /// Reads a non-null vector of non-null strings.
    pub fn read_string16_vector(&self) -> Result<Vec<String>, StatusCode> {
        self.read_vector_with(Parcel::read_string16)
    }

    /// Reads a nullable vector of nullable strings.
    pub fn read_nullable_string16_vector(&self) -> Result<Option<Vec<Option<String>>>, StatusCode> {
        self.read_nullable_vector_with(Parcel::read_nullable_string16)
    }

    // -----------------------------------------------------------------------------------------
    // Parcelables
    // -----------------------------------------------------------------------------------------

    /// Writes a parcelable: the presence flag `1`, then its content (AOSP `writeParcelable`).
    pub fn write_parcelable<P: Parcelable + ?Sized>(&mut self, p: &P) -> Result<(), StatusCode> {
        self.write_i32(NON_NULL_PARCELABLE_FLAG)?;
        p.write_to_parcel(self)
    }

    /// Writes a nullable parcelable: `None` is the flag `0` alone (AOSP
    /// `writeNullableParcelable`).
    pub fn write_nullable_parcelable<P: Parcelable>(
        &mut self,
        p: Option<&P>,
    ) -> Result<(), StatusCode> {
        match p {
            Some(p) => self.write_parcelable(p),
            None => self.write_i32(NULL_PARCELABLE_FLAG),
        }
    }

    /// Reads a non-null parcelable: a flag other than `1` is `UNEXPECTED_NULL`.
    pub fn read_parcelable<P: Parcelable + Default>(&self) -> Result<P, StatusCode> {
        if self.read_i32()? != NON_NULL_PARCELABLE_FLAG {
            return Err(StatusCode::UNEXPECTED_NULL);
        }
        let mut p = P::default();
        p.read_from_parcel(self)?;
        Ok(p)
    }

    /// Reads a nullable parcelable: flag `0` is `None`, `1` a value, anything else
    /// `UNEXPECTED_NULL`.
    pub fn read_nullable_parcelable<P: Parcelable + Default>(
        &self,
    ) -> Result<Option<P>, StatusCode> {
        match self.read_i32()? {
            NULL_PARCELABLE_FLAG => Ok(None),
            NON_NULL_PARCELABLE_FLAG => {
                let mut p = P::default();
                p.read_from_parcel(self)?;
                Ok(Some(p))
            }
            _ => Err(StatusCode::UNEXPECTED_NULL),
        }
    }

    /// Writes a vector of parcelables, each with its presence flag.
    pub fn write_parcelable_vector<P: Parcelable>(
        &mut self,
        items: &[P],
    ) -> Result<(), StatusCode> {
        self.write_vector_with(items, |p, item| p.write_parcelable(item))
    }

    /// Writes a nullable vector of nullable parcelables.
    pub fn write_nullable_parcelable_vector<P: Parcelable>(
        &mut self,
        items: Option<&[Option<P>]>,
    ) -> Result<(), StatusCode> {
        self.write_nullable_vector_with(items, |p, item| p.write_nullable_parcelable(item.as_ref()))
    }

    /// Reads a non-null vector of non-null parcelables.
    pub fn read_parcelable_vector<P: Parcelable + Default>(&self) -> Result<Vec<P>, StatusCode> {
        self.read_vector_with(Parcel::read_parcelable)
    }

    /// Reads a nullable vector of nullable parcelables.
    pub fn read_nullable_parcelable_vector<P: Parcelable + Default>(
        &self,
    ) -> Result<Option<Vec<Option<P>>>, StatusCode> {
        self.read_nullable_vector_with(Parcel::read_nullable_parcelable)
    }

    // -----------------------------------------------------------------------------------------
    // File descriptors
    // -----------------------------------------------------------------------------------------

    fn write_fd_object(&mut self, fd: OwnedFd) -> PResult<()> {
        let mut obj = FlatBinderObject::default();
        obj.hdr.type_ = BINDER_TYPE_FD;
        obj.flags = 0;
        obj.set_handle(fd.as_raw_fd() as u32);
        // The parcel owns the descriptor (AOSP `takeOwnership`).
        obj.cookie = 1;
        let start = self.pos.get() as u64;
        self.write_object(&obj, true)?;
        self.owned_fds.push((start, fd));
        Ok(())
    }

    /// Writes a file descriptor as a `BINDER_TYPE_FD` object the parcel owns (`cookie` 1) and
    /// closes with itself (AOSP `writeFileDescriptor(fd, takeOwnership = true)`).
    /// `FDS_NOT_ALLOWED` if descriptors are not allowed (the descriptor is then closed).
    pub fn write_file_descriptor(&mut self, fd: OwnedFd) -> Result<(), StatusCode> {
        self.write_fd_object(fd)
    }

    /// Writes a close-on-exec duplicate of `fd` (AOSP `writeDupFileDescriptor`, also what
    /// `writeUniqueFileDescriptor` does for AIDL `FileDescriptor`).
    pub fn write_dup_file_descriptor(&mut self, fd: BorrowedFd<'_>) -> Result<(), StatusCode> {
        let dup = fd.try_clone_to_owned().map_err(|_| StatusCode::BAD_VALUE)?;
        self.write_fd_object(dup)
    }

    /// Writes the `ParcelFileDescriptor` body: an `i32` 0 ("no comm channel") and the
    /// descriptor as an owned object (AOSP `writeParcelFileDescriptor(fd, true)`).
    pub fn write_parcel_file_descriptor(&mut self, fd: OwnedFd) -> Result<(), StatusCode> {
        if !self.allow_fds {
            return Err(StatusCode::FDS_NOT_ALLOWED);
        }
        self.write_i32(0)?;
        self.write_fd_object(fd)
    }

    /// [`write_parcel_file_descriptor`](Parcel::write_parcel_file_descriptor) of a
    /// close-on-exec duplicate (AOSP `writeDupParcelFileDescriptor`).
    pub fn write_dup_parcel_file_descriptor(
        &mut self,
        fd: BorrowedFd<'_>,
    ) -> Result<(), StatusCode> {
        let dup = fd.try_clone_to_owned().map_err(|_| StatusCode::BAD_VALUE)?;
        self.write_parcel_file_descriptor(dup)
    }

    /// Reads a file descriptor object and returns the descriptor number in this process,
    /// without duplicating it (AOSP `readFileDescriptor`): it stays valid as long as its owner
    /// (this parcel, or the received buffer) keeps it. `BAD_TYPE` if no recorded
    /// `BINDER_TYPE_FD` object is at the position.
    pub fn read_file_descriptor(&self) -> Result<RawFd, StatusCode> {
        let obj = self.read_object(true)?;
        if obj.hdr.type_ != BINDER_TYPE_FD {
            return Err(StatusCode::BAD_TYPE);
        }
        Ok(obj.handle() as i32)
    }

    /// Reads a file descriptor as a new close-on-exec duplicate owned by the caller (AOSP
    /// `readUniqueFileDescriptor`); `BAD_VALUE` if it cannot be duplicated.
    pub fn read_unique_file_descriptor(&self) -> Result<OwnedFd, StatusCode> {
        dup_raw_cloexec(self.read_file_descriptor()?)
    }

    /// Reads a `ParcelFileDescriptor` body (AOSP `readParcelFileDescriptor`): the "has comm"
    /// `i32`, the descriptor, and if the flag is set a Java comm descriptor, to which the
    /// detach message is written. Returns the descriptor number, not duplicated.
    pub fn read_parcel_file_descriptor(&self) -> Result<RawFd, StatusCode> {
        let has_comm = self.read_i32()?;
        let fd = self.read_file_descriptor()?;
        if has_comm != 0 {
            let comm = self.read_file_descriptor()?;
            // ParcelFileDescriptor.java `DETACHED` (2), sent big-endian.
            let message = 2i32.to_be_bytes();
            let written = loop {
                // SAFETY: writes 4 bytes from a live local buffer to a descriptor number.
                let n = unsafe { libc::write(comm, message.as_ptr().cast(), message.len()) };
                if n < 0 && io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                break n;
            };
            if written != message.len() as isize {
                return Err(StatusCode::BAD_TYPE);
            }
        }
        Ok(fd)
    }

    /// Reads a `ParcelFileDescriptor` body as a new close-on-exec duplicate owned by the caller
    /// (AOSP `readUniqueParcelFileDescriptor`).
    pub fn read_unique_parcel_file_descriptor(&self) -> Result<OwnedFd, StatusCode> {
        dup_raw_cloexec(self.read_parcel_file_descriptor()?)
    }

    // -----------------------------------------------------------------------------------------
    // Interface token
    // -----------------------------------------------------------------------------------------

    /// Writes the request header of a transaction (AOSP `writeInterfaceToken`) with no
    /// strict-mode policy and no work source: `0x80000000`, `-1`, `'SYST'`, the descriptor.
    pub fn write_interface_token(&mut self, descriptor: &str) -> Result<(), StatusCode> {
        self.write_interface_token_with(descriptor, 0, UNSET_WORK_SOURCE)
    }

    /// Writes the request header with the calling thread's strict-mode policy (ored with
    /// [`STRICT_MODE_PENALTY_GATHER`]) and work-source uid.
    pub fn write_interface_token_with(
        &mut self,
        descriptor: &str,
        strict_mode_policy: i32,
        work_source_uid: i32,
    ) -> Result<(), StatusCode> {
        self.write_i32(strict_mode_policy | STRICT_MODE_PENALTY_GATHER)?;
        self.write_i32(work_source_uid)?;
        if wire_format() == WireFormat::Current {
            self.write_i32(INTERFACE_HEADER)?;
        }
        self.write_string16(descriptor)
    }

    /// Reads a request header without judging it.
    pub fn read_interface_token(&self) -> Result<InterfaceToken, StatusCode> {
        let strict_mode_policy = self.read_i32()?;
        let work_source_uid = self.read_i32()?;
        let header = match wire_format() {
            WireFormat::Current => self.read_i32()?,
            WireFormat::Android10 => 0,
        };
        let descriptor = self.read_string16()?;
        Ok(InterfaceToken {
            strict_mode_policy,
            work_source_uid,
            header,
            descriptor,
        })
    }

    /// Reads a request header and checks it is for `descriptor` (AOSP `enforceInterface`):
    /// `BAD_TYPE` if the header is not `'SYST'` (in the current [`WireFormat`]) or the descriptor differs (the AIDL stub's
    /// answer), read errors as they come.
    pub fn enforce_interface(&self, descriptor: &str) -> Result<(), StatusCode> {
        let _strict_mode_policy = self.read_i32()?;
        let _work_source_uid = self.read_i32()?;
        if wire_format() == WireFormat::Current && self.read_i32()? != INTERFACE_HEADER {
            return Err(StatusCode::BAD_TYPE);
        }
        let Some(units) = self.read_string16_bytes()? else {
            return Err(StatusCode::BAD_TYPE);
        };
        let expected = descriptor.encode_utf16().flat_map(u16::to_le_bytes);
        if units.len() == descriptor.encode_utf16().count() * 2
            && units.iter().copied().eq(expected)
        {
            Ok(())
        } else {
            Err(StatusCode::BAD_TYPE)
        }
    }

    /// `EX_BAD_PARCELABLE` if unread data is left (AOSP `enforceNoDataAvail`).
    pub fn enforce_no_data_avail(&self) -> Result<(), Status> {
        match self.data_avail() {
            0 => Ok(()),
            n => Err(Status::new_exception_str(
                ExceptionCode::BAD_PARCELABLE,
                Some(&format!("Parcel data not fully consumed, unread size: {n}")),
            )),
        }
    }
}

impl fmt::Debug for Parcel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Hex<'a>(&'a [u8]);
        impl fmt::Debug for Hex<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                for (i, b) in self.0.iter().enumerate() {
                    if i > 0 {
                        f.write_str(if i % 4 == 0 { " " } else { "" })?;
                    }
                    write!(f, "{b:02x}")?;
                }
                Ok(())
            }
        }
        f.debug_struct("Parcel")
            .field("data_size", &self.data.len())
            .field("data_position", &self.pos.get())
            .field("objects", &self.objects)
            .field("owned_fds", &self.owned_fds.len())
            .field("data", &Hex(&self.data))
            .finish()
    }
}

/// AOSP's `operator<<` for a parcel (what `service call` prints): `Parcel(` + the bytes in
/// `HexDump`'s layout (little-endian 32-bit words, then the bytes as text; one line up to 32
/// bytes, else 16 bytes per line after their offset), one line per object (its type letters,
/// e.g. `sh*` for a handle, and value) + `)`; `Parcel(NULL)` when empty.
impl fmt::Display for Parcel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Parcel(")?;
        if self.data.is_empty() {
            f.write_str("NULL")?;
        } else {
            write_hex_dump(f, &self.data)?;
        }
        for (i, &offset) in self.objects.iter().enumerate() {
            if let Some(obj) = self.object_at(offset as usize) {
                let t = obj.hdr.type_.to_be_bytes();
                let code: String = t[..3]
                    .iter()
                    .map(|&c| if c.is_ascii_graphic() { c as char } else { '.' })
                    .collect();
                write!(
                    f,
                    "\nObject #{i} @ {offset:#x}: {code} = {:#x}",
                    obj.binder()
                )?;
            }
        }
        f.write_str(")")
    }
}

/// AOSP `HexDump(data, size)` with its defaults: 16 bytes per line, 4-byte words, one line
/// up to 32 bytes.
fn write_hex_dump(f: &mut fmt::Formatter<'_>, data: &[u8]) -> fmt::Result {
    const PER_LINE: usize = 16;
    const ONE_LINE_MAX: usize = 32;
    let one_line = data.len() <= ONE_LINE_MAX;
    let lines: Vec<&[u8]> = if one_line {
        vec![data]
    } else {
        f.write_str("\n")?;
        data.chunks(PER_LINE).collect()
    };
    for (n, line) in lines.iter().enumerate() {
        if !one_line {
            write!(f, "0x{:08x}: ", n * PER_LINE)?;
        }
        let width = if one_line {
            line.len().max(PER_LINE)
        } else {
            PER_LINE
        };
        for w in 0..width.div_ceil(4) {
            if w > 0 {
                f.write_str(" ")?;
            }
            let word = line.get(w * 4..).unwrap_or(&[]);
            let word = &word[..word.len().min(4)];
            // A word is printed as a little-endian number: its last byte first.
            for b in word.iter().rev() {
                write!(f, "{b:02x}")?;
            }
            if !one_line {
                f.write_str(&"  ".repeat(4 - word.len()))?;
            }
        }
        f.write_str(" '")?;
        for &b in line.iter() {
            let c = if (b' '..0x7f).contains(&b) {
                b as char
            } else {
                '.'
            };
            write!(f, "{c}")?;
        }
        f.write_str("'")?;
        if !one_line && n + 1 < lines.len() {
            f.write_str("\n")?;
        }
    }
    Ok(())
}

/// Whether `t` is a `flat_binder_object` type (not an fd, fd array or buffer).
fn is_binder_type(t: u32) -> bool {
    matches!(
        t,
        BINDER_TYPE_BINDER | BINDER_TYPE_HANDLE | BINDER_TYPE_WEAK_BINDER | BINDER_TYPE_WEAK_HANDLE
    )
}

// ---------------------------------------------------------------------------------------------
// The AOSP Rust parcel API (what AIDL-generated code calls)
// ---------------------------------------------------------------------------------------------

/// The most elements an `out` array may be resized to: every element takes at least a byte
/// of a reply, and the driver maps at most 4 MiB.
const MAX_OUT_VEC_LEN: usize = 4 << 20;

/// The most memory the default elements of an `out` array may take (a caller's length must
/// not make a service allocate without bound).
const MAX_OUT_VEC_BYTES: usize = 64 << 20;

impl Parcel {
    /// This parcel lent out (AOSP `Parcel::borrowed`).
    pub fn borrowed(&mut self) -> &mut BorrowedParcel<'_> {
        self
    }

    /// This parcel lent out for reading (AOSP `Parcel::borrowed_ref`).
    pub fn borrowed_ref(&self) -> &BorrowedParcel<'_> {
        self
    }

    /// Writes `value` at the position (AOSP `write`): any [`Serialize`] type.
    pub fn write<S: Serialize + ?Sized>(&mut self, value: &S) -> Result<(), StatusCode> {
        value.serialize(self)
    }

    /// Reads a value at the position (AOSP `read`); the position is the parcel's interior
    /// cursor, so reading needs only `&self`.
    pub fn read<D: Deserialize>(&self) -> Result<D, StatusCode> {
        D::deserialize(self)
    }

    /// Reads a value over `value` (AOSP `read_onto`; `out`/`inout` arguments).
    pub fn read_onto<D: Deserialize>(&self, value: &mut D) -> Result<(), StatusCode> {
        value.deserialize_from(self)
    }

    /// Writes the length of an `out` array, `-1` for null (AOSP `write_slice_size`).
    pub fn write_slice_size<T>(&mut self, slice: Option<&[T]>) -> Result<(), StatusCode> {
        match slice {
            Some(slice) => self.write_i32(len_i32(slice.len())?),
            None => self.write_i32(NULL_LENGTH),
        }
    }

    /// Reads the length written by [`write_slice_size`](Parcel::write_slice_size) and resizes
    /// `out_vec` to it with default elements (AOSP `resize_out_vec`). Null is
    /// `UNEXPECTED_NULL`; a length no reply could carry is `BAD_VALUE`.
    pub fn resize_out_vec<D: Default + Deserialize>(
        &self,
        out_vec: &mut Vec<D>,
    ) -> Result<(), StatusCode> {
        let len = self
            .read_out_vec_len(size_of::<D>())?
            .ok_or(StatusCode::UNEXPECTED_NULL)?;
        out_vec.resize_with(len, D::default);
        Ok(())
    }

    /// As [`resize_out_vec`](Parcel::resize_out_vec) for a `@nullable` array: null gives
    /// `None`.
    pub fn resize_nullable_out_vec<D: Default + Deserialize>(
        &self,
        out_vec: &mut Option<Vec<D>>,
    ) -> Result<(), StatusCode> {
        *out_vec = match self.read_out_vec_len(size_of::<D>())? {
            None => None,
            Some(len) => {
                let mut v = Vec::new();
                v.resize_with(len, D::default);
                Some(v)
            }
        };
        Ok(())
    }

    /// The length of an `out` array of elements of `elem_size` bytes: `None` for null,
    /// `BAD_VALUE` past what a reply could carry or a service should allocate.
    fn read_out_vec_len(&self, elem_size: usize) -> Result<Option<usize>, StatusCode> {
        let len = self.read_i32()?;
        if len < 0 {
            return Ok(None);
        }
        let len = len as usize;
        if len > MAX_OUT_VEC_LEN || len.saturating_mul(elem_size) > MAX_OUT_VEC_BYTES {
            return Err(StatusCode::BAD_VALUE);
        }
        Ok(Some(len))
    }

    /// Writes a sized block (AOSP `sized_write`; structured parcelables): an `i32` size that
    /// counts itself, then what `f` writes.
    pub fn sized_write<F>(&mut self, f: F) -> Result<(), StatusCode>
    where
        F: for<'b> FnOnce(&mut WritableSubParcel<'b>) -> Result<(), StatusCode>,
    {
        let start = self.pos.get();
        self.write_i32(0)?;
        f(&mut WritableSubParcel(self))?;
        let end = self.pos.get();
        self.seek(start)?;
        self.write_i32(len_i32(end - start)?)?;
        self.seek(end)
    }

    /// Reads a sized block written by [`sized_write`](Parcel::sized_write) (AOSP
    /// `sized_read`): `f` reads the fields the sender had (see
    /// [`ReadableSubParcel::has_more_data`]) and the position ends up after the block
    /// whatever `f` read, so a newer sender's extra fields are skipped. A size below 4 is
    /// `BAD_VALUE`, one past the data `NOT_ENOUGH_DATA`.
    pub fn sized_read<F>(&self, f: F) -> Result<(), StatusCode>
    where
        F: for<'b> FnOnce(ReadableSubParcel<'b>) -> Result<(), StatusCode>,
    {
        let start = self.pos.get();
        let size = self.read_i32()?;
        if size < 4 {
            return Err(StatusCode::BAD_VALUE);
        }
        let end = start
            .checked_add(size as usize)
            .ok_or(StatusCode::BAD_VALUE)?;
        if end > self.data.len() {
            return Err(StatusCode::NOT_ENOUGH_DATA);
        }
        f(ReadableSubParcel { parcel: self, end })?;
        self.seek(end)
    }
}

/// The parcel a `sized_write` closure writes the fields of a parcelable to.
pub struct WritableSubParcel<'a>(&'a mut Parcel);

impl WritableSubParcel<'_> {
    /// Writes a field.
    pub fn write<S: Serialize + ?Sized>(&mut self, value: &S) -> Result<(), StatusCode> {
        self.0.write(value)
    }
}

/// The parcel a `sized_read` closure reads the fields of a parcelable from.
pub struct ReadableSubParcel<'a> {
    parcel: &'a Parcel,
    end: usize,
}

impl ReadableSubParcel<'_> {
    /// Reads a field.
    pub fn read<D: Deserialize>(&self) -> Result<D, StatusCode> {
        self.parcel.read()
    }

    /// Reads a field over `value`.
    pub fn read_onto<D: Deserialize>(&self, value: &mut D) -> Result<(), StatusCode> {
        self.parcel.read_onto(value)
    }

    /// Whether the block has fields left (an older sender's parcelable has fewer).
    pub fn has_more_data(&self) -> bool {
        self.parcel.pos.get() < self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use binder_driver::uapi::FLAT_BINDER_FLAG_ACCEPTS_FDS;

    #[test]
    fn a_mapped_buffer_is_read_in_place_and_copied_on_write() {
        let mut bytes = 7i32.to_ne_bytes().to_vec();
        bytes.extend_from_slice(&9i32.to_ne_bytes());
        let buffer: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        let mut p = Parcel::from_mapped(buffer, &[]);
        assert_eq!(p.data_ptr(), buffer.as_ptr(), "no copy to read");
        assert_eq!(p.read_i32().unwrap(), 7);
        p.set_data_size(4).unwrap();
        assert_eq!(p.data_ptr(), buffer.as_ptr(), "no copy to shorten");
        assert_eq!(p.data_size(), 4);
        p.seek(0).unwrap();
        p.write_i32(5).unwrap();
        p.write_i32(6).unwrap();
        assert_ne!(p.data_ptr(), buffer.as_ptr());
        assert_eq!(p.data(), [5i32.to_ne_bytes(), 6i32.to_ne_bytes()].concat());
        assert_eq!(
            buffer[..4],
            7i32.to_ne_bytes(),
            "the mapping is never written"
        );
    }

    fn local_binder(ptr: u64, cookie: u64) -> FlatBinderObject {
        let mut obj = FlatBinderObject::default();
        obj.hdr.type_ = BINDER_TYPE_BINDER;
        obj.flags = FLAT_BINDER_FLAG_ACCEPTS_FDS;
        obj.set_binder(ptr);
        obj.cookie = cookie;
        obj
    }

    #[test]
    fn write_object_records_only_non_null_binders() {
        let mut p = Parcel::new();
        p.write_object(&local_binder(0, 0), false).unwrap();
        assert!(p.objects().is_empty());
        p.write_object(&local_binder(0x1000, 0x2000), false)
            .unwrap();
        assert_eq!(p.objects(), &[24]);
        // A null object with null_meta_data is recorded anyway.
        p.write_object(&local_binder(0, 0), true).unwrap();
        assert_eq!(p.objects(), &[24, 48]);
        assert_eq!(p.data_size(), 72);
    }

    #[test]
    fn read_object_checks_the_objects_list() {
        let mut p = Parcel::new();
        p.write_object(&local_binder(0, 0), false).unwrap();
        p.write_object(&local_binder(0x1000, 0x2000), false)
            .unwrap();
        p.seek(0).unwrap();
        // A null binder needs no record, unless asked with null_meta_data.
        assert_eq!(p.read_object(false).unwrap().binder(), 0);
        p.seek(0).unwrap();
        assert_eq!(p.read_object(true), Err(StatusCode::BAD_TYPE));
        assert_eq!(p.data_position(), 24);
        assert_eq!(p.read_object(false).unwrap().cookie, 0x2000);
        assert_eq!(p.read_object(false), Err(StatusCode::NOT_ENOUGH_DATA));
    }

    #[test]
    fn overwriting_an_object_drops_its_record() {
        let mut p = Parcel::new();
        p.write_i32(7).unwrap();
        p.write_object(&local_binder(0x1000, 0x2000), false)
            .unwrap();
        p.write_i32(8).unwrap();
        assert_eq!(p.objects(), &[4]);
        p.seek(12).unwrap();
        p.write_i32(0).unwrap();
        assert!(p.objects().is_empty());
        // Writing before the object leaves it alone.
        let mut q = Parcel::new();
        q.write_i32(7).unwrap();
        q.write_object(&local_binder(0x1000, 0x2000), false)
            .unwrap();
        q.seek(0).unwrap();
        q.write_i32(9).unwrap();
        assert_eq!(q.objects(), &[4]);
    }

    #[test]
    fn objects_stay_sorted_when_written_out_of_order() {
        let mut p = Parcel::new();
        p.write_raw(&[0u8; 48]).unwrap();
        p.write_object(&local_binder(0x1, 0x1), false).unwrap();
        p.seek(0).unwrap();
        p.write_object(&local_binder(0x2, 0x2), false).unwrap();
        assert_eq!(p.objects(), &[0, 48]);
    }

    #[test]
    fn fd_objects_need_allow_fds() {
        let mut p = Parcel::new();
        assert!(p.push_allow_fds(false));
        let fd = std::fs::File::open("/dev/null").unwrap();
        assert_eq!(
            p.write_file_descriptor(fd.into()),
            Err(StatusCode::FDS_NOT_ALLOWED)
        );
        assert_eq!(p.data_size(), 0);
        p.restore_allow_fds(true);
        assert!(p.allow_fds());
    }

    #[test]
    fn a_sensitive_parcel_keeps_its_data_across_growth() {
        let mut p = Parcel::new();
        p.mark_sensitive();
        for i in 0..1000i32 {
            p.write(&i).unwrap();
        }
        assert!(p.data_capacity() >= 4000);
        p.seek(0).unwrap();
        for i in 0..1000i32 {
            assert_eq!(p.read::<i32>(), Ok(i));
        }
    }

    #[test]
    fn growth_is_bounded_and_padding_zeroed() {
        let mut p = Parcel::new();
        p.write_raw(&[0xff; 3]).unwrap();
        assert_eq!(p.data(), &[0xff, 0xff, 0xff, 0]);
        assert!(p.data_capacity() >= 128);
        assert_eq!(
            p.write_inplace(MAX_SIZE + 1).err(),
            Some(StatusCode::BAD_VALUE)
        );
        p.seek(4).unwrap();
        assert_eq!(
            p.read_inplace(usize::MAX).err(),
            Some(StatusCode::BAD_VALUE)
        );
    }
}
