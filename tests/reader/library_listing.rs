//! The library's list made from its index (issue 19): the same list as reading every
//! file (names, summaries, unread counts, errors, order), with only changed files
//! read, by the index as it refreshes (not once more for the list); a changed file's
//! row brought up to date; a damaged index falling back to reading the files, with a
//! notice.

use crate::common::TempDir as Dir;
use brief::app::library::Library;
use brief::corpus::Index;
use brief::run::library_index::{LibraryIndex, first_list};
use brief::run::scan::{Pending, send_indexed};
use brief::run::store::{self, SavedPlace, Store};
use std::path::Path;
use std::time::{Duration, SystemTime};

const BUNDLED: &str = brief::load::BUNDLED_TEXT;
const EXAMPLE: &str = include_str!("../../docs/example.toml");
const BROKEN: &str = "format = 1\n[briefing]\ntitle = \"Broken\"\n[[sections]]\nid = \"s\"\n";

/// Sets a file's time an hour back: a file indexed seconds after it changed is read
/// again (it might change again within the clock's tick), one changed long before is
/// trusted, as in real use.
fn age(path: &Path, hours_ago: u64) {
    let f = std::fs::File::options().write(true).open(path).unwrap();
    f.set_modified(SystemTime::now() - Duration::from_secs(3600 * hours_ago))
        .unwrap();
}

/// Three good briefings (one without an id, in a subfolder, with tags) and a broken
/// one, all changed an hour ago.
fn folder() -> Dir {
    let d = Dir::new("listing");
    std::fs::create_dir_all(d.0.join("sub")).unwrap();
    let no_id = EXAMPLE.replacen("id = \"eastport-bridge\"\n", "", 1);
    assert_ne!(no_id, EXAMPLE, "the example has the id the test removes");
    for p in [
        d.put("a-korea.toml", BUNDLED),
        d.put("b-broken.toml", BROKEN),
        d.put("c-eastport.toml", EXAMPLE),
        d.put("sub/d-no-id.toml", &no_id),
    ] {
        age(&p, 1);
    }
    d
}

/// Remembered places for the briefing with an id and the one without (keyed by its
/// text), each with some quotes read.
fn store_with_places(dir: &Path, state: &Path) -> Store {
    let (mut store, _) = Store::open(state);
    for name in ["a-korea.toml", "sub/d-no-id.toml"] {
        let path = dir.join(name);
        let b = brief::load::load_path(&path).unwrap().briefing;
        let key = store::key(&b, &store::id_less_text(&b, Some(&path)));
        let read = b.quotes.iter().take(2).map(|q| q.id.clone()).collect();
        let place = SavedPlace {
            read_quotes: read,
            ..SavedPlace::default()
        };
        store.set(key, place);
    }
    store.save().unwrap();
    Store::open(state).0
}

fn build_index(dir: &Path, cache: &Path) {
    let mut ix = Index::open(dir, cache).unwrap();
    ix.refresh(&mut |_| {}).unwrap();
}

