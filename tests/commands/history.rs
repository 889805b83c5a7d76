//! `brief print --view claims --history DIR` as a user runs it, on tests/fixtures/history:
//! three dated briefings in which Russia moves from `?` to `~` to `✔` on a claim that
//! is renamed twice (`same-as`), under another id and name on Tuesday (matched by
//! alias), and one file that does not load.

use std::process::{Command, Output};

const DIR: &str = "tests/fixtures/history";

fn history(extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["print", "--view", "claims", "--history", DIR])
        .arg(format!("{DIR}/3-wednesday.toml"))
        .args(extra)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the brief binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

const BROKEN: &str = "brief: warning: skipped, does not load: tests/fixtures/history/4-broken.toml:12:9: error: unknown actor `nobody` (0 actors defined)\n";

#[test]
fn each_cell_shows_its_stances_across_the_folder() {
    let out = history(&[]);
    assert_eq!(
        stdout(&out),
        "Claims across time: Troops at the border: Wednesday (12 Jan 2025)
Earlier briefings: 1-monday.toml (10 Jan 2025), 2-tuesday.toml (11 Jan 2025).

Troops were sent to the border. (sent)
  Russia: ? 10 Jan 2025 → ~ 11 Jan 2025 → ✔ 12 Jan 2025
    10 Jan 2025, 1-monday.toml (as `troops`): ? undecided: “We cannot say what is happening.”
    11 Jan 2025, 2-tuesday.toml (as `troops-sent`): ~ likely: “Some units may have moved.”
    12 Jan 2025, this briefing: ✔ asserts: “Our troops are there.”
  John Roe: ~ 12 Jan 2025
    12 Jan 2025, this briefing: ~ likely

Talks will resume. (talks)
  Jane Doe: ✘ 10 Jan 2025 → ? 11 Jan 2025 → · 12 Jan 2025
    10 Jan 2025, 1-monday.toml: ✘ denies
    11 Jan 2025, 2-tuesday.toml: ? undecided: Waiting for a date.
"
    );
    assert_eq!(stderr(&out), BROKEN);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn the_history_as_markdown_in_ascii() {
    let out = history(&["--format", "markdown", "--ascii", "--actor", "russia"]);
    assert_eq!(
        stdout(&out),
        "# Claims across time: Troops at the border: Wednesday (12 Jan 2025)

Earlier briefings: 1-monday.toml (10 Jan 2025), 2-tuesday.toml (11 Jan 2025).

## Troops were sent to the border. (`sent`)

- **Russia**: ? 10 Jan 2025 -\\> \\~ 11 Jan 2025 -\\> + 12 Jan 2025
  - 10 Jan 2025, 1-monday.toml (as \\`troops\\`): ? undecided: “We cannot say what is happening.”
  - 11 Jan 2025, 2-tuesday.toml (as \\`troops-sent\\`): \\~ likely: “Some units may have moved.”
  - 12 Jan 2025, this briefing: + asserts: “Our troops are there.”
"
    );
    assert_eq!(stderr(&out), BROKEN);
}

#[test]
fn the_history_as_json() {
    let out = history(&["--format", "json", "--actor", "russia"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        v["earlier"],
        serde_json::json!([
            {"file": "1-monday.toml", "date": "2025-01-10"},
            {"file": "2-tuesday.toml", "date": "2025-01-11"}
        ])
    );
    assert_eq!(
        v["claims"][0]["cells"],
        serde_json::json!([{
            "actor": "russia",
            "name": "Russia",
            "positions": [
                {"file": "1-monday.toml", "date": "2025-01-10", "claim": "troops", "stance": "undecided", "detail": null, "quote": "We cannot say what is happening."},
                {"file": "2-tuesday.toml", "date": "2025-01-11", "claim": "troops-sent", "stance": "likely", "detail": null, "quote": "Some units may have moved."},
                {"file": null, "date": "2025-01-12", "claim": "sent", "stance": "asserts", "detail": null, "quote": "Our troops are there."}
            ]
        }])
    );
    // The filter keeps Russia's cells only.
    assert_eq!(v["claims"][1]["cells"], serde_json::json!([]));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn the_earliest_briefing_has_no_history() {
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["print", "--view", "claims", "--history", DIR])
        .arg(format!("{DIR}/1-monday.toml"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(
        stdout(&out),
        "Claims across time: Troops at the border: Monday (10 Jan 2025)
No earlier briefing in the folder.

Troops were sent. (troops)
  Russia: ? 10 Jan 2025
    10 Jan 2025, this briefing: ? undecided: “We cannot say what is happening.”

Talks will resume. (talks)
  Jane Doe: ✘ 10 Jan 2025
    10 Jan 2025, this briefing: ✘ denies
"
    );
}

#[test]
fn history_needs_the_claims_view_and_a_folder_it_can_read() {
    let no_view = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["print", "--history", DIR])
        .arg(format!("{DIR}/3-wednesday.toml"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(
        stderr(&no_view),
        "brief: --history goes with --view claims: it shows each claim's stances across time\n"
    );
    assert_eq!(no_view.status.code(), Some(1));
    let missing = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args([
            "print",
            "--view",
            "claims",
            "--history",
            "tests/fixtures/no-such-folder",
        ])
        .arg(format!("{DIR}/3-wednesday.toml"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(
        stderr(&missing),
        "brief: cannot read the folder tests/fixtures/no-such-folder: No such file or directory\n"
    );
    assert_eq!(stdout(&missing), "");
    assert_eq!(missing.status.code(), Some(1));
}
