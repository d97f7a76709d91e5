//! People, organizations and other sources: names, honorifics, titles, roles, aliases, and the
//! mentions that refer to them.

use std::collections::{HashMap, HashSet};

use super::tokens::Tok;
use super::words::{self, Gender};
use crate::{Abbreviation, SourceKind};

/// A place in the article: (unit, byte).
pub(super) type Pos = (usize, usize);

/// Someone or something the text names.
#[derive(Clone, Debug)]
pub(super) struct Entity {
    /// Canonical full name, as first introduced, without honorific or title.
    pub name: String,
    pub kind: SourceKind,
    pub role: Option<String>,
    /// Other forms the text uses, in order of first use.
    pub aliases: Vec<String>,
    /// The name's words.
    pub tokens: Vec<String>,
    pub gender: Option<Gender>,
    /// Where the name first appears: unit and byte range.
    pub first: (usize, usize, usize),
    /// A quote or an attribution points at it.
    pub cited: bool,
    /// A country (capital-city metonyms may join it).
    pub country: bool,
}

/// One reference to an entity in a unit's text, outside quotations.
#[derive(Clone, Copy, Debug)]
pub(super) struct Mention {
    pub entity: usize,
    /// Byte range of the name as written (honorific and title included, possessive excluded).
    pub start: usize,
    pub end: usize,
    pub possessive: bool,
    /// Token indices of the first and last word.
    pub first_tok: usize,
    pub last_tok: usize,
    /// A capital city standing for its country.
    pub metonym: bool,
}

/// Every entity met so far, and the order they were mentioned in.
#[derive(Default)]
pub(super) struct Registry {
    pub entities: Vec<Entity>,
    history: Vec<(Pos, usize)>,
    /// The long form of each short form the text defines, by the short form without full stops
    /// (first definition wins); a map, since one text can define thousands.
    long_forms: HashMap<String, String>,
    /// The short forms exactly as defined.
    short_forms: HashSet<String>,
    /// Genders learned from the pronouns that resolved to a person, applied between sentences.
    pub gender_hints: std::cell::RefCell<Vec<(usize, Gender)>>,
    // Indexes, so that a lookup does not scan every entity: an article naming thousands of people
    // would otherwise take time growing with the square of their number.
    /// Canonical name → entity.
    by_name: HashMap<String, usize>,
    /// Canonical name or alias → the first entity that has it.
    by_form: HashMap<String, usize>,
    /// The word a reference to a person must end with (see [`name_refers_to`]) → the entities.
    by_key_word: HashMap<String, Vec<usize>>,
    /// Initials of a multi-word organization or publication name → the first such entity.
    by_initials: HashMap<String, usize>,
    /// Every word of every person's, organization's or publication's name.
    name_words: HashSet<String>,
    /// How many times each entity has been mentioned.
    mentions: Vec<usize>,
    /// The unit being read.
    now: usize,
    /// Capitalized runs of words that named nobody yet ("the business of Dresvon Metals"), by
    /// their first word: a later "Dresvon said" is that name (first run wins).
    unclaimed_runs: HashMap<String, String>,
    /// The same runs of two or three words by their last word: "When Ada Quill went into
    /// labour …" then "said Quill": a person named without a role at first.
    unclaimed_by_last: HashMap<String, String>,
}

/// Notes `value` under `key` unless a smaller one is there: lookups want the first entity.
fn keep_first(map: &mut HashMap<String, usize>, key: &str, value: usize) {
    map.entry(key.to_string())
        .and_modify(|v| *v = (*v).min(value))
        .or_insert(value);
}

/// A name's words without particles, as [`name_refers_to`] compares them. A particle opening a
/// sentence is capitalized ("Van der Veen said"): one that another word follows is still one.
fn name_words<'a>(tokens: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let tokens: Vec<&str> = tokens.into_iter().collect();
    let count = tokens.len();
    tokens
        .into_iter()
        .enumerate()
        .map(|(i, t)| (i, words::strip_particle(t)))
        .filter(|&(i, t)| !(words::is_particle(t) || i + 1 < count && is_capitalized_particle(t)))
        .map(|(_, t)| t)
        .collect()
}

/// "Van", "De", "Von": a particle written with a capital (not "Le", a Vietnamese family name).
fn is_capitalized_particle(word: &str) -> bool {
    matches!(
        word,
        "Van" | "Von" | "De" | "Del" | "Della" | "Di" | "Da" | "Du" | "Dos" | "Das" | "Ter" | "Ten"
    )
}

/// How far back pronoun and alias resolution looks, in mentions.
const HISTORY_WINDOW: usize = 400;

impl Registry {
    pub fn new(abbreviations: &[Abbreviation]) -> Registry {
        let mut long_forms = HashMap::new();
        for a in abbreviations {
            long_forms
                .entry(a.short.trim_end_matches('.').to_string())
                .or_insert_with(|| a.long.clone());
        }
        Registry {
            long_forms,
            short_forms: abbreviations.iter().map(|a| a.short.clone()).collect(),
            ..Registry::default()
        }
    }

    /// Applies the genders that pronouns revealed.
    pub fn apply_gender_hints(&mut self) {
        for (e, g) in self.gender_hints.take() {
            if let Some(ent) = self.entities.get_mut(e) {
                if ent.gender.is_none() {
                    ent.gender = Some(g);
                }
            }
        }
    }

    /// Records a mention of `entity` at `pos`.
    pub fn record(&mut self, pos: Pos, entity: usize) {
        self.history.push((pos, entity));
        if self.mentions.len() <= entity {
            self.mentions.resize(entity + 1, 0);
        }
        if let Some(n) = self.mentions.get_mut(entity) {
            *n += 1;
        }
    }

    /// Whether `entity` is mentioned in `unit` (the history is in reading order).
    pub fn mentioned_in(&self, entity: usize, unit: usize) -> bool {
        let from = self.history.partition_point(|&((u, _), _)| u < unit);
        let to = self.history.partition_point(|&((u, _), _)| u <= unit);
        self.history
            .get(from..to)
            .is_some_and(|h| h.iter().any(|&(_, e)| e == entity))
    }

    /// The most recently mentioned entity before `before` that `fits`.
    pub fn recent(&self, before: Pos, fits: impl Fn(&Entity) -> bool) -> Option<usize> {
        self.history
            .iter()
            .rev()
            .take(HISTORY_WINDOW)
            .filter(|(p, _)| *p < before)
            .map(|&(_, e)| e)
            .find(|&e| self.entities.get(e).is_some_and(&fits))
    }

    /// Of several people one name fits, the one mentioned last — unless that was paragraphs ago,
    /// then the one the article speaks of most ("Park" is the striker quoted throughout, not his
    /// mother named once).
    fn most_recent_of(&self, candidates: &[usize]) -> Option<usize> {
        let recent = self
            .history
            .iter()
            .rev()
            .take(HISTORY_WINDOW)
            .find(|(_, e)| candidates.contains(e))
            .copied();
        let Some(((unit, _), e)) = recent else {
            return candidates.last().copied();
        };
        if candidates.len() < 2 || self.now <= unit + 1 {
            return Some(e);
        }
        let mentions = |c: &usize| self.mentions.get(*c).copied().unwrap_or(0);
        let most = candidates.iter().map(mentions).max().unwrap_or(0);
        if mentions(&e) == most {
            Some(e)
        } else {
            candidates.iter().copied().find(|c| mentions(c) == most)
        }
    }

