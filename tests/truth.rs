//! Issue 14: every screen says exactly what the briefing says: stance words, folded
//! cells, counters, empty states, the summary, hints, plurals, ASCII marks.

mod common;

use brief::app::{App, KeyCode, Mode};
use brief::model::{Briefing, ClaimIx, QuoteIx};
use brief::views::lines::{LineKind, detail_lines};
use brief::views::pages::Target;
use common::*;

const DISSENT: &str = include_str!("fixtures/dissent.toml");

fn dissent() -> Briefing {
    brief::load::load_str("dissent.toml", DISSENT)
        .expect("the dissent fixture loads")
        .briefing
}

fn quote(b: &Briefing, id: &str) -> QuoteIx {
    QuoteIx::at(b.quotes.iter().position(|q| q.id == id).unwrap())
}

/// The detail's field lines ("Label: value"), first lines only.
fn detail_fields(b: &Briefing, q: QuoteIx) -> Vec<String> {
    detail_lines(b, q, 200)
        .into_iter()
        .filter(|l| matches!(l.kind, LineKind::Field { label } if label > 0))
        .map(|l| l.text)
        .collect()
}

#[test]
fn the_detail_names_the_stance_each_citing_position_records() {
    let b = bundled();
    let fields = detail_fields(&b, quote(&b, "north-korea-denial"));
    assert!(
        fields.contains(&"✘ Denies: North Korea has sent troops to Russia.".to_owned()),
        "{fields:?}"
    );
    assert!(!fields.iter().any(|f| f.starts_with("Backs")), "{fields:?}");

    let example = brief::load::load_str("example.toml", include_str!("../docs/example.toml"))
        .unwrap()
        .briefing;
    let fields = detail_fields(&example, quote(&example, "traders-dispute"));
    assert!(fields.contains(&"✘ Denies: The harbour bridge is unsafe to use.".to_owned()));

    // One quote cited by two positions (of two claims) shows both, each with its word.
    let d = dissent();
    let fields = detail_fields(&d, quote(&d, "northland-denies"));
    let stances: Vec<&String> = fields.iter().filter(|f| f.contains(": The")).collect();
    assert_eq!(
        stances,
        [
            "✘ Denies: The Kessel dam's spillway is failing.",
            "✔ Asserts: The engineers' report is wrong."
        ]
    );
    let fields = detail_fields(&d, quote(&d, "arvo-unsure"));
    assert!(fields.contains(&"? Undecided: The Kessel dam's spillway is failing.".to_owned()));
}

#[test]
fn a_position_taken_by_another_actor_names_it_in_the_detail() {
    // Northland's position cites its minister's words.
    let text = DISSENT.replace(
        "actor = \"southmark\"\nstance = \"likely\"",
        "actor = \"southmark\"\nstance = \"likely\"\nquote = \"lind-agrees\"",
    );
    let b = brief::load::load_str("d.toml", &text).unwrap().briefing;
    let fields = detail_fields(&b, quote(&b, "lind-agrees"));
    assert!(
        fields.contains(&"~ Likely (Southmark): The engineers' report is wrong.".to_owned()),
        "{fields:?}"
    );
}

fn app_of(b: Briefing, w: u16, h: u16) -> App {
    App::new(b, w, h)
}

/// The row of the screen holding `needle`.
fn row_with(screen: &str, needle: &str) -> String {
    screen
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no row with {needle:?} in\n{screen}"))
        .to_owned()
}

