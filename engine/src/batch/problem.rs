//! The exact problem a batch run solves — the graph `--export-graph` writes — and its
//! solver: a min-cost flow per connected component, solved in parallel.

use std::collections::{HashMap, HashSet};

use petgraph::unionfind::UnionFind;
use rayon::prelude::*;
use serde::{Deserialize, Deserializer, Serialize};

use crate::assign::{EdgeId, FlowError, FlowGraph, Mode};
use crate::retrieval::CandidateKind;

/// A batch assignment problem: needs with places, candidates with capacities, companies
/// with quotas, and the integer weight of each (need, candidate) pair that may be
/// assigned. It is what [`solve`] takes and what `explor batch --export-graph` writes.
///
/// Meaning of the numbers, which any independent solver can check an assignment against:
/// - a need takes at most `wanted` candidates, each at most once;
/// - a candidate takes at most `capacity` needs;
/// - the candidates naming a company take, all together, at most its `quota` needs;
/// - the objective is lexicographic: first the number of needs that get at least one
///   candidate, then the sum of the weights of the pairs assigned.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Problem {
    /// Needs, by id.
    pub needs: Vec<NeedNode>,
    /// Candidates (experts and offers), by id.
    pub candidates: Vec<CandidateNode>,
    /// Companies whose quota some candidates share, by id.
    pub companies: Vec<CompanyNode>,
    /// Pairs that may be assigned, by need then candidate.
    pub edges: Vec<Edge>,
}

/// A need of a [`Problem`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NeedNode {
    /// The need's id.
    pub id: String,
    /// How many candidates it takes at most.
    pub wanted: u32,
}

/// A candidate of a [`Problem`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CandidateNode {
    /// The expert's or offer's id.
    pub id: String,
    /// Expert or offer.
    #[serde(deserialize_with = "kind_from_str")]
    pub kind: CandidateKind,
    /// How many needs it takes at most (1 for an expert, missions left for an offer).
    pub capacity: u32,
    /// The company whose quota it counts against, if any.
    #[serde(default)]
    pub company: Option<String>,
}

/// A company of a [`Problem`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompanyNode {
    /// The company's id.
    pub id: String,
    /// How many needs its candidates take at most, all together.
    pub quota: u32,
}

/// A (need, candidate) pair that may be assigned, and what it is worth.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edge {
    /// The need's id.
    pub need: String,
    /// The candidate's id.
    pub candidate: String,
    /// Its weight: the candidate's score for the need in hundredths (0–10 000).
    pub weight: i64,
}

/// The value of an assignment: needs covered, then total weight.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Objective {
    /// Needs that got at least one candidate.
    pub covered: usize,
    /// Sum of the weights of the pairs assigned.
    pub total_weight: i64,
}

/// An optimal assignment of a [`Problem`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Solution {
    /// Its value, the best there is.
    pub objective: Objective,
    /// The pairs assigned, by need then candidate.
    pub pairs: Vec<Edge>,
    /// How many independent parts the problem was split into.
    pub components: usize,
}

/// Why a [`Problem`] cannot be solved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BatchError {
    /// Two needs, two candidates or two companies share an id.
    #[error("two {what} have the id \"{id}\"")]
    DuplicateId {
        /// "needs", "candidates" or "companies".
        what: &'static str,
        /// The id.
        id: String,
    },
    /// An edge names a need that is not listed.
    #[error("an edge names the need \"{0}\", which is not listed")]
    UnknownNeed(String),
    /// An edge names a candidate that is not listed.
    #[error("an edge names the candidate \"{0}\", which is not listed")]
    UnknownCandidate(String),
    /// A candidate names a company that is not listed.
    #[error("the candidate \"{candidate}\" names the company \"{company}\", which is not listed")]
    UnknownCompany {
        /// The candidate.
        candidate: String,
        /// The company it names.
        company: String,
    },
    /// The same pair is listed twice.
    #[error("the pair {need} → {candidate} is listed twice")]
    DuplicateEdge {
        /// The need.
        need: String,
        /// The candidate.
        candidate: String,
    },
    /// A weight below zero.
    #[error("the pair {need} → {candidate} has a negative weight ({weight})")]
    NegativeWeight {
        /// The need.
        need: String,
        /// The candidate.
        candidate: String,
        /// The weight.
        weight: i64,
    },
    /// The weights are too large for exact 64-bit costs.
    #[error("the weights are too large to be added up exactly in 64 bits")]
    TooLarge,
    /// The flow solver failed (a defect: batch networks are acyclic and bounded).
    #[error("min-cost flow: {0}")]
    Flow(#[from] FlowError),
}

