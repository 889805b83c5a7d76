//! The library as a corpus (issue 19), without a terminal: what keys do on the
//! library's search results, Actors and statements screens (`update`, pure, with
//! answers made here), the tag filter, and the run layer's index answering a library
//! of three briefings (index and `--no-cache` alike, a damaged index rebuilt).

mod common;
#[path = "common/far_briefing.rs"]
mod far;
#[path = "common/three_briefings.rs"]
mod three;

use brief::app::library::{self, Library, LibraryEntry, Summary};
use brief::app::library_screens::{
    Ask, FoundHit, FoundStatement, Input, LibraryActor, LibraryMode, Opening, Target,
};
use brief::app::{Effect, Key, KeyCode, keymap};
use brief::run::library_index::LibraryIndex;
use common::TempDir;
use std::path::{Path, PathBuf};

/// A key pressed as the terminal loop does: through the default keymap, in the
/// library's context now.
fn press(lib: &mut Library, key: Key) -> Effect {
    match keymap::Keymap::defaults().resolve(lib.context(), &[key]) {
        keymap::Resolved::Action(a) => library::update(lib, a),
        _ => Effect::None,
    }
}

fn ch(lib: &mut Library, c: char) -> Effect {
    press(lib, Key::ch(c))
}

fn code(lib: &mut Library, c: KeyCode) -> Effect {
    press(lib, Key::plain(c))
}

fn typed(lib: &mut Library, text: &str) {
    for c in text.chars() {
        assert_eq!(ch(lib, c), Effect::None);
    }
}

fn entry(name: &str, tags: &[&str]) -> LibraryEntry {
    LibraryEntry {
        path: PathBuf::from(name),
        name: name.to_owned(),
        info: Ok(Summary {
            title: name.to_owned(),
            source: None,
            published: None,
            sections: 1,
            quotes: 1,
            unread: None,
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
        }),
        errors: Vec::new(),
    }
}

fn library() -> Library {
    let mut lib = Library::empty(Path::new("lib"));
    lib.entries = vec![
        entry("a.toml", &["harbour", "economy"]),
        entry("b.toml", &["transport"]),
        entry("c.toml", &["harbour"]),
    ];
    let _ = library::update(&mut lib, brief::app::Action::Resize(80, 24));
    lib
}

fn opening(path: &str, quote: &str) -> Opening {
    Opening {
        path: PathBuf::from(path),
        target: Target::Quote(quote.to_owned()),
    }
}

fn hit(title: &str, quote: &str) -> FoundHit {
    FoundHit {
        title: title.to_owned(),
        date: Some("2024-01-10".into()),
        rel: format!("{title}.toml"),
        kind: "quote".into(),
        snippet: "We want lower tariffs.".into(),
        marks: std::iter::once(15..22).collect(),
        opening: opening(&format!("{title}.toml"), quote),
    }
}

fn statement(title: &str, date: &str, quote: &str) -> FoundStatement {
    FoundStatement {
        title: title.to_owned(),
        rel: format!("{title}.toml"),
        date: Some(date.to_owned()),
        speaker: "Kim Min".into(),
        section_title: "The talks".into(),
        mode: "direct".into(),
        text: "The harbour stays open.".into(),
        opening: opening(&format!("{title}.toml"), quote),
    }
}

fn actor(name: &str, aliases: &[&str], briefings: usize) -> LibraryActor {
    LibraryActor {
        name: name.to_owned(),
        names: std::iter::once(name)
            .chain(aliases.iter().copied())
            .map(str::to_owned)
            .collect(),
        briefings,
        quotes: briefings,
    }
}

#[test]
fn slash_types_a_query_enter_asks_for_the_hits_and_shows_them() {
    let mut lib = library();
    assert_eq!(ch(&mut lib, '/'), Effect::None);
    assert_eq!(lib.context(), keymap::Context::Search);
    // Letters bound elsewhere (j, q) are typed here.
    typed(&mut lib, "tariffs jq");
    assert_eq!(code(&mut lib, KeyCode::Backspace), Effect::None);
    assert_eq!(code(&mut lib, KeyCode::Backspace), Effect::None);
    assert_eq!(code(&mut lib, KeyCode::Backspace), Effect::None);
    let asked = code(&mut lib, KeyCode::Enter);
    assert_eq!(asked, Effect::Ask(Ask::Search("tariffs".into())));
    assert!(matches!(lib.mode, LibraryMode::Waiting(..)));
    lib.show_results(
        "tariffs".into(),
        vec![hit("mar", "lee-high"), hit("jan", "lee-lower")],
        2,
    );
    assert_eq!(lib.context(), keymap::Context::LibraryResults);
    assert_eq!(ch(&mut lib, 'j'), Effect::None);
    assert_eq!(
        code(&mut lib, KeyCode::Enter),
        Effect::OpenAt(opening("jan.toml", "lee-lower"))
    );
    // The results stay up while the briefing is read; back from them, the list.
    assert!(matches!(&lib.mode, LibraryMode::Results(r) if r.list.selected == 1));
    assert_eq!(code(&mut lib, KeyCode::Backspace), Effect::None);
    assert_eq!(lib.mode, LibraryMode::List);
}

