//! `binderctl` against a real binderd: the debugfs files in the kernel's formats, `top`'s
//! screens, `trace`'s Chrome JSON (parsed back), and clear errors, never hangs, against no
//! binderd, a dead one, a stopped one, and one of another user.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use binder_sim::driver::uapi::*;
use common::*;

const ONEWAY_CODE: u32 = 5;

#[test]
fn child_roles() {
    let Ok(role) = std::env::var(ROLE) else {
        return;
    };
    let dev = PathBuf::from(std::env::var(DEV).unwrap());
    match role.as_str() {
        "manager" => manager(&dev),
        other => panic!("unknown role {other}"),
    }
    std::process::exit(0);
}

/// A context manager that answers every call with its data reversed and frees oneways.
fn manager(dev: &Path) {
    let c = Client::open(dev);
    c.dev.set_context_mgr().unwrap();
    c.write_read(&Cmds::new().code(BC_ENTER_LOOPER).bytes, 0)
        .unwrap();
    tell("ready");
    loop {
        for br in c.read_until_txn(&[]).unwrap() {
            let Br::Transaction(t) = br else { continue };
            let buf = t.td.data_buffer();
            // A node handed over: keep a reference to it (a `ref` line in the state).
            let mut keep = Cmds::new();
            for &off in &t.offsets {
                let o = FlatBinderObject::from_bytes(&t.data[off as usize..]).unwrap();
                keep = keep
                    .code(BC_INCREFS)
                    .u32(o.handle())
                    .code(BC_ACQUIRE)
                    .u32(o.handle());
            }
            if !keep.bytes.is_empty() {
                c.write_read(&keep.bytes, 0).unwrap();
            }
            if t.td.flags & TF_ONE_WAY != 0 {
                c.write_read(&Cmds::new().free(buf).bytes, 0).unwrap();
            } else {
                let mut echo = t.data.clone();
                echo.reverse();
                c.write_read(&Cmds::new().free(buf).reply(&echo).bytes, 0)
                    .unwrap();
            }
        }
    }
}

struct Run {
    code: i32,
    out: String,
    err: String,
}

/// Runs `cmd` to its end, at most `limit`: a binderctl that hangs fails the test (and is
/// killed) instead of hanging it.
fn run_bounded(mut cmd: Command, limit: Duration) -> Run {
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn binderctl");
    let pid = child.id() as i32;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(limit) {
        Ok(out) => {
            let out = out.unwrap();
            Run {
                code: out.status.code().unwrap_or(-1),
                out: String::from_utf8_lossy(&out.stdout).into_owned(),
                err: String::from_utf8_lossy(&out.stderr).into_owned(),
            }
        }
        Err(_) => {
            // SAFETY: killing our own child, which the waiting thread then reaps.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            panic!(
                "binderctl {:?} still running after {limit:?}",
                cmd.get_args()
            );
        }
    }
}

fn binderctl(dir: &Path, args: &[&str]) -> Run {
    let mut cmd = Command::new(binderctl_path());
    cmd.arg("--dir")
        .arg(dir)
        .args(args)
        .env_remove("BINDER_DEVICE");
    run_bounded(cmd, Duration::from_secs(30))
}

/// A context manager in a child process, and a caller thread here.
struct World {
    // Fields drop in order: the manager goes before binderd (which it would see go).
    manager: ChildProc,
    caller: BinderThread,
    client: Arc<Client>,
    d: TestDaemon,
}

impl World {
    fn start(tag: &str) -> World {
        let d = TestDaemon::start(tag);
        let mut manager = ChildProc::spawn("child_roles", "manager", &d.device());
        assert_eq!(manager.expect_line_within(EVENT_TIMEOUT), "ready");
        let client = Arc::new(Client::open(&d.device()));
        World {
            manager,
            caller: BinderThread::spawn("caller"),
            client,
            d,
        }
    }

    /// One sync call to the manager from the caller thread; its reply's data.
    fn call(&self, code: u32, data: &[u8]) -> Vec<Br> {
        let c = self.client.clone();
        let data = data.to_vec();
        self.caller.run(move || {
            let got = c
                .read_until_txn(&Cmds::new().call(0, code, &data).bytes)
                .unwrap();
            // Free the reply's buffer, as libbinder does.
            if let Some(Br::Reply(r)) = got.last() {
                c.write_read(&Cmds::new().free(r.td.data_buffer()).bytes, 0)
                    .unwrap();
            }
            got
        })
    }

