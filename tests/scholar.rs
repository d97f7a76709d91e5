//! Scholarly citations end to end (native, so with the CSL engine): each fixture in
//! `tests/fixtures/scholar/NAME.md` is parsed and rendered with the bibliography file named in
//! `NAME.expected.json`, and what a reader would see is checked against that file: the header from
//! the front matter, each citation as written and as shown, the entries its popup lists (in the
//! style's order, with locators and links that open in a new tab), the bibliography, the work
//! sources and the warnings.

use cite_reader::{options_from_json, parse, render, Article, CitationKind, SourceKind};
use serde_json::{json, Value};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/scholar/");

fn fixture_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(DIR)
        .unwrap()
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".md").map(str::to_string)
        })
        .collect();
    names.sort();
    names
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The options a fixture is read with: its bibliography file, as the JS API's `bibliography`.
fn options_for(expected: &Value) -> cite_reader::Options {
    let mut options = json!({});
    if let Some(file) = expected["bibliography_file"].as_str() {
        let text = std::fs::read_to_string(format!("{DIR}{file}")).unwrap();
        options["bibliography"] = Value::String(text);
    }
    options_from_json(&options).unwrap().0
}

/// The popup container of a citation in the rendered HTML.
fn popup<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("data-popup-for=\"{id}\""))
        .unwrap_or_else(|| panic!("no popup for {id}"));
    let end = html[start..].find("</div>").unwrap() + start;
    &html[start..end]
}

/// The marker (trigger) text of a citation in the rendered HTML.
fn marker<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("data-citation=\"{id}\""))
        .unwrap_or_else(|| panic!("no marker for {id}"));
    let open = html[start..].find('>').unwrap() + start + 1;
    let close = html[open..].find("</span>").unwrap() + open;
    &html[open..close]
}

