//! The theme taxonomy: a forest of themes (parents and children) held as a petgraph graph.

use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

use super::ReferenceError;

/// One theme with its labels and the words people use for it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Stable key used in data files (`dechets`).
    pub key: String,
    /// Key of the parent theme, if any.
    pub parent: Option<String>,
    /// French label.
    pub label_fr: String,
    /// English label.
    pub label_en: String,
    /// French synonyms, lower case.
    #[serde(default)]
    pub synonyms_fr: Vec<String>,
    /// English synonyms, lower case.
    #[serde(default)]
    pub synonyms_en: Vec<String>,
}

/// How two themes stand in the taxonomy, from closest to farthest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ThemeRelation {
    /// The same theme.
    Same,
    /// One is the parent of the other.
    ParentChild,
    /// Two children of the same parent.
    Sibling,
    /// Anything else.
    Unrelated,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemesFile {
    source: String,
    date: String,
    themes: Vec<Theme>,
}

/// The theme taxonomy. Edges go from parent to child.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    graph: DiGraph<Theme, ()>,
    by_key: HashMap<String, NodeIndex>,
    source: String,
    date: String,
}

const EMBEDDED: &str = explor_data::reference::THEMES;

impl Taxonomy {
    /// Parses a themes file (the shape of `data/reference/themes.json`). Keys must be
    /// unique and every parent must be listed; a theme's parent may appear after it.
    pub fn from_json(text: &str) -> Result<Self, ReferenceError> {
        const FILE: &str = "themes.json";
        let file: ThemesFile =
            serde_json::from_str(text).map_err(|e| ReferenceError::parse(FILE, e))?;
        let mut graph = DiGraph::new();
        let mut by_key = HashMap::new();
        for theme in file.themes {
            let key = theme.key.clone();
            let node = graph.add_node(theme);
            if by_key.insert(key.clone(), node).is_some() {
                return Err(ReferenceError::invalid(
                    FILE,
                    format!("theme \"{key}\" is listed twice"),
                ));
            }
        }
        let links: Vec<(NodeIndex, String)> = graph
            .node_indices()
            .filter_map(|n| graph[n].parent.clone().map(|p| (n, p)))
            .collect();
        for (child, parent) in links {
            let Some(&p) = by_key.get(&parent) else {
                return Err(ReferenceError::invalid(
                    FILE,
                    format!(
                        "theme \"{}\" names an unknown parent \"{parent}\"",
                        graph[child].key
                    ),
                ));
            };
            graph.add_edge(p, child, ());
        }
        if petgraph::algo::is_cyclic_directed(&graph) {
            return Err(ReferenceError::invalid(
                FILE,
                "themes form a cycle".to_owned(),
            ));
        }
        Ok(Self {
            graph,
            by_key,
            source: file.source,
            date: file.date,
        })
    }

