//! The library index (issue 19): incremental updates, damage and version changes
//! rebuilt, two writers at once, link loops and unreadable folders, files that stop
//! loading; the index answers as a plain scan of the files does (a property test);
//! `brief index`, `brief search` and `brief actor` from the command line.

mod common;

use brief::corpus::{Index, scan, walk};
use common::TempDir;
use proptest::prelude::*;
use std::fmt::Write as _;
use std::path::Path;

/// An actor of a test briefing: id, name, affiliation, aliases, same-as.
type A<'a> = (
    &'a str,
    &'a str,
    Option<&'a str>,
    &'a [&'a str],
    &'a [&'a str],
);
/// A quote: speaker id, text, date said.
type Q<'a> = (&'a str, &'a str, Option<&'a str>);

fn briefing(title: &str, published: &str, actors: &[A<'_>], quotes: &[Q<'_>]) -> String {
    let mut s = format!(
        "format = 1\n\n[briefing]\ntitle = \"{title}\"\npublished = {published}\ntags = [\"test\"]\n"
    );
    for (id, name, aff, aliases, same) in actors {
        let _ = write!(
            s,
            "\n[[actors]]\nid = \"{id}\"\nname = \"{name}\"\nkind = \"person\"\n"
        );
        if let Some(a) = aff {
            let _ = writeln!(s, "affiliation = \"{a}\"");
        }
        let list = |l: &[&str]| {
            l.iter()
                .map(|x| format!("\"{x}\""))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(
            s,
            "aliases = [{}]\nsame-as = [{}]",
            list(aliases),
            list(same)
        );
    }
    let _ = write!(
        s,
        "\n[[sections]]\nid = \"main\"\ntitle = \"The news of {title}\"\nbody = \"\"\"\nFirst paragraph about {title}.\n\nSecond paragraph on the harbour.\n\"\"\"\n"
    );
    for (n, (speaker, text, said)) in quotes.iter().enumerate() {
        let _ = write!(
            s,
            "\n[[sections.quotes]]\nid = \"q{n}\"\nspeaker = \"{speaker}\"\ntext = \"{text}\"\n"
        );
        if let Some(d) = said {
            let _ = writeln!(s, "said = {d}");
        }
    }
    s
}

fn index(root: &Path, cache: &Path) -> (Index, brief::corpus::Changes) {
    let mut ix = Index::open(root, cache).expect("the index opens");
    let c = ix.refresh(&mut |_| {}).expect("the index refreshes");
    (ix, c)
}

/// The hits as lines a test can compare: path, kind, place, snippet.
fn hits(h: &[brief::corpus::Hit]) -> Vec<String> {
    h.iter()
        .map(|h| {
            format!(
                "{} {} {:?} {}",
                h.briefing.rel,
                h.kind.name(),
                h.place,
                h.snippet.marked("[", "]")
            )
        })
        .collect()
}

fn counts(c: &brief::corpus::Changes) -> [usize; 6] {
    [
        c.added,
        c.updated,
        c.renamed,
        c.removed,
        c.unchanged,
        c.failed.len(),
    ]
}

fn two(lib: &TempDir) {
    lib.put(
        "a.toml",
        &briefing(
            "Alpha",
            "2024-01-02",
            &[("kim", "Kim Min", None, &["Minister Kim"], &[])],
            &[("kim", "The harbour stays open.", Some("2024-01-01"))],
        ),
    );
    lib.put(
        "b.toml",
        &briefing(
            "Beta",
            "2024-02-03",
            &[("kim-mj", "Kim Min-jun", None, &[], &["kim"])],
            &[("kim-mj", "The harbour will close.", None)],
        ),
    );
}

#[test]
fn the_index_follows_added_changed_removed_and_renamed_files() {
    let (lib, cache) = (TempDir::new("lib"), TempDir::new("cache"));
    two(&lib);
    let (ix, c) = index(&lib.0, &cache.0);
    assert_eq!(counts(&c), [2, 0, 0, 0, 0, 0]);
    assert_eq!(hits(&ix.search("close", None).unwrap().hits).len(), 1);
    drop(ix);

    let (_, c) = index(&lib.0, &cache.0);
    assert_eq!(counts(&c), [0, 0, 0, 0, 2, 0], "nothing changed");

    // Changed: the new words found, the old gone.
    lib.put(
        "b.toml",
        &briefing(
            "Beta",
            "2024-02-03",
            &[("x", "X", None, &[], &[])],
            &[("x", "The port reopens.", None)],
        ),
    );
    let (ix, c) = index(&lib.0, &cache.0);
    assert_eq!(counts(&c), [0, 1, 0, 0, 1, 0]);
    assert!(ix.search("close", None).unwrap().hits.is_empty());
    assert_eq!(ix.search("reopens", None).unwrap().hits.len(), 1);
    drop(ix);

    // Renamed: found under its new name, not parsed again.
    std::fs::rename(lib.0.join("b.toml"), lib.0.join("c.toml")).unwrap();
    let (ix, c) = index(&lib.0, &cache.0);
    assert_eq!(counts(&c), [0, 0, 1, 0, 1, 0]);
    let found = ix.search("reopens", None).unwrap().hits;
    assert_eq!(found[0].briefing.rel, "c.toml");
    assert_eq!(
        found[0].briefing.path,
        lib.0.canonicalize().unwrap().join("c.toml")
    );
    drop(ix);

    // Removed: gone from the index.
    std::fs::remove_file(lib.0.join("c.toml")).unwrap();
    let (ix, c) = index(&lib.0, &cache.0);
    assert_eq!(counts(&c), [0, 0, 0, 1, 1, 0]);
    assert!(ix.search("reopens", None).unwrap().hits.is_empty());
    assert_eq!(ix.briefings().unwrap().len(), 1);
    drop(ix);

    // Added, and touched without a change (same bytes, new time): not parsed again.
    two(&lib);
    let text = std::fs::read(lib.0.join("a.toml")).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(lib.0.join("a.toml"), text).unwrap();
    let (_, c) = index(&lib.0, &cache.0);
    assert_eq!(counts(&c), [1, 0, 0, 0, 1, 0]);
}

#[test]
fn a_damaged_index_is_rebuilt_with_a_notice() {
    let (lib, cache) = (TempDir::new("lib"), TempDir::new("cache"));
    two(&lib);
    let (ix, _) = index(&lib.0, &cache.0);
    let db = ix.db.clone();
    drop(ix);
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    std::fs::write(
        &db,
        b"this is not a database, it is a sentence of sixty-four bytes....",
    )
    .unwrap();
    let (ix, c) = index(&lib.0, &cache.0);
    assert!(
        c.notices
            .iter()
            .any(|n| n.contains("damaged") && n.contains("rebuilt")),
        "{:?}",
        c.notices
    );
    assert_eq!(counts(&c), [2, 0, 0, 0, 0, 0]);
    assert_eq!(ix.search("harbour", None).unwrap().hits.len(), 4);
}

#[test]
fn an_index_of_another_schema_version_is_rebuilt() {
    let (lib, cache) = (TempDir::new("lib"), TempDir::new("cache"));
    two(&lib);
    let (ix, _) = index(&lib.0, &cache.0);
    let db = ix.db.clone();
    drop(ix);
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.pragma_update(None, "user_version", brief::corpus::SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);
    let (ix, c) = index(&lib.0, &cache.0);
    assert!(
        c.notices.iter().any(|n| n.contains("another version")),
        "{:?}",
        c.notices
    );
    assert_eq!(counts(&c), [2, 0, 0, 0, 0, 0]);
    assert_eq!(ix.search("close", None).unwrap().hits.len(), 1);
}

#[test]
fn two_writers_at_once_leave_a_sound_index() {
    let (lib, cache) = (TempDir::new("lib"), TempDir::new("cache"));
    for n in 0..150 {
        lib.put(
            &format!("f{n:03}.toml"),
            &briefing(
                &format!("Number{n}"),
                "2024-03-04",
                &[("kim", "Kim Min", None, &[], &[])],
                &[("kim", &format!("Statement number{n} on the harbour."), None)],
            ),
        );
    }
    let handles: Vec<_> = (0..2)
        .map(|_| {
            let (root, cache) = (lib.0.clone(), cache.0.clone());
            std::thread::spawn(move || {
                let mut ix = Index::open(&root, &cache).expect("opens");
                ix.refresh(&mut |_| {}).map(|c| c.failed.len())
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), Ok(0));
    }
    let (ix, c) = index(&lib.0, &cache.0);
    assert_eq!(counts(&c), [0, 0, 0, 0, 150, 0]);
    assert_eq!(ix.briefings().unwrap().len(), 150);
    assert_eq!(
        hits(&ix.search("harbour", None).unwrap().hits),
        hits(&scan::search(&lib.0, "harbour", None).unwrap().answer.hits)
    );
    assert_eq!(
        ix.actor_statements("kim")
            .unwrap()
            .unwrap()
            .statements
            .len(),
        150
    );
}

#[cfg(unix)]
#[test]
fn a_link_loop_is_reported_and_read_once() {
    let (lib, cache) = (TempDir::new("lib"), TempDir::new("cache"));
    two(&lib);
    std::fs::create_dir(lib.0.join("sub")).unwrap();
    lib.put("sub/c.toml", &briefing("Gamma", "2024-05-06", &[], &[]));
    std::os::unix::fs::symlink(&lib.0, lib.0.join("sub/back")).unwrap();
    let (ix, c) = index(&lib.0, &cache.0);
    assert_eq!(counts(&c), [3, 0, 0, 0, 0, 0]);
    assert!(
        c.problems
            .iter()
            .any(|p| p.contains("sub/back") && p.contains("loop")),
        "{:?}",
        c.problems
    );
    assert_eq!(
        ix.search("gamma", None).unwrap().hits[0].briefing.rel,
        "sub/c.toml"
    );
}

/// Lists folders as the file system does, except one, which fails as an unreadable
/// folder would.
struct Locked(&'static str);

impl walk::ListDir for Locked {
    fn list(&self, dir: &Path) -> std::io::Result<Vec<std::path::PathBuf>> {
        if dir.file_name().is_some_and(|n| n == self.0) {
            return Err(std::io::Error::from(std::io::ErrorKind::PermissionDenied));
        }
        walk::Fs.list(dir)
    }
}

#[test]
fn an_unreadable_folder_is_reported_and_the_rest_indexed() {
    let (lib, cache) = (TempDir::new("lib"), TempDir::new("cache"));
    two(&lib);
    std::fs::create_dir(lib.0.join("locked")).unwrap();
    lib.put("locked/c.toml", &briefing("Gamma", "2024-05-06", &[], &[]));
    let mut ix = Index::open(&lib.0, &cache.0).unwrap();
    let c = ix.refresh_with(&Locked("locked"), &mut |_| {}).unwrap();
    assert_eq!(counts(&c), [2, 0, 0, 0, 0, 0]);
    assert_eq!(c.problems.len(), 1, "{:?}", c.problems);
    assert!(
        c.problems[0].contains("locked") && c.problems[0].contains("cannot read the folder"),
        "{:?}",
        c.problems
    );
    assert!(ix.search("gamma", None).unwrap().hits.is_empty());
    // Readable again: found.
    let c = ix.refresh(&mut |_| {}).unwrap();
    assert_eq!(counts(&c), [1, 0, 0, 0, 2, 0]);
    assert!(c.problems.is_empty());
}

#[test]
fn a_briefing_that_stops_loading_shows_its_error_and_leaves_search() {
    let (lib, cache) = (TempDir::new("lib"), TempDir::new("cache"));
    two(&lib);
    let (ix, _) = index(&lib.0, &cache.0);
    assert_eq!(ix.search("close", None).unwrap().hits.len(), 1);
    drop(ix);
    let broken = std::fs::read_to_string(lib.0.join("b.toml"))
        .unwrap()
        .replace("speaker = \"kim-mj\"", "speaker = \"nobody\"");
    lib.put("b.toml", &broken);
    let (ix, c) = index(&lib.0, &cache.0);
    assert_eq!(counts(&c), [0, 1, 0, 0, 1, 1]);
    assert_eq!(c.failed[0].0, "b.toml");
    assert!(c.failed[0].1.contains("nobody"), "{:?}", c.failed);
    assert!(ix.search("close", None).unwrap().hits.is_empty());
    assert_eq!(
        ix.actor_statements("kim")
            .unwrap()
            .unwrap()
            .statements
            .len(),
        1
    );
    let listed = ix.briefings().unwrap();
    assert!(listed.iter().any(|(b, e)| b.rel == "b.toml" && e.is_some()));
}

#[test]
fn an_actor_is_merged_across_briefings_with_affiliates_in_date_order() {
    let (lib, cache) = (TempDir::new("lib"), TempDir::new("cache"));
    two(&lib);
    lib.put(
        "c.toml",
        &briefing(
            "Gamma",
            "2023-12-01",
            &[
                ("min", "Minister Kim", None, &[], &[]),
                ("aide", "An aide", Some("min"), &[], &[]),
                ("other", "Someone else", None, &[], &[]),
            ],
            &[
                ("aide", "The aide speaks.", Some("2023-11-30")),
                ("other", "Not him.", None),
            ],
        ),
    );
    let (ix, _) = index(&lib.0, &cache.0);
    let s = ix.actor_statements("KIM MIN").unwrap().unwrap();
    let got: Vec<(String, String, Option<String>)> = s
        .statements
        .iter()
        .map(|s| (s.briefing.rel.clone(), s.text.clone(), s.date.clone()))
        .collect();
    let d = |s: &str| Some(s.to_owned());
    assert_eq!(
        got,
        [
            ("c.toml".into(), "The aide speaks.".into(), d("2023-11-30")),
            (
                "a.toml".into(),
                "The harbour stays open.".into(),
                d("2024-01-01")
            ),
            (
                "b.toml".into(),
                "The harbour will close.".into(),
                d("2024-02-03")
            ),
        ]
    );
    assert_eq!(s.actor.briefings, 3);
    assert_eq!(s.actor.names, ["Kim Min", "Minister Kim", "Kim Min-jun"]);
    assert_eq!(
        scan::actor_statements(&lib.0, "kim min").unwrap().answer,
        Some(s)
    );
    assert_eq!(ix.actor_statements("nobody").unwrap(), None);
}

#[test]
fn a_bridge_between_two_names_goes_with_the_file_that_made_it() {
    // Only x.toml says "Lee Ho" is also "Park Su": while it is there the two are one
    // actor; once it changes or goes, they are two again (no stale key set joins them).
    let (lib, cache) = (TempDir::new("lib"), TempDir::new("cache"));
    // Each actor its own id: a shared id would merge them by itself.
    let one = |id: &str, name: &str, aliases: &[&str], text: &str| {
        briefing(
            "T",
            "2024-01-01",
            &[(id, name, None, aliases, &[])],
            &[(id, text, None)],
        )
    };
    lib.put("x.toml", &one("x", "Lee Ho", &["Park Su"], "Both."));
    lib.put("y.toml", &one("y", "Lee Ho", &[], "Lee speaks."));
    lib.put("z.toml", &one("z", "Park Su", &[], "Park speaks."));
    let texts = |ix: &Index| -> Vec<String> {
        let mut t: Vec<String> = ix
            .actor_statements("Lee Ho")
            .unwrap()
            .map(|s| s.statements.into_iter().map(|s| s.text).collect())
            .unwrap_or_default();
        t.sort();
        t
    };
    let (ix, _) = index(&lib.0, &cache.0);
    assert_eq!(texts(&ix), ["Both.", "Lee speaks.", "Park speaks."]);
    drop(ix);
    lib.put("x.toml", &one("x", "Lee Ho", &[], "Alone now."));
    let (ix, _) = index(&lib.0, &cache.0);
    assert_eq!(texts(&ix), ["Alone now.", "Lee speaks."]);
    drop(ix);
    lib.put("x.toml", &one("x", "Lee Ho", &["Park Su"], "Both again."));
    let (ix, _) = index(&lib.0, &cache.0);
    assert_eq!(texts(&ix), ["Both again.", "Lee speaks.", "Park speaks."]);
    drop(ix);
    std::fs::remove_file(lib.0.join("x.toml")).unwrap();
    let (ix, _) = index(&lib.0, &cache.0);
    assert_eq!(texts(&ix), ["Lee speaks."]);
    assert_eq!(
        scan::actor_statements(&lib.0, "Lee Ho").unwrap().answer,
        ix.actor_statements("Lee Ho").unwrap()
    );
}

/// A briefing with a summary and a dek, and a section of four paragraphs: "the" in
/// the first three, "bank" only in the second, "quokka" and "zebrafish" apart.
const PARAGRAPHS: &str = r#"format = 1
[briefing]
title = "Bridges"
summary = "A summary of closures."
dek = "Written for commuters."
published = 2024-05-06

[[sections]]
id = "s"
title = "Crossings"
body = """
The council closed the harbour bridge at dawn.

Ferries ran from the bank instead, and a quokka watched.

Nobody counted the zebrafish.

Traffic resumed."""
"#;

#[test]
fn each_paragraph_is_a_hit_of_its_own_holding_every_word() {
    let (lib, cache) = (TempDir::new("para"), TempDir::new("paracache"));
    lib.put("p.toml", PARAGRAPHS);
    let (ix, _) = index(&lib.0, &cache.0);
    let search = |q: &str| {
        let from_index = ix.search(q, None).unwrap();
        let from_files = scan::search(&lib.0, q, None).unwrap().answer;
        assert_eq!(from_index, from_files, "{q}");
        hits(&from_index.hits)
    };
    let at = |p: u32| {
        format!("Place {{ section: Some(0), paragraph: Some({p}), quote: None, item: None }}")
    };
    // Both words in one paragraph: that one, not the first holding either word.
    assert_eq!(
        search("bank the"),
        [format!(
            "p.toml text {} Ferries ran from [the] [bank] instead, and a quokka watched.",
            at(1)
        )]
    );
    // Words in different paragraphs of one section: no paragraph holds both.
    assert_eq!(search("quokka zebrafish"), Vec::<String>::new());
    // A word in several paragraphs: a hit each, in reading order (equal scores).
    assert_eq!(
        search("the"),
        [
            format!(
                "p.toml text {} [The] council closed [the] harbour bridge at dawn.",
                at(0)
            ),
            format!(
                "p.toml text {} Ferries ran from [the] bank instead, and a quokka watched.",
                at(1)
            ),
            format!("p.toml text {} Nobody counted [the] zebrafish.", at(2)),
        ]
    );
    // The dek is searched beside the summary, under its own name.
    let none = "Place { section: None, paragraph: None, quote: None, item: None }";
    assert_eq!(
        search("commut"),
        [format!("p.toml dek {none} Written for [commuters].")]
    );
    assert_eq!(
        search("closures"),
        [format!("p.toml summary {none} A summary of [closures].")]
    );
    // From the command line: where each hit is, as it is printed.
    let dir = lib.0.display().to_string();
    for extra in [&[][..], &["--no-cache"][..]] {
        for (query, line) in [
            (
                "bank the",
                "  section 1, paragraph 2: Ferries ran from «the» «bank» instead, and a quokka watched.",
            ),
            ("commuters", "  dek: Written for «commuters»."),
        ] {
            let mut args = vec!["search", dir.as_str(), query];
            args.extend_from_slice(extra);
            let (code, out, _) = brief(&lib, &cache, &args);
            assert_eq!(
                (
                    code,
                    out.lines()
                        .filter(|l| l.starts_with("  "))
                        .collect::<Vec<_>>()
                ),
                (0, vec![line]),
                "{query} {extra:?}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------
// The index answers as the files do
// ---------------------------------------------------------------------------------

const NAMES: &[&str] = &["Kim Min", "Lee Ho", "Park Su", "Anna Varga", "Tomas Novak"];
const WORDS: &[&str] = &[
    "harbour",
    "harbours",
    "talks",
    "grain",
    "Grain",
    "코리아",
    "été",
    "sanction",
];

/// A random actor: its name, an alias, a same-as (each a position in `NAMES`) and its
/// affiliation (an earlier actor of the file, when there is one).
type RandomActor = (usize, Option<usize>, Option<usize>, Option<usize>);
/// A random quote: its speaker, its words (positions in `WORDS`), the day said.
type RandomQuote = (usize, Vec<usize>, Option<u8>);
/// A random file: actors, quotes, its section's paragraphs and its dek and summary
/// (each a list of words, positions in `WORDS`).
type RandomFile = (
    Vec<RandomActor>,
    Vec<RandomQuote>,
    Vec<Vec<usize>>,
    Option<Vec<usize>>,
    Option<Vec<usize>>,
);

fn actor_strategy() -> impl Strategy<Value = RandomActor> {
    // Name, alias (another name), same-as (another name), affiliation (an earlier actor).
    (
        0..NAMES.len(),
        proptest::option::of(0..NAMES.len()),
        proptest::option::of(0..NAMES.len()),
        proptest::option::of(0..3usize),
    )
}

fn library_strategy() -> impl Strategy<Value = Vec<RandomFile>> {
    let file = (
        proptest::collection::vec(actor_strategy(), 1..4),
        proptest::collection::vec(
            (
                0..4usize,
                proptest::collection::vec(0..WORDS.len(), 1..4),
                proptest::option::of(1..28u8),
            ),
            0..5,
        ),
        proptest::collection::vec(proptest::collection::vec(0..WORDS.len(), 1..4), 0..4),
        proptest::option::of(proptest::collection::vec(0..WORDS.len(), 1..3)),
        proptest::option::of(proptest::collection::vec(0..WORDS.len(), 1..3)),
    );
    proptest::collection::vec(file, 1..5)
}

fn write_library(lib: &TempDir, files: &[RandomFile]) {
    let text = |words: &[usize]| -> String {
        words
            .iter()
            .map(|w| WORDS[*w])
            .collect::<Vec<_>>()
            .join(" ")
    };
    for (n, (actors, quotes, paragraphs, dek, summary)) in files.iter().enumerate() {
        let ids: Vec<String> = (0..actors.len()).map(|i| format!("a{i}")).collect();
        let names: Vec<String> = actors
            .iter()
            .enumerate()
            .map(|(i, (name, ..))| format!("{} {i}", NAMES[*name]))
            .collect();
        let mut s = format!(
            "format = 1\n[briefing]\ntitle = \"File {n}\"\npublished = 2024-0{}-01\n",
            1 + n % 9
        );
        if let Some(d) = dek {
            let _ = writeln!(s, "dek = \"{}\"", text(d));
        }
        if let Some(d) = summary {
            let _ = writeln!(s, "summary = \"{}\"", text(d));
        }
        for (i, (_, alias, same, aff)) in actors.iter().enumerate() {
            let _ = write!(
                s,
                "[[actors]]\nid = \"{}\"\nname = \"{}\"\nkind = \"person\"\n",
                ids[i], names[i]
            );
            if let Some(a) = alias {
                let _ = writeln!(s, "aliases = [\"{}\"]", NAMES[*a]);
            }
            if let Some(x) = same {
                let _ = writeln!(s, "same-as = [\"{}\"]", NAMES[*x]);
            }
            if let Some(f) = aff.filter(|f| *f < i) {
                let _ = writeln!(s, "affiliation = \"{}\"", ids[f]);
            }
        }
        s.push_str("[[sections]]\nid = \"s\"\ntitle = \"Heading\"\n");
        if !paragraphs.is_empty() {
            let body: Vec<String> = paragraphs.iter().map(|p| text(p)).collect();
            let _ = writeln!(s, "body = \"\"\"\n{}\"\"\"", body.join("\n\n"));
        }
        for (q, (speaker, words, day)) in quotes.iter().enumerate() {
            let _ = write!(
                s,
                "[[sections.quotes]]\nid = \"q{q}\"\nspeaker = \"{}\"\ntext = \"{}\"\n",
                ids[speaker % actors.len()],
                text(words)
            );
            if let Some(d) = day {
                let _ = writeln!(s, "said = 2024-02-{d:02}");
            }
        }
        lib.put(&format!("f{n}.toml"), &s);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn the_index_answers_as_a_scan_of_the_files(
        before in library_strategy(),
        after in library_strategy(),
        query in proptest::collection::vec(0..WORDS.len(), 1..3),
        prefix in any::<bool>(),
        who in 0..NAMES.len(),
    ) {
        let (lib, cache) = (TempDir::new("prop"), TempDir::new("propcache"));
        write_library(&lib, &before);
        let (ix, _) = index(&lib.0, &cache.0);
        drop(ix);
        // Changed since the index was made: files rewritten, some removed.
        for n in after.len()..before.len() {
            std::fs::remove_file(lib.0.join(format!("f{n}.toml"))).unwrap();
        }
        write_library(&lib, &after);
        let (ix, _) = index(&lib.0, &cache.0);
        let mut q: Vec<String> = query.iter().map(|w| WORDS[*w].to_owned()).collect();
        if prefix {
            q = q.iter().map(|w| w.chars().take(3).collect()).collect();
        }
        let q = q.join(" ");
        for limit in [None, Some(3)] {
            let from_index = ix.search(&q, limit).unwrap();
            let from_files = scan::search(&lib.0, &q, limit).unwrap().answer;
            prop_assert_eq!(hits(&from_index.hits), hits(&from_files.hits));
            prop_assert_eq!(from_index, from_files);
        }
        prop_assert_eq!(ix.actors().unwrap(), scan::actors(&lib.0).unwrap().answer);
        for name in [NAMES[who].to_owned(), format!("{} 0", NAMES[who]), "a0".to_owned()] {
            let from_index = ix.actor_statements(&name).unwrap();
            let from_files = scan::actor_statements(&lib.0, &name).unwrap().answer;
            prop_assert_eq!(from_index, from_files);
        }
    }
}

// ---------------------------------------------------------------------------------
// The command line
// ---------------------------------------------------------------------------------

/// Runs `brief ARGS` with the cache in `cache`: exit code, stdout, stderr, with the
/// library's folder written `LIB`.
fn brief(lib: &TempDir, cache: &TempDir, args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .env("BRIEF_CACHE_DIR", &cache.0)
        .env_remove("XDG_CACHE_HOME")
        .output()
        .expect("brief runs");
    let dir = lib.0.display().to_string();
    let text = |b: &[u8]| String::from_utf8_lossy(b).replace(&dir, "LIB");
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

#[test]
fn brief_index_says_what_changed() {
    let (lib, cache) = (TempDir::new("cli"), TempDir::new("clicache"));
    two(&lib);
    lib.put("bad.toml", "format = 1\n[briefing]\n");
    let dir = lib.0.display().to_string();
    let run = |extra: &[&str]| {
        let mut args = vec!["index", dir.as_str()];
        args.extend_from_slice(extra);
        brief(&lib, &cache, &args)
    };
    assert_eq!(
        run(&[]),
        (
            0,
            "LIB: 3 added, 0 updated, 0 renamed, 0 removed, 0 unchanged, 1 failed\n\
             ✘ bad.toml does not load: 2:1: error: missing field `title`\n"
                .to_owned(),
            String::new()
        )
    );
    assert_eq!(
        run(&[]).1,
        "LIB: 0 added, 0 updated, 0 renamed, 0 removed, 3 unchanged, 1 failed\n\
         ✘ bad.toml does not load: 2:1: error: missing field `title`\n"
    );
    std::fs::remove_file(lib.0.join("bad.toml")).unwrap();
    assert_eq!(
        run(&["--rebuild"]).1,
        "LIB: 2 added, 0 updated, 0 renamed, 0 removed, 0 unchanged, 0 failed\n"
    );
    let other = TempDir::new("cliother");
    let (code, out, _) = brief(
        &lib,
        &cache,
        &[
            "index",
            dir.as_str(),
            "--cache-dir",
            &other.0.display().to_string(),
        ],
    );
    assert_eq!((code, out.starts_with("LIB: 2 added")), (0, true), "{out}");
    assert!(
        std::fs::read_dir(&other.0).unwrap().count() > 0,
        "the index went to --cache-dir"
    );
    let (code, _, err) = brief(&lib, &cache, &["index", "/no/such/folder"]);
    assert_eq!(code, 2);
    assert!(err.starts_with("brief: /no/such/folder: "), "{err}");
}

#[test]
fn brief_search_prints_ranked_hits_with_and_without_the_index() {
    let (lib, cache) = (TempDir::new("cli"), TempDir::new("clicache"));
    two(&lib);
    let dir = lib.0.display().to_string();
    let expected = "\
b.toml · 2024-02-03 · Beta
  quote q0 (section 1): The harbour will «close».
";
    for extra in [&[][..], &["--no-cache"][..]] {
        let mut args = vec!["search", dir.as_str(), "CLOSE"];
        args.extend_from_slice(extra);
        assert_eq!(
            brief(&lib, &cache, &args),
            (0, expected.to_owned(), String::new())
        );
    }
    let (code, out, _) = brief(&lib, &cache, &["search", &dir, "harb"]);
    assert_eq!(code, 0);
    assert_eq!(
        out.lines()
            .filter(|l| l.starts_with("  "))
            .collect::<Vec<_>>(),
        [
            "  quote q0 (section 1): The «harbour» will close.",
            "  quote q0 (section 1): The «harbour» stays open.",
            "  section 1, paragraph 2: Second paragraph on the «harbour».",
            "  section 1, paragraph 2: Second paragraph on the «harbour».",
        ],
        "a quote outranks a paragraph; among equals the newest briefing first\n{out}"
    );
    let (code, out, err) = brief(&lib, &cache, &["search", &dir, "nothing-here"]);
    assert_eq!((code, out.as_str(), err.as_str()), (1, "", ""));
    let (code, _, err) = brief(&lib, &cache, &["search", &dir, "!!"]);
    assert_eq!(code, 2);
    assert!(err.contains("no word to search for"), "{err}");

    let (code, out, _) = brief(&lib, &cache, &["search", &dir, "close", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let hit = &v["hits"][0];
    assert_eq!(hit["briefing"]["rel"], "b.toml");
    assert_eq!(hit["kind"], "quote");
    assert_eq!(hit["place"]["quote"], "q0");
    assert_eq!(hit["place"]["section"], 0);
    assert_eq!(hit["snippet"], "The harbour will close.");
    assert_eq!(hit["marks"], serde_json::json!([[17, 22]]));
}

#[test]
fn brief_actor_prints_statements_in_date_order() {
    let (lib, cache) = (TempDir::new("cli"), TempDir::new("clicache"));
    two(&lib);
    let dir = lib.0.display().to_string();
    let expected = "\
Kim Min (also Minister Kim, Kim Min-jun) · 2 statements in 2 briefings
2024-01-01 · a.toml · section 1 The news of Alpha · direct
  Kim Min: “The harbour stays open.”
2024-02-03 · b.toml · section 1 The news of Beta · direct
  Kim Min-jun: “The harbour will close.”
";
    for extra in [&[][..], &["--no-cache"][..]] {
        let mut args = vec!["actor", dir.as_str(), "minister kim"];
        args.extend_from_slice(extra);
        assert_eq!(
            brief(&lib, &cache, &args),
            (0, expected.to_owned(), String::new())
        );
    }
    assert_eq!(
        brief(&lib, &cache, &["actor", &dir, "Nobody"]),
        (
            1,
            String::new(),
            "brief: no actor Nobody in any briefing of LIB\n".to_owned()
        )
    );
    let (code, out, _) = brief(&lib, &cache, &["actor", &dir, "kim-mj", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["actor"]["briefings"], 2);
    assert_eq!(v["statements"][1]["speaker-id"], "kim-mj");
    assert_eq!(v["statements"][1]["date"], "2024-02-03");
    assert_eq!(v["statements"][0]["mode"], "direct");
}

#[test]
fn two_brief_processes_index_one_library_at_once() {
    let (lib, cache) = (TempDir::new("cli2"), TempDir::new("cli2cache"));
    for n in 0..120 {
        lib.put(
            &format!("f{n:03}.toml"),
            &briefing(
                &format!("N{n}"),
                "2024-03-04",
                &[("kim", "Kim Min", None, &[], &[])],
                &[("kim", "Words.", None)],
            ),
        );
    }
    let spawn = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
            .args(["index", &lib.0.display().to_string()])
            .env("BRIEF_CACHE_DIR", &cache.0)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("brief starts")
    };
    let (a, b) = (spawn(), spawn());
    for child in [a, b] {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{out:?}");
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(
        brief(&lib, &cache, &["index", &lib.0.display().to_string()]).1,
        "LIB: 0 added, 0 updated, 0 renamed, 0 removed, 120 unchanged, 0 failed\n"
    );
}

#[test]
fn the_commands_refuse_an_empty_name_a_zero_limit_and_a_file_as_the_cache_folder() {
    let (lib, cache) = (TempDir::new("cli3"), TempDir::new("cli3cache"));
    two(&lib);
    let dir = lib.0.display().to_string();
    let (code, out, err) = brief(&lib, &cache, &["actor", &dir, "  "]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("no actor named"), "{err}");
    let (code, _, err) = brief(&lib, &cache, &["search", &dir, "harbour", "--limit", "0"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--limit"), "{err}");
    // A limit that leaves hits out says so (JSON has `total`).
    let (code, out, _) = brief(&lib, &cache, &["search", &dir, "harbour", "--limit", "1"]);
    assert_eq!(code, 0);
    assert!(
        out.ends_with("(1 of 4 hits: the best, by --limit)\n"),
        "{out}"
    );
    let file = cache.put("not-a-folder", "x");
    let (code, _, err) = brief(
        &lib,
        &cache,
        &[
            "search",
            &dir,
            "harbour",
            "--cache-dir",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 2);
    assert!(err.contains("is a file, not a folder"), "{err}");
}

#[test]
fn a_refresh_with_nothing_changed_does_not_wait_for_another_writer() {
    let (lib, cache) = (TempDir::new("quiet"), TempDir::new("quietcache"));
    two(&lib);
    // Changed an hour ago, as most of a library is (a file indexed just after it
    // changed is read again, in case it changes again within the clock's tick).
    for name in ["a.toml", "b.toml"] {
        let f = std::fs::File::options()
            .write(true)
            .open(lib.0.join(name))
            .unwrap();
        f.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(3600))
            .unwrap();
    }
    let (ix, _) = index(&lib.0, &cache.0);
    let db = ix.db.clone();
    drop(ix);
    // Another `brief` holds the write lock (it is indexing): a refresh that has
    // nothing to write reads and answers at once instead of waiting its turn.
    let other = rusqlite::Connection::open(&db).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let started = std::time::Instant::now();
    let (ix, changes) = index(&lib.0, &cache.0);
    assert_eq!(counts(&changes), [0, 0, 0, 0, 2, 0]);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(30),
        "it waited for the lock"
    );
    assert_eq!(ix.search("harbour", None).unwrap().total, 4);
    other.execute_batch("COMMIT").unwrap();
}

#[test]
fn the_name_most_briefings_use_comes_first_and_the_others_follow_as_aliases() {
    let (lib, cache) = (TempDir::new("names"), TempDir::new("namescache"));
    lib.put(
        "a.toml",
        &briefing(
            "A",
            "2024-01-01",
            &[("rs", "Robert Smith", None, &["Bob Smith"], &[])],
            &[("rs", "One.", None)],
        ),
    );
    for (file, id) in [("b.toml", "b1"), ("c.toml", "b2")] {
        lib.put(
            file,
            &briefing(
                "B",
                "2024-02-01",
                &[(id, "Bob Smith", None, &[], &[])],
                &[(id, "Two.", None)],
            ),
        );
    }
    let (ix, _) = index(&lib.0, &cache.0);
    let all = ix.actors().unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].actor.name, "Bob Smith");
    assert_eq!(all[0].actor.names, ["Bob Smith", "Robert Smith"]);
    assert_eq!(all, scan::actors(&lib.0).unwrap().answer);
    let said = ix.actor_statements("Robert Smith").unwrap().unwrap();
    assert_eq!(said.actor.names, ["Bob Smith", "Robert Smith"]);
}
