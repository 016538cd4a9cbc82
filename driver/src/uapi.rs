//! The Binder userspace ABI: a Rust transcription of `include/uapi/linux/android/binder.h`
//! (protocol version 8, 64-bit `binder_size_t`/`binder_uintptr_t` layout) plus the
//! `BINDER_CTL_ADD` part of `include/uapi/linux/android/binderfs.h`.
//!
//! Constants keep their C names, structs are `#[repr(C)]` with the C field names, and every
//! ioctl / `BC_*` / `BR_*` code is computed with the asm-generic `_IOC` encoding from the size of
//! the Rust struct it carries, so layout and code values cannot drift apart.

use core::fmt;
use core::mem::{align_of, size_of};
use core::ptr;

// ---------------------------------------------------------------------------------------------
// Base types, version, helper macros
// ---------------------------------------------------------------------------------------------

/// C `binder_size_t`: a byte count in the 64-bit protocol.
pub type BinderSizeT = u64;
/// C `binder_uintptr_t`: a user-space address or opaque cookie in the 64-bit protocol.
pub type BinderUintptrT = u64;

/// Protocol version reported by `BINDER_VERSION` for the 64-bit layout.
pub const BINDER_CURRENT_PROTOCOL_VERSION: i32 = 8;

/// Last byte of every `BINDER_TYPE_*` value.
pub const B_TYPE_LARGE: u8 = 0x85;

/// C `B_PACK_CHARS`: packs four bytes big-endian-first into a `u32`.
pub const fn b_pack_chars(c1: u8, c2: u8, c3: u8, c4: u8) -> u32 {
    ((c1 as u32) << 24) | ((c2 as u32) << 16) | ((c3 as u32) << 8) | (c4 as u32)
}

// ---------------------------------------------------------------------------------------------
// ioctl encoding (asm-generic `_IOC`)
// ---------------------------------------------------------------------------------------------

/// C `_IOC_NRBITS`: width of the command-number field.
pub const IOC_NRBITS: u32 = 8;
/// C `_IOC_TYPEBITS`: width of the type (magic) field.
pub const IOC_TYPEBITS: u32 = 8;
/// C `_IOC_SIZEBITS`: width of the argument-size field.
pub const IOC_SIZEBITS: u32 = 14;
/// C `_IOC_DIRBITS`: width of the direction field.
pub const IOC_DIRBITS: u32 = 2;

/// C `_IOC_NRSHIFT`: bit position of the command number.
pub const IOC_NRSHIFT: u32 = 0;
/// C `_IOC_TYPESHIFT`: bit position of the type (magic).
pub const IOC_TYPESHIFT: u32 = IOC_NRSHIFT + IOC_NRBITS;
/// C `_IOC_SIZESHIFT`: bit position of the argument size.
pub const IOC_SIZESHIFT: u32 = IOC_TYPESHIFT + IOC_TYPEBITS;
/// C `_IOC_DIRSHIFT`: bit position of the direction.
pub const IOC_DIRSHIFT: u32 = IOC_SIZESHIFT + IOC_SIZEBITS;

/// C `_IOC_NONE`: no argument transfer.
pub const IOC_NONE: u32 = 0;
/// C `_IOC_WRITE`: userspace writes the argument (copy in).
pub const IOC_WRITE: u32 = 1;
/// C `_IOC_READ`: userspace reads the argument (copy out).
pub const IOC_READ: u32 = 2;

/// C `_IOC`: builds a command from direction, type, number and argument size.
pub const fn ioc(dir: u32, ty: u8, nr: u8, size: usize) -> u32 {
    assert!(dir < (1 << IOC_DIRBITS), "ioctl direction out of range");
    assert!(size < (1 << IOC_SIZEBITS), "ioctl argument too large");
    (dir << IOC_DIRSHIFT)
        | ((size as u32) << IOC_SIZESHIFT)
        | ((ty as u32) << IOC_TYPESHIFT)
        | ((nr as u32) << IOC_NRSHIFT)
}

/// C `_IO`: command without an argument.
pub const fn io(ty: u8, nr: u8) -> u32 {
    ioc(IOC_NONE, ty, nr, 0)
}

/// C `_IOR`: command whose argument the kernel writes back to userspace.
pub const fn ior(ty: u8, nr: u8, size: usize) -> u32 {
    ioc(IOC_READ, ty, nr, size)
}

/// C `_IOW`: command whose argument the kernel reads from userspace.
pub const fn iow(ty: u8, nr: u8, size: usize) -> u32 {
    ioc(IOC_WRITE, ty, nr, size)
}

/// C `_IOWR`: command whose argument is read and written back.
pub const fn iowr(ty: u8, nr: u8, size: usize) -> u32 {
    ioc(IOC_READ | IOC_WRITE, ty, nr, size)
}

/// C `_IOC_DIR`: direction bits of a command.
pub const fn ioc_dir(cmd: u32) -> u32 {
    (cmd >> IOC_DIRSHIFT) & ((1 << IOC_DIRBITS) - 1)
}

/// C `_IOC_TYPE`: type (magic) byte of a command.
pub const fn ioc_type(cmd: u32) -> u32 {
    (cmd >> IOC_TYPESHIFT) & ((1 << IOC_TYPEBITS) - 1)
}

/// C `_IOC_NR`: command number of a command.
pub const fn ioc_nr(cmd: u32) -> u32 {
    (cmd >> IOC_NRSHIFT) & ((1 << IOC_NRBITS) - 1)
}

