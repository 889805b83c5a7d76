//! Every command writes through one path (issue 16): a reader that closed the pipe
//! ends `brief` quietly with exit 0, a full device is `brief: …` with exit 1, and
//! nothing panics (exit 101) on a failed write, to stdout or stderr.
#![cfg(unix)]

use crate::common::TempDir;
use std::fs::File;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_brief");

/// Runs `brief ARGS` with stdout (or stderr, when `stderr`) sent to `sink`; the other
/// stream is captured.
fn run(args: &[&str], sink: Stdio, stderr: bool) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .stdin(Stdio::null());
    if stderr {
        cmd.stdout(Stdio::piped()).stderr(sink);
    } else {
        cmd.stdout(sink).stderr(Stdio::piped());
    }
    cmd.output().expect("run brief")
}

fn full() -> Stdio {
    Stdio::from(
        File::options()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full"),
    )
}

/// A pipe whose reading end is already closed: every write to it fails with EPIPE.
fn closed_pipe() -> Stdio {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    Stdio::from(writer)
}

fn commands(good: &str) -> Vec<Vec<String>> {
    [
        vec!["check", good],
        vec!["print"],
        vec!["print", good, "--format", "json"],
        vec!["keys"],
        vec!["config", "--default"],
        vec!["--help"],
        vec!["--version"],
        vec![good],
    ]
    .into_iter()
    .map(|c| c.into_iter().map(str::to_owned).collect())
    .collect()
}

#[test]
fn a_full_device_is_an_error_and_a_closed_pipe_a_quiet_exit() {
    let dir = TempDir::new("output");
    let good = dir.0.join("good.toml");
    std::fs::write(&good, brief::load::BUNDLED_TEXT).unwrap();
    for args in commands(good.to_str().unwrap()) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run(&args, full(), false);
        assert_eq!(out.status.code(), Some(1), "{args:?} > /dev/full: {out:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "brief: could not write to stdout: No space left on device\n",
            "{args:?} > /dev/full"
        );
        let out = run(&args, closed_pipe(), false);
        assert_eq!(out.status.code(), Some(0), "{args:?} | closed: {out:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "",
            "{args:?} | closed"
        );
    }
}

/// Errors and warnings to a full or closed stderr: still the command's failure
/// (exit 1), never a panic. (`check` on a closed pipe keeps its verdict: a bad file
/// is exit 1 even when no one reads why.)
#[test]
fn a_failed_write_to_stderr_is_exit_1_not_a_panic() {
    let dir = TempDir::new("stderr");
    let bad = dir.0.join("bad.toml");
    std::fs::write(&bad, "format = 1\n[briefing]\n").unwrap();
    let empty = dir.0.join("empty.toml");
    std::fs::write(&empty, "").unwrap();
    let (bad, empty) = (bad.to_str().unwrap(), empty.to_str().unwrap());
    for args in [vec!["check", bad], vec!["print", empty], vec![bad]] {
        for (how, sink) in [("2>/dev/full", full()), ("2>closed", closed_pipe())] {
            let out = run(&args, sink, true);
            assert_eq!(out.status.code(), Some(1), "{args:?} {how}: {out:?}");
        }
    }
    let out = run(&["check", bad], closed_pipe(), false);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    // A usage error keeps its code whatever becomes of its message.
    let out = run(&["--no-such-flag"], full(), true);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}
