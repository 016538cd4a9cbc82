//! Binder errors: the transport-level [`StatusCode`] (`status_t` from AOSP `utils/Errors.h`),
//! the AIDL [`ExceptionCode`] and the [`Status`] a service returns at the head of every AIDL
//! reply (AOSP `binder::Status`, `libs/binder/Status.cpp`).
//!
//! Conventions, as in the AOSP Rust binder crate:
//!
//! - Parcel operations and transactions fail with a [`StatusCode`]
//!   (`std::result::Result<T, StatusCode>`).
//! - AIDL methods return [`Result<T>`](Result), that is `Result<T, Status>`. A `StatusCode`
//!   converts into a `Status` (`EX_TRANSACTION_FAILED` carrying the code), so `?` on a parcel
//!   operation works inside an AIDL method.
//! - A successful `Status` converts into `Ok(())` ([`Status::into_result`]).

use std::error;
use std::ffi::CStr;
use std::fmt;

use crate::parcel::Parcel;

/// A binder result: `Result<T, Status>` by default, `Result<T, StatusCode>` when spelled out.
pub type Result<T, E = Status> = std::result::Result<T, E>;

/// The libutils `UNKNOWN_ERROR` value (`INT32_MIN`) the other `UNKNOWN_ERROR + n` codes build on.
const UNKNOWN_ERROR_BASE: i32 = i32::MIN;

/// Low-level status codes: AOSP `status_t` (`system/core/libutils/include/utils/Errors.h`,
/// the Linux values).
///
/// The variant names keep their C spelling, as in the AOSP Rust binder crate.
#[allow(non_camel_case_types)]
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StatusCode {
    /// Everything is fine (`OK`, alias `NO_ERROR`).
    OK = 0,
    /// An error without a more specific code (`INT32_MIN`).
    UNKNOWN_ERROR = UNKNOWN_ERROR_BASE,
    /// Out of memory (`-ENOMEM`).
    NO_MEMORY = -libc::ENOMEM,
    /// The operation is not supported (`-ENOSYS`).
    INVALID_OPERATION = -libc::ENOSYS,
    /// An argument or a value read from a parcel is invalid (`-EINVAL`).
    BAD_VALUE = -libc::EINVAL,
    /// A value has the wrong type, e.g. a non-object where an object was expected
    /// (`UNKNOWN_ERROR + 1`).
    BAD_TYPE = UNKNOWN_ERROR_BASE + 1,
    /// Not found (`-ENOENT`).
    NAME_NOT_FOUND = -libc::ENOENT,
    /// Not permitted (`-EPERM`); also a plain read over a binder object's bytes.
    PERMISSION_DENIED = -libc::EPERM,
    /// Not initialized (`-ENODEV`).
    NO_INIT = -libc::ENODEV,
    /// Already exists (`-EEXIST`).
    ALREADY_EXISTS = -libc::EEXIST,
    /// The remote object is dead (`-EPIPE`).
    DEAD_OBJECT = -libc::EPIPE,
    /// The transaction failed in the driver (`UNKNOWN_ERROR + 2`).
    FAILED_TRANSACTION = UNKNOWN_ERROR_BASE + 2,
    /// Index out of range (`-EOVERFLOW`).
    BAD_INDEX = -libc::EOVERFLOW,
    /// A read ran past the end of the data (`-ENODATA`).
    NOT_ENOUGH_DATA = -libc::ENODATA,
    /// The operation would block (`-EWOULDBLOCK`).
    WOULD_BLOCK = -libc::EWOULDBLOCK,
    /// Timed out (`-ETIMEDOUT`).
    TIMED_OUT = -libc::ETIMEDOUT,
    /// The transaction code is unknown to the service (`-EBADMSG`).
    UNKNOWN_TRANSACTION = -libc::EBADMSG,
    /// File descriptors are not allowed in this parcel (`UNKNOWN_ERROR + 7`).
    FDS_NOT_ALLOWED = UNKNOWN_ERROR_BASE + 7,
    /// A null value where a non-null one was required (`UNKNOWN_ERROR + 8`).
    UNEXPECTED_NULL = UNKNOWN_ERROR_BASE + 8,
}

