//! The config file: the default config round-trips, every kind of problem is located
//! with an exact message (all at once), and `[keys]` drives the reader, its help, its
//! status line and `brief keys`.

use crate::common::app;
use brief::app::keymap::{self, Context, Keymap};
use brief::app::{App, Key, KeyCode};
use brief::app::{Effect, Settings};
use brief::config::{self, Config, LookArgs, Setup};
use brief::theme::Theme;

/// Every problem of a config, rendered as `brief` prints them.
fn errors(text: &str) -> String {
    config::parse("config.toml", text)
        .expect_err("the config has problems")
        .render()
}

/// The bundled briefing in a reader, and the settings this config makes.
fn configured(text: &str, width: u16, height: u16) -> (App, Settings) {
    let config = config::parse("config.toml", text).expect("the config loads");
    let settings = config::settings::resolve(config, &LookArgs::default(), false).settings;
    (app(width, height), settings)
}

#[test]
fn the_default_config_loads_as_the_defaults() {
    let text = config::default::text();
    let loaded = config::parse("default.toml", &text).expect("the default config loads");
    assert_eq!(loaded.keymap, *Keymap::defaults());
    assert_eq!(loaded.mouse, Some(true));
    assert_eq!(
        loaded,
        Config {
            mouse: Some(true),
            color: loaded.color,
            clipboard: Some(brief::config::ClipboardSetting::Auto),
            ..Config::default()
        }
    );
    // Its commented styles are the dark theme's own: uncommented, nothing changes.
    let styles: String = text
        .lines()
        .map(|l| match l.strip_prefix("# ") {
            Some(rest) if rest.contains(" = {") => format!("{rest}\n"),
            _ => format!("{l}\n"),
        })
        .collect();
    assert_eq!(
        styles.lines().filter(|l| l.contains(" = {")).count(),
        brief::theme::STYLES.len()
    );
    let uncommented = config::parse("styles.toml", &styles).expect("uncommented styles load");
    assert_eq!(uncommented.theme, Theme::DARK);
}

#[test]
fn the_default_config_lists_every_action_and_style() {
    let text = config::default::text();
    for (name, _) in keymap::ACTIONS.iter() {
        assert!(text.contains(&format!("\n{name} = [")), "{name}");
    }
    for (name, _) in brief::theme::STYLES {
        assert!(text.contains(&format!("\n# {name} = {{")), "{name}");
    }
}

#[test]
fn an_unknown_action_is_located_with_a_suggestion() {
    assert_eq!(
        errors("[keys]\nquitt = [\"x\"]\n"),
        "config.toml:2:1: error: unknown action `quitt` (did you mean `quit`?): `brief config --default` lists every action\n 2 | quitt = [\"x\"]\n   | ^\n"
    );
}

#[test]
fn an_unparsable_key_is_located_at_the_key() {
    assert_eq!(
        errors("[keys]\nquit = [\"q\", \"hyper-q\"]\n"),
        "config.toml:2:14: error: unknown key `hyper-q`: write one character (`q`, `G`, `?`), a name (enter, esc, tab, shift-tab, backspace, space, up, down, left, right, home, end, pgup, pgdn) or ctrl- with either\n 2 | quit = [\"q\", \"hyper-q\"]\n   |              ^\n"
    );
}

#[test]
fn a_key_bound_to_two_actions_in_one_context_is_a_conflict() {
    assert_eq!(
        errors("[keys]\nstar = [\"c\"]\n"),
        "config.toml:2:9: error: `c` is bound to both `clear_filter` and `star` in the briefing view (`clear_filter` has it by default: give `clear_filter` other keys too)\n 2 | star = [\"c\"]\n   |         ^\n"
    );
    // Both in the file: the later one is pointed at.
    assert_eq!(
        errors("[keys]\nstar = [\"x\"]\nquit = [\"x\"]\n"),
        "config.toml:3:9: error: `x` is bound to both `quit` and `star` in the briefing view\n 3 | quit = [\"x\"]\n   |         ^\n"
    );
}

#[test]
fn a_key_that_starts_a_sequence_cannot_also_act_alone() {
    assert_eq!(
        errors("[keys]\nnext_section = [\"x x\"]\nprev_section = [\"x\"]\n"),
        "config.toml:3:17: error: `x` (`prev_section`) starts `x x` (`next_section`) in the briefing view, so `x x` could never be typed\n 3 | prev_section = [\"x\"]\n   |                 ^\n"
    );
}

