//! The library's screens as text (issue 19): the list with tags and a tag filter, the
//! search results, the Actors screen and an actor's statements, over a library of
//! three briefings answered by the run layer's index, at 80x24 and 120x40.

mod common;
#[path = "common/three_briefings.rs"]
mod three;

use brief::app::library::{self, Library};
use brief::app::library_screens::Ask;
use brief::app::{Action, Key, KeyCode, keymap};
use brief::run::library_index::LibraryIndex;
use common::{TempDir, buffer_text, settings};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn press(lib: &mut Library, key: Key) {
    if let keymap::Resolved::Action(a) = keymap::Keymap::defaults().resolve(lib.context(), &[key]) {
        let _ = library::update(lib, a);
    }
}

fn render(lib: &Library, (w, h): (u16, u16)) -> Buffer {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    brief::ui::library::render(lib, settings(), area, &mut buf);
    buf
}

/// The three briefings listed and indexed, shown as a folder named `library` (the
/// temporary folder's name changes from run to run).
fn library(size: (u16, u16)) -> (Library, LibraryIndex, TempDir, TempDir) {
    let dir = TempDir::new("snap-lib");
    three::write(&dir.0);
    let cache = TempDir::new("snap-cache");
    let mut lib = Library::scan(&dir.0, None).unwrap();
    lib.dir = "library".into();
    let _ = library::update(&mut lib, Action::Resize(size.0, size.1));
    let mut ix = LibraryIndex::start(&dir.0, Some(&cache.0));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while ix.busy() {
        ix.poll(&mut lib);
        assert!(std::time::Instant::now() < deadline, "the index is built");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    (lib, ix, dir, cache)
}

#[test]
fn the_list_with_tags_and_a_tag_filter() {
    for size in SIZES {
        let (mut lib, ..) = library(size);
        insta::assert_snapshot!(
            format!("list_{}x{}", size.0, size.1),
            buffer_text(&render(&lib, size))
        );
        press(&mut lib, Key::ch('t'));
        press(&mut lib, Key::ch('t'));
        insta::assert_snapshot!(
            format!("list_tag_{}x{}", size.0, size.1),
            buffer_text(&render(&lib, size))
        );
    }
}

#[test]
fn search_results_with_the_match_highlighted() {
    for size in SIZES {
        let (mut lib, ix, ..) = library(size);
        ix.answer(&Ask::Search("tariffs".into()), &mut lib);
        let buf = render(&lib, size);
        insta::assert_snapshot!(format!("results_{}x{}", size.0, size.1), buffer_text(&buf));
        // The matched word, in the theme's search style, in the first hit's snippet.
        let theme = &settings().appearance.theme;
        let text = buffer_text(&buf);
        let (row, line) = text
            .lines()
            .enumerate()
            .find(|(_, l)| l.contains("Tariffs on the harbour"))
            .expect("the snippet");
        let col = line.chars().position(|c| c == 'T').unwrap();
        let cell = &buf[(u16::try_from(col).unwrap(), u16::try_from(row).unwrap())];
        let search = theme.search;
        assert_eq!(
            (
                cell.fg,
                cell.bg,
                cell.modifier.contains(search.add_modifier)
            ),
            (
                search.fg.unwrap_or(cell.fg),
                search.bg.unwrap_or(cell.bg),
                true
            )
        );
    }
}

#[test]
fn no_hits_and_an_empty_query_say_so() {
    let (mut lib, ix, ..) = library((80, 24));
    ix.answer(&Ask::Search("zebra".into()), &mut lib);
    insta::assert_snapshot!("no_hits_80x24", buffer_text(&render(&lib, (80, 24))));
}

#[test]
fn the_actors_screen_and_an_actors_statements() {
    for size in SIZES {
        let (mut lib, ix, ..) = library(size);
        ix.answer(&Ask::Actors, &mut lib);
        insta::assert_snapshot!(
            format!("actors_{}x{}", size.0, size.1),
            buffer_text(&render(&lib, size))
        );
        press(&mut lib, Key::ch('/'));
        for c in "lee".chars() {
            press(&mut lib, Key::ch(c));
        }
        insta::assert_snapshot!(
            format!("actors_narrowed_{}x{}", size.0, size.1),
            buffer_text(&render(&lib, size))
        );
        press(&mut lib, Key::plain(KeyCode::Esc));
        ix.answer(&Ask::Statements("Kim Min".into()), &mut lib);
        insta::assert_snapshot!(
            format!("statements_{}x{}", size.0, size.1),
            buffer_text(&render(&lib, size))
        );
    }
}

#[test]
fn dates_read_as_the_reader_shows_them_else_as_they_are_escaped_or_undated() {
    use brief::app::library_screens::{FoundHit, Opening, Target};
    let size = (100, 12);
    let mut lib = Library::empty(std::path::Path::new("library"));
    let _ = library::update(&mut lib, Action::Resize(size.0, size.1));
    let hit = |title: &str, date: Option<&str>| FoundHit {
        title: title.to_owned(),
        date: date.map(str::to_owned),
        rel: format!("{title}.toml"),
        kind: "text".into(),
        snippet: "words".into(),
        marks: Vec::new(),
        opening: Opening {
            path: format!("{title}.toml").into(),
            target: Target::Section(0),
        },
    };
    lib.show_results(
        "words".into(),
        vec![
            hit("Month", Some("2024-03")),
            hit("Odd", Some("spring\u{202e}2024")),
            hit("None", None),
        ],
        3,
    );
    let text = buffer_text(&render(&lib, size));
    for row in [
        "Month · Mar 2024 · text",
        "Odd · spring\\u{202E}2024 · text",
        "None · undated · text",
    ] {
        assert!(text.contains(row), "{row} in:\n{text}");
    }
}
