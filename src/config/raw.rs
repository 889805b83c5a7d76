//! The config file as serde reads it, with positions: structure and types only. What
//! the names and values mean is checked by `keys` and `theme`, which report every
//! problem at once; a wrong type or an unknown field here stops at the first, as in
//! a briefing.

use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::ops::Range;
use toml::Spanned;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    pub mouse: Option<bool>,
    pub color: Option<Spanned<String>>,
    pub clipboard: Option<Spanned<String>>,
    #[serde(default)]
    pub keys: Entries<Spanned<KeyList>>,
    #[serde(default)]
    pub theme: RawTheme,
}

/// A table whose keys are names to check (actions, styles), each with its position.
#[derive(Debug)]
pub struct Entries<V>(pub Vec<(Spanned<String>, V)>);

impl<V> Default for Entries<V> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Entries<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Table<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for Table<V> {
            type Value = Entries<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a table")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries<V>, A::Error> {
                let mut out = Vec::new();
                while let Some(name) = map.next_key::<Spanned<String>>()? {
                    out.push((name, map.next_value()?));
                }
                Ok(Entries(out))
            }
        }
        d.deserialize_map(Table(std::marker::PhantomData))
    }
}

/// An action's keys: a list (`["q", "ctrl-c"]`) or one key (`"q"`), each with its
/// position when the list gives one (a lone string has the entry's).
#[derive(Debug)]
pub struct KeyList(pub Vec<(String, Option<Range<usize>>)>);

impl<'de> Deserialize<'de> for KeyList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct List;
        impl<'de> Visitor<'de> for List {
            type Value = KeyList;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(r#"a list of keys, such as ["q", "ctrl-c"]"#)
            }
            fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<KeyList, E> {
                Ok(KeyList(vec![(key.to_owned(), None)]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<KeyList, A::Error> {
                let mut out = Vec::new();
                while let Some(key) = seq.next_element::<Spanned<String>>()? {
                    let span = key.span();
                    out.push((key.into_inner(), Some(span)));
                }
                Ok(KeyList(out))
            }
        }
        d.deserialize_any(List)
    }
}

/// `[theme]`: `name`, and any other key is a style to override.
#[derive(Debug, Default)]
pub struct RawTheme {
    pub name: Option<Spanned<String>>,
    pub styles: Vec<(Spanned<String>, Spanned<RawStyle>)>,
}

impl<'de> Deserialize<'de> for RawTheme {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Table;
        impl<'de> Visitor<'de> for Table {
            type Value = RawTheme;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a table of `name` and styles")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawTheme, A::Error> {
                let mut theme = RawTheme::default();
                while let Some(key) = map.next_key::<Spanned<String>>()? {
                    if key.get_ref() == "name" {
                        theme.name = Some(map.next_value()?);
                    } else {
                        theme.styles.push((key, map.next_value()?));
                    }
                }
                Ok(theme)
            }
        }
        d.deserialize_map(Table)
    }
}

/// A style: colours by name, and the attributes it turns on.
#[derive(Debug, Default, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = r#"a style, such as { fg = "cyan", bold = true }"#
)]
pub struct RawStyle {
    pub fg: Option<Spanned<String>>,
    pub bg: Option<Spanned<String>>,
    /// Attributes: absent is off, as `false` is.
    pub bold: Option<bool>,
    pub dim: Option<bool>,
    pub italic: Option<bool>,
    pub underline: Option<bool>,
    pub reverse: Option<bool>,
}
