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

// The tester's defects (library screens): each test fails on the screens as they were.

use brief::app::Settings;
use brief::app::library_screens::{FoundHit, FoundStatement, Opening, Target};

fn render_with(lib: &Library, (w, h): (u16, u16), settings: &Settings) -> Buffer {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    brief::ui::library::render(lib, settings, area, &mut buf);
    buf
}

fn sized(size: (u16, u16)) -> Library {
    let mut lib = Library::empty(std::path::Path::new("library"));
    let _ = library::update(&mut lib, Action::Resize(size.0, size.1));
    lib
}

fn opening(rel: &str) -> Opening {
    Opening {
        path: rel.into(),
        target: Target::Section(0),
    }
}

const LONG_TITLE: &str =
    "An extraordinarily long title about the negotiations that went on for many months with no end";
/// A snippet as the index makes them (about 160 characters), "harbour" marked twice.
const SNIPPET: &str = "The harbour of Busan reopened after the talks, and ministers said the harbour would stay open for trade through the winter whatever the weather or the markets do next";

fn marks_of(snippet: &str, word: &str) -> Vec<std::ops::Range<usize>> {
    snippet
        .match_indices(word)
        .map(|(i, w)| i..i + w.len())
        .collect()
}

/// Three hits: a long title, a Korean title in a subfolder, a short one; the first
/// selected.
fn hits_library(size: (u16, u16)) -> Library {
    let mut lib = sized(size);
    let hit = |title: &str, rel: &str, snippet: &str| FoundHit {
        title: title.to_owned(),
        date: Some("2024-03-01".into()),
        rel: rel.to_owned(),
        kind: "quote".into(),
        snippet: snippet.to_owned(),
        marks: marks_of(snippet, "harbour"),
        opening: opening(rel),
    };
    lib.show_results(
        "harbour".into(),
        vec![
            hit(LONG_TITLE, "asia/korea-b.toml", SNIPPET),
            hit(
                "부산항 재개방에 관한 아주 긴 제목의 브리핑 문서입니다",
                "asia/korea/부산-harbour.toml",
                "부산항 harbour 다시 열렸다",
            ),
            hit("Short", "short.toml", "the harbour"),
        ],
        3,
    );
    lib
}

/// The rows of the screen, as text.
fn rows_of(buf: &Buffer) -> Vec<String> {
    buffer_text(buf).lines().map(str::to_owned).collect()
}

#[test]
fn result_rows_keep_the_date_the_kind_and_the_file_and_the_title_gives_way() {
    for size in [(120, 40), (80, 24), (60, 20)] {
        let lib = hits_library(size);
        let buf = render(&lib, size);
        let rows = rows_of(&buf);
        let at = format!("at {}x{}:\n{}", size.0, size.1, rows.join("\n"));
        let head = |n: usize| rows[2 + 2 * n].clone();
        // Every head row keeps its date, its kind and its file's name.
        for (n, name) in [
            (0, "korea-b.toml"),
            (1, "부산-harbour.toml"),
            (2, "short.toml"),
        ] {
            let h = head(n);
            assert!(h.contains("1 Mar 2024 · quote · "), "row {n} {at}");
            assert!(
                h.trim_end_matches([' ', '┃', '█']).ends_with(name),
                "row {n} {at}"
            );
        }
        // The long title is what gave way, with `…`.
        assert!(head(0).contains("▸An extraord"), "{at}");
        assert!(head(0).contains("… · 1 Mar 2024"), "{at}");
        // The snippet, longer than the row, ends with `…` inside the border.
        let snippet = rows[3].trim_end_matches(['┃', '█']);
        assert!(snippet.trim_end().ends_with('…'), "{at}");
        insta::assert_snapshot!(
            format!("results_long_{}x{}", size.0, size.1),
            buffer_text(&buf)
        );
    }
}

#[test]
fn a_wide_file_path_is_cut_from_the_left_keeping_its_name() {
    let size = (80, 24);
    let mut lib = hits_library(size);
    if let brief::app::library_screens::LibraryMode::Results(r) = &mut lib.mode {
        r.hits[0].rel = "asia/east/north/korea/negotiations/2024/march/korea-b.toml".into();
    }
    let rows = rows_of(&render(&lib, size));
    assert!(
        rows[2].contains("…") && rows[2].contains("/korea-b.toml"),
        "{}",
        rows.join("\n")
    );
    assert!(
        rows[2].contains("1 Mar 2024 · quote"),
        "{}",
        rows.join("\n")
    );
}