impl StatusCode {
    /// Every code, for lookups.
    const ALL: [StatusCode; 19] = [
        StatusCode::OK,
        StatusCode::UNKNOWN_ERROR,
        StatusCode::NO_MEMORY,
        StatusCode::INVALID_OPERATION,
        StatusCode::BAD_VALUE,
        StatusCode::BAD_TYPE,
        StatusCode::NAME_NOT_FOUND,
        StatusCode::PERMISSION_DENIED,
        StatusCode::NO_INIT,
        StatusCode::ALREADY_EXISTS,
        StatusCode::DEAD_OBJECT,
        StatusCode::FAILED_TRANSACTION,
        StatusCode::BAD_INDEX,
        StatusCode::NOT_ENOUGH_DATA,
        StatusCode::WOULD_BLOCK,
        StatusCode::TIMED_OUT,
        StatusCode::UNKNOWN_TRANSACTION,
        StatusCode::FDS_NOT_ALLOWED,
        StatusCode::UNEXPECTED_NULL,
    ];

    /// The code for a raw `status_t`; values that name no code become `UNKNOWN_ERROR`
    /// (as the AOSP Rust crate's `parse_status_code`).
    pub fn from_raw(raw: i32) -> StatusCode {
        StatusCode::ALL
            .into_iter()
            .find(|c| *c as i32 == raw)
            .unwrap_or(StatusCode::UNKNOWN_ERROR)
    }

    /// The raw `status_t` value.
    pub const fn to_raw(self) -> i32 {
        self as i32
    }

    /// `Ok(())` for `OK`, `Err(self)` otherwise (AOSP Rust `status_result`).
    pub fn into_result(self) -> Result<(), StatusCode> {
        match self {
            StatusCode::OK => Ok(()),
            e => Err(e),
        }
    }

    /// The C name of the code.
    pub const fn name(self) -> &'static str {
        match self {
            StatusCode::OK => "OK",
            StatusCode::UNKNOWN_ERROR => "UNKNOWN_ERROR",
            StatusCode::NO_MEMORY => "NO_MEMORY",
            StatusCode::INVALID_OPERATION => "INVALID_OPERATION",
            StatusCode::BAD_VALUE => "BAD_VALUE",
            StatusCode::BAD_TYPE => "BAD_TYPE",
            StatusCode::NAME_NOT_FOUND => "NAME_NOT_FOUND",
            StatusCode::PERMISSION_DENIED => "PERMISSION_DENIED",
            StatusCode::NO_INIT => "NO_INIT",
            StatusCode::ALREADY_EXISTS => "ALREADY_EXISTS",
            StatusCode::DEAD_OBJECT => "DEAD_OBJECT",
            StatusCode::FAILED_TRANSACTION => "FAILED_TRANSACTION",
            StatusCode::BAD_INDEX => "BAD_INDEX",
            StatusCode::NOT_ENOUGH_DATA => "NOT_ENOUGH_DATA",
            StatusCode::WOULD_BLOCK => "WOULD_BLOCK",
            StatusCode::TIMED_OUT => "TIMED_OUT",
            StatusCode::UNKNOWN_TRANSACTION => "UNKNOWN_TRANSACTION",
            StatusCode::FDS_NOT_ALLOWED => "FDS_NOT_ALLOWED",
            StatusCode::UNEXPECTED_NULL => "UNEXPECTED_NULL",
        }
    }
}

impl From<StatusCode> for i32 {
    fn from(code: StatusCode) -> i32 {
        code as i32
    }
}

impl fmt::Display for StatusCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name(), *self as i32)
    }
}

impl error::Error for StatusCode {}

