//! Sources, quotes, speakers and attributions.
//!
//! One pass over the units in reading order, sentence by sentence: names are read and bound to
//! people and organizations as the text introduces them ([`people`]), quotations are found per
//! paragraph ([`quotes`]) and given a speaker from their sentence ([`speakers`]), and attributions
//! without quotation marks are marked ([`attributions`]). Everything is local to a sentence or a
//! short history of recent mentions, so the work grows linearly with the article.

mod attributions;
mod people;
mod quotes;
mod registry;
mod speakers;
mod tokens;
mod words;

use std::collections::{HashMap, HashSet};

use super::{Mark, Unit, UnitKind};
use crate::{Abbreviation, Citation, CitationKind, Source, SourceKind};
use people::{Registry, Sentence};
use speakers::Who;

/// What the speech analysis finds.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct SpeechFindings {
    pub sources: Vec<Source>,
    pub marks: Vec<Mark>,
    pub warnings: Vec<String>,
}

/// A mark whose source is still an entity index.
struct Pending {
    unit: usize,
    start: usize,
    end: usize,
    kind: CitationKind,
    text: String,
    entity: Option<usize>,
    cue: Option<String>,
    /// Quotations running over several paragraphs share a group.
    group: Option<usize>,
    scare: bool,
    /// A quotation standing alone in its paragraph, its speaker carried over from before.
    alone: bool,
    /// Nothing in its sentence named the speaker (carried over, if any).
    carried: bool,
}

/// Finds quotations, attributions, mentions and the sources they point at.
pub(crate) fn find(units: &[Unit], abbreviations: &[Abbreviation]) -> SpeechFindings {
    let mut warnings = Vec::new();
    let spans = quotes::scan(units, &mut warnings);
    let singles_primary = quotes::singles_are_primary(units);
    let mut reg = Registry::new(abbreviations);
    let tokenized: Vec<Vec<tokens::Tok>> =
        units.iter().map(|u| tokens::tokenize(&u.text)).collect();
    for (unit, toks) in units.iter().zip(&tokenized) {
        reg.note_names_ahead(&unit.text, toks);
    }
    let mut pending: Vec<Pending> = Vec::new();
    let mut metonyms: Vec<(usize, String)> = Vec::new();
    let mut previous: Option<(usize, Who)> = None;
    let mut groups = 0;
    let mut open_group: Option<usize> = None;

    for (u, unit) in units.iter().enumerate() {
        let text = unit.text.as_str();
        let Some(toks) = tokenized.get(u) else {
            continue;
        };
        let unit_spans = spans.get(u).map_or(&[][..], Vec::as_slice);
        let ranges: Vec<(usize, usize)> = unit_spans.iter().map(|q| (q.start, q.end)).collect();
        for (ss, se) in bound_sentences(text, tokens::sentences(text, &ranges), &ranges) {
            let first = toks.partition_point(|t| t.start < ss);
            let after_last = toks.partition_point(|t| t.start < se);
            // Quotations are in order: find this sentence's by binary search, not by a scan of the
            // paragraph's quotations for every sentence.
            let from = unit_spans.partition_point(|q| q.start < ss);
            let to = unit_spans.partition_point(|q| q.start < se);
            let quotes_here: Vec<&quotes::QuoteSpan> =
                unit_spans.get(from..to).unwrap_or(&[]).iter().collect();
            if after_last <= first && quotes_here.is_empty() {
                continue;
            }
            let s = Sentence {
                unit: u,
                text,
                toks,
                first,
                last: after_last.saturating_sub(1).max(first),
                end: se,
                quotes: &ranges,
            };
            let has_words = after_last > first;
            reg.apply_gender_hints();
            let mentions = if has_words && unit.kind != UnitKind::Heading {
                people::scan_sentence(&mut reg, &s)
            } else {
                Vec::new()
            };
            for m in mentions.iter().filter(|m| m.metonym) {
                let prev_ok =
                    !matches!(s.before(m.first_tok), Some(p) if words::is_preposition(&p));
                if prev_ok && !m.possessive && speakers::followed_by_predicate(&s, m.last_tok) {
                    if let Some(surface) = text.get(m.start..m.end) {
                        metonyms.push((m.entity, surface.to_string()));
                    }
                }
            }
            let mut used_verbs = Vec::new();
            let mut speakers_here = Vec::new();
            for q in quotes_here {
                let prev_who = previous
                    .as_ref()
                    .filter(|(pu, _)| u <= pu + 1)
                    .map(|(_, w)| w);
                let resolved = if has_words {
                    speakers::resolve(&reg, &s, &mentions, q, ss, prev_who)
                } else {
                    speakers::Resolved {
                        who: prev_who.cloned(),
                        alone: true,
                        ..Default::default()
                    }
                };
                if let Some(v) = resolved.verb {
                    used_verbs.push(v);
                }
                let group = if q.continued || q.continues {
                    let g = match (q.continued, open_group) {
                        (true, Some(g)) => g,
                        _ => {
                            groups += 1;
                            groups
                        }
                    };
                    open_group = q.continues.then_some(g);
                    Some(g)
                } else {
                    None
                };
                let entity = resolved
                    .who
                    .as_ref()
                    .map(|w| entity_of(&mut reg, w, u, q.start));
                if let Some(w) = &resolved.who {
                    previous = Some((u, w.clone()));
                    speakers_here.push(w.clone());
                }
                pending.push(Pending {
                    unit: u,
                    start: q.start,
                    end: q.end,
                    kind: CitationKind::Quote,
                    // A comma inside the closing mark is punctuation of the sentence, not words.
                    text: text
                        .get(q.inner_start..q.inner_end)
                        .unwrap_or("")
                        .trim_end_matches(',')
                        .to_string(),
                    entity,
                    cue: resolved.cue,
                    group,
                    scare: resolved.scare,
                    alone: resolved.alone
                        && text.trim().len() == q.end.saturating_sub(q.start)
                        && !q.continued,
                    carried: resolved.alone,
                });
                // Words quoted inside the quotation: whose they are, the text seldom says — but
                // "I told him, ‘…’" quotes the speaker.
                for n in quotes::nested(text, q, singles_primary) {
                    let lead = text.get(q.inner_start..n.start).unwrap_or("");
                    let own = quotes_themselves(lead);
                    pending.push(Pending {
                        unit: u,
                        start: n.start,
                        end: n.end,
                        kind: CitationKind::Quote,
                        text: text
                            .get(n.inner_start..n.inner_end)
                            .unwrap_or("")
                            .trim_end_matches(',')
                            .to_string(),
                        entity: if own { entity } else { None },
                        cue: None,
                        group: None,
                        scare: !own,
                        alone: false,
                        carried: false,
                    });
                }
            }
            if has_words {
                for f in attributions::find(&reg, &s, &mentions, &used_verbs, &speakers_here) {
                    let e = entity_of(&mut reg, &f.who, u, f.start);
                    // "X said the … . “…”": a quotation standing alone next continues X's words.
                    if f.cue != "according to" {
                        previous = Some((u, f.who.clone()));
                    }
                    pending.push(Pending {
                        unit: u,
                        start: f.start,
                        end: f.end,
                        kind: CitationKind::Attribution,
                        text: text.get(f.start..f.end).unwrap_or("").to_string(),
                        entity: Some(e),
                        cue: Some(f.cue),
                        group: None,
                        scare: false,
                        alone: false,
                        carried: false,
                    });
                }
            }
        }
    }
    speakers_introduced_next(&reg, &mut pending);
    share_group_speakers(&mut pending);
    finish(reg, pending, metonyms, warnings)
}

