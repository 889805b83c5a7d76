//! A synthetic briefing of about N MB, for benchmarks and size tests.
//!
//! ```sh
//! cargo run --release --example synth -- --mb 10 --seed 7 > /tmp/10mb.toml
//! cargo run --release --example synth -- --mb 10 --states 8   # a fixed cast
//! cargo run --release -- check /tmp/10mb.toml
//! cargo run --release --example synth -- --library /tmp/lib --count 2000 --kb 50
//! ```
//!
//! `--library DIR --count N --kb K` writes N briefings of about K KB into DIR (in a
//! subfolder a year), as a library of daily briefings: one cast of actors shared by
//! all (the same seed gives the same cast), each briefing's text its own, dated a day
//! apart; every fifth briefing names one person differently, with a new id, and says
//! `same-as` the usual id, so the library has names to merge.
//!
//! The output is a valid format-1 briefing that looks like a month of compiled
//! reporting: fictional states, each with ministries, agencies and people (some with
//! Korean native names), international bodies, groups and media; sections of several
//! paragraphs with Korean text and emoji; about one quote per 200 bytes of section text
//! (direct and reported, with dates, `via` and context); contested claims; a timeline and
//! figures. The same seed always gives the same bytes: the generator uses its own
//! splitmix64, no outside randomness, no hash-map iteration.
//!
//! The benchmarks and `tests/synth.rs` include this file as a module (`#[path]`), so
//! `generate` is the one entry point they share with the command line.

use std::collections::HashSet;
use std::fmt::Write as _;

/// Bytes in the "MB" of `--mb` (decimal, as in the issue's MB/s figures).
pub const MB: f64 = 1_000_000.0;

/// splitmix64: small, fast, and good enough to make text look varied.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed ^ 0x5EED_B41E_F000_0001)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        let n = u64::try_from(n).unwrap_or(u64::MAX);
        usize::try_from(self.next_u64() % n).unwrap_or(0)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

// ---------------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------------