/// AIDL exception codes (AOSP `binder::Status::Exception`, kept in sync with
/// `android/os/Parcel.java`).
#[allow(non_camel_case_types)]
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExceptionCode {
    /// No exception (`EX_NONE`).
    NONE = 0,
    /// `EX_SECURITY` (Java `SecurityException`).
    SECURITY = -1,
    /// `EX_BAD_PARCELABLE` (Java `BadParcelableException`).
    BAD_PARCELABLE = -2,
    /// `EX_ILLEGAL_ARGUMENT` (Java `IllegalArgumentException`).
    ILLEGAL_ARGUMENT = -3,
    /// `EX_NULL_POINTER` (Java `NullPointerException`).
    NULL_POINTER = -4,
    /// `EX_ILLEGAL_STATE` (Java `IllegalStateException`).
    ILLEGAL_STATE = -5,
    /// `EX_NETWORK_MAIN_THREAD` (Java `NetworkOnMainThreadException`).
    NETWORK_MAIN_THREAD = -6,
    /// `EX_UNSUPPORTED_OPERATION` (Java `UnsupportedOperationException`).
    UNSUPPORTED_OPERATION = -7,
    /// `EX_SERVICE_SPECIFIC`: a service-defined error code follows.
    SERVICE_SPECIFIC = -8,
    /// `EX_PARCELABLE`: a parcelable exception blob follows.
    PARCELABLE = -9,
    /// `EX_HAS_REPLY_HEADER`: a Java "fat" reply header follows (skipped by native code).
    HAS_REPLY_HEADER = -128,
    /// `EX_TRANSACTION_FAILED`: the transaction failed below AIDL; never on the wire.
    TRANSACTION_FAILED = -129,
}

impl ExceptionCode {
    /// Every code, for lookups.
    const ALL: [ExceptionCode; 12] = [
        ExceptionCode::NONE,
        ExceptionCode::SECURITY,
        ExceptionCode::BAD_PARCELABLE,
        ExceptionCode::ILLEGAL_ARGUMENT,
        ExceptionCode::NULL_POINTER,
        ExceptionCode::ILLEGAL_STATE,
        ExceptionCode::NETWORK_MAIN_THREAD,
        ExceptionCode::UNSUPPORTED_OPERATION,
        ExceptionCode::SERVICE_SPECIFIC,
        ExceptionCode::PARCELABLE,
        ExceptionCode::HAS_REPLY_HEADER,
        ExceptionCode::TRANSACTION_FAILED,
    ];

    /// The code for a raw exception value, `None` if it names no known exception.
    pub fn from_raw(raw: i32) -> Option<ExceptionCode> {
        ExceptionCode::ALL.into_iter().find(|c| *c as i32 == raw)
    }

    /// The raw wire value.
    pub const fn to_raw(self) -> i32 {
        self as i32
    }

    /// The C name of the exception (`Status::exceptionToString`).
    pub const fn name(self) -> &'static str {
        match self {
            ExceptionCode::NONE => "EX_NONE",
            ExceptionCode::SECURITY => "EX_SECURITY",
            ExceptionCode::BAD_PARCELABLE => "EX_BAD_PARCELABLE",
            ExceptionCode::ILLEGAL_ARGUMENT => "EX_ILLEGAL_ARGUMENT",
            ExceptionCode::NULL_POINTER => "EX_NULL_POINTER",
            ExceptionCode::ILLEGAL_STATE => "EX_ILLEGAL_STATE",
            ExceptionCode::NETWORK_MAIN_THREAD => "EX_NETWORK_MAIN_THREAD",
            ExceptionCode::UNSUPPORTED_OPERATION => "EX_UNSUPPORTED_OPERATION",
            ExceptionCode::SERVICE_SPECIFIC => "EX_SERVICE_SPECIFIC",
            ExceptionCode::PARCELABLE => "EX_PARCELABLE",
            ExceptionCode::HAS_REPLY_HEADER => "EX_HAS_REPLY_HEADER",
            ExceptionCode::TRANSACTION_FAILED => "EX_TRANSACTION_FAILED",
        }
    }
}

