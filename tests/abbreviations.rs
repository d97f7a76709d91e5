//! Abbreviations a plain-text article defines, and the marks on their uses.

use cite_reader::{parse, Article, CitationKind, FormatOption, Options, ParseOptions};

fn read(body: &str) -> Article {
    let text = format!("Council Report\n\n{body}\n");
    let options = Options {
        parse: ParseOptions {
            format: FormatOption::Text,
            ..ParseOptions::default()
        },
        ..Options::default()
    };
    parse(&text, &options).unwrap()
}

fn pairs(article: &Article) -> Vec<(String, String)> {
    article
        .abbreviations
        .iter()
        .map(|a| (a.short.clone(), a.long.clone()))
        .collect()
}

fn defines(body: &str, short: &str, long: &str) {
    let article = read(body);
    assert_eq!(
        pairs(&article),
        vec![(short.to_string(), long.to_string())],
        "{body}"
    );
}

fn defines_nothing(body: &str) {
    let article = read(body);
    assert!(
        article.abbreviations.is_empty(),
        "{body}: {:?}",
        article.abbreviations
    );
}

fn marked(article: &Article) -> Vec<(String, Option<String>)> {
    article
        .citations
        .iter()
        .filter(|c| c.kind == CitationKind::Abbreviation)
        .map(|c| (c.text.clone(), c.detail.clone()))
        .collect()
}

#[test]
fn long_form_then_short_form_in_parentheses() {
    defines(
        "Delegates of the Pacific Fisheries Council (PFC) met on Monday.",
        "PFC",
        "Pacific Fisheries Council",
    );
}

#[test]
fn long_form_then_short_form_in_brackets() {
    defines(
        "The port joined the Northern Shipping Compact [NSC] last year.",
        "NSC",
        "Northern Shipping Compact",
    );
}

#[test]
fn short_form_then_long_form_in_parentheses() {
    defines(
        "Inspectors from the RWA (Regional Water Authority) took samples.",
        "RWA",
        "Regional Water Authority",
    );
}

#[test]
fn plural_short_form_with_lowercase_long_form_in_brackets() {
    let article = read(
        "The navy tested two UUVs [unmanned underwater vehicles] on Friday.\n\nEach UUV carried sonar, and the UUVs returned at dusk.",
    );
    assert_eq!(
        pairs(&article),
        vec![("UUVs".into(), "unmanned underwater vehicles".into())]
    );
    let texts: Vec<String> = marked(&article).into_iter().map(|(t, _)| t).collect();
    assert_eq!(texts, vec!["UUVs", "UUV", "UUVs"]);
}

#[test]
fn comma_or_definition() {
    defines(
        "She chairs the Coastal Recovery Board, or CRB, which was formed in 2019.",
        "CRB",
        "Coastal Recovery Board",
    );
}

#[test]
fn stop_words_may_be_skipped_or_spelled() {
    defines(
        "A report by the Institute for Harbour Studies (IHS) found delays.",
        "IHS",
        "Institute for Harbour Studies",
    );
    defines(
        "The Department of Transport (DoT) denied the claim.",
        "DoT",
        "Department of Transport",
    );
}

#[test]
fn dotted_short_form() {
    let article = read(
        "The Allied Nations (A.N.) assembly opened.\n\nThe A.N. vote came late, and the A.N.'s envoy left.",
    );
    assert_eq!(
        pairs(&article),
        vec![("A.N.".into(), "Allied Nations".into())]
    );
    assert_eq!(marked(&article).len(), 3);
}

#[test]
fn letters_matched_inside_words() {
    defines(
        "The Organisation for Maritime Co-operation and Development (OMCD) disagreed.",
        "OMCD",
        "Organisation for Maritime Co-operation and Development",
    );
    defines(
        "Funding came from the National Astronomy Administration (NASTA).",
        "NASTA",
        "National Astronomy Administration",
    );
}

#[test]
fn letters_out_of_order_when_the_initials_are_clear() {
    defines(
        "Fighters of the Free Levant Army (LFA) withdrew.",
        "LFA",
        "Free Levant Army",
    );
}

#[test]
fn short_form_used_after_a_capitalised_long_form() {
    let article = read(
        "The figures came from the Harbour Statistics Office.\n\nAccording to the HSO, traffic fell by a third.",
    );
    assert_eq!(
        pairs(&article),
        vec![("HSO".into(), "Harbour Statistics Office".into())]
    );
    assert_eq!(
        marked(&article),
        vec![("HSO".into(), Some("Harbour Statistics Office".into()))]
    );
}

