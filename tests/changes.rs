//! Issue 20 in the reader: what a live reload changed (the notice, the change list
//! `D`, Enter going to a change), the marks on new and changed quotes, and the Claims
//! view's stances across time (`H`).

mod common;

use brief::app::changes::Goto;
use brief::app::{Action, App, Mode};
use brief::layout::Pane;
use brief::model::QuoteIx;
use brief::views::pages::{Target, View};
use common::{act, ch, code, render_with, screen, settings};

const BASE: &str = include_str!("fixtures/diff/base.toml");

/// The base fixture with Russia's stance changed (denies → likely) and one new quote
/// in the second section.
fn changed() -> String {
    BASE.replacen("stance = \"denies\"", "stance = \"likely\"", 1)
        .replacen(
            "text = \"We will see.\"\n",
            "text = \"We will see.\"\n\n[[sections.quotes]]\nid = \"doe-new\"\nspeaker = \"jane-doe\"\ntext = \"The troops are there.\"\n",
            1,
        )
}

fn open(text: &str, w: u16, h: u16) -> App {
    let b = brief::load::load_str("base.toml", text)
        .unwrap_or_else(|r| panic!("{}", r.render()))
        .briefing;
    App::new(b, w, h)
}

/// The base briefing open, then reloaded as `new`.
fn reloaded(new: &str, w: u16, h: u16) -> App {
    let mut a = open(BASE, w, h);
    brief::run::reload::apply(&mut a, brief::load::load_str("base.toml", new), None);
    a
}

fn quote(a: &App, id: &str) -> QuoteIx {
    QuoteIx::at(a.briefing.quotes.iter().position(|q| q.id == id).unwrap())
}

#[test]
fn a_reload_says_what_changed_in_words() {
    let a = reloaded(&changed(), 120, 40);
    assert_eq!(
        a.notice.as_deref(),
        Some("reloaded: 1 new quote, 1 stance changed")
    );
    let same = reloaded(BASE, 120, 40);
    assert_eq!(same.notice.as_deref(), Some("reloaded: nothing changed"));
    assert_eq!(same.changes.rows.as_deref(), Some(&[][..]));
    // Plurals through `text::count`.
    let two = changed().replacen(
        "text = \"There are no troops.\"\n",
        "text = \"There are no troops.\"\n\n[[sections.quotes]]\nid = \"r2\"\nspeaker = \"russia\"\ntext = \"Still none.\"\n",
        1,
    );
    let a = reloaded(&two, 120, 40);
    assert_eq!(
        a.notice.as_deref(),
        Some("reloaded: 2 new quotes, 1 stance changed")
    );
}

#[test]
fn d_lists_the_changes_and_enter_goes_to_the_new_quote() {
    let mut a = reloaded(&changed(), 120, 40);
    ch(&mut a, 'D');
    assert!(matches!(a.mode, Mode::Changes(_)));
    let rows = a.changes.rows.clone().unwrap();
    let texts: Vec<&str> = rows.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "new quote  Jane Doe: “The troops are there.”",
            "stance changed  Russia on “Troops were sent.”: ✘ denies → ~ likely",
        ]
    );
    let new = quote(&a, "doe-new");
    assert_eq!(rows[0].goto, Goto::Quote(new));
    code(&mut a, brief::app::KeyCode::Enter);
    assert!(matches!(a.mode, Mode::Panes));
    assert_eq!(a.view, View::Briefing);
    assert_eq!(a.focus, Pane::Reader);
    assert_eq!(a.reader.mark, Some(new));
    assert_eq!(a.selected_quote(), Some(new));
    assert_eq!(a.reader_quote(), Some(new));
}

