//! The registry of sources met while reading: people, organizations and unnamed sources by their
//! names, aliases and key words, the order they were mentioned in, and how a short reference
//! ("Mr. Koo", "Dresvik", "the official") finds the one it means.

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
    /// Whose report "the report said" was the last time.
    pub document_author: Option<usize>,
    /// The last capitalized run that named nobody as the subject of a verb, and where.
    last_unclaimed: Option<(Pos, String)>,
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

    /// Notes the unit being read (ambiguous names look at how recent their last mention is).
    pub fn set_now(&mut self, unit: usize) {
        self.now = unit;
    }

    /// The defined long form that `name` begins and `text` (from the name on) spells out in
    /// full, when the name is only its first words ("Department for Environment" of "Department
    /// for Environment, Food and Rural Affairs").
    pub fn long_form_starting(&self, name: &str, text: &str) -> Option<&str> {
        self.long_forms
            .values()
            .filter(|long| long.len() > name.len() && long.starts_with(name))
            .find(|long| text.starts_with(long.as_str()))
            .map(String::as_str)
    }

    /// Whether the text defines `short` as a short form, exactly as written.
    pub fn is_short_form(&self, short: &str) -> bool {
        self.short_forms.contains(short)
    }

    /// The last mention recorded: where, and of which entity.
    pub fn last_mention(&self) -> Option<(Pos, usize)> {
        self.history.last().copied()
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
    pub fn note_unclaimed_run(&mut self, first_word: &str, run: &str, at: Pos, subject: bool) {
        if subject {
            self.last_unclaimed = Some((at, run.to_string()));
        }
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

    /// "Ada Quill lifts the lid. … “Too sweet,” she says.": a pronoun with no person to refer to
    /// makes a person of the name run seen last, in this paragraph or the one before.
    pub fn person_for_pronoun(&mut self, unit: usize) -> Option<usize> {
        let ((u, start), run) = self.last_unclaimed.clone()?;
        let words: Vec<&str> = run.split_whitespace().collect();
        let person_like = (2..=3).contains(&words.len())
            && !words.iter().any(|w| {
                words::is_organization_word(w) || words::is_place_word(w) || words::is_title(w)
            });
        if unit > u + 1 || !person_like || self.by_name.contains_key(&run) {
            return None;
        }
        let anyone = self.recent((unit, usize::MAX), |e| e.kind == SourceKind::Person);
        let recent_person = anyone.is_some_and(|e| {
            self.history
                .iter()
                .rev()
                .find(|&&(_, x)| x == e)
                .is_some_and(|&((pu, _), _)| pu + 1 >= unit)
        });
        if recent_person {
            return None;
        }
        self.last_unclaimed = None;
        let e = self.get_or_add(&run, SourceKind::Person, (u, start, start + run.len()));
        self.record((u, start), e);
        Some(e)
    }

    /// Notes every full name of two or three capitalized words, particles allowed, that the
    /// article writes after a lowercase word or a comma (so not a sentence's capitalized opening),
    /// by its last word: a live blog or a feature may use the surname before the full name.
    pub fn note_names_ahead(&mut self, text: &str, toks: &[Tok]) {
        let word = |i: usize| toks.get(i).map_or("", |t| t.text(text));
        let capital = |w: &str| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).any(char::is_lowercase)
        };
        let mut i = 1;
        while i + 1 < toks.len() {
            let before = word(i - 1);
            let gap = text.get(toks[i - 1].full_end..toks[i].start).unwrap_or("");
            let opens = (before.chars().next().is_some_and(char::is_lowercase) && gap == " ")
                || gap == ", ";
            let starts_name = opens
                && capital(word(i))
                && !toks[i - 1].possessive
                && !words::is_capitalized_function_word(word(i));
            if !starts_name {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < toks.len()
                && j < i + 4
                && text
                    .get(toks[j].full_end..toks[j + 1].start)
                    .is_some_and(|g| g == " ")
                && !toks[j].possessive
                && (capital(word(j + 1)) || words::is_particle(word(j + 1)))
            {
                j += 1;
            }
            let names: Vec<&str> = (i..=j).map(word).collect();
            let real = names.iter().filter(|w| !words::is_particle(w)).count();
            let person_like = (2..=3).contains(&real)
                && capital(names[names.len() - 1])
                && !names.iter().any(|w| {
                    words::is_organization_word(w)
                        || words::is_place_word(w)
                        || words::is_title(w)
                        || words::honorific(w).is_some()
                        || words::country(w).is_some()
                });
            if person_like {
                if let (Some(first), Some(last)) = (toks.get(i), toks.get(j)) {
                    if let Some(run) = text.get(first.start..last.end) {
                        let key = names[names.len() - 1].to_string();
                        self.unclaimed_by_last
                            .entry(key)
                            .or_insert_with(|| run.to_string());
                    }
                }
            }
            i = j + 1;
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