fn kind_from_str<'de, D: Deserializer<'de>>(d: D) -> Result<CandidateKind, D::Error> {
    match String::deserialize(d)?.as_str() {
        "expert" => Ok(CandidateKind::Expert),
        "offer" => Ok(CandidateKind::Offer),
        other => Err(serde::de::Error::unknown_variant(
            other,
            &["expert", "offer"],
        )),
    }
}

/// A problem in indices: needs, candidates and companies sorted by id, edges by
/// (need, candidate). Canonical, so the solution does not depend on input order.
#[derive(Debug, Default)]
pub(crate) struct Compiled {
    /// Places of each need.
    pub wanted: Vec<u32>,
    /// Capacity of each candidate.
    pub capacity: Vec<u32>,
    /// Company of each candidate.
    pub company: Vec<Option<u32>>,
    /// Quota of each company.
    pub quota: Vec<u32>,
    /// (need, candidate, weight), sorted.
    pub edges: Vec<(u32, u32, i64)>,
    /// Needs already covered before the solve (by a pinned pair): their places carry
    /// no coverage bonus, so they never outrank covering another need. Empty: none.
    pub covered: Vec<bool>,
}

/// Positions of the sorted ids in the problem's lists.
struct Order {
    needs: Vec<usize>,
    candidates: Vec<usize>,
}

fn sorted_index<'p, T>(
    items: &'p [T],
    id: impl Fn(&'p T) -> &'p str,
    what: &'static str,
) -> Result<(Vec<usize>, HashMap<&'p str, u32>), BatchError> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| id(&items[a]).cmp(id(&items[b])));
    let mut index = HashMap::with_capacity(items.len());
    for (i, &pos) in order.iter().enumerate() {
        let key = id(&items[pos]);
        if index.insert(key, i as u32).is_some() {
            return Err(BatchError::DuplicateId {
                what,
                id: key.to_owned(),
            });
        }
    }
    Ok((order, index))
}

