//! Concept: passing a file descriptor. We put data in a memfd and send the fd to a service in
//! another process, which reads it through its own, new descriptor.
//!
//! ```sh
//! cargo run --example fd_pass
//! ```
// Generated code names the library `binder`, as AOSP crates call it.
extern crate libbinder as binder;

#[path = "common/system.rs"]
mod system;

use std::io::{Read, Seek, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};

// The interfaces, generated from examples/aidl/ by build.rs; at the crate root, so that the
// generated files' `crate::mangled::...` paths resolve.
include!(concat!(env!("OUT_DIR"), "/aidl.rs"));

use aidl::binder::sim::example::IReader::{BnReader, IReader};
use binder_sim::libbinder::{self, BinderFeatures, Interface, ParcelFileDescriptor};

struct Reader;

impl Interface for Reader {}

impl IReader for Reader {
    fn read_all(&self, fd: &ParcelFileDescriptor) -> libbinder::Result<String> {
        let raw = fd.as_raw_fd();
        let own = fd
            .try_clone()
            .map_err(|_| libbinder::StatusCode::BAD_VALUE)?;
        let mut file = std::fs::File::from(OwnedFd::from(own));
        let mut text = String::new();
        file.rewind()
            .and_then(|_| file.read_to_string(&mut text))
            .map_err(|_| libbinder::StatusCode::BAD_VALUE)?;
        Ok(format!(
            "pid {} read {text:?} from its fd {raw}",
            std::process::id()
        ))
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    if system::role().as_deref() == Some("reader") {
        return system::serve_as("reader", || {
            BnReader::new_binder(Reader, BinderFeatures::default()).as_binder()
        });
    }
    let _system = system::start()?;
    let _reader = system::spawn_service("reader")?;
    let reader = libbinder::get_interface::<dyn IReader>("reader")?;
    // SAFETY: a plain system call with a valid NUL-terminated name.
    let fd = unsafe { libc::memfd_create(c"fd_pass".as_ptr(), libc::MFD_CLOEXEC) };
    if fd < 0 {
        return Err(std::io::Error::last_os_error().into());
    }
    // SAFETY: memfd_create just returned this descriptor to us.
    let mut memfd = std::fs::File::from(unsafe { OwnedFd::from_raw_fd(fd) });
    memfd.write_all(b"data in a memfd")?;
    println!(
        "fd_pass: pid {} sends its memfd (fd {fd})",
        std::process::id()
    );
    println!(
        "fd_pass: {}",
        reader.read_all(&ParcelFileDescriptor::new(memfd))?
    );
    Ok(())
}