/// The cells of `row` from the column where `needle` starts, as many as it has chars.
fn cells_at(buf: &Buffer, row: u16, needle: &str) -> Vec<ratatui::buffer::Cell> {
    let text: Vec<String> = (0..buf.area.width)
        .map(|x| buf[(x, row)].symbol().to_owned())
        .collect();
    let line = text.concat();
    let byte = line.find(needle).expect("needle on the row");
    let col = line[..byte].chars().count();
    (col..col + needle.chars().count())
        .map(|x| buf[(u16::try_from(x).unwrap(), row)].clone())
        .collect()
}

#[test]
fn the_match_shows_in_the_selected_row_with_colour_and_without() {
    let mut mono = Settings::default();
    mono.appearance.palette = brief::theme::Palette::Mono;
    for settings in [settings(), &mono] {
        let size = (120, 40);
        let lib = hits_library(size);
        let buf = render_with(&lib, size, settings);
        // Row 3 is the selected hit's snippet: "The harbour of Busan".
        let word = cells_at(&buf, 3, "harbour");
        let around = cells_at(&buf, 3, "of Busan");
        let look = |c: &ratatui::buffer::Cell| (c.fg, c.bg, c.modifier);
        assert_ne!(
            look(&word[0]),
            look(&around[0]),
            "the match looks like the rest of the selected row ({:?})",
            settings.appearance.palette
        );
        // In a row not selected, it shows as well.
        let other = cells_at(&buf, 7, "harbour");
        let plain = cells_at(&buf, 7, "the");
        assert_ne!(look(&other[0]), look(&plain[0]));
    }
}

#[test]
fn a_snippet_whose_match_lies_past_the_row_is_cut_from_its_start() {
    let size = (40, 12);
    let mut lib = sized(size);
    let snippet = format!("{} harbour at last", "words ".repeat(12));
    lib.show_results(
        "harbour".into(),
        vec![FoundHit {
            title: "T".into(),
            date: None,
            rel: "t.toml".into(),
            kind: "text".into(),
            marks: marks_of(&snippet, "harbour"),
            snippet,
            opening: opening("t.toml"),
        }],
        1,
    );
    let rows = rows_of(&render(&lib, size));
    assert!(
        rows[3].contains("  …") && rows[3].contains("harbour"),
        "{}",
        rows.join("\n")
    );
}

#[test]
fn statement_rows_keep_the_date_the_speaker_and_the_mode() {
    for size in [(120, 40), (80, 24), (60, 20)] {
        let mut lib = sized(size);
        let st = |title: &str, text: &str| FoundStatement {
            title: title.to_owned(),
            rel: "asia/korea-b.toml".into(),
            date: Some("2024-03-01".into()),
            speaker: "Ministry of Foreign Affairs".into(),
            section_title: "The second round of the negotiations in Seoul".into(),
            mode: "direct".into(),
            text: text.to_owned(),
            opening: opening("asia/korea-b.toml"),
        };
        lib.show_statements(
            "Ministry of Foreign Affairs".into(),
            vec![st(LONG_TITLE, SNIPPET), st("외교부 브리핑", "짧은 말")],
        );
        let buf = render(&lib, size);
        let rows = rows_of(&buf);
        let at = format!("at {}x{}:\n{}", size.0, size.1, rows.join("\n"));
        // The date and the mode always; the whole speaker where the titles can give
        // way enough (at 60 columns, the speaker too is cut).
        let speaker = if size.0 >= 80 {
            "Ministry of Foreign Affairs · "
        } else {
            "Ministry of … · "
        };
        for n in [2, 4] {
            assert!(rows[n].contains(&format!("1 Mar 2024 · {speaker}")), "{at}");
            assert!(rows[n].contains(" (direct)"), "{at}");
        }
        assert!(
            rows[2].contains(&format!("▸1 Mar 2024 · {speaker}An extr")),
            "{at}"
        );
        assert!(rows[2].contains('…'), "{at}");
        assert!(
            rows[3].trim_end_matches(['┃', '█', ' ']).ends_with('…'),
            "{at}"
        );
        insta::assert_snapshot!(
            format!("statements_long_{}x{}", size.0, size.1),
            buffer_text(&buf)
        );
    }
}

