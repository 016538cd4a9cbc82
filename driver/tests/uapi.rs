//! Checks `binder_driver::uapi` against the values and layouts in the reference document
//! (`kernel-binder.md` §1.1–§1.8). Expected numbers are literals copied from the document.

use binder_driver::uapi::*;
use std::mem::{align_of, offset_of, size_of};

#[test]
fn base_constants() {
    assert_eq!(BINDER_CURRENT_PROTOCOL_VERSION, 8);
    assert_eq!(B_TYPE_LARGE, 0x85);
    assert_eq!(BINDERFS_MAX_NAME, 255);
    assert_eq!(b_pack_chars(b's', b'b', b'*', 0x85), 0x73622a85);
    assert_eq!(b_pack_chars(1, 2, 3, 4), 0x01020304);
    assert_eq!(size_of::<BinderSizeT>(), 8);
    assert_eq!(size_of::<BinderUintptrT>(), 8);
}

#[test]
fn ioc_encoding() {
    assert_eq!(IOC_NONE, 0);
    assert_eq!(IOC_WRITE, 1);
    assert_eq!(IOC_READ, 2);
    assert_eq!(io(b'r', 1), 0x00007201);
    assert_eq!(ior(b'r', 0, 4), 0x80047200);
    assert_eq!(iow(b'c', 0, 64), 0x40406300);
    assert_eq!(iowr(b'b', 1, 48), 0xC0306201);
    assert_eq!(ioc(3, b'b', 9, 4), 0xC0046209);
}

#[test]
fn object_types() {
    // §1.2
    assert_eq!(BINDER_TYPE_BINDER, 0x73622a85);
    assert_eq!(BINDER_TYPE_WEAK_BINDER, 0x77622a85);
    assert_eq!(BINDER_TYPE_HANDLE, 0x73682a85);
    assert_eq!(BINDER_TYPE_WEAK_HANDLE, 0x77682a85);
    assert_eq!(BINDER_TYPE_FD, 0x66642a85);
    assert_eq!(BINDER_TYPE_FDA, 0x66646185);
    assert_eq!(BINDER_TYPE_PTR, 0x70742a85);
}

#[test]
fn flat_binder_flags() {
    // §1.3
    assert_eq!(FLAT_BINDER_FLAG_PRIORITY_MASK, 0xff);
    assert_eq!(FLAT_BINDER_FLAG_ACCEPTS_FDS, 0x100);
    assert_eq!(FLAT_BINDER_FLAG_TXN_SECURITY_CTX, 0x1000);
    assert_eq!(BINDER_BUFFER_FLAG_HAS_PARENT, 0x01);
}

#[test]
fn transaction_flags() {
    // §1.4
    assert_eq!(TF_ONE_WAY, 0x01);
    assert_eq!(TF_ROOT_OBJECT, 0x04);
    assert_eq!(TF_STATUS_CODE, 0x08);
    assert_eq!(TF_ACCEPT_FDS, 0x10);
    assert_eq!(TF_CLEAR_BUF, 0x20);
    assert_eq!(TF_UPDATE_TXN, 0x40);
    assert_eq!(TF_DEFER_COMPLETE, 0x80);
}

#[test]
fn ioctls() {
    // §1.6
    assert_eq!(BINDER_WRITE_READ, 0xC0306201);
    assert_eq!(BINDER_SET_IDLE_TIMEOUT, 0x40086203);
    assert_eq!(BINDER_SET_MAX_THREADS, 0x40046205);
    assert_eq!(BINDER_SET_IDLE_PRIORITY, 0x40046206);
    assert_eq!(BINDER_SET_CONTEXT_MGR, 0x40046207);
    assert_eq!(BINDER_THREAD_EXIT, 0x40046208);
    assert_eq!(BINDER_VERSION, 0xC0046209);
    assert_eq!(BINDER_GET_NODE_DEBUG_INFO, 0xC018620B);
    assert_eq!(BINDER_GET_NODE_INFO_FOR_REF, 0xC018620C);
    assert_eq!(BINDER_SET_CONTEXT_MGR_EXT, 0x4018620D);
    assert_eq!(BINDER_FREEZE, 0x400C620E);
    assert_eq!(BINDER_GET_FROZEN_INFO, 0xC00C620F);
    assert_eq!(BINDER_ENABLE_ONEWAY_SPAM_DETECTION, 0x40046210);
    assert_eq!(BINDER_GET_EXTENDED_ERROR, 0xC00C6211);
    assert_eq!(BINDER_CTL_ADD, 0xC1086201);
}