impl Problem {
    fn compile_covered(&self, covered: &HashSet<&str>) -> Result<(Compiled, Order), BatchError> {
        let (need_order, need_ix) = sorted_index(&self.needs, |n| n.id.as_str(), "needs")?;
        let (cand_order, cand_ix) =
            sorted_index(&self.candidates, |c| c.id.as_str(), "candidates")?;
        let (company_order, company_ix) =
            sorted_index(&self.companies, |c| c.id.as_str(), "companies")?;
        let mut company = Vec::with_capacity(cand_order.len());
        for &pos in &cand_order {
            let c = &self.candidates[pos];
            company.push(match &c.company {
                None => None,
                Some(co) => Some(*company_ix.get(co.as_str()).ok_or_else(|| {
                    BatchError::UnknownCompany {
                        candidate: c.id.clone(),
                        company: co.clone(),
                    }
                })?),
            });
        }
        let mut edges = Vec::with_capacity(self.edges.len());
        for e in &self.edges {
            let need = *need_ix
                .get(e.need.as_str())
                .ok_or_else(|| BatchError::UnknownNeed(e.need.clone()))?;
            let cand = *cand_ix
                .get(e.candidate.as_str())
                .ok_or_else(|| BatchError::UnknownCandidate(e.candidate.clone()))?;
            if e.weight < 0 {
                return Err(BatchError::NegativeWeight {
                    need: e.need.clone(),
                    candidate: e.candidate.clone(),
                    weight: e.weight,
                });
            }
            edges.push((need, cand, e.weight));
        }
        edges.sort_unstable();
        if let Some(w) = edges
            .windows(2)
            .find(|w| (w[0].0, w[0].1) == (w[1].0, w[1].1))
        {
            return Err(BatchError::DuplicateEdge {
                need: self.needs[need_order[w[0].0 as usize]].id.clone(),
                candidate: self.candidates[cand_order[w[0].1 as usize]].id.clone(),
            });
        }
        let compiled = Compiled {
            wanted: need_order.iter().map(|&p| self.needs[p].wanted).collect(),
            capacity: cand_order
                .iter()
                .map(|&p| self.candidates[p].capacity)
                .collect(),
            company,
            quota: company_order
                .iter()
                .map(|&p| self.companies[p].quota)
                .collect(),
            edges,
            covered: if covered.is_empty() {
                Vec::new()
            } else {
                need_order
                    .iter()
                    .map(|&p| covered.contains(self.needs[p].id.as_str()))
                    .collect()
            },
        };
        Ok((
            compiled,
            Order {
                needs: need_order,
                candidates: cand_order,
            },
        ))
    }
}

/// Solves a batch problem exactly: the assignment that covers the most needs and, among
/// those, has the largest total weight. Ties are broken the same way for the same
/// problem whatever the order of its lists, so the solution is reproducible.
///
/// The problem is split into connected components (needs and candidates joined by an
/// edge, candidates joined by a company), each solved as a min-cost flow, in parallel.
pub fn solve(problem: &Problem) -> Result<Solution, BatchError> {
    solve_covered(problem, &HashSet::new())
}

/// [`solve`], where the needs in `covered` already count as covered (a pinned pair
/// serves them): their remaining places only add weight.
pub(crate) fn solve_covered(
    problem: &Problem,
    covered: &HashSet<&str>,
) -> Result<Solution, BatchError> {
    let (compiled, order) = problem.compile_covered(covered)?;
    let outcome = solve_compiled(&compiled, true)?;
    let pairs = outcome
        .chosen
        .iter()
        .map(|&e| {
            let (n, c, weight) = compiled.edges[e];
            Edge {
                need: problem.needs[order.needs[n as usize]].id.clone(),
                candidate: problem.candidates[order.candidates[c as usize]].id.clone(),
                weight,
            }
        })
        .collect();
    Ok(Solution {
        objective: outcome.objective,
        pairs,
        components: outcome.components,
    })
}

/// What [`solve_compiled`] found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Outcome {
    pub objective: Objective,
    /// Indices into `Compiled::edges` of the pairs assigned, ascending.
    pub chosen: Vec<usize>,
    pub components: usize,
}

/// One connected component, in global indices (each list ascending).
#[derive(Debug, Default)]
struct Component {
    needs: Vec<u32>,
    candidates: Vec<u32>,
    companies: Vec<u32>,
    edges: Vec<usize>,
}