impl From<ExceptionCode> for i32 {
    fn from(code: ExceptionCode) -> i32 {
        code as i32
    }
}

impl fmt::Display for ExceptionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name(), *self as i32)
    }
}

/// The outcome of an AIDL call: an exception code, an optional message, a service-specific
/// error code (for `EX_SERVICE_SPECIFIC`) and a transport [`StatusCode`] (for
/// `EX_TRANSACTION_FAILED`). AOSP `android::binder::Status`.
///
/// On the wire ([`Status::write_to_parcel`]) it is the head of an AIDL reply:
///
/// ```text
/// i32 exception                      (EX_NONE: nothing follows)
/// String16 message                   (the empty string when there is none)
/// i32 remote stack trace header size (0: no stack trace)
/// i32 service-specific error         (EX_SERVICE_SPECIFIC only)
/// i32 parcelable blob size           (EX_PARCELABLE only; 0, blobs are not sent)
/// ```
///
/// `EX_TRANSACTION_FAILED` is never written: the transport code is the transaction's result.
#[derive(Clone, PartialEq, Eq)]
pub struct Status {
    exception: ExceptionCode,
    /// Transport error; `OK` unless `exception` is `TRANSACTION_FAILED`.
    transaction_error: StatusCode,
    /// Service error; 0 unless `exception` is `SERVICE_SPECIFIC`.
    service_specific: i32,
    message: Option<String>,
}

impl Status {
    /// A successful status (`Status::ok()`).
    pub fn ok() -> Status {
        Status {
            exception: ExceptionCode::NONE,
            transaction_error: StatusCode::OK,
            service_specific: 0,
            message: None,
        }
    }

    /// A status carrying `exception` and an optional message (`Status::fromExceptionCode`).
    ///
    /// `TRANSACTION_FAILED` gets the transport code `FAILED_TRANSACTION`; `NONE` with a message
    /// is still a success.
    pub fn new_exception(exception: ExceptionCode, message: Option<&CStr>) -> Status {
        Status::new_exception_str(exception, message.map(|m| m.to_string_lossy()))
    }

    /// [`new_exception`](Status::new_exception) with a Rust string message.
    pub fn new_exception_str<T: AsRef<str>>(
        exception: ExceptionCode,
        message: Option<T>,
    ) -> Status {
        Status {
            exception,
            transaction_error: if exception == ExceptionCode::TRANSACTION_FAILED {
                StatusCode::FAILED_TRANSACTION
            } else {
                StatusCode::OK
            },
            service_specific: 0,
            message: message.map(|m| m.as_ref().to_owned()),
        }
    }

    /// A service-specific error (`Status::fromServiceSpecificError`); still an error when
    /// `code` is 0.
    pub fn new_service_specific_error(code: i32, message: Option<&CStr>) -> Status {
        Status::new_service_specific_error_str(code, message.map(|m| m.to_string_lossy()))
    }

    /// [`new_service_specific_error`](Status::new_service_specific_error) with a Rust string
    /// message.
    pub fn new_service_specific_error_str<T: AsRef<str>>(code: i32, message: Option<T>) -> Status {
        Status {
            exception: ExceptionCode::SERVICE_SPECIFIC,
            transaction_error: StatusCode::OK,
            service_specific: code,
            message: message.map(|m| m.as_ref().to_owned()),
        }
    }

    /// The status for a transport code (`Status::fromStatusT`): `OK` is success, anything else
    /// is `EX_TRANSACTION_FAILED` carrying the code.
    pub fn from_status_code(code: StatusCode) -> Status {
        let mut status = Status::ok();
        if code != StatusCode::OK {
            status.exception = ExceptionCode::TRANSACTION_FAILED;
            status.transaction_error = code;
        }
        status
    }

    /// Whether the call succeeded (`EX_NONE`).
    pub fn is_ok(&self) -> bool {
        self.exception == ExceptionCode::NONE
    }