fn check_fixture(name: &str) {
    let text = std::fs::read_to_string(format!("{DIR}{name}.md")).unwrap();
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{DIR}{name}.expected.json")).unwrap(),
    )
    .unwrap();
    let options = options_for(&expected);

    if let Some(parts) = expected["error"].as_array() {
        let err = parse(&text, &options).expect_err(name).to_string();
        for part in parts {
            assert!(err.contains(part.as_str().unwrap()), "{name}: {err}");
        }
        assert!(render(&text, &options).is_err());
        return;
    }

    let article: Article = parse(&text, &options).unwrap();
    let html = render(&text, &options).unwrap();
    for field in ["title", "byline", "timestamp"] {
        if let Some(want) = expected[field].as_str() {
            let got = match field {
                "title" => &article.title,
                "byline" => &article.byline,
                _ => &article.timestamp,
            };
            assert_eq!(got.as_deref(), Some(want), "{name}: {field}");
            assert!(html.contains(want), "{name}: {field} not shown");
        }
    }

    let clusters = expected["clusters"].as_array().unwrap();
    let references: Vec<_> = article
        .citations
        .iter()
        .filter(|c| c.kind == CitationKind::Reference)
        .collect();
    assert_eq!(references.len(), clusters.len(), "{name}: clusters");
    for (want, citation) in clusters.iter().zip(&references) {
        let id = citation.id.as_str();
        assert_eq!(citation.text, want["written"].as_str().unwrap(), "{name}");
        let shown = want["shown"].as_str().unwrap();
        assert_eq!(marker(&html, id), shown, "{name}: {id} as shown");
        let cluster = article
            .reference_clusters
            .iter()
            .find(|c| c.citation == id)
            .unwrap();
        let detail = want["note"].as_str().unwrap_or(shown);
        assert_eq!(
            citation.detail.as_deref(),
            Some(detail),
            "{name}: {id} detail"
        );
        let pop = popup(&html, id);
        // The popup lists the cluster's entries in the rendered order.
        let entries = strings(&want["entries"]);
        assert_eq!(cluster.order, entries, "{name}: {id} order");
        let mut last = 0;
        for key in &entries {
            let at = pop
                .find(&format!("data-reference-entry=\"{key}\""))
                .unwrap_or_else(|| panic!("{name}: {id} popup lacks {key}: {pop}"));
            assert!(at >= last, "{name}: {id} popup order");
            last = at;
        }
        for locator in strings(&want["locators"]) {
            assert!(
                pop.contains(&locator),
                "{name}: {id} locator {locator}: {pop}"
            );
        }
        for key in strings(&want["unknown"]) {
            assert!(
                pop.contains(&format!("?{key}")),
                "{name}: {id} unknown {key}"
            );
            assert!(
                citation.source.is_none(),
                "{name}: an unknown key has no source"
            );
        }
        if !entries.is_empty() {
            let source = citation
                .source
                .as_deref()
                .expect("a found work is a source");
            let source = article.sources.iter().find(|s| s.id == source).unwrap();
            assert_eq!(source.kind, SourceKind::Work);
            assert!(
                source.aliases.contains(&entries[0])
                    || source.aliases.iter().any(|a| entries.contains(a))
            );
        }
        // Every link in a popup opens in a new tab without access to the opener.
        for (at, _) in pop.match_indices("<a ") {
            let tag = &pop[at..at + pop[at..].find('>').unwrap()];
            if tag.contains("href=\"http") {
                assert!(
                    tag.contains("target=\"_blank\"") && tag.contains("rel=\"noopener\""),
                    "{name}: {tag}"
                );
            }
        }
    }

    // The bibliography: the cited entries in the style's order, with ids the popups link to.
    let bibliography = strings(&expected["bibliography"]);
    let listed: Vec<&str> = article
        .references
        .iter()
        .filter(|r| r.cited)
        .map(|r| r.formatted.as_deref().unwrap_or(&r.raw))
        .collect();
    assert_eq!(listed, bibliography, "{name}: bibliography");
    if bibliography.is_empty() {
        assert!(!html.contains("cr-bibliography"), "{name}");
    } else {
        let section = &html[html.find("class=\"cr-bibliography\"").unwrap()..];
        for (at, _) in html.match_indices("class=\"cr-entry-jump\" href=\"#") {
            let target = &html[at + 29..];
            let id = &target[..target.find('"').unwrap()];
            assert!(section.contains(&format!("id=\"{id}\"")), "{name}: {id}");
        }
    }
    for link in strings(&expected["links"]) {
        assert!(
            html.contains(&format!(
                "href=\"{link}\" target=\"_blank\" rel=\"noopener\""
            )),
            "{name}: link {link}"
        );
    }

    let works: Vec<&str> = article
        .sources
        .iter()
        .filter(|s| s.kind == SourceKind::Work)
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(works, strings(&expected["sources"]), "{name}: sources");

    let wanted = strings(&expected["warnings"]);
    assert_eq!(
        article.warnings.len(),
        wanted.len(),
        "{name}: {:?}",
        article.warnings
    );
    for (got, want) in article.warnings.iter().zip(&wanted) {
        assert!(got.contains(want.as_str()), "{name}: {got}");
    }
    for kept in strings(&expected["kept_as_text"]) {
        assert!(
            article.blocks.iter().any(|b| b.text.contains(&kept)),
            "{name}: {kept} should stay text"
        );
    }
    for text in strings(&expected["block_text"]) {
        assert!(
            article.blocks.iter().any(|b| b.text.contains(&text)),
            "{name}: {text}"
        );
    }
}

#[test]
fn fixtures_model_and_html() {
    let names = fixture_names();
    assert!(names.len() >= 6, "{names:?}");
    for name in names {
        check_fixture(&name);
    }
}

const ONE_ENTRY: &str = r#"[{"id": "lee2010", "type": "book", "title": "Tides",
    "author": [{"family": "Lee", "given": "Min"}], "issued": {"date-parts": [[2010]]}}]"#;

#[test]
fn bibliography_as_a_parsed_object_and_style_option() {
    let entries: Value = serde_json::from_str(ONE_ENTRY).unwrap();
    let text = "---\ncsl: apa\n---\nSee [@lee2010, p. 4].\n";
    for (style, shown) in [
        ("apa", "(Lee, 2010, p. 4)"),
        ("ieee", "[1, p. 4]"),
        ("chicago-notes", "¹"),
    ] {
        let (options, _) =
            options_from_json(&json!({"bibliography": entries, "citationStyle": style})).unwrap();
        let html = render(text, &options).unwrap();
        assert_eq!(marker(&html, "c1"), shown, "{style}");
    }
}

