//! The library (`brief DIR`) and live reload: what a folder lists and in which order,
//! unread counts from the remembered place, what keys do there; a reload that keeps
//! the place, and one with a broken file that keeps the old briefing.

use brief::app::library::{self, Library};
use brief::app::place;
use brief::app::state::Mode;
use brief::app::{Action, Effect};
use brief::run::reload::{self, Watch};
use brief::run::store::{SavedPlace, Store};
use std::path::Path;

use crate::common::TempDir as Dir;

const BUNDLED: &str = brief::load::BUNDLED_TEXT;
const EXAMPLE: &str = include_str!("../../docs/example.toml");
const BROKEN: &str = "format = 1\n[briefing]\ntitle = \"Broken\"\n[[sections]]\nid = \"s\"\n";

fn folder() -> Dir {
    let d = Dir::new("folder");
    d.put("a-korea.toml", BUNDLED);
    d.put("b-broken.toml", BROKEN);
    d.put("c-eastport.toml", EXAMPLE);
    d.put("notes.txt", "not a briefing");
    std::fs::create_dir_all(d.0.join("sub.toml")).unwrap();
    d
}

fn names(lib: &Library) -> Vec<&str> {
    lib.entries.iter().map(|e| e.name.as_str()).collect()
}

#[test]
fn lists_good_files_newest_first_and_bad_ones_last_with_their_first_error() {
    let d = folder();
    let lib = Library::scan(&d.0, None).unwrap();
    // Eastport is from 2025, the Korea briefing from 2024; the broken one goes last;
    // the .txt file and the folder named like a briefing are not listed.
    assert_eq!(
        names(&lib),
        ["c-eastport.toml", "a-korea.toml", "b-broken.toml"]
    );
    let korea = lib.entries[1].info.as_ref().unwrap();
    assert_eq!(korea.sections, 7);
    assert_eq!(korea.quotes, 19);
    assert_eq!(korea.source.as_deref(), Some("ITV News"));
    assert_eq!(korea.unread, None, "no state, no unread count");
    let err = lib.entries[2].info.as_ref().unwrap_err();
    assert!(err.starts_with("4:1: error:"), "{err}");
    assert!(err.contains("missing"), "{err}");
}

#[test]
fn unread_counts_come_from_the_remembered_place() {
    let d = folder();
    let state = Dir::new("state");
    let (mut store, _) = Store::open(&state.0);
    let place = SavedPlace {
        read_quotes: vec!["starmer-war-machine".into(), "no-such-quote".into()],
        ..SavedPlace::default()
    };
    store.set("korea-ukraine-2024-10".into(), place);
    store.save().unwrap();
    let (store, _) = Store::open(&state.0);
    let lib = Library::scan(&d.0, Some(&store)).unwrap();
    let korea = lib.entries[1].info.as_ref().unwrap();
    assert!(
        crate::common::bundled()
            .quotes
            .iter()
            .any(|q| q.id == "starmer-war-machine"),
        "the bundled briefing has the quote the test reads"
    );
    assert_eq!(
        korea.unread,
        Some(18),
        "19 quotes, one read; unknown ids ignored"
    );
    assert_eq!(lib.entries[0].info.as_ref().unwrap().unread, None);
}