/// Splits the problem into the components that contain at least one need (`split`
/// false: everything in one), ordered by their first need.
fn components(c: &Compiled, split: bool) -> Vec<Component> {
    let (n, m, k) = (c.wanted.len(), c.capacity.len(), c.quota.len());
    let label: Vec<usize> = if split {
        let mut uf = UnionFind::<usize>::new(n + m + k);
        for &(need, cand, _) in &c.edges {
            uf.union(need as usize, n + cand as usize);
        }
        for (cand, company) in c.company.iter().enumerate() {
            if let Some(co) = company {
                uf.union(n + cand, n + m + *co as usize);
            }
        }
        uf.into_labeling()
    } else {
        vec![0; n + m + k]
    };
    let mut slot: HashMap<usize, usize> = HashMap::new();
    let mut parts: Vec<Component> = Vec::new();
    for (need, l) in label[..n].iter().enumerate() {
        let next = parts.len();
        let s = *slot.entry(*l).or_insert(next);
        if s == next {
            parts.push(Component::default());
        }
        parts[s].needs.push(need as u32);
    }
    for cand in 0..m {
        if let Some(&s) = slot.get(&label[n + cand]) {
            parts[s].candidates.push(cand as u32);
        }
    }
    for co in 0..k {
        if let Some(&s) = slot.get(&label[n + m + co]) {
            parts[s].companies.push(co as u32);
        }
    }
    for (e, &(need, _, _)) in c.edges.iter().enumerate() {
        parts[slot[&label[need as usize]]].edges.push(e);
    }
    parts
}

/// Solves every component (in parallel when `split`) and merges the results.
pub(crate) fn solve_compiled(c: &Compiled, split: bool) -> Result<Outcome, BatchError> {
    let parts = components(c, split);
    let solved: Vec<(Objective, Vec<usize>)> = parts
        .par_iter()
        .map(|part| solve_component(c, part))
        .collect::<Result<_, _>>()?;
    let mut objective = Objective::default();
    let mut chosen = Vec::new();
    for (o, edges) in solved {
        objective.covered += o.covered;
        objective.total_weight += o.total_weight;
        chosen.extend(edges);
    }
    chosen.sort_unstable();
    Ok(Outcome {
        objective,
        chosen,
        components: parts.len(),
    })
}

/// The flow network of one component, solved in [`Mode::MinCost`].
///
/// source → need: one arc of capacity 1 and cost −B (the coverage bonus), and a path
/// of capacity `wanted − 1` and cost 0 (see below); need → candidate: capacity 1,
/// cost −weight;
/// candidate → its company (or the sink): its capacity; company → sink: its quota.
/// B is one more than the component's total edge weight, so covering one more need
/// is worth more than any change of weight: the minimum cost is −(B·covered + weight)
/// at the lexicographic optimum.
fn solve_component(c: &Compiled, part: &Component) -> Result<(Objective, Vec<usize>), BatchError> {
    let bonus = coverage_bonus(c, part)?;
    let mut network = ComponentNetwork::new(c, part);
    network.add_places(bonus);
    let arcs = network.add_pairs();
    network.add_capacities();
    let flow = network.graph.solve(
        ComponentNetwork::SOURCE,
        ComponentNetwork::SINK,
        Mode::MinCost,
        None,
    )?;

    let mut objective = Objective::default();
    let mut chosen = Vec::new();
    let mut last_need = None;
    for (&e, &arc) in part.edges.iter().zip(&arcs) {
        if network.graph.flow(arc) > 0 {
            let (need, _, weight) = c.edges[e];
            if last_need != Some(need) && !c.covered.get(need as usize).copied().unwrap_or(false) {
                objective.covered += 1;
                last_need = Some(need);
            }
            objective.total_weight += weight;
            chosen.push(e);
        }
    }
    debug_assert_eq!(
        flow.cost,
        -(bonus * objective.covered as i64 + objective.total_weight)
    );
    Ok((objective, chosen))
}

/// The bonus B of covering a need: one more than the component's total edge weight,
/// checked so that the whole cost stays well inside `i64`.
fn coverage_bonus(c: &Compiled, part: &Component) -> Result<i64, BatchError> {
    let total: i64 = part
        .edges
        .iter()
        .try_fold(0i64, |acc, &e| acc.checked_add(c.edges[e].2))
        .ok_or(BatchError::TooLarge)?;
    let bonus = total.checked_add(1).ok_or(BatchError::TooLarge)?;
    // The total cost must stay well inside i64 for the solver's own sums.
    let places = i64::try_from(part.needs.len() + 1).map_err(|_| BatchError::TooLarge)?;
    if bonus.checked_mul(places).is_none_or(|x| x > i64::MAX / 16) {
        return Err(BatchError::TooLarge);
    }
    Ok(bonus)
}