#[test]
fn link_citations_false_leaves_out_the_links_to_the_bibliography() {
    let (options, _) = options_from_json(&json!({"bibliography": ONE_ENTRY})).unwrap();
    let linked = render("See [@lee2010].\n", &options).unwrap();
    assert!(
        linked.contains("class=\"cr-entry-jump\" href=\"#cr-ref-1\""),
        "{linked}"
    );
    let unlinked = render(
        "---\nlink-citations: false\n---\nSee [@lee2010].\n",
        &options,
    )
    .unwrap();
    assert!(!unlinked.contains("cr-entry-jump"), "{unlinked}");
    assert!(
        unlinked.contains("id=\"cr-ref-1\""),
        "the bibliography is still there"
    );
}

#[test]
fn unknown_style_option_names_the_styles() {
    let err = options_from_json(&json!({"citationStyle": "harvard"}))
        .unwrap_err()
        .to_string();
    assert!(err.contains("`citationStyle`"), "{err}");
    assert!(err.contains("apa, ieee, chicago-notes"), "{err}");
}

#[test]
fn bad_csl_json_warns_once_with_the_line() {
    let (options, _) =
        options_from_json(&json!({"bibliography": "[\n {\"id\": \"a\",\n  \"title\": }\n]"}))
            .unwrap();
    let article = parse("Text [@a] here.\n", &options).unwrap();
    let read: Vec<_> = article
        .warnings
        .iter()
        .filter(|w| w.contains("could not be read"))
        .collect();
    assert_eq!(read.len(), 1, "{:?}", article.warnings);
    assert!(read[0].contains("CSL-JSON, line 3"), "{}", read[0]);
    assert!(article.blocks[0].text.contains("?a"));
}

#[test]
fn front_matter_bibliography_file_is_reported_not_read() {
    let article = parse(
        "---\nbibliography: refs.bib\n---\nText @someone [@k].\n",
        &cite_reader::Options::default(),
    )
    .unwrap();
    assert!(
        article.warnings.iter().any(|w| w.contains("refs.bib")),
        "{:?}",
        article.warnings
    );
}

#[test]
fn citations_in_code_and_links_are_left_alone() {
    let (options, _) = options_from_json(&json!({"bibliography": ONE_ENTRY})).unwrap();
    let article = parse(
        "Code `[@lee2010]` and a [link](https://example.org/@lee2010) and [@lee2010].\n",
        &options,
    )
    .unwrap();
    assert_eq!(article.reference_clusters.len(), 1);
    let html = render(
        "Code `[@lee2010]` and a [link](https://example.org/@lee2010).\n",
        &options,
    )
    .unwrap();
    assert!(html.contains("<code>[@lee2010]</code>"), "{html}");
    assert!(!html.contains("data-kind=\"reference\""), "{html}");
}

#[test]
fn odd_citation_input_never_panics() {
    let (options, _) = options_from_json(&json!({"bibliography": ONE_ENTRY})).unwrap();
    for text in [
        "[@",
        "[@]",
        "[-@lee2010",
        "@{lee2010",
        "[@lee2010, p.]",
        "[@lee2010; ; @lee2010]",
        "[see @lee2010, §§ 3–4; @lee2010, ¶ 2]",
        "***[@lee2010]***",
        "| a |\n|---|\n| [@lee2010] |\n",
        "> [@lee2010]\n\n- @lee2010 [p. 3]\n",
        "---\n---\n[@lee2010]",
        "---\nreferences: 3\n---\n[@x]",
        "---\nreferences:\n- id: [oops\n---\n",
    ] {
        let _ = render(text, &options);
    }
}

