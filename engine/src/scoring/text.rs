//! Word matching for skills: lower case, accents folded, French stemming.

use rust_stemmers::{Algorithm, Stemmer};
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

fn french() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::French))
}

/// Folds the accents of French (and a few neighbouring) letters: `é` → `e`, `œ` → `oe`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'î' | 'ï' | 'í' | 'ì' => out.push('i'),
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => out.push('o'),
            'ù' | 'û' | 'ü' | 'ú' => out.push('u'),
            'ÿ' => out.push('y'),
            'ç' => out.push('c'),
            'ñ' => out.push('n'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            c => out.push(c),
        }
    }
    out
}

/// Words too common in skill phrases to say anything.
const STOP: &[&str] = &[
    "de", "des", "du", "la", "le", "les", "l", "d", "et", "en", "a", "au", "aux", "pour", "par",
    "sur", "un", "une", "dans", "avec", "of", "and", "the", "for", "in",
];

/// Distinct words (and short phrases) whose stems a thread remembers; past this, it
/// starts afresh.
const REMEMBERED: usize = 1 << 16;

/// Texts up to this many bytes (a skill, a title) have their stems remembered whole:
/// profiles share most of their skills, and a batch judges each profile for many needs.
const PHRASE: usize = 64;

/// A text's stems, in order.
type Stems = Box<[Box<str>]>;

thread_local! {
    /// Stems already computed on this thread. Profiles share most of their words, and a
    /// batch run stems the same profiles for many needs: a lookup costs a fraction of
    /// the stemmer's work.
    static STEMS: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
    /// The stems of short texts, in order: one lookup instead of folding, splitting and
    /// looking up each word.
    static PHRASES: RefCell<HashMap<Box<str>, Stems>> = RefCell::new(HashMap::new());
}

/// Calls `each` with the stem of every folded word of `text` but the stop words, in
/// order, repeats included. `each` must not stem words itself (the thread's remembered
/// stems are held while it runs).
pub fn for_each_stem(text: &str, mut each: impl FnMut(&str)) {
    if text.len() > PHRASE {
        return stem_words(text, each);
    }
    PHRASES.with_borrow_mut(|known| {
        if let Some(stems) = known.get(text) {
            stems.iter().for_each(|s| each(s));
            return;
        }
        let mut stems = Vec::new();
        stem_words(text, |s| stems.push(Box::<str>::from(s)));
        stems.iter().for_each(|s| each(s));
        if known.len() >= REMEMBERED {
            known.clear();
        }
        known.insert(text.into(), stems.into_boxed_slice());
    });
}

/// [`for_each_stem`], word by word.
fn stem_words(text: &str, mut each: impl FnMut(&str)) {
    let folded = fold(text);
    let words = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1 && !STOP.contains(w));
    STEMS.with_borrow_mut(|known| {
        for word in words {
            if let Some(s) = known.get(word) {
                each(s);
                continue;
            }
            let s = french().stem(word).into_owned();
            each(&s);
            if known.len() >= REMEMBERED {
                known.clear();
            }
            known.insert(word.to_owned(), s);
        }
    });
}

/// The stemmed, folded words of a text, without stop words.
pub fn stems(text: &str) -> BTreeSet<String> {
    let mut all = BTreeSet::new();
    for_each_stem(text, |s| {
        if !all.contains(s) {
            all.insert(s.to_owned());
        }
    });
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_and_accents_do_not_matter() {
        assert_eq!(stems("diagnostic déchets"), stems("Diagnostics dechet"));
        assert_eq!(stems("génie électrique"), stems("genie electrique"));
        assert_eq!(fold("Œuvre Ça"), "oeuvre ca");
    }

    #[test]
    fn remembered_stems_are_the_stemmer_s() {
        let words = ["électrification", "déchets", "formations", "hydraulique"];
        for w in words {
            let folded = fold(w);
            let fresh = french().stem(&folded).into_owned();
            // Twice: computed, then remembered.
            for _ in 0..2 {
                let mut seen = Vec::new();
                for_each_stem(&folded, |s| seen.push(s.to_owned()));
                assert_eq!(seen, std::slice::from_ref(&fresh));
            }
        }
    }

    #[test]
    fn each_word_is_stemmed_in_order_repeats_included() {
        let mut seen = Vec::new();
        for_each_stem("Déchets, gestion des déchets", |s| {
            seen.push(s.to_owned());
        });
        let one = |w: &str| french().stem(&fold(w)).into_owned();
        assert_eq!(seen, [one("déchets"), one("gestion"), one("déchets")]);
    }

    #[test]
    fn short_texts_remembered_whole_give_the_stems_word_by_word() {
        let long = "planification urbaine et gestion des déchets ménagers, \
                    compostage collectif, tri à la source";
        assert!(long.len() > PHRASE);
        for text in [
            "Déchets, gestion des déchets",
            "génie électrique",
            "",
            "de la",
            long,
        ] {
            let mut by_word = Vec::new();
            stem_words(text, |s| by_word.push(s.to_owned()));
            // Twice: computed, then remembered (short texts) or stemmed again (long).
            for _ in 0..2 {
                let mut seen = Vec::new();
                for_each_stem(text, |s| seen.push(s.to_owned()));
                assert_eq!(seen, by_word, "{text}");
            }
        }
        assert!(PHRASES.with_borrow(|known| known.contains_key("génie électrique")));
        assert!(!PHRASES.with_borrow(|known| known.contains_key(long)));
    }

    #[test]
    fn stop_words_are_dropped() {
        assert_eq!(stems("gestion des déchets"), stems("gestion déchets"));
    }
}
