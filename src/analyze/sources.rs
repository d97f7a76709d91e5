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
mod speakers;
mod tokens;
mod words;

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
}

/// Finds quotations, attributions, mentions and the sources they point at.
pub(crate) fn find(units: &[Unit], abbreviations: &[Abbreviation]) -> SpeechFindings {
    let mut warnings = Vec::new();
    let spans = quotes::scan(units, &mut warnings);
    let mut reg = Registry::new(abbreviations);
    let mut pending: Vec<Pending> = Vec::new();
    let mut metonyms: Vec<(usize, String)> = Vec::new();
    let mut previous: Option<(usize, Who)> = None;
    let mut groups = 0;
    let mut open_group: Option<usize> = None;

    for (u, unit) in units.iter().enumerate() {
        let text = unit.text.as_str();
        let toks = tokens::tokenize(text);
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
                toks: &toks,
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
                });
            }
            if has_words {
                for f in attributions::find(&reg, &s, &mentions, &used_verbs, &speakers_here) {
                    let e = entity_of(&mut reg, &f.who, u, f.start);
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
                    });
                }
            }
        }
    }
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

/// The entity for a speaker; an unnamed source becomes one on first use.
fn entity_of(reg: &mut Registry, who: &Who, unit: usize, at: usize) -> usize {
    match who {
        Who::Entity(e) => *e,
        Who::Unnamed(phrase) => {
            reg.get_or_add(phrase, SourceKind::Unnamed, (unit, at, at + phrase.len()))
        }
    }
}

/// Every piece of a quotation that runs over several paragraphs gets the speaker found for any.
fn share_group_speakers(pending: &mut [Pending]) {
    let mut speakers: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for p in pending.iter() {
        if let (Some(g), Some(e)) = (p.group, p.entity) {
            speakers.entry(g).or_insert(e);
        }
    }
    for p in pending.iter_mut() {
        if let (Some(g), None, false) = (p.group, p.entity, p.scare) {
            p.entity = speakers.get(&g).copied();
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
            e.cited || (e.role.is_some() && e.kind == SourceKind::Person)
        })
        .collect();
    listed.sort_by_key(|&i| reg.entities[i].first);
    let id_of = |e: usize| {
        listed
            .iter()
            .position(|&l| l == e)
            .map(|n| format!("s{}", n + 1))
    };
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