const STATE_HEADS: &[&str] = &[
    "Al", "Bel", "Cor", "Dar", "Es", "Fen", "Gal", "Har", "Is", "Jor", "Kal", "Lor", "Mar", "Nor",
    "Os", "Pel", "Quin", "Ros", "Sal", "Tor", "Ul", "Vel", "Wes", "Yar", "Zan",
];
const STATE_MIDS: &[&str] = &["a", "e", "i", "o", "u", "an", "en", "or", "al", "ir"];
const STATE_TAILS: &[&str] = &[
    "dia", "via", "land", "stan", "mark", "ria", "nia", "tia", "burg", "gard", "sia", "mora",
];
const CITY_TAILS: &[&str] = &["grad", "ton", "ville", "port", "holm", "a", "en", "is"];
const HANGUL_PLACE: &[&str] = &[
    "한", "성", "남", "북", "동", "서", "대", "신", "평", "강", "청", "금", "해", "산",
];
const HANGUL_STATE: &[&str] = &["민국", "공화국", "연방", "왕국"];
const KO_SURNAMES: &[(&str, &str)] = &[
    ("Kim", "김"),
    ("Lee", "이"),
    ("Park", "박"),
    ("Choi", "최"),
    ("Jung", "정"),
    ("Kang", "강"),
    ("Cho", "조"),
    ("Yoon", "윤"),
    ("Jang", "장"),
    ("Lim", "임"),
    ("Han", "한"),
    ("Shin", "신"),
];
const KO_GIVEN: &[(&str, &str)] = &[
    ("min", "민"),
    ("jun", "준"),
    ("seo", "서"),
    ("yeon", "연"),
    ("ji", "지"),
    ("hyun", "현"),
    ("woo", "우"),
    ("su", "수"),
    ("young", "영"),
    ("ho", "호"),
    ("seok", "석"),
    ("hee", "희"),
    ("jae", "재"),
    ("eun", "은"),
];
const FIRST_NAMES: &[&str] = &[
    "Anna", "Tomas", "Mei", "Ravi", "Ines", "Oskar", "Leila", "Pavel", "Amara", "Jonas", "Sofia",
    "Mateo", "Nadia", "Kwame", "Elif", "Henrik", "Yara", "Dmitri", "Chloe", "Arjun", "Marta",
    "Idris", "Freya", "Luca", "Zofia", "Tariq", "Helena", "Emeka", "Ilse", "Rafael",
];
const SURNAMES: &[&str] = &[
    "Varga",
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Novak",
    "Haddad",
    "Silva",
    "Kowalski",
    "Brennan",
    "Petrov",
    "Mensah",
    "Castell",
    "Aydin",
    "Rasmussen",
    "Ferreira",
    "Nakamura",
    "Dumont",
    "Sato",
    "Ivanova",
    "Osei",
    "Grieve",
    "Halloran",
    "Benali",
    "Strand",
];
/// Organisations a state may have: English name, short alias, Korean name, roles.
const ORGS: &[(&str, &str, &str, &[&str])] = &[
    (
        "Ministry of Foreign Affairs",
        "foreign ministry",
        "외교부",
        &["Foreign Minister", "Spokesperson", "Vice Foreign Minister"],
    ),
    (
        "Ministry of Defence",
        "defence ministry",
        "국방부",
        &["Defence Minister", "Spokesperson", "Chief of Procurement"],
    ),
    (
        "National Intelligence Service",
        "spy agency",
        "국가정보원",
        &["Director", "Deputy Director", "Senior analyst (unnamed)"],
    ),
    (
        "Joint Chiefs of Staff",
        "military",
        "합동참모본부",
        &["Chairman", "Spokesperson"],
    ),
    (
        "Presidential Office",
        "presidential office",
        "대통령실",
        &[
            "Chief of Staff",
            "Senior official (unnamed)",
            "Press Secretary",
        ],
    ),
    (
        "National Security Council",
        "security council",
        "국가안전보장회의",
        &["National Security Adviser", "Deputy Adviser"],
    ),
    (
        "Ministry of Unification",
        "unification ministry",
        "통일부",
        &["Minister", "Spokesperson"],
    ),
];
const INTL: &[(&str, &str)] = &[
    ("Northern Treaty Alliance", "the Alliance"),
    ("Council of Coastal States", "the Council"),
    ("Union of Free Ports", "the Union"),
    ("Conference on Arms Control", "the Conference"),
    ("Maritime Security Forum", "the Forum"),
    ("Agency for Nuclear Safety", "the Agency"),
];
const INTL_ROLES: &[&str] = &[
    "Secretary General",
    "Spokesperson",
    "Special Envoy",
    "Chair",
];
const GROUPS: &[&str] = &[
    "Harbour Workers' Union",
    "Families of the Missing",
    "Institute for Peace Studies",
    "Observatory for Human Rights",
    "Veterans' League",
];
const MEDIA: &[&str] = &["Herald", "Broadcasting", "Wire", "Daily", "Post", "Radio"];
const TOPICS: &[&str] = &[
    "the border talks",
    "the grain corridor",
    "the troop deployment",
    "the sanctions package",
    "the satellite launch",
    "the arms shipment",
    "the ceasefire proposal",
    "the port inspection regime",
    "the cyber incident",
    "the joint exercise",
    "the prisoner exchange",
    "the air-defence request",
    "the refugee convoy",
    "the naval blockade",
];
const VERBS: &[&str] = &[
    "weighs",
    "rejects",
    "welcomes",
    "questions",
    "backs",
    "condemns",
    "delays",
    "reviews",
];
const ADJS: &[&str] = &[
    "provocative",
    "unacceptable",
    "long overdue",
    "premature",
    "a clear escalation",
    "a step forward",
    "routine",
    "deeply worrying",
];
const DAYS: &[&str] = &[
    "on Monday",
    "on Tuesday",
    "on Wednesday",
    "on Thursday",
    "on Friday",
    "at the weekend",
    "last week",
    "earlier this month",
];
const VIAS: &[&str] = &[
    "statement",
    "press conference",
    "told reporters",
    "told reporters anonymously",
    "briefing to parliament",
    "post on social media",
    "televised address",
    "written answer",
    "interview",
];
const KOREAN: &[&str] = &[
    "정부는 상황을 면밀히 주시하고 있다고 밝혔다.",
    "관계자는 추가 조치를 배제하지 않았다.",
    "국방부는 이번 훈련이 방어적 성격이라고 강조했다.",
    "외교부 대변인은 기자들에게 입장이 변하지 않았다고 말했다.",
    "국가정보원은 병력 이동을 확인했다고 보고했다.",
    "전문가들은 긴장이 더 높아질 수 있다고 경고했다.",
    "대통령실은 국제사회와 긴밀히 협력하겠다고 밝혔다.",
    "야당은 정부의 대응이 늦었다고 비판했다.",
];
const EMOJI: &[&str] = &[
    "🛰️",
    "⚠️",
    "📈",
    "🤝",
    "🚢",
    "📉",
    "🕊️",
    "👩‍💻",
    "🇺🇳",
    "👍🏽",
    "🔥",
    "🗳️",
];
const FIG_MEASURES: &[&str] = &[
    "Troops deployed",
    "Artillery shells delivered",
    "Civilians evacuated",
    "Value of the aid package (million)",
    "Ships inspected",
    "Drones shot down",
];

// ---------------------------------------------------------------------------------
// TOML writing
// ---------------------------------------------------------------------------------

/// `s` as a TOML basic string, quotes included.
pub fn basic(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `s` (which may hold newlines) as a TOML multi-line basic string.
pub fn multiline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str("\"\"\"\n");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push('\n'),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push_str("\"\"\"");
    out
}

/// Lowercase ASCII slug of a name; empty when nothing is left.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Breaks a paragraph into source lines of about 80 bytes, as a person would write it.
fn fill(paragraph: &str) -> String {
    let mut out = String::with_capacity(paragraph.len() + 8);
    let mut line = 0;
    for word in paragraph.split(' ') {
        if line > 0 && line + 1 + word.len() > 80 {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += word.len();
    }
    out
}

// ---------------------------------------------------------------------------------
// The cast
// ---------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    State,
    Organisation,
    Person,
    Group,
    Media,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::State => "state",
            Kind::Organisation => "organisation",
            Kind::Person => "person",
            Kind::Group => "group",
            Kind::Media => "media",
        }
    }
}

