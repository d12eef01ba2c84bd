//! Properties checked here:
//! 1. hand-made cases whose flow and cost are worked out in comments: negative costs,
//!    both modes, `limit`, zero-capacity edges, an unreachable sink, zero-cost paths,
//!    edges into the source, "unbounded" `i64::MAX` capacities;
//! 2. bad input is reported, not solved: unknown nodes, negative capacities, a negative
//!    limit, costs too large for 64 bits;
//! 3. a negative cycle is reported (reachable or not, self-loops too) and not looped on;
//!    on random graphs, exactly when Floyd–Warshall finds one;
//! 4. every solution is a flow: within capacities, conserved at every node but source
//!    and sink, and adding up to the returned amount and cost;
//! 5. on small random graphs with cycles and negative costs, `MinCost` finds the
//!    cheapest flow of any amount up to the limit, and the smallest amount among the
//!    cheapest, and `MaxFlowMinCost` the largest amount then the cheapest, as found by
//!    enumerating every integer flow;
//! 6. assignment networks agree with `pathfinding`'s Kuhn–Munkres;
//! 7. solving is deterministic: the same graph, built twice or solved twice, gets the
//!    same flows.

use pathfinding::kuhn_munkres::kuhn_munkres;
use pathfinding::matrix::Matrix;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

use super::*;

/// A flow problem as plain data, to build a graph from and to enumerate.
#[derive(Clone, Debug)]
struct Problem {
    nodes: usize,
    /// (from, to, capacity, cost)
    edges: Vec<(usize, usize, i64, i64)>,
    source: usize,
    sink: usize,
    limit: Option<i64>,
}

impl Problem {
    fn graph(&self) -> (FlowGraph, Vec<EdgeId>) {
        let mut g = FlowGraph::new(self.nodes);
        let ids = self
            .edges
            .iter()
            .map(|&(u, v, cap, cost)| g.add_edge(u, v, cap, cost))
            .collect();
        (g, ids)
    }

    fn solve(&self, mode: Mode) -> Result<(Solution, Vec<i64>), FlowError> {
        let (mut g, ids) = self.graph();
        let solution = g.solve(self.source, self.sink, mode, self.limit)?;
        let flows = ids.iter().map(|&e| g.flow(e)).collect();
        Ok((solution, flows))
    }

    /// Property 4: `flows` is a flow of `solution`'s amount and cost.
    fn check_flow(&self, solution: Solution, flows: &[i64]) {
        let mut balance = vec![0i64; self.nodes];
        let mut cost = 0;
        for (&(u, v, cap, c), &f) in self.edges.iter().zip(flows) {
            assert!(
                (0..=cap).contains(&f),
                "flow {f} on an edge of capacity {cap}"
            );
            balance[u] -= f;
            balance[v] += f;
            cost += f * c;
        }
        for (v, &b) in balance.iter().enumerate() {
            if v != self.source && v != self.sink {
                assert_eq!(b, 0, "flow not conserved at node {v}");
            }
        }
        if self.source != self.sink {
            assert_eq!(-balance[self.source], solution.flow);
            assert_eq!(balance[self.sink], solution.flow);
        }
        assert_eq!(cost, solution.cost);
        assert!(solution.flow >= 0 && solution.flow <= self.limit.unwrap_or(i64::MAX));
    }

    /// Every integer flow whose amount is in `0..=limit`, as (amount, cost).
    fn all_flows(&self) -> Vec<(i64, i64)> {
        // Check conservation at a node as soon as its last edge has a flow.
        let mut last = vec![None; self.nodes];
        for (i, &(u, v, ..)) in self.edges.iter().enumerate() {
            last[u] = Some(i);
            last[v] = Some(i);
        }
        let mut closes = vec![Vec::new(); self.edges.len()];
        for (v, i) in last.iter().enumerate() {
            if let Some(i) = i
                && v != self.source
                && v != self.sink
            {
                closes[*i].push(v);
            }
        }
        let mut found = Vec::new();
        let mut balance = vec![0i64; self.nodes];
        self.enumerate(0, &closes, &mut balance, 0, &mut found);
        found
    }

