//! Shared helpers for the integration tests: the bundled briefing, key presses, and
//! screens rendered to text.
#![allow(dead_code)]

#[cfg(unix)]
pub mod pty;

use brief::app::keymap;
use brief::app::{Action, App, Effect, Key, KeyCode, Settings, update};
use brief::model::{ActorIx, Briefing};
use brief::views::pages::Structure;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Runs the real `brief` binary with `args`, from the crate's folder, and waits for it.
pub fn brief(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the brief binary runs")
}

pub fn bundled() -> Briefing {
    brief::load::bundled()
        .expect("the bundled briefing loads")
        .briefing
}

pub fn app(width: u16, height: u16) -> App {
    App::new(bundled(), width, height)
}

/// The settings of a run with no config and no flags.
pub fn settings() -> &'static Settings {
    static DEFAULT: std::sync::LazyLock<Settings> = std::sync::LazyLock::new(Settings::default);
    &DEFAULT
}

/// Presses a key as the terminal loop would: through the keymap for the current mode.
/// What the run would have to do next.
pub fn press(app: &mut App, key: Key) -> Effect {
    press_with(app, settings(), key)
}

/// `press` with other settings (a config's keys, `--ascii`, opened from a library).
pub fn press_with(app: &mut App, settings: &Settings, key: Key) -> Effect {
    match settings.keymap.resolve(app.context(), &[key]) {
        keymap::Resolved::Action(action) => update(app, settings, action),
        keymap::Resolved::Prefix | keymap::Resolved::Nothing => Effect::None,
    }
}

pub fn ch(app: &mut App, c: char) -> Effect {
    press(app, Key::ch(c))
}

pub fn code(app: &mut App, code: KeyCode) -> Effect {
    press(app, Key::plain(code))
}

/// Presses each character of `keys` in turn; what the run would have to do, for the
/// keys that ask for something.
pub fn typed(app: &mut App, keys: &str) -> Vec<Effect> {
    keys.chars()
        .map(|c| ch(app, c))
        .filter(|e| *e != Effect::None)
        .collect()
}

pub fn act(app: &mut App, action: Action) -> Effect {
    update(app, settings(), action)
}

pub fn actor(b: &Briefing, id: &str) -> ActorIx {
    ActorIx::at(
        b.actors
            .iter()
            .position(|a| a.id == id)
            .unwrap_or_else(|| panic!("no actor {id}")),
    )
}

/// Renders the app into a buffer of its own size.
pub fn render(app: &App) -> Buffer {
    render_with(app, settings())
}

/// `render` with other settings (a theme, `--ascii`, opened from a library).
pub fn render_with(app: &App, settings: &Settings) -> Buffer {
    let area = Rect::new(0, 0, app.width, app.height);
    let mut buf = Buffer::empty(area);
    brief::ui::render(app, settings, area, &mut buf);
    buf
}

/// The screen as text, one line per row; wide characters take their cell and the
/// continuation cell is skipped, so each row is exactly `width` columns wide.
pub fn screen(app: &App) -> String {
    buffer_text(&render(app))
}

pub fn buffer_text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut skip = 0;
        for x in 0..area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buf[(x, y)].symbol();
            skip = brief::text::width(symbol).saturating_sub(1);
            out.push_str(symbol);
        }
        out.push('\n');
    }
    out
}

/// A fresh, empty folder under the system temp dir, unique to this process and call
/// (tests run in parallel threads), removed on drop.
pub struct TempDir(pub std::path::PathBuf);

impl TempDir {
    pub fn new(name: &str) -> Self {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let dir =
            std::env::temp_dir().join(format!("brief-test-{}-{name}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a temp folder");
        Self(dir)
    }

    /// Writes a file into the folder and returns its path.
    pub fn put(&self, name: &str, text: &str) -> std::path::PathBuf {
        let p = self.0.join(name);
        std::fs::write(&p, text).expect("write a test file");
        p
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The items that hold `query`, read from the texts of the blocks: an item's own
/// block; a head's (profile, figure group) for the item after it, or the item above
/// at the end of the page; any other block without items for the item above.
pub fn text_hits(b: &Briefing, s: &Structure, query: &str) -> Vec<usize> {
    let needle = query.to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    let items = s.targets.len();
    let end_of = |j: usize| s.item_start.get(j + 1).copied().unwrap_or(items);
    let mut hit = vec![false; items];
    for (j, &block) in s.blocks.iter().enumerate() {
        let holds = s
            .texts(b, block)
            .expect("these views have texts")
            .iter()
            .any(|t| t.to_lowercase().contains(&needle));
        if !holds {
            continue;
        }
        let first = s.item_start[j];
        if end_of(j) > first {
            hit[first..end_of(j)].fill(true);
            continue;
        }
        if block.is_head() && first < items {
            hit[first] = true;
        } else if first > 0 {
            hit[first - 1] = true;
        }
    }
    (0..items).filter(|&n| hit[n]).collect()
}

/// Selects the page item whose target satisfies `want`, by pressing `l` as a user would.
pub fn select(a: &mut App, want: impl Fn(brief::views::pages::Target) -> bool) {
    ch(a, 'g');
    for _ in 0..500 {
        let state = a.page().unwrap();
        if want(state.target(state.selected).unwrap()) {
            return;
        }
        ch(a, 'l');
    }
    panic!("no such item in {:?}", a.view);
}