    /// The person a name (or the name part after an honorific) refers to; an ambiguous name binds to
    /// the most recently mentioned person it fits.
    pub fn find_person(&self, name: &[&str], gender: Option<Gender>) -> Option<usize> {
        let key = name_words(name.iter().copied());
        let candidates = key
            .last()
            .and_then(|k| self.by_key_word.get(*k))
            .map_or(&[][..], Vec::as_slice);
        let named: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&i| {
                self.entities.get(i).is_some_and(|e| {
                    e.kind == SourceKind::Person && name_refers_to(&e.tokens, name)
                })
            })
            .collect();
        // A person whose gender the text has shown wins over one whose gender is unknown.
        let same: Vec<usize> = named
            .iter()
            .copied()
            .filter(|&i| gender.is_some() && self.entities[i].gender == gender)
            .collect();
        if !same.is_empty() {
            return self.most_recent_of(&same);
        }
        let open: Vec<usize> = named
            .into_iter()
            .filter(|&i| gender.is_none() || self.entities[i].gender.is_none())
            .collect();
        self.most_recent_of(&open)
    }

    /// The entity with exactly this canonical name or alias.
    pub fn find_named(&self, name: &str) -> Option<usize> {
        self.by_form.get(name).copied()
    }

    /// The most recently mentioned organization whose name ends in `head` ("the ministry"); `*`
    /// stands for any organization that is not a country ("the company"), `+` for any publication.
    pub fn find_by_head(&self, head: &str, before: Pos) -> Option<usize> {
        let org = |e: &Entity| e.kind == SourceKind::Organization && !e.country;
        let public = |e: &Entity| e.tokens.iter().any(|t| words::is_public_body_word(t));
        match head {
            "" => return None,
            // "the company": a company rather than a public body, if one was named.
            "*" => {
                return self
                    .recent(before, |e| org(e) && !public(e))
                    .or_else(|| self.recent(before, org));
            }
            // "the regulator": a public body.
            "#" => return self.recent(before, |e| org(e) && public(e)),
            "+" => return self.recent(before, |e| e.kind == SourceKind::Publication),
            _ => {}
        }
        self.recent(before, |e| {
            matches!(e.kind, SourceKind::Organization | SourceKind::Publication)
                && (e.tokens.last().is_some_and(|t| t.eq_ignore_ascii_case(head))
                    // "the chamber" for "Chamber of Shipping"
                    || e.tokens.windows(2).any(|w| {
                        w[0] == head && matches!(w[1].as_str(), "of" | "for" | "on")
                    }))
        })
    }

    /// The entity a short form stands for: one the text defines, or one whose initials it is.
    pub fn find_abbreviation(&self, short: &str) -> Option<usize> {
        let short = short.trim_end_matches(['.']);
        if let Some(long) = self.long_forms.get(short) {
            if let Some(e) = self.find_named(long) {
                return Some(e);
            }
        }
        // Dotted short forms ("U.N.") match the initials of the name.
        let letters: String = short.chars().filter(|c| *c != '.').collect();
        self.by_initials.get(&letters).copied()
    }

    /// Adds an entity, or returns the one with this name.
    pub fn get_or_add(
        &mut self,
        name: &str,
        kind: SourceKind,
        first: (usize, usize, usize),
    ) -> usize {
        if let Some(&i) = self.by_name.get(name) {
            return i;
        }
        let index = self.entities.len();
        let tokens: Vec<String> = name.split_whitespace().map(str::to_string).collect();
        keep_first(&mut self.by_name, name, index);
        keep_first(&mut self.by_form, name, index);
        if kind != SourceKind::Person && tokens.len() >= 2 {
            keep_first(&mut self.by_initials, &initials(&tokens), index);
        }
        if kind != SourceKind::Unnamed {
            self.name_words.extend(tokens.iter().cloned());
        }
        let words = name_words(tokens.iter().map(String::as_str));
        let mut keys: Vec<&str> = words.last().copied().into_iter().collect();
        if let Some(&first) = words.first() {
            let patronymic = tokens
                .iter()
                .any(|t| matches!(t.as_str(), "bin" | "bint" | "binti" | "ibn"));
            // A two-word name is found by its first word too: family names written first in
            // traditions the word list does not cover ("Takeda Sora" → "Takeda").
            if words.len() >= 2
                && (words::is_family_name_first(first)
                    || words::is_vietnamese_family_name(first)
                    || patronymic
                    || words.len() == 2)
                && !keys.contains(&first)
            {
                keys.push(first);
            }
        }
        // The first of a double surname.
        if kind == SourceKind::Person && words.len() >= 3 {
            if let Some(&w) = words.get(words.len() - 2) {
                if !keys.contains(&w) {
                    keys.push(w);
                }
            }
        }
        for key in keys {
            self.by_key_word
                .entry(key.to_string())
                .or_default()
                .push(index);
        }
        self.entities.push(Entity {
            name: name.to_string(),
            kind,
            role: None,
            aliases: Vec::new(),
            tokens,
            gender: None,
            first,
            cited: false,
            country: false,
        });
        self.entities.len() - 1
    }

    /// Notes a capitalized run that named nobody.
    pub fn note_unclaimed_run(&mut self, first_word: &str, run: &str) {
        if !self.unclaimed_runs.contains_key(first_word) {
            self.unclaimed_runs
                .insert(first_word.to_string(), run.to_string());
        }
        let words: Vec<&str> = run.split_whitespace().collect();
        if let (2..=3, Some(last)) = (words.len(), words.last()) {
            if !words.iter().any(|w| words::is_organization_word(w)) {
                self.unclaimed_by_last
                    .entry((*last).to_string())
                    .or_insert_with(|| run.to_string());
            }
        }
    }

    /// The run of words a lone name ended, if any (a person's full name).
    pub fn unclaimed_person(&self, word: &str) -> Option<&str> {
        self.unclaimed_by_last.get(word).map(String::as_str)
    }

    /// The run of words a lone name was first seen in, if any.
    pub fn unclaimed_run(&self, word: &str) -> Option<&str> {
        self.unclaimed_runs.get(word).map(String::as_str)
    }

    /// Whether `word` is a word of a name met so far ("Nordby" in "Nordby executives").
    pub fn is_name_word(&self, word: &str) -> bool {
        self.name_words.contains(word)
    }

    /// Notes a form of the name the text uses, unless it is the canonical name.
    pub fn add_alias(&mut self, entity: usize, alias: &str) {
        let alias = alias.trim();
        if let Some(e) = self.entities.get_mut(entity) {
            if !alias.is_empty() && alias != e.name && !e.aliases.iter().any(|a| a == alias) {
                e.aliases.push(alias.to_string());
                keep_first(&mut self.by_form, alias, entity);
            }
        }
    }
}

