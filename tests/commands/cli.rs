//! The binary's arguments: files, `--actor`, `--section`, and their errors. stdout is
//! a pipe here, so a good run prints the briefing as plain text.

use crate::common::brief;

use std::process::Output;

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn unknown_actor_is_an_error_listing_the_valid_ones() {
    let o = brief(&["--actor", "Atlantis"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.starts_with("brief: unknown actor `Atlantis`; valid actors (id, name):\n"),
        "{err}"
    );
    assert!(
        err.contains("  united-kingdom               United Kingdom\n"),
        "{err}"
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn unknown_section_is_an_error_listing_the_valid_ones() {
    let o = brief(&["--section", "nowhere"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.starts_with("brief: unknown section `nowhere`; valid sections (number, id, title):\n"),
        "{err}"
    );
    assert!(err.contains("   1  seoul-warning"), "{err}");
}

#[test]
fn actors_by_name_alias_or_id_and_sections_by_number_are_accepted() {
    for args in [
        &[
            "--actor",
            "united kingdom",
            "--actor",
            "Pyongyang",
            "--section",
            "3",
        ][..],
        &[
            "--actor",
            "keir-starmer",
            "--actor",
            "Yoon Suk Yeol",
            "--section",
            "seoul-warning",
        ][..],
    ] {
        let o = brief(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn a_missing_file_names_the_path() {
    let o = brief(&["no/such/briefing.toml"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "brief: no/such/briefing.toml: error: no such file\n"
    );
}

#[test]
fn a_bad_file_reports_located_errors_and_no_reader() {
    let dir = std::env::temp_dir().join(format!("brief-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.toml");
    std::fs::write(&path, "format = 1\n[briefing]\ntitle = \"x\"\n[[actors]]\nid = \"a\"\nname = \"A\"\nkind = \"planet\"\n").unwrap();
    let o = brief(&[path.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("bad.toml:7:8: error: unknown variant `planet`"),
        "{err}"
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn piped_output_is_plain_text() {
    let o = brief(&[]);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.starts_with("South Korea weighs arming Ukraine"),
        "{out}"
    );
    assert!(out.contains("“an embarrassing and desperate act.”"));
    assert!(!out.bytes().any(|b| b == 0x1b), "no escape codes");
    assert!(
        out.lines().all(|l| brief::text::width(l) <= 80),
        "wrapped to 80 columns"
    );
}

#[test]
fn a_mistyped_actor_or_section_gets_the_nearest_names() {
    let o = brief(&["--actor", "Untied Kingdom"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.starts_with(
            "brief: unknown actor `Untied Kingdom` (did you mean `United Kingdom`?); valid actors (id, name):\n"
        ),
        "{err}"
    );
    let o = brief(&["print", "--section", "seoul-warnin"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.starts_with(
            "brief: unknown section `seoul-warnin` (did you mean `seoul-warning`?); valid sections"
        ),
        "{err}"
    );
}