/// C `_IOC_SIZE`: argument size in bytes encoded in a command.
pub const fn ioc_size(cmd: u32) -> u32 {
    (cmd >> IOC_SIZESHIFT) & ((1 << IOC_SIZEBITS) - 1)
}

// ---------------------------------------------------------------------------------------------
// Object types and flags
// ---------------------------------------------------------------------------------------------

/// Strong reference to a node owned by the sender (local pointer in `binder`).
pub const BINDER_TYPE_BINDER: u32 = b_pack_chars(b's', b'b', b'*', B_TYPE_LARGE);
/// Weak reference to a node owned by the sender.
pub const BINDER_TYPE_WEAK_BINDER: u32 = b_pack_chars(b'w', b'b', b'*', B_TYPE_LARGE);
/// Strong reference through a handle (descriptor) of the sender.
pub const BINDER_TYPE_HANDLE: u32 = b_pack_chars(b's', b'h', b'*', B_TYPE_LARGE);
/// Weak reference through a handle (descriptor) of the sender.
pub const BINDER_TYPE_WEAK_HANDLE: u32 = b_pack_chars(b'w', b'h', b'*', B_TYPE_LARGE);
/// A file descriptor to install in the receiver (`binder_fd_object`).
pub const BINDER_TYPE_FD: u32 = b_pack_chars(b'f', b'd', b'*', B_TYPE_LARGE);
/// An array of file descriptors inside a parent buffer (`binder_fd_array_object`).
pub const BINDER_TYPE_FDA: u32 = b_pack_chars(b'f', b'd', b'a', B_TYPE_LARGE);
/// A scatter-gather buffer copied alongside the data (`binder_buffer_object`).
pub const BINDER_TYPE_PTR: u32 = b_pack_chars(b'p', b't', b'*', B_TYPE_LARGE);

/// Low byte of `flat_binder_object.flags`: minimum nice value for the node's handler threads.
pub const FLAT_BINDER_FLAG_PRIORITY_MASK: u32 = 0xff;
/// The node accepts file descriptors in incoming transactions.
pub const FLAT_BINDER_FLAG_ACCEPTS_FDS: u32 = 0x100;
/// Transactions to the node carry the sender's security context (`BR_TRANSACTION_SEC_CTX`).
pub const FLAT_BINDER_FLAG_TXN_SECURITY_CTX: u32 = 0x1000;

/// `binder_buffer_object.flags`: `parent`/`parent_offset` locate a pointer to fix up.
pub const BINDER_BUFFER_FLAG_HAS_PARENT: u32 = 0x01;

// ---------------------------------------------------------------------------------------------
// Transaction flags
// ---------------------------------------------------------------------------------------------

/// Asynchronous (oneway) transaction: no reply expected.
pub const TF_ONE_WAY: u32 = 0x01;
/// Contents are the component's root object (not interpreted by the driver).
pub const TF_ROOT_OBJECT: u32 = 0x04;
/// Contents are a 32-bit status code (not interpreted by the driver).
pub const TF_STATUS_CODE: u32 = 0x08;
/// The reply to this transaction may contain file descriptors.
pub const TF_ACCEPT_FDS: u32 = 0x10;
/// Zero the target buffer when it is freed.
pub const TF_CLEAR_BUF: u32 = 0x20;
/// Oneway to a frozen target may replace an identical older pending oneway.
pub const TF_UPDATE_TXN: u32 = 0x40;
/// Defer transaction complete to userspace (newest UAPI).
pub const TF_DEFER_COMPLETE: u32 = 0x80;

// ---------------------------------------------------------------------------------------------
// Structures
// ---------------------------------------------------------------------------------------------

/// C `struct binder_object_header`: common first word of every object in a transaction buffer.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct BinderObjectHeader {
    /// C field `type` (a `BINDER_TYPE_*` value); renamed because `type` is a Rust keyword.
    pub type_: u32,
}

/// Anonymous union of `flat_binder_object`: local object pointer or remote handle.
///
/// Write it through [`FlatBinderObject::set_binder`] / [`FlatBinderObject::set_handle`] (or
/// through `binder`): a union literal naming only `handle` leaves the upper four bytes
/// uninitialized, which [`Pod::as_bytes`], `Debug` and `PartialEq` must never observe.
#[repr(C)]
#[derive(Clone, Copy)]
pub union FlatBinderObjectUnion {
    /// Local object pointer (`BINDER_TYPE_BINDER`/`WEAK_BINDER`).
    pub binder: BinderUintptrT,
    /// Descriptor of a remote object (`BINDER_TYPE_HANDLE`/`WEAK_HANDLE`).
    pub handle: u32,
}

/// C `struct flat_binder_object`: a binder node or handle embedded in transaction data.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct FlatBinderObject {
    /// Object header; `type_` is one of the `BINDER_TYPE_(WEAK_)BINDER/HANDLE` values.
    pub hdr: BinderObjectHeader,
    /// `FLAT_BINDER_FLAG_*` bits.
    pub flags: u32,
    /// The C anonymous union `{ binder, handle }`; use the accessor methods.
    pub u: FlatBinderObjectUnion,
    /// Extra data associated with a local object.
    pub cookie: BinderUintptrT,
}

/// Anonymous union of `binder_fd_object`: padding word or file descriptor.
///
/// Write it through [`BinderFdObject::set_fd`] (or through `pad_binder`); a union literal
/// naming only `fd` leaves the upper four bytes uninitialized.
#[repr(C)]
#[derive(Clone, Copy)]
pub union BinderFdObjectUnion {
    /// Padding covering the full 64-bit slot.
    pub pad_binder: BinderUintptrT,
    /// The file descriptor.
    pub fd: u32,
}