    /// The exception code.
    pub fn exception_code(&self) -> ExceptionCode {
        self.exception
    }

    /// The transport error for `EX_TRANSACTION_FAILED`, `OK` otherwise.
    pub fn transaction_error(&self) -> StatusCode {
        if self.exception == ExceptionCode::TRANSACTION_FAILED {
            self.transaction_error
        } else {
            StatusCode::OK
        }
    }

    /// The service error code for `EX_SERVICE_SPECIFIC`, 0 otherwise.
    pub fn service_specific_error(&self) -> i32 {
        if self.exception == ExceptionCode::SERVICE_SPECIFIC {
            self.service_specific
        } else {
            0
        }
    }

    /// The exception message, if any.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// A human-readable description (AOSP `toString8`), e.g.
    /// `Status(-8, EX_SERVICE_SPECIFIC): '42: message'`.
    pub fn get_description(&self) -> String {
        self.to_string()
    }

    /// `Ok(())` for a successful status, `Err(self)` otherwise.
    pub fn into_result(self) -> Result<()> {
        if self.is_ok() {
            Ok(())
        } else {
            Err(self)
        }
    }

    /// Calls `op` if the status is successful, otherwise returns `Err(self)`.
    pub fn and_then<T, F>(self, op: F) -> Result<T>
    where
        F: FnOnce() -> Result<T>,
    {
        self.into_result()?;
        op()
    }

    /// Writes the status to the head of a reply (AOSP `Status::writeToParcel`).
    ///
    /// For `EX_TRANSACTION_FAILED` nothing is written and the transport code is returned as
    /// the error: the transaction itself fails with it.
    pub fn write_to_parcel(&self, parcel: &mut Parcel) -> Result<(), StatusCode> {
        if self.exception == ExceptionCode::TRANSACTION_FAILED {
            return self.transaction_error.into_result();
        }
        parcel.write_i32(self.exception as i32)?;
        if self.exception == ExceptionCode::NONE {
            return Ok(());
        }
        parcel.write_string16(self.message.as_deref().unwrap_or(""))?;
        // Empty remote stack trace header.
        parcel.write_i32(0)?;
        match self.exception {
            ExceptionCode::SERVICE_SPECIFIC => parcel.write_i32(self.service_specific),
            // Parcelable exception blobs are not sent: an empty blob.
            ExceptionCode::PARCELABLE => parcel.write_i32(0),
            _ => Ok(()),
        }
    }

    /// Reads a status from the head of a reply (AOSP `Status::readFromParcel`).
    ///
    /// Skips a Java `EX_HAS_REPLY_HEADER` (the reply is then a success), a remote stack trace
    /// and an `EX_PARCELABLE` blob, each led by an `i32` size that counts itself; a size that
    /// is negative, below 4 (other than 0, "none") or larger than the data left is
    /// `UNKNOWN_ERROR`. A null message is accepted as no message. An exception code this
    /// library does not know becomes `EX_TRANSACTION_FAILED` with `UNKNOWN_ERROR`, keeping the
    /// message.
    pub fn read_from_parcel(parcel: &Parcel) -> Result<Status, StatusCode> {
        let mut raw = parcel.read_i32()?;
        if raw == ExceptionCode::HAS_REPLY_HEADER as i32 {
            skip_sized_header(parcel)?;
            // Fat reply headers are only used when there is no exception.
            raw = ExceptionCode::NONE as i32;
        }
        if raw == ExceptionCode::NONE as i32 {
            return Ok(Status::ok());
        }

        let message = parcel.read_nullable_string16()?;

        // Remote stack trace.
        skip_sized_header(parcel)?;

        let exception = ExceptionCode::from_raw(raw);
        let mut status = match exception {
            Some(ExceptionCode::SERVICE_SPECIFIC) => {
                let code = parcel.read_i32()?;
                Status::new_service_specific_error(code, None)
            }
            Some(ExceptionCode::PARCELABLE) => {
                skip_sized_header(parcel)?;
                Status::new_exception(ExceptionCode::PARCELABLE, None)
            }
            // Never on the wire; keep the receiver's view consistent with AOSP Rust, which
            // maps codes it cannot name to a transaction failure.
            Some(ExceptionCode::TRANSACTION_FAILED)
            | Some(ExceptionCode::HAS_REPLY_HEADER)
            | None => Status::from_status_code(StatusCode::UNKNOWN_ERROR),
            Some(other) => Status::new_exception(other, None),
        };
        status.message = message;
        Ok(status)
    }
}

