//! Serves `IGreeter` as `com.example.greeter.IGreeter/default`.

use std::sync::atomic::{AtomicI32, Ordering};

use aidl_quickstart::aidl::com::example::greeter::IGreeter::{BnGreeter, IGreeter};
use aidl_quickstart::SERVICE_NAME;
use binder::{BinderFeatures, Interface, ProcessState};

#[derive(Default)]
struct Greeter {
    calls: AtomicI32,
}

impl Interface for Greeter {}

impl IGreeter for Greeter {
    fn greet(&self, name: &str) -> binder::Result<String> {
        self.calls.fetch_add(1, Ordering::Relaxed);
        Ok(format!("Hello, {name}!"))
    }

    fn count(&self) -> binder::Result<i32> {
        Ok(self.calls.load(Ordering::Relaxed))
    }
}

fn main() {
    let greeter = BnGreeter::new_binder(Greeter::default(), BinderFeatures::default());
    binder::add_service(SERVICE_NAME, greeter.as_binder()).expect("add_service");
    println!("greeter-service: serving {SERVICE_NAME}");
    ProcessState::start_thread_pool().expect("thread pool");
    ProcessState::join_thread_pool().expect("join the thread pool");
}