/// Adds the files the thread reads until none is left.
fn drain(lib: &mut Library, pending: Option<&Pending>, store: &Store) {
    let started = std::time::Instant::now();
    while lib.unread_files > 0 {
        let p = pending.expect("files to read, read by a thread");
        for file in p.ready() {
            lib.add(file, Some(store));
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the files are read"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
}

#[test]
fn a_library_listed_from_the_index_equals_one_listed_from_the_files() {
    let (d, state, cache) = (folder(), Dir::new("state"), Dir::new("cache"));
    let store = store_with_places(&d.0, &state.0);
    build_index(&d.0, &cache.0);
    let (mut lib, later, index) = first_list(&d.0, Some(&store), Some(&cache.0)).unwrap();
    assert!(matches!(index, Some(Ok(_))), "the index opens");
    // Only the broken file is read (for its whole report): the rest is the index's.
    assert_eq!(lib.to_read, 1);
    let (_ix, pending) = LibraryIndex::opened(&d.0, index, later);
    drain(&mut lib, pending.as_ref(), &store);
    let scanned = Library::scan(&d.0, Some(&store)).unwrap();
    assert_eq!(lib.entries, scanned.entries);
    let unread: Vec<Option<usize>> = lib
        .entries
        .iter()
        .filter_map(|e| e.info.as_ref().ok().map(|s| s.unread))
        .collect();
    assert_eq!(
        unread.iter().filter(|u| u.is_some()).count(),
        2,
        "both remembered places give unread counts: {unread:?}"
    );
    assert!(lib.entries.iter().any(|e| e.name == "sub/d-no-id.toml"));
    assert_eq!(lib.tags(), scanned.tags());
    // Back from a briefing: the records the index gave serve the rescan, which
    // reads nothing again.
    let (again, later) = Library::list_known(&d.0, Some(&store), Some(&lib)).unwrap();
    assert!(later.is_empty(), "nothing read again");
    assert_eq!(again.entries, scanned.entries);
}

#[test]
fn a_changed_file_is_read_again_and_the_index_brought_up_to_date() {
    let (d, state, cache) = (folder(), Dir::new("state"), Dir::new("cache"));
    let store = store_with_places(&d.0, &state.0);
    build_index(&d.0, &cache.0);
    let changed = d.put(
        "c-eastport.toml",
        &EXAMPLE.replacen("title = \"", "title = \"Changed: ", 1),
    );
    age(&changed, 2);
    let (mut lib, later, index) = first_list(&d.0, Some(&store), Some(&cache.0)).unwrap();
    assert_eq!(lib.to_read, 2, "the broken file and the changed one");
    // The index thread brings the index up to date, then gives the list the files
    // it waits for.
    let (mut ix, pending) = LibraryIndex::opened(&d.0, index, later);
    drain(&mut lib, pending.as_ref(), &store);
    let scanned = Library::scan(&d.0, Some(&store)).unwrap();
    assert_eq!(lib.entries, scanned.entries);
    let row = lib
        .entries
        .iter()
        .find(|e| e.name == "c-eastport.toml")
        .unwrap();
    assert!(row.info.as_ref().unwrap().title.starts_with("Changed: "));
    // The index is up to date: the next opening reads only the broken file.
    let started = std::time::Instant::now();
    while ix.busy() {
        ix.poll(&mut lib);
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the index refreshes"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    let (lib, _, _) = first_list(&d.0, Some(&store), Some(&cache.0)).unwrap();
    assert_eq!(lib.to_read, 1);
    let row = lib
        .entries
        .iter()
        .find(|e| e.name == "c-eastport.toml")
        .unwrap();
    assert!(row.info.as_ref().unwrap().title.starts_with("Changed: "));
}

#[test]
fn files_the_index_holds_as_they_are_are_not_read_again_for_the_list() {
    let (d, state, cache) = (folder(), Dir::new("state"), Dir::new("cache"));
    let store = store_with_places(&d.0, &state.0);
    let path = d.0.join("c-eastport.toml");
    let stamp = |p: &Path| {
        let m = std::fs::metadata(p).unwrap();
        Some((m.modified().unwrap(), m.len()))
    };
    let indexed = stamp(&path);
    let mut ix = Index::open(&d.0, &cache.0).unwrap();
    ix.refresh(&mut |_| {}).unwrap();
    // The file rewritten behind the index's back with its size and time kept: what
    // the list gets tells whether it was read (the new title) or taken from the index
    // (the old one).
    let renamed = EXAMPLE.replacen("Eastport", "Westport", 1);
    assert_ne!(renamed, EXAMPLE);
    d.put("c-eastport.toml", &renamed);
    let f = std::fs::File::options().write(true).open(&path).unwrap();
    f.set_modified(indexed.unwrap().0).unwrap();
    assert_eq!(stamp(&path), indexed);
    let title = |ix: Option<&Index>| {
        let (tx, pending) = Pending::channel();
        send_indexed(ix, &d.0, vec![(path.clone(), stamp(&path))], &tx);
        let (mut lib, _) = Library::list_known(&d.0, Some(&store), None).unwrap();
        lib.entries.clear();
        for file in pending.ready() {
            lib.add(file, Some(&store));
        }
        lib.entries[0].info.as_ref().unwrap().title.clone()
    };
    assert!(
        !title(Some(&ix)).contains("Westport"),
        "taken from the index"
    );
    assert!(title(None).contains("Westport"), "read, without an index");
}

#[test]
fn a_damaged_index_falls_back_to_reading_the_files_with_a_notice() {
    let (d, state, cache) = (folder(), Dir::new("state"), Dir::new("cache"));
    let store = store_with_places(&d.0, &state.0);
    build_index(&d.0, &cache.0);
    let db = Index::open(&d.0, &cache.0).unwrap().db;
    for suffix in ["-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(p);
    }
    std::fs::write(&db, vec![0x5a; 8192]).unwrap();
    let (mut lib, later, index) = first_list(&d.0, Some(&store), Some(&cache.0)).unwrap();
    let notice = lib.notice.clone().unwrap_or_default();
    assert!(notice.contains("damaged"), "{notice}");
    assert_eq!(lib.to_read, 4, "every file read, as without an index");
    let (_ix, pending) = LibraryIndex::opened(&d.0, index, later);
    drain(&mut lib, pending.as_ref(), &store);
    assert_eq!(
        lib.entries,
        Library::scan(&d.0, Some(&store)).unwrap().entries
    );
}

#[test]
fn without_a_cache_every_file_is_read() {
    let (d, state) = (folder(), Dir::new("state"));
    let store = store_with_places(&d.0, &state.0);
    let (mut lib, later, index) = first_list(&d.0, Some(&store), None).unwrap();
    assert!(index.is_none());
    assert_eq!(lib.to_read, 4);
    let (_ix, pending) = LibraryIndex::opened(&d.0, index, later);
    drain(&mut lib, pending.as_ref(), &store);
    assert_eq!(
        lib.entries,
        Library::scan(&d.0, Some(&store)).unwrap().entries
    );
}

/// Polls the index until its thread is done.
fn settle(ix: &mut LibraryIndex, lib: &mut Library) {
    let started = std::time::Instant::now();
    while ix.busy() {
        ix.poll(lib);
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the index refreshes"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn a_search_asked_on_screen_sees_a_file_changed_after_the_index_was_ready() {
    use brief::app::library_screens::{Ask, LibraryMode};
    let (d, cache) = (folder(), Dir::new("cache"));
    let (mut lib, later, index) = first_list(&d.0, None, Some(&cache.0)).unwrap();
    let (mut ix, _pending) = LibraryIndex::opened(&d.0, index, later);
    settle(&mut ix, &mut lib);
    // Edited while the library is on screen, after its index was brought up to date.
    let changed = d.put(
        "c-eastport.toml",
        &EXAMPLE.replacen("six weeks", "six weeks of zebrafish", 1),
    );
    age(&changed, 2);
    // Asked as `update` leaves it: waiting for the run to answer.
    let ask = Ask::Search("zebrafish".into());
    lib.mode = LibraryMode::Waiting(ask.clone(), Box::new(LibraryMode::List));
    ix.ask(&ask, &mut lib);
    settle(&mut ix, &mut lib);
    match &lib.mode {
        LibraryMode::Results(r) => {
            assert_eq!(r.total, 1, "the edited file is searched as it is now");
            assert!(r.hits[0].rel.contains("c-eastport.toml"));
        }
        other => panic!("the search is answered: {other:?}"),
    }
}

#[test]
fn a_query_with_no_word_says_so_rather_than_no_hits() {
    use brief::app::library_screens::{Ask, LibraryMode};
    let d = folder();
    let (mut lib, later, index) = first_list(&d.0, None, None).unwrap();
    let (mut ix, _pending) = LibraryIndex::opened(&d.0, index, later);
    let ask = Ask::Search("🤝 !!".into());
    lib.mode = LibraryMode::Waiting(ask.clone(), Box::new(LibraryMode::List));
    ix.ask(&ask, &mut lib);
    assert_eq!(lib.mode, LibraryMode::List);
    assert_eq!(
        lib.notice.as_deref(),
        Some("the query has no word to search for (letters or digits)")
    );
}