#[test]
fn return_codes() {
    // §1.7
    assert_eq!(BR_ERROR, 0x80047200);
    assert_eq!(BR_OK, 0x00007201);
    assert_eq!(BR_TRANSACTION_SEC_CTX, 0x80487202);
    assert_eq!(BR_TRANSACTION, 0x80407202);
    assert_eq!(BR_REPLY, 0x80407203);
    assert_eq!(BR_ACQUIRE_RESULT, 0x80047204);
    assert_eq!(BR_DEAD_REPLY, 0x00007205);
    assert_eq!(BR_TRANSACTION_COMPLETE, 0x00007206);
    assert_eq!(BR_INCREFS, 0x80107207);
    assert_eq!(BR_ACQUIRE, 0x80107208);
    assert_eq!(BR_RELEASE, 0x80107209);
    assert_eq!(BR_DECREFS, 0x8010720A);
    assert_eq!(BR_ATTEMPT_ACQUIRE, 0x8018720B);
    assert_eq!(BR_NOOP, 0x0000720C);
    assert_eq!(BR_SPAWN_LOOPER, 0x0000720D);
    assert_eq!(BR_FINISHED, 0x0000720E);
    assert_eq!(BR_DEAD_BINDER, 0x8008720F);
    assert_eq!(BR_CLEAR_DEATH_NOTIFICATION_DONE, 0x80087210);
    assert_eq!(BR_FAILED_REPLY, 0x00007211);
    assert_eq!(BR_FROZEN_REPLY, 0x00007212);
    assert_eq!(BR_ONEWAY_SPAM_SUSPECT, 0x00007213);
    assert_eq!(BR_TRANSACTION_PENDING_FROZEN, 0x00007214);
    assert_eq!(BR_FROZEN_BINDER, 0x80107215);
    assert_eq!(BR_CLEAR_FREEZE_NOTIFICATION_DONE, 0x80087216);
}

#[test]
fn command_codes() {
    // §1.8
    assert_eq!(BC_TRANSACTION, 0x40406300);
    assert_eq!(BC_REPLY, 0x40406301);
    assert_eq!(BC_ACQUIRE_RESULT, 0x40046302);
    assert_eq!(BC_FREE_BUFFER, 0x40086303);
    assert_eq!(BC_INCREFS, 0x40046304);
    assert_eq!(BC_ACQUIRE, 0x40046305);
    assert_eq!(BC_RELEASE, 0x40046306);
    assert_eq!(BC_DECREFS, 0x40046307);
    assert_eq!(BC_INCREFS_DONE, 0x40106308);
    assert_eq!(BC_ACQUIRE_DONE, 0x40106309);
    assert_eq!(BC_ATTEMPT_ACQUIRE, 0x4008630A);
    assert_eq!(BC_REGISTER_LOOPER, 0x0000630B);
    assert_eq!(BC_ENTER_LOOPER, 0x0000630C);
    assert_eq!(BC_EXIT_LOOPER, 0x0000630D);
    assert_eq!(BC_REQUEST_DEATH_NOTIFICATION, 0x400C630E);
    assert_eq!(BC_CLEAR_DEATH_NOTIFICATION, 0x400C630F);
    assert_eq!(BC_DEAD_BINDER_DONE, 0x40086310);
    assert_eq!(BC_TRANSACTION_SG, 0x40486311);
    assert_eq!(BC_REPLY_SG, 0x40486312);
    assert_eq!(BC_REQUEST_FREEZE_NOTIFICATION, 0x400C6313);
    assert_eq!(BC_CLEAR_FREEZE_NOTIFICATION, 0x400C6314);
    assert_eq!(BC_FREEZE_NOTIFICATION_DONE, 0x40086315);
}