#[test]
fn a_folded_cell_shows_members_who_disagree_and_enter_lists_every_position() {
    let mut a = app_of(dissent(), 120, 40);
    ch(&mut a, '2');
    let s = screen(&a);
    let row = row_with(&s, "The Kessel dam's spillway is failing.");
    // Northland denies; its minister asserts and its president is undecided.
    assert!(row.contains("✘ denies · 1✔ 1?"), "{row}");
    assert!(!row.contains("denies+"), "{row}");
    // The tally counts what the cells show: four positions.
    assert!(s.contains("2 ✔ 1 ? 1 ✘  contested"), "{s}");
    let northland = actor(&a.briefing, "northland");
    select(&mut a, |t| t == Target::Cell(ClaimIx(0), northland));
    assert!(
        screen(&a).contains("Northland: ✘ denies · 1✔ 1? — The Kessel dam's spillway is failing."),
        "the status line names the selected cell"
    );
    code(&mut a, KeyCode::Enter);
    let Mode::Positions { positions, .. } = &a.mode else {
        panic!("expected the positions popup, got {:?}", a.mode)
    };
    assert_eq!(positions, &[1, 2, 3]);
    let s = screen(&a);
    for line in [
        "3 positions",
        "✘ denies — Northland",
        "? undecided — Mira Arvo · Northland",
        "✔ asserts — Tomas Lind · Northland",
        "The dam is sound and the report is wrong.",
        "We will wait for our own inspectors before we say anything.",
        "The engineers are right about the spillway.",
    ] {
        assert!(s.contains(line), "{line:?} missing from\n{s}");
    }
    code(&mut a, KeyCode::Esc);
    assert!(matches!(a.mode, Mode::Panes));
    // Unfolded, each member has a column of its own.
    ch(&mut a, 'm');
    let row = row_with(&screen(&a), "The Kessel dam's spillway is failing.");
    assert!(
        row.contains("✘ denies") && row.contains("? undecided") && row.contains("✔ asserts"),
        "{row}"
    );
}

#[test]
fn a_column_whose_head_takes_no_position_says_its_members_do() {
    let b = bundled();
    let mut a = app_of(b, 200, 60);
    ch(&mut a, '2');
    let s = screen(&a);
    let row = row_with(
        &s,
        "Russia's turn to North Korea for troops is a sign of desperation.",
    );
    // Starmer and Healey assert; the United Kingdom itself takes no position.
    assert!(row.contains("members: 2✔"), "{row}");
    assert!(!row.contains("✔ asserts+"), "{row}");
}

#[test]
fn headers_are_whole_where_they_fit() {
    let mut a = app(200, 60);
    ch(&mut a, '2');
    let s = screen(&a);
    for name in [
        "South Korea",
        "North Korea",
        "United Kingdom",
        "United States",
        "NATO",
    ] {
        assert!(row_with(&s, "┃Claim").contains(name), "{name}:\n{s}");
    }
    assert!(!row_with(&s, "┃Claim").contains('…'));
    ch(&mut a, 'm');
    let s = screen(&a);
    let head: String = s.lines().skip(3).take(2).collect::<Vec<_>>().join("\n");
    // Long names wrap onto a second header row, whole.
    for part in [
        "Senior South Korean",
        "presidential official",
        "Security Council",
        "spy agency",
        "Volodymyr",
        "Zelenskyy",
    ] {
        assert!(head.contains(part), "{part}:\n{head}");
    }
    assert!(!head.contains('…'), "{head}");
    // At 120 columns the folded names still fit whole.
    let mut a = app(120, 40);
    ch(&mut a, '2');
    let s = screen(&a);
    let head = row_with(&s, "┃Claim");
    for name in ["South Korea", "United Kingdom", "United States"] {
        assert!(head.contains(name), "{name}: {head}");
    }
}

#[test]
fn counters_count_what_their_label_names() {
    let mut a = app(120, 40);
    ch(&mut a, '2');
    assert!(screen(&a).contains("Claims 1/5"), "{}", screen(&a));
    ch(&mut a, 'G');
    assert!(screen(&a).contains("Claims 5/5"));
    ch(&mut a, '5');
    assert!(screen(&a).contains("Actors 1/20"), "{}", screen(&a));
    ch(&mut a, 'G');
    // The last actors with something to show: ITV News and CNN have no quotes,
    // positions or figures (nothing in the article is a quote by either).
    assert!(screen(&a).contains("Actors 18/20"), "{}", screen(&a));
    ch(&mut a, '3');
    let figures = a.briefing.figures.len();
    assert!(screen(&a).contains(&format!("Figures 1/{figures}")));
    // A word found in one claim's statement is one match, not one per cell.
    ch(&mut a, '2');
    ch(&mut a, 'g');
    ch(&mut a, '/');
    typed(&mut a, "desperation");
    code(&mut a, KeyCode::Enter);
    assert!(screen(&a).contains("item match 1/1"), "{}", screen(&a));
}

