//! An rsbinder client: `rsb_echo_client DEVICE NAME TEXT [--lookup check2|get]` looks NAME up
//! in the service manager of DEVICE (a binder device path, such as /dev/binderfs/binder),
//! prints the services the manager lists, then calls IEcho.echo(TEXT) and prints the answer
//! alone on the last line.
//!
//! `--lookup check2` (the default) is rsbinder's own lookup, `hub::check_interface`: on Linux
//! it sends Android 16's `checkService2` (code 4) and reads the `Service` union it returns.
//! `--lookup get` sends the older `getService` (code 1), which returns the binder alone.
use rsbinder::{hub, FromIBinder, ProcessState, SIBinder, Strong};
use rsbinder_compat::IEcho;

fn lookup_get_service(name: &str) -> Result<SIBinder, String> {
    let sm = hub::default().map_err(|e| format!("service manager: {e:?}"))?;
    let hub::ServiceManager::Android16(sm) = &*sm;
    #[allow(deprecated, reason = "getService is what this lookup means to send")]
    hub::android_16::IServiceManager::getService(sm, name)
        .map_err(|e| format!("getService({name:?}): {e:?}"))?
        .ok_or_else(|| format!("getService({name:?}): null (not registered)"))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (device, name, text, lookup) = match args.as_slice() {
        [d, n, t] => (d, n, t, "check2"),
        [d, n, t, flag, l] if flag == "--lookup" => (d, n, t, l.as_str()),
        _ => return Err("usage: rsb_echo_client DEVICE NAME TEXT [--lookup check2|get]".into()),
    };
    ProcessState::init(device, 0)?;
    let services = hub::list_services(hub::DUMP_FLAG_PRIORITY_ALL);
    println!("services: {}", services.join(" "));
    let echo: Strong<dyn IEcho> = match lookup {
        "check2" => hub::check_interface(name)
            .map_err(|e| format!("hub::check_interface({name:?}) (checkService2): {e:?}"))?,
        "get" => {
            let binder = lookup_get_service(name)?;
            <dyn IEcho as FromIBinder>::try_from(binder)
                .map_err(|e| format!("{name:?} as IEcho: {e:?}"))?
        }
        other => return Err(format!("unknown lookup {other:?}").into()),
    };
    let answer = echo
        .echo(text)
        .map_err(|e| format!("echo({text:?}): {e:?}"))?;
    println!("{answer}");
    Ok(())
}