/// The capitals of a name's capitalized words ("Baltic Maritime News Agency" → "BMNA").
fn initials(tokens: &[String]) -> String {
    tokens
        .iter()
        .filter_map(|t| t.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// Whether `reference` (a name as written after any honorific) can refer to the person `full`:
/// the whole name; its first word when family names come first ("Park Ji Hoon" → "Park"); otherwise
/// any run of its last words ("Andrés Manuel López Obrador" → "López Obrador", "Nguyen Van An" →
/// "An"). Particles are ignored ("al-Assad" = "Assad").
pub(super) fn name_refers_to(full: &[String], reference: &[&str]) -> bool {
    let full_raw = full;
    let full: Vec<&str> = name_words(full.iter().map(String::as_str));
    let reference: Vec<&str> = name_words(reference.iter().copied());
    if reference.is_empty() || full.is_empty() {
        return false;
    }
    if full == reference {
        return true;
    }
    if reference.len() >= full.len() {
        return false;
    }
    let first = full[0];
    if full.len() >= 3 && words::is_vietnamese_family_name(first) {
        return reference == [first] || full.last() == reference.last() && reference.len() == 1;
    }
    if full.len() >= 2 && words::is_family_name_first(first) {
        return reference == [first];
    }
    // "Jorge Luis Vega Ruiz" → "Vega": the first of a double surname.
    let paternal = full.len() >= 3
        && reference.len() == 1
        && full.get(full.len() - 2) == reference.first()
        && reference[0].chars().count() > 2;
    // "Takeda" for "Takeda Sora": a two-word name referred to by its first word is written
    // family name first (a Western given name alone is also the same person).
    let first_of_two = full.len() == 2 && reference == [first] && first.chars().count() > 2;
    full.ends_with(&reference)
        || paternal
        || first_of_two
        || given_name_with_patronymic(full_raw, &reference)
}

/// "Sheikh Hamad" for "Hamad bin Zayed al-Thani": a name with a patronymic particle (bin, bint,
/// ibn) is shortened to its given name.
fn given_name_with_patronymic(full: &[String], reference: &[&str]) -> bool {
    full.len() >= 3
        && full
            .iter()
            .any(|t| matches!(t.as_str(), "bin" | "bint" | "binti" | "ibn"))
        && reference.len() == 1
        && full.first().is_some_and(|f| f == reference[0])
}

/// Context for reading the names of one sentence.
pub(super) struct Sentence<'a> {
    pub unit: usize,
    pub text: &'a str,
    pub toks: &'a [Tok],
    /// Token index range of the sentence.
    pub first: usize,
    pub last: usize,
    /// Byte end of the sentence.
    pub end: usize,
    /// Byte ranges of quotations.
    pub quotes: &'a [(usize, usize)],
}

impl Sentence<'_> {
    pub fn word(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    fn quoted(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| super::tokens::inside(self.quotes, t.start))
    }

    fn namey(&self, i: usize) -> bool {
        let w = self.word(i);
        w.chars().next().is_some_and(char::is_uppercase) || words::strip_particle(w) != w
    }

    /// Words `a` and `b` are next to each other with only a space between them (no punctuation,
    /// no possessive on `a`).
    fn adjacent(&self, a: usize, b: usize) -> bool {
        let (Some(x), Some(y)) = (self.toks.get(a), self.toks.get(b)) else {
            return false;
        };
        !x.possessive && gap_is_space(self.text, x.full_end, y.start)
    }

    /// Like [`Self::adjacent`], but a possessive may sit on `a` ("South Korea's foreign minister").
    fn loosely_adjacent(&self, a: usize, b: usize) -> bool {
        let (Some(x), Some(y)) = (self.toks.get(a), self.toks.get(b)) else {
            return false;
        };
        gap_is_space(self.text, x.full_end, y.start)
    }

    /// The lowercased word before token `i` inside the sentence, if any.
    pub fn before(&self, i: usize) -> Option<String> {
        (i > self.first && i <= self.last + 1).then(|| self.word(i - 1).to_lowercase())
    }

    /// The token index of the first word after byte `pos` in the sentence.
    pub fn tok_at_or_after(&self, pos: usize) -> Option<usize> {
        (self.first..=self.last).find(|&i| self.toks.get(i).is_some_and(|t| t.start >= pos))
    }

    /// Whether the word after token `i` (skipping fillers and an apposition) is a speech or belief
    /// verb.
    pub fn followed_by_speech_verb(&self, i: usize) -> bool {
        let mut j = i + 1;
        // An apposition: ", a spokeswoman for ...," then the verb; a short parenthetical
        // ("(pictured)") before it or before the verb is skipped.
        let after_paren = |end: usize| {
            end + self
                .text
                .get(end..)
                .map_or(0, super::speakers::parenthetical_len)
        };
        if let Some(t) = self.toks.get(i) {
            let end = after_paren(t.full_end);
            if end > t.full_end {
                j = self.tok_at_or_after(end).unwrap_or(self.last + 1);
            }
            if self.text.get(end..).is_some_and(|r| r.starts_with(", ")) {
                let mut k = j;
                while k <= self.last && k < j + 16 {
                    let tk = self.toks[k];
                    let end = after_paren(tk.full_end);
                    if self.text.get(end..).is_some_and(|r| r.starts_with(',')) {
                        j = self.tok_at_or_after(end).unwrap_or(self.last + 1);
                        break;
                    }
                    k += 1;
                }
            }
        }
        while j <= self.last && words::is_filler(self.word(j)) {
            j += 1;
        }
        j <= self.last && {
            let w = self.word(j);
            words::is_speech_verb(w) || words::is_belief_verb(w)
        }
    }
}

/// "Said Ms. X: “…”": a capitalized speech verb opening the sentence before a short name and a
/// colon or comma is not part of the name.
fn inverted_speech_verb(s: &Sentence, i: usize) -> bool {
    i == s.first
        && i < s.last
        && words::is_speech_verb(&s.word(i).to_lowercase())
        && (i + 1..=s.last.min(i + 4)).any(|k| {
            s.toks
                .get(k)
                .and_then(|t| s.text.get(t.full_end..))
                .is_some_and(|r| r.starts_with([':', ',']))
        })
}

fn gap_is_space(text: &str, from: usize, to: usize) -> bool {
    from < to
        && to - from <= 2
        && text
            .get(from..to)
            .is_some_and(|g| g.chars().all(|c| c == ' '))
}

