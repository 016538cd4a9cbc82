//! `counter-client NAME...`: adds 1 to each named counter, all calls at once from one thread,
//! then prints each counter's value and how many threads the service runs on.
//!
//! The client is single-threaded too: it serves binder on its runtime's reactor, which
//! receives the service manager's notification that `wait_for_interface` waits for; the
//! calls themselves run on tokio's blocking pool, so the runtime's thread never blocks.

use std::process::ExitCode;

use binder::{ProcessState, Strong};
use binder_tokio::Tokio;
use tokio_counter::aidl::com::example::counter::ICounter::ICounterAsync;
use tokio_counter::SERVICE_NAME;

async fn run(names: Vec<String>) -> binder::Result<()> {
    let counter: Strong<dyn ICounterAsync<Tokio>> =
        binder_tokio::wait_for_interface(SERVICE_NAME).await?;
    // All the calls are in flight together; the service answers them one at a time.
    let calls: Vec<_> = names
        .iter()
        .map(|name| {
            let (counter, name) = (counter.clone(), name.clone());
            tokio::spawn(async move { counter.add(&name, 1).await })
        })
        .collect();
    for call in calls {
        call.await.expect("the add task does not panic")?;
    }
    for name in &names {
        println!("{name} = {}", counter.get(name).await?);
    }
    println!("service threads: {}", counter.threads().await?);
    Ok(())
}

fn main() -> ExitCode {
    let mut names: Vec<String> = std::env::args().skip(1).collect();
    if names.is_empty() {
        names.push("calls".into());
    }
    if let Err(e) = ProcessState::init(ProcessState::default_device(), 0) {
        eprintln!("counter-client: cannot open the binder device: {e}");
        return ExitCode::FAILURE;
    }
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("counter-client: cannot build the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match binder_tokio::serve_current_thread(&rt, run(names)) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(status)) => {
            eprintln!("counter-client: {status:?}");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("counter-client: binder failed: {e:?}");
            ExitCode::FAILURE
        }
    }
}
