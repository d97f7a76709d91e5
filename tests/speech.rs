//! Who said what: quotations, speakers and sources checked against gold annotations — the shared
//! article fixture (skipped with a notice when ../shared is absent) and our own invented articles.

mod gold;

use cite_reader::CitationKind;
use gold::{prefix, read_article, same_name};
use serde_json::Value;
use std::path::Path;

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/fixtures");
const OWN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/speech");

/// Compares one article with its gold annotations; returns (right quotes, quotes, right sources,
/// sources) and the problems found.
fn score(name: &str, text: &str, gold: &Value) -> (usize, usize, usize, usize, Vec<String>) {
    let article = read_article(text);
    let mut problems = Vec::new();
    let name_of = |id: &Option<String>| {
        id.as_ref().and_then(|id| {
            article
                .sources
                .iter()
                .find(|s| &s.id == id)
                .map(|s| s.name.clone())
        })
    };
    let quotes: Vec<_> = article
        .citations
        .iter()
        .filter(|c| c.kind == CitationKind::Quote)
        .collect();
    let gold_quotes = gold["quotes"].as_array().cloned().unwrap_or_default();
    let mut right_quotes = 0;
    if quotes.len() != gold_quotes.len() {
        problems.push(format!(
            "{name}: {} quotes found, {} in gold",
            quotes.len(),
            gold_quotes.len()
        ));
    }
    for (i, g) in gold_quotes.iter().enumerate() {
        let want_text = g["text"].as_str().unwrap_or("");
        let want_speaker = g["speaker"].as_str().map(str::to_string);
        let Some(found) = quotes.get(i) else {
            problems.push(format!("{name}: quote {i} {want_text:?} missing"));
            continue;
        };
        let got_text = prefix(&found.text, 40).trim_end().to_string();
        let got_speaker = name_of(&found.source);
        let kind_ok = match g["kind"].as_str() {
            Some("speech") => found.source.is_some(),
            _ => found.source.is_none(),
        };
        let speaker_ok = match (&got_speaker, &want_speaker) {
            (Some(g), Some(w)) => same_name(g, w),
            (None, None) => true,
            _ => false,
        };
        if prefix(want_text, 40).trim_end() == got_text && speaker_ok && kind_ok {
            right_quotes += 1;
        } else {
            problems.push(format!(
                "{name}: quote {i}: want {want_text:?} by {want_speaker:?}, got {got_text:?} by {got_speaker:?}"
            ));
        }
    }
    let gold_sources = gold["sources"].as_array().cloned().unwrap_or_default();
    let mut right_sources = 0;
    for g in &gold_sources {
        let want = g["name"].as_str().unwrap_or("");
        let Some(s) = article.sources.iter().find(|s| same_name(&s.name, want)) else {
            problems.push(format!("{name}: source {want:?} missing"));
            continue;
        };
        let kind = serde_json::to_value(s.kind).unwrap();
        let kind_ok = kind == g["kind"];
        let role_ok = match g["role_contains"].as_str() {
            Some(r) => s.role.as_deref().is_some_and(|role| role.contains(r)),
            None => true,
        };
        let aliases_ok = g["aliases"]
            .as_array()
            .map(|a| {
                a.iter()
                    .all(|x| s.aliases.iter().any(|y| Some(y.as_str()) == x.as_str()))
            })
            .unwrap_or(true);
        if kind_ok && role_ok && aliases_ok {
            right_sources += 1;
        } else {
            problems.push(format!("{name}: source {want:?} is {s:?}, gold {g}"));
        }
    }
    (
        right_quotes,
        gold_quotes.len(),
        right_sources,
        gold_sources.len(),
        problems,
    )
}

fn check_dir(dir: &str) -> Option<(usize, usize, usize, usize, Vec<String>)> {
    let entries = std::fs::read_dir(dir).ok()?;
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    paths.sort();
    let mut total = (0, 0, 0, 0, Vec::new());
    for gold_path in paths {
        let gold_name = gold_path.to_string_lossy().to_string();
        let text_path = gold_name.trim_end_matches(".gold.json").to_string() + ".txt";
        let text = std::fs::read_to_string(&text_path).unwrap();
        let gold: Value =
            serde_json::from_str(&std::fs::read_to_string(&gold_path).unwrap()).unwrap();
        let name = Path::new(&text_path)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        let (a, b, c, d, p) = score(&name, &text, &gold);
        println!("{name}: quotes with right speaker {a}/{b}, sources right {c}/{d}");
        total.0 += a;
        total.1 += b;
        total.2 += c;
        total.3 += d;
        total.4.extend(p);
    }
    Some(total)
}

fn report(label: &str, (a, b, c, d, problems): (usize, usize, usize, usize, Vec<String>)) {
    println!("{label}: quotes with right speaker {a}/{b}, sources right {c}/{d}");
    for p in &problems {
        println!("  {p}");
    }
    assert!(b > 0, "{label}: no gold quotes read");
    assert!(problems.is_empty(), "{label}: {} problems", problems.len());
}

#[test]
fn shared_fixture_speakers_and_sources() {
    let Some(total) = check_dir(SHARED) else {
        println!("notice: {SHARED} is absent; shared fixture suite skipped");
        return;
    };
    report("shared fixtures", total);
}

#[test]
fn own_fixtures_speakers_and_sources() {
    let total = check_dir(OWN).expect("tests/fixtures/speech is missing");
    report("own fixtures", total);
}

#[test]
fn a_dateline_never_becomes_a_source() {
    let article = read_article(
        "A title\n\nBERLIN, Germany—Mayor Lena Hofbauer said the plan would pass. “It will,” she said.\n",
    );
    assert!(article.sources.iter().all(|s| s.name != "Germany"));
    let quote = article
        .citations
        .iter()
        .find(|c| c.kind == CitationKind::Quote)
        .unwrap();
    let speaker = article
        .sources
        .iter()
        .find(|s| Some(&s.id) == quote.source.as_ref())
        .unwrap();
    assert_eq!(speaker.name, "Lena Hofbauer");
}

#[test]
fn unbalanced_marks_warn_and_never_panic() {
    for text in [
        "T\n\n“Never closed, she said.\n\nNext.",
        "T\n\n\"\n\n“\n\n”",
        "T\n\nHe said ” and “ and \" oddly.",
        "“",
        "Mr.",
        "according to",
        "“a,” said",
    ] {
        let article = read_article(text);
        if text.contains("Never closed") {
            assert!(!article.warnings.is_empty(), "{text:?}");
        }
    }
}
