//! A cost plan as people read it: its lines, the totals, who pays what, the mécénat
//! estimate and the sources. Every rate in the labels comes from the cost rules.

use explor_engine::Money;
use explor_engine::cost::{CostPlan, CostRules, eur, pct};

use crate::table::Table;

/// A cost plan and the rules it was computed with.
#[derive(Debug, Clone, Copy)]
pub struct CostPlanView<'p> {
    /// The plan.
    pub plan: &'p CostPlan,
    /// The rules it applied (for the labels: the network's share…).
    pub rules: &'p CostRules,
}

impl<'p> CostPlanView<'p> {
    /// The view of `plan`, computed with `rules`.
    pub fn new(plan: &'p CostPlan, rules: &'p CostRules) -> Self {
        Self { plan, rules }
    }

    /// One row per cost line: expert, category, amount, how it was computed.
    pub fn lines(&self) -> Table {
        let mut t = Table::new(&["expert", "poste", "montant", "base de calcul"]);
        for line in &self.plan.lines {
            t.push(vec![
                line.expert.to_string(),
                line.category.label_fr().to_owned(),
                eur(line.amount),
                line.basis.clone(),
            ]);
        }
        t
    }

    /// The totals and who pays what.
    pub fn totals(&self) -> Table {
        let p = self.plan;
        let share =
            explor_engine::fr::views::network_share(pct(self.rules.programme.network_share_bp));
        let rows: [(&str, Money); 8] = [
            (explor_engine::fr::views::ELIGIBLE_COSTS, p.eligible),
            (&share, p.network_share),
            (explor_engine::fr::views::REMAINDER, p.remainder),
            (explor_engine::fr::views::FEE, p.fee),
            (explor_engine::fr::views::IN_KIND, p.in_kind_total),
            (explor_engine::fr::views::PAID_BY_NETWORK, p.payers.network),
            (
                explor_engine::fr::views::PAID_BY_ASSOCIATION,
                p.payers.association,
            ),
            (
                explor_engine::fr::views::PAID_BY_EMPLOYER,
                p.payers.employer,
            ),
        ];
        let mut t = Table::new(&["", "montant"]);
        for (label, amount) in rows {
            t.push(vec![label.to_owned(), eur(amount)]);
        }
        t
    }

    /// The mécénat estimate in one line, then each assumption (none without mécénat).
    pub fn mecenat(&self) -> Vec<String> {
        let Some(m) = &self.plan.mecenat else {
            return Vec::new();
        };
        let mut out = vec![explor_engine::fr::views::patronage(
            eur(m.gift),
            eur(m.valued_time),
            eur(m.reduction),
            eur(m.reduction_this_year),
            eur(m.net_cost),
        )];
        out.extend(
            m.assumptions
                .iter()
                .map(explor_engine::fr::views::assumption),
        );
        out
    }

    /// Where each rate comes from, one line each.
    pub fn sources(&self) -> Vec<String> {
        self.plan
            .sources
            .iter()
            .map(|s| format!("source : {s}"))
            .collect()
    }

    /// The programme's rule in one line: the network's share and cap, the fee.
    pub fn programme_rule(rules: &CostRules) -> String {
        let p = &rules.programme;
        explor_engine::fr::views::programme_rule(
            pct(p.network_share_bp),
            whole_euros(p.network_cap_per_mission),
            whole_euros(p.fee_per_mission),
        )
    }
}

/// An amount in euros without cents when it has none (`1 400 €`).
pub fn whole_euros(amount: Money) -> String {
    let text = eur(amount);
    match text.strip_suffix(",00\u{a0}€") {
        Some(units) => format!("{units}\u{a0}€"),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_euros_drops_zero_cents_only() {
        assert_eq!(
            whole_euros(Money::from_cents(140_000)),
            "1\u{202f}400\u{a0}€"
        );
        assert!(whole_euros(Money::from_cents(12_345)).ends_with(",45\u{a0}€"));
    }

    #[test]
    fn the_programme_rule_reads_the_rules() {
        let mut rules = CostRules::embedded().clone();
        rules.programme.network_share_bp = 4_000;
        rules.programme.fee_per_mission = Money::from_cents(25_000);
        let line = CostPlanView::programme_rule(&rules);
        assert!(line.starts_with("40\u{a0}%"), "{line}");
        assert!(line.ends_with("250\u{a0}€"), "{line}");
    }
}