#[test]
fn a_filter_shows_the_claims_it_touches_and_counts_the_others() {
    let mut a = app_of(dissent(), 120, 40);
    a.filter
        .toggle(&a.briefing, actor(&a.briefing, "southmark"));
    ch(&mut a, '2');
    let s = screen(&a);
    assert!(s.contains("The engineers' report is wrong."), "{s}");
    assert!(!s.contains("The Kessel dam's spillway is failing."), "{s}");
    assert!(
        s.contains("1 other claim has no position from the chosen actors (c clears the filter)."),
        "{s}"
    );
    assert!(s.contains("Claims 1/1"), "{s}");
}

#[test]
fn empty_views_say_what_is_empty_and_why() {
    let bare = DISSENT.split("[[claims]]").next().unwrap().to_owned();
    let mut a = app_of(
        brief::load::load_str("bare.toml", &bare).unwrap().briefing,
        120,
        40,
    );
    ch(&mut a, '2');
    let s = screen(&a);
    assert!(s.contains("This briefing has no claims."), "{s}");
    assert!(!s.contains("Members are folded"), "{s}");
    ch(&mut a, '3');
    assert!(screen(&a).contains("This briefing has no figures."));
    assert!(!screen(&a).contains("chosen actors"));
    // With a filter on, a view says the filter hides it.
    let mut a = app(120, 40);
    a.filter.toggle(&a.briefing, actor(&a.briefing, "nato"));
    ch(&mut a, '3');
    assert!(
        screen(&a).contains("No figures from the chosen actors (c clears the filter)."),
        "{}",
        screen(&a)
    );
}

#[test]
fn print_lays_out_the_claims_as_the_reader_does_at_start() {
    let b = dissent();
    let sel = brief::print::Selection::all(&b);
    let text = brief::print::page(
        &b,
        &sel,
        brief::print::PageView::Claims,
        brief::print::Format::Text,
        120,
    )
    .unwrap();
    let mut a = app_of(dissent(), 122, 40);
    ch(&mut a, '2');
    let s = screen(&a);
    let row = row_with(&text, "The Kessel dam's spillway is failing.");
    assert!(row.contains("✘ denies · 1✔ 1?"), "{text}");
    // The reader's page at the same inner width holds the same row.
    assert!(row_with(&s, "The Kessel dam's spillway is failing.").contains(row.trim_end()));
}

#[test]
fn the_summary_is_shown_above_the_first_section_and_found_by_search() {
    let mut a = app_of(dissent(), 120, 40);
    let s = screen(&a);
    assert!(
        s.contains("An engineers' report says the Kessel dam"),
        "{s}"
    );
    // Found by `/`: a word only the summary holds.
    ch(&mut a, '/');
    typed(&mut a, "inspectors");
    code(&mut a, KeyCode::Esc);
    ch(&mut a, '/');
    typed(&mut a, "will not say");
    code(&mut a, KeyCode::Enter);
    let label = a.search.as_ref().unwrap().label();
    assert_eq!(label, "match 1/1", "{}", screen(&a));
    // Not in a later section's Reader, and printed once.
    ch(&mut a, ']');
    assert!(!screen(&a).contains("An engineers' report says"));
    let text = brief::print::plain(&dissent(), 100);
    assert_eq!(
        text.matches("An engineers' report says").count(),
        1,
        "{text}"
    );
}