#[derive(Debug, Clone)]
struct Actor {
    id: String,
    name: String,
    kind: Kind,
    role: Option<String>,
    affiliation: Option<usize>,
    aliases: Vec<String>,
    native: Option<String>,
    /// Ids of the same actor in other briefings of a library.
    same_as: Vec<String>,
    /// The top-level actor of this one's tree.
    root: usize,
}

#[derive(Debug, Default)]
struct Cast {
    actors: Vec<Actor>,
    ids: HashSet<String>,
    names: HashSet<String>,
    /// Top-level actors that are states.
    states: Vec<usize>,
    /// Every top-level actor.
    roots: Vec<usize>,
    /// Members of each root's tree (root included), by root position in `actors`.
    trees: Vec<Vec<usize>>,
    media: Vec<usize>,
}

impl Cast {
    fn unique_id(&mut self, base: &str) -> String {
        let base = if base.is_empty() { "x" } else { base };
        let mut id = base.to_owned();
        let mut n = 2;
        while self.ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.ids.insert(id.clone());
        id
    }

    fn add(
        &mut self,
        name: String,
        kind: Kind,
        role: Option<String>,
        affiliation: Option<usize>,
    ) -> usize {
        let id = self.unique_id(&slug(&name));
        let ix = self.actors.len();
        let root = affiliation.map_or(ix, |a| self.actors[a].root);
        self.names.insert(name.clone());
        self.actors.push(Actor {
            id,
            name,
            kind,
            role,
            affiliation,
            aliases: Vec::new(),
            native: None,
            same_as: Vec::new(),
            root,
        });
        if affiliation.is_none() {
            self.roots.push(ix);
            self.trees.push(Vec::new());
        }
        let tree = self
            .roots
            .iter()
            .position(|&r| r == root)
            .expect("every actor's root is a root");
        self.trees[tree].push(ix);
        ix
    }

    fn tree_of(&self, root: usize) -> &[usize] {
        let at = self.roots.iter().position(|&r| r == root).unwrap_or(0);
        &self.trees[at]
    }

    /// A person's name not used yet (Korean, with its Hangul, when `korean`).
    fn person_name(&self, rng: &mut Rng, korean: bool) -> (String, Option<String>) {
        for attempt in 0.. {
            let (name, native) = if korean {
                let (sr, sh) = *rng.pick(KO_SURNAMES);
                let (g1r, g1h) = *rng.pick(KO_GIVEN);
                let (g2r, g2h) = *rng.pick(KO_GIVEN);
                (format!("{sr} {g1r}-{g2r}"), Some(format!("{sh}{g1h}{g2h}")))
            } else {
                (
                    format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(SURNAMES)),
                    None,
                )
            };
            let name = if attempt > 20 {
                format!("{name} {}", attempt - 19)
            } else {
                name
            };
            let name = capitalise_given(&name);
            if !self.names.contains(&name) {
                return (name, native);
            }
        }
        unreachable!("the loop returns")
    }
}

/// "Kim min-jun" → "Kim Min-jun".
fn capitalise_given(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut up = true;
    for c in name.chars() {
        if up && c.is_ascii_lowercase() {
            out.push(c.to_ascii_uppercase());
        } else {
            out.push(c);
        }
        up = c == ' ';
    }
    out
}

fn state_name(rng: &mut Rng, cast: &Cast) -> String {
    loop {
        let name = format!(
            "{}{}{}",
            rng.pick(STATE_HEADS),
            rng.pick(STATE_MIDS),
            rng.pick(STATE_TAILS)
        );
        if !cast.names.contains(&name) {
            return name;
        }
    }
}

/// A state with its head(s), two to four organisations and their people.
fn add_state(rng: &mut Rng, cast: &mut Cast, s: usize) {
    let korean = s % 4 == 1;
    let name = state_name(rng, cast);
    let capital = format!(
        "{}{}",
        rng.pick(STATE_HEADS),
        rng.pick(CITY_TAILS).to_owned()
    );
    let st = cast.add(name.clone(), Kind::State, None, None);
    cast.states.push(st);
    cast.actors[st].aliases.push(capital);
    if rng.chance(40) {
        cast.actors[st]
            .aliases
            .push(format!("the {name} government"));
    }
    if korean {
        cast.actors[st].native = Some(format!(
            "{}{}{}",
            rng.pick(HANGUL_PLACE),
            rng.pick(HANGUL_PLACE),
            rng.pick(HANGUL_STATE)
        ));
    }
    // Head of state or government, and sometimes both.
    let heads: &[&str] = if rng.chance(50) {
        &["President", "Prime Minister"]
    } else {
        &["President"]
    };
    for role in heads {
        let (pname, native) = cast.person_name(rng, korean);
        let p = cast.add(pname, Kind::Person, Some((*role).to_owned()), Some(st));
        cast.actors[p].native = native;
    }
    let orgs = rng.range(2, 4);
    let first = rng.below(ORGS.len());
    for o in 0..orgs {
        let (oname, alias, hangul, roles) = ORGS[(first + o * 3) % ORGS.len()];
        let org = cast.add(
            format!("{name} {oname}"),
            Kind::Organisation,
            None,
            Some(st),
        );
        cast.actors[org].aliases.push(format!("{name}'s {alias}"));
        if korean {
            cast.actors[org].native = Some(hangul.to_owned());
        }
        for _ in 0..rng.range(1, 4) {
            let (pname, native) = cast.person_name(rng, korean);
            let role = (*rng.pick(roles)).to_owned();
            let p = cast.add(pname, Kind::Person, Some(role), Some(org));
            cast.actors[p].native = native;
            if rng.chance(15) {
                let surname = cast.actors[p]
                    .name
                    .split(' ')
                    .next()
                    .unwrap_or_default()
                    .to_owned();
                let alias = if korean {
                    format!("Mr {surname}")
                } else {
                    let last = cast.actors[p].name.rsplit(' ').next().unwrap_or_default();
                    format!("Dr {last}")
                };
                cast.actors[p].aliases.push(alias);
            }
        }
    }
}