/// Skips a block whose leading `i32` size counts itself (Java reply header, remote stack
/// trace, parcelable blob). A size of 0 means no block (only the size field is consumed: C++
/// writes 0 for an empty stack trace and an empty parcelable blob); a size that is negative,
/// smaller than the field itself or larger than the data left is `UNKNOWN_ERROR`.
fn skip_sized_header(parcel: &Parcel) -> Result<(), StatusCode> {
    let start = parcel.data_position();
    let avail = parcel.data_avail();
    let size = parcel.read_i32()?;
    if size == 0 {
        return Ok(());
    }
    if size < 4 || size as usize > avail {
        return Err(StatusCode::UNKNOWN_ERROR);
    }
    parcel.seek(start + size as usize)
}

impl Default for Status {
    fn default() -> Status {
        Status::ok()
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_ok() {
            return f.write_str("No error");
        }
        write!(
            f,
            "Status({}, {}): '",
            self.exception as i32,
            self.exception.name()
        )?;
        match self.exception {
            ExceptionCode::SERVICE_SPECIFIC => write!(f, "{}: ", self.service_specific)?,
            ExceptionCode::TRANSACTION_FAILED => write!(f, "{}: ", self.transaction_error)?,
            _ => {}
        }
        write!(f, "{}'", self.message.as_deref().unwrap_or(""))
    }
}

impl fmt::Debug for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl error::Error for Status {}

impl From<StatusCode> for Status {
    fn from(code: StatusCode) -> Status {
        Status::from_status_code(code)
    }
}

impl From<ExceptionCode> for Status {
    fn from(exception: ExceptionCode) -> Status {
        Status::new_exception(exception, None)
    }
}

impl From<Status> for Result<()> {
    fn from(status: Status) -> Result<()> {
        status.into_result()
    }
}