    fn oneway(&self) {
        let c = self.client.clone();
        self.caller.run(move || {
            c.write_read(&Cmds::new().oneway(0, ONEWAY_CODE, b"fire").bytes, 256)
                .unwrap()
        });
    }

    /// Calls the manager in a loop on the caller thread until the returned flag is set.
    fn keep_calling(&self) -> (Arc<AtomicBool>, std::sync::mpsc::Receiver<u64>) {
        let stop = Arc::new(AtomicBool::new(false));
        let (c, s) = (self.client.clone(), stop.clone());
        let done = self.caller.start(move || {
            let mut n = 0u64;
            while !s.load(Ordering::SeqCst) {
                let got = c
                    .read_until_txn(&Cmds::new().call(0, 3, b"load").bytes)
                    .unwrap();
                if let Some(Br::Reply(r)) = got.last() {
                    c.write_read(&Cmds::new().free(r.td.data_buffer()).bytes, 0)
                        .unwrap();
                }
                n += 1;
            }
            n
        });
        (stop, done)
    }

    fn dir(&self) -> &Path {
        &self.d.dir.0
    }
}

#[test]
fn debugfs_files_print_in_the_kernels_formats() {
    let w = World::start("ctl-files");
    let me = std::process::id() as i32;
    let mgr = w.manager.pid();
    for i in 0..3u8 {
        let got = w.call(9, &[i; 16]);
        assert!(matches!(got.last(), Some(Br::Reply(_))), "{got:?}");
    }
    w.oneway();
    // Hand the manager a node of ours: it holds a ref to it from then on.
    let c = w.client.clone();
    let got = w.caller.run(move || {
        let mut o = FlatBinderObject::default();
        o.hdr.type_ = BINDER_TYPE_BINDER;
        o.set_binder(0x1000);
        o.cookie = 0x2000;
        let got = c
            .read_until_txn(&Cmds::new().call_objs(0, 9, 0, o.as_bytes(), &[0]).bytes)
            .unwrap();
        let acks = ref_acks(&got);
        if !acks.bytes.is_empty() {
            c.write_read(&acks.bytes, 0).unwrap();
        }
        got
    });
    assert!(matches!(got.last(), Some(Br::Reply(_))), "{got:?}");
    // A call to a handle nobody holds fails: the failed log has it.
    let got = w.call(9, b"x");
    assert!(matches!(got.last(), Some(Br::Reply(_))), "{got:?}");
    let c = w.client.clone();
    let failed = w.caller.run(move || {
        c.read_until_txn(&Cmds::new().call(77, 1, b"nobody").bytes)
            .unwrap()
    });
    assert!(failed.contains(&Br::FailedReply), "{failed:?}");

    let r = binderctl(w.dir(), &["state"]);
    assert_eq!(r.code, 0, "{}", r.err);
    let lines: Vec<&str> = r.out.lines().collect();
    assert_eq!(lines[0], "binder state:");
    assert!(lines.contains(&format!("proc {mgr}").as_str()), "{}", r.out);
    assert!(lines.contains(&format!("proc {me}").as_str()), "{}", r.out);
    assert!(lines.contains(&"context binder"), "{}", r.out);
    assert!(
        lines.iter().any(|l| l.starts_with("  thread ")),
        "{}",
        r.out
    );
    assert!(lines.iter().any(|l| l.starts_with("  node ")), "{}", r.out);
    assert!(lines.iter().any(|l| l.starts_with("  ref ")), "{}", r.out);

    let r = binderctl(w.dir(), &["stats"]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.out.starts_with("binder stats:\n"), "{}", r.out);
    assert!(r.out.contains("BC_TRANSACTION: "), "{}", r.out);
    assert!(r.out.contains("BR_REPLY: "), "{}", r.out);
    assert!(r.out.contains("proc: active 2 total 2"), "{}", r.out);

    let r = binderctl(w.dir(), &["transactions"]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.out.starts_with("binder transactions:\n"), "{}", r.out);

    let r = binderctl(w.dir(), &["transaction_log"]);
    assert_eq!(r.code, 0, "{}", r.err);
    let calls = r
        .out
        .lines()
        .filter(|l| l.contains(&format!(": call  from {me}:")) && l.contains("context binder"))
        .count();
    assert!(calls >= 4, "{}", r.out);
    assert!(
        r.out.lines().any(|l| l.contains(": async from ")),
        "{}",
        r.out
    );
    assert!(
        r.out
            .lines()
            .any(|l| l.contains(&format!(": reply from {mgr}:"))),
        "{}",
        r.out
    );

    let r = binderctl(w.dir(), &["failed_transaction_log"]);
    assert_eq!(r.code, 0, "{}", r.err);
    let failed: Vec<&str> = r.out.lines().collect();
    assert_eq!(failed.len(), 1, "{}", r.out);
    assert!(failed[0].contains(" handle 77 ") && failed[0].contains(" reason: "));

    let r = binderctl(w.dir(), &["proc", &mgr.to_string()]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(
        r.out
            .starts_with(&format!("binder proc state:\nproc {mgr}\ncontext binder\n")),
        "{}",
        r.out
    );
    let r = binderctl(w.dir(), &["proc", "999999999"]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("no process 999999999"), "{}", r.err);

    let r = binderctl(w.dir(), &["--device", "hwbinder", "state"]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("no device \"hwbinder\""), "{}", r.err);

    let r = binderctl(w.dir(), &["devices"]);
    assert_eq!((r.code, r.out.as_str()), (0, "binder\n"), "{}", r.err);

    // BINDER_DEVICE names the directory and device, as it does for clients.
    let mut cmd = Command::new(binderctl_path());
    cmd.arg("state").env("BINDER_DEVICE", w.d.device());
    let r = run_bounded(cmd, Duration::from_secs(30));
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.out.contains(&format!("proc {mgr}\n")), "{}", r.out);
}

fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON ({e}): {s}"))
}

#[test]
fn top_shows_each_process_and_node_with_its_traffic() {
    let w = World::start("ctl-top");
    let me = std::process::id() as i64;
    let mgr = w.manager.pid() as i64;
    for _ in 0..5 {
        w.call(9, b"0123456789");
    }
    w.oneway();
    // Calls go on through the whole interval, so top sees rates and latencies.
    let (stop, done) = w.keep_calling();
    let r = binderctl(w.dir(), &["top", "--json", "--interval", "1"]);
    let once = binderctl(w.dir(), &["top", "--once", "--interval", "0.5"]);
    stop.store(true, Ordering::SeqCst);
    let calls = await_result(&done, EVENT_TIMEOUT, "caller loop");
    assert!(calls > 0);
    assert_eq!(r.code, 0, "{}", r.err);
    let v = json(&r.out);
    assert_eq!(v["device"], "binder");
    let procs = v["processes"].as_array().unwrap();
    let server = procs.iter().find(|p| p["pid"] == mgr).expect("manager row");
    let caller = procs.iter().find(|p| p["pid"] == me).expect("caller row");
    assert!(server["calls_total"].as_u64().unwrap() >= 5, "{server}");
    assert!(server["oneways_total"].as_u64().unwrap() >= 1, "{server}");
    assert!(server["bytes_total"].as_u64().unwrap() >= 50, "{server}");
    assert!(server["calls_per_s"].as_f64().unwrap() > 0.0, "{server}");
    assert!(server["p50_us"].as_f64().is_some(), "{server}");
    assert!(
        server["p99_us"].as_f64() >= server["p50_us"].as_f64(),
        "{server}"
    );
    assert!(
        caller["calls_sent_total"].as_u64().unwrap() >= 5,
        "{caller}"
    );
    assert_eq!(server["frozen"], "no");
    assert!(server["buffer_size"].as_u64().unwrap() > 0);
    // The manager has one thread, a looper: serving or waiting for the next call.
    let threads = server["threads_busy"].as_u64().unwrap()
        + server["threads_idle"].as_u64().unwrap()
        + server["threads_waiting"].as_u64().unwrap();
    assert_eq!(threads, 1, "{server}");
    let nodes = v["nodes"].as_array().unwrap();
    let node = nodes
        .iter()
        .find(|n| n["owner_pid"] == mgr)
        .expect("the manager's node");
    assert!(node["calls_total"].as_u64().unwrap() >= 5, "{node}");

    assert_eq!(once.code, 0, "{}", once.err);
    let lines: Vec<&str> = once.out.lines().collect();
    assert!(lines[0].starts_with("binderctl top - "), "{}", once.out);
    assert!(
        lines
            .iter()
            .any(|l| l.trim_start().starts_with("PID COMMAND")),
        "{}",
        once.out
    );
    assert!(
        lines
            .iter()
            .any(|l| l.trim_start().starts_with(&format!("{mgr} "))),
        "{}",
        once.out
    );
    assert!(
        lines
            .iter()
            .any(|l| l.trim_start().starts_with("NODE   OWNER")),
        "{}",
        once.out
    );
}