#[test]
fn an_empty_query_shows_an_empty_state_without_asking_and_esc_goes_back() {
    let mut lib = library();
    ch(&mut lib, '/');
    assert_eq!(code(&mut lib, KeyCode::Esc), Effect::None);
    assert_eq!(lib.mode, LibraryMode::List);
    ch(&mut lib, '/');
    typed(&mut lib, "  ");
    assert_eq!(code(&mut lib, KeyCode::Enter), Effect::None);
    let LibraryMode::Results(r) = &lib.mode else {
        panic!("{:?}", lib.mode)
    };
    assert!(r.hits.is_empty());
    // Enter on no hit does nothing; `/` from the results searches again, Esc back.
    assert_eq!(code(&mut lib, KeyCode::Enter), Effect::None);
    assert!(!lib.acts(brief::app::Action::Open));
    ch(&mut lib, '/');
    code(&mut lib, KeyCode::Esc);
    assert!(matches!(lib.mode, LibraryMode::Results(_)));
    // An answer that cannot come: back where it was asked, with why.
    ch(&mut lib, '/');
    typed(&mut lib, "x");
    code(&mut lib, KeyCode::Enter);
    lib.not_answered("the index: broken".into());
    assert!(matches!(lib.mode, LibraryMode::Results(_)));
    assert_eq!(lib.notice.as_deref(), Some("the index: broken"));
}

#[test]
fn the_actors_screen_narrows_asks_for_statements_and_goes_back_a_screen_at_a_time() {
    let mut lib = library();
    assert_eq!(ch(&mut lib, 'a'), Effect::Ask(Ask::Actors));
    lib.show_actors(vec![
        actor("Lee Soo", &[], 2),
        actor("Kim Min", &["Minister Kim"], 2),
        actor("Park Ji", &[], 1),
    ]);
    assert_eq!(lib.context(), keymap::Context::LibraryActors);
    ch(&mut lib, '/');
    assert_eq!(lib.context(), keymap::Context::Narrow);
    // Narrowing looks at aliases too.
    typed(&mut lib, "minister");
    let LibraryMode::Actors(a) = &lib.mode else {
        panic!()
    };
    assert_eq!(a.shown().len(), 1);
    code(&mut lib, KeyCode::Enter);
    assert!(matches!(&lib.mode, LibraryMode::Actors(a) if a.input == Input::Browse));
    assert_eq!(
        code(&mut lib, KeyCode::Enter),
        Effect::Ask(Ask::Statements("Kim Min".into()))
    );
    lib.show_statements(
        "Kim Min".into(),
        vec![
            statement("jan", "2024-01-09", "kim-open"),
            statement("feb", "2024-02-04", "kim-end"),
        ],
    );
    assert_eq!(lib.context(), keymap::Context::LibraryActors);
    // Statements are not narrowed: no `/` hint there.
    assert!(!lib.acts(brief::app::Action::Search));
    ch(&mut lib, 'G');
    assert_eq!(
        code(&mut lib, KeyCode::Enter),
        Effect::OpenAt(opening("feb.toml", "kim-end"))
    );
    // Back: the actors as they were (still narrowed), then Esc drops the narrowing,
    // then the list.
    code(&mut lib, KeyCode::Backspace);
    assert!(matches!(&lib.mode, LibraryMode::Actors(a) if a.query == "minister"));
    code(&mut lib, KeyCode::Esc);
    assert!(matches!(&lib.mode, LibraryMode::Actors(a) if a.query.is_empty()));
    code(&mut lib, KeyCode::Esc);
    assert_eq!(lib.mode, LibraryMode::List);
}

