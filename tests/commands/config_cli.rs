//! The config through the real binary: `brief config --default` round-trips,
//! `brief config` checks, `brief keys` follows the config, and a missing `--config`
//! file is an error where a missing default file is not.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh folder for one test, removed when dropped.
struct Dir(PathBuf);

impl Dir {
    fn new(what: &str) -> Dir {
        let dir =
            std::env::temp_dir().join(format!("brief-config-cli-{}-{what}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Dir(dir)
    }

    fn put(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `brief ARGS` with `XDG_CONFIG_HOME` set to `config_home`.
fn brief_with_config(config_home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .env("XDG_CONFIG_HOME", config_home)
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn the_printed_default_config_checks_ok_and_changes_no_key() {
    let d = Dir::new("default");
    let printed = brief_with_config(&d.0, &["config", "--default"]);
    assert!(printed.status.success());
    let file = d.put("default.toml", &stdout(&printed));
    let file = file.to_str().unwrap();
    let checked = brief_with_config(&d.0, &["config", "--config", file]);
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stderr)
    );
    assert_eq!(stdout(&checked), format!("ok: {file}\n"));
    let with = brief_with_config(&d.0, &["keys", "--config", file]);
    let without = brief_with_config(&d.0, &["keys"]);
    assert_eq!(stdout(&with), stdout(&without));
}

#[test]
fn brief_config_says_where_the_config_would_be_when_there_is_none() {
    let d = Dir::new("none");
    let out = brief_with_config(&d.0, &["config"]);
    assert!(out.status.success());
    assert_eq!(
        stdout(&out),
        format!(
            "no config at {}/brief/config.toml: brief uses the defaults (`brief config --default` prints them)\n",
            d.0.display()
        )
    );
}

#[test]
fn brief_config_reads_the_default_path_and_reports_its_problems() {
    let d = Dir::new("bad");
    std::fs::create_dir_all(d.0.join("brief")).unwrap();
    d.put("brief/config.toml", "[keys]\nquitt = [\"x\"]\n");
    let out = brief_with_config(&d.0, &["config"]);
    assert!(!out.status.success());
    let path = format!("{}/brief/config.toml", d.0.display());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "brief: the config {path} has 1 problem:\n{path}:2:1: error: unknown action `quitt` (did you mean `quit`?): `brief config --default` lists every action\n 2 | quitt = [\"x\"]\n   | ^\n"
        )
    );
}

#[test]
fn brief_keys_prints_the_table_the_config_sets() {
    let d = Dir::new("keys");
    let file = d.put("config.toml", "[keys]\nquit = [\"x\", \"ctrl-q\"]\n");
    let out = brief_with_config(&d.0, &["keys", "--config", file.to_str().unwrap()]);
    let text = stdout(&out);
    assert!(out.status.success());
    assert!(text.contains("  x / Ctrl-q              quit\n"), "{text}");
}

#[test]
fn a_missing_config_given_by_flag_is_an_error_and_a_missing_default_is_not() {
    let d = Dir::new("missing");
    let run = |args: &[&str]| brief_with_config(&d.0, args);
    let out = run(&["keys", "--config", "/nonexistent/brief.toml"]);
    assert!(!out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "brief: the config /nonexistent/brief.toml has 1 problem:\n/nonexistent/brief.toml: error: no such file\n"
    );
    assert!(run(&["keys"]).status.success());
}

/// A config that is not a regular file is refused without blocking (a FIFO, a
/// terminal); the null device reads as an empty config (issue 16).
#[cfg(unix)]
#[test]
fn a_special_config_is_refused_and_dev_null_is_empty() {
    let d = Dir::new("special");
    let fifo = d.0.join("fifo.toml");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let tty = d.0.join("tty.toml");
    std::os::unix::fs::symlink("/dev/tty", &tty).unwrap();
    for (path, kind) in [(&fifo, "a named pipe"), (&tty, "a character device")] {
        let path = path.to_str().unwrap();
        let out = brief_with_config(&d.0, &["keys", "--config", path]);
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            format!(
                "brief: the config {path} has 1 problem:\n{path}: error: is {kind}, not a regular file\n"
            )
        );
    }
    let out = brief_with_config(&d.0, &["keys", "--config", "/dev/null"]);
    assert!(out.status.success(), "{out:?}");
    // An oversized config names the config's limit, not a briefing's.
    let huge = d.0.join("huge.toml");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(16 * 1024 * 1024 + 1)
        .unwrap();
    let out = brief_with_config(&d.0, &["keys", "--config", huge.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("error: is larger than the 16 MiB limit for a config"),
        "{err}"
    );
}

/// A key name that is a bidi control or an invisible character is refused, located;
/// nothing raw reaches the terminal (issue 16).
#[test]
fn invisible_key_names_are_refused_with_a_located_error() {
    let d = Dir::new("invisible-keys");
    for (c, code) in [
        ("\\u202E", "202E"),
        ("\\u200B", "200B"),
        ("\\u3164", "3164"),
        ("ctrl-\\u2066", "2066"),
    ] {
        let file = d.put("c.toml", &format!("[keys]\nquit = [\"x\", \"{c}\"]\n"));
        let path = file.to_str().unwrap();
        let out = brief_with_config(&d.0, &["keys", "--config", path]);
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains(&format!("{path}:2:14: error: `"))
                && err.contains(&format!("is not a key: U+{code} is invisible")),
            "{err}"
        );
        assert!(
            !err.chars().any(|ch| ch != '\n'
                && (ch.is_control()
                    || brief::load::clean::is_unsafe_char(ch)
                    || brief::load::clean::is_blank_looking(ch))),
            "raw in {err:?}"
        );
    }
}

/// The look flags go before or after a subcommand alike; the reader's own flags do
/// not go with a subcommand, and saying so is a usage error (exit 2).
#[test]
fn look_flags_go_before_or_after_a_subcommand() {
    let d = Dir::new("order");
    let file = d.put("c.toml", "[keys]\nquit = \"x\"\n");
    let file = file.to_str().unwrap();
    let after = brief_with_config(&d.0, &["keys", "--config", file]);
    let before = brief_with_config(&d.0, &["--config", file, "keys"]);
    assert!(
        before.status.success(),
        "{}",
        String::from_utf8_lossy(&before.stderr)
    );
    assert_eq!(stdout(&before), stdout(&after));
    assert!(stdout(&before).contains("  x "), "{}", stdout(&before));
    let ascii = brief_with_config(&d.0, &["--ascii", "keys"]);
    assert!(ascii.status.success());

    for args in [
        &["--actor", "uk", "keys"][..],
        &["briefing.toml", "keys"],
        &["--no-state", "config"],
    ] {
        let out = brief_with_config(&d.0, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("cannot go with a subcommand"),
            "{args:?}: {err}"
        );
    }
}