    /// The taxonomy embedded in the binary, from `data/reference/themes.json`.
    pub fn embedded() -> &'static Taxonomy {
        static CELL: OnceLock<Taxonomy> = OnceLock::new();
        CELL.get_or_init(|| {
            // Checked by this module's tests; failing here is a build defect.
            Taxonomy::from_json(EMBEDDED).expect("embedded data/reference/themes.json is valid")
        })
    }

    /// The theme with this key.
    pub fn get(&self, key: &str) -> Option<&Theme> {
        self.by_key.get(key).map(|&n| &self.graph[n])
    }

    /// Whether the key names a theme.
    pub fn contains(&self, key: &str) -> bool {
        self.by_key.contains_key(key)
    }

    /// The theme a person means by `text`: its key (`dechets`), or its key or French
    /// or English label written in any case, with or without accents, spaces for
    /// underscores (`Déchets`, `Gestion des déchets`, `Eau et assainissement`).
    pub fn resolve(&self, text: &str) -> Option<&Theme> {
        if let Some(theme) = self.get(text) {
            return Some(theme);
        }
        let wanted = loose(text);
        if wanted.is_empty() {
            return None;
        }
        self.iter().find(|t| {
            loose(&t.key) == wanted || loose(&t.label_fr) == wanted || loose(&t.label_en) == wanted
        })
    }

    /// The keys of the `n` themes whose key or labels are closest to `text` (fewest
    /// letters to change), closest first, ties in file order: what to suggest for an
    /// unknown theme.
    pub fn closest(&self, text: &str, n: usize) -> Vec<&str> {
        let wanted = loose(text);
        let mut scored: Vec<(usize, usize, &str)> = self
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let distance = [&t.key, &t.label_fr, &t.label_en]
                    .into_iter()
                    .map(|s| edit_distance(&wanted, &loose(s)))
                    .min()
                    .unwrap_or(usize::MAX);
                (distance, i, t.key.as_str())
            })
            .collect();
        scored.sort_unstable();
        scored.into_iter().take(n).map(|(_, _, k)| k).collect()
    }

    /// All themes, in file order.
    pub fn iter(&self) -> impl Iterator<Item = &Theme> {
        self.graph.node_weights()
    }

    /// The parent of a theme, if it has one.
    pub fn parent(&self, key: &str) -> Option<&Theme> {
        let n = *self.by_key.get(key)?;
        self.graph
            .neighbors_directed(n, Direction::Incoming)
            .next()
            .map(|p| &self.graph[p])
    }

    /// The children of a theme.
    pub fn children(&self, key: &str) -> Vec<&Theme> {
        let Some(&n) = self.by_key.get(key) else {
            return Vec::new();
        };
        let mut kids: Vec<&Theme> = self
            .graph
            .neighbors_directed(n, Direction::Outgoing)
            .map(|c| &self.graph[c])
            .collect();
        kids.sort_by(|a, b| a.key.cmp(&b.key));
        kids
    }

    /// The keys from the root down to `key` (`["environnement", "dechets"]`); empty if unknown.
    pub fn path(&self, key: &str) -> Vec<&str> {
        let mut path = Vec::new();
        let mut current = self.get(key);
        while let Some(theme) = current {
            path.push(theme.key.as_str());
            current = self.parent(&theme.key);
        }
        path.reverse();
        path
    }

    /// How two themes stand in the taxonomy.
    pub fn relation(&self, a: &str, b: &str) -> ThemeRelation {
        if a == b {
            return ThemeRelation::Same;
        }
        let pa = self.parent(a).map(|t| t.key.as_str());
        let pb = self.parent(b).map(|t| t.key.as_str());
        if pa == Some(b) || pb == Some(a) {
            ThemeRelation::ParentChild
        } else if pa.is_some() && pa == pb {
            ThemeRelation::Sibling
        } else {
            ThemeRelation::Unrelated
        }
    }

    /// Number of themes.
    pub fn len(&self) -> usize {
        self.by_key.len()
    }

    /// Whether the taxonomy is empty.
    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }

    /// Where the taxonomy comes from.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// When it was last revised.
    pub fn date(&self) -> &str {
        &self.date
    }
}

/// `text` folded for comparison: lower case, accents removed, every run of other
/// characters than letters and digits (spaces, `_`, `-`, `'`) one `_`.
fn loose(text: &str) -> String {
    let folded = crate::scoring::fold(text);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    while out.ends_with('_') {
        out.pop();
    }
    out
}