    fn enumerate(
        &self,
        i: usize,
        closes: &[Vec<usize>],
        balance: &mut [i64],
        cost: i64,
        found: &mut Vec<(i64, i64)>,
    ) {
        if i == self.edges.len() {
            // With source = sink, conservation elsewhere leaves it balanced too.
            let amount = -balance[self.source];
            if (0..=self.limit.unwrap_or(i64::MAX)).contains(&amount) {
                found.push((amount, cost));
            }
            return;
        }
        let (u, v, cap, c) = self.edges[i];
        for f in 0..=cap {
            balance[u] -= f;
            balance[v] += f;
            if closes[i].iter().all(|&w| balance[w] == 0) {
                self.enumerate(i + 1, closes, balance, cost + f * c, found);
            }
            balance[u] += f;
            balance[v] -= f;
        }
    }

    /// Property 3's reference: some node reaches itself at negative cost.
    fn has_negative_cycle(&self) -> bool {
        let n = self.nodes;
        let mut d = vec![vec![i64::MAX / 4; n]; n];
        for (v, row) in d.iter_mut().enumerate() {
            row[v] = 0;
        }
        for &(u, v, cap, c) in &self.edges {
            if cap > 0 {
                d[u][v] = d[u][v].min(c);
            }
        }
        for k in 0..n {
            for i in 0..n {
                for j in 0..n {
                    d[i][j] = d[i][j].min(d[i][k] + d[k][j]);
                }
            }
        }
        (0..n).any(|v| d[v][v] < 0)
    }
}

fn solve(p: &Problem, mode: Mode) -> Solution {
    let (solution, flows) = p.solve(mode).unwrap();
    p.check_flow(solution, &flows);
    solution
}

fn problem(nodes: usize, edges: &[(usize, usize, i64, i64)], limit: Option<i64>) -> Problem {
    Problem {
        nodes,
        edges: edges.to_vec(),
        source: 0,
        sink: nodes - 1,
        limit,
    }
}

fn sol(flow: i64, cost: i64) -> Solution {
    Solution { flow, cost }
}

// Property 1.

#[test]
fn diamond_with_a_negative_edge() {
    // s=0, a=1, b=2, t=3. Paths: s-a-b-t costs 1 - 3 + 1 = -1 (1 unit, a→b),
    // s-a-t costs 1 + 3 = 4 (1 unit, a→t), s-b-t costs 4 + 1 = 5 (1 unit, s→b).
    let p = problem(
        4,
        &[
            (0, 1, 2, 1),
            (0, 2, 1, 4),
            (1, 2, 1, -3),
            (1, 3, 1, 3),
            (2, 3, 2, 1),
        ],
        None,
    );
    // MinCost sends only along the one negative path.
    assert_eq!(solve(&p, Mode::MinCost), sol(1, -1));
    assert_eq!(p.solve(Mode::MinCost).unwrap().1, [1, 0, 1, 0, 1]);
    // Max flow is 3, using every path: -1 + 4 + 5 = 8.
    assert_eq!(solve(&p, Mode::MaxFlowMinCost), sol(3, 8));
    assert_eq!(p.solve(Mode::MaxFlowMinCost).unwrap().1, [2, 1, 1, 1, 2]);
    // Two units: the two cheapest paths, -1 + 4 = 3.
    let two = Problem {
        limit: Some(2),
        ..p.clone()
    };
    assert_eq!(solve(&two, Mode::MaxFlowMinCost), sol(2, 3));
    // A limit of 0 sends nothing, in either mode.
    let none = Problem {
        limit: Some(0),
        ..p
    };
    assert_eq!(solve(&none, Mode::MinCost), sol(0, 0));
    assert_eq!(solve(&none, Mode::MaxFlowMinCost), sol(0, 0));
}

