//! `brief schema`: the JSON Schema generated from the loader's serde types accepts the
//! bundled briefing, the documented example and `brief new`'s template, and refuses
//! files the loader refuses for their shape. Editors see TOML as JSON (a local date as
//! its string); `to_json` does the same here.

use serde_json::Value;

fn schema() -> (boon::Schemas, boon::SchemaIndex) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
        .arg("schema")
        .output()
        .expect("brief runs");
    assert!(out.status.success(), "{out:?}");
    let schema: Value = serde_json::from_slice(&out.stdout).expect("brief schema prints JSON");
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler
        .add_resource("brief.schema.json", schema)
        .expect("the schema is a resource");
    let ix = compiler
        .compile("brief.schema.json", &mut schemas)
        .unwrap_or_else(|e| panic!("the schema compiles: {e}"));
    (schemas, ix)
}

/// TOML as an editor hands it to a JSON Schema: dates and times as their strings.
fn to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, to_json(v))).collect())
        }
    }
}

fn check(schemas: &boon::Schemas, ix: boon::SchemaIndex, toml_text: &str) -> Result<(), String> {
    let value: toml::Value = toml::from_str(toml_text).expect("the test file is TOML");
    schemas
        .validate(&to_json(value), ix)
        .map_err(|e| format!("{e:#}"))
}

#[test]
fn the_schema_accepts_every_good_briefing() {
    let (schemas, ix) = schema();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(root.join("content"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.push(root.join("docs/example.toml"));
    assert!(files.len() >= 2, "{files:?}");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        if let Err(e) = check(&schemas, ix, &text) {
            panic!("{} fails the schema:\n{e}", file.display());
        }
    }
    check(&schemas, ix, brief::new::TEMPLATE).expect("the template passes");
}

#[test]
fn the_schema_refuses_what_the_loader_refuses_for_its_shape() {
    let (schemas, ix) = schema();
    let good = brief::new::TEMPLATE;
    for (what, bad) in [
        ("a mistyped key", good.replace("speaker = ", "speakr = ")),
        ("another format", good.replace("format = 1", "format = 2")),
        ("no title", good.replace("title = \"What happened\"", "")),
        (
            "an unknown kind",
            good.replace("kind = \"person\"", "kind = \"robot\""),
        ),
        (
            "an id that is not a slug",
            good.replace("id = \"first\"", "id = \"First One\""),
        ),
        (
            "a date with a time",
            good.replace("said = 2025-01-30", "said = 2025-01-30T10:00:00"),
        ),
        (
            "a date in words",
            good.replace("said = 2025-01-30", "said = \"last week\""),
        ),
        (
            "an unknown stance",
            good.replace("stance = \"asserts\"", "stance = \"maybe\""),
        ),
    ] {
        assert_ne!(bad, good, "{what}: the test did not change the file");
        assert!(
            check(&schemas, ix, &bad).is_err(),
            "{what} passes the schema"
        );
        // The loader refuses each of these too: the schema is no stricter than it.
        assert!(
            brief::load::load_str("bad.toml", &bad).is_err(),
            "{what} loads"
        );
    }
}

#[test]
fn the_schema_directive_is_a_comment_to_the_loader() {
    let text = format!("#:schema ./brief.schema.json\n{}", brief::new::TEMPLATE);
    let loaded =
        brief::load::load_str("mine.toml", &text).unwrap_or_else(|r| panic!("{}", r.render()));
    assert_eq!(loaded.briefing.meta.title, "What happened");
}

#[test]
fn a_claims_same_as_is_a_list_of_ids_to_the_schema_and_the_loader() {
    let (schemas, ix) = schema();
    let good = brief::new::TEMPLATE;
    let statement = "\nstatement = ";
    assert!(good.contains(statement), "the template has a claim");
    let with =
        |same_as: &str| good.replacen(statement, &format!("\nsame-as = {same_as}{statement}"), 1);
    let renamed = with(r#"["troops", "troops-sent"]"#);
    check(&schemas, ix, &renamed).expect("a list of ids passes the schema");
    let loaded = brief::load::load_str("renamed.toml", &renamed)
        .unwrap_or_else(|r| panic!("{}", r.render()));
    assert_eq!(loaded.briefing.claims[0].same_as, ["troops", "troops-sent"]);
    for bad in [with(r#""troops""#), with(r#"["Troops Sent"]"#)] {
        assert!(check(&schemas, ix, &bad).is_err(), "{bad}");
        assert!(brief::load::load_str("bad.toml", &bad).is_err(), "{bad}");
    }
}

#[test]
fn an_actor_may_say_who_it_is_in_other_briefings() {
    let (schemas, ix) = schema();
    let good = brief::new::TEMPLATE.replacen(
        "kind = \"person\"",
        "kind = \"person\"\nsame-as = [\"kim-mj\", \"Minister Kim\"]",
        1,
    );
    assert_ne!(good, brief::new::TEMPLATE, "the template has a person");
    check(&schemas, ix, &good).expect("same-as passes the schema");
    let loaded = brief::load::load_str("same-as.toml", &good).expect("and loads");
    let a = loaded
        .briefing
        .actors
        .iter()
        .find(|a| !a.same_as.is_empty());
    assert_eq!(
        a.map(|a| a.same_as.clone()),
        Some(vec!["kim-mj".to_owned(), "Minister Kim".to_owned()])
    );
    let bad = good.replace("\"kim-mj\"", "42");
    assert!(check(&schemas, ix, &bad).is_err(), "a number passes");
    assert!(
        brief::load::load_str("bad.toml", &bad).is_err(),
        "a number loads"
    );
}