#[test]
fn hints_list_only_keys_that_act_here_and_idle_keys_say_why() {
    let mut a = app(200, 50);
    ch(&mut a, '2');
    let status = |a: &App| screen(a).lines().last().unwrap().to_owned();
    assert!(
        status(&a).contains("m fold or unfold members"),
        "{}",
        status(&a)
    );
    for view in ['3', '4', '5'] {
        ch(&mut a, view);
        let line = status(&a);
        assert!(!line.contains("fold or unfold"), "{view}: {line}");
    }
    // In the Figures view Enter has nothing to open: no hint, and pressing it says why.
    ch(&mut a, '3');
    assert!(!status(&a).contains("Enter open"), "{}", status(&a));
    code(&mut a, KeyCode::Enter);
    assert!(matches!(a.mode, Mode::Panes));
    assert!(
        status(&a).contains("a figure has no quote or section to open"),
        "{}",
        status(&a)
    );
    ch(&mut a, 'm');
    assert!(status(&a).contains("members fold only in the Claims view (2)"));
    assert_eq!(
        a.columns,
        brief::app::state::Columns::Folded,
        "m did not act"
    );
}

fn brief_cmd(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .env("NO_COLOR", "1")
        .env(
            "BRIEF_STATE_DIR",
            std::env::temp_dir().join("brief-truth-state"),
        )
        .output()
        .unwrap()
}