#[test]
fn ioc_field_extraction() {
    assert_eq!(ioc_nr(BR_TRANSACTION), 2);
    assert_eq!(ioc_nr(BR_TRANSACTION_SEC_CTX), 2);
    assert_eq!(ioc_size(BR_TRANSACTION), 64);
    assert_eq!(ioc_size(BR_TRANSACTION_SEC_CTX), 72);
    assert_eq!(ioc_size(BC_TRANSACTION), 64);
    assert_eq!(ioc_size(BC_TRANSACTION_SG), 72);
    assert_eq!(ioc_size(BC_REQUEST_DEATH_NOTIFICATION), 12);
    assert_eq!(ioc_size(BR_FROZEN_BINDER), 16);
    assert_eq!(ioc_size(BINDER_CTL_ADD), 264);
    assert_eq!(ioc_size(BR_NOOP), 0);
    assert_eq!(ioc_nr(BC_FREEZE_NOTIFICATION_DONE), 21);
    assert_eq!(ioc_nr(BR_CLEAR_FREEZE_NOTIFICATION_DONE), 22);
    assert_eq!(ioc_nr(BINDER_GET_EXTENDED_ERROR), 17);
    assert_eq!(ioc_type(BC_TRANSACTION), 0x63);
    assert_eq!(ioc_type(BR_REPLY), 0x72);
    assert_eq!(ioc_type(BINDER_WRITE_READ), 0x62);
    assert_eq!(ioc_dir(BINDER_WRITE_READ), 3);
    assert_eq!(ioc_dir(BC_REPLY), 1);
    assert_eq!(ioc_dir(BR_REPLY), 2);
    assert_eq!(ioc_dir(BR_OK), 0);
    for cmd in [
        BINDER_VERSION,
        BR_DEAD_BINDER,
        BC_ATTEMPT_ACQUIRE,
        BC_ENTER_LOOPER,
    ] {
        assert_eq!(
            ioc(
                ioc_dir(cmd),
                ioc_type(cmd) as u8,
                ioc_nr(cmd) as u8,
                ioc_size(cmd) as usize
            ),
            cmd
        );
    }
}

macro_rules! layout {
    ($t:ty, $size:expr, $align:expr $(, $field:ident @ $off:expr)* $(,)?) => {{
        assert_eq!(size_of::<$t>(), $size, "size of {}", stringify!($t));
        assert_eq!(align_of::<$t>(), $align, "align of {}", stringify!($t));
        $(
            assert_eq!(
                offset_of!($t, $field),
                $off,
                "offset of {}.{}",
                stringify!($t),
                stringify!($field)
            );
        )*
    }};
}