#[test]
fn min_cost_reroutes_an_earlier_path() {
    // s=0, a=1, b=2, t=3, unit capacities. The best single path, s-a-b-t, costs -30.
    // Two units must use s→a, s→b, a→t and b→t, for -22. So MinCost sends one unit
    // (the next augmenting path, s-b-a-t back along a→b, costs -1 + 10 - 1 = 8 ≥ 0),
    // and MaxFlowMinCost two, rerouting the first.
    let p = problem(
        4,
        &[
            (0, 1, 1, -10),
            (0, 2, 1, -1),
            (1, 2, 1, -10),
            (1, 3, 1, -1),
            (2, 3, 1, -10),
        ],
        None,
    );
    assert_eq!(solve(&p, Mode::MinCost), sol(1, -30));
    assert_eq!(solve(&p, Mode::MaxFlowMinCost), sol(2, -22));
}

#[test]
fn zero_capacity_edges_and_an_unreachable_sink_send_nothing() {
    // The only way to the sink (s→a) has no capacity; s→b leads nowhere.
    let p = problem(4, &[(0, 1, 0, -10), (1, 3, 5, -10), (0, 2, 3, -1)], None);
    assert_eq!(solve(&p, Mode::MinCost), sol(0, 0));
    assert_eq!(solve(&p, Mode::MaxFlowMinCost), sol(0, 0));
}

#[test]
fn zero_cost_paths_are_sent_only_for_max_flow() {
    // s→t direct costs 0 (2 units); s→a→t costs 0 - 1 = -1 (1 unit).
    let p = problem(3, &[(0, 2, 2, 0), (0, 1, 1, 0), (1, 2, 1, -1)], None);
    assert_eq!(solve(&p, Mode::MinCost), sol(1, -1));
    assert_eq!(p.solve(Mode::MinCost).unwrap().1, [0, 1, 1]);
    assert_eq!(solve(&p, Mode::MaxFlowMinCost), sol(3, -1));
}

#[test]
fn edges_into_the_source_and_out_of_the_sink_carry_nothing() {
    // t→s at cost 0 closes a cycle of cost 1 with s→t: no use to any flow.
    let p = problem(2, &[(0, 1, 1, 1), (1, 0, 1, 0)], None);
    assert_eq!(solve(&p, Mode::MinCost), sol(0, 0));
    assert_eq!(solve(&p, Mode::MaxFlowMinCost), sol(1, 1));
    assert_eq!(p.solve(Mode::MaxFlowMinCost).unwrap().1, [1, 0]);
}

#[test]
fn unbounded_capacities_need_a_limit_when_paths_pay() {
    // s→a→t costs -2 per unit with no real capacity: the limit decides the amount.
    let p = problem(3, &[(0, 1, i64::MAX, -1), (1, 2, i64::MAX, -1)], Some(10));
    assert_eq!(solve(&p, Mode::MinCost), sol(10, -20));
    assert_eq!(solve(&p, Mode::MaxFlowMinCost), sol(10, -20));
    // Without one, the cost (-2 × i64::MAX) does not fit, and no flow is left behind.
    let (mut g, ids) = p.graph();
    assert_eq!(g.solve(0, 2, Mode::MinCost, Some(10)), Ok(sol(10, -20)));
    assert_eq!(g.flow(ids[0]), 10);
    assert_eq!(g.solve(0, 2, Mode::MinCost, None), Err(FlowError::Overflow));
    assert_eq!(g.flow(ids[0]), 0);
}

#[test]
fn source_equal_to_sink_sends_nothing() {
    let p = Problem {
        source: 1,
        sink: 1,
        ..problem(3, &[(0, 1, 1, -1), (1, 2, 1, -1)], None)
    };
    assert_eq!(solve(&p, Mode::MinCost), sol(0, 0));
    assert_eq!(solve(&p, Mode::MaxFlowMinCost), sol(0, 0));
}

// Property 2.

