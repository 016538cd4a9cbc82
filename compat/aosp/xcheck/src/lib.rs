//! The Rust side of the AIDL cross-check (`compat/aosp/run.sh`): `aidl/sim/xcheck/`, compiled
//! by binder-aidl, served by `xcheck-service` and called by `xcheck-client`; their C++
//! counterparts (`cpp/`) are compiled from the same files by Debian's `aidl --lang=cpp`
//! (Android 10) against AOSP's libbinder. Each client calls the other language's service.
//!
//! Both programs speak Android 10's wire format ([`binder::WireFormat::Android10`]) and meet
//! through the context manager, not a servicemanager: Android 10's libbinder speaks the
//! servicemanager protocol of before AIDL, ours Android 16's `IServiceManager`.

// At the crate root, so that the generated files' `crate::mangled::...` paths resolve.
include!(concat!(env!("OUT_DIR"), "/aidl.rs"));

pub use aidl::sim::xcheck::{IXCallback, IXCheck, IXListener, Payload};

/// Opens the device (`$BINDER_DEVICE`, as any libbinder program) in Android 10's wire format.
pub fn init() -> &'static binder::ProcessState {
    binder::set_wire_format(binder::WireFormat::Android10);
    binder::ProcessState::init_default().unwrap_or_else(|e| {
        eprintln!(
            "cannot open {}: {e:?}",
            binder::ProcessState::default_device().display()
        );
        std::process::exit(2)
    })
}

use Payload::Payload as P;

/// A copy of `p` (Android 10's grammar has no `@RustDerive`, so the type is not `Clone`).
pub fn copy_payload(p: &P) -> P {
    P {
        flag: p.flag,
        b: p.b,
        c: p.c,
        i: p.i,
        l: p.l,
        f: p.f,
        d: p.d,
        s: p.s.clone(),
        u: p.u.clone(),
        ns: p.ns.clone(),
        ints: p.ints.clone(),
        names: p.names.clone(),
        binder: p.binder.clone(),
    }
}

/// Field-by-field equality (floats by bits, so that a NaN or a -0.0 must come back as sent).
pub fn same_payload(a: &P, b: &P) -> bool {
    a.flag == b.flag
        && a.b == b.b
        && a.c == b.c
        && a.i == b.i
        && a.l == b.l
        && a.f.to_bits() == b.f.to_bits()
        && a.d.to_bits() == b.d.to_bits()
        && a.s == b.s
        && a.u == b.u
        && a.ns == b.ns
        && a.ints == b.ints
        && a.names == b.names
        && a.binder == b.binder
}