#[test]
fn keys_move_and_open_but_not_a_broken_file() {
    let d = folder();
    let mut lib = Library::scan(&d.0, None).unwrap();
    let _ = library::update(&mut lib, Action::Resize(80, 24));
    let _ = library::update(&mut lib, Action::Down);
    assert_eq!(
        library::update(&mut lib, Action::Open),
        Effect::Open(d.0.join("a-korea.toml"))
    );
    let _ = library::update(&mut lib, Action::Bottom);
    let _ = library::update(&mut lib, Action::Down);
    assert_eq!(lib.list.selected, 2, "stays on the last");
    assert_eq!(
        library::update(&mut lib, Action::Open),
        Effect::None,
        "a file that does not load cannot be opened"
    );
    // Enter on it shows its whole located report instead, over the list.
    let panel = lib.errors.clone().expect("the error panel is open");
    assert_eq!(panel.path, lib.entries[2].path);
    assert!(!lib.entries[2].errors.is_empty());
    assert_eq!(lib.context(), brief::app::keymap::Context::Errors);
    let screen = {
        let area = ratatui::layout::Rect::new(0, 0, 80, 24);
        let mut buf = ratatui::buffer::Buffer::empty(area);
        brief::ui::library::render(&lib, crate::common::settings(), area, &mut buf);
        crate::common::buffer_text(&buf)
    };
    assert!(screen.contains("does not load"), "{screen}");
    let first: String = lib.entries[2].errors[0].chars().take(40).collect();
    assert!(screen.contains(&first), "{screen}");
    let _ = library::update(&mut lib, Action::Close);
    assert_eq!(lib.errors, None);
    assert_eq!(library::update(&mut lib, Action::Reload), Effect::Reload);
    assert_eq!(library::update(&mut lib, Action::Quit), Effect::Quit);
}

#[test]
fn a_missing_folder_is_an_error_naming_it() {
    let err = Library::scan(Path::new("/no/such/folder"), None).unwrap_err();
    assert!(
        err.starts_with("/no/such/folder: cannot list the folder"),
        "{err}"
    );
}

#[test]
fn the_library_screen_lists_titles_counts_and_errors() {
    let d = folder();
    let mut lib = Library::scan(&d.0, None).unwrap();
    let _ = library::update(&mut lib, Action::Resize(100, 12));
    let area = ratatui::layout::Rect::new(0, 0, 100, 12);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    brief::ui::library::render(&lib, crate::common::settings(), area, &mut buf);
    let screen = crate::common::buffer_text(&buf);
    assert!(
        screen.contains("▸Eastport closes its harbour bridge"),
        "{screen}"
    );
    assert!(
        screen.contains("ITV News · 23 Oct 2024 · 7 sections · 19 quotes · a-korea.toml"),
        "{screen}"
    );
    assert!(screen.contains("✘ b-broken.toml does not load"), "{screen}");
    assert!(screen.contains("Briefings 1/3"), "{screen}");
    assert!(screen.contains("LIBRARY 1/3"), "{screen}");
}

#[test]
fn a_reload_keeps_the_place_and_takes_the_new_text() {
    let d = Dir::new("reload");
    let path = d.put("k.toml", BUNDLED);
    let mut app = crate::common::app(120, 40);
    crate::common::act(&mut app, Action::NextSection);
    crate::common::act(&mut app, Action::NextSection);
    crate::common::act(&mut app, Action::ActorFilter);
    crate::common::act(&mut app, Action::Choose);
    crate::common::act(&mut app, Action::Close);
    let before = place::snapshot(&app);
    let edited = BUNDLED.replacen(
        "title = \"London and Washington respond\"",
        "title = \"London and Washington react\"",
        1,
    );
    assert_ne!(edited, BUNDLED, "the test edits a real section title");
    std::fs::write(&path, edited).unwrap();
    reload::reload(&mut app, &path);
    assert!(matches!(app.mode, Mode::Panes));
    assert_eq!(
        app.briefing.sections[2].title,
        "London and Washington react"
    );
    assert_eq!(
        place::snapshot(&app),
        before,
        "same section, filter and marks"
    );
    assert!(app.notice.as_deref().unwrap_or("").starts_with("reloaded"));
}

#[test]
fn a_broken_reload_keeps_the_old_briefing_and_shows_the_errors() {
    let d = Dir::new("broken");
    let path = d.put("k.toml", BROKEN);
    let mut app = crate::common::app(120, 40);
    crate::common::act(&mut app, Action::NextSection);
    reload::reload(&mut app, &path);
    assert_eq!(app.briefing.meta.title, crate::common::bundled().meta.title);
    assert_eq!(app.sections.selected, 1);
    let Mode::Errors { lines, .. } = &app.mode else {
        panic!("expected the errors panel, got {:?}", app.mode);
    };
    assert!(lines[0].contains("k.toml:4:1: error:"), "{lines:?}");
    let screen = crate::common::screen(&app);
    assert!(screen.contains("Reload failed"), "{screen}");
    assert!(screen.contains("still showing the last good"), "{screen}");
    crate::common::act(&mut app, Action::Close);
    assert!(matches!(app.mode, Mode::Panes));
}