/// Citation-shaped input grows the work linearly: the best of three runs at 2n takes at most three
/// times as long as at n (under a millisecond counts as a millisecond). Without a bibliography, so
/// that what is measured is the syntax, the model and the popups rather than the CSL engine.
#[test]
fn citation_heavy_input_stays_linear() {
    let options = cite_reader::Options::default();
    let time = |text: &str| {
        (0..3)
            .map(|_| {
                let t = std::time::Instant::now();
                render(text, &options).unwrap();
                t.elapsed().as_secs_f64() * 1e3
            })
            .fold(f64::MAX, f64::min)
    };
    for unit in [
        "[@lee2010, p. 3] ",
        "[a @lee2010 ",
        "@lee2010 [",
        "[[@lee2010;",
        "@{a",
        "[-@x; ",
    ] {
        let n = 16 * 1024 / unit.len();
        let (small, large) = (unit.repeat(n), unit.repeat(2 * n));
        let (t1, t2) = (time(&small), time(&large));
        // Measure once more before calling it superlinear: the machine is shared.
        let ratio = (t2 / t1.max(1.0)).min(time(&large) / time(&small).max(1.0));
        assert!(ratio <= 3.0, "{unit:?}: {t1:.1} ms → {t2:.1} ms");
    }
}

// ---------------------------------------------------------------------------------------------
// Abbreviation definitions (`*[SHORT]: long form`)