/// The transport view of a status (AOSP Rust `From<Status> for status_t`): the transaction
/// error, `OK` for any other outcome.
impl From<Status> for StatusCode {
    fn from(status: Status) -> StatusCode {
        status.transaction_error()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_code_values_match_errors_h() {
        assert_eq!(StatusCode::OK as i32, 0);
        assert_eq!(StatusCode::UNKNOWN_ERROR as i32, -2147483648);
        assert_eq!(StatusCode::NO_MEMORY as i32, -12);
        assert_eq!(StatusCode::INVALID_OPERATION as i32, -38);
        assert_eq!(StatusCode::BAD_VALUE as i32, -22);
        assert_eq!(StatusCode::BAD_TYPE as i32, -2147483647);
        assert_eq!(StatusCode::NAME_NOT_FOUND as i32, -2);
        assert_eq!(StatusCode::PERMISSION_DENIED as i32, -1);
        assert_eq!(StatusCode::NO_INIT as i32, -19);
        assert_eq!(StatusCode::ALREADY_EXISTS as i32, -17);
        assert_eq!(StatusCode::DEAD_OBJECT as i32, -32);
        assert_eq!(StatusCode::FAILED_TRANSACTION as i32, -2147483646);
        assert_eq!(StatusCode::BAD_INDEX as i32, -75);
        assert_eq!(StatusCode::NOT_ENOUGH_DATA as i32, -61);
        assert_eq!(StatusCode::WOULD_BLOCK as i32, -11);
        assert_eq!(StatusCode::TIMED_OUT as i32, -110);
        assert_eq!(StatusCode::UNKNOWN_TRANSACTION as i32, -74);
        assert_eq!(StatusCode::FDS_NOT_ALLOWED as i32, -2147483641);
        assert_eq!(StatusCode::UNEXPECTED_NULL as i32, -2147483640);
    }

    #[test]
    fn status_code_raw_round_trip() {
        for code in StatusCode::ALL {
            assert_eq!(StatusCode::from_raw(code.to_raw()), code);
        }
        assert_eq!(StatusCode::from_raw(12345), StatusCode::UNKNOWN_ERROR);
        assert_eq!(StatusCode::OK.into_result(), Ok(()));
        assert_eq!(
            StatusCode::DEAD_OBJECT.into_result(),
            Err(StatusCode::DEAD_OBJECT)
        );
        assert_eq!(StatusCode::BAD_VALUE.to_string(), "BAD_VALUE (-22)");
    }

    #[test]
    fn exception_code_values() {
        let expected = [0, -1, -2, -3, -4, -5, -6, -7, -8, -9, -128, -129];
        for (code, raw) in ExceptionCode::ALL.into_iter().zip(expected) {
            assert_eq!(code as i32, raw);
            assert_eq!(ExceptionCode::from_raw(raw), Some(code));
        }
        assert_eq!(ExceptionCode::from_raw(-127), None);
    }

    #[test]
    fn status_accessors() {
        let ok = Status::ok();
        assert!(ok.is_ok());
        assert_eq!(ok.to_string(), "No error");
        assert_eq!(ok.clone().into_result(), Ok(()));

        let ss = Status::new_service_specific_error_str(42, Some("boom"));
        assert!(!ss.is_ok());
        assert_eq!(ss.exception_code(), ExceptionCode::SERVICE_SPECIFIC);
        assert_eq!(ss.service_specific_error(), 42);
        assert_eq!(ss.transaction_error(), StatusCode::OK);
        assert_eq!(ss.message(), Some("boom"));
        assert_eq!(
            ss.to_string(),
            "Status(-8, EX_SERVICE_SPECIFIC): '42: boom'"
        );

        let tf = Status::from(StatusCode::DEAD_OBJECT);
        assert_eq!(tf.exception_code(), ExceptionCode::TRANSACTION_FAILED);
        assert_eq!(tf.transaction_error(), StatusCode::DEAD_OBJECT);
        assert_eq!(StatusCode::from(tf.clone()), StatusCode::DEAD_OBJECT);
        assert_eq!(
            tf.to_string(),
            "Status(-129, EX_TRANSACTION_FAILED): 'DEAD_OBJECT (-32): '"
        );
        assert!(Status::from(StatusCode::OK).is_ok());

        let ex = Status::new_exception(ExceptionCode::TRANSACTION_FAILED, None);
        assert_eq!(ex.transaction_error(), StatusCode::FAILED_TRANSACTION);

        let sec = Status::from(ExceptionCode::SECURITY);
        assert_eq!(sec.service_specific_error(), 0);
        assert_eq!(sec.transaction_error(), StatusCode::OK);
        let r: Result<()> = sec.clone().into();
        assert_eq!(r, Err(sec));
    }

    #[test]
    fn question_mark_converts_status_code() {
        fn aidl_method() -> Result<i32> {
            let p = Parcel::new();
            Ok(p.read_i32()?)
        }
        let err = aidl_method().unwrap_err();
        assert_eq!(err.exception_code(), ExceptionCode::TRANSACTION_FAILED);
        assert_eq!(err.transaction_error(), StatusCode::NOT_ENOUGH_DATA);
    }

    #[test]
    fn and_then_runs_only_on_ok() {
        assert_eq!(Status::ok().and_then(|| Ok(5)), Ok(5));
        let e = Status::from(ExceptionCode::ILLEGAL_STATE);
        assert_eq!(e.clone().and_then(|| Ok(5)), Err(e));
    }
}