/// C `struct binder_fd_object`: a file descriptor embedded in transaction data.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct BinderFdObject {
    /// Object header; `type_` is `BINDER_TYPE_FD`.
    pub hdr: BinderObjectHeader,
    /// Unused flags word.
    pub pad_flags: u32,
    /// The C anonymous union `{ pad_binder, fd }`; use the accessor methods.
    pub u: BinderFdObjectUnion,
    /// Extra data passed through untouched.
    pub cookie: BinderUintptrT,
}

/// C `struct binder_buffer_object`: a scatter-gather buffer, optionally pointed to by a parent.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct BinderBufferObject {
    /// Object header; `type_` is `BINDER_TYPE_PTR`.
    pub hdr: BinderObjectHeader,
    /// `BINDER_BUFFER_FLAG_*` bits.
    pub flags: u32,
    /// Sender address of the buffer (rewritten to the receiver's address).
    pub buffer: BinderUintptrT,
    /// Length of the buffer in bytes.
    pub length: BinderSizeT,
    /// Index in the offsets array of the parent buffer object.
    pub parent: BinderSizeT,
    /// Offset inside the parent buffer of the pointer to this buffer.
    pub parent_offset: BinderSizeT,
}

/// C `struct binder_fd_array_object`: an array of fds stored inside a parent buffer object.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct BinderFdArrayObject {
    /// Object header; `type_` is `BINDER_TYPE_FDA`.
    pub hdr: BinderObjectHeader,
    /// Unused padding word.
    pub pad: u32,
    /// Number of 32-bit fds in the array.
    pub num_fds: BinderSizeT,
    /// Index in the offsets array of the parent buffer object.
    pub parent: BinderSizeT,
    /// Offset of the fd array inside the parent buffer.
    pub parent_offset: BinderSizeT,
}

/// C `struct binder_write_read`: argument of `BINDER_WRITE_READ`.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct BinderWriteRead {
    /// Bytes of commands available in `write_buffer`.
    pub write_size: BinderSizeT,
    /// Bytes of commands consumed by the driver.
    pub write_consumed: BinderSizeT,
    /// User address of the `BC_*` command stream.
    pub write_buffer: BinderUintptrT,
    /// Bytes available in `read_buffer`.
    pub read_size: BinderSizeT,
    /// Bytes of returns filled in by the driver.
    pub read_consumed: BinderSizeT,
    /// User address of the `BR_*` return buffer.
    pub read_buffer: BinderUintptrT,
}

/// C `struct binder_version`: argument of `BINDER_VERSION`.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct BinderVersion {
    /// Driver protocol version (`BINDER_CURRENT_PROTOCOL_VERSION`).
    pub protocol_version: i32,
}

/// C union `binder_transaction_data.target`: handle (sending) or node pointer (receiving).
///
/// Write it through [`BinderTransactionData::set_target_handle`] /
/// [`BinderTransactionData::set_target_ptr`] (or through `ptr`); a union literal naming only
/// `handle` leaves the upper four bytes uninitialized.
#[repr(C)]
#[derive(Clone, Copy)]
pub union BinderTransactionDataTarget {
    /// Target descriptor for `BC_TRANSACTION`.
    pub handle: u32,
    /// Target node pointer delivered with `BR_TRANSACTION`.
    pub ptr: BinderUintptrT,
}

/// C anonymous struct `binder_transaction_data.data.ptr`: addresses of data and offsets.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct BinderTransactionDataPtr {
    /// Address of the transaction data.
    pub buffer: BinderUintptrT,
    /// Address of the array of object offsets.
    pub offsets: BinderUintptrT,
}

/// C union `binder_transaction_data.data`: buffer/offsets pointers or 8 inline bytes.
///
/// Write it through [`BinderTransactionData::set_data_ptr`] (or through `ptr`); a union literal
/// naming only `buf` leaves the upper eight bytes uninitialized.
#[repr(C)]
#[derive(Clone, Copy)]
pub union BinderTransactionDataData {
    /// Data and offsets addresses.
    pub ptr: BinderTransactionDataPtr,
    /// Inline payload bytes (unused by the driver).
    pub buf: [u8; 8],
}

/// C `struct binder_transaction_data`: payload of `BC_TRANSACTION`/`BC_REPLY`/`BR_TRANSACTION`/`BR_REPLY`.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct BinderTransactionData {
    /// Target handle or node pointer; use the accessor methods.
    pub target: BinderTransactionDataTarget,
    /// Target node cookie (receiving side).
    pub cookie: BinderUintptrT,
    /// Transaction command code, interpreted by the target.
    pub code: u32,
    /// `TF_*` bits.
    pub flags: u32,
    /// Sender process id (`__kernel_pid_t`; 0 for oneway).
    pub sender_pid: i32,
    /// Sender effective uid (`__kernel_uid32_t`).
    pub sender_euid: u32,
    /// Number of bytes of data.
    pub data_size: BinderSizeT,
    /// Number of bytes of object offsets.
    pub offsets_size: BinderSizeT,
    /// Data pointers; use the accessor methods.
    pub data: BinderTransactionDataData,
}

/// C `struct binder_transaction_data_secctx`: `BR_TRANSACTION_SEC_CTX` payload.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct BinderTransactionDataSecctx {
    /// The transaction itself.
    pub transaction_data: BinderTransactionData,
    /// Receiver address of the sender's security context string.
    pub secctx: BinderUintptrT,
}