#[test]
fn t_cycles_through_the_tags_and_lists_only_their_briefings() {
    let mut lib = library();
    assert_eq!(lib.tags(), ["economy", "harbour", "transport"]);
    let names =
        |lib: &Library| -> Vec<String> { lib.shown().iter().map(|e| e.name.clone()).collect() };
    ch(&mut lib, 't');
    assert_eq!(lib.tag.as_deref(), Some("economy"));
    assert_eq!(names(&lib), ["a.toml"]);
    ch(&mut lib, 't');
    assert_eq!(names(&lib), ["a.toml", "c.toml"]);
    ch(&mut lib, 'j');
    assert_eq!(
        code(&mut lib, KeyCode::Enter),
        Effect::Open(PathBuf::from("c.toml"))
    );
    ch(&mut lib, 't');
    assert_eq!(names(&lib), ["b.toml"]);
    ch(&mut lib, 't');
    assert_eq!(lib.tag, None);
    assert_eq!(names(&lib).len(), 3);
    // No tags at all: the key says so.
    let mut bare = Library::empty(Path::new("x"));
    bare.entries = vec![entry("a.toml", &[])];
    ch(&mut bare, 't');
    assert_eq!(bare.tag, None);
    assert!(bare.notice.is_some());
    assert!(!bare.acts(brief::app::Action::TagFilter));
}

#[test]
fn tags_that_differ_only_in_case_are_one_tag_and_a_gone_tag_goes_on_to_the_next() {
    let mut lib = Library::empty(Path::new("lib"));
    lib.entries = vec![
        entry("a.toml", &["Korea"]),
        entry("b.toml", &["korea", "KOREA"]),
        entry("c.toml", &["korea"]),
        entry("d.toml", &["Économie"]),
        entry("e.toml", &["économie", "trade"]),
    ];
    let _ = library::update(&mut lib, brief::app::Action::Resize(80, 24));
    // As most of their briefings spell them, sorted by name whatever the case.
    assert_eq!(lib.tags(), ["korea", "trade", "Économie"]);
    let names =
        |lib: &Library| -> Vec<String> { lib.shown().iter().map(|e| e.name.clone()).collect() };
    ch(&mut lib, 't');
    assert_eq!(lib.tag.as_deref(), Some("korea"));
    assert_eq!(names(&lib), ["a.toml", "b.toml", "c.toml"]);
    // The tag chosen is gone from every briefing (edited since): `t` goes on to the
    // next one, not back to all.
    lib.tag = Some("aardvark".to_owned());
    ch(&mut lib, 't');
    assert_eq!(lib.tag.as_deref(), Some("korea"));
}

/// The library of three briefings, and a cache folder for its index.
fn three_briefings() -> (TempDir, TempDir) {
    let lib = TempDir::new("three");
    three::write(&lib.0);
    (lib, TempDir::new("cache"))
}

/// Waits for the index's thread (a deadline, never a sleep as an assertion).
fn ready(ix: &mut LibraryIndex, lib: &mut Library) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while ix.busy() {
        ix.poll(lib);
        assert!(std::time::Instant::now() < deadline, "the index is built");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

/// What the run layer answers, as text a test compares: the hits, then Kim Min's
/// statements, then the actors.
fn answers(
    cache: Option<&Path>,
    dir: &Path,
) -> (Vec<String>, Vec<String>, Vec<String>, Option<String>) {
    let mut lib = Library::scan(dir, None).unwrap();
    let mut ix = LibraryIndex::start(dir, cache);
    ready(&mut ix, &mut lib);
    let notice = lib.notice.clone();
    ix.answer(&Ask::Search("tariffs".into()), &mut lib);
    let LibraryMode::Results(r) = &lib.mode else {
        panic!("{:?}", lib.mode)
    };
    let hits = r
        .hits
        .iter()
        .map(|h| {
            format!(
                "{} {} {} {:?} {}",
                h.rel,
                h.date.as_deref().unwrap_or("-"),
                h.kind,
                h.opening.target,
                &h.snippet[h.marks[0].clone()]
            )
        })
        .collect();
    ix.answer(&Ask::Actors, &mut lib);
    let LibraryMode::Actors(a) = &lib.mode else {
        panic!("{:?}", lib.mode)
    };
    let actors = a
        .all
        .iter()
        .map(|a| format!("{} {:?} {} {}", a.name, a.names, a.briefings, a.quotes))
        .collect();
    ix.answer(&Ask::Statements("Kim Min".into()), &mut lib);
    let LibraryMode::Statements(s) = &lib.mode else {
        panic!("{:?}", lib.mode)
    };
    let said = s
        .statements
        .iter()
        .map(|s| {
            format!(
                "{} {} {} {}",
                s.date.as_deref().unwrap_or("-"),
                s.rel,
                s.section_title,
                s.text
            )
        })
        .collect();
    (hits, said, actors, notice)
}

#[test]
fn the_run_layer_answers_from_the_index_as_from_the_files() {
    let (dir, cache) = three_briefings();
    let (hits, said, actors, notice) = answers(Some(&cache.0), &dir.0);
    assert_eq!(notice, None);
    assert_eq!(
        hits,
        [
            "harbour-mar.toml 2024-03-01 quote Quote(\"lee-high\") Tariffs",
            "2024/harbour-jan.toml 2024-01-10 quote Quote(\"lee-lower\") tariffs",
        ]
    );
    assert_eq!(
        said,
        [
            "2024-01-09 2024/harbour-jan.toml The talks The harbour stays open for trade.",
            "2024-02-04 rail-feb.toml The strike The rail strike must end.",
        ]
    );
    assert_eq!(
        actors,
        [
            "Kim Min [\"Kim Min\", \"Minister Kim\"] 2 2",
            "Lee Soo [\"Lee Soo\"] 2 2",
            "Park Ji [\"Park Ji\"] 1 1",
        ]
    );
    // --no-cache: the same answers, read from the files.
    let plain = answers(None, &dir.0);
    assert_eq!((plain.0, plain.1, plain.2), (hits, said, actors));
}

#[test]
fn a_damaged_index_is_rebuilt_with_a_notice_and_still_answers() {
    let (dir, cache) = three_briefings();
    let root = brief::corpus::library_root(&dir.0).unwrap();
    let db = brief::corpus::store::db_path(&cache.0, &root);
    std::fs::write(&db, "this is not a database, it is a text file long enough").unwrap();
    let (hits, _, _, notice) = answers(Some(&cache.0), &dir.0);
    assert_eq!(hits.len(), 2);
    let notice = notice.expect("a notice");
    assert!(notice.contains("rebuilt"), "{notice}");
}

#[test]
fn the_list_walks_subfolders_and_shows_tags() {
    let (dir, _cache) = three_briefings();
    let lib = Library::scan(&dir.0, None).unwrap();
    let names: Vec<&str> = lib.entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        ["harbour-mar.toml", "rail-feb.toml", "2024/harbour-jan.toml"]
    );
    assert_eq!(
        lib.entries[2].info.as_ref().unwrap().tags,
        ["harbour", "economy"]
    );
    assert_eq!(lib.tags(), ["economy", "harbour", "transport"]);
}