/// States with their organisations and people, international bodies, groups and media.
fn build_cast(rng: &mut Rng, states: usize) -> Cast {
    let mut cast = Cast::default();
    for s in 0..states {
        add_state(rng, &mut cast, s);
    }
    let intl = (states / 6 + 2).min(INTL.len());
    for &(name, alias) in &INTL[..intl] {
        let o = cast.add(name.to_owned(), Kind::Organisation, None, None);
        cast.actors[o].aliases.push(alias.to_owned());
        for role in &INTL_ROLES[..rng.range(2, INTL_ROLES.len())] {
            let korean = rng.chance(10);
            let (pname, native) = cast.person_name(rng, korean);
            let p = cast.add(pname, Kind::Person, Some((*role).to_owned()), Some(o));
            cast.actors[p].native = native;
        }
    }
    for g in GROUPS.iter().take(states / 5 + 1) {
        let home = cast.actors[*rng.pick(&cast.states)].name.clone();
        let gr = cast.add(format!("{home} {g}"), Kind::Group, None, None);
        let (pname, native) = cast.person_name(rng, false);
        let p = cast.add(
            pname,
            Kind::Person,
            Some("Spokesperson".to_owned()),
            Some(gr),
        );
        cast.actors[p].native = native;
    }
    for m in 0..(states / 4 + 2) {
        let home = cast.actors[cast.states[m % cast.states.len()]].name.clone();
        let name = format!("{home} {}", MEDIA[m % MEDIA.len()]);
        let me = cast.add(name, Kind::Media, None, None);
        cast.media.push(me);
        let (pname, native) = cast.person_name(rng, false);
        let p = cast.add(
            pname,
            Kind::Person,
            Some("Correspondent".to_owned()),
            Some(me),
        );
        cast.actors[p].native = native;
    }
    cast
}

fn write_actors(out: &mut String, cast: &Cast) {
    for a in &cast.actors {
        out.push_str("\n[[actors]]\n");
        let _ = writeln!(out, "id = {}", basic(&a.id));
        let _ = writeln!(out, "name = {}", basic(&a.name));
        let _ = writeln!(out, "kind = {}", basic(a.kind.name()));
        if let Some(role) = &a.role {
            let _ = writeln!(out, "role = {}", basic(role));
        }
        if let Some(aff) = a.affiliation {
            let _ = writeln!(out, "affiliation = {}", basic(&cast.actors[aff].id));
        }
        if !a.aliases.is_empty() {
            let list: Vec<String> = a.aliases.iter().map(|s| basic(s)).collect();
            let _ = writeln!(out, "aliases = [{}]", list.join(", "));
        }
        if let Some(native) = &a.native {
            let _ = writeln!(out, "native-name = {}", basic(native));
        }
        if !a.same_as.is_empty() {
            let list: Vec<String> = a.same_as.iter().map(|s| basic(s)).collect();
            let _ = writeln!(out, "same-as = [{}]", list.join(", "));
        }
    }
}

// ---------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------

/// How an actor is named in running text: its name, or one of its aliases.
fn mention(rng: &mut Rng, a: &Actor) -> String {
    if !a.aliases.is_empty() && rng.chance(30) {
        rng.pick(&a.aliases).clone()
    } else {
        a.name.clone()
    }
}

/// A date in September to November 2024, as a TOML value: mostly a local date, some
/// month-only strings, some quoted days.
fn date_value(rng: &mut Rng) -> String {
    let month = rng.range(9, 11);
    let day = rng.range(1, 28);
    match rng.below(20) {
        0..=2 => format!("\"2024-{month:02}\""),
        3 => format!("\"2024-{month:02}-{day:02}\""),
        _ => format!("2024-{month:02}-{day:02}"),
    }
}

