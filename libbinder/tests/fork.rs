//! ProcessState belongs to the process that made it: a forked child is refused clearly.

mod support;

use libbinder::process::ProcessError;
use libbinder::ProcessState;
use support::TestDaemon;

#[test]
fn a_forked_child_cannot_use_the_parents_process_state() {
    let d = TestDaemon::start("fork");
    let ps = ProcessState::init(d.device(), 4).expect("init");
    assert!(ProcessState::self_().is_ok());
    let owner = std::process::id();
    // SAFETY: the child only makes async-signal-safe calls (getpid, an atomic load) and
    // leaves with _exit.
    let child = unsafe { libc::fork() };
    assert!(child >= 0, "fork failed");
    if child == 0 {
        let code = match ProcessState::self_() {
            Err(ProcessError::Forked { owner: o, current }) if o == owner && current != owner => 0,
            _ => 1,
        };
        // SAFETY: leaving the forked child without running the parent's destructors.
        unsafe { libc::_exit(code) };
    }
    let mut status = 0;
    // SAFETY: reaping our own child.
    assert_eq!(unsafe { libc::waitpid(child, &mut status, 0) }, child);
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "status {status:#x}"
    );
    assert_eq!(ps.driver_path(), d.device());
}