/// A library with one file that does not load, its report's lines long.
fn broken_library(size: (u16, u16), lines: usize) -> Library {
    let mut lib = sized(size);
    let long = |n: usize| {
        format!(
            "/tmp/tlib/bad.toml:{n}:8: error: unknown variant `alien`, expected one of `person`, `organisation`, `state`, `party`, `group` (end-of-line-{n})"
        )
    };
    lib.entries.push(brief::app::library::LibraryEntry {
        path: "/tmp/tlib/bad.toml".into(),
        name: "bad.toml".into(),
        info: Err("7:8: error: unknown variant `alien`".into()),
        errors: (1..=lines).map(long).collect(),
    });
    press(&mut lib, Key::plain(KeyCode::Enter));
    assert!(lib.errors.is_some(), "the panel is open");
    lib
}

#[test]
fn the_error_panel_wraps_its_lines_and_scrolls_to_the_last_row() {
    for size in [(80, 24), (120, 40), (40, 12)] {
        let mut lib = broken_library(size, 30);
        let text = buffer_text(&render(&lib, size));
        let at = format!("at {}x{}:\n{text}", size.0, size.1);
        // The first line reads whole: its last words are on the screen, on a
        // continuation row indented under it.
        assert!(text.contains("(end-of-line-1)"), "{at}");
        assert!(text.contains("┃  "), "{at}");
        insta::assert_snapshot!(format!("errors_panel_{}x{}", size.0, size.1), text);
        // Down to the end: the last line's end shows; one more key changes nothing.
        for _ in 0..200 {
            press(&mut lib, Key::ch('j'));
        }
        let text = buffer_text(&render(&lib, size));
        assert!(
            text.contains("(end-of-line-30)"),
            "at {}x{}:\n{text}",
            size.0,
            size.1
        );
        // And back up a row at a time: the first key moves the view.
        press(&mut lib, Key::ch('k'));
        assert_ne!(
            buffer_text(&render(&lib, size)),
            text,
            "k scrolls back at once"
        );
    }
}

#[test]
fn the_search_line_shows_the_end_of_a_long_query() {
    let size = (40, 12);
    let mut lib = sized(size);
    press(&mut lib, Key::ch('/'));
    let query = "negotiations harbour reopening ministry tariffs";
    for c in query.chars() {
        press(&mut lib, Key::ch(c));
    }
    let rows = rows_of(&render(&lib, size));
    let status = rows.last().unwrap();
    assert!(status.contains("tariffs▏"), "{status:?}");
    assert!(status.contains('…'), "{status:?}");
    insta::assert_snapshot!("search_line_40x12", rows.join("\n"));
}

#[test]
fn a_long_query_gives_way_in_the_results_title_and_no_hits_wraps() {
    let size = (40, 12);
    let mut lib = sized(size);
    lib.show_results(
        "negotiations harbour reopening ministry tariffs".into(),
        Vec::new(),
        0,
    );
    let text = buffer_text(&render(&lib, size));
    assert!(text.contains("…”: 0 hits"), "{text}");
    for word in "No briefing of the library has these words. / searches again.".split(' ') {
        assert!(text.contains(word), "{word:?} in\n{text}");
    }
    insta::assert_snapshot!("no_hits_long_query_40x12", text);
}

#[test]
fn too_small_wraps_its_message() {
    let size = (20, 5);
    let lib = sized(size);
    let text = buffer_text(&render(&lib, size));
    assert!(text.contains("have 20×5"), "{text}");
}

#[test]
fn a_notice_leaves_the_key_hints_room() {
    let size = (80, 24);
    let mut lib = sized(size);
    lib.notice =
        Some("/tmp/tlib/asia/loop: a link back to a folder already read (a loop?): skipped".into());
    let rows = rows_of(&render(&lib, size));
    let status = rows.last().unwrap();
    assert!(status.contains("q quit"), "{status:?}");
    assert!(status.contains("? help"), "{status:?}");
    assert!(status.contains("/tmp/tlib/asia/loop"), "{status:?}");
    assert!(status.contains('…'), "{status:?}");
    // Cleared by the next key, as the reader's notices are.
    press(&mut lib, Key::ch('j'));
    assert_eq!(lib.notice, None);
}

/// Whether the screen under the help offers `action`.
fn lib_offers_after_close(lib: &Library, action: Action) -> bool {
    let mut under = lib.clone();
    under.help = None;
    under.offers(action)
}

