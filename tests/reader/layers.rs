//! The layers of the crate, checked from its `use` lines (issue 17): every path
//! `crate::X` in a module goes down to a lower layer, never up or sideways, so there
//! is no import cycle and, for example, neither the state machine nor the views reach
//! into rendering or the run. A new top-level module must be given its layer here.

use std::collections::BTreeSet;
use std::path::Path;

/// Each top-level module of `src/` and its layer: a module may name only modules of a
/// lower layer. `main.rs` and `lib.rs` sit above them all.
const LAYERS: &[(&str, u8)] = &[
    // The briefing model and the text helpers everything uses.
    ("model", 0),
    ("load", 1),
    ("text", 1),
    ("ascii", 1),
    ("layout", 1),
    ("output", 2),
    ("log", 2),
    ("sources", 2),
    ("find", 2),
    ("new", 2),
    ("clipboard", 2),
    ("theme", 2),
    ("verify", 3),
    ("check", 3),
    // The views' model, then the state machine, then rendering and the config.
    ("views", 4),
    ("app", 5),
    ("ui", 6),
    ("config", 6),
    // What the command line does with them, and the run (the only crossterm code).
    ("diff", 7),
    ("print", 8),
    ("corpus", 8),
    ("cli", 9),
    ("run", 9),
];

fn layer(name: &str) -> Option<u8> {
    LAYERS.iter().find(|(n, _)| *n == name).map(|&(_, l)| l)
}

/// The top-level modules a file names through `crate::`, leaving out its unit tests
/// (a `#[cfg(test)] mod tests` block at the end of a file may reach anywhere).
fn named(text: &str) -> BTreeSet<String> {
    let code = text
        .find("#[cfg(test)]\nmod tests")
        .map_or(text, |i| &text[..i]);
    let mut out = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `use crate::{a, b::c}`: each name the group starts with.
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for part in group.split(',') {
                let name: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() && name != "self" {
                    out.insert(name);
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            out.insert(name);
        }
    }
    out
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_module_names_only_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut wrong = Vec::new();
    for path in all {
        let rel = path.strip_prefix(&src).unwrap();
        let top = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_owned();
        if top == "main" || top == "lib" {
            continue;
        }
        let Some(own) = layer(&top) else {
            wrong.push(format!("src/{top}: not in LAYERS (give it a layer)"));
            continue;
        };
        let text = std::fs::read_to_string(&path).unwrap();
        for name in named(&text) {
            if name == top {
                continue;
            }
            match layer(&name) {
                Some(l) if l < own => {}
                Some(l) => wrong.push(format!(
                    "{}: `crate::{name}` (layer {l}) from layer {own}",
                    rel.display()
                )),
                None => wrong.push(format!("{}: `crate::{name}` has no layer", rel.display())),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_check_sees_a_path_up_and_a_group() {
    let text = "use crate::ui::render;\nuse crate::{model, text::wrap};\n#[cfg(test)]\nmod tests {\n    use crate::run;\n}\n";
    let names: Vec<String> = named(text).into_iter().collect();
    assert_eq!(names, ["model", "text", "ui"]);
}

#[test]
fn only_the_run_layer_talks_to_crossterm() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let outside: Vec<String> = all
        .iter()
        .filter(|p| !p.starts_with(src.join("run")))
        .filter(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .lines()
                .any(|l| !l.trim_start().starts_with("//") && l.contains("crossterm::"))
        })
        .map(|p| p.display().to_string())
        .collect();
    assert!(outside.is_empty(), "{outside:?}");
}
