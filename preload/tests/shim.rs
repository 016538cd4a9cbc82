//! The shim and `binder-run` with real programs: plain C programs (built here with the
//! system's C compiler) that open `/dev/binder` and talk to it through the C library, a
//! program that never touches binder, and the programs binder-run must refuse.

#[path = "../../libbinder/tests/support/mod.rs"]
mod support;

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use binder_driver::daemon::{Config, Daemon};
use binder_driver::device::Device;
use support::{finish, TempDir};

/// How long any program here may take.
const WAIT: Duration = Duration::from_secs(30);

fn binder_run() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_binder-run"))
}

/// The shim as built for this test run: beside the test (cargo builds the library's
/// `cdylib` with its `rlib` into `deps/`; only `cargo build` copies it beside `binder-run`).
fn shim() -> PathBuf {
    std::env::current_exe()
        .unwrap()
        .with_file_name("libbinder_sim_preload.so")
}

/// Builds `tests/c/NAME.c` into `dir` with the system's C compiler.
fn build_c(name: &str, dir: &Path) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/c/{name}.c"));
    let out = dir.join(name);
    let built = Command::new("cc")
        .args(["-Wall", "-Werror", "-O1", "-pthread", "-o"])
        .arg(&out)
        .arg(&src)
        .output()
        .expect("a C compiler (cc) is installed");
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    out
}

/// Runs `cmd` to its end (within [`WAIT`]) with `input` on its stdin.
fn run_with(cmd: &mut Command, what: &str, input: &[u8]) -> Output {
    let child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.as_ref().unwrap().write_all(input).unwrap();
    finish(child, what, WAIT)
}

