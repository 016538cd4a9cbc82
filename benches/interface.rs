//! The cost of a typed call without IPC, in the shape AOSP's AIDL Rust backend generates
//! (`aidl/IEcho.rs`): the proxy `BpEcho` on a local binder builds the request parcel, the
//! binder dispatches it to the stub `BnEcho`, which reads the arguments, calls the
//! implementation and writes the reply the proxy reads back.
//!
//! - `proxy_stub/echo_string`: `String echo(String)` with 32 bytes;
//! - `proxy_stub/repeat_int`: `int repeat_int(int)`;
//! - `local/repeat_int`: the same call on `Strong<dyn IEcho>` of the local service, which
//!   goes to the implementation directly.

// Generated code names the library `binder`, as AOSP crates call it.
extern crate libbinder as binder;

#[allow(non_snake_case)]
#[path = "aidl/IEcho.rs"]
mod IEcho;

use binder::binder_impl::Proxy;
use binder::{BinderFeatures, Interface};
use criterion::Criterion;
use IEcho::{BnEcho, BpEcho, IEcho as _};

struct Echo;

impl Interface for Echo {}

impl IEcho::IEcho for Echo {
    fn echo(&self, s: &str) -> binder::Result<String> {
        Ok(s.into())
    }
    fn repeat_int(&self, v: i32) -> binder::Result<i32> {
        Ok(v)
    }
}

fn bench(c: &mut Criterion) {
    let service = BnEcho::new_binder(Echo, BinderFeatures::default());
    let proxy = BpEcho::from_binder(service.as_binder()).expect("a proxy");
    let text = "a string of thirty-two bytes....";
    let mut g = c.benchmark_group("proxy_stub");
    g.bench_function("echo_string", |b| {
        b.iter(|| proxy.echo(std::hint::black_box(text)).unwrap())
    });
    g.bench_function("repeat_int", |b| {
        b.iter(|| proxy.repeat_int(std::hint::black_box(7)).unwrap())
    });
    g.finish();
    let mut g = c.benchmark_group("local");
    g.bench_function("repeat_int", |b| {
        b.iter(|| service.repeat_int(std::hint::black_box(7)).unwrap())
    });
    g.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    c.final_summary();
}