fn sentence(rng: &mut Rng, cast: &Cast, people: &[usize]) -> String {
    let a = &cast.actors[*rng.pick(people)];
    let b = &cast.actors[*rng.pick(people)];
    let s = &cast.actors[*rng.pick(&cast.states)];
    let topic = rng.pick(TOPICS);
    let day = rng.pick(DAYS);
    let n = rng.range(2, 400) * 25;
    match rng.below(14) {
        0 => format!(
            "{} said {day} that {topic} would go ahead as planned.",
            mention(rng, a)
        ),
        1 => format!(
            "Officials in {} described {topic} as {}, according to {}.",
            mention(rng, s),
            rng.pick(ADJS),
            cast.actors[*rng.pick(&cast.media)].name
        ),
        2 => format!(
            "{} has {} {topic}, a move {} called \"{}\".",
            mention(rng, a),
            ["questioned", "backed", "rejected", "welcomed"][rng.below(4)],
            mention(rng, b),
            rng.pick(ADJS)
        ),
        3 => format!("About {n} people were affected {day}, local authorities said."),
        4 => format!(
            "Talks between {} and {} on {topic} ended without agreement.",
            mention(rng, a),
            mention(rng, b)
        ),
        5 => (*rng.pick(KOREAN)).to_owned(),
        6 => format!("{} {}", rng.pick(KOREAN), rng.pick(EMOJI)),
        7 => format!(
            "Satellite images reviewed {day} appear to show {n} vehicles near the border {}.",
            rng.pick(EMOJI)
        ),
        8 => format!(
            "{} denied any role in {topic} and accused {} of spreading rumours.",
            mention(rng, a),
            mention(rng, s)
        ),
        9 => format!("Analysts say {topic} could cost as much as {n} million over two years."),
        10 => format!(
            "{} was not consulted on {topic}, according to two people familiar with the matter.",
            mention(rng, a)
        ),
        11 => format!(
            "{} is expected to raise {topic} when ministers meet next week.",
            mention(rng, a)
        ),
        12 => format!(
            "In a post that drew {n} replies {}, {} wrote that the claims were \"false\" (ref. DOC\\2024\\117).",
            rng.pick(EMOJI),
            mention(rng, a)
        ),
        _ => format!(
            "Neither {} nor {} would comment on {topic}.",
            mention(rng, a),
            mention(rng, b)
        ),
    }
}

fn paragraph(rng: &mut Rng, cast: &Cast, people: &[usize]) -> String {
    let n = rng.range(2, 6);
    (0..n)
        .map(|_| sentence(rng, cast, people))
        .collect::<Vec<_>>()
        .join(" ")
}

fn quote_text(rng: &mut Rng, cast: &Cast, speaker: &Actor, direct: bool) -> String {
    let topic = rng.pick(TOPICS);
    let s = &cast.actors[*rng.pick(&cast.states)];
    let own = &cast.actors[speaker.root].name;
    let mut parts = Vec::new();
    for _ in 0..rng.range(1, 3) {
        let t = if direct {
            match rng.below(9) {
                0 => format!("We will not accept {topic} on these terms."),
                1 => format!("Our position on {topic} has not changed."),
                2 => format!("{own} has never sent troops abroad and never will."),
                3 => "Nobody should doubt our resolve.".to_owned(),
                4 => format!("The evidence on {topic} is clear, and we will present it."),
                5 => format!("What {} calls \"routine\" is nothing of the sort.", s.name),
                6 => (*rng.pick(KOREAN)).to_owned(),
                7 => format!("We are watching {topic} very closely {}", rng.pick(EMOJI)),
                _ => format!("This is {}, and the world can see it.", rng.pick(ADJS)),
            }
        } else {
            match rng.below(6) {
                0 => format!("{own} would review {topic} after the vote."),
                1 => format!("The reports about {topic} were false."),
                2 => format!("{} had been warned about {topic} weeks ago.", s.name),
                3 => format!("Further steps on {topic} were not ruled out."),
                4 => format!("{own} was ready to talk to {} without conditions.", s.name),
                _ => format!("The decision on {topic} was {}.", rng.pick(ADJS)),
            }
        };
        parts.push(t);
    }
    let mut text = parts.join(" ");
    if rng.chance(3) {
        text.push_str("\n\n");
        text.push_str(&quote_text(rng, cast, speaker, direct));
    }
    text
}

// ---------------------------------------------------------------------------------
// The briefing
// ---------------------------------------------------------------------------------

/// A quote written so far: its id and its speaker.
struct QuoteRef {
    id: String,
    speaker: usize,
}

/// The generator's state while it writes one briefing.
struct Gen {
    rng: Rng,
    cast: Cast,
    out: String,
    /// Per top-level actor: the members who speak (people, the actor itself, some others).
    speakers: Vec<Vec<usize>>,
    quotes: Vec<QuoteRef>,
    /// Section ids, in order.
    sections: Vec<String>,
}

/// A briefing of about `bytes` bytes (never less than one section), the same for the
/// same `seed`. The cast grows with the size: 8 states (about 130 actors) at 100 KB,
/// about 75 states (about 1,000 actors) at 10 MB, at most 80 states.
pub fn generate(bytes: usize, seed: u64) -> String {
    generate_with_states(bytes, seed, (8 + bytes / 150_000).min(80))
}

/// Like `generate` with a cast of `states` states. With the same seed and cast, a larger
/// briefing starts with exactly the sections of a smaller one (more sections follow),
/// so the two can be compared on the same screen.
pub fn generate_with_states(bytes: usize, seed: u64, states: usize) -> String {
    let mut rng = Rng::new(seed);
    let cast = build_cast(&mut rng, states.max(2));
    let head = (format!("synthetic-{seed}"), "2024-11-30".to_owned());
    generate_from(cast, rng, bytes, seed, &head)
}

/// States in a library's shared cast (about 70 actors, each briefing lists them all).
pub const LIBRARY_STATES: usize = 4;