/// Finds the names in one sentence (outside quotations), binding each to an entity and learning
/// new entities and their roles as the text introduces them.
pub(super) fn scan_sentence(reg: &mut Registry, s: &Sentence) -> Vec<Mention> {
    reg.now = s.unit;
    let mut out = Vec::new();
    let mut i = s.first;
    while i <= s.last {
        if s.quoted(i) {
            i += 1;
            continue;
        }
        // "the company", "the union": an alias of the organization it refers back to.
        // "the Miravian interior ministry": a capitalized qualifier, lowercase words and an
        // organization noun name an organization of their own.
        if let Some(m) = qualified_organization(reg, s, i) {
            reg.record((s.unit, m.start), m.entity);
            i = m.last_tok + 1;
            out.push(m);
            continue;
        }
        // "the port authority": up to two lowercase words before the head noun.
        if s.word(i).eq_ignore_ascii_case("the") && i < s.last && !s.quoted(i + 1) {
            // (Not "the third-largest lender" or "the new bank": those describe.)
            let head = (i + 1..=s.last.min(i + 3))
                .take_while(|&k| {
                    let w = s.word(k);
                    w.chars().next().is_some_and(char::is_lowercase)
                        && w.chars().all(char::is_alphabetic)
                        && !w.ends_with("est")
                        && !matches!(
                            w,
                            "new" | "combined" | "merged" | "former" | "other" | "same" | "old"
                        )
                        && s.adjacent(k - 1, k)
                })
                .find(|&k| words::organization_head(s.word(k)).is_some());
            let found = head.and_then(|k| {
                let h = words::organization_head(s.word(k))?;
                let t = s.toks.get(i)?;
                Some((k, h, (s.unit, t.start)))
            });
            if let Some((k, h, pos)) = found {
                // Not the organization this sentence is about: "X, which sits on the regulator's
                // panel" speaks of another body (but "an X spokeswoman said the bloc's …" may
                // mean X).
                let sentence_start = (s.unit, s.toks.get(s.first).map_or(0, |t| t.start));
                let subject = out.first().filter(|m: &&Mention| {
                    let next_lower = s
                        .word(m.last_tok + 1)
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase);
                    let modifier = next_lower && s.adjacent(m.last_tok, m.last_tok + 1);
                    !m.possessive && !modifier
                });
                let named_here = |e: usize| subject.is_some_and(|m| m.entity == e);
                let e = reg
                    .find_by_head(h, sentence_start)
                    .filter(|&e| !named_here(e))
                    .or_else(|| reg.find_by_head(h, pos).filter(|&e| !named_here(e)));
                if let Some(e) = e {
                    let words_: Vec<&str> = (i + 1..=k).map(|x| s.word(x)).collect();
                    reg.add_alias(e, &format!("the {}", words_.join(" ")));
                    reg.record(pos, e);
                }
            }
        }
        if !s.namey(i) || inverted_speech_verb(s, i) {
            i += 1;
            continue;
        }
        let mut b = i;
        while b < s.last && s.adjacent(b, b + 1) && !s.quoted(b + 1) {
            if s.namey(b + 1) {
                b += 1;
                continue;
            }
            // "de la", "van der": up to two particles, then a name word.
            let mut p = b + 1;
            while p < s.last && p < b + 3 && words::is_particle(s.word(p)) && s.adjacent(p, p + 1) {
                p += 1;
            }
            if p > b + 1 && s.namey(p) && !s.quoted(p) {
                b = p;
            } else {
                break;
            }
        }
        // "Fair Trade and Prices Office": one word joined by "and" to words that end in an
        // organization word (two names of their own are two organizations: "Alder Savings and
        // Westby Bank").
        let first_word = (i..=b)
            .find(|&k| !words::is_capitalized_function_word(s.word(k)))
            .unwrap_or(i);
        if b == first_word
            && b + 2 <= s.last
            && matches!(s.word(b + 1), "and" | "&")
            && s.adjacent(b, b + 1)
            && s.adjacent(b + 1, b + 2)
            && s.namey(b + 2)
            && !s.quoted(b + 2)
        {
            let mut c = b + 2;
            while c < s.last && c < b + 6 && s.adjacent(c, c + 1) && s.namey(c + 1) {
                c += 1;
            }
            if words::is_organization_word(s.word(c))
                && !words::is_publication_word(s.word(c))
                && !words::is_capitalized_function_word(s.word(b + 2))
            {
                b = c;
            }
        }
        // "Chamber of Shipping", "Agency for Road Safety": an organization word, "of", a name.
        while b + 2 <= s.last
            && words::is_organization_word(s.word(b))
            && matches!(s.word(b + 1), "of" | "for" | "on")
            && s.adjacent(b, b + 1)
            && s.adjacent(b + 1, b + 2)
            && s.namey(b + 2)
            && !s.quoted(b + 2)
            && !words::is_capitalized_function_word(s.word(b + 2))
        {
            b += 2;
            while b < s.last && s.adjacent(b, b + 1) && !s.quoted(b + 1) && s.namey(b + 1) {
                b += 1;
            }
            // "Ministry of Industry and Trade", "Committee for Disaster Prevention and
            // Control": one or two more name words joined by "and" (not a second name that ends
            // in an organization word of its own: "Ministry of Health and Kelso Bank").
            if b + 2 <= s.last
                && s.word(b + 1) == "and"
                && s.adjacent(b, b + 1)
                && s.adjacent(b + 1, b + 2)
                && s.namey(b + 2)
                && !s.quoted(b + 2)
            {
                let mut c = b + 2;
                while c < s.last && c < b + 3 && s.adjacent(c, c + 1) && s.namey(c + 1) {
                    c += 1;
                }
                let next_namey = c < s.last && s.adjacent(c, c + 1) && s.namey(c + 1);
                let own_name = (b + 2..=c).any(|k| words::is_organization_word(s.word(k)))
                    || reg.is_name_word(s.word(b + 2));
                if !next_namey && !own_name {
                    b = c;
                }
            }
        }
        let mut a = i;
        while a <= b && words::is_capitalized_function_word(s.word(a)) {
            a += 1;
        }
        if a <= b {
            if let Some(m) = classify(reg, s, a, b) {
                reg.record((s.unit, m.start), m.entity);
                out.push(m);
            } else if (2..=4).contains(&(b - a + 1))
                && a > s.first
                && (a..=b).all(|k| !s.toks.get(k).is_some_and(|t| t.possessive) || k == b)
            {
                reg.note_unclaimed_run(s.word(a), span_text(s, a, b));
            }
        }
        i = b + 1;
    }
    out
}

/// "the French foreign ministry" at token `i` ("the"): the organization it names, as a mention.
fn qualified_organization(reg: &mut Registry, s: &Sentence, i: usize) -> Option<Mention> {
    if !s.word(i).eq_ignore_ascii_case("the") || s.quoted(i + 1) {
        return None;
    }
    let a = i + 1;
    let mut k = a;
    while k <= s.last && k < a + 2 && s.namey(k) && !s.toks.get(k)?.possessive {
        if !s.adjacent(k - 1, k) || words::is_organization_word(s.word(k)) {
            return None;
        }
        k += 1;
    }
    let qualified = k > a;
    let mut h = k;
    while h <= s.last && h < k + 3 {
        let w = s.word(h);
        if !w.chars().next().is_some_and(char::is_lowercase) || !s.adjacent(h - 1, h) {
            return None;
        }
        if let Some(head) = words::organization_head(w) {
            if matches!(head, "*" | "+" | "#") {
                return None;
            }
            // "the foreign ministry of Kastel": the place after "of" qualifies it instead.
            let mut h = h;
            if !qualified {
                if s.word(h + 1) != "of" || !s.adjacent(h, h + 1) || !s.adjacent(h + 1, h + 2) {
                    return None;
                }
                let mut n = h + 2;
                if !s.namey(n) || words::is_capitalized_function_word(s.word(n)) {
                    return None;
                }
                while n < s.last && n < h + 4 && s.adjacent(n, n + 1) && s.namey(n + 1) {
                    n += 1;
                }
                h = n;
            }
            // Not "the Miravian interior ministry's": that is how a role begins.
            let (x, y) = (s.toks.get(a)?, s.toks.get(h)?);
            let name = s.text.get(x.start..y.end)?.to_string();
            let e = match reg.find_named(&name) {
                Some(e) => e,
                None => reg.get_or_add(&name, SourceKind::Organization, (s.unit, x.start, y.end)),
            };
            return Some(Mention {
                entity: e,
                start: x.start,
                end: y.end,
                possessive: y.possessive,
                first_tok: a,
                last_tok: h,
                metonym: false,
            });
        }
        h += 1;
    }
    None
}

fn span_text<'a>(s: &'a Sentence, a: usize, b: usize) -> &'a str {
    match (s.toks.get(a), s.toks.get(b)) {
        (Some(x), Some(y)) => s.text.get(x.start..y.end).unwrap_or(""),
        _ => "",
    }
}

