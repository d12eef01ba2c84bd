//! A mission with everything it refers to: what `mission show` and the documents are
//! made from.

use crate::cost::{CostError, CostPlan, CostRules, plan};
use crate::model::{Association, Expert, Need, Offer};
use crate::reference::Reference;

use super::{Dossier, Mission, cost_input};

/// A mission, its need and association, its people as the records hold them now, and
/// its cost plan.
#[derive(Debug, Clone)]
pub struct MissionFile {
    /// The mission.
    pub mission: Mission,
    /// Its need.
    pub need: Need,
    /// The need's association.
    pub association: Association,
    /// Its experts by id (`None` for one erased at their request).
    pub experts: Vec<(String, Option<Expert>)>,
    /// Its offer, if it is staffed by one.
    pub offer: Option<Offer>,
    /// Its cost plan, or why it cannot be computed.
    pub plan: Result<CostPlan, CostError>,
}

impl MissionFile {
    /// Gathers a mission's file and computes its cost plan from `rules`.
    pub fn new(
        mission: Mission,
        need: Need,
        association: Association,
        experts: Vec<(String, Option<Expert>)>,
        offer: Option<Offer>,
        rules: &CostRules,
        reference: &Reference<'_>,
    ) -> Self {
        let present: Vec<&Expert> = experts.iter().filter_map(|(_, e)| e.as_ref()).collect();
        let input = cost_input(&need, &mission, &present, offer.as_ref());
        let plan = plan(rules, reference, &input);
        Self {
            mission,
            need,
            association,
            experts,
            offer,
            plan,
        }
    }

    /// The dossier the document templates are rendered from.
    pub fn dossier(&self) -> Dossier<'_> {
        Dossier {
            mission: &self.mission,
            need: &self.need,
            association: &self.association,
            experts: self
                .experts
                .iter()
                .map(|(id, e)| (id.as_str(), e.as_ref()))
                .collect(),
            offer: self.offer.as_ref(),
            plan: self.plan.as_ref().map_err(ToString::to_string),
        }
    }
}
