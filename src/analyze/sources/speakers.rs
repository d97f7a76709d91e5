//! Who said each quotation: attribution before or after it, the clause or sentence it sits in,
//! "according to", pronouns, and the quotation before it.

use super::people::{Mention, Registry, Sentence};
use super::quotes::QuoteSpan;
use super::words::{self, Gender, Pronoun};
use crate::SourceKind;

/// A speaker or source: a known entity, or an unnamed source as the text words it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Who {
    Entity(usize),
    Unnamed(String),
}

/// What the text says about one quotation.
#[derive(Clone, Debug, Default)]
pub(super) struct Resolved {
    pub who: Option<Who>,
    pub cue: Option<String>,
    /// A term mentioned or a scare quote, not speech.
    pub scare: bool,
    /// The token of the speech verb used, if any.
    pub verb: Option<usize>,
    /// Nothing in the sentence names the speaker: the quotation stands alone (its speaker, if
    /// any, is the last one's).
    pub alone: bool,
}

/// Resolves a pronoun at `pos` to the most recent entity it fits.
pub(super) fn resolve_pronoun(reg: &Registry, p: Pronoun, pos: (usize, usize)) -> Option<usize> {
    let found = pronoun_target(reg, p, pos);
    if let Some(e) = found {
        let gender = match p {
            Pronoun::He => Some(Gender::Male),
            Pronoun::She => Some(Gender::Female),
            _ => None,
        };
        if let Some(g) = gender {
            reg.gender_hints.borrow_mut().push((e, g));
        }
    }
    found
}

fn pronoun_target(reg: &Registry, p: Pronoun, pos: (usize, usize)) -> Option<usize> {
    // "a senior nurse ..., said ... “…,” she said": one unnamed person.
    let single = |e: &super::people::Entity| {
        e.kind == SourceKind::Person
            || e.kind == SourceKind::Unnamed
                && e.tokens.first().is_some_and(|w| {
                    matches!(w.to_lowercase().as_str(), "a" | "an" | "one" | "another")
                })
    };
    match p {
        Pronoun::He => reg.recent(pos, |e| single(e) && e.gender != Some(Gender::Female)),
        Pronoun::She => reg.recent(pos, |e| single(e) && e.gender != Some(Gender::Male)),
        Pronoun::It => reg.recent(pos, |e| e.kind != SourceKind::Person),
        Pronoun::They => reg
            .recent(pos, |e| e.kind != SourceKind::Person)
            .or_else(|| reg.recent(pos, |e| e.kind == SourceKind::Person)),
    }
}

fn mention_at(mentions: &[Mention], tok: usize) -> Option<&Mention> {
    mentions.iter().find(|m| m.first_tok == tok)
}

fn mention_ending_at(mentions: &[Mention], tok: usize) -> Option<&Mention> {
    mentions.iter().find(|m| m.last_tok == tok)
}

fn pos_of(s: &Sentence, tok: usize) -> (usize, usize) {
    (s.unit, s.toks.get(tok).map_or(0, |t| t.start))
}

/// A noun phrase that starts at token `j`: a name, a pronoun, "the ministry", or an unnamed source
/// ("some observers", "a senior official who spoke on condition of anonymity"). Returns it and the
/// byte end of the phrase.
pub(super) fn phrase_at(
    reg: &Registry,
    s: &Sentence,
    mentions: &[Mention],
    j: usize,
) -> Option<(Who, usize)> {
    if j > s.last {
        return None;
    }
    if let Some(found) = role_first_apposition(s, mentions, j) {
        return Some(found);
    }
    // Skip a determiner and possessive qualifiers to reach the head name ("North Korea's
    // state-run AGENCY", "the AGENCY").
    let mut k = j;
    let mut steps = 0;
    // Lowercase words that may only qualify a title before a name ("opposition leader NAME").
    let mut premodifier: Option<usize> = None;
    while k <= s.last && steps < 5 {
        if let Some(m) = mention_at(mentions, k) {
            let titled = role_right_before(premodifier, s, k);
            if !m.possessive && titled {
                return Some((Who::Entity(m.entity), m.end));
            }
            if !titled {
                break;
            }
            k = m.last_tok + 1;
        } else {
            let w = s.word(k);
            let lower = w.chars().next().is_some_and(char::is_lowercase);
            // "the union's NAME", "Westmark's NAME"
            let possessive = s.toks.get(k).is_some_and(|t| t.possessive);
            if !((w == "the" && steps == 0) || (lower && w.contains('-')) || possessive) {
                if !lower
                    || words::is_stop_word(w)
                    || words::is_speech_verb(w)
                    || !gap_before_is_plain(s, k, k + 1)
                {
                    break;
                }
                premodifier = Some(k);
            }
            k += 1;
        }
        steps += 1;
    }
    let w = s.word(j);
    if let Some(p) = words::pronoun(w) {
        let e = resolve_pronoun(reg, p, pos_of(s, j))?;
        return Some((Who::Entity(e), s.toks.get(j)?.end));
    }
    if matches!(w, "the" | "The") {
        let head = s.word(j + 1);
        if let Some(h) = words::organization_head(head) {
            if let Some(e) = reg.find_by_head(h, pos_of(s, j)) {
                return Some((Who::Entity(e), s.toks.get(j + 1)?.end));
            }
        }
    }
    // "a statement from the ministry", "a survey published on Tuesday by the X Trust": the
    // author.
    let det = words::is_source_determiner(&w.to_lowercase());
    let doc = if det { j + 1 } else { j };
    if words::is_document_noun(s.word(doc)) {
        let by = (doc + 1..=s.last.min(doc + 6))
            .take_while(|&k| gap_before_is_plain(s, k - 1, k))
            .find(|&k| matches!(s.word(k), "from" | "by" | "of"));
        if let Some(by) = by {
            if let Some((Who::Entity(e), end)) = phrase_at(reg, s, mentions, by + 1) {
                return Some((Who::Entity(e), end));
            }
        }
    }
    // "the 72-year-old said", "the former minister said": the person last named so.
    if let Some(found) = person_description(reg, s, j) {
        return Some(found);
    }
    unnamed_phrase(s, j)
}