fn classify(reg: &mut Registry, s: &Sentence, a: usize, b: usize) -> Option<Mention> {
    let words_ab: Vec<&str> = (a..=b).map(|i| s.word(i)).collect();
    let start = s.toks.get(a)?.start;
    let end = s.toks.get(b)?.end;
    let possessive = s.toks.get(b)?.possessive;
    let mention = |entity| Mention {
        entity,
        start,
        end,
        possessive,
        first_tok: a,
        last_tok: b,
        metonym: false,
    };
    let surface = span_text(s, a, b).to_string();
    // "Coach NAME said" opening a sentence: a role noun capitalized by its position is a title.
    let opening_role = |t: usize| {
        let w = s.word(t).to_lowercase();
        t == s.first && t + 1 < b && (words::is_role_noun(&w) || words::looks_like_occupation(&w))
    };
    let title_at = (a..=b)
        .rev()
        .find(|&t| {
            words::is_title(s.word(t)) || words::honorific(s.word(t)).is_some() || opening_role(t)
        })
        .map(|t| {
            // "Chief Executive NAME", "Chief Financial Officer NAME": role words after the
            // title, up to three.
            (t + 1..b.min(t + 4))
                .rev()
                .find(|&k| words::is_role_noun(&s.word(k).to_lowercase()))
                .unwrap_or(t)
        });
    let has_org = words_ab.iter().any(|w| words::is_organization_word(w));

    if let Some(t) = title_at.filter(|_| !has_org || title_at.is_some_and(|t| t < b)) {
        if t == b {
            return None;
        }
        let gender = (a..=t).find_map(|k| words::honorific(s.word(k)).flatten());
        let real_title = (a..=t).any(|k| words::is_title(s.word(k)));
        let name: Vec<&str> = (t + 1..=b).map(|k| s.word(k)).collect();
        let unclaimed = (name.len() == 1)
            .then(|| reg.unclaimed_person(name[0]).map(str::to_string))
            .flatten();
        let entity = match reg.find_person(&name, gender) {
            Some(e) => {
                reg.add_alias(e, &surface);
                e
            }
            // "Mr Ferreira" after "Nicholas Ferreira, prosecuting,": the full name seen first.
            None if unclaimed.is_some() => {
                let full = unclaimed.unwrap_or_default();
                let e = reg.get_or_add(&full, SourceKind::Person, (s.unit, start, end));
                reg.add_alias(e, &surface);
                e
            }
            None => {
                let e = reg.get_or_add(
                    &name.join(" "),
                    SourceKind::Person,
                    (s.unit, s.toks.get(t + 1)?.start, end),
                );
                if gender.is_none() && !real_title {
                    // "Dr. X" with no earlier full name: still a person.
                }
                e
            }
        };
        let ent = &mut reg.entities[entity];
        if ent.gender.is_none() {
            ent.gender = gender;
        }
        if real_title && ent.role.is_none() {
            let title = span_text(s, a, t).to_string();
            // "Senator NAME (I-Vt.), one of the bill's authors,": the title and the apposition.
            let appos = if possessive { None } else { apposition(s, b) };
            ent.role = Some(match appos {
                Some(ap) => format!("{title}, {ap}"),
                None => title,
            });
        }
        if ent.role.is_none() && !possessive {
            let role = apposition(s, b).or_else(|| pre_apposition(s, a));
            reg.entities[entity].role = role;
        }
        return Some(mention(entity));
    }

    // "Director of the X Department of Agriculture Tran Quoc Bao said", "Committee Chair NAME
    // said": a role ending in an organization word, run together with the person's name.
    {
        // The name starts after the last organization word, or at a family name that is
        // written first ("... Rural Development Tran Quoc Bao").
        let split = (a + 1..b)
            .find(|&f| {
                let w = s.word(f);
                words::is_vietnamese_family_name(w) || words::is_family_name_first(w)
            })
            .map(|f| f - 1)
            .or_else(|| {
                (a..b)
                    .rev()
                    .find(|&k| words::is_organization_word(s.word(k)))
            });
        if let Some(k) = split {
            let tail = &words_ab[k + 1 - a..];
            let name_like = (2..=4).contains(&tail.len())
                && tail.iter().all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && !words::is_organization_word(w)
                        && !words::is_capitalized_function_word(w)
                        && !w.chars().any(|c| c.is_ascii_digit())
                        && w.chars().skip(1).all(|c| !c.is_uppercase())
                });
            let person_evidence =
                s.followed_by_speech_verb(b) || (!possessive && apposition(s, b).is_some());
            if name_like && person_evidence {
                let name = tail.join(" ");
                let first = s.toks.get(k + 1)?.start;
                let e = match reg.find_person(tail, None) {
                    Some(e) => e,
                    None => reg.get_or_add(&name, SourceKind::Person, (s.unit, first, end)),
                };
                if reg.entities[e].role.is_none() {
                    // "Chairwoman of the provincial People's Committee NAME": the role runs
                    // from a title opening the sentence.
                    let opening = s.word(s.first).to_lowercase();
                    let from = if s.first < a
                        && (words::is_role_noun(&opening) || words::is_title(s.word(s.first)))
                        && !span_text(s, s.first, k).contains(',')
                    {
                        s.first
                    } else {
                        a
                    };
                    reg.entities[e].role = Some(span_text(s, from, k).to_string());
                }
                return Some(Mention {
                    entity: e,
                    start: first,
                    end,
                    possessive,
                    first_tok: k + 1,
                    last_tok: b,
                    metonym: false,
                });
            }
        }
    }

    if has_org {
        let publication = words_ab.iter().any(|w| words::is_publication_word(w));
        // "Two carriers, Nordby and Saltica Express," are companies whatever their names say.
        let described =
            organization_descriptor(s, a).is_some() || coordinated_with_organization(reg, s, a);
        let kind = if !described && (publication || (b > a && words_ab.contains(&"News"))) {
            SourceKind::Publication
        } else {
            SourceKind::Organization
        };
        let existed = reg.find_named(&surface);
        let e = existed.unwrap_or_else(|| reg.get_or_add(&surface, kind, (s.unit, start, end)));
        if existed.is_none() {
            let role = organization_premodifier(s, a)
                .or_else(|| organization_descriptor(s, a))
                .or_else(|| apposition(s, b));
            reg.entities[e].role = role;
        }
        return Some(mention(e));
    }

    // A short form, or a mixed-case one the text defines ("MoD").
    let defined = reg.short_forms.contains(surface.as_str());
    if a == b
        && surface.chars().count() >= 2
        && (defined || surface.chars().all(|c| c.is_uppercase() || c == '.'))
    {
        if let Some(e) = reg.find_abbreviation(&surface) {
            reg.add_alias(e, &surface);
            return Some(mention(e));
        }
    }
    if let Some(country) = words::country(&surface) {
        let e = reg.get_or_add(country, SourceKind::Organization, (s.unit, start, end));
        reg.entities[e].country = true;
        reg.add_alias(e, &surface);
        return Some(mention(e));
    }
    if let Some(country) = words::country_of_capital(&surface) {
        let e = reg.get_or_add(country, SourceKind::Organization, (s.unit, start, end));
        reg.entities[e].country = true;
        let mut m = mention(e);
        m.metonym = true;
        return Some(m);
    }
    if let Some(e) = reg.find_person(&words_ab, None) {
        reg.add_alias(e, &surface);
        return Some(mention(e));
    }
    if let Some(e) = reg.find_named(&surface) {
        return Some(mention(e));
    }
    // "Halvik" for "Halvik Semiconductor" or "Halvik Marine Engineering": the first word of an
    // organization's name (of three or four words when it ends in an organization word).
    if a == b {
        if let Some(e) = reg.entities.iter().rposition(|e| {
            e.kind == SourceKind::Organization
                && !e.country
                && (e.tokens.len() == 2
                    || (e.tokens.len() <= 4
                        && e.tokens
                            .last()
                            .is_some_and(|t| words::is_organization_word(t))
                        && e.tokens
                            .iter()
                            .all(|t| t.chars().next().is_some_and(char::is_uppercase))))
                && e.tokens.first().is_some_and(|t| *t == surface)
                && !e
                    .tokens
                    .last()
                    .is_some_and(|t| words::is_public_body_word(t))
        }) {
            reg.add_alias(e, &surface);
            return Some(mention(e));
        }
    }
    // "Nordby and NAME said": a name coordinated with an organization is one.
    if coordinated_with_organization(reg, s, a) {
        let e = reg.get_or_add(&surface, SourceKind::Organization, (s.unit, start, end));
        return Some(mention(e));
    }
    // "The railway operator, NAME," / "the city's main supplier, NAME": an organization.
    if let Some(role) = organization_descriptor(s, a) {
        let e = reg.get_or_add(&surface, SourceKind::Organization, (s.unit, start, end));
        let ent = &mut reg.entities[e];
        ent.role = ent.role.take().or(Some(role));
        return Some(mention(e));
    }
    // "NAME, which owns the mine," / "NAME, the municipal operator,": an organization.
    let org_apposition = !possessive
        && s.toks
            .get(b)
            .and_then(|t| s.text.get(t.full_end..))
            .is_some_and(|r| {
                r.starts_with(", which ")
                    || r.strip_prefix(", ").is_some_and(|r| {
                        let phrase = r.split([',', '.', ';', '(']).next().unwrap_or("");
                        let ws: Vec<&str> = phrase.split_whitespace().collect();
                        ws.len() <= 6
                            && ws.first().is_some_and(|w| matches!(*w, "the" | "a" | "an"))
                            && ws.last().is_some_and(|w| {
                                words::organization_head(w).is_some_and(|h| h != "+")
                            })
                            // not "NAME, a spokeswoman for the board,": a person's role
                            && !ws.iter().any(|w| {
                                words::is_role_noun(w) && words::organization_head(w).is_none()
                            })
                    })
            });
    if org_apposition && !s.namey(b + 1) {
        let e = reg.get_or_add(&surface, SourceKind::Organization, (s.unit, start, end));
        if reg.entities[e].role.is_none() {
            reg.entities[e].role = apposition_text(s, b);
        }
        return Some(mention(e));
    }
    // "NAME's chief executive": a new name that has officers is an organization.
    if possessive && possessive_of_role(s, b) {
        let e = reg.get_or_add(&surface, SourceKind::Organization, (s.unit, start, end));
        return Some(mention(e));
    }

    // A new name: a person when the text gives a role or makes it speak.
    let premodifier = person_premodifier(s, a).or_else(|| pre_apposition(s, a));
    let appos = if possessive { None } else { apposition(s, b) };
    let of_org = if possessive {
        None
    } else {
        of_organization(s, b)
    };
    let before = s.before(a);
    let after_according = a >= s.first + 2
        && s.word(a - 2).eq_ignore_ascii_case("according")
        && s.word(a - 1) == "to";
    let object = before.as_deref().is_some_and(words::is_preposition);
    let place = b > a && words_ab.last().is_some_and(|w| words::is_place_word(w));
    let speaks = !possessive && !object && !place && s.followed_by_speech_verb(b);
    let inverted = before.as_deref().is_some_and(words::is_speech_verb);
    let told = before.as_deref() == Some("told");
    let has_role = premodifier.is_some() || appos.is_some() || of_org.is_some();
    // "NAME, whose husband …" / "NAME, who lives …": a relative clause of a person.
    let who_clause = !possessive
        && s.toks
            .get(b)
            .and_then(|t| s.text.get(t.full_end..))
            .is_some_and(|r| {
                // ", 34, who …": an age first.
                let r = r
                    .strip_prefix(", ")
                    .map(|x| x.trim_start_matches(|c: char| c.is_ascii_digit()))
                    .filter(|x| x.starts_with(", "))
                    .map_or(r, |x| x);
                r.starts_with(", who ") || r.starts_with(", whose ")
            });
    // "Thailand's NAME": a person introduced by their country.
    let countrys = a > s.first
        && s.toks.get(a - 1).is_some_and(|t| t.possessive)
        && words::country(s.word(a - 1)).is_some()
        && s.adjacent(a - 1, a);
    let has_role = has_role || who_clause || countrys;
    if b > a && !place && (has_role || after_according || speaks || (inverted && !told)) {
        let e = reg.get_or_add(&surface, SourceKind::Person, (s.unit, start, end));
        let role = premodifier.or(appos).or(of_org);
        let ent = &mut reg.entities[e];
        if let Some(g) = role.as_deref().and_then(role_gender) {
            ent.gender = Some(g);
        }
        ent.role = ent.role.take().or(role);
        return Some(mention(e));
    }
    if a == b && words::is_unnamed_source_noun(&surface.to_lowercase()) {
        return None;
    }
    // "said Quill" / "Quill said" after "Ada Quill went …": the person named earlier.
    if a == b && (speaks || inverted) && !told {
        if let Some(full) = reg.unclaimed_person(&surface).map(str::to_string) {
            let e = reg.get_or_add(&full, SourceKind::Person, (s.unit, start, end));
            reg.add_alias(e, &surface);
            if reg.entities[e].role.is_none() {
                reg.entities[e].role = appos;
            }
            return Some(mention(e));
        }
    }
    if a == b && (after_according || speaks || told) {
        let kind = if told || after_according {
            SourceKind::Publication
        } else {
            SourceKind::Organization
        };
        // "Dresvon said" after "the business of Dresvon Metals": the full name seen first.
        if let Some(full) = reg.unclaimed_run(&surface).map(str::to_string) {
            // "Park said" after "Park Ji-hoon": a family name written first is a person's.
            let kind = if words::is_family_name_first(&surface)
                || words::is_vietnamese_family_name(&surface)
            {
                SourceKind::Person
            } else {
                SourceKind::Organization
            };
            let e = reg.get_or_add(&full, kind, (s.unit, start, end));
            reg.add_alias(e, &surface);
            return Some(mention(e));
        }
        let e = reg.get_or_add(&surface, kind, (s.unit, start, end));
        if reg.entities[e].role.is_none() {
            reg.entities[e].role = appos;
        }
        return Some(mention(e));
    }
    None
}