/// The longest stretch of text read as one sentence, in bytes. The speaker of a quotation is
/// looked for in its whole sentence, so a "sentence" without end (text with no full stops, or
/// thousands of quotations in a row) would make the work grow with the square of its length.
const MAX_SENTENCE_BYTES: usize = 2000;

/// Cuts sentences longer than [`MAX_SENTENCE_BYTES`] at the first space after the limit that is not
/// inside a quotation (`quotes`: disjoint, in order).
fn bound_sentences(
    text: &str,
    sentences: Vec<(usize, usize)>,
    quotes: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    if sentences.iter().all(|&(s, e)| e - s <= MAX_SENTENCE_BYTES) {
        return sentences;
    }
    let mut out = Vec::with_capacity(sentences.len());
    for (mut start, end) in sentences {
        while end - start > MAX_SENTENCE_BYTES {
            let mut cut = start + MAX_SENTENCE_BYTES;
            // Past the quotation the limit falls in, if any.
            let after = quotes.partition_point(|&(qs, _)| qs <= cut);
            if let Some(&(_, qe)) = after.checked_sub(1).and_then(|i| quotes.get(i)) {
                cut = cut.max(qe);
            }
            while cut < end && !text.is_char_boundary(cut) {
                cut += 1;
            }
            let space = text
                .get(cut..end)
                .and_then(|rest| rest.find(char::is_whitespace))
                .map(|p| cut + p);
            match space {
                Some(at) if at > start => {
                    out.push((start, at));
                    start = at;
                }
                _ => break,
            }
        }
        out.push((start, end));
    }
    out
}