#[test]
fn one_is_singular_everywhere() {
    let dir = TempDir::new("truth-plurals");
    let one = DISSENT
        .split("[[sections]]\nid = \"government\"")
        .next()
        .unwrap()
        .replace(
            "[[sections.quotes]]\nid = \"northland-denies\"",
            "[[sections.quotes]]\nid = \"northland-denies\"\ncontext = \"A soft\u{ad}hyphen.\"",
        );
    // One section, two quotes, five actors, no claims (they cite the dropped quotes).
    let one = one.split("\n[[claims]]").next().unwrap().to_owned();
    let path = dir.put("one.toml", &one);
    let out = brief_cmd(&["check", path.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(": 1 section, 2 quotes, 5 actors, 0 claims"),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!stdout.contains("(s)"), "{stdout}");
    // The library, piped, says "1 section" too.
    let out = brief_cmd(&[dir.0.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(" · 1 section · 2 quotes · one.toml"),
        "{stdout}"
    );
    assert_eq!(brief::text::count(1, "warning"), "1 warning");
    assert_eq!(brief::text::count(2, "warning"), "2 warnings");
    assert_eq!(brief::text::count(0, "claim"), "0 claims");
}

#[test]
fn ascii_keeps_unread_and_starred_apart() {
    assert_eq!(brief::ascii::fold('★'), Some('*'));
    assert_eq!(brief::ascii::fold('•'), Some('o'));
    let mut a = app(120, 40);
    let mut ascii = common::settings().clone();
    ascii.appearance.glyphs = brief::theme::Glyphs::Ascii;
    code(&mut a, KeyCode::Tab);
    code(&mut a, KeyCode::Tab);
    ch(&mut a, 's');
    let s = buffer_text(&render_with(&a, &ascii));
    // The Quotes pane: the first quote starred and unread, the next unread only.
    let first = s
        .lines()
        .find(|l| l.contains(">oSenior South Korean"))
        .unwrap();
    assert!(first.contains('*'), "{first}\n{s}");
    let second = s
        .lines()
        .find(|l| l.contains(" oSouth Korea's spy"))
        .unwrap();
    assert!(second.contains(" o") && !second.contains('*'), "{second}");
}

#[test]
fn claims_on_a_briefing_whose_members_disagree_as_snapshots() {
    for (w, h) in [(200, 60), (120, 40), (80, 24)] {
        for fold in ["folded", "unfolded"] {
            let mut a = app_of(dissent(), w, h);
            ch(&mut a, '2');
            if fold == "unfolded" {
                ch(&mut a, 'm');
            }
            insta::assert_snapshot!(format!("dissent_claims_{fold}_{w}x{h}"), screen(&a));
        }
    }
}

#[test]
fn a_word_in_a_listed_claims_statement_selects_that_claims_first_position() {
    // 80 columns: the Claims view is a list of positions under each claim.
    let mut a = app(80, 24);
    ch(&mut a, '2');
    assert!(a.page().unwrap().structure().matrix.is_none());
    ch(&mut a, '/');
    typed(&mut a, "weapons to ukraine");
    code(&mut a, KeyCode::Enter);
    let st = a.page().unwrap();
    let Some(Target::Position(c, _)) = st.target(st.selected) else {
        panic!("a position is selected")
    };
    assert_eq!(
        a.briefing.claim(c).statement,
        "South Korea could send weapons to Ukraine."
    );
}

#[test]
fn m_is_hinted_and_acts_only_where_the_matrix_is_shown() {
    let mut a = app(80, 24);
    ch(&mut a, '2');
    assert!(!a.claims_matrix(), "80 columns: the list form");
    let status = screen(&a).lines().last().unwrap().to_owned();
    assert!(!status.contains("fold"), "{status}");
    ch(&mut a, 'm');
    assert_eq!(
        a.columns,
        brief::app::state::Columns::Folded,
        "m did not act"
    );
    assert!(a.notice.as_deref().unwrap().contains("claims matrix only"));
}

#[test]
fn the_last_item_brings_the_end_of_every_view_into_view() {
    for (w, h) in [(80, 24), (120, 40)] {
        for view in ['2', '3', '4', '5'] {
            let mut a = app(w, h);
            ch(&mut a, view);
            ch(&mut a, 'G');
            let page = brief::views::pages::build(
                a.view,
                &a.briefing,
                &a.filter,
                usize::from(w) - 2,
                true,
            );
            let last = page
                .to_text()
                .lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .unwrap()
                .to_owned();
            let s = screen(&a);
            let shown: String = last.chars().take(30).collect();
            assert!(
                s.contains(&shown),
                "{view} at {w}x{h}: {shown:?} not on\n{s}"
            );
        }
    }
}

#[test]
fn a_claim_with_no_position_is_listed_without_blaming_a_filter() {
    let text = DISSENT
        .split("\n[[claims.positions]]")
        .next()
        .unwrap()
        .to_owned()
        + "\n[[claims]]\nid = \"other\"\nstatement = \"Nobody has spoken on this.\"\n";
    let b = brief::load::load_str("none.toml", &text).unwrap().briefing;
    let mut a = app_of(b, 120, 40);
    ch(&mut a, '2');
    let s = screen(&a);
    assert!(s.contains("The Kessel dam's spillway is failing."), "{s}");
    assert!(s.contains("Nobody has spoken on this."), "{s}");
    assert!(s.contains("no position recorded"), "{s}");
    assert!(!s.contains("chosen actors"), "no filter is on:\n{s}");
}

#[test]
fn m_keeps_the_selected_position() {
    let mut a = app_of(dissent(), 120, 40);
    ch(&mut a, '2');
    // Southmark's position on the second claim.
    let southmark = actor(&a.briefing, "southmark");
    select(&mut a, |t| {
        matches!(t, Target::Position(c, _) if c == ClaimIx(1)) && a_pos_actor(t) == Some(southmark)
    });
    ch(&mut a, 'm');
    let st = a.page().unwrap();
    assert_eq!(
        st.target(st.selected),
        Some(Target::Position(ClaimIx(1), 1))
    );
    // The minister's position, folded back into Northland's cell.
    let lind = actor(&a.briefing, "minister-lind");
    select(&mut a, |t| a_pos_actor(t) == Some(lind));
    ch(&mut a, 'm');
    let st = a.page().unwrap();
    let northland = actor(&a.briefing, "northland");
    assert_eq!(
        st.target(st.selected),
        Some(Target::Cell(ClaimIx(0), northland))
    );
}

/// The actor of a position target in the dissent fixture.
fn a_pos_actor(t: Target) -> Option<brief::model::ActorIx> {
    static B: std::sync::OnceLock<Briefing> = std::sync::OnceLock::new();
    let b = B.get_or_init(dissent);
    match t {
        Target::Position(c, p) => Some(b.claim(c).positions[p].actor),
        _ => None,
    }
}

#[test]
fn headers_take_their_room_before_the_claim_column_grows() {
    let mut a = app_of(dissent(), 60, 24);
    ch(&mut a, '2');
    let s = screen(&a);
    assert!(a.claims_matrix(), "{s}");
    let head: String = s.lines().skip(3).take(2).collect::<Vec<_>>().join("\n");
    assert!(head.contains("Southmark"), "{head}");
    assert!(!head.contains('…'), "{head}");
}