#[test]
fn bad_input_is_reported() {
    let mut g = FlowGraph::new(3);
    let e = g.add_edge(0, 1, 1, 0);
    assert_eq!(
        g.solve(0, 3, Mode::MinCost, None),
        Err(FlowError::BadNode(3))
    );
    assert_eq!(
        g.solve(0, 2, Mode::MinCost, Some(-1)),
        Err(FlowError::NegativeLimit(-1))
    );
    g.add_edge(1, 7, 1, 0);
    assert_eq!(
        g.solve(0, 2, Mode::MinCost, None),
        Err(FlowError::BadNode(7))
    );

    let mut g = FlowGraph::new(3);
    g.add_edge(0, 1, 1, 0);
    let bad = g.add_edge(1, 2, -1, 0);
    assert_eq!(
        g.solve(0, 2, Mode::MinCost, None),
        Err(FlowError::NegativeCapacity(bad))
    );
    assert_eq!(
        FlowError::NegativeCapacity(bad).to_string(),
        "edge 1 has a negative capacity"
    );
    assert_eq!(g.flow(e), 0);

    let mut g = FlowGraph::new(2);
    g.add_edge(0, 1, 1, i64::MAX / 2);
    assert_eq!(g.solve(0, 1, Mode::MinCost, None), Err(FlowError::Overflow));
}

#[test]
fn add_node_extends_the_graph() {
    let mut g = FlowGraph::new(1);
    let t = g.add_node();
    assert_eq!((t, g.node_count()), (1, 2));
    let e = g.add_edge(0, t, 4, -1);
    assert_eq!(e.index(), 0);
    assert_eq!(g.solve(0, t, Mode::MinCost, None), Ok(sol(4, -4)));
    assert_eq!(g.flow(e), 4);
}

// Property 3.

#[test]
fn negative_cycles_are_reported() {
    // a⇄b costs -2 + 1 = -1 around, away from any source–sink path.
    let mut g = FlowGraph::new(4);
    g.add_edge(0, 3, 1, -5);
    g.add_edge(1, 2, 1, -2);
    g.add_edge(2, 1, 1, 1);
    assert_eq!(
        g.solve(0, 3, Mode::MinCost, None),
        Err(FlowError::NegativeCycle)
    );
    assert_eq!(
        g.solve(0, 3, Mode::MaxFlowMinCost, Some(0)),
        Err(FlowError::NegativeCycle)
    );

    // A negative self-loop is a cycle; one without capacity is not.
    let mut g = FlowGraph::new(2);
    g.add_edge(0, 1, 1, -1);
    let lp = g.add_edge(1, 1, 0, -1);
    assert_eq!(g.solve(0, 1, Mode::MinCost, None), Ok(sol(1, -1)));
    assert_eq!(g.flow(lp), 0);
    g.add_edge(0, 0, 1, -1);
    assert_eq!(
        g.solve(0, 1, Mode::MinCost, None),
        Err(FlowError::NegativeCycle)
    );

    // Through source and sink: s→t at -3, back at 2.
    let p = problem(2, &[(0, 1, 1, -3), (1, 0, 1, 2)], None);
    assert_eq!(p.solve(Mode::MinCost), Err(FlowError::NegativeCycle));
}

// Property 7.

#[test]
fn solving_is_deterministic() {
    // Many ties: costs in a narrow range on a dense layered graph.
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    let mut edges = Vec::new();
    for u in 1..=40 {
        edges.push((0, u, 1 + next(3) as i64, 0));
        for _ in 0..8 {
            edges.push((u, 41 + next(60) as usize, 1, -(next(4) as i64)));
        }
    }
    for v in 41..101 {
        edges.push((v, 101, 1, 0));
    }
    let p = problem(102, &edges, None);
    for mode in [Mode::MinCost, Mode::MaxFlowMinCost] {
        let first = p.solve(mode).unwrap();
        p.check_flow(first.0, &first.1);
        assert_eq!(p.solve(mode).unwrap(), first);
        let (mut g, ids) = p.graph();
        for _ in 0..2 {
            assert_eq!(g.solve(0, 101, mode, None), Ok(first.0));
            let flows: Vec<i64> = ids.iter().map(|&e| g.flow(e)).collect();
            assert_eq!(flows, first.1);
        }
    }
}

