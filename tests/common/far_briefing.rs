//! A briefing whose every kind of library hit is far from its top (opening a hit must
//! show it, not the first screen): a long first section with "zeppelin" in its 31st
//! paragraph, and 30 actors, claims, figures and events, the last of each holding a
//! word found nowhere else: "Quixote" (an actor), "quagmire" (a claim), "xylophone"
//! (a figure), "yodel" (an event).
#![allow(dead_code)]

use std::fmt::Write as _;

/// How many actors, claims, figures and events; the last of each is the one sought.
pub const MANY: usize = 30;
/// The paragraph of section 0 (0-based) that holds "zeppelin".
pub const ZEPPELIN_PARAGRAPH: usize = 30;
/// Paragraphs in section 0.
pub const PARAGRAPHS: usize = 44;

/// The briefing's TOML.
pub fn text() -> String {
    let mut t = String::from(
        r#"format = 1

[briefing]
title = "Dam talks"
summary = "A long briefing, to find things far from its top."
published = 2025-03-05
"#,
    );
    for k in 0..MANY {
        let name = if k + 1 == MANY {
            "Quincy Quixote".to_owned()
        } else {
            format!("Speaker Number{k}")
        };
        let _ = write!(
            t,
            "\n[[actors]]\nid = \"a{k}\"\nname = \"{name}\"\nkind = \"person\"\n"
        );
    }
    let mut body = String::new();
    for p in 0..PARAGRAPHS {
        if p > 0 {
            body.push_str("\n\n");
        }
        let word = if p == ZEPPELIN_PARAGRAPH {
            "zeppelin"
        } else {
            "river"
        };
        let _ = write!(
            body,
            "Paragraph {p} of the opening goes on about the dam, the {word} and the town \
             below it, at some length, so that it wraps onto a second line."
        );
    }
    let _ = write!(
        t,
        "\n[[sections]]\nid = \"opening\"\ntitle = \"Opening remarks\"\nbody = \"\"\"\n{body}\n\"\"\"\n"
    );
    t.push_str(
        "\n[[sections]]\nid = \"voices\"\ntitle = \"Voices\"\nbody = \"\"\"\nWho said what.\n\"\"\"\n",
    );
    for k in 0..MANY {
        let _ = write!(
            t,
            "\n[[sections.quotes]]\nid = \"q{k}\"\nspeaker = \"a{k}\"\ntext = \"Words number {k} on the dam.\"\n"
        );
    }
    for k in 0..MANY {
        let statement = if k + 1 == MANY {
            "The quagmire deepens.".to_owned()
        } else {
            format!("Statement number {k} about the dam.")
        };
        let _ = write!(
            t,
            "\n[[claims]]\nid = \"c{k}\"\nstatement = \"{statement}\"\n\n[[claims.positions]]\nactor = \"a{k}\"\nstance = \"asserts\"\nquote = \"q{k}\"\n"
        );
    }
    for k in 0..MANY {
        let measure = if k + 1 == MANY {
            "Xylophone count".to_owned()
        } else {
            format!("Measure number {k}")
        };
        let _ = write!(
            t,
            "\n[[figures]]\nmeasure = \"{measure}\"\nvalue = \"{k} units\"\nactor = \"a{k}\"\n"
        );
    }
    for k in 0..MANY {
        let event = if k + 1 == MANY {
            "A yodel contest is held.".to_owned()
        } else {
            format!("Event number {k} happens.")
        };
        let _ = write!(
            t,
            "\n[[timeline]]\ndate = 2025-01-{:02}\nevent = \"{event}\"\nactors = [\"a{k}\"]\nsection = \"voices\"\n",
            k + 1
        );
    }
    t
}

/// The briefing, loaded.
pub fn briefing() -> brief::model::Briefing {
    brief::load::load_str("far.toml", &text())
        .expect("the far briefing loads")
        .briefing
}
