//! The remembered place: round trip, atomic saves, and files that cannot be used.

use crate::common::TempDir;

use crate::common::{app, ch, code, typed};
use brief::app::KeyCode;
use brief::run::store::{self, SavedPlace, Store, VERSION};
use std::path::PathBuf;

fn used_app() -> brief::app::App {
    let mut a = app(80, 24);
    ch(&mut a, ']');
    ch(&mut a, ']');
    code(&mut a, KeyCode::Enter);
    ch(&mut a, 'j');
    ch(&mut a, 'j');
    ch(&mut a, 'a');
    typed(&mut a, "/kingdom");
    code(&mut a, KeyCode::Enter);
    ch(&mut a, ' ');
    code(&mut a, KeyCode::Esc);
    code(&mut a, KeyCode::Tab);
    code(&mut a, KeyCode::Enter);
    ch(&mut a, 's');
    code(&mut a, KeyCode::Esc);
    a
}

#[test]
fn the_place_round_trips_through_the_file() {
    let dir = TempDir::new("roundtrip");
    let before = used_app();
    let place = brief::app::place::snapshot(&before);
    assert_eq!(
        place.section.as_deref(),
        Some(before.briefing.sections[2].id.as_str())
    );
    assert_eq!(place.scroll, 2);
    assert_eq!(place.filter, ["united-kingdom"]);
    assert_eq!(place.starred.len(), 1);
    let (mut store, warning) = Store::open(&dir.0);
    assert!(warning.is_none());
    store.set("korea-ukraine-2024-10".into(), place.clone());
    store.save().unwrap();

    let (store, warning) = Store::open(&dir.0);
    assert!(warning.is_none());
    assert_eq!(store.place("korea-ukraine-2024-10"), Some(&place));
    let mut after = app(80, 24);
    brief::app::place::restore(&mut after, &place);
    assert_eq!(after.sections.selected, 2);
    assert_eq!(after.reader.scroll, 2);
    assert_eq!(after.filter.chosen, before.filter.chosen);
    assert_eq!(after.filter.quotes, before.filter.quotes);
    assert_eq!(after.marks.starred, before.marks.starred);
    assert_eq!(after.marks.read_quotes, before.marks.read_quotes);
    assert!(
        std::fs::read_dir(&dir.0).unwrap().all(|e| !e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .contains(".tmp-")),
        "no temp file left"
    );
}

#[test]
fn a_changed_briefing_restores_what_still_exists_and_clamps() {
    let place = SavedPlace {
        section: Some("nato-briefing-gone".into()),
        scroll: 10_000,
        filter: vec!["atlantis".into(), "nato".into()],
        read_quotes: vec!["no-such-quote".into()],
        ..SavedPlace::default()
    };
    let mut a = app(120, 40);
    brief::app::place::restore(&mut a, &place);
    assert_eq!(a.sections.selected, 0, "unknown section: start at the top");
    assert_eq!(a.filter.chosen.len(), 1, "unknown actors are skipped");
    let SavedPlace {
        section: Some(first),
        ..
    } = brief::app::place::snapshot(&a)
    else {
        panic!()
    };
    let mut b = app(120, 40);
    brief::app::place::restore(
        &mut b,
        &SavedPlace {
            section: Some(first),
            scroll: 10_000,
            ..SavedPlace::default()
        },
    );
    assert!(
        b.reader.scroll <= b.reader.view.lines.len(),
        "scroll clamped"
    );
}

#[test]
fn unusable_files_are_moved_aside_and_defaults_used() {
    for (name, content) in [
        ("corrupt", "{ this is not json".to_owned()),
        (
            "truncated",
            "{\"version\": 1, \"briefings\": {\"a\": {\"sect".to_owned(),
        ),
        ("empty", String::new()),
        (
            "future",
            format!("{{\"version\": {}, \"briefings\": {{}}}}", VERSION + 1),
        ),
    ] {
        let dir = TempDir::new(name);
        std::fs::write(dir.0.join("state.json"), &content).unwrap();
        let (store, warning) = Store::open(&dir.0);
        let warning = warning.unwrap_or_else(|| panic!("{name}: a warning"));
        assert!(
            warning.contains("not used") && warning.contains("moved it to"),
            "{name}: {warning}"
        );
        assert!(store.place("korea-ukraine-2024-10").is_none());
        let names: Vec<String> = std::fs::read_dir(&dir.0)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            !names.contains(&"state.json".to_owned()),
            "{name}: moved away"
        );
        let aside = names
            .iter()
            .find(|n| n.starts_with("state.json.corrupt-"))
            .unwrap_or_else(|| panic!("{name}: {names:?}"));
        assert_eq!(
            std::fs::read_to_string(dir.0.join(aside)).unwrap(),
            content,
            "{name}: kept as it was"
        );
    }
}

