//! Word matching for skills: lower case, accents folded, French stemming.

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::BTreeSet;
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

/// The stemmed, folded words of a text, without stop words.
pub fn stems(text: &str) -> BTreeSet<String> {
    let stemmer = french();
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1 && !STOP.contains(w))
        .map(|w| stemmer.stem(w).into_owned())
        .collect()
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
    fn stop_words_are_dropped() {
        assert_eq!(stems("gestion des déchets"), stems("gestion déchets"));
    }
}
