//! A minimal Binder client: finds `example.echo` through the service manager and calls it.
#[path = "common/echo.rs"]
mod echo;
use echo::IEcho;
use libbinder::ProcessState;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    ProcessState::init_default()?;
    let echo = libbinder::get_interface::<dyn IEcho>("example.echo")?;
    println!("{}", echo.echo("hello".into())?);
    Ok(())
}
