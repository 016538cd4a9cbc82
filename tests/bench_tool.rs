//! `binder-bench` runs end to end (its output and JSON, not its timings: performance is
//! measured, never asserted in tests).

use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

fn bench(args: &[&str]) -> (String, String, i32) {
    let tmp = std::env::temp_dir().join(format!(
        "binder-bench-test-{}-{}",
        std::process::id(),
        args.len()
    ));
    std::fs::create_dir_all(&tmp).unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_binder-bench"))
        .args(args)
        .env("TMPDIR", &tmp)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id() as i32;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let out = match rx.recv_timeout(Duration::from_secs(120)) {
        Ok(out) => out.unwrap(),
        Err(_) => {
            // SAFETY: kill has no memory-safety preconditions; the waiting thread reaps it.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            panic!("binder-bench {args:?} did not finish in time");
        }
    };
    let left: Vec<_> = std::fs::read_dir(&tmp).unwrap().collect();
    assert!(left.is_empty(), "binder-bench left {left:?}");
    std::fs::remove_dir_all(&tmp).unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn text_report_with_baseline_and_copy_count() {
    let (out, err, code) = bench(&["-w", "4", "-i", "50", "-s", "4096", "--compare"]);
    assert_eq!(code, 0, "{out}\n{err}");
    for expected in [
        "binder-bench: 2 pair(s), 50 iterations each, 4096 B request + empty reply",
        "binder-sim: ",
        " iterations/s; avg ",
        " p50 ",
        " p99.9 ",
        "copies per payload byte: 1.0",
        "(one-copy 1.0",
        "inline 0.000)",
        "SOCK_SEQPACKET baseline: ",
        "pipe baseline: ",
        "relay baseline: ",
        "ratios binder/SOCK_SEQPACKET: p50 ",
        "ratios binder/pipe: p50 ",
        "ratios binder/relay: p50 ",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
}

#[test]
fn json_oneway_and_raw_samples() {
    let raw = std::env::temp_dir().join(format!("binder-bench-raw-{}", std::process::id()));
    let raw_s = raw.to_str().unwrap();
    let (out, err, code) = bench(&[
        "-i",
        "40",
        "-s",
        "100000",
        "--oneway",
        "--json",
        "--raw",
        raw_s,
        "--compare",
    ]);
    assert_eq!(code, 0, "{out}\n{err}");
    let line = out.trim();
    assert!(
        line.starts_with("{\"workers\":2,\"iterations\":40,\"payload\":100000,\"oneway\":true"),
        "{line}"
    );
    for key in [
        "\"binder\":{\"iterations_per_sec\":",
        "\"p999_us\":",
        "\"copies_per_payload_byte\":1.0",
        "\"baselines\":[{\"kind\":\"unix stream\"",
        "{\"kind\":\"pipe\",\"result\":{",
        "{\"kind\":\"relay\",\"result\":{\"iterations_per_sec\":",
    ] {
        assert!(line.contains(key), "missing {key} in {line}");
    }
    let samples = std::fs::read_to_string(&raw).unwrap();
    std::fs::remove_file(&raw).unwrap();
    assert_eq!(samples.lines().count(), 40);
    assert!(samples
        .lines()
        .all(|l| l.parse::<u64>().is_ok_and(|ns| ns > 0)));
}

#[test]
fn bad_options_are_refused() {
    let (_, err, code) = bench(&["-w", "3"]);
    assert_eq!(code, 2);
    assert!(err.contains("-w must be an even number"), "{err}");
}

#[test]
fn plot_sweeps_every_payload_and_draws_the_picture() {
    let svg = std::env::temp_dir().join(format!("binder-bench-plot-{}.svg", std::process::id()));
    let (out, err, code) = bench(&["-i", "20", "--plot", svg.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}\n{err}");
    let rows: Vec<&str> = out.lines().filter(|l| l.starts_with("| ")).collect();
    // The header, then one row per payload, each with a copy count but the empty one.
    assert_eq!(rows.len(), 7, "{out}");
    for (row, payload) in rows[1..]
        .iter()
        .zip(["0", "32 B", "4 KiB", "64 KiB", "256 KiB", "900 KiB"])
    {
        assert!(row.starts_with(&format!("| {payload} | ")), "{row}");
    }
    assert!(rows[6].contains("| stream "), "{}", rows[6]);
    assert!(rows[2].contains("| seqpacket "), "{}", rows[2]);
    assert!(rows[2].trim_end().ends_with("| 1.00 |"), "{}", rows[2]);
    // The relay's column and its ratio, beside the socket's and the pipe's.
    assert!(rows[0].contains("| relay p50 / p99 (µs) |"), "{}", rows[0]);
    assert!(rows[0].contains("| p50 vs relay |"), "{}", rows[0]);
    for row in &rows[1..] {
        assert_eq!(row.matches('|').count(), 10, "{row}");
    }
    let picture = std::fs::read_to_string(&svg).unwrap();
    std::fs::remove_file(&svg).unwrap();
    assert!(picture.starts_with("<svg"), "{picture}");
    // p50 and p99 for binder-sim and the three baselines, a dot per measured p50.
    assert_eq!(picture.matches("<polyline").count(), 8);
    assert_eq!(picture.matches("<circle").count(), 24);
    assert!(picture.contains(">mediated relay p50<"), "{picture}");
    assert!(picture.contains(">mediated relay p99<"), "{picture}");
}