/// C `struct binder_transaction_data_sg`: `BC_TRANSACTION_SG`/`BC_REPLY_SG` payload.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct BinderTransactionDataSg {
    /// The transaction itself.
    pub transaction_data: BinderTransactionData,
    /// Total size of the scatter-gather buffers (multiple of 8).
    pub buffers_size: BinderSizeT,
}

/// C `struct binder_ptr_cookie`: a node's pointer and cookie (refcount commands).
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct BinderPtrCookie {
    /// Node pointer.
    pub ptr: BinderUintptrT,
    /// Node cookie.
    pub cookie: BinderUintptrT,
}

/// C `struct binder_handle_cookie` (`__packed`): a handle and a user cookie.
#[repr(C, packed)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct BinderHandleCookie {
    /// Descriptor of the referenced object.
    pub handle: u32,
    /// User cookie echoed back in notifications.
    pub cookie: BinderUintptrT,
}

/// C `struct binder_pri_desc`: a priority and a descriptor (`BC_ATTEMPT_ACQUIRE`).
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct BinderPriDesc {
    /// Priority (nice value).
    pub priority: i32,
    /// Descriptor.
    pub desc: u32,
}

/// C `struct binder_pri_ptr_cookie`: priority, pointer and cookie (`BR_ATTEMPT_ACQUIRE`).
///
/// Not [`Pod`]: it has four padding bytes after `priority`.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct BinderPriPtrCookie {
    /// Priority (nice value).
    pub priority: i32,
    /// Node pointer.
    pub ptr: BinderUintptrT,
    /// Node cookie.
    pub cookie: BinderUintptrT,
}

/// C `struct binder_node_debug_info`: argument of `BINDER_GET_NODE_DEBUG_INFO`.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct BinderNodeDebugInfo {
    /// In: search strictly above this pointer; out: the node's pointer.
    pub ptr: BinderUintptrT,
    /// The node's cookie.
    pub cookie: BinderUintptrT,
    /// Whether the node holds a strong reference.
    pub has_strong_ref: u32,
    /// Whether the node holds a weak reference.
    pub has_weak_ref: u32,
}

/// C `struct binder_node_info_for_ref`: argument of `BINDER_GET_NODE_INFO_FOR_REF`.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct BinderNodeInfoForRef {
    /// In: descriptor to look up.
    pub handle: u32,
    /// Out: the node's strong reference count.
    pub strong_count: u32,
    /// Out: the node's weak reference count.
    pub weak_count: u32,
    /// Reserved, must be zero.
    pub reserved1: u32,
    /// Reserved, must be zero.
    pub reserved2: u32,
    /// Reserved, must be zero.
    pub reserved3: u32,
}

/// C `struct binder_freeze_info`: argument of `BINDER_FREEZE`.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct BinderFreezeInfo {
    /// Process to freeze or unfreeze.
    pub pid: u32,
    /// Non-zero to freeze, zero to unfreeze.
    pub enable: u32,
    /// Time to wait for outstanding transactions, in milliseconds.
    pub timeout_ms: u32,
}

/// C `struct binder_frozen_status_info`: argument of `BINDER_GET_FROZEN_INFO`.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct BinderFrozenStatusInfo {
    /// Process to query.
    pub pid: u32,
    /// Bit 0: sync transaction received while frozen; bit 1: sync transaction pending.
    pub sync_recv: u32,
    /// Non-zero if an async transaction was received while frozen.
    pub async_recv: u32,
}

/// C `struct binder_frozen_state_info`: `BR_FROZEN_BINDER` payload.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct BinderFrozenStateInfo {
    /// Cookie given in `BC_REQUEST_FREEZE_NOTIFICATION`.
    pub cookie: BinderUintptrT,
    /// Non-zero if the process is now frozen.
    pub is_frozen: u32,
    /// Reserved, always zero.
    pub reserved: u32,
}

/// C `struct binder_extended_error`: argument of `BINDER_GET_EXTENDED_ERROR`.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct BinderExtendedError {
    /// Debug id of the failed transaction.
    pub id: u32,
    /// `BR_*` code returned for the failure (`BR_OK` when none).
    pub command: u32,
    /// Negative errno of the failure.
    pub param: i32,
}

/// C `BINDERFS_MAX_NAME`: longest binderfs device name, excluding the NUL.
pub const BINDERFS_MAX_NAME: usize = 255;

/// C `struct binderfs_device`: argument of `BINDER_CTL_ADD`.
#[repr(C)]
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct BinderfsDevice {
    /// NUL-terminated device name (C `char[]`).
    pub name: [u8; BINDERFS_MAX_NAME + 1],
    /// Out: device major number.
    pub major: u32,
    /// Out: device minor number.
    pub minor: u32,
}

// ---------------------------------------------------------------------------------------------
// Manual trait impls for unions and large arrays
// ---------------------------------------------------------------------------------------------

impl Default for FlatBinderObjectUnion {
    fn default() -> Self {
        Self { binder: 0 }
    }
}

impl fmt::Debug for FlatBinderObjectUnion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // SAFETY: `binder` spans the whole union and every bit pattern is a valid `u64`.
        let binder = unsafe { self.binder };
        f.debug_struct("FlatBinderObjectUnion")
            .field("binder", &binder)
            .finish()
    }
}

impl PartialEq for FlatBinderObjectUnion {
    fn eq(&self, other: &Self) -> bool {
        // SAFETY: `binder` spans the whole union and every bit pattern is a valid `u64`.
        unsafe { self.binder == other.binder }
    }
}

impl Eq for FlatBinderObjectUnion {}

impl Default for BinderFdObjectUnion {
    fn default() -> Self {
        Self { pad_binder: 0 }
    }
}