/// The trace's events of phase `ph`.
fn phase<'a>(events: &'a [serde_json::Value], ph: &str) -> Vec<&'a serde_json::Value> {
    events.iter().filter(|e| e["ph"] == ph).collect()
}

#[test]
fn trace_writes_slices_and_flows_that_chrome_and_perfetto_read() {
    let w = World::start("ctl-trace");
    let me = std::process::id() as i64;
    let mgr = w.manager.pid() as i64;
    let out = w.dir().join("trace.json");
    let (stop, done) = w.keep_calling();
    let r = binderctl(
        w.dir(),
        &["trace", "--seconds", "1", "-o", out.to_str().unwrap()],
    );
    stop.store(true, Ordering::SeqCst);
    await_result(&done, EVENT_TIMEOUT, "caller loop");
    assert_eq!(r.code, 0, "{}", r.err);
    let v = json(&std::fs::read_to_string(&out).unwrap());
    assert_eq!(v["metadata"]["events_dropped"], 0, "{}", v["metadata"]);
    let events = v["traceEvents"].as_array().unwrap();
    let slices = phase(events, "X");
    let calls: Vec<_> = slices
        .iter()
        .filter(|e| e["cat"] == "binder,call" && e["pid"] == me)
        .collect();
    let served: Vec<_> = slices
        .iter()
        .filter(|e| e["cat"] == "binder,serve" && e["pid"] == mgr)
        .collect();
    assert!(!calls.is_empty() && !served.is_empty(), "{}", v);
    // A call the recording saw from its send to its serving (the first may have been in
    // flight when it started, the last when it ended).
    let (call, serve) = calls
        .iter()
        .find_map(|c| {
            let t = c["args"]["txn"].as_u64();
            served
                .iter()
                .find(|e| e["args"]["txn"].as_u64() == t)
                .map(|s| (*c, *s))
        })
        .expect("a call with its serving slice");
    let name = call["name"].as_str().unwrap();
    assert!(name.starts_with("code 0x3 node "), "{name}");
    assert_eq!(serve["name"], name);
    assert_eq!(call["tid"], w.caller.tid as i64);
    let txn = call["args"]["txn"].as_u64().unwrap();
    let at = |e: &serde_json::Value, k: &str| e[k].as_f64().unwrap();
    // The serving slice lies within the call's.
    assert!(at(serve, "ts") >= at(call, "ts"));
    assert!(at(serve, "ts") + at(serve, "dur") <= at(call, "ts") + at(call, "dur"));
    // The call's arrow leaves the caller's slice and lands in the serving one.
    let starts = phase(events, "s");
    let ends = phase(events, "f");
    let s = starts
        .iter()
        .find(|e| e["id"].as_u64() == Some(txn))
        .expect("call flow start");
    let f = ends
        .iter()
        .find(|e| e["id"].as_u64() == Some(txn))
        .expect("call flow end");
    assert_eq!((&s["pid"], &s["tid"]), (&call["pid"], &call["tid"]));
    assert_eq!((&f["pid"], &f["tid"]), (&serve["pid"], &serve["tid"]));
    assert_eq!(f["bp"], "e");
    let inside = |p: &serde_json::Value, sl: &serde_json::Value| {
        at(p, "ts") >= at(sl, "ts") && at(p, "ts") <= at(sl, "ts") + at(sl, "dur")
    };
    assert!(inside(s, call) && inside(f, serve));
    // And the reply's arrow goes back, from the serving slice into the caller's.
    let back = starts
        .iter()
        .filter(|e| e["pid"] == mgr && e["name"] == format!("reply {name}").as_str())
        .find(|e| inside(e, serve))
        .expect("reply flow start");
    let land = ends
        .iter()
        .find(|e| e["id"] == back["id"])
        .expect("reply flow end");
    assert!(inside(land, call), "{land} not in {call}");
    // Every process and thread is named: ours by its command.
    let meta = phase(events, "M");
    let comm = std::fs::read_to_string("/proc/self/comm").unwrap();
    assert!(
        meta.iter().any(|e| e["name"] == "process_name"
            && e["pid"] == me
            && e["args"]["name"] == comm.trim_end()),
        "{comm}"
    );
    for pid in [me, mgr] {
        assert!(
            meta.iter()
                .any(|e| e["name"] == "process_name" && e["pid"] == pid),
            "{pid}"
        );
    }
    assert!(meta
        .iter()
        .any(|e| e["name"] == "thread_name" && e["tid"] == w.caller.tid as i64));
}