/// Whether lowercase words skipped before a name (the last at token `last`) end in a role noun
/// right before it: "opposition leader NAME", not "prices NAME".
fn role_right_before(last: Option<usize>, s: &Sentence, name: usize) -> bool {
    match last {
        None => true,
        Some(p) => p + 1 == name && words::is_role_noun(s.word(p)),
    }
}

/// "Halvik's chief executive, NAME," / "the city's mayor, NAME,": a role phrase, a comma, then a
/// name closed by a comma. Returns the named entity and the byte after the closing comma.
fn role_first_apposition(s: &Sentence, mentions: &[Mention], j: usize) -> Option<(Who, usize)> {
    let mut k = j;
    let mut saw_role_of = false;
    while k <= s.last && k < j + 8 {
        if let Some(m) = mention_at(mentions, k) {
            // "Halvik's chief executive", or a name used as a modifier: "a W.T.C. spokeswoman".
            let modifier = s
                .word(m.last_tok + 1)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
                && s.text
                    .get(m.end..s.toks.get(m.last_tok + 1).map_or(m.end, |t| t.start))
                    == Some(" ");
            // "the head of the Police Federation, NAME,": the organization ends the role.
            let closes = saw_role_of
                && !m.possessive
                && s.toks
                    .get(m.last_tok)
                    .and_then(|t| s.text.get(t.full_end..))
                    .is_some_and(|r| r.starts_with(", "));
            if closes {
                let p = mention_at(mentions, m.last_tok + 1).filter(|p| !p.possessive)?;
                let rest = p.end + parenthetical_len(s.text.get(p.end..)?);
                return s
                    .text
                    .get(rest..)?
                    .starts_with(',')
                    .then_some((Who::Entity(p.entity), rest + 1));
            }
            if !m.possessive && !modifier && !saw_role_of {
                return None;
            }
            k = m.last_tok + 1;
            continue;
        }
        let w = s.word(k);
        let t = s.toks.get(k)?;
        let lower = w.chars().next().is_some_and(char::is_lowercase);
        let determiner = matches!(
            w,
            "the" | "The" | "a" | "A" | "an" | "An" | "its" | "Its" | "their" | "Their"
        );
        let linking = matches!(w, "of" | "for" | "at");
        if linking && k > j && words::is_role_noun(s.word(k - 1)) {
            saw_role_of = true;
        }
        if lower
            && !determiner
            && !linking
            && (words::is_speech_verb(w) || words::is_preposition(w))
        {
            return None;
        }
        let gap = s.text.get(t.full_end..)?;
        if gap.starts_with(", ") {
            // "the chief executive, NAME," or "the mayor of Tarvik, NAME,"
            let role_ok = lower && words::is_role_noun(w) || k > j && saw_role_of;
            if !role_ok || t.possessive {
                return None;
            }
            let m = mention_at(mentions, k + 1).filter(|m| !m.possessive)?;
            // "NAME," or "NAME (pictured),"
            let rest = m.end + parenthetical_len(s.text.get(m.end..)?);
            return s
                .text
                .get(rest..)?
                .starts_with(',')
                .then_some((Who::Entity(m.entity), rest + 1));
        }
        if !gap.starts_with(' ') && !t.possessive {
            return None;
        }
        k += 1;
    }
    None
}

/// The length of a parenthetical right at the start of `rest` (" (pictured)"), or 0.
pub(super) fn parenthetical_len(rest: &str) -> usize {
    let t = rest.trim_start_matches(' ');
    if !t.starts_with('(') {
        return 0;
    }
    // Only the first 40 bytes are looked at: the scan stays constant per call.
    let mut window = t.len().min(40);
    while !t.is_char_boundary(window) {
        window -= 1;
    }
    match t.get(..window).and_then(|w| w.find(')')) {
        Some(p) => rest.len() - t.len() + p + 1,
        None => 0,
    }
}

/// "One senior nurse at X, who spoke on condition of anonymity, said": an unnamed source at
/// token `j` whose words run up to a comma (at or before token `k`) that opens a clause.
fn unnamed_subject(s: &Sentence, j: usize, k: usize) -> Option<Who> {
    if j == s.first && s.word(j) == "In" {
        return None;
    }
    let mut head = false;
    let mut x = j;
    while x <= k && x < j + 12 {
        let w = s.word(x);
        let lw = w.to_lowercase();
        let lower = w.chars().next().is_some_and(char::is_lowercase);
        if lower && (words::is_speech_verb(w) || words::is_belief_verb(w) || words::is_filler(w)) {
            return None;
        }
        head |= lower
            && x > j
            && (words::is_unnamed_source_noun(w)
                || words::is_role_noun(w)
                || words::is_source_determiner(&s.word(j).to_lowercase())
                    && (words::looks_like_occupation(w) || words::is_trade_noun(w)))
            || x == j && words::is_unnamed_source_noun(&lw);
        if x == j && !(words::is_source_determiner(&lw) || head || x == s.first) {
            return None;
        }
        let t = s.toks.get(x)?;
        let rest = s.text.get(t.full_end..)?;
        if let Some(r) = rest.strip_prefix(", ") {
            let next_lower = r.chars().next().is_some_and(char::is_lowercase);
            if !head || !next_lower {
                return None;
            }
            let text = s.text.get(s.toks.get(j)?.start..t.full_end)?;
            return Some(Who::Unnamed(text.to_string()));
        }
        if !rest.starts_with(' ') && !t.possessive {
            return None;
        }
        x += 1;
    }
    None
}