impl fmt::Debug for BinderFdObjectUnion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // SAFETY: `pad_binder` spans the whole union and every bit pattern is a valid `u64`.
        let pad_binder = unsafe { self.pad_binder };
        f.debug_struct("BinderFdObjectUnion")
            .field("pad_binder", &pad_binder)
            .finish()
    }
}

impl PartialEq for BinderFdObjectUnion {
    fn eq(&self, other: &Self) -> bool {
        // SAFETY: `pad_binder` spans the whole union and every bit pattern is a valid `u64`.
        unsafe { self.pad_binder == other.pad_binder }
    }
}

impl Eq for BinderFdObjectUnion {}

impl Default for BinderTransactionDataTarget {
    fn default() -> Self {
        Self { ptr: 0 }
    }
}

impl fmt::Debug for BinderTransactionDataTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // SAFETY: `ptr` spans the whole union and every bit pattern is a valid `u64`.
        let ptr = unsafe { self.ptr };
        f.debug_struct("BinderTransactionDataTarget")
            .field("ptr", &ptr)
            .finish()
    }
}

impl PartialEq for BinderTransactionDataTarget {
    fn eq(&self, other: &Self) -> bool {
        // SAFETY: `ptr` spans the whole union and every bit pattern is a valid `u64`.
        unsafe { self.ptr == other.ptr }
    }
}

impl Eq for BinderTransactionDataTarget {}

impl Default for BinderTransactionDataData {
    fn default() -> Self {
        Self {
            ptr: BinderTransactionDataPtr::default(),
        }
    }
}

impl fmt::Debug for BinderTransactionDataData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // SAFETY: `ptr` spans the whole union and every bit pattern is valid for it.
        let ptr = unsafe { self.ptr };
        f.debug_struct("BinderTransactionDataData")
            .field("ptr", &ptr)
            .finish()
    }
}

impl PartialEq for BinderTransactionDataData {
    fn eq(&self, other: &Self) -> bool {
        // SAFETY: `ptr` spans the whole union and every bit pattern is valid for it.
        unsafe { self.ptr == other.ptr }
    }
}

impl Eq for BinderTransactionDataData {}

impl Default for BinderfsDevice {
    fn default() -> Self {
        Self {
            name: [0; BINDERFS_MAX_NAME + 1],
            major: 0,
            minor: 0,
        }
    }
}

impl fmt::Debug for BinderfsDevice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let len = self
            .name
            .iter()
            .position(|&b| b == 0)
            .unwrap_or(self.name.len());
        f.debug_struct("BinderfsDevice")
            .field("name", &String::from_utf8_lossy(&self.name[..len]))
            .field("major", &self.major)
            .field("minor", &self.minor)
            .finish()
    }
}

// ---------------------------------------------------------------------------------------------
// Safe union accessors
// ---------------------------------------------------------------------------------------------

impl FlatBinderObject {
    /// Local object pointer (`binder` member of the union).
    pub fn binder(&self) -> u64 {
        // SAFETY: `binder` spans the whole union and every bit pattern is a valid `u64`.
        unsafe { self.u.binder }
    }

    /// Remote descriptor (`handle` member of the union).
    pub fn handle(&self) -> u32 {
        // SAFETY: every bit pattern is a valid `u32`.
        unsafe { self.u.handle }
    }

    /// Stores a local object pointer.
    pub fn set_binder(&mut self, binder: u64) {
        self.u = FlatBinderObjectUnion { binder };
    }

    /// Stores a remote descriptor, zeroing the rest of the 64-bit slot.
    pub fn set_handle(&mut self, handle: u32) {
        self.u = FlatBinderObjectUnion { binder: 0 };
        self.u.handle = handle;
    }
}

impl BinderFdObject {
    /// The file descriptor (`fd` member of the union).
    pub fn fd(&self) -> u32 {
        // SAFETY: every bit pattern is a valid `u32`.
        unsafe { self.u.fd }
    }

    /// Stores a file descriptor, zeroing the rest of the 64-bit slot.
    pub fn set_fd(&mut self, fd: u32) {
        self.u = BinderFdObjectUnion { pad_binder: 0 };
        self.u.fd = fd;
    }
}

impl BinderTransactionData {
    /// Target descriptor (`target.handle`).
    pub fn target_handle(&self) -> u32 {
        // SAFETY: every bit pattern is a valid `u32`.
        unsafe { self.target.handle }
    }

    /// Target node pointer (`target.ptr`).
    pub fn target_ptr(&self) -> u64 {
        // SAFETY: `ptr` spans the whole union and every bit pattern is a valid `u64`.
        unsafe { self.target.ptr }
    }

    /// Stores a target descriptor, zeroing the rest of the 64-bit slot.
    pub fn set_target_handle(&mut self, handle: u32) {
        self.target = BinderTransactionDataTarget { ptr: 0 };
        self.target.handle = handle;
    }

    /// Stores a target node pointer.
    pub fn set_target_ptr(&mut self, ptr: u64) {
        self.target = BinderTransactionDataTarget { ptr };
    }

    /// Address of the transaction data (`data.ptr.buffer`).
    pub fn data_buffer(&self) -> u64 {
        // SAFETY: `ptr` spans the whole union and every bit pattern is valid for it.
        unsafe { self.data.ptr.buffer }
    }

    /// Address of the offsets array (`data.ptr.offsets`).
    pub fn data_offsets(&self) -> u64 {
        // SAFETY: `ptr` spans the whole union and every bit pattern is valid for it.
        unsafe { self.data.ptr.offsets }
    }