#[test]
fn abbreviation_definitions_mark_every_use_and_leave_the_body() {
    let text = "# Notes\n\nThe HTML and CSS specs, by the W3C WG.\n\n*[HTML]: Hyper Text Markup Language\n*[W3C WG]: World Wide Web Consortium Working Group\n\nMore HTML later; HTMLX and html are other words.\n";
    let article = parse(text, &cite_reader::Options::default()).unwrap();
    let pairs: Vec<_> = article
        .abbreviations
        .iter()
        .map(|a| (a.short.as_str(), a.long.as_str()))
        .collect();
    assert!(pairs.contains(&("HTML", "Hyper Text Markup Language")));
    assert!(pairs.contains(&("W3C WG", "World Wide Web Consortium Working Group")));
    let uses: Vec<_> = article
        .citations
        .iter()
        .filter(|c| c.kind == CitationKind::Abbreviation)
        .map(|c| (c.text.as_str(), c.detail.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        uses,
        [
            ("HTML", "Hyper Text Markup Language"),
            ("W3C WG", "World Wide Web Consortium Working Group"),
            ("HTML", "Hyper Text Markup Language"),
        ]
    );
    assert!(article.blocks.iter().all(|b| !b.text.contains("*[")));
    let html = render(text, &cite_reader::Options::default()).unwrap();
    assert!(!html.contains("*["), "{html}");
    let c = &article.citations[0].id;
    assert_eq!(marker(&html, c), "HTML");
    assert!(popup(&html, c).contains("Hyper Text Markup Language"));
    assert!(popup(&html, c).contains("data-popup-role=\"tooltip\""));
}

#[test]
fn abbreviation_uses_in_code_links_and_raw_html_are_left_alone() {
    let text = "Use `HTML` in [a link](https://example.org/HTML) and <b title=\"HTML\">x</b>.\n\n*[HTML]: Hyper Text Markup Language\n";
    let article = parse(text, &cite_reader::Options::default()).unwrap();
    assert_eq!(article.abbreviations.len(), 1);
    assert!(
        article
            .citations
            .iter()
            .all(|c| c.kind != CitationKind::Abbreviation),
        "{:?}",
        article.citations
    );
}

#[test]
fn abbreviation_definition_in_code_is_code() {
    let text = "Some HTML.\n\n```\n*[HTML]: Hyper Text Markup Language\n```\n";
    let article = parse(text, &cite_reader::Options::default()).unwrap();
    assert!(article.abbreviations.is_empty());
    assert!(article.citations.is_empty());
    let html = render(text, &cite_reader::Options::default()).unwrap();
    assert!(
        html.contains("*[HTML]: Hyper Text Markup Language"),
        "{html}"
    );
}

#[test]
fn abbreviation_definition_without_long_form_is_ignored_with_a_warning() {
    let text = "Some HTML.\n\n*[HTML]:\n";
    let article = parse(text, &cite_reader::Options::default()).unwrap();
    assert!(article.abbreviations.is_empty());
    assert!(article.citations.is_empty());
    assert!(
        article
            .warnings
            .iter()
            .any(|w| w.contains("*[HTML]:") && w.contains("no long form")),
        "{:?}",
        article.warnings
    );
    assert!(!render(text, &cite_reader::Options::default())
        .unwrap()
        .contains("*[HTML]"));
}

// ---------------------------------------------------------------------------------------------
// Cross-references to headings

#[test]
fn a_link_to_a_heading_opens_the_heading_and_its_first_paragraph() {
    let text = "# Essay\n\nAs [shown below](#our-method), and [again](#counting).\n\n## Our Method\n\nWe count every word twice, then once more.\n\nA second paragraph.\n\n## Counting in Detail {#counting}\n\n- a list first\n\nThe paragraph after the list.\n";
    let article = parse(text, &cite_reader::Options::default()).unwrap();
    let links: Vec<_> = article
        .citations
        .iter()
        .filter(|c| c.kind == CitationKind::Link)
        .collect();
    assert_eq!(links.len(), 2, "{:?}", article.citations);
    assert_eq!(links[0].detail.as_deref(), Some("#our-method"));
    assert!(article.warnings.is_empty(), "{:?}", article.warnings);
    let html = render(text, &cite_reader::Options::default()).unwrap();
    // Headings carry their prefixed ids, the written `{#id}` too; the links point at them.
    assert!(
        html.contains("<h2 id=\"cr-our-method\">Our Method</h2>"),
        "{html}"
    );
    assert!(
        html.contains("<h2 id=\"cr-counting\">Counting in Detail</h2>"),
        "{html}"
    );
    assert!(html.contains("href=\"#cr-counting\""), "{html}");
    let first = popup(&html, &links[0].id);
    assert!(first.contains("Our Method"), "{first}");
    assert!(first.contains("We count every word twice"), "{first}");
    assert!(!first.contains("A second paragraph"), "{first}");
    let second = popup(&html, &links[1].id);
    assert!(second.contains("Counting in Detail"), "{second}");
    assert!(second.contains("The paragraph after the list."), "{second}");
    assert!(second.contains("data-popup-role=\"tooltip\""), "{second}");
}

#[test]
fn a_link_to_a_missing_heading_stays_a_plain_link_with_a_warning() {
    let text = "# Essay\n\nSee [nowhere](#no-such-part).\n\n## Somewhere\n\nText.\n";
    let article = parse(text, &cite_reader::Options::default()).unwrap();
    assert!(article.citations.is_empty(), "{:?}", article.citations);
    assert!(
        article.warnings.iter().any(|w| w.contains("#no-such-part")),
        "{:?}",
        article.warnings
    );
    let html = render(text, &cite_reader::Options::default()).unwrap();
    assert!(
        html.contains("<a href=\"#no-such-part\">nowhere</a>"),
        "{html}"
    );
}

// ---------------------------------------------------------------------------------------------
// Bibliography files named in the front matter (read by the shells, passed as `bibliographyFiles`)

#[test]
fn bibliography_files_option_supplies_the_files_the_front_matter_names() {
    let text = "---\nbibliography: [refs.json, gone.bib]\n---\n\nAs shown [@lee2010].\n";
    let (options, _) = options_from_json(&json!({
        "bibliographyFiles": { "refs.json": ONE_ENTRY, "gone.bib": { "error": "404 Not Found" } }
    }))
    .unwrap();
    let article = parse(text, &options).unwrap();
    assert_eq!(article.bibliography_files, ["refs.json", "gone.bib"]);
    assert!(article.reference_clusters[0].items[0].found);
    let gone: Vec<_> = article
        .warnings
        .iter()
        .filter(|w| w.contains("gone.bib"))
        .collect();
    assert_eq!(gone.len(), 1, "{:?}", article.warnings);
    assert!(gone[0].contains("404 Not Found"));
    assert!(options_from_json(&json!({"bibliographyFiles": ["refs.bib"]})).is_err());
    assert_eq!(
        cite_reader::bibliography_files(text),
        ["refs.json", "gone.bib"]
    );
}