#[test]
fn enter_on_a_stance_selects_its_cell_in_the_claims_view() {
    let mut a = reloaded(&changed(), 120, 40);
    ch(&mut a, 'D');
    ch(&mut a, 'j');
    code(&mut a, brief::app::KeyCode::Enter);
    assert_eq!(a.view, View::Claims);
    let russia = common::actor(&a.briefing, "russia");
    let p = a.page().unwrap();
    let t = p.target(p.selected).unwrap();
    let actor = match t {
        Target::Position(c, pi) => a.briefing.claim(c).positions[pi].actor,
        Target::Cell(_, col) => col,
        other => panic!("{other:?}"),
    };
    assert_eq!(actor, russia);
    assert_eq!(a.selected_cell().map(|(_, a)| a), Some(russia));
}

#[test]
fn the_list_scrolls_closes_and_says_when_there_is_nothing() {
    let mut a = open(BASE, 80, 24);
    ch(&mut a, 'D');
    assert!(screen(&a).contains("No reload yet"), "{}", screen(&a));
    code(&mut a, brief::app::KeyCode::Esc);
    assert!(matches!(a.mode, Mode::Panes));
    let mut same = reloaded(BASE, 80, 24);
    ch(&mut same, 'D');
    assert!(screen(&same).contains("The last reload changed nothing."));
    ch(&mut same, 'q');
    assert!(matches!(same.mode, Mode::Panes));
    // From an analyst view too; `D` closes it again.
    let mut a = reloaded(&changed(), 80, 24);
    ch(&mut a, '2');
    ch(&mut a, 'D');
    assert!(matches!(a.mode, Mode::Changes(_)));
    ch(&mut a, 'j');
    ch(&mut a, 'j');
    let Mode::Changes(l) = a.mode else { panic!() };
    assert_eq!(l.selected, 1, "the cursor stops at the last row");
    ch(&mut a, 'D');
    assert!(matches!(a.mode, Mode::Panes));
}

#[test]
fn a_removed_quote_says_it_is_gone() {
    let without = BASE.replacen(
        "[[sections.quotes]]\nid = \"doe-second\"\nspeaker = \"jane-doe\"\ntext = \"We will see.\"\n",
        "",
        1,
    );
    let mut a = reloaded(&without, 120, 40);
    assert_eq!(a.notice.as_deref(), Some("reloaded: 1 quote removed"));
    ch(&mut a, 'D');
    code(&mut a, brief::app::KeyCode::Enter);
    assert!(matches!(a.mode, Mode::Changes(_)), "the list stays open");
    assert_eq!(
        a.notice.as_deref(),
        Some("gone: the reload removed it from the briefing")
    );
}

#[test]
fn new_quotes_are_marked_until_seen_and_the_mark_survives_a_resize() {
    let mut a = reloaded(&changed(), 120, 40);
    let new = quote(&a, "doe-new");
    assert!(a.changes.is_unseen(new));
    assert!(!a.changes.is_unseen(quote(&a, "doe-first")));
    // The Quotes pane shows the mark; so does the Reader once on its section.
    assert!(screen(&a).contains("✦Jane Doe"), "{}", screen(&a));
    act(&mut a, Action::Resize(100, 30));
    assert!(a.changes.is_unseen(new), "a resize sees nothing");
    assert!(screen(&a).contains("✦Jane Doe"), "{}", screen(&a));
    // ASCII draws `!`.
    let mut ascii = settings().clone();
    ascii.appearance.glyphs = brief::theme::Glyphs::Ascii;
    let text = common::buffer_text(&render_with(&a, &ascii));
    assert!(text.contains("!Jane Doe"), "{text}");
    // Selected in the Quotes pane with it focused: seen.
    ch(&mut a, ']');
    assert!(
        a.changes.is_unseen(new),
        "a section change with Sections focused sees no quote"
    );
    code(&mut a, brief::app::KeyCode::Tab);
    code(&mut a, brief::app::KeyCode::Tab);
    assert_eq!(a.focus, Pane::Quotes);
    while a.selected_quote() != Some(new) {
        ch(&mut a, 'j');
    }
    assert!(!a.changes.is_unseen(new));
    assert!(!screen(&a).contains('✦'));
}

