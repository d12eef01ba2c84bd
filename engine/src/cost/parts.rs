//! The pieces a plan is assembled from, shared by the steps that price them: one
//! expert's line for a category, what the local partner gives in its place, and the
//! sources cited.

use super::arith::eur;
use super::types::Category;
use crate::values::Money;

/// One expert's amount for one category, before it is repeated for every expert.
pub(super) struct ExpertLine {
    /// What the line pays for.
    pub(super) category: Category,
    /// The amount for one expert.
    pub(super) amount: Money,
    /// How the amount was worked out, in French.
    pub(super) basis: String,
}

impl ExpertLine {
    pub(super) fn new(category: Category, amount: Money, basis: String) -> Self {
        Self {
            category,
            amount,
            basis,
        }
    }

    /// A line with an amount given by the user.
    pub(super) fn given(category: Category, amount: Money) -> Self {
        Self::new(category, amount, crate::fr::cost::given_amount(eur(amount)))
    }

    /// The line of a category the local partner may provide: 0 and the value in kind
    /// when it does, the full amount otherwise.
    pub(super) fn unless_provided(self, provided: bool) -> CategoryCost {
        if provided {
            let line = ExpertLine::new(
                self.category,
                Money::ZERO,
                format!("fourni par le partenaire (en nature : {})", self.basis),
            );
            CategoryCost {
                line,
                in_kind: Some(self),
            }
        } else {
            self.paid()
        }
    }

    /// The line paid in full, nothing given in kind.
    pub(super) fn paid(self) -> CategoryCost {
        CategoryCost {
            line: self,
            in_kind: None,
        }
    }
}

/// A category's line for one expert and what the partner gives in kind for it.
pub(super) struct CategoryCost {
    /// What the plan pays.
    pub(super) line: ExpertLine,
    /// What the partner provides instead, valued.
    pub(super) in_kind: Option<ExpertLine>,
}

/// The sources of the rules used, each once, in order of first use.
#[derive(Default)]
pub(super) struct Sources(Vec<String>);

impl Sources {
    pub(super) fn add(&mut self, source: &str, date: &str) {
        let entry = format!(
            "{source} ({})",
            crate::values::french_date::reference_date(date)
        );
        if !self.0.contains(&entry) {
            self.0.push(entry);
        }
    }

    /// The entries, `source (date)`.
    pub(super) fn into_entries(self) -> Vec<String> {
        self.0
    }
}