// Properties 3, 4, 5.

/// Small graphs with cycles and negative costs but no negative cycle: each cost is
/// `π(v) − π(u) + w` with `w ≥ 0`, so every cycle costs the sum of its `w`s.
fn no_negative_cycle() -> impl Strategy<Value = Problem> {
    (2usize..=7)
        .prop_flat_map(|n| {
            (
                Just(n),
                vec(-4i64..=4, n),
                vec((0..n, 0..n, 0i64..=2, 0i64..=4), 0..=14),
                0..n,
                1..n,
                option::of(0i64..=4),
            )
        })
        .prop_map(|(nodes, price, raw, source, shift, limit)| Problem {
            nodes,
            edges: raw
                .into_iter()
                .map(|(u, v, cap, w)| (u, v, cap, price[v] - price[u] + w))
                .collect(),
            source,
            sink: (source + shift) % nodes,
            limit,
        })
}

/// Small graphs with any costs: some have negative cycles.
fn any_costs() -> impl Strategy<Value = Problem> {
    (2usize..=5)
        .prop_flat_map(|n| {
            (
                Just(n),
                vec((0..n, 0..n, 0i64..=2, -3i64..=3), 0..=10),
                option::of(0i64..=3),
            )
        })
        .prop_map(|(nodes, edges, limit)| Problem {
            nodes,
            edges,
            source: 0,
            sink: nodes - 1,
            limit,
        })
}

/// Property 5 for one problem without negative cycles.
fn agrees_with_enumeration(p: &Problem) {
    let flows = p.all_flows();
    let cheapest = flows.iter().map(|&(amount, cost)| (cost, amount)).min();
    let (cost, amount) = cheapest.expect("the zero flow is always there");
    assert_eq!(solve(p, Mode::MinCost), sol(amount, cost), "MinCost");
    let largest = flows.iter().map(|&(amount, cost)| (-amount, cost)).min();
    let (amount, cost) = largest.expect("the zero flow is always there");
    assert_eq!(
        solve(p, Mode::MaxFlowMinCost),
        sol(-amount, cost),
        "MaxFlowMinCost"
    );
}

proptest! {
    // Small cases are cheap: try more of them than the default 256.
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn both_modes_match_enumeration(p in no_negative_cycle()) {
        agrees_with_enumeration(&p);
    }

    #[test]
    fn negative_cycles_are_found_exactly(p in any_costs()) {
        if p.has_negative_cycle() {
            prop_assert_eq!(p.solve(Mode::MinCost), Err(FlowError::NegativeCycle));
            prop_assert_eq!(p.solve(Mode::MaxFlowMinCost), Err(FlowError::NegativeCycle));
        } else {
            agrees_with_enumeration(&p);
        }
    }

    // Property 6.
    #[test]
    fn assignment_matches_kuhn_munkres(
        (rows, columns, weights) in (1usize..=8)
            .prop_flat_map(|rows| (Just(rows), rows..=8))
            .prop_flat_map(|(rows, columns)| {
                (Just(rows), Just(columns), vec(1i64..=50, rows * columns))
            }),
    ) {
        let matrix = Matrix::from_vec(rows, columns, weights.clone()).unwrap();
        let (best, _) = kuhn_munkres(&matrix);

        // source, rows, columns, sink; cost = −weight.
        let (source, sink) = (0, 1 + rows + columns);
        let mut edges = Vec::new();
        for r in 0..rows {
            edges.push((source, 1 + r, 1, 0));
            for c in 0..columns {
                edges.push((1 + r, 1 + rows + c, 1, -weights[r * columns + c]));
            }
        }
        for c in 0..columns {
            edges.push((1 + rows + c, sink, 1, 0));
        }
        let p = problem(sink + 1, &edges, None);
        // Positive weights: the best matching covers every row, in both modes.
        prop_assert_eq!(solve(&p, Mode::MaxFlowMinCost), sol(rows as i64, -best));
        prop_assert_eq!(solve(&p, Mode::MinCost), sol(rows as i64, -best));
    }
}
