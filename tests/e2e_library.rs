//! The library as a corpus in a pseudo-terminal (issue 19): the real `brief DIR` over a
//! library of three briefings, its index in a temporary cache folder.
#![cfg(unix)]

mod common;
#[path = "common/far_briefing.rs"]
mod far;
#[path = "common/three_briefings.rs"]
mod three;

use common::pty::*;

/// The row (from the top) where `needle` first shows, failing with the screen.
fn row_of(s: &Session, needle: &str) -> u16 {
    s.with_screen(|screen| locate(screen, needle))
        .unwrap_or_else(|| panic!("{needle:?} not on screen:\n{}", s.dump()))
        .0
}

/// `brief LIB` at 100x30, its index kept in `cache`.
fn library(lib: &std::path::Path, cache: &std::path::Path) -> Session {
    Session::spawn(
        100,
        30,
        &[
            lib.to_str().unwrap(),
            "--cache-dir",
            cache.to_str().unwrap(),
        ],
    )
}

#[test]
fn search_open_the_second_hit_come_back_then_an_actor_across_two_briefings() {
    let lib = scratch_dir("library");
    three::write(&lib);
    let cache = scratch_dir("cache");
    let mut s = library(&lib, &cache);
    // The list: the subfolder's briefing too, with its tags.
    s.wait_text("2024/harbour-jan.toml");
    s.wait_text("#harbour #economy");

    // "tariffs" is in two briefings: the newer first.
    s.send("/");
    s.send("tariffs");
    s.wait_text("/tariffs");
    s.send(ENTER);
    s.wait_text("Search “tariffs”: 2 hits");
    assert!(row_of(&s, "Harbour reopens") < row_of(&s, "Harbour talks"));

    // The second hit opens its briefing at the quote.
    s.send("j");
    s.send(ENTER);
    // The quote hit is marked in the Reader and selected in the Quotes pane.
    s.wait_text("▶ “We want lower tariffs.”");
    s.wait_text("▸•Lee Soo");
    s.wait_text("Harbour talks");
    s.wait_text("q: back to the search results");

    // Back from the briefing: the results, not the list.
    s.send("q");
    s.wait_text("Search “tariffs”: 2 hits");
    s.wait_text("RESULTS 2/2");

    // Back to the list, then the Actors screen.
    s.send("\x7f");
    s.wait_text("LIBRARY 1/3");
    s.send("a");
    s.wait_text("Actors of the library");
    s.send("/");
    s.send("kim");
    s.wait_text("ACTORS /kim");
    s.send(ENTER);
    s.wait_text("Actors of the library 1/1");
    s.send(ENTER);
    s.wait_text("Kim Min: 2 statements across the library");
    // Both quotes, oldest first, each with its briefing.
    let january = row_of(&s, "9 Jan 2024 · Kim Min · Harbour talks");
    let february = row_of(&s, "4 Feb 2024 · Kim Min · Rail strike");
    assert!(january < february, "{}", s.dump());
    s.wait_text("The harbour stays open for trade.");
    s.wait_text("The rail strike must end.");

    s.send("Q");
    s.wait_exit();
    s.assert_restored();
    // The index was kept where asked.
    assert!(
        std::fs::read_dir(&cache).unwrap().any(|e| e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .ends_with(".sqlite")),
        "an index in the cache folder"
    );
}

/// Whether the screen shows `needle` and not `gone`.
fn shows_without(screen: &vt100::Screen, needle: &str, gone: &str) -> bool {
    let text = screen.contents();
    text.contains(needle) && !text.contains(gone)
}

#[test]
fn a_hit_opens_where_it_matched_with_dates_as_the_reader_shows_them() {
    let lib = scratch_dir("far-library");
    std::fs::write(lib.join("far.toml"), far::text()).unwrap();
    let cache = scratch_dir("far-cache");
    let mut s = library(&lib, &cache);
    s.wait_text("far.toml");

    // A word of the section's 31st paragraph, far below the section's first screen.
    s.send("/");
    s.send("zeppelin");
    s.wait_text("/zeppelin");
    s.send(ENTER);
    // The briefing's date as the list and the reader show it, not `2025-03-05`.
    s.wait_text("Dam talks · 5 Mar 2025 · text · far.toml");
    s.send(ENTER);
    // The Reader at the paragraph: on screen, with the section it is in.
    s.wait_for("the paragraph in the Reader", |screen| {
        shows_without(screen, "Paragraph 30 of the opening", "Search “zeppelin”")
    });
    s.wait_text("Opening remarks");

    // Back to the list; an actor's name opens the Actors view at that actor, the
    // last of thirty.
    s.send("q");
    s.wait_text("Search “zeppelin”");
    s.send("\x7f");
    s.wait_text("LIBRARY 1/1");
    s.send("/");
    s.send("quixote");
    s.wait_text("/quixote");
    s.send(ENTER);
    s.wait_text("Search “quixote”: 1 hit");
    s.send(ENTER);
    s.wait_text("Actors 30/30");
    s.wait_text("Quincy Quixote");

    s.send("Q");
    s.wait_exit();
    s.assert_restored();
}

#[test]
fn a_hit_whose_file_broke_or_went_since_says_so_instead_of_nothing() {
    let lib = scratch_dir("library");
    three::write(&lib);
    let cache = scratch_dir("cache");
    let mut s = library(&lib, &cache);
    s.wait_text("2024/harbour-jan.toml");
    s.send("/");
    s.send("tariffs");
    s.wait_text("/tariffs");
    s.send(ENTER);
    s.wait_text("Search “tariffs”: 2 hits");
    // The second hit's file breaks after the search: Enter says why it does not open.
    std::fs::write(lib.join("2024/harbour-jan.toml"), "garbage = [\n").unwrap();
    s.send("j");
    s.send(ENTER);
    s.wait_text("2024/harbour-jan.toml does not load now");
    s.wait_text("Search “tariffs”");
    // The first one's file is gone.
    std::fs::remove_file(lib.join("harbour-mar.toml")).unwrap();
    s.send("k");
    s.send(ENTER);
    s.wait_text("harbour-mar.toml is gone");
    s.send("Q");
    s.wait_exit();
    s.assert_restored();
}