/// The `n`th briefing of a synthetic library of seed `seed`: about `bytes` bytes, the
/// library's shared cast, its own text, published `n` days after 2020-01-01 (months
/// of 28 days); every fifth renames one person and says `same-as` their usual id.
pub fn library_briefing(bytes: usize, seed: u64, n: usize) -> String {
    let mut cast = build_cast(&mut Rng::new(seed), LIBRARY_STATES);
    let step = u64::try_from(n).unwrap_or(0).wrapping_add(1);
    let mut rng = Rng::new(seed ^ step.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    if n % 5 == 4 {
        let people: Vec<usize> = (0..cast.actors.len())
            .filter(|&i| cast.actors[i].kind == Kind::Person && !cast.actors[i].name.contains('('))
            .collect();
        if !people.is_empty() {
            let p = people[rng.below(people.len())];
            let old = cast.actors[p].clone();
            let initial: String = old.name.chars().take(1).collect();
            let surname = old.name.rsplit(' ').next().unwrap_or(&old.name);
            let name = format!(
                "{initial}. {surname} ({})",
                old.role.as_deref().unwrap_or("official")
            );
            let id = cast.unique_id(&format!("{}-alt", old.id));
            let a = &mut cast.actors[p];
            a.name = name;
            a.id = id;
            a.aliases.clear();
            a.same_as = vec![old.id];
        }
    }
    let published = format!(
        "{}-{:02}-{:02}",
        2020 + n / 336,
        1 + (n / 28) % 12,
        1 + n % 28
    );
    let head = (format!("synthetic-{seed}-{n}"), published);
    generate_from(cast, rng, bytes, seed, &head)
}

/// A briefing of the given cast: `head` is its id and publication date.
fn generate_from(cast: Cast, rng: Rng, bytes: usize, seed: u64, head: &(String, String)) -> String {
    let mut g = Gen {
        rng,
        cast,
        out: String::with_capacity(bytes + bytes / 16 + 4096),
        speakers: Vec::new(),
        quotes: Vec::new(),
        sections: Vec::new(),
    };
    g.header(seed, head);
    write_actors(&mut g.out, &g.cast);
    g.speakers = g
        .cast
        .roots
        .iter()
        .map(|&r| {
            g.cast
                .tree_of(r)
                .iter()
                .copied()
                .filter(|&m| g.cast.actors[m].kind == Kind::Person || m == r || g.rng.chance(30))
                .collect()
        })
        .collect();
    // Claims, timeline and figures take about this much per section at the end.
    let tail_per_section = 225;
    loop {
        g.section();
        if g.out.len() + g.sections.len() * tail_per_section >= bytes {
            break;
        }
    }
    g.claims();
    g.timeline();
    g.figures();
    g.out
}

impl Gen {
    fn header(&mut self, seed: u64, (id, published): &(String, String)) {
        let out = &mut self.out;
        let cast = &self.cast;
        let _ = write!(
            out,
            "# Synthetic briefing generated by `cargo run --example synth` (seed {seed}).\n\
             # Every state, person and statement in it is fictional.\n\nformat = 1\n\n\
             [briefing]\nid = \"{id}\"\n"
        );
        let a = &cast.actors[cast.states[0]].name;
        let b = &cast.actors[cast.states[1 % cast.states.len()]].name;
        let _ = writeln!(
            out,
            "title = {}",
            basic(&format!("{a} weighs arms for {b} as talks stall"))
        );
        let _ = writeln!(
            out,
            "dek = {}",
            basic(&format!(
                "A month of statements from {} states, their ministries and officials.",
                cast.states.len()
            ))
        );
        let summary = fill(&paragraph(&mut self.rng, cast, &cast.states));
        let _ = writeln!(out, "summary = {}", multiline(&summary));
        let _ = writeln!(out, "source = \"Synthetic Wire\"\npublished = {published}");
        out.push_str("tags = [\"synthetic\", \"benchmark\", \"한국어\"]\n");
    }

    /// One section: a title, three to six paragraphs about two to four actors' trees
    /// (mostly states), and about one quote per 200 bytes of its text.
    fn section(&mut self) {
        let (rng, cast) = (&mut self.rng, &self.cast);
        let n = self.sections.len() + 1;
        let mut people = Vec::new();
        let mut roots = Vec::new();
        for _ in 0..rng.range(2, 4) {
            let root = if rng.chance(80) {
                rng.below(cast.states.len())
            } else {
                rng.below(cast.roots.len())
            };
            roots.push(cast.roots[root]);
            people.extend_from_slice(&self.speakers[root]);
        }
        let title = format!(
            "{} {} {}",
            cast.actors[roots[0]].name,
            rng.pick(VERBS),
            rng.pick(TOPICS)
        );
        let id = format!("s{n}-{}", slug(&title));
        let mut body = String::new();
        for p in 0..rng.range(3, 7) {
            if p > 0 {
                body.push_str("\n\n");
            }
            body.push_str(&fill(&paragraph(rng, cast, &people)));
        }
        let out = &mut self.out;
        out.push_str("\n[[sections]]\n");
        let _ = writeln!(out, "id = {}", basic(&id));
        let _ = writeln!(out, "title = {}", basic(&title));
        let _ = writeln!(out, "body = {}", multiline(&body));
        for _ in 0..(body.len() / 200).max(1) {
            self.quote(&people, roots[0]);
        }
        self.sections.push(id);
    }

    fn quote(&mut self, people: &[usize], host: usize) {
        let (rng, cast, out) = (&mut self.rng, &self.cast, &mut self.out);
        let speaker = if rng.chance(90) {
            *rng.pick(people)
        } else {
            rng.below(cast.actors.len())
        };
        let sp = &cast.actors[speaker];
        let direct = rng.chance(65);
        let qid = format!("q{}-{}", self.quotes.len() + 1, sp.id);
        out.push_str("\n[[sections.quotes]]\n");
        let _ = writeln!(out, "id = {}", basic(&qid));
        let _ = writeln!(out, "speaker = {}", basic(&sp.id));
        if !direct {
            out.push_str("mode = \"reported\"\n");
        }
        let text = quote_text(rng, cast, sp, direct);
        if text.contains('\n') {
            let _ = writeln!(out, "text = {}", multiline(&text));
        } else {
            let _ = writeln!(out, "text = {}", basic(&text));
        }
        if rng.chance(90) {
            let _ = writeln!(out, "said = {}", date_value(rng));
        }
        if rng.chance(80) {
            let via = if rng.chance(20) {
                format!(
                    "interview with {}",
                    cast.actors[*rng.pick(&cast.media)].name
                )
            } else {
                (*rng.pick(VIAS)).to_owned()
            };
            let _ = writeln!(out, "via = {}", basic(&via));
        }
        if rng.chance(50) {
            let other = &cast.actors[*rng.pick(people)];
            let context = match rng.below(3) {
                0 => format!("Asked about {}.", rng.pick(TOPICS)),
                1 => format!("Responding to {}.", other.name),
                _ => format!(
                    "At a briefing held by {}.",
                    mention(rng, &cast.actors[host])
                ),
            };
            let _ = writeln!(out, "context = {}", basic(&context));
        }
        self.quotes.push(QuoteRef { id: qid, speaker });
    }

    /// One claim per five sections, two to six positions each (one per actor), most of
    /// them contested; most positions cite a quote by the actor taking them.
    fn claims(&mut self) {
        let (rng, cast, out) = (&mut self.rng, &self.cast, &mut self.out);
        for c in 0..(self.sections.len() / 5).max(1) {
            let s1 = &cast.actors[*rng.pick(&cast.states)].name;
            let s2 = &cast.actors[*rng.pick(&cast.states)].name;
            let statement = match rng.below(4) {
                0 => format!("{s1} has sent troops to fight alongside {s2}."),
                1 => format!("{s1} supplied artillery shells to {s2}."),
                2 => format!(
                    "{} violates the armistice.",
                    capitalise(TOPICS[rng.below(TOPICS.len())])
                ),
                _ => format!("{s1} was behind {}.", rng.pick(TOPICS)),
            };
            out.push_str("\n[[claims]]\n");
            let _ = writeln!(out, "id = \"claim-{}\"", c + 1);
            let _ = writeln!(out, "statement = {}", basic(&statement));
            let contested = c == 0 || rng.chance(70);
            let mut taken: Vec<usize> = Vec::new();
            for p in 0..rng.range(2, 6) {
                let stance = if contested && p == 1 {
                    "denies"
                } else if p == 0 {
                    "asserts"
                } else {
                    ["asserts", "likely", "undecided", "denies"][rng.below(4)]
                };
                out.push_str("\n[[claims.positions]]\n");
                let backed = (0..4)
                    .map(|_| &self.quotes[rng.below(self.quotes.len())])
                    .find(|q| !taken.contains(&q.speaker));
                match backed {
                    Some(q) if rng.chance(60) => {
                        taken.push(q.speaker);
                        let _ = writeln!(out, "actor = {}", basic(&cast.actors[q.speaker].id));
                        let _ = writeln!(out, "stance = \"{stance}\"");
                        let _ = writeln!(out, "quote = {}", basic(&q.id));
                    }
                    _ => {
                        let mut a = rng.below(cast.actors.len());
                        while taken.contains(&a) {
                            a = (a + 1) % cast.actors.len();
                        }
                        taken.push(a);
                        let _ = writeln!(out, "actor = {}", basic(&cast.actors[a].id));
                        let _ = writeln!(out, "stance = \"{stance}\"");
                    }
                }
                if rng.chance(50) {
                    let detail = format!("Says {} is {}.", rng.pick(TOPICS), rng.pick(ADJS));
                    let _ = writeln!(out, "detail = {}", basic(&detail));
                }
            }
        }
    }

    /// One event per two sections.
    fn timeline(&mut self) {
        let (rng, cast, out) = (&mut self.rng, &self.cast, &mut self.out);
        for _ in 0..self.sections.len().div_ceil(2) {
            let a = &cast.actors[*rng.pick(&cast.states)];
            let event = format!(
                "{} {} {}.",
                a.name,
                ["announces", "suspends", "resumes", "denies"][rng.below(4)],
                rng.pick(TOPICS)
            );
            out.push_str("\n[[timeline]]\n");
            let _ = writeln!(out, "date = {}", date_value(rng));
            let _ = writeln!(out, "event = {}", basic(&event));
            let mut ids = vec![basic(&a.id)];
            for _ in 0..rng.below(3) {
                ids.push(basic(&cast.actors[rng.below(cast.actors.len())].id));
            }
            let _ = writeln!(out, "actors = [{}]", ids.join(", "));
            if rng.chance(70) {
                let section = &self.sections[rng.below(self.sections.len())];
                let _ = writeln!(out, "section = {}", basic(section));
            }
        }
    }

    /// One figure per four sections; sources disagree on the same measure.
    fn figures(&mut self) {
        let (rng, cast, out) = (&mut self.rng, &self.cast, &mut self.out);
        for _ in 0..self.sections.len().div_ceil(4) {
            let measure = format!(
                "{} ({})",
                rng.pick(FIG_MEASURES),
                cast.actors[*rng.pick(&cast.states)].name
            );
            out.push_str("\n[[figures]]\n");
            let _ = writeln!(out, "measure = {}", basic(&measure));
            let n = rng.range(1, 400) * 50;
            if rng.chance(20) {
                out.push_str("value = \"thousands\"\n");
            } else {
                let _ = writeln!(out, "value = \"{},{:03}\"", n / 1000, n % 1000);
                let _ = writeln!(out, "number = {n}");
            }
            if rng.chance(80) {
                let actor = &cast.actors[rng.below(cast.actors.len())].id;
                let _ = writeln!(out, "actor = {}", basic(actor));
            }
            if rng.chance(60) {
                let _ = writeln!(out, "date = {}", date_value(rng));
            }
            if rng.chance(40) {
                out.push_str("note = \"Estimate; not independently verified.\"\n");
            }
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// `--mb N [--seed S] [--states K]` from the command line.
fn parse_args(args: &[String]) -> Result<(usize, u64, Option<usize>), String> {
    let mut mb: Option<f64> = None;
    let mut seed = 1u64;
    let mut states = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let value = it.next().ok_or_else(|| format!("{arg} needs a value"))?;
        match arg.as_str() {
            "--mb" => {
                mb = Some(
                    value
                        .parse()
                        .map_err(|_| format!("--mb {value}: not a number"))?,
                );
            }
            "--seed" => {
                seed = value
                    .parse()
                    .map_err(|_| format!("--seed {value}: not a whole number"))?;
            }
            "--states" => {
                states = Some(
                    value
                        .parse()
                        .map_err(|_| format!("--states {value}: not a whole number"))?,
                );
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let mb = mb.ok_or("--mb N is required")?;
    if !mb.is_finite() || mb <= 0.0 || mb > 64.0 {
        return Err(format!(
            "--mb {mb}: give a size above 0 and at most 64 (brief's limit)"
        ));
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let bytes = (mb * MB) as usize;
    Ok((bytes, seed, states))
}

/// `--library DIR --count N --kb K [--seed S]` from the command line.
fn parse_library_args(args: &[String]) -> Result<(std::path::PathBuf, usize, usize, u64), String> {
    let (mut dir, mut count, mut kb, mut seed) = (None, None, None, 1u64);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let value = it.next().ok_or_else(|| format!("{arg} needs a value"))?;
        let number = || {
            value
                .parse::<usize>()
                .map_err(|_| format!("{arg} {value}: not a whole number"))
        };
        match arg.as_str() {
            "--library" => dir = Some(std::path::PathBuf::from(value)),
            "--count" => count = Some(number()?),
            "--kb" => kb = Some(number()?),
            "--seed" => {
                seed = value
                    .parse()
                    .map_err(|_| format!("--seed {value}: not a whole number"))?;
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let kb = kb.ok_or("--kb K is required with --library")?;
    if kb == 0 || kb > 16_000 {
        return Err(format!("--kb {kb}: give a size above 0 and at most 16000"));
    }
    Ok((
        dir.ok_or("--library DIR is required")?,
        count.ok_or("--count N is required with --library")?,
        kb * 1000,
        seed,
    ))
}

/// Writes a synthetic library: `briefing-NNNNN.toml` files, a subfolder a year.
pub fn write_library(
    dir: &std::path::Path,
    count: usize,
    bytes: usize,
    seed: u64,
) -> std::io::Result<()> {
    for n in 0..count {
        let year = dir.join(format!("{}", 2020 + n / 336));
        std::fs::create_dir_all(&year)?;
        std::fs::write(
            year.join(format!("briefing-{n:05}.toml")),
            library_briefing(bytes, seed, n),
        )?;
    }
    Ok(())
}

fn main() -> std::process::ExitCode {
    use std::io::Write as _;
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--library") {
        return match parse_library_args(&args) {
            Ok((dir, count, bytes, seed)) => match write_library(&dir, count, bytes, seed) {
                Ok(()) => std::process::ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("synth: {}: {e}", dir.display());
                    std::process::ExitCode::FAILURE
                }
            },
            Err(message) => {
                eprintln!(
                    "synth: {message}\nusage: synth --library DIR --count N --kb K [--seed S]"
                );
                std::process::ExitCode::from(2)
            }
        };
    }
    match parse_args(&args) {
        Ok((bytes, seed, states)) => {
            let text = match states {
                Some(k) => generate_with_states(bytes, seed, k),
                None => generate(bytes, seed),
            };
            if let Err(e) = std::io::stdout().lock().write_all(text.as_bytes()) {
                eprintln!("synth: {e}");
                return std::process::ExitCode::FAILURE;
            }
            std::process::ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("synth: {message}\nusage: synth --mb N [--seed S] [--states K]");
            std::process::ExitCode::from(2)
        }
    }
}