/// The gender a role's words show ("spokeswoman", "chairman"); "managing" or "human" show none.
pub(super) fn role_gender(role: &str) -> Option<Gender> {
    role.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .find_map(|w| {
            if w.ends_with("woman") || w.ends_with("women") {
                Some(Gender::Female)
            } else if let Some(g) = words::kinship_gender(&w) {
                Some(g)
            } else if (w.ends_with("man") || w.ends_with("men"))
                && (w == "man" || words::is_role_noun(&w) || words::is_title(&capitalize(&w)))
            {
                Some(Gender::Male)
            } else {
                None
            }
        })
}

fn capitalize(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// "North Korean leader NAME": a role noun right before the name, with the words that qualify it.
fn person_premodifier(s: &Sentence, a: usize) -> Option<String> {
    let p = a.checked_sub(1)?;
    if p < s.first || !s.adjacent(p, a) {
        return None;
    }
    let noun = s.word(p);
    // "striker NAME", "carpenter NAME": an occupation-shaped noun right before a name of two
    // words or more works as a role word does.
    let occupation = words::looks_like_occupation(noun) && s.namey(a + 1) && s.adjacent(a, a + 1);
    if !noun.chars().next().is_some_and(char::is_lowercase)
        || !(words::is_role_noun(noun) || occupation)
    {
        return None;
    }
    Some(span_text(s, qualifiers_before(s, p, 6), p).to_string())
}

/// "the railway operator, NAME" / "the company NAME": a noun that names a kind of organization
/// right before a new name, with the words that qualify it.
fn organization_descriptor(s: &Sentence, a: usize) -> Option<String> {
    let p = a.checked_sub(1)?;
    let (tp, ta) = (s.toks.get(p)?, s.toks.get(a)?);
    let gap = s.text.get(tp.full_end..ta.start)?;
    if p < s.first || tp.possessive || !(gap == ", " || gap == " ") {
        return None;
    }
    let noun = s.word(p);
    // "the company NAME", "two large carriers, NAME"
    let head = words::organization_head(noun)
        .or_else(|| words::organization_head(noun.strip_suffix('s')?))
        .or_else(|| words::organization_head(&format!("{}y", noun.strip_suffix("ies")?)))?;
    if head == "+" || s.quoted(p) {
        return None;
    }
    Some(span_text(s, qualifiers_before(s, p, 5), p).to_string())
}

/// Where the words qualifying the noun at `p` begin ("the state-run *news agency*"): up to `most`
/// adjacent words back, stopping at a stop word, a speech verb, a function word or a quotation.
fn qualifiers_before(s: &Sentence, p: usize, most: usize) -> usize {
    let mut q = p;
    while q > s.first && p - q < most && s.loosely_adjacent(q - 1, q) {
        let w = s.word(q - 1);
        let lower = w.chars().next().is_some_and(char::is_lowercase);
        if (lower && (words::is_stop_word(w) || words::is_speech_verb(w)))
            || words::is_capitalized_function_word(w)
            || s.quoted(q - 1)
        {
            break;
        }
        q -= 1;
    }
    q
}

/// "Nordby and NAME": a new name joined by "and" to the organization named right before it.
fn coordinated_with_organization(reg: &Registry, s: &Sentence, a: usize) -> bool {
    if a < s.first + 2 || s.word(a - 1) != "and" {
        return false;
    }
    let Some(t) = s.toks.get(a - 2) else {
        return false;
    };
    reg.history.last().is_some_and(|&((u, at), e)| {
        u == s.unit
            && at <= t.start
            && reg.entities.get(e).is_some_and(|e| {
                e.kind == SourceKind::Organization
                    && !e.country
                    && e.tokens.last().is_some_and(|l| l == s.word(a - 2))
            })
    })
}

/// "NAME's chief executive" / "NAME's managing director": lowercase words then a role noun.
fn possessive_of_role(s: &Sentence, b: usize) -> bool {
    (b + 1..=s.last.min(b + 3))
        .take_while(|&k| {
            let w = s.word(k);
            w.chars().next().is_some_and(char::is_lowercase) && s.adjacent(k - 1, k) || k == b + 1
        })
        .any(|k| {
            let w = s.word(k);
            w.chars().next().is_some_and(char::is_lowercase)
                && words::is_role_noun(w)
                // "Miravia's transport minister" is a place's officer, not a company's.
                && !matches!(
                    w.trim_end_matches('s'),
                    "member"
                        | "resident"
                        | "minister"
                        | "mayor"
                        | "governor"
                        | "premier"
                        | "ambassador"
                        | "envoy"
                        | "senator"
                        | "lawmaker"
                        | "legislator"
                        | "general"
                        | "commander"
                        | "leader"
                        | "diplomat"
                        | "representative"
                        | "delegate"
                )
        })
}

/// "North Korea's state-run AGENCY": qualifying words before an organization's name.
fn organization_premodifier(s: &Sentence, a: usize) -> Option<String> {
    let p = a.checked_sub(1)?;
    if p < s.first || !s.adjacent(p, a) {
        return None;
    }
    let w = s.word(p);
    let qualifier = w.chars().next().is_some_and(char::is_lowercase)
        && (w.contains('-')
            || matches!(
                w,
                "official"
                    | "independent"
                    | "private"
                    | "public"
                    | "national"
                    | "ruling"
                    | "opposition"
                    | "leading"
                    | "influential"
                    | "nonprofit"
                    | "nonpartisan"
            ));
    if !qualifier {
        return None;
    }
    let mut q = p;
    while q > s.first && p - q < 5 && s.loosely_adjacent(q - 1, q) {
        let w = s.word(q - 1);
        let lower = w.chars().next().is_some_and(char::is_lowercase);
        if (lower && words::is_stop_word(w)) || words::is_capitalized_function_word(w) {
            break;
        }
        q -= 1;
    }
    Some(span_text(s, q, p).to_string())
}

/// The words in commas right after token `b` ("the municipal operator"), unless a clause.
fn apposition_text(s: &Sentence, b: usize) -> Option<String> {
    let t = s.toks.get(b)?;
    let rest = s.text.get(t.full_end..s.end)?.strip_prefix(", ")?;
    let phrase = rest
        .split([',', ';', '(', '—'])
        .next()?
        .trim()
        .trim_end_matches('.');
    (!phrase.starts_with("which") && !phrase.is_empty()).then(|| phrase.to_string())
}

/// "NAME, spokesperson for X,": a role in commas right after a name.
fn apposition(s: &Sentence, b: usize) -> Option<String> {
    let t = s.toks.get(b)?;
    let rest = s.text.get(t.full_end..s.end)?;
    // "NAME (I-Vt.), one of …" / "Fund (KDF), a public fund …"
    let rest = rest.get(super::speakers::parenthetical_len(rest)..)?;
    // "NAME, 67, a retired teacher"
    let rest = match rest.strip_prefix(", ").map(|r| {
        let digits = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        (r, digits)
    }) {
        Some((r, d)) if (1..=3).contains(&d) && r.get(d..).is_some_and(|x| x.starts_with(", ")) => {
            r.get(d..)?
        }
        _ => rest,
    };
    let phrase = rest.strip_prefix(", ")?;
    let mut cut = phrase
        .find([',', ';', '—', '(', ')', '“', '"'])
        .unwrap_or(phrase.len());
    if let Some(p) = phrase.find(". ") {
        cut = cut.min(p);
    }
    let phrase = phrase.get(..cut)?.trim().trim_end_matches('.');
    let ws: Vec<&str> = phrase.split_whitespace().collect();
    let first = *ws.first()?;
    // "who farms 800 hectares", "who lives near the crossing", "who has held a season ticket
    // since 1984": what the person does or has done.
    let perfect = matches!(ws.get(1), Some(&"has") | Some(&"had"))
        && ws
            .get(2)
            .is_some_and(|w| w.ends_with("ed") || matches!(*w, "held" | "run" | "led" | "been"))
        && !ws
            .get(2)
            .is_some_and(|w| words::is_speech_verb(w) || words::is_belief_verb(w));
    if first == "who"
        && (perfect
            || ws.get(1).is_some_and(|w| {
                w.len() > 3
                    && w.ends_with('s')
                    && !w.ends_with("ss")
                    && !matches!(*w, "says" | "does" | "goes" | "thinks" | "believes" | "was")
            }))
    {
        return Some(phrase.to_string());
    }
    if first == "who"
        && ws.get(1).is_some_and(|w| {
            matches!(
                *w,
                "chairs"
                    | "leads"
                    | "heads"
                    | "runs"
                    | "directs"
                    | "founded"
                    | "co-founded"
                    | "represents"
                    | "manages"
                    | "oversees"
                    | "advises"
                    | "chaired"
                    | "led"
                    | "headed"
                    | "ran"
                    | "directed"
            )
        })
    {
        return Some(phrase.to_string());
    }
    if !first.chars().next().is_some_and(char::is_lowercase)
        || matches!(
            first,
            "which"
                | "who"
                | "whose"
                | "where"
                | "when"
                | "that"
                | "and"
                | "but"
                | "or"
                | "according"
                | "while"
                | "as"
                | "if"
                | "because"
                | "so"
                | "then"
        )
        || words::is_speech_verb(first)
    {
        return None;
    }
    // ", farmer NAME,": a name with its role before it, not a role of the name before.
    if (words::is_role_noun(first) || words::looks_like_occupation(first))
        && ws
            .get(1)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return None;
    }
    // A long phrase is a role only when it opens like one: "a 58-year-old electrician from X
    // who crosses the bridge twice a day".
    let opens_with_role = matches!(first, "a" | "an" | "the")
        && ws.iter().skip(1).take(3).any(|w| {
            let w = w.trim_end_matches(['.', ',']);
            words::is_role_noun(w) || words::looks_like_occupation(w)
        });
    if ws.len() > 14 && !opens_with_role {
        return None;
    }
    let role = opens_with_role
        || ws.iter().take(6).any(|w| {
            let w = w.trim_end_matches(['.', ',']);
            // "a public fund created in 2019", "a trade body of six states"
            let singular = w.strip_suffix('s').unwrap_or(w);
            words::is_role_noun(w)
                || words::organization_head(w)
                    .or_else(|| words::organization_head(singular))
                    .is_some_and(|h| h != "+")
        });
    role.then(|| phrase.to_string())
}

