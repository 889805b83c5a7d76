//! Keys as the state machine sees them, independent of any terminal library, and as
//! the config file writes them (`q`, `G`, `ctrl-c`, `shift-tab`, `pgdn`, `g g`).

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
}

/// A key press: a code and whether Ctrl was held. Shift is folded into the character
/// (`G`, `?`) or the code (`BackTab`), as terminals report it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

/// The most keys one binding may take (`g g` is two).
pub const MAX_SEQUENCE: usize = 3;

/// Named keys as the config writes them; the first name of each is the canonical one.
const NAMES: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("return", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("shift-tab", KeyCode::BackTab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("space", KeyCode::Char(' ')),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pgup", KeyCode::PageUp),
    ("pageup", KeyCode::PageUp),
    ("pgdn", KeyCode::PageDown),
    ("pagedown", KeyCode::PageDown),
];

impl Key {
    pub const fn plain(code: KeyCode) -> Self {
        Self { code, ctrl: false }
    }

    pub const fn ch(c: char) -> Self {
        Self::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Self {
        Self {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    /// Whether the key types a character into a query (so it cannot be bound while
    /// typing).
    pub fn types(self) -> bool {
        matches!(self.code, KeyCode::Char(_)) && !self.ctrl
    }

    /// Parses one key as the config writes it. Named keys and `ctrl-` are
    /// case-insensitive; a single character is taken as is (`G` is Shift-g).
    pub fn parse(text: &str) -> Result<Key, String> {
        if let Some(c) = single(text) {
            return char_key(c, false, text);
        }
        let lower = text.to_ascii_lowercase();
        let (ctrl, rest, rest_raw) = match lower.strip_prefix("ctrl-") {
            Some(rest) => (true, rest, &text[5..]),
            None => (false, lower.as_str(), text),
        };
        if let Some(&(_, code)) = NAMES.iter().find(|(name, _)| *name == rest) {
            return Ok(Key { code, ctrl });
        }
        if ctrl && let Some(c) = single(rest_raw) {
            return char_key(c.to_ascii_lowercase(), true, text);
        }
        if lower.starts_with("alt-") || lower.starts_with("meta-") {
            return Err(format!(
                "`{text}`: Alt keys cannot be bound (terminals send them as Esc, then the key)"
            ));
        }
        if let Some(c) = rest_raw
            .get(6..)
            .filter(|_| rest.starts_with("shift-"))
            .and_then(single)
        {
            return Err(format!(
                "`{text}`: write the character Shift gives, such as `{}`",
                c.to_uppercase()
            ));
        }
        Err(format!(
            "unknown key `{text}`: write one character (`q`, `G`, `?`), a name (enter, esc, tab, shift-tab, backspace, space, up, down, left, right, home, end, pgup, pgdn) or ctrl- with either"
        ))
    }

    /// Parses a binding: one key or a sequence separated by spaces (`g g`).
    pub fn parse_sequence(text: &str) -> Result<Vec<Key>, String> {
        let keys = text
            .split_whitespace()
            .map(Key::parse)
            .collect::<Result<Vec<_>, _>>()?;
        match keys.len() {
            0 if text.is_empty() => Err("empty key".to_owned()),
            0 => Err("a space is written `space`".to_owned()),
            n if n > MAX_SEQUENCE => Err(format!(
                "`{text}` has {n} keys: a sequence has at most {MAX_SEQUENCE}"
            )),
            _ => Ok(keys),
        }
    }

    /// The key as the config writes it, which `parse` reads back.
    pub fn config_name(self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "space".to_owned(),
            KeyCode::Char(c) => shown(c),
            code => NAMES
                .iter()
                .find(|(_, c)| *c == code)
                .map_or_else(String::new, |(name, _)| (*name).to_owned()),
        };
        if self.ctrl {
            format!("ctrl-{name}")
        } else {
            name
        }
    }

    /// How help and the status line write the key; `ascii` spells out the arrows.
    pub fn label(self, ascii: bool) -> String {
        let code = match (self.code, ascii) {
            (KeyCode::Char(' '), _) => "Space".to_owned(),
            (KeyCode::Char(c), _) => shown(c),
            (KeyCode::Enter, _) => "Enter".to_owned(),
            (KeyCode::Esc, _) => "Esc".to_owned(),
            (KeyCode::Tab, _) => "Tab".to_owned(),
            (KeyCode::BackTab, _) => "Shift-Tab".to_owned(),
            (KeyCode::Backspace, _) => "Backspace".to_owned(),
            (KeyCode::Up, false) => "↑".to_owned(),
            (KeyCode::Down, false) => "↓".to_owned(),
            (KeyCode::Left, false) => "←".to_owned(),
            (KeyCode::Right, false) => "→".to_owned(),
            (KeyCode::Up, true) => "Up".to_owned(),
            (KeyCode::Down, true) => "Down".to_owned(),
            (KeyCode::Left, true) => "Left".to_owned(),
            (KeyCode::Right, true) => "Right".to_owned(),
            (KeyCode::Home, _) => "Home".to_owned(),
            (KeyCode::End, _) => "End".to_owned(),
            (KeyCode::PageUp, _) => "PgUp".to_owned(),
            (KeyCode::PageDown, _) => "PgDn".to_owned(),
        };
        if self.ctrl {
            format!("Ctrl-{code}")
        } else {
            code
        }
    }
}

/// The only character of `text`, if it has exactly one.
/// A key's character as shown: escaped as `\u{..}` if it would not show (a key made
/// otherwise than by `parse`, which refuses such characters).
fn shown(c: char) -> String {
    let invisible = crate::load::clean::is_unsafe_char(c)
        || crate::load::clean::first_invisible(c.encode_utf8(&mut [0; 4])).is_some();
    if invisible {
        format!("\\u{{{:04X}}}", u32::from(c))
    } else {
        c.to_string()
    }
}

fn single(text: &str) -> Option<char> {
    let mut chars = text.chars();
    chars.next().filter(|_| chars.next().is_none())
}

/// A single character as a key; controls and blanks other than space cannot be typed
/// into a config string meaningfully, so they are refused.
fn char_key(c: char, ctrl: bool, text: &str) -> Result<Key, String> {
    if c == ' ' {
        Ok(Key {
            code: KeyCode::Char(' '),
            ctrl,
        })
    } else if c.is_control() || c.is_whitespace() {
        Err(format!(
            "`{}` is not a key: write a character or a name such as `tab`",
            text.escape_default()
        ))
    } else if let Some(c) = crate::load::clean::first_invisible(text)
        .or_else(|| crate::load::clean::is_unsafe_char(c).then_some(c))
    {
        // A bidi control or an invisible character would show as nothing, or turn
        // the key table around it.
        Err(format!(
            "`{}` is not a key: U+{:04X} is invisible; write a character that shows",
            text.escape_default(),
            u32::from(c)
        ))
    } else {
        Ok(Key {
            code: KeyCode::Char(c),
            ctrl,
        })
    }
}

/// How keys are written in help, the status line and the README.
impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label(false))
    }
}