#[test]
fn ctrl_r_asks_for_a_reload_and_backspace_for_the_library() {
    let mut app = crate::common::app(120, 40);
    assert_eq!(
        crate::common::press(&mut app, brief::app::Key::ctrl('r')),
        Effect::Reload
    );
    let backspace = brief::app::Key::plain(brief::app::KeyCode::Backspace);
    assert_eq!(
        crate::common::press(&mut app, backspace),
        Effect::None,
        "not opened from a library"
    );
    assert!(app.notice.as_deref().unwrap_or("").contains("brief DIR"));
    let from_library = crate::common::settings().in_library(brief::app::LibraryScreen::List);
    assert_eq!(
        crate::common::press_with(&mut app, &from_library, backspace),
        Effect::BackToLibrary
    );
}

#[test]
fn the_status_line_names_the_library_screen_q_goes_back_to() {
    use brief::app::LibraryScreen;
    let app = crate::common::app(120, 40);
    for (screen, said) in [
        (LibraryScreen::List, "q: back to the library"),
        (LibraryScreen::Results, "q: back to the search results"),
        (LibraryScreen::Statements, "q: back to the statements"),
    ] {
        let settings = crate::common::settings().in_library(screen);
        let shown = crate::common::buffer_text(&crate::common::render_with(&app, &settings));
        let status = shown.lines().last().unwrap_or_default();
        assert!(status.contains(said), "{screen:?}: {status}");
    }
}

#[test]
fn a_watch_sees_a_changed_file_once() {
    let d = Dir::new("watch");
    let path = d.put("k.toml", "one");
    let mut w = Watch::new(&path);
    assert!(!w.changed());
    std::fs::write(&path, "two, longer").unwrap();
    assert!(w.changed());
    assert!(!w.changed(), "the same change is reported once");
    std::fs::remove_file(&path).unwrap();
    assert!(!w.changed(), "a file gone for a moment is not a change");
}

/// Back from a briefing the folder is listed again without reading the files that did
/// not change (same time, same size), while unread counts follow the store; a file
/// that changed is read again.
#[test]
fn a_rescan_reads_only_changed_files_and_recounts_unread() {
    let d = folder();
    let state = Dir::new("rescan-state");
    let (store, _) = Store::open(&state.0);
    let lib = Library::scan(&d.0, Some(&store)).unwrap();
    assert_eq!(lib.entries[1].info.as_ref().unwrap().unread, None);

    // Same length and time, other words: a rescan that read the file would see them.
    let korea = d.0.join("a-korea.toml");
    let when = std::fs::metadata(&korea).unwrap().modified().unwrap();
    let title = "title = \"South Korea weighs";
    let same_length = BUNDLED.replacen(title, "title = \"SOUTH KOREA weighs", 1);
    assert_ne!(same_length, BUNDLED);
    assert_eq!(same_length.len(), BUNDLED.len());
    std::fs::write(&korea, &same_length).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&korea)
        .unwrap()
        .set_modified(when)
        .unwrap();
    // A quote read meanwhile.
    let (mut store, _) = Store::open(&state.0);
    let place = SavedPlace {
        read_quotes: vec!["starmer-war-machine".into()],
        ..SavedPlace::default()
    };
    store.set("korea-ukraine-2024-10".into(), place);
    store.save().unwrap();
    let (store, _) = Store::open(&state.0);

    let again = lib.rescan(Some(&store)).unwrap();
    let summary = again.entries[1].info.as_ref().unwrap();
    assert_eq!(
        summary.title,
        lib.entries[1].info.as_ref().unwrap().title,
        "not read again"
    );
    assert!(!summary.title.contains("SOUTH KOREA"));
    assert_eq!(summary.unread, Some(18), "counted from the store now");
    assert_eq!(names(&again), names(&lib));

    // A change of size is read.
    std::fs::write(&korea, BUNDLED.replacen(title, "title = \"Korea weighs", 1)).unwrap();
    let changed = again.rescan(Some(&store)).unwrap();
    let title = &changed.entries[1].info.as_ref().unwrap().title;
    assert_ne!(title, &summary.title, "read again");
    // A new file is listed, a removed one is gone.
    d.put("d-more.toml", EXAMPLE);
    std::fs::remove_file(d.0.join("b-broken.toml")).unwrap();
    let listed = changed.rescan(None).unwrap();
    assert!(names(&listed).contains(&"d-more.toml"));
    assert!(!names(&listed).contains(&"b-broken.toml"));
}