#[test]
fn a_trace_of_a_busy_system_is_bounded_and_says_what_it_dropped() {
    let w = World::start("ctl-ring");
    let out = w.dir().join("trace.json");
    let (stop, done) = w.keep_calling();
    let r = binderctl(
        w.dir(),
        &[
            "trace",
            "--seconds",
            "1",
            "--max-events",
            "8",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    stop.store(true, Ordering::SeqCst);
    let calls = await_result(&done, EVENT_TIMEOUT, "caller loop");
    assert_eq!(r.code, 0, "{}", r.err);
    let v = json(&std::fs::read_to_string(&out).unwrap());
    assert_eq!(v["metadata"]["events_recorded"], 8, "{}", v["metadata"]);
    // Four events per call (call, delivery, reply, delivery), most of them dropped.
    let dropped = v["metadata"]["events_dropped"].as_u64().unwrap();
    assert!(dropped > 0, "{calls} calls, {}", v["metadata"]);
    assert!(r.err.contains(&format!("({dropped} dropped)")), "{}", r.err);
}

#[test]
fn no_binderd_is_a_clear_error() {
    let dir = TempDir::new("ctl-none");
    let r = binderctl(&dir.0, &["state"]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("no binderd serves"), "{}", r.err);
    assert!(r.out.is_empty());
}

#[test]
fn a_dead_binderd_is_a_clear_error() {
    let mut d = DaemonProc::start("ctl-dead", None);
    d.child.kill().unwrap();
    d.child.wait().unwrap();
    let r = binderctl(&d.dir.0, &["stats"]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("binderd is not running"), "{}", r.err);
}

#[test]
fn a_stopped_binderd_times_out_instead_of_hanging() {
    let d = DaemonProc::start("ctl-stopped", None);
    let pid = d.child.id() as i32;
    // SAFETY: signalling our own child.
    unsafe { libc::kill(pid, libc::SIGSTOP) };
    let r = binderctl(&d.dir.0, &["--timeout", "0.5", "state"]);
    // SAFETY: as above; it must run again to stop on drop.
    unsafe { libc::kill(pid, libc::SIGCONT) };
    assert_eq!(r.code, 1);
    assert!(r.err.contains("did not answer in time"), "{}", r.err);
}

#[test]
fn a_binderd_of_another_user_refuses_clearly() {
    // SAFETY: geteuid cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("skipped: only root can run binderd and binderctl as two other users");
        return;
    }
    let d = DaemonProc::start("ctl-other", Some(65534));
    let ctl = d.dir.0.join("binderctl");
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(&ctl).unwrap();
    assert_eq!((meta.uid(), meta.mode() & 0o777), (65534, 0o600));
    // Another user: the socket's mode refuses the connection.
    let copy = d.dir.0.join("binderctl.bin");
    copy_executable(&binderctl_path(), &copy);
    let mut cmd = Command::new(&copy);
    std::os::unix::process::CommandExt::uid(&mut cmd, 65533);
    std::os::unix::process::CommandExt::gid(&mut cmd, 65533);
    cmd.arg("--dir").arg(&d.dir.0).arg("state");
    let r = run_bounded(cmd, Duration::from_secs(30));
    assert_eq!(r.code, 1);
    assert!(r.err.contains("permission denied"), "{}", r.err);
    assert!(r.err.contains("uid 65534"), "{}", r.err);
    // Root may look, as at debugfs.
    let r = binderctl(&d.dir.0, &["state"]);
    assert_eq!(r.code, 0, "{}", r.err);
}

#[test]
fn a_hostile_control_client_loses_only_its_connection() {
    use std::io::{Read, Write};
    let w = World::start("ctl-hostile");
    let path = w.dir().join("binderctl");
    // A length beyond any request: binderd closes the connection.
    let mut s = std::os::unix::net::UnixStream::connect(&path).unwrap();
    s.set_read_timeout(Some(EVENT_TIMEOUT)).unwrap();
    s.write_all(&u32::MAX.to_le_bytes()).unwrap();
    let mut b = [0u8; 16];
    assert_eq!(s.read(&mut b).unwrap(), 0);
    // A well-framed request that is junk: an error, then the end.
    let mut s = std::os::unix::net::UnixStream::connect(&path).unwrap();
    s.set_read_timeout(Some(EVENT_TIMEOUT)).unwrap();
    s.write_all(&[3, 0, 0, 0, 1, 99, 0]).unwrap();
    let mut got = Vec::new();
    s.read_to_end(&mut got).unwrap();
    assert!(String::from_utf8_lossy(&got).contains("malformed request"));
    // A client that says nothing holds only its own connection: the device serves on.
    let _silent = std::os::unix::net::UnixStream::connect(&path).unwrap();
    let got = w.call(9, b"still here");
    assert!(matches!(got.last(), Some(Br::Reply(_))), "{got:?}");
    let r = binderctl(w.dir(), &["stats"]);
    assert_eq!(r.code, 0, "{}", r.err);
}

/// A tmux server of this test's own (never the user's), killed on drop.
struct Tmux(String);

impl Tmux {
    fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.0)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("run tmux")
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", "top"]).stdout).into_owned()
    }

    /// Polls the screen until `ok` holds, at most `EVENT_TIMEOUT`; the last screen.
    fn screen_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let deadline = std::time::Instant::now() + EVENT_TIMEOUT;
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "no {what} on the screen in {EVENT_TIMEOUT:?}:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

