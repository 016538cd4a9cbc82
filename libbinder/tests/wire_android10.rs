//! The Android 10 wire format (`set_wire_format(WireFormat::Android10)`): interface tokens
//! without the `'SYST'` header and binders without a stability level, byte for byte as Android
//! 10's `Parcel::writeInterfaceToken` and `flatten_binder` write them. Its own test binary: the
//! format is process-wide, and the other parcel tests expect the current one.

use binder_driver::uapi::{FlatBinderObject, BINDER_TYPE_HANDLE};
use libbinder::binder_impl::Parcel;
use libbinder::parcel::stability;
use libbinder::{set_wire_format, wire_format, StatusCode, WireFormat};

fn hex(s: &str) -> Vec<u8> {
    s.split_whitespace()
        .map(|b| u8::from_str_radix(b, 16).unwrap())
        .collect()
}

fn handle_object(handle: u32) -> FlatBinderObject {
    let mut obj = FlatBinderObject::default();
    obj.hdr.type_ = BINDER_TYPE_HANDLE;
    obj.set_handle(handle);
    obj
}

#[test]
fn android10_tokens_and_binders() {
    assert_eq!(wire_format(), WireFormat::Current);
    // A token and a binder in today's format, to read back after the switch.
    let mut current = Parcel::new();
    current.write_interface_token("ab").unwrap();

    set_wire_format(WireFormat::Android10);
    assert_eq!(wire_format(), WireFormat::Android10);

    // Strict-mode word, work source, descriptor: no header.
    let mut p = Parcel::new();
    p.write_interface_token("ab").unwrap();
    assert_eq!(
        p.data(),
        hex("00 00 00 80 ff ff ff ff 02 00 00 00 61 00 62 00 00 00 00 00")
    );
    p.seek(0).unwrap();
    p.enforce_interface("ab").unwrap();
    assert_eq!(p.data_avail(), 0);
    p.seek(0).unwrap();
    assert_eq!(p.enforce_interface("ac"), Err(StatusCode::BAD_TYPE));
    p.seek(0).unwrap();
    let token = p.read_interface_token().unwrap();
    assert_eq!((token.header, token.descriptor.as_str()), (0, "ab"));

    // A today's-format token has its header where the descriptor's length is expected.
    current.seek(0).unwrap();
    assert!(current.enforce_interface("ab").is_err());

    // A binder is the object alone, and reads back as a local-stability one.
    let mut b = Parcel::new();
    b.write_flat_binder(handle_object(5), stability::SYSTEM)
        .unwrap();
    b.write_i32(7).unwrap();
    assert_eq!(
        b.data(),
        hex(
            "85 2a 68 73 00 00 00 00 05 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 \
             07 00 00 00"
        )
    );
    b.seek(0).unwrap();
    let (obj, level) = b.read_flat_binder().unwrap();
    assert_eq!((obj.handle(), level), (5, stability::LOCAL));
    assert_eq!(b.read_i32(), Ok(7));

    set_wire_format(WireFormat::Current);
    let mut back = Parcel::new();
    back.write_interface_token("ab").unwrap();
    assert_eq!(back.data(), current.data());
}