/// "a spokesman for the X Association" / "one inspector at X": an unnamed person whose phrase
/// ends in the organization's name (tokens `first..=last`).
fn unnamed_with_organization(s: &Sentence, first: usize, last: usize, floor: usize) -> Option<Who> {
    let mut p = first.checked_sub(1)?;
    if s.word(p) == "the" {
        p = p.checked_sub(1)?;
    }
    if p <= floor.max(s.first) || !matches!(s.word(p), "for" | "at" | "of" | "from" | "with") {
        return None;
    }
    let noun = p - 1;
    let w = s.word(noun);
    let start = floor.max(s.first);
    let lw = w.to_lowercase();
    if !(words::is_role_noun(&lw) || words::is_unnamed_source_noun(&lw))
        || !(noun == start || w.chars().next().is_some_and(char::is_lowercase))
    {
        return None;
    }
    // "Residents of X said", "officials at X said": a plural source opening the clause.
    if noun == start && words::is_unnamed_source_noun(&lw) && lw.ends_with('s') {
        let (x, y) = (s.toks.get(noun)?.start, s.toks.get(last)?.full_end);
        return Some(Who::Unnamed(s.text.get(x..y)?.to_string()));
    }
    let mut a = noun;
    while a > floor.max(s.first) && noun - a < 4 {
        let d = s.word(a - 1).to_lowercase();
        a -= 1;
        if words::is_source_determiner(&d) {
            if d == "the" {
                return None;
            }
            let (x, y) = (s.toks.get(a)?.start, s.toks.get(last)?.full_end);
            return Some(Who::Unnamed(s.text.get(x..y)?.to_string()));
        }
        if !d.chars().next().is_some_and(char::is_lowercase) || words::is_stop_word(&d) {
            return None;
        }
    }
    None
}

/// An unnamed source as written ("A spokesman for the X Association") split into its name (the
/// whole phrase as introduced, its sentence-initial capital folded: "a spokesman for the X
/// Association") and, when a singular role noun heads it, its role ("spokesman for the X
/// Association").
pub(super) fn split_unnamed(
    phrase: &str,
    is_name_word: impl Fn(&str) -> bool,
) -> (String, Option<String>) {
    let name = fold_initial_capital(phrase, is_name_word);
    let ws: Vec<&str> = phrase.split_whitespace().collect();
    let singular = ws
        .first()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "a" | "an" | "one" | "another"));
    if !singular {
        return (name, None);
    }
    let head = ws
        .iter()
        .position(|w| words::is_role_noun(w) || words::is_unnamed_source_noun(w));
    let role = match head {
        Some(h) if h + 1 < ws.len() => Some(ws[1..].join(" ")),
        _ => None,
    };
    (name, role)
}

/// "Some observers" → "some observers": a phrase's first word loses the capital that only the
/// start of its sentence gave it (not an acronym or a name: "UN officials", "Nordby executives").
fn fold_initial_capital(phrase: &str, is_name_word: impl Fn(&str) -> bool) -> String {
    let phrase = phrase.trim();
    let first = phrase.split_whitespace().next().unwrap_or("");
    let mut chars = first.chars();
    let rest_lower = chars.next().is_some() && chars.all(|c| !c.is_uppercase());
    let possessive = first.ends_with("'s") || first.ends_with("’s");
    if rest_lower && !possessive && !is_name_word(first) {
        format!("{}{}", first.to_lowercase(), &phrase[first.len()..])
    } else {
        phrase.to_string()
    }
}

/// "the 72-year-old", "the former minister": a definite description of a person named earlier.
fn person_description(reg: &Registry, s: &Sentence, j: usize) -> Option<(Who, usize)> {
    if !s.word(j).eq_ignore_ascii_case("the") {
        return None;
    }
    let mut k = j + 1;
    let mut aged = false;
    while k <= s.last && k < j + 4 && gap_before_is_plain(s, k - 1, k) {
        let w = s.word(k);
        if !w
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
        {
            return None;
        }
        let t = s.toks.get(k)?;
        let ends = !s.text.get(t.full_end..)?.starts_with(" ")
            || s.toks.get(k + 1).is_some_and(|n| {
                let next = s.word(k + 1);
                words::is_speech_verb(next) || words::is_filler(next) || n.start > t.full_end + 1
            });
        aged |= w.ends_with("-year-old");
        // "the 72-year-old", "the 61-year-old herder"
        if aged && ends {
            let e = reg.recent(pos_of(s, j), |e| e.kind == SourceKind::Person)?;
            return Some((Who::Entity(e), t.end));
        }
        if words::is_role_noun(w) && ends {
            let e = reg.recent(pos_of(s, j), |e| {
                e.kind == SourceKind::Person
                    && e.role
                        .as_deref()
                        .is_some_and(|r| r.split_whitespace().any(|x| x.eq_ignore_ascii_case(w)))
            })?;
            return Some((Who::Entity(e), t.end));
        }
        k += 1;
    }
    None
}

/// "in a statement", "in the report": a document after "in" is where words were said, not who
/// said them.
fn after_in(s: &Sentence, j: usize) -> bool {
    j > s.first && s.word(j - 1).eq_ignore_ascii_case("in")
}