#[test]
fn an_unknown_style_and_a_bad_colour_are_located() {
    assert_eq!(
        errors("[theme]\nfocus_border = { fg = \"purple\" }\n"),
        "config.toml:2:1: error: unknown style `focus_border` (did you mean `focus-border`?): `brief config --default` lists every style\n 2 | focus_border = { fg = \"purple\" }\n   | ^\nconfig.toml:2:23: error: unknown colour `purple`: use `default`, one of the 16 ANSI colours (black, red, green, yellow, blue, magenta, cyan, gray, dark-gray, light-red, light-green, light-yellow, light-blue, light-magenta, light-cyan, white) or `#rrggbb`\n 2 | focus_border = { fg = \"purple\" }\n   |                       ^\n"
    );
}

#[test]
fn theme_names_colour_settings_and_typing_keys_are_checked() {
    let out =
        errors("color = \"sometimes\"\n[keys]\ncancel = [\"x\"]\n[theme]\nname = \"solar\"\n");
    let firsts: Vec<&str> = out.lines().filter(|l| l.starts_with("config")).collect();
    assert_eq!(
        firsts,
        [
            "config.toml:1:9: error: unknown colour setting `sometimes`: use `auto`, `always` or `never`",
            "config.toml:3:10: error: `cancel` acts while typing a query, where these keys type themselves: give it a key such as `enter`, `esc` or `ctrl-x`",
            "config.toml:5:8: error: unknown theme `solar`: the themes are `dark`, `light` and `mono`",
        ]
    );
}

#[test]
fn every_problem_is_reported_at_once_in_file_order() {
    let text = "[keys]\nstar = [\"c\"]\nquitt = [\"x\"]\ntop = [\"alt-x\"]\n[theme]\nbrder = {}\ndim = { fg = \"mauve\" }\n";
    let report = config::parse("config.toml", text).unwrap_err();
    let lines: Vec<usize> = report
        .render()
        .lines()
        .filter_map(|l| l.strip_prefix("config.toml:"))
        .map(|l| l.split(':').next().unwrap().parse().unwrap())
        .collect();
    assert_eq!(lines, [2, 3, 4, 6, 7]);
}

#[test]
fn a_wrong_type_is_a_located_syntax_error() {
    assert_eq!(
        errors("mouse = \"yes\"\n"),
        "config.toml:1:9: error: invalid type: string \"yes\", expected a boolean\n 1 | mouse = \"yes\"\n   |         ^\n"
    );
    assert!(errors("[keyz]\n").starts_with("config.toml:1:2: error: unknown field `keyz`"));
}

#[test]
fn a_remapped_key_drives_the_reader_and_the_old_one_is_free() {
    let (mut a, s) = configured("[keys]\nquit = [\"x\"]\n", 120, 40);
    assert_eq!(
        keymap::press(&mut a, &s, Key::ch('q')),
        Effect::None,
        "q no longer quits"
    );
    assert_eq!(
        keymap::press(&mut a, &s, Key::ch('x')),
        Effect::Quit,
        "x quits"
    );
}

#[test]
fn ctrl_c_still_quits_when_quit_has_other_keys() {
    let (mut a, s) = configured("[keys]\nquit = [\"x\"]\n", 120, 40);
    assert_eq!(keymap::press(&mut a, &s, Key::ctrl('c')), Effect::Quit);
}

#[test]
fn a_two_key_sequence_waits_shows_its_first_key_then_acts() {
    let (mut a, s) = configured("[keys]\ntop = [\"g g\", \"home\"]\n", 120, 40);
    for _ in 0..3 {
        keymap::press(&mut a, &s, Key::ch('j'));
    }
    assert_eq!(a.sections.selected, 3);
    keymap::press(&mut a, &s, Key::ch('g'));
    assert_eq!(a.sections.selected, 3, "one g does nothing yet");
    let status = crate::common::buffer_text(&crate::common::render_with(&a, &s))
        .lines()
        .last()
        .unwrap()
        .to_owned();
    assert!(
        status.contains(" g… "),
        "the status line shows the pending key: {status}"
    );
    keymap::press(&mut a, &s, Key::ch('g'));
    assert_eq!(a.sections.selected, 0);
    assert!(a.pending_keys.is_empty());
}

