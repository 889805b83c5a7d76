//! The reader's place by ids (section, scroll, filter, read and starred quotes), so
//! that it survives edits to the briefing: made from the state (`snapshot`) and put
//! back into it (`restore`). Keeping it on disk is the run layer's (`run::store`).

use super::App;
use crate::layout::Pane;
use crate::model::ActorIx;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Where one briefing was left.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedPlace {
    pub section: Option<String>,
    pub scroll: usize,
    pub filter: Vec<String>,
    pub read_sections: Vec<String>,
    pub read_quotes: Vec<String>,
    pub starred: Vec<String>,
}

/// The app's place, by ids, so it survives edits to the briefing.
pub fn snapshot(app: &App) -> SavedPlace {
    let b = &app.briefing;
    let ids = |flags: &[bool], id: &dyn Fn(usize) -> String| {
        flags
            .iter()
            .enumerate()
            .filter(|(_, f)| **f)
            .map(|(i, _)| id(i))
            .collect()
    };
    let (section, scroll, filter) = view_place(app);
    SavedPlace {
        section,
        scroll,
        filter,
        read_sections: ids(&app.marks.read_sections, &|i| b.sections[i].id.clone()),
        read_quotes: ids(&app.marks.read_quotes, &|i| b.quotes[i].id.clone()),
        starred: ids(&app.marks.starred, &|i| b.quotes[i].id.clone()),
    }
}

/// Puts the app back where `place` says. Ids that no longer exist are skipped, and
/// the scroll is clamped by the next `sync`.
///
/// Linear in the briefing and the place: each kind of id is looked up in a map made
/// once (issue 16: a search per id took 35 s for 100k quotes all read).
pub fn restore(app: &mut App, place: &SavedPlace) {
    let b = &app.briefing;
    let sections = index(b.sections.iter().map(|s| s.id.as_str()));
    // Only what the place names is looked up: no map of quotes for a place without
    // read or starred quotes.
    let quotes = if place.read_quotes.is_empty() && place.starred.is_empty() {
        HashMap::new()
    } else {
        index(b.quotes.iter().map(|q| q.id.as_str()))
    };
    let actors = index(b.actors.iter().map(|a| a.id.as_str()));
    let find = |map: &HashMap<&str, usize>, ids: &[String]| -> Vec<usize> {
        ids.iter()
            .filter_map(|id| map.get(id.as_str()).copied())
            .collect()
    };
    let chosen: Vec<ActorIx> = find(&actors, &place.filter)
        .into_iter()
        .map(ActorIx::at)
        .collect();
    let read_sections = find(&sections, &place.read_sections);
    let read_quotes = find(&quotes, &place.read_quotes);
    let starred = find(&quotes, &place.starred);
    let section = place
        .section
        .as_deref()
        .and_then(|id| sections.get(id).copied());
    if let Some(s) = section {
        app.sections.selected = s;
        app.reader.scroll = place.scroll;
        app.focus = Pane::Sections;
    }
    for i in read_sections {
        app.marks.read_sections[i] = true;
    }
    for i in read_quotes {
        app.marks.read_quotes[i] = true;
    }
    for i in starred {
        app.marks.starred[i] = true;
    }
    app.marks.touch();
    for a in chosen {
        if !app.filter.chosen.contains(&a) {
            app.filter.toggle(&app.briefing, a);
        }
    }
    app.sync();
}

/// Each id's position.
fn index<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    ids.enumerate().map(|(i, id)| (id, i)).collect()
}

/// Where the reader is, by ids: the section shown, the Reader's scroll, the chosen
/// actors. What both the saved place and the saver's pending place hold.
pub fn view_place(app: &App) -> (Option<String>, usize, Vec<String>) {
    let b = &app.briefing;
    (
        b.sections.get(app.sections.selected).map(|s| s.id.clone()),
        app.reader.scroll,
        app.filter
            .chosen
            .iter()
            .map(|&a| b.actor(a).id.clone())
            .collect(),
    )
}
