//! Actors: their fields, affiliations resolved, and affiliation cycles cut.

use super::Validator;
use super::ids::Registry;
use crate::model::raw::{self, Str};
use crate::model::{Actor, ActorIx};

#[derive(Clone, Copy, PartialEq)]
enum Seen {
    No,
    OnPath,
    Done,
}

pub(super) fn actors(
    v: &mut Validator<'_>,
    raw: &mut [toml::Spanned<raw::RawActor>],
    ids: &Registry,
) -> Vec<Actor> {
    let mut actors: Vec<Actor> = raw
        .iter_mut()
        .map(|a| {
            let a = a.get_mut();
            Actor {
                // Registered (copied) already: the raw id is not needed again.
                id: std::mem::take(a.id.get_mut()),
                name: v.name(&mut a.name, "actor name"),
                kind: a.kind,
                role: v.opt_line(a.role.as_mut(), "role"),
                affiliation: a
                    .affiliation
                    .as_ref()
                    .and_then(|s| v.resolve(ids, s, "actor"))
                    .map(ActorIx::at),
                aliases: a.aliases.iter_mut().map(|s| v.name(s, "alias")).collect(),
                native_name: a.native_name.as_mut().map(|s| v.name(s, "native name")),
                same_as: a.same_as.iter_mut().map(|s| v.name(s, "same-as")).collect(),
                members: Vec::new(),
            }
        })
        .collect();
    // Affiliation cycles: walk each chain once (linear overall, whatever the depth); a
    // walk that meets its own path has found a cycle, reported at the actor where it
    // closes and cut there, so the model stays a forest.
    let mut seen = vec![Seen::No; actors.len()];
    for start in 0..actors.len() {
        let mut path = Vec::new();
        let mut cur = Some(start);
        while let Some(i) = cur {
            match seen[i] {
                Seen::Done => break,
                Seen::OnPath => {
                    let from = path.iter().position(|&p| p == i).unwrap_or(0);
                    let last = *path.last().unwrap_or(&i);
                    let names: Vec<&str> = path[from..]
                        .iter()
                        .chain([&i])
                        .map(|&p| actors[p].id.as_str())
                        .collect();
                    let a = raw[last].get_ref();
                    let span = a.affiliation.as_ref().map_or(raw[last].span(), Str::span);
                    v.error(span, format!("affiliation cycle: {}", names.join(" → ")));
                    actors[last].affiliation = None;
                    break;
                }
                Seen::No => {
                    seen[i] = Seen::OnPath;
                    path.push(i);
                    cur = actors[i].affiliation.map(ActorIx::get);
                }
            }
        }
        for p in path {
            seen[p] = Seen::Done;
        }
    }
    actors
}
