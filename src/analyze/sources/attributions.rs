//! Attributions without quotation marks: "according to X", "X said (that) …", "X believes …".
//! The marked span is the cue and its source phrase ("according to some observers",
//! "Mr. Lee believes"), not the whole clause.

use super::people::{Mention, Registry, Sentence};
use super::speakers::{phrase_at, subject_before, Who};
use super::words;

/// One attribution found in a sentence.
#[derive(Clone, Debug)]
pub(super) struct Found {
    pub start: usize,
    pub end: usize,
    pub who: Who,
    pub cue: String,
}

/// Finds the attributions of sentence `s`. `used_verbs` are verb tokens that already attribute a
/// quotation in it, `speakers` the speakers of its quotations (a verb whose subject is one of them
/// only introduces the quotation).
pub(super) fn find(
    reg: &Registry,
    s: &Sentence,
    mentions: &[Mention],
    used_verbs: &[usize],
    speakers: &[Who],
) -> Vec<Found> {
    let mut out = Vec::new();
    let quoted = |k: usize| {
        s.toks
            .get(k)
            .is_some_and(|t| super::tokens::inside(s.quotes, t.start))
    };
    for k in s.first..=s.last {
        if quoted(k) {
            continue;
        }
        let w = s.word(k);
        if w.eq_ignore_ascii_case("according") && s.word(k + 1) == "to" {
            if let Some((who, end)) = phrase_at(reg, s, mentions, k + 2) {
                if let Some(t) = s.toks.get(k) {
                    out.push(Found {
                        start: t.start,
                        end,
                        who,
                        cue: "according to".to_string(),
                    });
                }
            }
            continue;
        }
        if (words::is_speech_verb(w) || words::is_belief_verb(w)) && !used_verbs.contains(&k) {
            // A verb only attributes when the clause goes on ("said that …", "believes the …"),
            // not at the end of a quotation's attribution.
            let inverted = || {
                // "…, five times the level before, said NAME, a marine underwriter."
                let gap = s
                    .toks
                    .get(k.checked_sub(1)?)
                    .zip(s.toks.get(k))
                    .and_then(|(p, t)| s.text.get(p.full_end..t.start))?;
                if k == s.first || !gap.contains(',') {
                    return None;
                }
                let (who, end) = phrase_at(reg, s, mentions, k + 1)?;
                let rest = s.text.get(end..)?;
                (rest.is_empty() || rest.starts_with([',', '.', ';']))
                    .then(|| (who, s.toks.get(k).map(|t| t.start), end))
            };
            if subject_before(reg, s, mentions, k, s.first).is_none() {
                if let Some((who, Some(start), end)) = inverted() {
                    if !speakers.contains(&who) {
                        out.push(Found {
                            start,
                            end,
                            who,
                            cue: w.to_string(),
                        });
                    }
                    continue;
                }
            }
            if let Some(who) = subject_before(reg, s, mentions, k, s.first) {
                if speakers.contains(&who) {
                    continue;
                }
                let start = subject_start(s, mentions, k, &who);
                if let (Some(start), Some(t)) = (start, s.toks.get(k)) {
                    out.push(Found {
                        start,
                        end: t.end,
                        who,
                        cue: w.to_string(),
                    });
                }
            }
        }
    }
    out
}

/// Byte start of the subject phrase right before verb token `v`.
fn subject_start(s: &Sentence, mentions: &[Mention], v: usize, who: &Who) -> Option<usize> {
    let mut k = v.checked_sub(1)?;
    while k > s.first && words::is_filler(s.word(k)) {
        k -= 1;
    }
    if let Who::Unnamed(text) = who {
        // The phrase may end in a name: "officials at the X Board said".
        let end = s.toks.get(k)?.full_end;
        let from = s.toks.get(s.first)?.start;
        if let Some(i) = s.text.get(from..end)?.rfind(text.as_str()) {
            return Some(from + i);
        }
    }
    if let Some(m) = mentions.iter().find(|m| m.last_tok == k) {
        return Some(m.start);
    }
    if words::pronoun(s.word(k)).is_some() {
        return s.toks.get(k).map(|t| t.start);
    }
    if let Who::Entity(e) = who {
        if let Some(m) = mentions
            .iter()
            .rev()
            .find(|m| m.entity == *e && m.last_tok <= k)
        {
            return Some(m.start);
        }
    }
    if let Who::Unnamed(text) = who {
        let end = s.toks.get(k)?.full_end;
        let from = s.toks.get(s.first)?.start;
        return s
            .text
            .get(from..end)?
            .rfind(text.as_str())
            .map(|i| from + i);
    }
    s.toks.get(k).map(|t| t.start)
}