    /// Stores the data and offsets addresses.
    pub fn set_data_ptr(&mut self, buffer: u64, offsets: u64) {
        self.data = BinderTransactionDataData {
            ptr: BinderTransactionDataPtr { buffer, offsets },
        };
    }
}

// ---------------------------------------------------------------------------------------------
// ioctls, return codes, command codes
// ---------------------------------------------------------------------------------------------

/// Write commands, then read returns (`struct binder_write_read`).
pub const BINDER_WRITE_READ: u32 = iowr(b'b', 1, size_of::<BinderWriteRead>());
/// Set idle timeout (`__s64`); not implemented by the driver.
pub const BINDER_SET_IDLE_TIMEOUT: u32 = iow(b'b', 3, size_of::<i64>());
/// Set the maximum number of driver-requested looper threads (`__u32`).
pub const BINDER_SET_MAX_THREADS: u32 = iow(b'b', 5, size_of::<u32>());
/// Set idle priority (`__s32`); not implemented by the driver.
pub const BINDER_SET_IDLE_PRIORITY: u32 = iow(b'b', 6, size_of::<i32>());
/// Become the context manager (handle 0) with a null node (`__s32`, ignored).
pub const BINDER_SET_CONTEXT_MGR: u32 = iow(b'b', 7, size_of::<i32>());
/// Release the calling thread (`__s32`, ignored).
pub const BINDER_THREAD_EXIT: u32 = iow(b'b', 8, size_of::<i32>());
/// Query the protocol version (`struct binder_version`).
pub const BINDER_VERSION: u32 = iowr(b'b', 9, size_of::<BinderVersion>());
/// Iterate over the caller's nodes (`struct binder_node_debug_info`).
pub const BINDER_GET_NODE_DEBUG_INFO: u32 = iowr(b'b', 11, size_of::<BinderNodeDebugInfo>());
/// Query counts of the node behind a handle (`struct binder_node_info_for_ref`).
pub const BINDER_GET_NODE_INFO_FOR_REF: u32 = iowr(b'b', 12, size_of::<BinderNodeInfoForRef>());
/// Become the context manager with a given node (`struct flat_binder_object`).
pub const BINDER_SET_CONTEXT_MGR_EXT: u32 = iow(b'b', 13, size_of::<FlatBinderObject>());
/// Freeze or unfreeze a process (`struct binder_freeze_info`).
pub const BINDER_FREEZE: u32 = iow(b'b', 14, size_of::<BinderFreezeInfo>());
/// Query what a frozen process received (`struct binder_frozen_status_info`).
pub const BINDER_GET_FROZEN_INFO: u32 = iowr(b'b', 15, size_of::<BinderFrozenStatusInfo>());
/// Enable `BR_ONEWAY_SPAM_SUSPECT` reporting (`__u32`).
pub const BINDER_ENABLE_ONEWAY_SPAM_DETECTION: u32 = iow(b'b', 16, size_of::<u32>());
/// Fetch and reset the thread's last error (`struct binder_extended_error`).
pub const BINDER_GET_EXTENDED_ERROR: u32 = iowr(b'b', 17, size_of::<BinderExtendedError>());
/// binderfs `binder-control`: create a new device (`struct binderfs_device`).
pub const BINDER_CTL_ADD: u32 = iowr(b'b', 1, size_of::<BinderfsDevice>());

/// Error return (nominally carries an `__s32`).
pub const BR_ERROR: u32 = ior(b'r', 0, size_of::<i32>());
/// No error (used internally, never sent).
pub const BR_OK: u32 = io(b'r', 1);
/// Incoming transaction with security context (`struct binder_transaction_data_secctx`).
pub const BR_TRANSACTION_SEC_CTX: u32 = ior(b'r', 2, size_of::<BinderTransactionDataSecctx>());
/// Incoming transaction (`struct binder_transaction_data`).
pub const BR_TRANSACTION: u32 = ior(b'r', 2, size_of::<BinderTransactionData>());
/// Incoming reply (`struct binder_transaction_data`).
pub const BR_REPLY: u32 = ior(b'r', 3, size_of::<BinderTransactionData>());
/// Result of an attempt-acquire (`__s32`); never sent.
pub const BR_ACQUIRE_RESULT: u32 = ior(b'r', 4, size_of::<i32>());
/// The target of a transaction is dead.
pub const BR_DEAD_REPLY: u32 = io(b'r', 5);
/// A `BC_TRANSACTION`/`BC_REPLY` was accepted.
pub const BR_TRANSACTION_COMPLETE: u32 = io(b'r', 6);
/// Take a weak reference on a local node (`struct binder_ptr_cookie`).
pub const BR_INCREFS: u32 = ior(b'r', 7, size_of::<BinderPtrCookie>());
/// Take a strong reference on a local node (`struct binder_ptr_cookie`).
pub const BR_ACQUIRE: u32 = ior(b'r', 8, size_of::<BinderPtrCookie>());
/// Drop a strong reference on a local node (`struct binder_ptr_cookie`).
pub const BR_RELEASE: u32 = ior(b'r', 9, size_of::<BinderPtrCookie>());
/// Drop a weak reference on a local node (`struct binder_ptr_cookie`).
pub const BR_DECREFS: u32 = ior(b'r', 10, size_of::<BinderPtrCookie>());
/// Attempt to acquire a strong reference (`struct binder_pri_ptr_cookie`); never sent.
pub const BR_ATTEMPT_ACQUIRE: u32 = ior(b'r', 11, size_of::<BinderPriPtrCookie>());
/// No operation (read-buffer placeholder).
pub const BR_NOOP: u32 = io(b'r', 12);
/// The driver asks userspace to start a new looper thread.
pub const BR_SPAWN_LOOPER: u32 = io(b'r', 13);
/// Finished; never sent.
pub const BR_FINISHED: u32 = io(b'r', 14);
/// A watched object died (`binder_uintptr_t` cookie).
pub const BR_DEAD_BINDER: u32 = ior(b'r', 15, size_of::<BinderUintptrT>());
/// A death notification was cleared (`binder_uintptr_t` cookie).
pub const BR_CLEAR_DEATH_NOTIFICATION_DONE: u32 = ior(b'r', 16, size_of::<BinderUintptrT>());
/// The transaction failed.
pub const BR_FAILED_REPLY: u32 = io(b'r', 17);
/// The target process is frozen.
pub const BR_FROZEN_REPLY: u32 = io(b'r', 18);
/// Oneway accepted, but the sender looks like it is spamming.
pub const BR_ONEWAY_SPAM_SUSPECT: u32 = io(b'r', 19);
/// Oneway accepted and queued to a frozen target.
pub const BR_TRANSACTION_PENDING_FROZEN: u32 = io(b'r', 20);
/// Freeze state of a watched process changed (`struct binder_frozen_state_info`).
pub const BR_FROZEN_BINDER: u32 = ior(b'r', 21, size_of::<BinderFrozenStateInfo>());
/// A freeze notification was cleared (`binder_uintptr_t` cookie).
pub const BR_CLEAR_FREEZE_NOTIFICATION_DONE: u32 = ior(b'r', 22, size_of::<BinderUintptrT>());