#[test]
fn top_draws_in_a_real_terminal_and_answers_keys() {
    let have_tmux = Command::new("tmux")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !have_tmux {
        eprintln!("skipped: no tmux to run binderctl top in a terminal");
        return;
    }
    let w = World::start("ctl-tmux");
    let mgr = w.manager.pid();
    let (stop, done) = w.keep_calling();
    let tmux = Tmux(format!("binderctl-test-{}", std::process::id()));
    let top = format!(
        "{} --dir {} top --interval 0.3",
        binderctl_path().display(),
        w.dir().display()
    );
    let out = tmux.cmd(&[
        "new-session",
        "-d",
        "-s",
        "top",
        "-x",
        "150",
        "-y",
        "40",
        &top,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let row = |s: &str| {
        s.lines()
            .any(|l| l.trim_start().starts_with(&format!("{mgr} ")))
    };
    let screen = tmux.screen_until("manager row", row);
    let lines: Vec<&str> = screen.lines().collect();
    assert!(lines[0].starts_with("binderctl top - "), "{screen}");
    assert!(lines[1].starts_with("sort: calls "), "{screen}");
    assert!(lines
        .iter()
        .any(|l| l.trim_start().starts_with("PID COMMAND")));
    assert!(lines
        .iter()
        .any(|l| l.trim_start().starts_with("NODE   OWNER")));
    // Sorting by pid puts the lower pid first.
    tmux.cmd(&["send-keys", "-t", "top", "p"]);
    let screen = tmux.screen_until("pid order", |s| s.contains("sort: pid") && row(s));
    let pids: Vec<i32> = screen
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("PID COMMAND"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .map(|l| l.split_whitespace().next().unwrap().parse().unwrap())
        .collect();
    let mut sorted = pids.clone();
    sorted.sort();
    assert!(pids.len() >= 2 && pids == sorted, "{screen}");
    // q quits: the pane's program ends, and with it the session.
    tmux.cmd(&["send-keys", "-t", "top", "q"]);
    let deadline = std::time::Instant::now() + EVENT_TIMEOUT;
    while tmux.cmd(&["has-session", "-t", "top"]).status.success() {
        assert!(
            std::time::Instant::now() < deadline,
            "top did not quit on q"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    stop.store(true, Ordering::SeqCst);
    await_result(&done, EVENT_TIMEOUT, "caller loop");
}

#[test]
fn no_device_may_take_the_control_sockets_name() {
    use binder_sim::driver::daemon::{Config, Daemon};
    let dir = TempDir::new("ctl-name");
    let mut config = Config::new(&dir.0);
    config.devices = vec!["binder".into(), "binderctl".into()];
    let e = Daemon::start(config).err().expect("refused");
    assert_eq!(e.kind(), std::io::ErrorKind::InvalidInput, "{e}");
}
