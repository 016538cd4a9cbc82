//! An rsbinder service: `rsb_echo_server DEVICE NAME` registers an IEcho named NAME with the
//! service manager of DEVICE (a binder device path, such as /dev/binderfs/binder), prints
//! `ready`, and serves until killed. It answers `echo(s)` with "rsbinder echo: s".
use rsbinder::{hub, Interface, ProcessState, DEFAULT_MAX_BINDER_THREADS};
use rsbinder_compat::{BnEcho, IEcho};
use std::io::Write;

struct Echo;

impl Interface for Echo {}

impl IEcho for Echo {
    fn echo(&self, s: &str) -> rsbinder::BinderResult<String> {
        eprintln!(
            "rsb_echo_server: echo({s:?}) from pid {} uid {}",
            rsbinder::thread_state::get_calling_pid(),
            rsbinder::thread_state::get_calling_uid()
        );
        Ok(format!("rsbinder echo: {s}"))
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let mut args = std::env::args().skip(1);
    let (Some(device), Some(name)) = (args.next(), args.next()) else {
        return Err("usage: rsb_echo_server DEVICE NAME".into());
    };
    ProcessState::init(&device, DEFAULT_MAX_BINDER_THREADS)?;
    ProcessState::start_thread_pool();
    hub::add_service(&name, BnEcho::new_binder(Echo).as_binder())
        .map_err(|e| format!("addService({name:?}): {e:?}"))?;
    println!("ready");
    std::io::stdout().flush()?;
    ProcessState::join_thread_pool()?;
    Ok(())
}