/// Lowercase words from `j` up to a verb, comma or the end of the clause, naming an unnamed source.
fn unnamed_phrase(s: &Sentence, j: usize) -> Option<(Who, usize)> {
    let mut k = j;
    let mut head = false;
    let mut last = None;
    let determined = words::is_source_determiner(&s.word(j).to_lowercase());
    while k <= s.last && k < j + 12 {
        let w = s.word(k);
        let relative = k > j && matches!(s.word(k - 1), "who" | "that");
        let first_cap = k == j && determined;
        // "a Nordby executive": a name as a modifier between the determiner and the noun.
        let modifier = determined
            && k > j
            && !head
            && w.chars().next().is_some_and(char::is_uppercase)
            && s.word(k + 1).chars().next().is_some_and(char::is_lowercase);
        if !(first_cap || modifier || w.chars().next().is_some_and(char::is_lowercase))
            || (!relative && (words::is_speech_verb(w) || words::is_belief_verb(w)))
            || (k > j
                && words::ends_noun_phrase(w)
                && !(j..k).any(|x| matches!(s.word(x), "who" | "that")))
        {
            break;
        }
        // "one commuter": the singular of a plural source noun ("commuters") after a determiner.
        head |= words::is_unnamed_source_noun(w)
            || (determined
                && (words::is_role_noun(w) || words::is_unnamed_source_noun(&format!("{w}s"))));
        last = Some(k);
        let t = s.toks.get(k)?;
        if s.text
            .get(t.full_end..)
            .is_some_and(|r| r.starts_with([',', '.', ';', ':', '—', '(', '“', '"']))
        {
            break;
        }
        k += 1;
    }
    let mut last = last?;
    if !head || after_in(s, j) && (j..=last).any(|x| words::is_document_noun(s.word(x))) {
        return None;
    }
    // "a fisherman who helped pull people from the water and asked …": a relative clause that
    // runs on past six words, or stops at a conjunction, is not part of the name.
    if let Some(r) = (j + 1..=last).find(|&x| matches!(s.word(x), "who" | "that")) {
        let cut_short = matches!(s.word(last), "and" | "but" | "or") || last - r > 6;
        if cut_short && r > j {
            last = r - 1;
        }
    }
    let (a, b) = (s.toks.get(j)?.start, s.toks.get(last)?.full_end);
    Some((Who::Unnamed(s.text.get(a..b)?.to_string()), b))
}