/// Send a transaction (`struct binder_transaction_data`).
pub const BC_TRANSACTION: u32 = iow(b'c', 0, size_of::<BinderTransactionData>());
/// Send a reply (`struct binder_transaction_data`).
pub const BC_REPLY: u32 = iow(b'c', 1, size_of::<BinderTransactionData>());
/// Attempt-acquire result (`__s32`); unsupported.
pub const BC_ACQUIRE_RESULT: u32 = iow(b'c', 2, size_of::<i32>());
/// Free a received buffer (`binder_uintptr_t` address).
pub const BC_FREE_BUFFER: u32 = iow(b'c', 3, size_of::<BinderUintptrT>());
/// Increment a handle's weak count (`__u32` handle).
pub const BC_INCREFS: u32 = iow(b'c', 4, size_of::<u32>());
/// Increment a handle's strong count (`__u32` handle).
pub const BC_ACQUIRE: u32 = iow(b'c', 5, size_of::<u32>());
/// Decrement a handle's strong count (`__u32` handle).
pub const BC_RELEASE: u32 = iow(b'c', 6, size_of::<u32>());
/// Decrement a handle's weak count (`__u32` handle).
pub const BC_DECREFS: u32 = iow(b'c', 7, size_of::<u32>());
/// Acknowledge a `BR_INCREFS` (`struct binder_ptr_cookie`).
pub const BC_INCREFS_DONE: u32 = iow(b'c', 8, size_of::<BinderPtrCookie>());
/// Acknowledge a `BR_ACQUIRE` (`struct binder_ptr_cookie`).
pub const BC_ACQUIRE_DONE: u32 = iow(b'c', 9, size_of::<BinderPtrCookie>());
/// Attempt to acquire a strong reference (`struct binder_pri_desc`); unsupported.
pub const BC_ATTEMPT_ACQUIRE: u32 = iow(b'c', 10, size_of::<BinderPriDesc>());
/// Register a thread started in response to `BR_SPAWN_LOOPER`.
pub const BC_REGISTER_LOOPER: u32 = io(b'c', 11);
/// Mark a user-started thread as a looper.
pub const BC_ENTER_LOOPER: u32 = io(b'c', 12);
/// A looper thread is leaving the loop.
pub const BC_EXIT_LOOPER: u32 = io(b'c', 13);
/// Watch a handle for death (`struct binder_handle_cookie`).
pub const BC_REQUEST_DEATH_NOTIFICATION: u32 = iow(b'c', 14, size_of::<BinderHandleCookie>());
/// Stop watching a handle for death (`struct binder_handle_cookie`).
pub const BC_CLEAR_DEATH_NOTIFICATION: u32 = iow(b'c', 15, size_of::<BinderHandleCookie>());
/// Acknowledge a `BR_DEAD_BINDER` (`binder_uintptr_t` cookie).
pub const BC_DEAD_BINDER_DONE: u32 = iow(b'c', 16, size_of::<BinderUintptrT>());
/// Send a scatter-gather transaction (`struct binder_transaction_data_sg`).
pub const BC_TRANSACTION_SG: u32 = iow(b'c', 17, size_of::<BinderTransactionDataSg>());
/// Send a scatter-gather reply (`struct binder_transaction_data_sg`).
pub const BC_REPLY_SG: u32 = iow(b'c', 18, size_of::<BinderTransactionDataSg>());
/// Watch a handle's process for freeze changes (`struct binder_handle_cookie`).
pub const BC_REQUEST_FREEZE_NOTIFICATION: u32 = iow(b'c', 19, size_of::<BinderHandleCookie>());
/// Stop watching for freeze changes (`struct binder_handle_cookie`).
pub const BC_CLEAR_FREEZE_NOTIFICATION: u32 = iow(b'c', 20, size_of::<BinderHandleCookie>());
/// Acknowledge a `BR_FROZEN_BINDER` (`binder_uintptr_t` cookie).
pub const BC_FREEZE_NOTIFICATION_DONE: u32 = iow(b'c', 21, size_of::<BinderUintptrT>());