/// The runs of letters and digits in `text`.
fn alphanumeric_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Whether `words` occurs in `text` as whole words.
fn contains_words(text: &str, words: &str) -> bool {
    text.match_indices(words).any(|(i, _)| {
        let before = text.get(..i).and_then(|b| b.chars().next_back());
        let after = text.get(i + words.len()..).and_then(|a| a.chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The entity for a speaker; an unnamed source becomes one on first use.
fn entity_of(reg: &mut Registry, who: &Who, unit: usize, at: usize) -> usize {
    match who {
        Who::Entity(e) => *e,
        Who::Unnamed(phrase) => {
            // "the report said", "its annual report found": the organization that wrote it.
            if is_document_phrase(phrase) {
                let org = |e: &people::Entity| {
                    matches!(e.kind, SourceKind::Organization | SourceKind::Publication)
                        && !e.country
                };
                // "a council report": the council named before; "the report" again is the same
                // report as before.
                let bare = |w: &str| w.trim_end_matches("'s").trim_end_matches("’s").to_string();
                let by_head = phrase
                    .split_whitespace()
                    .filter_map(|w| words::organization_head(&bare(w).to_lowercase()))
                    .find(|h| !matches!(*h, "*" | "+" | "#"))
                    .and_then(|h| reg.find_by_head(h, (unit, at)))
                    // "a UNESCO report": the organization a short form stands for.
                    .or_else(|| {
                        phrase
                            .split_whitespace()
                            .map(bare)
                            .filter(|w| w.len() >= 2 && w.chars().all(|c| c.is_uppercase()))
                            .find_map(|w| reg.find_abbreviation(&w))
                    });
                if let Some(e) =
                    by_head.or_else(|| reg.document_author.or_else(|| reg.recent((unit, at), org)))
                {
                    reg.document_author = Some(e);
                    reg.record((unit, at), e);
                    return e;
                }
            }
            // "the spokesperson": the unnamed source last introduced with that noun ("a
            // spokesperson for X").
            // "one of the people said": one of the group introduced before.
            if let Some(group) = phrase
                .strip_prefix("one of the ")
                .or_else(|| phrase.strip_prefix("One of the "))
                .filter(|g| !g.contains(' '))
            {
                if let Some(e) = reg.recent((unit, at), |e| {
                    e.kind == SourceKind::Unnamed && e.tokens.iter().any(|t| t == group)
                }) {
                    reg.record((unit, at), e);
                    return e;
                }
            }
            // "The senior European official" for "a senior European official": its words too.
            if let Some(described) = phrase
                .strip_prefix("the ")
                .or_else(|| phrase.strip_prefix("The "))
                .filter(|n| n.split_whitespace().count() <= 4)
            {
                let ws: Vec<&str> = described.split_whitespace().collect();
                let noun = ws.last().copied().unwrap_or("");
                // "the people" for "three people familiar with the matter": a group.
                let group = ws.len() == 1 && (noun.ends_with('s') || noun == "people");
                if let Some(e) = reg.recent((unit, at), |e| {
                    e.kind == SourceKind::Unnamed
                        && (unnamed_head(&e.tokens) == Some(noun)
                            || group
                                && e.tokens.len() > 1
                                && e.tokens
                                    .get(1..)
                                    .is_some_and(|rest| rest.iter().take(3).any(|t| t == noun)))
                        && ws.iter().all(|w| e.tokens.iter().any(|t| t == w))
                }) {
                    reg.record((unit, at), e);
                    return e;
                }
            }
            let (name, role) = speakers::split_unnamed(phrase, |w| reg.is_name_word(w));
            let e = reg.get_or_add(&name, SourceKind::Unnamed, (unit, at, at + phrase.len()));
            if let Some(ent) = reg.entities.get_mut(e) {
                if ent.role.is_none() {
                    ent.role = role;
                }
            }
            // A pronoun may refer back to it ("“…,” she said").
            reg.record((unit, at), e);
            e
        }
    }
}

/// Whether the words before a nested quotation end with the speaker quoting themselves ("I told
/// him, ", "I said: ").
fn quotes_themselves(lead: &str) -> bool {
    let tail: String = lead
        .trim_end()
        .trim_end_matches([',', ':'])
        .rsplit(['.', '?', '!', '“', '‘', '"'])
        .next()
        .unwrap_or("")
        .to_lowercase();
    let words: Vec<&str> = tail.split_whitespace().collect();
    words.iter().rposition(|w| *w == "i").is_some_and(|i| {
        words.get(i + 1).is_some_and(|v| {
            matches!(
                *v,
                "told"
                    | "tell"
                    | "said"
                    | "say"
                    | "asked"
                    | "ask"
                    | "wrote"
                    | "replied"
                    | "thought"
            )
        }) && words.len() - i <= 4
    })
}

/// "the report", "its half-year report", "the study": a document standing for its authors.
fn is_document_phrase(phrase: &str) -> bool {
    let lower = phrase.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    // "the report", "the council's equality impact assessment", "a UNESCO report published
    // after the visit": a document noun among the first words after the determiner.
    words.len() <= 8
        && matches!(*first, "the" | "its" | "their" | "this" | "a" | "an")
        && words.iter().skip(1).take(4).any(|w| {
            matches!(
                *w,
                "report"
                    | "study"
                    | "statement"
                    | "letter"
                    | "filing"
                    | "analysis"
                    | "assessment"
                    | "review"
                    | "survey"
                    | "paper"
                    | "note"
                    | "document"
                    | "audit"
                    | "estimate"
                    | "guidance"
                    | "submission"
                    | "testimony"
                    | "memo"
                    | "judgment"
                    | "ruling"
            )
        })
}

/// The noun heading an unnamed source's words: "official" in "a senior official in the
/// governor's office", "spokeswoman" in "a spokeswoman".
fn unnamed_head(tokens: &[String]) -> Option<&str> {
    let singular = tokens.first().is_some_and(|w| {
        matches!(
            w.as_str(),
            "a" | "an" | "one" | "another" | "A" | "An" | "One"
        )
    });
    if !singular {
        return None;
    }
    let mut head = None;
    for t in tokens.iter().skip(1) {
        if matches!(
            t.as_str(),
            "for"
                | "at"
                | "of"
                | "from"
                | "with"
                | "in"
                | "on"
                | "near"
                | "who"
                | "familiar"
                | "close"
        ) {
            break;
        }
        head = Some(t.as_str());
    }
    head
}

/// "“The yen did us no favours.”" then a paragraph opening "Finance chief NAME said …": a
/// quotation standing alone before a paragraph that introduces a new person is that person's.
fn speakers_introduced_next(reg: &Registry, pending: &mut [Pending]) {
    let mut introduced: HashMap<usize, usize> = HashMap::new();
    for (i, e) in reg.entities.iter().enumerate() {
        let (unit, start, _) = e.first;
        if e.kind == SourceKind::Person && start < 80 {
            introduced.entry(unit).or_insert(i);
        }
    }
    for p in pending.iter_mut().filter(|p| p.alone && p.group.is_none()) {
        // Not when the last speaker was just named: "“…,” A said. / “More.” / B, a rival, …".
        let carried_from_before = p.unit > 0
            && p.entity
                .is_some_and(|e| reg.mentioned_in(e, p.unit - 1) || reg.mentioned_in(e, p.unit));
        if let (Some(&e), false) = (introduced.get(&(p.unit + 1)), carried_from_before) {
            p.entity = Some(e);
        }
    }
}

/// Every piece of a quotation that runs over several paragraphs gets the speaker found for any.
/// The speaker named in a piece's own sentence wins over one carried over from before (a
/// quotation over three paragraphs usually names its speaker in the last).
fn share_group_speakers(pending: &mut [Pending]) {
    let mut named: HashMap<usize, usize> = HashMap::new();
    let mut carried: HashMap<usize, usize> = HashMap::new();
    for p in pending.iter() {
        if let (Some(g), Some(e)) = (p.group, p.entity) {
            let map = if p.carried { &mut carried } else { &mut named };
            map.entry(g).or_insert(e);
        }
    }
    for p in pending.iter_mut() {
        let Some(g) = p.group else { continue };
        if p.scare {
            continue;
        }
        if let Some(&e) = named.get(&g) {
            if p.entity.is_none() || p.carried {
                p.entity = Some(e);
            }
        } else if p.entity.is_none() {
            p.entity = carried.get(&g).copied();
        }
    }
}

/// Lists the sources (cited, or named with a role), numbers them in order of first appearance,
/// adds mention marks for people named with a role but not cited, and writes the marks.
fn finish(
    mut reg: Registry,
    pending: Vec<Pending>,
    metonyms: Vec<(usize, String)>,
    warnings: Vec<String>,
) -> SpeechFindings {
    for p in &pending {
        if let Some(e) = p.entity.and_then(|e| reg.entities.get_mut(e)) {
            e.cited = true;
        }
    }
    for (e, surface) in metonyms {
        if reg.entities.get(e).is_some_and(|e| e.cited && e.country) {
            reg.add_alias(e, &surface);
        }
    }
    let mut listed: Vec<usize> = (0..reg.entities.len())
        .filter(|&i| {
            let e = &reg.entities[i];
            e.cited
                || (e.role.is_some() && e.kind == SourceKind::Person)
                // A publication the text names is a source of what it reports.
                || e.kind == SourceKind::Publication
        })
        .collect();
    // An organization named in a listed person's role ("Brisk Dairy's managing director") is
    // a source too: the popup of the role can point at it.
    let roles: Vec<String> = listed
        .iter()
        .filter_map(|&i| reg.entities.get(i))
        .filter(|e| e.kind == SourceKind::Person)
        .filter_map(|e| e.role.clone())
        .collect();
    // Which roles hold a word, so that each organization is checked against the few roles that
    // could name it rather than against all of them.
    let mut roles_with_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for (r, role) in roles.iter().enumerate() {
        for word in alphanumeric_words(role) {
            let holders = roles_with_word.entry(word).or_default();
            if holders.last() != Some(&r) {
                holders.push(r);
            }
        }
    }
    let in_a_role = |phrase: &str| {
        alphanumeric_words(phrase)
            .next()
            .and_then(|first| roles_with_word.get(first))
            .is_some_and(|holders| {
                holders
                    .iter()
                    .filter_map(|&r| roles.get(r))
                    .any(|role| contains_words(role, phrase))
            })
    };
    let mut is_listed: HashSet<usize> = listed.iter().copied().collect();
    for (i, e) in reg.entities.iter().enumerate() {
        if e.kind != SourceKind::Organization || e.country || is_listed.contains(&i) {
            continue;
        }
        // The full name of two words or more, or a short form ("KDF", "W.T.C.").
        let short = |a: &&String| {
            a.chars().filter(|c| c.is_uppercase()).count() >= 2
                && a.chars().all(|c| c.is_uppercase() || c == '.')
        };
        // "the harbor board" of "Tessel Harbor Board"
        let described = |a: &&String| a.starts_with("the ") && a.split(' ').count() >= 3;
        let named = (e.tokens.len() >= 2 && in_a_role(&e.name))
            || e.aliases.iter().filter(short).any(|n| in_a_role(n))
            || e.aliases
                .iter()
                .filter(described)
                .any(|n| in_a_role(n.trim_start_matches("the ")));
        if named {
            listed.push(i);
            is_listed.insert(i);
        }
    }
    listed.sort_by_key(|&i| reg.entities[i].first);
    let position: HashMap<usize, usize> = listed.iter().enumerate().map(|(n, &e)| (e, n)).collect();
    let id_of = |e: usize| position.get(&e).map(|n| format!("s{}", n + 1));
    let mut marks: Vec<Mark> = pending
        .into_iter()
        .map(|p| Mark {
            unit: p.unit,
            start: p.start,
            end: p.end,
            citation: Citation {
                id: String::new(),
                kind: p.kind,
                text: p.text,
                source: p.entity.and_then(id_of),
                cue: p.cue,
                detail: None,
            },
        })
        .collect();
    for &i in &listed {
        let e = &reg.entities[i];
        if !e.cited {
            let (unit, start, end) = e.first;
            marks.push(Mark {
                unit,
                start,
                end,
                citation: Citation {
                    id: String::new(),
                    kind: CitationKind::Mention,
                    text: e.name.clone(),
                    source: id_of(i),
                    cue: None,
                    detail: None,
                },
            });
        }
    }
    let sources = listed
        .iter()
        .enumerate()
        .map(|(n, &i)| {
            let e = &reg.entities[i];
            Source {
                id: format!("s{}", n + 1),
                name: e.name.clone(),
                kind: e.kind,
                role: e.role.clone(),
                aliases: e.aliases.clone(),
            }
        })
        .collect();
    SpeechFindings {
        sources,
        marks,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs the speech analysis over invented paragraphs.
    fn analyze(paragraphs: &[&str]) -> SpeechFindings {
        let units: Vec<Unit> = paragraphs
            .iter()
            .map(|p| Unit {
                text: (*p).to_string(),
                kind: UnitKind::Paragraph,
            })
            .collect();
        let (abbreviations, _) = super::super::abbreviations::find(&units, &[]);
        find(&units, &abbreviations)
    }

    fn source<'a>(f: &'a SpeechFindings, name: &str) -> Option<&'a Source> {
        f.sources.iter().find(|s| s.name == name)
    }

    /// (kind, text, speaker name) of every citation, in the order found.
    fn said(f: &SpeechFindings) -> Vec<(CitationKind, String, Option<String>)> {
        f.marks
            .iter()
            .map(|m| {
                let name = m.citation.source.as_ref().and_then(|id| {
                    f.sources
                        .iter()
                        .find(|s| &s.id == id)
                        .map(|s| s.name.clone())
                });
                (m.citation.kind, m.citation.text.clone(), name)
            })
            .collect()
    }

    fn speaker_of(f: &SpeechFindings, quote_start: &str) -> Option<String> {
        said(f)
            .into_iter()
            .find(|(k, t, _)| *k == CitationKind::Quote && t.starts_with(quote_start))
            .and_then(|(_, _, s)| s)
    }

    #[test]
    fn single_quotation_marks_carry_speakers_in_british_style() {
        let f = analyze(&[
            "Deputy Mayor Ottilie Brannagh visited the depot on Friday.",
            "'The buses will run by spring,' Ms Brannagh said. 'The drivers' rota is settled.'",
            "Transport chief Ambrose Quillfeather was less sure.",
            "'We shall see,' Mr Quillfeather said.",
        ]);
        assert_eq!(
            speaker_of(&f, "We shall see").as_deref(),
            Some("Ambrose Quillfeather")
        );
        assert_eq!(
            speaker_of(&f, "The buses will run by spring").as_deref(),
            Some("Ottilie Brannagh")
        );
        assert_eq!(
            speaker_of(&f, "The drivers' rota is settled.").as_deref(),
            Some("Ottilie Brannagh")
        );
    }

    #[test]
    fn a_british_honorific_without_a_full_stop_is_not_part_of_the_name() {
        let f = analyze(&[
            "Dr Perpetua Vansittart, a geologist at the Orrin Institute, said the cliff was \"moving\".",
        ]);
        assert_eq!(
            speaker_of(&f, "moving").as_deref(),
            Some("Perpetua Vansittart")
        );
    }

    #[test]
    fn short_forms_of_double_surnames_and_patronymic_names() {
        let f = analyze(&[
            "Senator Tomás Ignacio Valderrama Cruz of the Green Bloc opposed the dam.",
            "“It floods three valleys,” Valderrama said.",
            "The fund's head, Sheikh Mansour bin Rashid al-Qassimi, backed it.",
            "“We are patient investors,” Sheikh Mansour said.",
        ]);
        assert_eq!(
            speaker_of(&f, "It floods").as_deref(),
            Some("Tomás Ignacio Valderrama Cruz")
        );
        assert_eq!(
            speaker_of(&f, "We are patient").as_deref(),
            Some("Mansour bin Rashid al-Qassimi")
        );
    }

    #[test]
    fn a_parenthetical_after_the_name_and_an_inverted_said() {
        let f = analyze(&[
            "Wendell Oakhurst, the councillor for Brimley and Sedge Vale (pictured), said the plan was \"reckless\".",
            "Said Oakhurst: \"Nobody asked us.\"",
        ]);
        assert_eq!(
            speaker_of(&f, "reckless").as_deref(),
            Some("Wendell Oakhurst")
        );
        assert_eq!(
            speaker_of(&f, "Nobody asked us.").as_deref(),
            Some("Wendell Oakhurst")
        );
    }

    #[test]
    fn the_first_word_of_a_longer_organization_name_refers_back_to_it() {
        let f = analyze(&[
            "The council blamed its builder, Quillmoor Marine Engineering, for the delay.",
            "Quillmoor said it had \"met every deadline\" set.",
        ]);
        assert_eq!(
            speaker_of(&f, "met every deadline").as_deref(),
            Some("Quillmoor Marine Engineering")
        );
    }

    #[test]
    fn a_document_speaks_for_the_organization_that_wrote_it() {
        let f = analyze(&[
            "The audit, carried out by the Dunmere Water Board, found what the report calls \"chronic neglect\".",
            "The board's review, published in March, says repairs were \"patchy\".",
        ]);
        assert_eq!(
            speaker_of(&f, "chronic neglect").as_deref(),
            Some("Dunmere Water Board")
        );
        assert_eq!(
            speaker_of(&f, "patchy").as_deref(),
            Some("Dunmere Water Board")
        );
    }

    #[test]
    fn a_spokesperson_for_a_lowercase_organization_and_the_spokesperson_later() {
        let f = analyze(&[
            "A spokesperson for Dunmere borough council said the council had \"listened carefully\" to residents.",
            "\"We will publish the plans,\" the spokesperson added.",
            "The spokesperson said the work would be \"finished soon\".",
        ]);
        for quote in ["listened carefully", "We will publish", "finished soon"] {
            assert_eq!(
                speaker_of(&f, quote).as_deref(),
                Some("a spokesperson for Dunmere borough council"),
                "{quote}"
            );
        }
        let role =
            source(&f, "a spokesperson for Dunmere borough council").and_then(|s| s.role.clone());
        assert!(role.is_some_and(|r| r.contains("Dunmere borough council")));
    }

    #[test]
    fn a_role_before_the_name_after_a_quotation() {
        let f = analyze(&[
            "“We will build it here,” Tarsel's chief financial officer, Ilka Dorsen, said on Monday.",
            "“The bridge is safe,” the county's engineer, Bo Strandell, told reporters.",
        ]);
        assert_eq!(
            speaker_of(&f, "We will build").as_deref(),
            Some("Ilka Dorsen")
        );
        assert_eq!(
            speaker_of(&f, "The bridge").as_deref(),
            Some("Bo Strandell")
        );
        let role = source(&f, "Ilka Dorsen").and_then(|s| s.role.clone());
        assert!(role.is_some_and(|r| r.contains("chief financial officer")));
    }

    #[test]
    fn a_pronoun_after_a_role_first_apposition_and_a_name_in_parentheses() {
        let f = analyze(&[
            "Miravel Foods' managing director, Petra Sund, said the plan was ready. “We listened to farmers,” she said.",
            "The lender's chief executive, Tor Vikane (pictured), told a trade paper that rates would rise. “The numbers are clear,” Mr. Vikane said.",
        ]);
        assert_eq!(speaker_of(&f, "We listened").as_deref(), Some("Petra Sund"));
        assert_eq!(speaker_of(&f, "The numbers").as_deref(), Some("Tor Vikane"));
        assert!(source(&f, "Vikane").is_none());
        assert!(f
            .sources
            .iter()
            .all(|s| s.kind != SourceKind::Person || s.name != "Miravel Foods"));
    }

    #[test]
    fn an_apposition_before_a_phrase_quoted_in_the_clause() {
        let f = analyze(&[
            "The pact is run by the Western Timber Council (W.T.C.), a trade body of six states.",
            "A W.T.C. spokesman, Arno Kessel, said the council's members had “no reason to worry.”",
        ]);
        assert_eq!(
            speaker_of(&f, "no reason to worry").as_deref(),
            Some("Arno Kessel")
        );
        let council = source(&f, "Western Timber Council");
        assert!(council.is_some_and(|s| s.aliases.iter().any(|a| a == "W.T.C.")));
    }

    #[test]
    fn a_statement_from_an_organization_is_the_organization_s() {
        let f = analyze(&[
            "The Harbour Ministry refused to comment on Monday.",
            "According to a statement from the ministry, 40 berths are closed.",
        ]);
        assert!(said(&f)
            .iter()
            .any(|(k, _, s)| *k == CitationKind::Attribution
                && s.as_deref() == Some("Harbour Ministry")));
    }

    #[test]
    fn a_qualified_lowercase_organization_is_an_organization() {
        let f = analyze(&[
            "The border reopened on Sunday, according to the Miravian interior ministry.",
            "The ministry said 300 trucks had crossed by noon.",
        ]);
        let org = source(&f, "Miravian interior ministry");
        assert_eq!(org.map(|s| s.kind), Some(SourceKind::Organization));
        assert!(org.is_some_and(|s| s.aliases.iter().any(|a| a == "the ministry")));
    }

    #[test]
    fn an_age_description_and_an_attribution_carry_the_speaker() {
        let f = analyze(&[
            "“The lake was brown,” said Omar Lindahl, a boatman.",
            "Rosa Tevel, who ran the cleanup, said the work had paid off. “We were mocked,” the 68-year-old said.",
            "Nadia Kroll said the lake was now clear.",
            "“Children swim here again.”",
        ]);
        assert_eq!(
            speaker_of(&f, "We were mocked").as_deref(),
            Some("Rosa Tevel")
        );
        assert_eq!(
            speaker_of(&f, "Children swim").as_deref(),
            Some("Nadia Kroll")
        );
    }

    #[test]
    fn a_survey_published_by_an_organization_is_its() {
        let f = analyze(&[
            "Otters are back, according to a survey published on Monday by the Fenwick Wildlife Trust.",
        ]);
        assert!(said(&f)
            .iter()
            .any(|(k, _, s)| *k == CitationKind::Attribution
                && s.as_deref() == Some("Fenwick Wildlife Trust")));
    }

    #[test]
    fn a_company_name_as_a_modifier_of_an_unnamed_source() {
        let f = analyze(&[
            "Two carriers, Tessby and Marlow Express, said they would cut routes.",
            "“Nothing is decided,” a Tessby manager said.",
        ]);
        assert_eq!(
            speaker_of(&f, "Nothing is decided").as_deref(),
            Some("a Tessby manager")
        );
        assert_eq!(
            source(&f, "Marlow Express").map(|s| s.kind),
            Some(SourceKind::Organization)
        );
    }

    #[test]
    fn a_name_after_a_possessive_and_two_coordinated_banks() {
        let f = analyze(&[
            "Alder Savings and Westby Bank said on Monday they would merge.",
            "“It is a good fit,” Westby's Oda Lunde said.",
            "“We have seen this before,” the union's Rolf Iversen said.",
        ]);
        assert_eq!(
            speaker_of(&f, "It is a good fit").as_deref(),
            Some("Oda Lunde")
        );
        assert_eq!(
            speaker_of(&f, "We have seen").as_deref(),
            Some("Rolf Iversen")
        );
        assert!(source(&f, "Westby Bank").is_some());
        assert!(source(&f, "Alder Savings and Westby Bank").is_none());
    }

    #[test]
    fn a_title_in_lowercase_before_the_name_after_the_verb() {
        let f = analyze(&[
            "Lena Sorb, a spokeswoman, said the talks were over.",
            "“It is a step backwards,” said opposition leader Arvo Kask.",
            "The trade ministry of Valmark said in a statement that tariffs would stay.",
        ]);
        assert_eq!(speaker_of(&f, "It is a step").as_deref(), Some("Arvo Kask"));
        assert_eq!(
            source(&f, "trade ministry of Valmark").map(|s| s.kind),
            Some(SourceKind::Organization)
        );
    }

    #[test]
    fn a_definite_description_is_not_the_sentence_s_own_subject() {
        let f = analyze(&[
            "The tariff plan of the Grid Pricing Board (GPB) was approved on Monday.",
            "The Tenants Council, or TC, which sits on the regulator's panel, said the rise was unfair.",
            "“Rents will rise by 2%,” the regulator said.",
            "Funds go to the Ministry of Ports (MoP). The MoP said nothing.",
        ]);
        let council = source(&f, "Tenants Council");
        assert!(council.is_some_and(|s| !s.aliases.iter().any(|a| a == "the regulator")));
        assert_eq!(
            speaker_of(&f, "Rents will rise").as_deref(),
            Some("Grid Pricing Board")
        );
        let ports = source(&f, "Ministry of Ports");
        assert!(ports.is_some_and(|s| s.aliases.iter().any(|a| a == "MoP")));
    }

    #[test]
    fn one_of_a_plural_source_noun() {
        let f = analyze(&[
            "“Trains are late,” said Prof. Ansa Berglund of Westby University.",
            "Riders were scathing. “It is a disgrace,” one commuter said.",
        ]);
        assert_eq!(
            speaker_of(&f, "It is a disgrace").as_deref(),
            Some("one commuter")
        );
    }

    #[test]
    fn a_definite_description_refers_back_to_the_organization() {
        let f = analyze(&[
            "The Varden Chamber of Industry welcomed the ruling. “It is overdue,” the chamber said in a statement.",
        ]);
        assert_eq!(
            speaker_of(&f, "It is overdue").as_deref(),
            Some("Varden Chamber of Industry")
        );
        let chamber = source(&f, "Varden Chamber of Industry");
        assert!(chamber.is_some_and(|s| s.aliases.iter().any(|a| a == "the chamber")));
    }

    #[test]
    fn organizations_without_an_organization_word_are_not_people() {
        let f = analyze(&[
            "The ferry operator, Nordlys Marine, said sailings would resume. Later the company said it had found “no structural damage.”",
            "Halvik Semiconductor said on Monday it would hire 300 engineers.",
            "Brisa Verde, which runs the city's buses, said fares would stay the same.",
        ]);
        for name in ["Nordlys Marine", "Halvik Semiconductor", "Brisa Verde"] {
            assert_eq!(
                source(&f, name).map(|s| s.kind),
                Some(SourceKind::Organization),
                "{name}"
            );
        }
        assert_eq!(
            speaker_of(&f, "no structural damage").as_deref(),
            Some("Nordlys Marine")
        );
    }

    #[test]
    fn unnamed_sources_keep_the_words_the_text_uses() {
        let f = analyze(&[
            "“I cannot afford it,” said one taxi driver, who asked not to be named.",
            "Port officials said the channel was clear.",
            "A senior diplomat, who spoke on condition of anonymity, said talks had stalled.",
            "A spokeswoman for the Brannock Growers Association said prices would rise.",
            "Wheat futures fell, and a goal some traders called “far too high.”",
        ]);
        assert_eq!(
            speaker_of(&f, "I cannot afford").as_deref(),
            Some("one taxi driver")
        );
        for name in [
            "port officials",
            "a senior diplomat",
            "a spokeswoman for the Brannock Growers Association",
        ] {
            assert_eq!(
                source(&f, name).map(|s| s.kind),
                Some(SourceKind::Unnamed),
                "{name}"
            );
        }
        let role = source(&f, "a spokeswoman for the Brannock Growers Association")
            .and_then(|s| s.role.clone());
        assert!(role.is_some_and(|r| r.contains("Brannock Growers Association")));
        assert_eq!(
            speaker_of(&f, "far too high").as_deref(),
            Some("some traders")
        );
    }

    #[test]
    fn the_official_refers_back_to_the_unnamed_official_introduced_with_a_place() {
        let f = analyze(&[
            "A senior official in the mayor’s office, who spoke on condition of anonymity, said the budget was short.",
            "“We saw this coming,” the official said.",
        ]);
        assert_eq!(
            speaker_of(&f, "We saw this").as_deref(),
            Some("a senior official in the mayor’s office")
        );
    }

    #[test]
    fn a_vietnamese_given_name_on_second_reference() {
        let f = analyze(&[
            "Director of the Tay Son Department of Fisheries Le Van Minh said the catch had halved.",
            "“The boats come back empty,” Minh said.",
        ]);
        assert_eq!(
            speaker_of(&f, "The boats come").as_deref(),
            Some("Le Van Minh")
        );
        let role = source(&f, "Le Van Minh").and_then(|s| s.role.clone());
        assert!(role.is_some_and(|r| r.starts_with("Director of the Tay Son")));
    }

    #[test]
    fn a_long_apposition_with_an_occupation_makes_a_person() {
        let f = analyze(&[
            "The case was brought by Walter Ibsen, a 61-year-old plumber from Dunmore County who drives across the toll bridge twice a day.",
            "“Nobody asked us,” Mr. Ibsen said.",
        ]);
        assert_eq!(
            speaker_of(&f, "Nobody asked").as_deref(),
            Some("Walter Ibsen")
        );
        let role = source(&f, "Walter Ibsen").and_then(|s| s.role.clone());
        assert!(role.is_some_and(|r| r.contains("plumber")));
    }

    #[test]
    fn a_place_before_a_titled_name_is_not_a_person() {
        let f = analyze(&[
            "At the market in Oakridge Town, farmer Ada Mbeki, 40, counted her losses.",
            "“It was a bad year,” Mbeki said.",
        ]);
        assert_eq!(speaker_of(&f, "It was a bad").as_deref(), Some("Ada Mbeki"));
        assert!(source(&f, "Oakridge Town").is_none());
    }

    #[test]
    fn a_quotation_nested_in_a_quotation_is_a_citation_without_speaker() {
        let f = analyze(&[
            "“They keep telling us ‘just wait,’ as if waiting were free,” said Ines Marlow, a baker.",
        ]);
        assert_eq!(
            speaker_of(&f, "They keep telling").as_deref(),
            Some("Ines Marlow")
        );
        let nested = f
            .marks
            .iter()
            .find(|m| m.citation.text == "just wait")
            .expect("the nested quotation is marked");
        assert_eq!(nested.citation.source, None);
    }

    #[test]
    fn a_person_named_without_a_role_is_found_when_quoted_by_surname() {
        let f = analyze(&[
            "When Petra Vollan opened her bakery in 2019, the street had no other shops.",
            "“It was lonely at first,” said Vollan, 44. “Now there are six of us.”",
            "“We look after each other,” she said.",
        ]);
        for quote in ["It was lonely", "Now there are", "We look after"] {
            assert_eq!(
                speaker_of(&f, quote).as_deref(),
                Some("Petra Vollan"),
                "{quote}"
            );
        }
    }

    #[test]
    fn a_company_named_in_full_once_then_by_its_first_word() {
        let f = analyze(&[
            "The unit was bought from Harnvik Metals for 40 million euros.",
            "Harnvik said it would “keep the plant open”.",
        ]);
        assert_eq!(
            speaker_of(&f, "keep the plant").as_deref(),
            Some("Harnvik Metals")
        );
    }

    #[test]
    fn kin_shares_a_surname_and_keeps_their_own_quotes() {
        let f = analyze(&[
            "“The river came up at night,” Ilse ter Horst says.",
            "Her son, Maarten ter Horst, moved the cattle to higher ground.",
            "“I just drove,” he says.",
            "“He never slept,” Ms ter Horst says.",
        ]);
        assert_eq!(
            speaker_of(&f, "The river came").as_deref(),
            Some("Ilse ter Horst")
        );
        assert_eq!(
            speaker_of(&f, "I just drove").as_deref(),
            Some("Maarten ter Horst")
        );
        assert_eq!(
            speaker_of(&f, "He never slept").as_deref(),
            Some("Ilse ter Horst")
        );
    }

    #[test]
    fn titles_of_two_words_particles_at_a_sentence_start_and_reports() {
        let f = analyze(&[
            "Chief Executive Ono Haruki said sales fell.",
            "“We expected worse,” Mr. Ono said.",
            "Coach Pieter van Dalen said his side was “robbed”.",
            "“Never a penalty,” Van Dalen said.",
            "The Tarvik Audit Office published its review on Monday.",
            "“Costs were understated,” the report said.",
        ]);
        assert_eq!(speaker_of(&f, "We expected").as_deref(), Some("Ono Haruki"));
        assert_eq!(
            speaker_of(&f, "Never a penalty").as_deref(),
            Some("Pieter van Dalen")
        );
        assert_eq!(
            speaker_of(&f, "Costs were").as_deref(),
            Some("Tarvik Audit Office")
        );
    }

    #[test]
    fn a_quotation_alone_before_a_new_speaker_is_introduced_is_theirs() {
        let f = analyze(&[
            "“Demand is back,” Chief Executive Ola Brandt said.",
            "Orders rose in every region.",
            "“Costs are not.”",
            "Finance chief Mira Solberg said margins had narrowed by two points.",
        ]);
        assert_eq!(
            speaker_of(&f, "Costs are not").as_deref(),
            Some("Mira Solberg")
        );
        assert_eq!(
            speaker_of(&f, "Demand is back").as_deref(),
            Some("Ola Brandt")
        );
    }

    #[test]
    fn a_relative_clause_makes_a_person_and_an_occupation_an_unnamed_source() {
        let f = analyze(&[
            "A senior dive coordinator at the lake, who asked not to be named, said the water was cold.",
            "“We go slowly,” he said.",
            "Among them was Vera Lind, whose brother was on the boat.",
            "“He always comes back,” she said.",
        ]);
        assert_eq!(
            speaker_of(&f, "We go slowly").as_deref(),
            Some("a senior dive coordinator at the lake")
        );
        assert_eq!(speaker_of(&f, "He always").as_deref(), Some("Vera Lind"));
    }

    #[test]
    fn a_shared_surname_binds_to_the_person_the_article_quotes() {
        let f = analyze(&[
            "Striker Kang Min-jun scored twice on Sunday.",
            "“I felt the contact,” Kang said.",
            "His mother, Kang Hye-won, watched from the stand.",
            "The club plays away next week.",
            "The coach said little.",
            "“We go there to win,” Kang said.",
            "The closure leaves what one local nurse called “a care desert”.",
        ]);
        assert_eq!(
            speaker_of(&f, "We go there").as_deref(),
            Some("Kang Min-jun")
        );
        assert_eq!(
            speaker_of(&f, "a care desert").as_deref(),
            Some("one local nurse")
        );
    }

    #[test]
    fn groups_elders_and_coordinators() {
        let f = analyze(&[
            "The bids were close, two people familiar with the talks said.",
            "“Nobody is walking away,” one of the people said.",
            "Elder Uncle Tom Barra, who led the ceremony, spoke first.",
            "“The river remembers,” Uncle Tom said.",
            "The network's coordinator, Jo Mabry, has rescued animals for years.",
            "“Every night there is another one,” she said.",
        ]);
        assert_eq!(
            speaker_of(&f, "Nobody is walking").as_deref(),
            Some("two people familiar with the talks")
        );
        assert_eq!(
            speaker_of(&f, "The river remembers").as_deref(),
            Some("Tom Barra")
        );
        assert_eq!(speaker_of(&f, "Every night").as_deref(), Some("Jo Mabry"));
    }

    #[test]
    fn speakers_quoting_themselves_and_going_on_after_a_pause() {
        let f = analyze(&[
            "“He wanted names,” says Leila Haddad. “I told him, ‘They have names already.’”",
            "“Not online,” she says. Then, after a pause: “Maybe one day.”",
            "Outside, a sign read: “Closed for good.”",
        ]);
        assert_eq!(
            speaker_of(&f, "They have names").as_deref(),
            Some("Leila Haddad")
        );
        assert_eq!(
            speaker_of(&f, "Maybe one day").as_deref(),
            Some("Leila Haddad")
        );
        assert_eq!(speaker_of(&f, "Closed for good").as_deref(), None);
    }

    #[test]
    fn a_pronoun_finds_a_name_introduced_without_a_role() {
        let f = analyze(&[
            "Mira Tanaka lifts the lid of the vat and sniffs.",
            "“Too sweet,” she says.",
            "“She is hungry,” Ms. Tanaka adds.",
        ]);
        assert_eq!(speaker_of(&f, "Too sweet").as_deref(), Some("Mira Tanaka"));
        assert_eq!(
            speaker_of(&f, "She is hungry").as_deref(),
            Some("Mira Tanaka")
        );
    }

    #[test]
    fn post_nominals_head_words_and_a_company_by_its_first_word() {
        let f = analyze(&[
            "“The tender was rotten,” said Advocate Jan du Toit SC.",
            "The Tarvik District Council approved the sale on Monday.",
            "“The pool is at the end of its life,” Council said in a statement.",
            "Korvane Orbital has released the first picture.",
            "Korvane's chief engineer said the lander was “healthy”.",
        ]);
        assert_eq!(
            speaker_of(&f, "The tender was").as_deref(),
            Some("Jan du Toit")
        );
        assert_eq!(
            speaker_of(&f, "The pool is").as_deref(),
            Some("Tarvik District Council")
        );
        // A possessive name keeps its capital in an unnamed source's name.
        assert_eq!(
            speaker_of(&f, "healthy").as_deref(),
            Some("Korvane's chief engineer")
        );
    }

    #[test]
    fn an_age_or_a_who_clause_makes_a_person() {
        let f = analyze(&[
            "“We waited two years,” Chief Executive Ola Brandt said.",
            "Tomas Vik, now 18, sat in the front row. Asked afterward, he said, “It is about time.”",
            "Al-Rashid, who finished second, said he had no complaints. “The desert decided,” he said.",
        ]);
        assert_eq!(
            speaker_of(&f, "It is about time").as_deref(),
            Some("Tomas Vik")
        );
        assert_eq!(
            speaker_of(&f, "The desert decided").as_deref(),
            Some("Al-Rashid")
        );
    }

    #[test]
    fn the_report_again_is_the_same_authors_and_a_university_of_the_place() {
        let f = analyze(&[
            "The Coastal Audit Office (CAO) examined services in 11 districts.",
            "“Waits have tripled,” the report said.",
            "Dr Lena Ruiz, a lecturer at the University of the Western Plains, agreed.",
            "“Funding has not kept pace,” the report said.",
        ]);
        for quote in ["Waits have", "Funding has"] {
            assert_eq!(
                speaker_of(&f, quote).as_deref(),
                Some("Coastal Audit Office"),
                "{quote}"
            );
        }
    }

    #[test]
    fn a_quote_over_paragraphs_takes_the_speaker_its_last_paragraph_names() {
        let f = analyze(&[
            "The Growers Association of Tarvik said the rules were unclear.",
            "“The forms ask for five years of accounts.",
            "“Most of our members keep books on paper,” the association’s secretary-general, Ola Brandt, said.",
            "A bread maker in Sedra, who asked not to be named, said her costs had fallen.",
            "“For the first time I am not rationing,” she said.",
        ]);
        assert_eq!(
            speaker_of(&f, "The forms ask").as_deref(),
            Some("Ola Brandt")
        );
        assert_eq!(
            speaker_of(&f, "For the first time").as_deref(),
            Some("a bread maker in Sedra")
        );
    }

    #[test]
    fn an_organization_named_by_a_long_form_with_commas() {
        let f = analyze(&[
            "The Department for Fisheries, Ports and Coasts (DFPC) said it would “consider carefully” the plan.",
        ]);
        assert_eq!(
            speaker_of(&f, "consider carefully").as_deref(),
            Some("Department for Fisheries, Ports and Coasts")
        );
    }

    #[test]
    fn clergy_brackets_before_an_age_and_councils_of_places() {
        let f = analyze(&[
            "The North Riding of Tarvik Council owns the churchyard.",
            "A council report said the graves would be moved.",
            "“No family will pay,” the report said.",
            "Ada Quill (pictured), 81, whose husband is buried there, said she had known for years.",
            "“The sea takes what it wants,” she said.",
            "The Reverend Ola Brandt, vicar of the parish, said families had been told.",
            "“Some were angry,” she said.",
        ]);
        assert_eq!(
            speaker_of(&f, "No family").as_deref(),
            Some("North Riding of Tarvik Council")
        );
        assert_eq!(
            speaker_of(&f, "The sea takes").as_deref(),
            Some("Ada Quill")
        );
        assert_eq!(
            speaker_of(&f, "Some were angry").as_deref(),
            Some("Ola Brandt")
        );
    }

    #[test]
    fn a_surname_used_before_the_full_name_appears() {
        let f = analyze(&[
            "“I came in open-minded,” Vale-Orton said.",
            "“I shot well,” Ruiz Salgado said.",
            "The hearing began at ten for the nominee, Marta Vale-Orton, and the archer, Elena Ruiz Salgado, watched.",
        ]);
        assert_eq!(
            speaker_of(&f, "I came in").as_deref(),
            Some("Marta Vale-Orton")
        );
        assert_eq!(
            speaker_of(&f, "I shot well").as_deref(),
            Some("Elena Ruiz Salgado")
        );
    }

    #[test]
    fn a_vietnamese_name_with_a_second_family_name_inside() {
        let f = analyze(&[
            "Nguyen Dinh Khoa, who grows durian in Tien Giang, said prices had halved.",
            "“Everybody planted durian,” Mr. Khoa said.",
        ]);
        assert_eq!(
            speaker_of(&f, "Everybody planted").as_deref(),
            Some("Nguyen Dinh Khoa")
        );
    }

    #[test]
    fn an_age_and_an_occupation_refer_back_to_a_person() {
        let f = analyze(&[
            "Rosa Quispe Mamani, a herder, lost 42 alpacas to the frost.",
            "“Forty-two in three nights,” the 61-year-old herder said.",
        ]);
        assert_eq!(
            speaker_of(&f, "Forty-two").as_deref(),
            Some("Rosa Quispe Mamani")
        );
    }

    #[test]
    fn documents_named_with_their_authors() {
        let f = analyze(&[
            "The World Heritage Agency (WHA) visited in 2019.",
            "“The tanks have not been maintained,” a WHA report published after that visit said.",
        ]);
        assert_eq!(
            speaker_of(&f, "The tanks have").as_deref(),
            Some("World Heritage Agency")
        );
    }

    #[test]
    fn auxiliaries_and_pronouns_end_an_unnamed_source() {
        let f = analyze(&[
            "A police commander told reporters that officers had been ordered to avoid clashes “at all costs.”",
            "The only councillor against, Cr Ada Quill, said he understood residents’ fears but worried the council was “promising too much”.",
        ]);
        for s in &f.sources {
            assert!(
                !s.name.contains(" had ") && !s.name.contains("understood"),
                "{:?}",
                s.name
            );
        }
    }

    #[test]
    fn said_a_team_coach_name_is_the_coach() {
        let f = analyze(&["“We were not perfect,” said Tarvik United coach Pieter Halvorsen."]);
        assert_eq!(
            speaker_of(&f, "We were not").as_deref(),
            Some("Pieter Halvorsen")
        );
    }

    #[test]
    fn a_pronoun_can_refer_to_one_unnamed_person() {
        let f = analyze(&[
            "Sela Omarova, the clinic's director, said waits had doubled.",
            "One junior doctor at the clinic, who was not authorised to speak, said beds ran out daily. “We improvise every night,” she said.",
        ]);
        assert_eq!(
            speaker_of(&f, "We improvise").as_deref(),
            Some("one junior doctor at the clinic")
        );
    }

    #[test]
    fn a_quotation_introduced_by_other_words_is_not_the_last_speaker_s() {
        let f = analyze(&[
            "“The plan is sound,” said Kaia Morrow, the council leader.",
            "Outside the hall, a banner read: “Hands off our river.”",
        ]);
        assert_eq!(speaker_of(&f, "The plan").as_deref(), Some("Kaia Morrow"));
        assert_eq!(speaker_of(&f, "Hands off"), None);
    }

    #[test]
    fn inverted_attribution_and_publications() {
        let f = analyze(&[
            "Prices will fall by spring, said Rune Halvorsen, an economist at Dalby Bank.",
            "Mayor Ola Brenn told the Fjordby Gazette that the bridge would reopen.",
        ]);
        let found = said(&f);
        assert!(found
            .iter()
            .any(|(k, _, s)| *k == CitationKind::Attribution
                && s.as_deref() == Some("Rune Halvorsen")));
        assert_eq!(
            source(&f, "Fjordby Gazette").map(|s| s.kind),
            Some(SourceKind::Publication)
        );
    }

    #[test]
    fn the_role_noun_refers_back_to_the_person_named_with_it() {
        let f = analyze(&[
            "The board's chairwoman, Sigrid Vale, opened the meeting.",
            "The chairwoman said the vote would wait until June.",
        ]);
        assert!(said(&f).iter().any(
            |(k, _, s)| *k == CitationKind::Attribution && s.as_deref() == Some("Sigrid Vale")
        ));
    }

    #[test]
    fn gender_comes_from_role_words_not_from_letters_inside_them() {
        use people::role_gender;
        use words::Gender;
        assert_eq!(role_gender("managing director"), None);
        assert_eq!(role_gender("human rights lawyer"), None);
        assert_eq!(
            role_gender("a spokeswoman for the club"),
            Some(Gender::Female)
        );
        assert_eq!(role_gender("the party chairman"), Some(Gender::Male));
    }
}