/// The subject right before token `v` (a verb): a name, a pronoun, "the ministry", "officials".
pub(super) fn subject_before(
    reg: &Registry,
    s: &Sentence,
    mentions: &[Mention],
    v: usize,
    floor: usize,
) -> Option<Who> {
    let mut k = v.checked_sub(1)?;
    // Fillers right before the verb ("has also said"), not the end of an apposition ("…, who
    // was not authorised to speak publicly, said").
    while k > floor && words::is_filler(s.word(k)) && gap_before_is_plain(s, k, k + 1) {
        k -= 1;
    }
    if k < floor || k < s.first {
        return None;
    }
    // The token after the subject's words: "X (pictured) said", "X, the MP for Y (pictured), said"
    // step back over a short parenthetical.
    let after = k + 1;
    let gap = |a: usize, b: usize| {
        s.toks
            .get(a)
            .zip(s.toks.get(b))
            .and_then(|(x, y)| s.text.get(x.full_end..y.start))
            .unwrap_or("")
    };
    if gap(k, k + 1).trim_start().starts_with(')') {
        let lowest = k.saturating_sub(4).max(s.first + 1).max(floor + 1);
        if let Some(j) = (lowest..=k).rev().find(|&j| gap(j - 1, j).ends_with('(')) {
            k = j - 1;
        }
    }
    // "The Foreign Office in Kastel said": a place after "in" or "at" qualifies the subject.
    let placed = mention_ending_at(mentions, k).is_some_and(|m| {
        m.first_tok > s.first + 1
            && matches!(s.word(m.first_tok - 1), "in" | "at" | "from")
            && reg
                .entities
                .get(m.entity)
                .is_some_and(|e| e.country || m.metonym)
    });
    if placed {
        if let Some(who) = opening_subject(reg, s, mentions, v) {
            return Some(who);
        }
    }
    if let Some(m) = mention_ending_at(mentions, k) {
        if !m.possessive && gap_before_is_plain(s, k, v) {
            // "a spokeswoman for the X Association said": the unnamed person, not X.
            if let Some(who) = unnamed_with_organization(s, m.first_tok, k, floor) {
                return Some(who);
            }
            return Some(Who::Entity(m.entity));
        }
    }
    // "NAME, a spokeswoman for X, said"
    let t = s.toks.get(k)?;
    if s.text
        .get(t.full_end..s.toks.get(after)?.start)?
        .contains(',')
    {
        let start = floor.max(s.first);
        // "The agency's report, dated in May, says"
        if let Some(h) = (start..=k.min(start + 3)).find(|&h| {
            words::is_document_noun(s.word(h))
                && s.toks
                    .get(h)
                    .and_then(|t| s.text.get(t.full_end..))
                    .is_some_and(|r| r.starts_with(','))
        }) {
            if let Some(who) = document_author(reg, s, mentions, h) {
                return Some(who);
            }
        }
        if let Some((who, _)) = role_first_apposition(s, mentions, start) {
            return Some(who);
        }
        if let Some(who) = unnamed_subject(s, start, k) {
            return Some(who);
        }
        for m in mentions.iter() {
            if m.last_tok <= k && m.last_tok + 16 >= k && m.first_tok >= floor {
                let after = s.toks.get(m.last_tok)?.full_end;
                if !m.possessive && s.text.get(after..)?.starts_with(", ") {
                    return Some(Who::Entity(m.entity));
                }
            }
        }
        return None;
    }
    let w = s.word(k);
    if let Some(p) = words::pronoun(w) {
        return resolve_pronoun(reg, p, pos_of(s, k)).map(Who::Entity);
    }
    // "the ministry said", but not "an inspector from the ministry said".
    let in_phrase = k >= s.first + 2
        && matches!(
            s.word(k - 2),
            "from" | "of" | "at" | "for" | "with" | "in" | "near" | "inside" | "within"
        );
    if let Some(h) = words::organization_head(&w.to_lowercase()).filter(|_| !in_phrase) {
        if k > s.first && s.word(k - 1).eq_ignore_ascii_case("the") {
            if let Some(e) = reg.find_by_head(h, pos_of(s, k)) {
                return Some(Who::Entity(e));
            }
        }
    }
    // "the chairwoman said": the person last named with that role.
    if words::is_role_noun(w) && w.chars().next().is_some_and(char::is_lowercase) {
        let definite = (k.saturating_sub(3).max(s.first)..k).any(|x| {
            s.word(x).eq_ignore_ascii_case("the")
                || mentions.iter().any(|m| m.last_tok == x && m.possessive)
        });
        if definite {
            let noun = w.to_string();
            // (or the unnamed one: "a spokesperson for X said … the spokesperson added")
            if let Some(e) = reg.recent(pos_of(s, k), |e| {
                matches!(e.kind, SourceKind::Person | SourceKind::Unnamed)
                    && (e
                        .role
                        .as_deref()
                        .is_some_and(|r| r.split_whitespace().any(|x| x == noun))
                        || e.kind == SourceKind::Unnamed
                            && e.tokens.len() <= 3
                            && e.tokens.last().is_some_and(|t| *t == noun))
            }) {
                return Some(Who::Entity(e));
            }
        }
    }
    if let Some(who) = document_author(reg, s, mentions, k) {
        return Some(who);
    }
    // "what one local midwife called": an unnamed source right before the verb.
    if w.chars().next().is_some_and(char::is_lowercase)
        && (words::is_role_noun(w) || words::is_unnamed_source_noun(w))
    {
        let lowest = k.saturating_sub(3).max(floor).max(s.first);
        let determiner = (lowest..k).rev().find(|&d| {
            let lw = s.word(d).to_lowercase();
            words::is_source_determiner(&lw) && lw != "the"
        });
        if let Some(d) = determiner {
            let plain = (d + 1..k)
                .all(|x| s.word(x).chars().next().is_some_and(char::is_lowercase))
                && gap_before_is_plain(s, d, k);
            if plain {
                let text = s.text.get(s.toks.get(d)?.start..s.toks.get(k)?.end)?;
                return Some(Who::Unnamed(text.to_string()));
            }
        }
    }
    // "a fight with residents who say …": a relative clause, not an attribution of its own.
    if matches!(w, "who" | "which" | "that") {
        return None;
    }
    // "a fisherman who helped pull people from the water and asked …": a noun inside a relative
    // clause is not the subject of the verb after it.
    if (k.saturating_sub(8).max(floor).max(s.first)..k).any(|x| s.word(x) == "who") {
        return None;
    }
    // "people familiar with the matter said": the head noun may come a few words before the verb
    // (but not "officers had been ordered": an auxiliary ends the noun phrase).
    let head = (k.saturating_sub(5).max(floor).max(s.first)..=k).find(|&h| {
        let w = s.word(h).to_lowercase();
        // (nor "residents' fears": a possessive qualifies another noun)
        if (h + 1..=k).any(|x| words::ends_noun_phrase(s.word(x)))
            || s.toks.get(h).is_some_and(|t| t.possessive)
        {
            return false;
        }
        (words::is_unnamed_source_noun(&w)
            || (words::is_role_noun(&w)
                && h > s.first
                && words::is_source_determiner(&s.word(h - 1).to_lowercase())))
            && (h..k).all(|x| {
                s.toks
                    .get(x)
                    .zip(s.toks.get(x + 1))
                    .and_then(|(p, n)| s.text.get(p.full_end..n.start))
                    .is_some_and(|g| g.trim().is_empty())
                    && (s.word(x + 1).chars().next().is_some_and(char::is_lowercase)
                        // "residents of Tarvik said", "a spokesperson for Tarvik town council said"
                        || (h..=x).any(|y| {
                            matches!(s.word(y), "of" | "from" | "in" | "at" | "near" | "for")
                        }))
            })
    });
    if let Some(h) = head {
        let mut a = h;
        while a > floor.max(s.first) && h - a < 4 {
            let p = s.word(a - 1);
            // "Energy analysts said", "Nearby residents said": a capital at the sentence start.
            // (A one-word name there is a modifier: "Union leaders said".)
            let opening = a - 1 == s.first
                && !mentions
                    .iter()
                    .any(|m| m.first_tok < a && a - 1 <= m.last_tok && m.last_tok > m.first_tok)
                && !words::is_capitalized_function_word(p)
                || matches!(
                    p,
                    "A" | "An" | "The" | "Some" | "Many" | "Several" | "One" | "Other"
                );
            let p = if opening {
                p.to_lowercase()
            } else {
                p.to_string()
            };
            let p = p.as_str();
            // "the senior European official": a capitalized modifier between a determiner and
            // the head noun.
            let modifier = p.chars().next().is_some_and(char::is_uppercase)
                && (a.saturating_sub(3)..a - 1).any(|d| {
                    d >= floor.max(s.first)
                        && words::is_source_determiner(&s.word(d).to_lowercase())
                });
            if !(p.chars().next().is_some_and(char::is_lowercase) || modifier)
                || words::is_stop_word(p) && !words::is_source_determiner(p)
                || words::ends_noun_phrase(p)
                || words::is_belief_verb(p)
                || words::is_speech_verb(p)
            {
                break;
            }
            let gap_ok = s
                .text
                .get(s.toks.get(a - 1)?.full_end..s.toks.get(a)?.start)
                .is_some_and(|g| g.trim().is_empty());
            if !gap_ok {
                break;
            }
            a -= 1;
            if words::is_source_determiner(p) {
                break;
            }
        }
        let text = s.text.get(s.toks.get(a)?.start..s.toks.get(k)?.full_end)?;
        return Some(Who::Unnamed(text.to_string()));
    }
    None
}

