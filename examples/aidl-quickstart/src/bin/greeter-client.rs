//! `greeter-client [NAME]...`: greets each name through the service, then asks for the count.

use aidl_quickstart::aidl::com::example::greeter::IGreeter::IGreeter;
use aidl_quickstart::SERVICE_NAME;
use binder::{ProcessState, Strong};

fn main() {
    // A binder thread receives the service manager's notification that wait_for_interface
    // waits for.
    ProcessState::start_thread_pool().expect("thread pool");
    let greeter: Strong<dyn IGreeter> =
        binder::wait_for_interface(SERVICE_NAME).expect("wait_for_interface");
    let mut names: Vec<String> = std::env::args().skip(1).collect();
    if names.is_empty() {
        names.push("Android".into());
    }
    for name in &names {
        println!("{}", greeter.greet(name).expect("greet"));
    }
    println!("greet() calls served: {}", greeter.count().expect("count"));
}