fn run(cmd: &mut Command, what: &str) -> Output {
    run_with(cmd, what, b"")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn under_binder_run(dir: &Path, program: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(binder_run());
    c.env("BINDER_SIM_PRELOAD", shim())
        .arg("--dir")
        .arg(dir)
        .arg(program)
        .args(args);
    c
}

fn serve(dir: &Path) -> Daemon {
    let mut config = Config::new(dir);
    config.workers = 2;
    Daemon::start(config).expect("binderd starts")
}

#[test]
fn a_c_program_gets_the_kernels_answers_on_the_device() {
    let t = TempDir::new("device");
    let program = build_c("device", &t.0);
    let dir = t.0.join("binderd");
    let _daemon = serve(&dir);
    let out = run(&mut under_binder_run(&dir, &program, &[]), "device");
    let expected = "\
access ok
access-x EACCES
access-other ENOENT
stat ok
chr 1 mode 666
open ok
fstat ok
chr 1
cloexec 1
plain-cloexec 0
version ok
protocol 8
version-int-request ok
version-null EINVAL
write-read-null EFAULT
write-read-unmapped EFAULT
write-read-kernel-half EFAULT
write-buffer-unmapped EFAULT
max-threads-null EINVAL
max-threads ok
mmap-writable EPERM
mmap ok
mmap-again EBUSY
mprotect-writable EACCES
readable 1
poll 0 revents 0
ppoll 0
select 0
epoll-add ok
epoll-wait 0
epoll-mod ok
epoll-del ok
epoll-del-again ENOENT
child 3
version-after-child ok
thread-exit-in-destructor ok
version-dup ok
version-dupfd ok
version-dup3 ok
getfl 2
version-after-close ok
version-closed EBADF
munmap ok
munmap-again ok
mmap-after-munmap EBUSY
nonblock-getfl 1
nonblock-first-read EAGAIN
consumed 4
nonblock-read EAGAIN
read 0 720c
";
    assert_eq!(stdout(&out), expected, "{out:?}");
    assert!(out.status.success());
    // Every open was released when the program ended.
    assert!(_daemon.wait_for_processes("binder", 0, WAIT));
    assert!(_daemon.wait_for_processes("hwbinder", 0, WAIT));
    assert!(_daemon.wait_for_processes("vndbinder", 0, WAIT));
}

#[test]
fn two_c_programs_call_each_other_waiting_with_epoll_poll_and_select() {
    let t = TempDir::new("pingpong");
    let program = build_c("pingpong", &t.0);
    let dir = t.0.join("binderd");
    let daemon = serve(&dir);
    for how in ["epoll", "poll", "select"] {
        let mut manager = under_binder_run(&dir, &program, &["manager", "200", how])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // "ready" comes once it is the context manager.
        let mut first = [0u8; 6];
        std::io::Read::read_exact(manager.stdout.as_mut().unwrap(), &mut first).unwrap();
        assert_eq!(&first, b"ready\n");
        let client = run(
            &mut under_binder_run(&dir, &program, &["client", "200"]),
            how,
        );
        assert_eq!(stdout(&client), "ok\n", "{how}: {client:?}");
        let served = finish(manager, how, WAIT);
        assert_eq!(stdout(&served), "served 200\n", "{how}: {served:?}");
        assert!(daemon.wait_for_processes("binder", 0, WAIT));
    }
}

#[test]
fn a_program_that_never_touches_binder_runs_unaffected() {
    let t = TempDir::new("plain");
    let mut cmd = under_binder_run(&t.0.join("binderd"), Path::new("sh"), &[]);
    cmd.args([
        "-c",
        "read x; echo \"got $x\" $LD_PRELOAD; ls -d /dev/null; exit 3",
    ]);
    let out = run_with(&mut cmd, "sh", b"abc\n");
    assert_eq!(
        stdout(&out),
        format!("got abc {}\n/dev/null\n", shim().display())
    );
    assert_eq!(out.status.code(), Some(3), "{out:?}");
}

#[test]
fn binder_run_serves_a_binderd_when_none_does_and_stops_it() {
    let t = TempDir::new("serves");
    let program = build_c("device", &t.0);
    let dir = t.0.join("binderd");
    assert!(Device::open(dir.join("binder")).is_err());
    let out = run(&mut under_binder_run(&dir, &program, &[]), "device");
    assert!(stdout(&out).starts_with("access ok\n"), "{out:?}");
    assert!(stdout(&out).contains("\nopen ok\n"), "{out:?}");
    assert!(out.status.success());
    assert!(Device::open(dir.join("binder")).is_err(), "still served");
}

#[test]
fn without_binderd_the_device_is_not_there() {
    let t = TempDir::new("absent");
    let program = build_c("device", &t.0);
    let out = run(
        Command::new(&program)
            .arg("open")
            .env("LD_PRELOAD", shim())
            .env("BINDER_SIM_DIR", t.0.join("nobody")),
        "device open",
    );
    assert_eq!(stdout(&out), "access ENOENT\nopen ENOENT\n");
}

#[test]
fn binder_run_refuses_setuid_and_static_programs_with_the_reason() {
    let t = TempDir::new("refuse");
    let dir = t.0.join("binderd");
    let setuid = t.0.join("setuid-true");
    std::fs::copy("/bin/true", &setuid).unwrap();
    std::fs::set_permissions(&setuid, std::fs::Permissions::from_mode(0o4755)).unwrap();
    let out = run(&mut under_binder_run(&dir, &setuid, &[]), "setuid");
    assert_eq!(out.status.code(), Some(127));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is setuid or setgid"),
        "{out:?}"
    );

    // A 64-bit ELF executable with one PT_LOAD header and no PT_INTERP: statically linked.
    let mut elf = vec![0u8; 64 + 56];
    elf[..8].copy_from_slice(b"\x7fELF\x02\x01\x01\x00");
    elf[0x10] = 2; // ET_EXEC
    elf[0x20] = 64; // e_phoff
    elf[0x36] = 56; // e_phentsize
    elf[0x38] = 1; // e_phnum
    elf[64] = 1; // PT_LOAD
    let stat = t.0.join("static");
    std::fs::write(&stat, &elf).unwrap();
    std::fs::set_permissions(&stat, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = run(&mut under_binder_run(&dir, &stat, &[]), "static");
    assert_eq!(out.status.code(), Some(127));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is statically linked"),
        "{out:?}"
    );
    assert!(
        !dir.exists(),
        "nothing was served for a program that cannot run"
    );
}