/// "the report said", "the agency's review found": a document (its noun at token `k`) speaks for
/// the organization that wrote it: the one named as its owner, else the last organization named.
fn document_author(reg: &Registry, s: &Sentence, mentions: &[Mention], k: usize) -> Option<Who> {
    if !words::is_document_noun(s.word(k)) || k <= s.first || !gap_before_is_plain(s, k - 1, k) {
        return None;
    }
    let org = |e: &super::people::Entity| e.kind == SourceKind::Organization && !e.country;
    if let Some(m) = mention_ending_at(mentions, k - 1).filter(|m| m.possessive) {
        return reg
            .entities
            .get(m.entity)
            .filter(|e| org(e))
            .map(|_| Who::Entity(m.entity));
    }
    if s.word(k - 1).eq_ignore_ascii_case("the") {
        return reg.recent(pos_of(s, k), org).map(Who::Entity);
    }
    // "the authority's report": a lowercase organization noun as the owner.
    let owner = s.toks.get(k - 1).filter(|t| t.possessive)?;
    let head = words::organization_head(&s.text.get(owner.start..owner.end)?.to_lowercase())?;
    let definite = k >= s.first + 2 && s.word(k - 2).eq_ignore_ascii_case("the");
    definite
        .then(|| reg.find_by_head(head, pos_of(s, k)))
        .flatten()
        .map(Who::Entity)
}

fn gap_before_is_plain(s: &Sentence, k: usize, v: usize) -> bool {
    match (s.toks.get(k), s.toks.get(v)) {
        (Some(a), Some(b)) => s
            .text
            .get(a.full_end..b.start)
            .is_some_and(|g| !g.contains([',', ';', '.', '“', '”', '"', '—'])),
        _ => false,
    }
}

/// The attribution cue from the verb at token `v` to the end of its clause (at most six words):
/// "said during a briefing", "told Reuters".
fn cue_from(s: &Sentence, v: usize) -> Option<String> {
    let start = s.toks.get(v)?.start;
    let mut end = s.toks.get(v)?.end;
    let mut k = v;
    while k < s.last && k < v + 5 {
        let t = s.toks.get(k)?;
        let next = s.toks.get(k + 1)?;
        if s.text
            .get(t.full_end..next.start)
            .is_some_and(|g| g.contains([',', '.', ';', ':', '“', '"', '—', '(']))
        {
            break;
        }
        // "said Senator NAME", "said opposition leader NAME": the name is the speaker, not the
        // cue ("told Reuters" is).
        let verb = s.word(v);
        let titled_name = (k + 1..=s.last.min(k + 3))
            .take_while(|&x| s.word(x).chars().next().is_some_and(char::is_lowercase))
            .last()
            .is_some_and(|x| {
                words::is_role_noun(s.word(x))
                    && s.word(x + 1).chars().next().is_some_and(char::is_uppercase)
            });
        if k == v
            && !matches!(verb, "told" | "tells")
            && (s.word(k + 1).chars().next().is_some_and(char::is_uppercase) || titled_name)
        {
            break;
        }
        if s.text.get(next.start..next.end).is_some_and(|w| {
            matches!(
                w,
                "that" | "and" | "but" | "as" | "when" | "while" | "because"
            )
        }) {
            break;
        }
        end = next.end;
        k += 1;
    }
    s.text.get(start..end).map(str::to_string)
}

/// "“…,” X said" / "“…,” said X, a spokeswoman for Y": attribution right after the quotation.
fn after(
    reg: &Registry,
    s: &Sentence,
    mentions: &[Mention],
    q: &QuoteSpan,
) -> Option<(Who, usize)> {
    let j = s.tok_at_or_after(q.end)?;
    let gap = s.text.get(q.end..s.toks.get(j)?.start)?;
    if !gap
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, ',' | '—' | '–'))
    {
        return None;
    }
    let w = s.word(j);
    if words::is_speech_verb(w) {
        // "said Tarvik United coach NAME": the team, a role word, then the person.
        if let Some(team) = mention_at(mentions, j + 1).filter(|m| !m.possessive) {
            let role = team.last_tok + 1;
            let role_word = s.word(role);
            if role_word.chars().next().is_some_and(char::is_lowercase)
                && (words::is_role_noun(role_word) || words::looks_like_occupation(role_word))
            {
                if let Some(person) = mention_at(mentions, role + 1).filter(|p| {
                    reg.entities
                        .get(p.entity)
                        .is_some_and(|e| e.kind == SourceKind::Person)
                }) {
                    return Some((Who::Entity(person.entity), j));
                }
            }
        }
        let (who, _) = phrase_at(reg, s, mentions, j + 1)?;
        return Some((who, j));
    }
    // A subject, then (after an apposition or fillers) the verb.
    let (who, end) = phrase_at(reg, s, mentions, j)?;
    let mut v = s.tok_at_or_after(end)?;
    // Skip an apposition in commas.
    if s.text.get(end..)?.starts_with(", ") {
        let mut k = v;
        while k <= s.last && k < v + 16 {
            let t = s.toks.get(k)?;
            if s.text.get(t.full_end..)?.starts_with(',') {
                v = k + 1;
                break;
            }
            k += 1;
        }
    }
    while v <= s.last && words::is_filler(s.word(v)) {
        v += 1;
    }
    (v <= s.last && words::is_speech_verb(s.word(v))).then_some((who, v))
}