#[test]
fn struct_layouts() {
    // §1.5
    layout!(BinderObjectHeader, 4, 4, type_ @ 0);
    layout!(FlatBinderObject, 24, 8, hdr @ 0, flags @ 4, u @ 8, cookie @ 16);
    layout!(FlatBinderObjectUnion, 8, 8, binder @ 0, handle @ 0);
    layout!(BinderFdObject, 24, 8, hdr @ 0, pad_flags @ 4, u @ 8, cookie @ 16);
    layout!(BinderFdObjectUnion, 8, 8, pad_binder @ 0, fd @ 0);
    layout!(
        BinderBufferObject, 40, 8,
        hdr @ 0, flags @ 4, buffer @ 8, length @ 16, parent @ 24, parent_offset @ 32,
    );
    layout!(
        BinderFdArrayObject, 32, 8,
        hdr @ 0, pad @ 4, num_fds @ 8, parent @ 16, parent_offset @ 24,
    );
    layout!(
        BinderWriteRead, 48, 8,
        write_size @ 0, write_consumed @ 8, write_buffer @ 16,
        read_size @ 24, read_consumed @ 32, read_buffer @ 40,
    );
    layout!(BinderVersion, 4, 4, protocol_version @ 0);
    layout!(
        BinderTransactionData, 64, 8,
        target @ 0, cookie @ 8, code @ 16, flags @ 20, sender_pid @ 24, sender_euid @ 28,
        data_size @ 32, offsets_size @ 40, data @ 48,
    );
    layout!(BinderTransactionDataTarget, 8, 8, handle @ 0, ptr @ 0);
    layout!(BinderTransactionDataData, 16, 8, ptr @ 0, buf @ 0);
    layout!(BinderTransactionDataPtr, 16, 8, buffer @ 0, offsets @ 8);
    // data.ptr.buffer @ 48, data.ptr.offsets @ 56
    assert_eq!(
        offset_of!(BinderTransactionData, data)
            + offset_of!(BinderTransactionDataData, ptr)
            + offset_of!(BinderTransactionDataPtr, buffer),
        48
    );
    assert_eq!(
        offset_of!(BinderTransactionData, data)
            + offset_of!(BinderTransactionDataData, ptr)
            + offset_of!(BinderTransactionDataPtr, offsets),
        56
    );
    layout!(BinderTransactionDataSecctx, 72, 8, transaction_data @ 0, secctx @ 64);
    layout!(BinderTransactionDataSg, 72, 8, transaction_data @ 0, buffers_size @ 64);
    layout!(BinderPtrCookie, 16, 8, ptr @ 0, cookie @ 8);
    layout!(BinderHandleCookie, 12, 1, handle @ 0, cookie @ 4);
    layout!(BinderPriDesc, 8, 4, priority @ 0, desc @ 4);
    layout!(BinderPriPtrCookie, 24, 8, priority @ 0, ptr @ 8, cookie @ 16);
    layout!(
        BinderNodeDebugInfo, 24, 8,
        ptr @ 0, cookie @ 8, has_strong_ref @ 16, has_weak_ref @ 20,
    );
    layout!(
        BinderNodeInfoForRef, 24, 4,
        handle @ 0, strong_count @ 4, weak_count @ 8,
        reserved1 @ 12, reserved2 @ 16, reserved3 @ 20,
    );
    layout!(BinderFreezeInfo, 12, 4, pid @ 0, enable @ 4, timeout_ms @ 8);
    layout!(BinderFrozenStatusInfo, 12, 4, pid @ 0, sync_recv @ 4, async_recv @ 8);
    layout!(BinderFrozenStateInfo, 16, 8, cookie @ 0, is_frozen @ 8, reserved @ 12);
    layout!(BinderExtendedError, 12, 4, id @ 0, command @ 4, param @ 8);
    layout!(BinderfsDevice, 264, 4, name @ 0, major @ 256, minor @ 260);
}

#[test]
fn defaults_are_zero() {
    fn all_zero<T: Pod + Default>() -> bool {
        T::default().as_bytes().iter().all(|&b| b == 0)
    }
    assert!(all_zero::<BinderObjectHeader>());
    assert!(all_zero::<FlatBinderObject>());
    assert!(all_zero::<BinderFdObject>());
    assert!(all_zero::<BinderBufferObject>());
    assert!(all_zero::<BinderFdArrayObject>());
    assert!(all_zero::<BinderWriteRead>());
    assert!(all_zero::<BinderVersion>());
    assert!(all_zero::<BinderTransactionData>());
    assert!(all_zero::<BinderTransactionDataSecctx>());
    assert!(all_zero::<BinderTransactionDataSg>());
    assert!(all_zero::<BinderPtrCookie>());
    assert!(all_zero::<BinderHandleCookie>());
    assert!(all_zero::<BinderPriDesc>());
    assert!(all_zero::<BinderNodeDebugInfo>());
    assert!(all_zero::<BinderNodeInfoForRef>());
    assert!(all_zero::<BinderFreezeInfo>());
    assert!(all_zero::<BinderFrozenStatusInfo>());
    assert!(all_zero::<BinderFrozenStateInfo>());
    assert!(all_zero::<BinderExtendedError>());
    assert!(all_zero::<BinderfsDevice>());
    let p = BinderPriPtrCookie::default();
    assert_eq!((p.priority, p.ptr, p.cookie), (0, 0, 0));
}