/// Levenshtein distance between two texts, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitute.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_labels_and_keys_in_any_case_resolve_to_their_key() {
        // Issue #17: a theme given by its French label resolves to its key.
        let t = Taxonomy::embedded();
        for (text, key) in [
            ("dechets", "dechets"),
            ("Déchets", "dechets"),
            ("DECHETS", "dechets"),
            ("Gestion des déchets", "dechets"),
            ("Eau et assainissement", "eau_assainissement"),
            ("eau et ASSAINISSEMENT", "eau_assainissement"),
            ("Eau assainissement", "eau_assainissement"),
            ("Santé", "sante"),
            ("Waste management", "dechets"),
        ] {
            assert_eq!(
                t.resolve(text).map(|th| th.key.as_str()),
                Some(key),
                "{text}"
            );
        }
        assert!(t.resolve("plomberie").is_none());
        assert!(t.resolve("").is_none());
    }

    #[test]
    fn an_unknown_theme_gets_the_closest_keys() {
        let t = Taxonomy::embedded();
        assert_eq!(t.closest("dechts", 3)[0], "dechets");
        assert_eq!(t.closest("Energi", 3)[0], "energie");
        assert_eq!(t.closest("eau_assainisement", 3)[0], "eau_assainissement");
        assert_eq!(t.closest("x", 3).len(), 3);
        assert_eq!(edit_distance("chat", "chats"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    /// The keys that `docs/data-format.md` makes part of the input contract.
    const CONTRACT: &[(&str, &[&str])] = &[
        (
            "environnement",
            &[
                "dechets",
                "energie",
                "eau_assainissement",
                "climat",
                "biodiversite",
            ],
        ),
        (
            "agriculture",
            &[
                "agroecologie",
                "elevage",
                "irrigation",
                "transformation_alimentaire",
            ],
        ),
        (
            "sante",
            &[
                "soins_primaires",
                "sante_maternelle",
                "nutrition",
                "hygiene",
            ],
        ),
        (
            "education",
            &[
                "education_base",
                "formation_professionnelle",
                "alphabetisation",
            ],
        ),
        (
            "gouvernance",
            &[
                "administration_publique",
                "finances_locales",
                "etat_civil",
                "urbanisme",
            ],
        ),
        (
            "economie",
            &[
                "entrepreneuriat",
                "microfinance",
                "tourisme_solidaire",
                "artisanat",
            ],
        ),
        ("numerique", &["informatique", "telecommunications"]),
        ("social", &["genre", "handicap", "jeunesse"]),
        ("culture", &["patrimoine"]),
    ];

    #[test]
    fn embedded_taxonomy_holds_every_contract_key_under_its_parent() {
        let t = Taxonomy::embedded();
        for (parent, children) in CONTRACT {
            assert!(
                t.get(parent).is_some_and(|p| p.parent.is_none()),
                "{parent}"
            );
            for child in *children {
                assert_eq!(
                    t.parent(child).map(|p| p.key.as_str()),
                    Some(*parent),
                    "{child}"
                );
            }
        }
        assert!(
            t.iter()
                .all(|th| !th.label_fr.is_empty() && !th.label_en.is_empty())
        );
    }

    #[test]
    fn relations_follow_the_tree() {
        let t = Taxonomy::embedded();
        assert_eq!(t.relation("dechets", "dechets"), ThemeRelation::Same);
        assert_eq!(
            t.relation("dechets", "environnement"),
            ThemeRelation::ParentChild
        );
        assert_eq!(
            t.relation("environnement", "dechets"),
            ThemeRelation::ParentChild
        );
        assert_eq!(t.relation("dechets", "energie"), ThemeRelation::Sibling);
        assert_eq!(t.relation("dechets", "nutrition"), ThemeRelation::Unrelated);
        assert_eq!(
            t.relation("environnement", "sante"),
            ThemeRelation::Unrelated
        );
        assert_eq!(t.path("dechets"), vec!["environnement", "dechets"]);
        assert!(t.children("culture").iter().any(|c| c.key == "patrimoine"));
    }

    #[test]
    fn unknown_parent_duplicate_and_cycle_are_refused() {
        let th = |k: &str, p: Option<&str>| {
            format!(
                r#"{{"key":"{k}","parent":{},"label_fr":"x","label_en":"x"}}"#,
                p.map_or("null".to_owned(), |p| format!("\"{p}\""))
            )
        };
        let file = |items: Vec<String>| {
            format!(
                r#"{{"source":"s","date":"d","themes":[{}]}}"#,
                items.join(",")
            )
        };
        assert!(Taxonomy::from_json(&file(vec![th("a", Some("zz"))])).is_err());
        assert!(Taxonomy::from_json(&file(vec![th("a", None), th("a", None)])).is_err());
        assert!(Taxonomy::from_json(&file(vec![th("a", Some("b")), th("b", Some("a"))])).is_err());
        assert!(Taxonomy::from_json(&file(vec![th("b", Some("a")), th("a", None)])).is_ok());
    }
}