/// What each kind of hit opens at, as the run layer answers: from the index and from
/// the files alike.
#[test]
fn each_kind_of_hit_opens_at_what_it_found() {
    let dir = TempDir::new("far");
    dir.put("far.toml", &far::text());
    let cache = TempDir::new("far-cache");
    for cache in [Some(cache.0.as_path()), None] {
        let mut lib = Library::scan(&dir.0, None).unwrap();
        let mut ix = LibraryIndex::start(&dir.0, cache);
        ready(&mut ix, &mut lib);
        let mut found = |q: &str| {
            ix.answer(&Ask::Search(q.into()), &mut lib);
            let LibraryMode::Results(r) = &lib.mode else {
                panic!("{:?}", lib.mode)
            };
            r.hits
                .iter()
                .map(|h| {
                    assert_eq!(h.opening.path, dir.0.join("far.toml"));
                    (h.kind.clone(), h.opening.target.clone())
                })
                .collect::<Vec<_>>()
        };
        let kind = |k: &str, t: Target| vec![(k.to_owned(), t)];
        assert_eq!(
            found("zeppel"),
            kind(
                "text",
                Target::Paragraph {
                    section: 0,
                    paragraph: far::ZEPPELIN_PARAGRAPH,
                    words: vec!["zeppel".into()],
                }
            )
        );
        // "town" is in every paragraph: the hit is the one paragraph with both words.
        assert_eq!(
            found("town zeppel"),
            kind(
                "text",
                Target::Paragraph {
                    section: 0,
                    paragraph: far::ZEPPELIN_PARAGRAPH,
                    words: vec!["town".into(), "zeppel".into()],
                }
            )
        );
        // A word of every paragraph: a hit each, in reading order.
        let paragraphs: Vec<_> = (0..far::PARAGRAPHS)
            .map(|paragraph| {
                (
                    "text".to_owned(),
                    Target::Paragraph {
                        section: 0,
                        paragraph,
                        words: vec!["wraps".into()],
                    },
                )
            })
            .collect();
        assert_eq!(found("wraps"), paragraphs);
        assert_eq!(found("quixote"), kind("actor", Target::Actor("a29".into())));
        assert_eq!(
            found("quagmire"),
            kind("claim", Target::Claim("c29".into()))
        );
        assert_eq!(found("xylophone"), kind("figure", Target::Figure(29)));
        assert_eq!(found("yodel"), kind("event", Target::Event(29)));
        assert_eq!(found("voices"), kind("section", Target::Section(1)));
        assert_eq!(found("dam talks"), kind("title", Target::Section(0)));
        assert_eq!(found("long briefing"), kind("summary", Target::Section(0)));
        assert_eq!(
            found("words number 7"),
            kind("quote", Target::Quote("q7".into()))
        );
    }
}