/// "X said: “…”" / "X told reporters, “…”": attribution right before the quotation.
fn before(
    reg: &Registry,
    s: &Sentence,
    mentions: &[Mention],
    q: &QuoteSpan,
    floor: usize,
) -> Option<(Who, usize)> {
    let lead = s.text.get(..q.start)?.trim_end();
    if !lead.ends_with([':', ',']) {
        return None;
    }
    let last = (s.first..=s.last)
        .rev()
        .find(|&i| s.toks.get(i).is_some_and(|t| t.end <= q.start))?;
    let mut v = last;
    // "Said NAME: “…”": the verb opens the sentence, the speaker follows it.
    if last > s.first && floor <= s.first && words::is_speech_verb(&s.word(s.first).to_lowercase())
    {
        if let Some((who, end)) = phrase_at(reg, s, mentions, s.first + 1) {
            if s.text.get(end..q.start).is_some_and(|g| g.trim() == ":") {
                return Some((who, s.first));
            }
        }
    }
    while v >= floor && v + 10 > last {
        if words::is_speech_verb(s.word(v)) {
            return subject_before(reg, s, mentions, v, floor).map(|w| (w, v));
        }
        if v == 0 {
            break;
        }
        v -= 1;
    }
    None
}

/// The token index where the clause holding byte `pos` begins (after a comma, semicolon, dash,
/// colon, or an earlier quotation).
fn clause_start(s: &Sentence, pos: usize) -> usize {
    let mut k = s.tok_at_or_after(pos).unwrap_or(s.last + 1);
    if k > s.first {
        // The word right before the quotation belongs to the clause whatever mark follows it.
        k -= 1;
    }
    while k > s.first {
        let (Some(p), Some(t)) = (s.toks.get(k - 1), s.toks.get(k)) else {
            break;
        };
        let gap = s.text.get(p.full_end..t.start).unwrap_or("");
        if gap.contains([',', ';', '—', ':', '(', '”', '"']) {
            break;
        }
        k -= 1;
    }
    k
}

/// "… what the ministry calls “…”" or "the term “…”": whether the words before mark a term.
fn scare_cue(s: &Sentence, q: &QuoteSpan) -> bool {
    let Some(last) = (s.first..=s.last)
        .rev()
        .find(|&i| s.toks.get(i).is_some_and(|t| t.end <= q.start))
    else {
        return false;
    };
    let gap = s
        .toks
        .get(last)
        .and_then(|t| s.text.get(t.full_end..q.start))
        .unwrap_or("x");
    if !gap.trim().is_empty() {
        return false;
    }
    let w = s.word(last).to_lowercase();
    if words::is_scare_cue(&w) {
        return true;
    }
    (w == "as" && last > s.first && s.word(last - 1) == "known")
        || (matches!(w.as_str(), "called" | "named" | "termed")
            && last > s.first
            && matches!(s.word(last - 1), "is" | "are" | "was" | "were" | "be" | "being" | "been"))
        // "dubbed the proposal the “…”"
        || (last.saturating_sub(4)..last)
            .any(|k| k >= s.first && matches!(s.word(k), "dubbed" | "nicknamed" | "branded"))
}

/// "Sen. NAME (R-Kan.), who voted against the bill, said …", "Gov. NAME of Place, who chairs X,
/// wrote …": the person or organization named first in the sentence, when nothing but their
/// apposition stands between them and the verb at `v` (no other verb's clause).
fn opening_subject(reg: &Registry, s: &Sentence, mentions: &[Mention], v: usize) -> Option<Who> {
    let m = mentions
        .iter()
        .find(|m| m.first_tok >= s.first && m.first_tok < v)?;
    let at_start = (s.first..m.first_tok).all(|k| {
        let w = s.word(k);
        words::is_title(w) || words::honorific(w).is_some() || matches!(w, "The" | "the")
    });
    let kind_ok = reg.entities.get(m.entity).is_some_and(|e| {
        e.kind == SourceKind::Person || (e.kind == SourceKind::Organization && !e.country)
    });
    // Between the name and the verb: a bracket, an "of" place, and one clause in commas.
    let between = s
        .text
        .get(s.toks.get(m.last_tok)?.full_end..s.toks.get(v)?.start)?;
    let commas = between.matches(',').count();
    let plain = commas == 0 && between.split_whitespace().count() <= 4;
    let apposed = commas == 2 && between.trim_start().starts_with([',', '(']);
    (at_start && kind_ok && !m.possessive && (plain || apposed)).then_some(Who::Entity(m.entity))
}

/// The first name or pronoun in the sentence that acts as its subject (not after a preposition,
/// not possessive), before byte `limit`.
pub(super) fn sentence_subject(
    reg: &Registry,
    s: &Sentence,
    mentions: &[Mention],
    limit: usize,
) -> Option<(Who, usize)> {
    for k in s.first..=s.last {
        let t = s.toks.get(k)?;
        if t.start >= limit {
            break;
        }
        if super::tokens::inside(s.quotes, t.start) {
            continue;
        }
        let mut b = k;
        while b > s.first && matches!(s.word(b - 1), "the" | "The" | "a" | "A" | "an" | "An") {
            b -= 1;
        }
        let prev_ok = !matches!(s.before(b), Some(p) if words::is_preposition(&p));
        if let Some(m) = mention_at(mentions, k) {
            if prev_ok && !m.possessive && followed_by_predicate(s, m.last_tok) {
                return Some((Who::Entity(m.entity), k));
            }
        } else if let Some(p) = words::pronoun(s.word(k)) {
            if prev_ok && followed_by_predicate(s, k) {
                if let Some(e) = resolve_pronoun(reg, p, pos_of(s, k)) {
                    return Some((Who::Entity(e), k));
                }
            }
        }
    }
    None
}