#[test]
fn pod_round_trip_transaction_data() {
    let mut tr = BinderTransactionData::default();
    tr.set_target_handle(7);
    tr.cookie = 0x1122_3344_5566_7788;
    tr.code = 0x5f4e_5446;
    tr.flags = TF_ONE_WAY | TF_ACCEPT_FDS;
    tr.sender_pid = -1;
    tr.sender_euid = 1000;
    tr.data_size = 100;
    tr.offsets_size = 16;
    tr.set_data_ptr(0x7000_0000_1000, 0x7000_0000_1068);

    let bytes = tr.as_bytes();
    assert_eq!(bytes.len(), 64);
    assert_eq!(&bytes[0..8], &7u64.to_ne_bytes());
    assert_eq!(&bytes[16..20], &0x5f4e_5446u32.to_ne_bytes());
    assert_eq!(&bytes[48..56], &0x7000_0000_1000u64.to_ne_bytes());
    assert_eq!(&bytes[56..64], &0x7000_0000_1068u64.to_ne_bytes());

    let back = BinderTransactionData::from_bytes(bytes).unwrap();
    assert_eq!(back, tr);
    assert_eq!(back.target_handle(), 7);
    assert_eq!(back.data_buffer(), 0x7000_0000_1000);
    assert_eq!(back.data_offsets(), 0x7000_0000_1068);
    assert_eq!(back.sender_pid, -1);

    let sg = BinderTransactionDataSg {
        transaction_data: tr,
        buffers_size: 24,
    };
    let back = BinderTransactionDataSg::from_bytes(sg.as_bytes()).unwrap();
    assert_eq!(back, sg);
}

#[test]
fn pod_round_trip_objects_and_unaligned() {
    let mut fbo = FlatBinderObject {
        hdr: BinderObjectHeader {
            type_: BINDER_TYPE_BINDER,
        },
        flags: FLAT_BINDER_FLAG_ACCEPTS_FDS | 0x13,
        cookie: 0xdead_beef,
        ..Default::default()
    };
    fbo.set_binder(0x7fff_0000_1234);
    // Read back from an unaligned position inside a larger buffer.
    let mut buf = vec![0xAAu8; 1 + size_of::<FlatBinderObject>()];
    buf[1..].copy_from_slice(fbo.as_bytes());
    let back = FlatBinderObject::from_bytes(&buf[1..]).unwrap();
    assert_eq!(back, fbo);
    assert_eq!(back.binder(), 0x7fff_0000_1234);
    assert_eq!(back.hdr.type_, BINDER_TYPE_BINDER);
    // The header alone can be peeked from the same bytes.
    assert_eq!(
        BinderObjectHeader::from_bytes(&buf[1..]).unwrap().type_,
        BINDER_TYPE_BINDER
    );

    let hc = BinderHandleCookie {
        handle: 3,
        cookie: 0x0102_0304_0506_0708,
    };
    let bytes = hc.as_bytes();
    assert_eq!(bytes.len(), 12);
    assert_eq!(&bytes[0..4], &3u32.to_ne_bytes());
    assert_eq!(&bytes[4..12], &0x0102_0304_0506_0708u64.to_ne_bytes());
    assert_eq!(BinderHandleCookie::from_bytes(bytes).unwrap(), hc);

    let bwr = BinderWriteRead {
        write_size: 1,
        write_consumed: 2,
        write_buffer: 3,
        read_size: 4,
        read_consumed: 5,
        read_buffer: 6,
    };
    assert_eq!(BinderWriteRead::from_bytes(bwr.as_bytes()).unwrap(), bwr);

    let mut dev = BinderfsDevice::default();
    dev.name[..6].copy_from_slice(b"binder");
    dev.major = 10;
    dev.minor = 3;
    let back = BinderfsDevice::from_bytes(dev.as_bytes()).unwrap();
    assert_eq!(back, dev);
    assert!(format!("{back:?}").contains("\"binder\""));

    assert_eq!(u32::from_bytes(&BR_NOOP.to_ne_bytes()), Some(BR_NOOP));
    assert_eq!(i32::from_bytes(&(-22i32).to_ne_bytes()), Some(-22));
    assert_eq!(
        u64::from_bytes(&[1, 0, 0, 0, 0, 0, 0, 0, 9]),
        Some(u64::from_ne_bytes([1, 0, 0, 0, 0, 0, 0, 0]))
    );
    assert_eq!(BC_TRANSACTION.as_bytes(), &0x40406300u32.to_ne_bytes());
}