/// A sequence written for people: `g g`.
pub fn sequence_label(keys: &[Key], ascii: bool) -> String {
    keys.iter()
        .map(|k| k.label(ascii))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_keys_are_refused_and_escaped_when_shown() {
        for c in [
            '\u{202E}',
            '\u{200B}',
            '\u{200D}',
            '\u{3164}',
            '\u{034F}',
            '\u{E0041}',
        ] {
            let err = Key::parse(&c.to_string()).unwrap_err();
            assert!(err.contains("is invisible"), "{err}");
            assert!(Key::parse(&format!("ctrl-{c}")).is_err());
            let key = Key::ch(c);
            let escaped = format!("\\u{{{:04X}}}", u32::from(c));
            assert_eq!(key.label(false), escaped);
            assert_eq!(key.config_name(), escaped);
        }
        assert_eq!(Key::parse("é"), Ok(Key::ch('é')));
    }

    #[test]
    fn parses_what_the_config_writes() {
        assert_eq!(Key::parse("q"), Ok(Key::ch('q')));
        assert_eq!(Key::parse("G"), Ok(Key::ch('G')));
        assert_eq!(Key::parse("ctrl-c"), Ok(Key::ctrl('c')));
        assert_eq!(Key::parse("Ctrl-C"), Ok(Key::ctrl('c')));
        assert_eq!(Key::parse("shift-tab"), Ok(Key::plain(KeyCode::BackTab)));
        assert_eq!(Key::parse("PgDn"), Ok(Key::plain(KeyCode::PageDown)));
        assert_eq!(Key::parse("space"), Ok(Key::ch(' ')));
        assert_eq!(Key::parse("ctrl--"), Ok(Key::ctrl('-')));
        assert_eq!(Key::parse("한"), Ok(Key::ch('한')));
        assert!(Key::parse("alt-x").unwrap_err().contains("Alt keys"));
        assert!(Key::parse("shift-g").unwrap_err().contains("`G`"));
        assert!(Key::parse("hyper").unwrap_err().starts_with("unknown key"));
        assert!(Key::parse("\t").is_err());
    }

    #[test]
    fn sequences_have_one_to_three_keys() {
        assert_eq!(Key::parse_sequence("g g"), Ok(vec![Key::ch('g'); 2]));
        assert!(Key::parse_sequence("").is_err());
        assert!(Key::parse_sequence("   ").is_err());
        assert!(Key::parse_sequence("a b c d").is_err());
    }

    #[test]
    fn config_names_parse_back() {
        let codes = NAMES.iter().map(|&(_, c)| c);
        for code in codes.chain([KeyCode::Char('x'), KeyCode::Char('-')]) {
            for ctrl in [false, true] {
                let key = Key { code, ctrl };
                assert_eq!(Key::parse(&key.config_name()), Ok(key), "{key:?}");
            }
        }
    }
}