#[test]
fn the_reader_marks_a_changed_quote_and_opening_it_sees_it() {
    let edited = BASE.replacen("We said what we meant.", "We said what we said.", 1);
    let mut a = reloaded(&edited, 120, 40);
    assert_eq!(a.notice.as_deref(), Some("reloaded: 1 quote changed"));
    let q = quote(&a, "doe-first");
    assert!(a.changes.is_unseen(q));
    assert!(
        screen(&a).contains("✦ “We said what we said.”"),
        "{}",
        screen(&a)
    );
    // Opened in detail from the Quotes pane: seen.
    a.focus = Pane::Quotes;
    a.quotes.selected = 0;
    a.changes.unseen[q.get()] = true;
    code(&mut a, brief::app::KeyCode::Enter);
    assert!(matches!(a.mode, Mode::Detail(_)));
    assert!(!a.changes.is_unseen(q));
}

fn history_app(w: u16, h: u16) -> App {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/history");
    let load = |name: &str| {
        brief::load::load_path(std::path::Path::new(&format!("{dir}/{name}")))
            .unwrap()
            .briefing
    };
    let now = load("3-wednesday.toml");
    let (mon, tue) = (load("1-monday.toml"), load("2-tuesday.toml"));
    let mut a = App::new(now, w, h);
    a.folder_read(&[
        ("1-monday.toml".to_owned(), &mon),
        ("2-tuesday.toml".to_owned(), &tue),
    ]);
    a
}

#[test]
fn h_shows_the_selected_cells_stances_across_time() {
    let mut a = history_app(120, 40);
    let hints = |a: &App| {
        settings()
            .keymap
            .hints(a.context(), false, |x| a.acts(settings(), x))
            .join(" ")
    };
    ch(&mut a, '3');
    assert!(
        !hints(&a).contains("H "),
        "not hinted outside the Claims view"
    );
    ch(&mut a, '2');
    assert!(
        hints(&a).contains("H "),
        "hinted in the Claims view: {}",
        hints(&a)
    );
    ch(&mut a, 'H');
    let russia = common::actor(&a.briefing, "russia");
    let (ci, claim) = a
        .briefing
        .claims
        .iter()
        .enumerate()
        .find(|(_, c)| c.id == "sent")
        .unwrap();
    let pi = claim
        .positions
        .iter()
        .position(|p| p.actor == russia)
        .unwrap();
    let want = Target::Position(brief::model::ClaimIx::at(ci), pi);
    common::select(&mut a, |t| t == want);
    let s = screen(&a);
    assert!(
        s.contains("? 10 Jan 2025 → ~ 11 Jan 2025 → ✔ 12 Jan 2025"),
        "{s}"
    );
    code(&mut a, brief::app::KeyCode::Enter);
    assert!(matches!(a.mode, Mode::History { .. }));
    let s = screen(&a);
    assert!(s.contains("10 Jan 2025, 1-monday.toml: ? undecided"), "{s}");
    assert!(
        s.contains("11 Jan 2025, 2-tuesday.toml: ~ likely (as `troops-sent`)"),
        "{s}"
    );
    code(&mut a, brief::app::KeyCode::Esc);
    assert!(matches!(a.mode, Mode::Panes));
    ch(&mut a, 'H');
    assert!(!screen(&a).contains("History"));
}

#[test]
fn without_a_folder_h_says_why() {
    let mut a = open(BASE, 120, 40);
    ch(&mut a, '2');
    assert!(!a.acts(settings(), Action::History));
    ch(&mut a, 'H');
    assert_eq!(
        a.notice.as_deref(),
        Some("no history: the briefing was not opened from a file in a folder")
    );
}

#[test]
fn snapshots_of_the_change_list_and_the_history() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = reloaded(&changed(), w, h);
        ch(&mut a, 'D');
        insta::assert_snapshot!(format!("changes_{w}x{h}"), screen(&a));
    }
    let mut a = history_app(120, 40);
    ch(&mut a, '2');
    ch(&mut a, 'H');
    insta::assert_snapshot!("claims_history_120x40", screen(&a));
}