#[test]
fn a_file_gone_and_back_unchanged_is_said_once_and_then_cleared() {
    use brief::app::state::Stale;
    let b = brief::load::load_str("k.toml", include_str!("../../docs/example.toml"))
        .unwrap()
        .briefing;
    let mut app = brief::app::App::new(b, 120, 40);
    assert!(app.file_gone("k.toml".into()), "news the first time");
    assert!(!app.file_gone("k.toml".into()), "not news again");
    assert_eq!(
        app.stale.as_ref().map(ToString::to_string).as_deref(),
        Some("k.toml is gone: showing the last version read")
    );
    assert!(app.file_back());
    assert_eq!(app.stale, None);
    assert!(!app.file_back(), "nothing to clear");
    // A file that does not load stays stale when it is merely there: only a good
    // load clears it.
    app.reload_failed(Some("k.toml".into()), vec!["k.toml:1:1: error".into()]);
    assert!(!app.file_back());
    assert_eq!(
        app.stale,
        Some(Stale::DoesNotLoad {
            file: Some("k.toml".into())
        })
    );
}

#[test]
fn a_stale_or_vanished_file_is_said_until_it_is_good_again() {
    let d = Dir::new("stale");
    let path = d.put("k.toml", include_str!("../../docs/example.toml"));
    let loaded = brief::load::load_path(&path).unwrap();
    let mut app = brief::app::App::new(loaded.briefing, 120, 40);
    let mut w = Watch::new(&path);
    let status = |app: &brief::app::App| {
        crate::common::screen(app)
            .lines()
            .last()
            .unwrap()
            .to_owned()
    };
    // Deleted: said at the next poll, with no key pressed.
    std::fs::remove_file(&path).unwrap();
    w.poll(&mut app);
    assert!(status(&app).contains("k.toml is gone"), "{}", status(&app));
    // Back, but broken: the panel, and after Esc the status line still says so.
    std::fs::write(&path, BROKEN).unwrap();
    w.poll(&mut app);
    assert!(matches!(app.mode, Mode::Errors { .. }));
    crate::common::act(&mut app, Action::Close);
    crate::common::act(&mut app, Action::Down);
    assert!(
        status(&app).contains("stale: k.toml does not load (Ctrl-r to retry)"),
        "{}",
        status(&app)
    );
    // Good again: the notice goes.
    std::fs::write(
        &path,
        include_str!("../../docs/example.toml").replace("six weeks", "six long weeks"),
    )
    .unwrap();
    w.poll(&mut app);
    assert_eq!(app.stale, None);
    assert!(!status(&app).contains("stale"));
}

/// `scan_later` lists the folder at once and reads its files on a thread; added as
/// they come, they make the same library as a scan (issue 16). A rescan reads only
/// the files that changed.
#[test]
fn a_library_filled_as_files_are_read_matches_a_scan() {
    let dir = folder();
    let (mut lib, pending) = Library::scan_later(&dir.0, None, None).unwrap();
    assert!(lib.entries.is_empty());
    assert_eq!(lib.unread_files, lib.to_read);
    let pending = pending.expect("files to read");
    while lib.unread_files > 0 {
        for file in pending.ready() {
            lib.add(file, None);
        }
        std::thread::yield_now();
    }
    let scanned = Library::scan(&dir.0, None).unwrap();
    assert_eq!(lib.entries, scanned.entries);
    let (again, pending) = Library::scan_later(&dir.0, None, Some(&lib)).unwrap();
    assert!(pending.is_none(), "nothing changed, nothing to read");
    assert_eq!(again.entries, scanned.entries);
}