/// "Norway's fisheries minister, NAME,": a role in commas right before a name.
fn pre_apposition(s: &Sentence, a: usize) -> Option<String> {
    let p = a.checked_sub(1)?;
    let (tp, ta) = (s.toks.get(p)?, s.toks.get(a)?);
    if p < s.first || s.text.get(tp.full_end..ta.start)? != ", " {
        return None;
    }
    // "the mayor of Tarvik, NAME," / "the head of the Port Authority, NAME,": the role noun
    // before "of", "for" or "at" and a name.
    let p = role_noun_before(s, p)?;
    // The name must close the apposition with a comma.
    let b = (a..=s.last.min(a + 5)).find(|&k| !s.adjacent(k, k + 1))?;
    let close = s.toks.get(b)?.full_end;
    let close = close + super::speakers::parenthetical_len(s.text.get(close..)?);
    if !s.text.get(close..)?.starts_with(',') {
        return None;
    }
    let mut q = p;
    while q > s.first && p - q < 6 && s.loosely_adjacent(q - 1, q) {
        let w = s.word(q - 1);
        let lower = w.chars().next().is_some_and(char::is_lowercase);
        if (lower && (words::is_stop_word(w) || words::is_speech_verb(w)))
            || words::is_capitalized_function_word(w)
            || s.quoted(q - 1)
        {
            break;
        }
        q -= 1;
    }
    Some(span_text(s, q, a - 1).to_string())
}