#[test]
fn from_bytes_too_short() {
    assert!(BinderTransactionData::from_bytes(&[0u8; 63]).is_none());
    assert!(BinderHandleCookie::from_bytes(&[0u8; 11]).is_none());
    assert!(BinderWriteRead::from_bytes(&[]).is_none());
    assert!(u32::from_bytes(&[1, 2, 3]).is_none());
    assert!(BinderfsDevice::from_bytes(&[0u8; 263]).is_none());
    assert!(BinderTransactionData::from_bytes(&[0u8; 64]).is_some());
}

#[test]
fn union_setters_clear_upper_bytes() {
    let mut tr = BinderTransactionData::default();
    tr.set_target_ptr(0xffff_ffff_ffff_ffff);
    assert_eq!(tr.target_ptr(), 0xffff_ffff_ffff_ffff);
    tr.set_target_handle(5);
    assert_eq!(tr.target_handle(), 5);
    assert_eq!(tr.target_ptr(), 5);
    assert_eq!(&tr.as_bytes()[0..8], &5u64.to_ne_bytes());

    let mut fbo = FlatBinderObject::default();
    fbo.set_binder(u64::MAX);
    assert_eq!(fbo.binder(), u64::MAX);
    fbo.set_handle(9);
    assert_eq!(fbo.handle(), 9);
    assert_eq!(fbo.binder(), 9);
    assert_eq!(&fbo.as_bytes()[8..16], &9u64.to_ne_bytes());

    let mut fdo = BinderFdObject {
        hdr: BinderObjectHeader {
            type_: BINDER_TYPE_FD,
        },
        u: BinderFdObjectUnion {
            pad_binder: u64::MAX,
        },
        ..Default::default()
    };
    fdo.set_fd(4);
    assert_eq!(fdo.fd(), 4);
    assert_eq!(&fdo.as_bytes()[8..16], &4u64.to_ne_bytes());
}

#[test]
fn debug_prints_widest_union_member() {
    let mut tr = BinderTransactionData::default();
    tr.set_target_ptr(0x1234);
    tr.set_data_ptr(0x10, 0x20);
    let s = format!("{tr:?}");
    assert!(s.contains("ptr: 4660"), "{s}");
    assert!(s.contains("buffer: 16"), "{s}");
    assert!(s.contains("offsets: 32"), "{s}");

    let mut fbo = FlatBinderObject::default();
    fbo.set_handle(3);
    assert!(format!("{fbo:?}").contains("binder: 3"));

    let hc = BinderHandleCookie {
        handle: 1,
        cookie: 2,
    };
    assert!(format!("{hc:?}").contains("cookie: 2"));
}