/// A state file that is a FIFO, a terminal or a link to `/dev/zero` is refused without
/// blocking and without reading a byte of it (issue 16): set aside, defaults used.
#[cfg(unix)]
#[test]
fn special_state_files_are_refused_without_blocking() {
    let kinds: [(&str, &str); 3] = [
        ("fifo", "it is a named pipe, not a regular file"),
        ("/dev/zero", "it is a character device, not a regular file"),
        ("/dev/tty", "it is a character device, not a regular file"),
    ];
    for (kind, why) in kinds {
        let dir = TempDir::new(&format!("special-{}", kind.replace('/', "-")));
        let path = dir.0.join("state.json");
        if kind == "fifo" {
            let made = std::process::Command::new("mkfifo").arg(&path).status();
            assert!(made.unwrap().success());
        } else {
            std::os::unix::fs::symlink(kind, &path).unwrap();
        }
        let (store, warning) = Store::open(&dir.0);
        let warning = warning.unwrap_or_else(|| panic!("{kind}: a warning"));
        assert!(
            warning.contains(why) && warning.contains("moved it to"),
            "{kind}: {warning}"
        );
        assert!(store.place("korea-ukraine-2024-10").is_none());
        // The next save writes a regular file where it was.
        store.save().unwrap();
        assert!(
            std::fs::symlink_metadata(&path).unwrap().is_file(),
            "{kind}"
        );
    }
}

/// `save_place` keeps every other entry, and a lock file that is not a regular file
/// (a FIFO put there) fails the save with a message instead of blocking it.
#[cfg(unix)]
#[test]
fn save_place_merges_and_a_special_lock_file_does_not_block() {
    let dir = TempDir::new("save-place");
    let place = |scroll| SavedPlace {
        scroll,
        ..SavedPlace::default()
    };
    store::save_place(&dir.0, "a", place(1)).unwrap();
    store::save_place(&dir.0, "b", place(2)).unwrap();
    let (store, _) = Store::open(&dir.0);
    assert_eq!(store.place("a"), Some(&place(1)));
    assert_eq!(store.place("b"), Some(&place(2)));

    let other = TempDir::new("fifo-lock");
    let made = std::process::Command::new("mkfifo")
        .arg(other.0.join("state.json.lock"))
        .status();
    assert!(made.unwrap().success());
    let err = store::save_place(&other.0, "a", place(1)).unwrap_err();
    assert!(err.contains("locking"), "{err}");
}

/// A temporary file a save left when its process was killed mid-save is removed by
/// the next save; one of a running process is kept (issue 16).
#[cfg(unix)]
#[test]
fn temporary_files_of_dead_processes_are_removed() {
    let dir = TempDir::new("stale-tmp");
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    let stale = dir.0.join(format!("state.json.tmp-{dead}"));
    std::fs::write(&stale, "{ half a sa").unwrap();
    let parent = std::os::unix::process::parent_id();
    let live = dir.0.join(format!("state.json.tmp-{parent}"));
    std::fs::write(&live, "{ being written").unwrap();
    store::save_place(&dir.0, "k", SavedPlace::default()).unwrap();
    assert!(!stale.exists(), "the dead process's file is gone");
    assert!(live.exists(), "a running process's file stays");
}

/// A state file over the limit is set aside unread, like a damaged one.
#[test]
fn an_oversized_state_file_is_set_aside() {
    let dir = TempDir::new("huge-state");
    let file = std::fs::File::create(dir.0.join("state.json")).unwrap();
    file.set_len(store::MAX_STATE_BYTES + 1).unwrap();
    drop(file);
    let (_, warning) = Store::open(&dir.0);
    let warning = warning.unwrap();
    assert!(
        warning.contains("it is larger than the 64 MiB limit for the reading state"),
        "{warning}"
    );
}

#[test]
fn a_failed_save_keeps_the_old_file_and_does_not_panic() {
    let dir = TempDir::new("failsave");
    let (mut store, _) = Store::open(&dir.0);
    store.set(
        "k".into(),
        SavedPlace {
            scroll: 1,
            ..SavedPlace::default()
        },
    );
    store.save().unwrap();
    let old = std::fs::read(dir.0.join("state.json")).unwrap();
    // A folder where the temporary file must go makes the write fail, even as root.
    std::fs::create_dir(dir.0.join(format!("state.json.tmp-{}", std::process::id()))).unwrap();
    store.set(
        "k".into(),
        SavedPlace {
            scroll: 2,
            ..SavedPlace::default()
        },
    );
    let err = store.save().unwrap_err();
    assert!(err.starts_with("could not save the reading state"), "{err}");
    assert_eq!(std::fs::read(dir.0.join("state.json")).unwrap(), old);
    // A state "folder" that is a file cannot be created either.
    let file = dir.0.join("plain-file");
    std::fs::write(&file, "x").unwrap();
    let (store, _) = Store::open(&file.join("sub"));
    assert!(store.save().is_err());
}

#[test]
fn keys_are_ids_or_stable_hashes() {
    let b = crate::common::bundled();
    assert_eq!(store::key(&b, ""), "korea-ukraine-2024-10");
    let mut anon = b.clone();
    anon.meta.id = None;
    assert_eq!(store::key(&anon, "abc"), store::key(&anon, "abc"));
    assert_ne!(store::key(&anon, "abc"), store::key(&anon, "abd"));
    assert_eq!(store::key(&anon, ""), "sha-cbf29ce484222325");
}

#[test]
fn the_state_dir_follows_flag_then_environment() {
    let flag = PathBuf::from("/x/y");
    assert_eq!(store::state_dir(Some(&flag)), Some(flag));
}
