//! Snowball stemming that remembers: each analyzer keeps the stems of the words it has
//! met, so that a word is stemmed once, not at every occurrence. Profiles repeat the
//! same few thousand words: stemming was a third of the time to build the index.
//! Tokens come out exactly as from tantivy's own stemmer filter.

use std::collections::HashMap;

use rust_stemmers::Algorithm;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Words an analyzer remembers (a few MB); past that, it starts afresh.
const REMEMBERED: usize = 100_000;

/// The filter, as analyzers are built with it.
#[derive(Clone)]
pub(super) struct RememberingStemmer {
    algorithm: Algorithm,
}

impl RememberingStemmer {
    pub(super) fn new(algorithm: Algorithm) -> Self {
        Self { algorithm }
    }
}

impl TokenFilter for RememberingStemmer {
    type Tokenizer<T: Tokenizer> = StemmingTokenizer<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> StemmingTokenizer<T> {
        StemmingTokenizer {
            algorithm: self.algorithm,
            inner,
            stems: HashMap::new(),
        }
    }
}

/// The filter over a tokenizer, with the stems it has met (each copy of an analyzer,
/// one per indexing thread, has its own).
#[derive(Clone)]
pub(super) struct StemmingTokenizer<T> {
    algorithm: Algorithm,
    inner: T,
    stems: HashMap<String, String>,
}

impl<T: Tokenizer> Tokenizer for StemmingTokenizer<T> {
    type TokenStream<'a> = StemmedTokens<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        StemmedTokens {
            tail: self.inner.token_stream(text),
            stemmer: rust_stemmers::Stemmer::create(self.algorithm),
            stems: &mut self.stems,
        }
    }
}

/// The tokens of one text, stemmed.
pub(super) struct StemmedTokens<'a, S> {
    tail: S,
    stemmer: rust_stemmers::Stemmer,
    stems: &'a mut HashMap<String, String>,
}

impl<S: TokenStream> TokenStream for StemmedTokens<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(stem) = self.stems.get(&token.text) {
            token.text.clear();
            token.text.push_str(stem);
            return true;
        }
        let stem = self.stemmer.stem(&token.text).into_owned();
        if self.stems.len() >= REMEMBERED {
            self.stems.clear();
        }
        self.stems
            .insert(std::mem::replace(&mut token.text, stem.clone()), stem);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{
        AsciiFoldingFilter, Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer,
    };

    use super::*;

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        stream.process(&mut |t| {
            out.push((t.text.clone(), t.offset_from, t.offset_to, t.position));
        });
        out
    }

    #[test]
    fn remembered_stems_are_tantivys_stems() {
        let texts: Vec<String> = explor_engine::Reference::embedded()
            .taxonomy
            .iter()
            .flat_map(|t| [t.label_fr.clone(), t.label_en.clone()])
            .chain([
                "Gestion des déchets ménagers et des déchets industriels".to_owned(),
                "Formations, formateurs, formation : former les formateurs".to_owned(),
                "Irrigation irriguée, irrigations ; assainissement assaini".to_owned(),
            ])
            .collect();
        for (algorithm, language) in [
            (Algorithm::French, Language::French),
            (Algorithm::English, Language::English),
        ] {
            let build = |remember: bool| {
                let b = TextAnalyzer::builder(SimpleTokenizer::default())
                    .filter(LowerCaser)
                    .filter(AsciiFoldingFilter);
                if remember {
                    b.filter(RememberingStemmer::new(algorithm)).build()
                } else {
                    b.filter(Stemmer::new(language)).build()
                }
            };
            let (mut theirs, mut ours) = (build(false), build(true));
            // Twice: the second time every word is remembered.
            for round in 0..2 {
                for text in &texts {
                    assert_eq!(
                        tokens(&mut ours, text),
                        tokens(&mut theirs, text),
                        "{language:?} round {round}: {text}"
                    );
                }
            }
        }
    }
}