#[test]
fn every_library_screen_has_a_help_of_its_own_keys() {
    use brief::app::keymap::{Context, HelpLine, Keymap, entry_keys};
    let size = (100, 40);
    let (mut lib, ix, ..) = library(size);
    let keymap = Keymap::defaults();
    let check = |lib: &mut Library, context: Context, name: &str, absent: &[&str]| {
        let status = rows_of(&render(lib, size)).pop().unwrap();
        assert!(status.contains("? help"), "{name}: {status:?}");
        press(lib, Key::ch('?'));
        assert_eq!(lib.context(), Context::Help, "{name}");
        let text = buffer_text(&render(lib, size));
        assert!(text.contains(lib.help_title()), "{name}:\n{text}");
        // Exactly the keys of the screen's context that work there, then the help's.
        let mut heading = String::new();
        let mut listed: Vec<(String, String)> = Vec::new();
        for l in lib.help_lines(keymap, false) {
            match l {
                HelpLine::Heading(h) => heading = h,
                HelpLine::Entry { keys, .. } if !keys.is_empty() => {
                    listed.push((heading.clone(), keys));
                }
                _ => {}
            }
        }
        let title = lib.help_title().to_owned();
        let mut want: Vec<(String, String)> = keymap
            .entries(context)
            .iter()
            .filter(|e| !absent.contains(&e.help))
            .map(|e| (title.clone(), entry_keys(e, " / ", false)))
            .collect();
        want.extend(
            keymap
                .entries(Context::Help)
                .iter()
                .filter(|e| e.help != "narrow to the keys that match")
                .map(|e| ("In this help".to_owned(), entry_keys(e, " / ", false))),
        );
        assert_eq!(listed, want, "{name}");
        // Each key listed does something there: it resolves to an action the screen
        // offers.
        for e in keymap.entries(context) {
            assert_eq!(
                lib_offers_after_close(lib, e.action),
                !absent.contains(&e.help),
                "{name}: {:?}",
                e.help
            );
        }
        insta::assert_snapshot!(format!("help_{name}"), text);
        press(lib, Key::ch('?'));
        assert_eq!(lib.help, None, "{name}: ? closes");
    };
    check(&mut lib, Context::Library, "list", &[]);
    ix.answer(&Ask::Search("tariffs".into()), &mut lib);
    check(&mut lib, Context::LibraryResults, "results", &[]);
    ix.answer(&Ask::Actors, &mut lib);
    check(&mut lib, Context::LibraryActors, "actors", &[]);
    ix.answer(&Ask::Statements("Kim Min".into()), &mut lib);
    check(
        &mut lib,
        Context::LibraryActors,
        "statements",
        &["narrow: the actors, by typing"],
    );
}

#[test]
fn the_library_search_line_says_enter_lists_the_results() {
    let size = (100, 24);
    let mut lib = sized(size);
    press(&mut lib, Key::ch('/'));
    let status = rows_of(&render(&lib, size)).pop().unwrap();
    assert!(status.contains("Enter list the hits"), "{status:?}");
    assert!(!status.contains("next match"), "{status:?}");
}

#[test]
fn dropping_the_actors_narrowing_keeps_the_selected_actor() {
    let size = (80, 24);
    let (mut lib, ix, ..) = library(size);
    ix.answer(&Ask::Actors, &mut lib);
    let selected = |lib: &Library| match &lib.mode {
        brief::app::library_screens::LibraryMode::Actors(a) => {
            a.shown()[a.list.selected].name.clone()
        }
        other => panic!("not the Actors screen: {other:?}"),
    };
    press(&mut lib, Key::ch('/'));
    for c in "lee".chars() {
        press(&mut lib, Key::ch(c));
    }
    press(&mut lib, Key::plain(KeyCode::Enter));
    assert_eq!(selected(&lib), "Lee Soo");
    // Its statements, back, then Esc drops the narrowing: still Lee Soo.
    press(&mut lib, Key::plain(KeyCode::Enter));
    ix.answer(&Ask::Statements("Lee Soo".into()), &mut lib);
    press(&mut lib, Key::plain(KeyCode::Backspace));
    assert_eq!(selected(&lib), "Lee Soo");
    press(&mut lib, Key::plain(KeyCode::Esc));
    assert_eq!(selected(&lib), "Lee Soo", "Esc dropped the narrowing");
    // The same when the narrowing is dropped while typing it.
    press(&mut lib, Key::ch('/'));
    for c in "park".chars() {
        press(&mut lib, Key::ch(c));
    }
    press(&mut lib, Key::plain(KeyCode::Esc));
    assert_eq!(selected(&lib), "Park Ji");
}