/// Whether a lowercase word (a verb) or a parenthetical in commas follows token `k`.
pub(super) fn followed_by_predicate(s: &Sentence, k: usize) -> bool {
    let (Some(t), Some(n)) = (s.toks.get(k), s.toks.get(k + 1)) else {
        return false;
    };
    if k + 1 > s.last {
        return false;
    }
    let gap = s.text.get(t.full_end..n.start).unwrap_or("");
    let next = s.word(k + 1);
    let lower = next.chars().next().is_some_and(char::is_lowercase);
    (gap.trim().is_empty() && lower && !words::is_preposition(next)) || (gap.trim() == "," && lower)
}

/// Finds the speaker of quotation `q` in sentence `s`. `previous` is the speaker of the last
/// quotation nearby, for a quotation that continues someone's words.
pub(super) fn resolve(
    reg: &Registry,
    s: &Sentence,
    mentions: &[Mention],
    q: &QuoteSpan,
    sentence_start: usize,
    previous: Option<&Who>,
) -> Resolved {
    let lead = s.text.get(sentence_start..q.start).unwrap_or("").trim();
    let embedded = !(lead.is_empty() || lead.ends_with(':'));
    let according = according_to(reg, s, mentions);
    let found = |who: Who, v: usize| Resolved {
        who: Some(who),
        cue: cue_from(s, v),
        scare: false,
        verb: Some(v),
        alone: false,
    };
    if embedded {
        if scare_cue(s, q) {
            return Resolved {
                scare: true,
                ..Resolved::default()
            };
        }
        let floor = clause_start(s, q.start);
        let last_before = (floor..=s.last)
            .rev()
            .find(|&i| s.toks.get(i).is_some_and(|t| t.end <= q.start));
        if let Some(last_before) = last_before {
            // The subject may stand before an apposition in commas: "An X spokeswoman, NAME,
            // said the … had “…”".
            let no_quote_before = (s.first..floor).all(|i| {
                s.toks
                    .get(i)
                    .is_some_and(|t| !super::tokens::inside(s.quotes, t.start))
            });
            for v in (floor..=last_before).rev() {
                if words::is_declaring_verb(s.word(v)) {
                    let who = subject_before(reg, s, mentions, v, floor)
                        .or_else(|| {
                            no_quote_before
                                .then(|| subject_before(reg, s, mentions, v, s.first))
                                .flatten()
                        })
                        .or_else(|| {
                            no_quote_before
                                .then(|| opening_subject(reg, s, mentions, v))
                                .flatten()
                        });
                    if let Some(who) = who {
                        return found(who, v);
                    }
                }
            }
        }
    }
    if let Some((who, v)) = after(reg, s, mentions, q) {
        return found(who, v);
    }
    let floor = clause_start(s, q.start).saturating_sub(0).max(s.first);
    let floor = (s.first..floor)
        .rev()
        .find(|&i| {
            s.toks
                .get(i)
                .is_some_and(|t| super::tokens::inside(s.quotes, t.start))
        })
        .map_or(s.first, |i| i + 1);
    if let Some((who, v)) = before(reg, s, mentions, q, floor) {
        return found(who, v);
    }
    let subject = sentence_subject(reg, s, mentions, q.start);
    if let Some((who, cue)) = according {
        let reporting = match &who {
            Who::Entity(e) => reg
                .entities
                .get(*e)
                .is_some_and(|e| e.kind == SourceKind::Publication),
            Who::Unnamed(p) => p.contains("media") || p.contains("report"),
        };
        if reporting && embedded {
            if let Some((Who::Entity(e), _)) = &subject {
                if reg.entities.get(*e).is_some_and(|e| {
                    e.kind == SourceKind::Person
                        || (e.kind == SourceKind::Organization && !e.country)
                }) {
                    return Resolved {
                        who: Some(Who::Entity(*e)),
                        cue: Some(cue),
                        scare: false,
                        verb: None,
                        alone: false,
                    };
                }
            }
        }
        return Resolved {
            who: Some(who),
            cue: Some(cue),
            scare: false,
            verb: None,
            alone: false,
        };
    }
    // An embedded phrase, or a quotation after a colon with no speech verb, is the subject's.
    if embedded || lead.ends_with(':') {
        if let Some((who, _)) = subject {
            return Resolved {
                who: Some(who),
                ..Resolved::default()
            };
        }
    }
    // Only a quotation that stands alone continues the last speaker's words; one introduced by
    // other words ("a placard read: “…”") is not theirs.
    if lead.is_empty() {
        return Resolved {
            who: previous.cloned(),
            alone: true,
            ..Resolved::default()
        };
    }
    // "Then, after a pause: “…”": a colon after a connective continues the last speaker (not "a
    // sign read: “…”").
    let connective = lead.split([' ', ',']).next().is_some_and(|w| {
        matches!(
            w,
            "Then" | "Later" | "Afterwards" | "Again" | "Finally" | "And"
        )
    });
    if lead.ends_with(':') && subject.is_none() && connective {
        return Resolved {
            who: previous.cloned(),
            ..Resolved::default()
        };
    }
    Resolved::default()
}

/// "according to X" in the sentence: X, and the cue.
fn according_to(reg: &Registry, s: &Sentence, mentions: &[Mention]) -> Option<(Who, String)> {
    let k = (s.first..s.last).find(|&k| {
        s.word(k).eq_ignore_ascii_case("according")
            && s.word(k + 1) == "to"
            && !super::tokens::inside(s.quotes, s.toks.get(k).map_or(0, |t| t.start))
    })?;
    let (who, _) = phrase_at(reg, s, mentions, k + 2)?;
    Some((who, "according to".to_string()))
}