/// The flow graph of one component as it is built: the source, the sink, then its
/// needs, candidates and companies, each in the component's order.
struct ComponentNetwork<'c> {
    compiled: &'c Compiled,
    part: &'c Component,
    graph: FlowGraph,
    need_node: HashMap<u32, usize>,
    candidate_node: HashMap<u32, usize>,
    company_node: HashMap<u32, usize>,
}

impl<'c> ComponentNetwork<'c> {
    const SOURCE: usize = 0;
    const SINK: usize = 1;

    fn new(compiled: &'c Compiled, part: &'c Component) -> Self {
        let first_need = 2;
        let first_candidate = first_need + part.needs.len();
        let first_company = first_candidate + part.candidates.len();
        let numbered = |ids: &[u32], first: usize| -> HashMap<u32, usize> {
            ids.iter()
                .enumerate()
                .map(|(i, &x)| (x, first + i))
                .collect()
        };
        Self {
            compiled,
            part,
            graph: FlowGraph::new(first_company + part.companies.len()),
            need_node: numbered(&part.needs, first_need),
            candidate_node: numbered(&part.candidates, first_candidate),
            company_node: numbered(&part.companies, first_company),
        }
    }

    /// Source → need: the first place at cost −`bonus`, the others at cost 0.
    fn add_places(&mut self, bonus: i64) {
        for &need in &self.part.needs {
            let node = self.need_node[&need];
            let mut wanted = i64::from(self.compiled.wanted[need as usize]);
            let covered = self
                .compiled
                .covered
                .get(need as usize)
                .copied()
                .unwrap_or(false);
            if wanted > 0 && !covered {
                self.graph.add_edge(Self::SOURCE, node, 1, -bonus);
            } else {
                // Already covered: every place is a spare one, worth its weight only.
                wanted += 1;
            }
            if wanted > 1 {
                // Through a node of their own at costs −1 then +1: the same cost (0) as
                // a direct arc, but the arc out of the source is then tight under the
                // solver's first prices, so these places' supply is pushed off the
                // source before the searches start; left on it, each search would
                // sweep every need.
                let spare = self.graph.add_node();
                self.graph.add_edge(Self::SOURCE, spare, wanted - 1, -1);
                self.graph.add_edge(spare, node, wanted - 1, 1);
            }
        }
    }

    /// Need → candidate for every pair that may be assigned, at cost −weight; the
    /// arcs in the order of the component's edges.
    fn add_pairs(&mut self) -> Vec<EdgeId> {
        self.part
            .edges
            .iter()
            .map(|&e| {
                let (need, cand, weight) = self.compiled.edges[e];
                self.graph.add_edge(
                    self.need_node[&need],
                    self.candidate_node[&cand],
                    1,
                    -weight,
                )
            })
            .collect()
    }

    /// Candidate → its company (or the sink) at its capacity, company → sink at its
    /// quota.
    fn add_capacities(&mut self) {
        let c = self.compiled;
        for &cand in &self.part.candidates {
            let to = match c.company[cand as usize] {
                Some(co) => self.company_node[&co],
                None => Self::SINK,
            };
            let node = self.candidate_node[&cand];
            self.graph
                .add_edge(node, to, i64::from(c.capacity[cand as usize]), 0);
        }
        for &co in &self.part.companies {
            let node = self.company_node[&co];
            self.graph
                .add_edge(node, Self::SINK, i64::from(c.quota[co as usize]), 0);
        }
    }
}

#[cfg(test)]
pub(crate) fn compile_for_tests(p: &Problem) -> Result<Compiled, BatchError> {
    p.compile_covered(&HashSet::new()).map(|(c, _)| c)
}