// ---------------------------------------------------------------------------------------------
// Byte conversion
// ---------------------------------------------------------------------------------------------

/// Plain-old-data types that can be viewed as bytes and read back from arbitrary bytes.
///
/// # Safety
///
/// Implement only for types that have no padding bytes (every byte of a value is initialized)
/// and for which every bit pattern of `size_of::<Self>()` bytes is a valid value. For the
/// union-carrying structs this additionally relies on unions being written through their
/// widest member or the provided setters, never through a union literal naming a narrower
/// member.
pub unsafe trait Pod: Copy + 'static {
    /// Views the value as its raw bytes (native endianness).
    fn as_bytes(&self) -> &[u8] {
        // SAFETY: `Self: Pod` guarantees all `size_of::<Self>()` bytes are initialized, and the
        // slice borrows `self`, so it stays valid for its lifetime.
        unsafe { core::slice::from_raw_parts(self as *const Self as *const u8, size_of::<Self>()) }
    }

    /// Reads a value from the start of `bytes` (any alignment); `None` if too short.
    fn from_bytes(bytes: &[u8]) -> Option<Self> {
        if bytes.len() < size_of::<Self>() {
            return None;
        }
        // SAFETY: the slice holds at least `size_of::<Self>()` readable bytes,
        // `read_unaligned` tolerates any alignment, and `Self: Pod` makes every bit pattern valid.
        Some(unsafe { ptr::read_unaligned(bytes.as_ptr() as *const Self) })
    }
}

macro_rules! impl_pod {
    ($($t:ty),* $(,)?) => {
        $(
            // SAFETY: checked layout below (no padding) and only integer / integer-union fields.
            unsafe impl Pod for $t {}
        )*
    };
}

impl_pod!(
    u32,
    i32,
    u64,
    BinderObjectHeader,
    FlatBinderObject,
    BinderFdObject,
    BinderBufferObject,
    BinderFdArrayObject,
    BinderWriteRead,
    BinderVersion,
    BinderTransactionData,
    BinderTransactionDataSecctx,
    BinderTransactionDataSg,
    BinderPtrCookie,
    BinderHandleCookie,
    BinderPriDesc,
    BinderNodeDebugInfo,
    BinderNodeInfoForRef,
    BinderFreezeInfo,
    BinderFrozenStatusInfo,
    BinderFrozenStateInfo,
    BinderExtendedError,
    BinderfsDevice,
);

// ---------------------------------------------------------------------------------------------
// Layout assertions (x86_64 / LP64 sizes from the UAPI)
// ---------------------------------------------------------------------------------------------

const _: () =
    assert!(size_of::<BinderObjectHeader>() == 4 && align_of::<BinderObjectHeader>() == 4);
const _: () = assert!(size_of::<FlatBinderObjectUnion>() == 8);
const _: () = assert!(size_of::<FlatBinderObject>() == 24 && align_of::<FlatBinderObject>() == 8);
const _: () = assert!(size_of::<BinderFdObjectUnion>() == 8);
const _: () = assert!(size_of::<BinderFdObject>() == 24 && align_of::<BinderFdObject>() == 8);
const _: () =
    assert!(size_of::<BinderBufferObject>() == 40 && align_of::<BinderBufferObject>() == 8);
const _: () =
    assert!(size_of::<BinderFdArrayObject>() == 32 && align_of::<BinderFdArrayObject>() == 8);
const _: () = assert!(size_of::<BinderWriteRead>() == 48 && align_of::<BinderWriteRead>() == 8);
const _: () = assert!(size_of::<BinderVersion>() == 4 && align_of::<BinderVersion>() == 4);
const _: () = assert!(size_of::<BinderTransactionDataTarget>() == 8);
const _: () = assert!(size_of::<BinderTransactionDataData>() == 16);
const _: () =
    assert!(size_of::<BinderTransactionData>() == 64 && align_of::<BinderTransactionData>() == 8);
const _: () = assert!(size_of::<BinderTransactionDataSecctx>() == 72);
const _: () = assert!(size_of::<BinderTransactionDataSg>() == 72);
const _: () = assert!(size_of::<BinderPtrCookie>() == 16 && align_of::<BinderPtrCookie>() == 8);
const _: () =
    assert!(size_of::<BinderHandleCookie>() == 12 && align_of::<BinderHandleCookie>() == 1);
const _: () = assert!(size_of::<BinderPriDesc>() == 8 && align_of::<BinderPriDesc>() == 4);
const _: () =
    assert!(size_of::<BinderPriPtrCookie>() == 24 && align_of::<BinderPriPtrCookie>() == 8);
const _: () =
    assert!(size_of::<BinderNodeDebugInfo>() == 24 && align_of::<BinderNodeDebugInfo>() == 8);
const _: () =
    assert!(size_of::<BinderNodeInfoForRef>() == 24 && align_of::<BinderNodeInfoForRef>() == 4);
const _: () = assert!(size_of::<BinderFreezeInfo>() == 12 && align_of::<BinderFreezeInfo>() == 4);
const _: () =
    assert!(size_of::<BinderFrozenStatusInfo>() == 12 && align_of::<BinderFrozenStatusInfo>() == 4);
const _: () =
    assert!(size_of::<BinderFrozenStateInfo>() == 16 && align_of::<BinderFrozenStateInfo>() == 8);
const _: () =
    assert!(size_of::<BinderExtendedError>() == 12 && align_of::<BinderExtendedError>() == 4);
const _: () = assert!(size_of::<BinderfsDevice>() == 264 && align_of::<BinderfsDevice>() == 4);