#[test]
fn one_key_rebinds_an_action_in_every_context() {
    let (mut a, s) = configured("[keys]\ndown = [\"ctrl-n\"]\nclose = [\"x\"]\n", 120, 40);
    keymap::press(&mut a, &s, Key::ctrl('n'));
    assert_eq!(a.sections.selected, 1, "in the panes");
    keymap::press(&mut a, &s, Key::ch('a'));
    assert_eq!(a.context(), Context::Filter);
    keymap::press(&mut a, &s, Key::ch('j'));
    keymap::press(&mut a, &s, Key::ctrl('n'));
    let brief::app::Mode::Filter(p) = &a.mode else {
        panic!("the filter is open")
    };
    assert_eq!(
        p.cursor, 1,
        "j no longer moves; Ctrl-n does, in the filter too"
    );
    keymap::press(&mut a, &s, Key::plain(KeyCode::Esc));
    assert_eq!(a.context(), Context::Filter, "Esc no longer closes");
    keymap::press(&mut a, &s, Key::ch('x'));
    assert_eq!(a.context(), Context::Panes);
}

#[test]
fn help_and_status_hints_show_the_configured_keys() {
    let (mut a, s) = configured("[keys]\nquit = [\"x\"]\nhelp = [\"ctrl-h\"]\n", 120, 40);
    let status = crate::common::buffer_text(&crate::common::render_with(&a, &s))
        .lines()
        .last()
        .unwrap()
        .to_owned();
    assert!(
        status.contains("x quit") && status.contains("Ctrl-h help"),
        "{status}"
    );
    keymap::press(&mut a, &s, Key::ctrl('h'));
    let help = crate::common::buffer_text(&crate::common::render_with(&a, &s));
    let quit_row = help.lines().find(|l| l.contains(" quit: ")).unwrap();
    assert!(quit_row.contains("  x "), "{quit_row}");
    assert!(!help.contains("q / Ctrl-c"), "{help}");
}

#[test]
fn settings_default_to_the_built_in_keys_and_look() {
    let s = Setup::default();
    assert_eq!(s.settings.keymap, *Keymap::defaults());
    assert!(s.mouse);
    assert_eq!(s.settings.appearance, brief::theme::Appearance::default());
}

#[test]
fn docs_list_every_action_and_style_as_the_code_has_them() {
    let docs =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/config.md")).unwrap();
    let (start, end) = ("<!-- reference:start -->\n", "<!-- reference:end -->");
    let from = docs.find(start).expect("a reference:start marker") + start.len();
    let to = docs.find(end).expect("a reference:end marker");
    assert_eq!(
        &docs[from..to],
        config::default::reference_markdown(),
        "docs/config.md is stale: replace the block with `config::default::reference_markdown()`"
    );
}

#[test]
fn the_docs_example_of_problems_is_what_brief_prints() {
    let docs =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/config.md")).unwrap();
    let text = "# mine\n[keys]\nstar = [\"c\"]\nquitt = [\"x\"]\n\n[theme]\nfocus-border = { fg = \"purple\" }\n";
    let report = config::parse("/home/me/.config/brief/config.toml", text).unwrap_err();
    assert!(docs.contains(&report.render()), "{}", report.render());
}

#[test]
fn the_clipboard_setting_is_read_and_a_wrong_one_refused() {
    use brief::config::ClipboardSetting as Setting;
    for (text, want) in [
        ("auto", Setting::Auto),
        ("system", Setting::System),
        ("tmux", Setting::Tmux),
        ("osc52", Setting::Osc52),
        ("none", Setting::None),
    ] {
        let c = config::parse("c.toml", &format!("clipboard = \"{text}\"\n")).unwrap();
        assert_eq!(c.clipboard, Some(want));
    }
    assert_eq!(config::parse("c.toml", "").unwrap().clipboard, None);
    let err = config::parse("c.toml", "clipboard = \"xclip\"\n").unwrap_err();
    assert_eq!(
        err.render(),
        "c.toml:1:13: error: unknown clipboard setting `xclip`: use `auto`, `system`, `tmux`, `osc52` or `none`\n 1 | clipboard = \"xclip\"\n   |             ^\n"
    );
}