#[test]
fn marks_the_definition_and_later_uses_but_not_earlier_ones() {
    let article = read(
        "The PFC was mentioned early.\n\nThe Pacific Fisheries Council (PFC) met. The PFC's chair spoke.\n\nLater the PFC voted, but PFCX is another word.",
    );
    let texts: Vec<String> = marked(&article).into_iter().map(|(t, _)| t).collect();
    assert_eq!(texts, vec!["PFC", "PFC", "PFC"]);
    assert!(marked(&article)
        .iter()
        .all(|(_, d)| d.as_deref() == Some("Pacific Fisheries Council")));
    // The span is exactly the short form, in the paragraph where it stands.
    let second = &article.blocks[1].text;
    assert!(second.contains("(PFC)"));
}

#[test]
fn each_definition_once_in_order() {
    let article = read(
        "The Coastal Recovery Board (CRB) and the Pacific Fisheries Council (PFC) met.\n\nThe Coastal Recovery Board (CRB) met again.",
    );
    let shorts: Vec<String> = article
        .abbreviations
        .iter()
        .map(|a| a.short.clone())
        .collect();
    assert_eq!(shorts, vec!["CRB", "PFC"]);
}

#[test]
fn parentheticals_that_are_not_definitions() {
    for body in [
        "WASHINGTON (AP) — Lawmakers met on Tuesday.",
        "The minister (pictured) arrived late.",
        "Senator Dana Ortiz (R-Texas) objected.",
        "Representative Lee Park (D-Calif.) agreed.",
        "Representative Nora Young (R-NY) agreed.",
        "Shares of Lumen Tesla (TSLA) rose.",
        "The meeting ended at noon (GMT).",
        "The plan runs to the end of the decade (2025).",
        "The mayor (right) greets the ambassador (left).",
        "A flooded road near the harbour (file).",
        "The statement (in Korean) was brief.",
        "The council raised (£5m) for repairs.",
        "Details of the scheme (see below) are sparse.",
        "They sat at the camp (AP) for hours.",
    ] {
        defines_nothing(body);
    }
}

#[test]
fn a_known_short_form_without_a_long_form_is_not_defined() {
    defines_nothing("The UN said the NATO summit would go ahead, the BBC reported.");
}

#[test]
fn mixed_case_short_form_before_a_listed_long_form() {
    defines(
        "Its Pret (payroll, rent, energy and taxes) rose again.",
        "Pret",
        "payroll, rent, energy and taxes",
    );
}

#[test]
fn lowercase_prefixed_short_form() {
    defines(
        "Using mRNA (messenger ribonucleic acid) vaccines, the lab worked fast.",
        "mRNA",
        "messenger ribonucleic acid",
    );
}

#[test]
fn long_form_trimmed_to_the_words_the_letters_open() {
    defines(
        "The crews inspected pipes feeding 12 stormwater retention basins (SRBs) in the valley.",
        "SRBs",
        "stormwater retention basins",
    );
}

#[test]
fn one_word_long_form_with_or() {
    defines(
        "Levels of polychlorobiphenyls, or PCBs, were high.",
        "PCBs",
        "polychlorobiphenyls",
    );
}

#[test]
fn word_short_form_after_a_foreign_name() {
    defines(
        "The Federación Unida de Mineros Andinos (Fumand) called a strike.",
        "Fumand",
        "Federación Unida de Mineros Andinos",
    );
}

#[test]
fn capitalised_words_in_brackets_that_are_not_short_forms() {
    for body in [
        "Senator Lena Varga (Ohio) objected.",
        "The ship sailed from the old harbour of Tarvik (Norway) at dawn.",
        "Her brother (Tomas) and the crew stayed on board.",
        "The dockworkers (Union members, mostly) walked out.",
        "Revenue rose at Ortega Holdings (Ortega) this year.",
    ] {
        defines_nothing(body);
    }
}

#[test]
fn a_dotted_short_form_keeps_its_last_stop_and_a_department_its_head() {
    defines(
        "The ruling found that the Tarvik Valley Transit Authority, or T.V.T.A., skipped a review.",
        "T.V.T.A.",
        "Tarvik Valley Transit Authority",
    );
    defines(
        "The state Department of Housing and Community Development (H.C.D.) wrote to the city.",
        "H.C.D.",
        "Department of Housing and Community Development",
    );
}

#[test]
fn a_long_form_may_list_words_with_commas() {
    defines(
        "The Ministry of Fisheries, Ports and Coasts (MoFPC) approved the plan.",
        "MoFPC",
        "Ministry of Fisheries, Ports and Coasts",
    );
    defines_nothing("The mayor, who arrived late, blamed the bus (AP).");
}