/// The token of the role noun that heads the phrase ending at token `p`: `p` itself, or the noun
/// before "of"/"for"/"at" a few words back ("mayor of Tarvik", "head of the Port Authority").
fn role_noun_before(s: &Sentence, p: usize) -> Option<usize> {
    let is_role = |k: usize| {
        let w = s.word(k);
        w.chars().next().is_some_and(char::is_lowercase)
            && (words::is_role_noun(w) || words::looks_like_occupation(w))
    };
    if is_role(p) {
        return Some(p);
    }
    let mut k = p;
    while k > s.first && p - k < 6 {
        let w = s.word(k);
        if matches!(w, "of" | "for" | "at") {
            return (k > s.first && is_role(k - 1) && s.adjacent(k - 1, k)).then_some(k - 1);
        }
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if !(capital || w == "the") || !s.loosely_adjacent(k - 1, k) || s.quoted(k) {
            return None;
        }
        k -= 1;
    }
    None
}

/// "NAME of the ORGANIZATION": the organization as a role.
fn of_organization(s: &Sentence, b: usize) -> Option<String> {
    let t = s.toks.get(b)?;
    let rest = s.text.get(t.full_end..s.end)?;
    let org = rest.strip_prefix(" of ")?;
    let org = org.strip_prefix("the ").unwrap_or(org);
    let end = org.find([',', ';', '.', '(', '—']).unwrap_or(org.len());
    let org = org.get(..end)?.trim();
    let ws: Vec<&str> = org.split_whitespace().take(6).collect();
    let caps = ws
        .iter()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    (caps >= 1 && ws.iter().take(caps).any(|w| words::is_organization_word(w)))
        .then(|| ws[..caps].join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn a_two_word_name_is_found_by_its_first_word() {
        // Family name first from a tradition the word list does not cover.
        assert!(name_refers_to(&n("Takeda Sora"), &["Takeda"]));
        assert!(name_refers_to(&n("Takeda Sora"), &["Sora"]));
        assert!(!name_refers_to(&n("Takeda Sora"), &["Ta"]));
        assert!(!name_refers_to(&n("Ana Maria Takeda"), &["Ana"]));
    }

    #[test]
    fn family_name_first_binds_to_the_first_word() {
        assert!(name_refers_to(&n("Choi Minseok"), &["Choi"]));
        assert!(!name_refers_to(&n("Choi Minseok"), &["Minseok"]));
        assert!(name_refers_to(&n("Park Ji Hoon"), &["Park"]));
    }

    #[test]
    fn surnames_particles_and_double_surnames() {
        assert!(name_refers_to(
            &n("Andrés Manuel López Obrador"),
            &["López", "Obrador"]
        ));
        assert!(name_refers_to(
            &n("Andrés Manuel López Obrador"),
            &["Obrador"]
        ));
        assert!(name_refers_to(&n("Bashar al-Assad"), &["Assad"]));
        assert!(name_refers_to(&n("Bashar al-Assad"), &["al-Assad"]));
        assert!(name_refers_to(
            &n("Ursula von der Leyen"),
            &["von", "der", "Leyen"]
        ));
        assert!(name_refers_to(&n("Nguyen Van An"), &["An"]));
        assert!(name_refers_to(&n("Pedro José Vargas Llosa"), &["Vargas"]));
        assert!(!name_refers_to(&n("Pedro José Vargas Llosa"), &["Pedro"]));
        assert!(name_refers_to(&n("Hamad bin Zayed al-Thani"), &["Hamad"]));
        assert!(name_refers_to(&n("Hamad bin Zayed al-Thani"), &["Thani"]));
        assert!(!name_refers_to(&n("Jane Smith"), &["Jones"]));
    }

    #[test]
    fn an_ambiguous_surname_binds_to_the_most_recent_person() {
        let mut reg = Registry::new(&[]);
        let a = reg.get_or_add("Anna Berg", SourceKind::Person, (0, 0, 9));
        let b = reg.get_or_add("Tomas Berg", SourceKind::Person, (1, 0, 10));
        reg.entities[a].gender = Some(Gender::Female);
        reg.entities[b].gender = Some(Gender::Male);
        reg.record((0, 0), a);
        reg.record((1, 0), b);
        assert_eq!(reg.find_person(&["Berg"], None), Some(b));
        assert_eq!(reg.find_person(&["Berg"], Some(Gender::Female)), Some(a));
        reg.record((2, 0), a);
        assert_eq!(reg.find_person(&["Berg"], None), Some(a));
    }
}
