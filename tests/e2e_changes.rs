//! End to end (issue 20): a briefing open in a pseudo-terminal, its file rewritten with
//! a changed stance and one new quote; the status line says what changed, `D` lists
//! it, and Enter on the new quote shows it in the Reader.
#![cfg(unix)]

mod common;

use common::pty::*;

const BASE: &str = include_str!("fixtures/diff/base.toml");

#[test]
fn a_rewritten_file_lists_its_changes_and_enter_goes_to_the_new_quote() {
    let dir = scratch_dir("changes");
    let file = dir.join("b.toml");
    std::fs::write(&file, BASE).unwrap();
    let mut s = Session::spawn(120, 40, &[file.to_str().expect("UTF-8 temp path")]);
    s.wait_drawn();
    s.wait_text("Troops at the border");
    // Saved whole, as editors save (see e2e.rs): Russia's stance and one new quote.
    let changed = BASE
        .replacen("stance = \"denies\"", "stance = \"likely\"", 1)
        .replacen(
            "text = \"We will see.\"\n",
            "text = \"We will see.\"\n\n[[sections.quotes]]\nid = \"doe-new\"\nspeaker = \"jane-doe\"\ntext = \"The troops are there.\"\n",
            1,
        );
    let tmp = dir.join("b.toml.tmp");
    std::fs::write(&tmp, &changed).unwrap();
    std::fs::rename(&tmp, &file).unwrap();
    s.wait_text("reloaded: 1 new quote, 1 stance changed");
    // The new quote is marked in the Quotes pane until seen.
    s.wait_text("✦Jane Doe");
    s.send("D");
    s.wait_text("Changes on reload (2)");
    s.wait_text("stance changed  Russia on “Troops were sent.”: ✘ denies → ~ likely");
    s.send(ENTER);
    s.wait_for("the Reader on the new quote, marked", |sc| {
        let text = sc.contents();
        !text.contains("Changes on reload") && text.contains("▶ “The troops are there.”")
    });
    s.send("q");
    assert!(s.wait_exit().success());
    let _ = std::fs::remove_dir_all(&dir);
}
