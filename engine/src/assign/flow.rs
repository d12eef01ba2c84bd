//! The flow graph, and the solver behind [`FlowGraph::solve`].
//!
//! Each solve builds a residual network in compressed sparse row form: every usable
//! edge becomes a forward and a reverse arc, listed with the other arcs of their tail
//! node in insertion order, which is what makes the result deterministic. Indices
//! are `u32` there and an arc's fields sit together, to keep the scans cache-friendly.
//!
//! Reduced costs are `cost + π(u) − π(v)` for arc `u → v` and node prices `π`.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

/// A directed graph with integer capacities and costs, and the flow of its last solve.
///
/// Nodes are `0..node_count()`. Build it with [`FlowGraph::new`], [`FlowGraph::add_node`]
/// and [`FlowGraph::add_edge`], then call [`FlowGraph::solve`] and read each edge's
/// flow with [`FlowGraph::flow`].
#[derive(Clone, Debug, Default)]
pub struct FlowGraph {
    nodes: usize,
    edges: Vec<Edge>,
    flows: Vec<i64>,
}

/// An edge of a [`FlowGraph`], as returned by [`FlowGraph::add_edge`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EdgeId(usize);

impl EdgeId {
    /// Position of the edge in insertion order (0 for the first edge added).
    pub fn index(self) -> usize {
        self.0
    }
}

/// What [`FlowGraph::solve`] optimises.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Mode {
    /// The cheapest flow of any amount up to the limit: flow is sent only while it
    /// lowers the cost. Among flows of that minimum cost, the smallest amount is sent,
    /// as successive shortest paths would do stopping at the first path of cost ≥ 0.
    #[default]
    MinCost,
    /// The largest amount first (up to the limit), then the cheapest flow of that
    /// amount.
    MaxFlowMinCost,
}

/// Amount and cost of a solved flow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Solution {
    /// Net amount leaving the source (equal to the net amount reaching the sink).
    pub flow: i64,
    /// Total cost: the sum over edges of flow × cost.
    pub cost: i64,
}

/// Why a flow problem cannot be solved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FlowError {
    /// Some cycle of edges with positive capacity has a negative total cost, so the
    /// cheapest flow would circulate around it rather than serve source and sink.
    #[error("the graph has a cycle of negative total cost")]
    NegativeCycle,
    /// The source, the sink or an edge end is not a node of the graph.
    #[error("node {0} is not in the graph")]
    BadNode(usize),
    /// An edge was added with a capacity below zero.
    #[error("edge {} has a negative capacity", .0.index())]
    NegativeCapacity(EdgeId),
    /// The flow limit is below zero.
    #[error("the flow limit {0} is negative")]
    NegativeLimit(i64),
    /// A number does not fit: a cost beyond `i64::MAX / 8` in magnitude (`/ 4` in
    /// `MaxFlowMinCost` mode), path costs adding up past `i64::MAX / 4`, a total cost
    /// past `i64::MAX`, or 2³² nodes or 2³¹ edges and more.
    #[error("costs too large: a sum does not fit in 64 bits")]
    Overflow,
}

#[derive(Clone, Copy, Debug)]
struct Edge {
    from: usize,
    to: usize,
    capacity: i64,
    cost: i64,
}

impl FlowGraph {
    /// A graph with nodes `0..nodes` and no edge.
    pub fn new(nodes: usize) -> Self {
        Self {
            nodes,
            edges: Vec::new(),
            flows: Vec::new(),
        }
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.nodes
    }

    /// Adds a node and returns its index.
    pub fn add_node(&mut self) -> usize {
        self.nodes += 1;
        self.nodes - 1
    }

    /// Adds an edge `from → to` that can carry up to `capacity` units at `cost` each.
    ///
    /// Costs may be negative. Nodes and capacity are checked by [`FlowGraph::solve`],
    /// which reports [`FlowError::BadNode`] or [`FlowError::NegativeCapacity`].
    pub fn add_edge(&mut self, from: usize, to: usize, capacity: i64, cost: i64) -> EdgeId {
        self.edges.push(Edge {
            from,
            to,
            capacity,
            cost,
        });
        self.flows.push(0);
        EdgeId(self.edges.len() - 1)
    }

    /// Flow on edge `e` after the last successful [`FlowGraph::solve`] (0 before any,
    /// and after a failed one).
    ///
    /// # Panics
    /// If `e` is not an edge of this graph.
    pub fn flow(&self, e: EdgeId) -> i64 {
        self.flows[e.0]
    }

    /// Solves for the minimum-cost flow from `source` to `sink` of at most `limit`
    /// units (`None`: no limit but the capacities), in the given [`Mode`], and
    /// records each edge's flow for [`FlowGraph::flow`].
    ///
    /// Exact, in integers, and deterministic: the same graph built in the same order
    /// gives the same flows. Fails with [`FlowError::NegativeCycle`] if any cycle of
    /// edges with positive capacity has negative total cost, reachable or not. The
    /// flow has no cycles through the source or the sink: edges into the source or
    /// out of the sink carry nothing.
    pub fn solve(
        &mut self,
        source: usize,
        sink: usize,
        mode: Mode,
        limit: Option<i64>,
    ) -> Result<Solution, FlowError> {
        self.flows.fill(0);
        self.validate(source, sink, limit)?;
        // Costs are doubled in MinCost mode so that the bypass can cost −1: a path
        // then beats "not sending" only if it costs < 0, as the mode promises.
        let scale = match mode {
            Mode::MinCost => 2,
            Mode::MaxFlowMinCost => 1,
        };
        let bound = self.flow_bound(source, sink, limit);
        // With a zero bound nothing flows, but the cycle check still needs the arcs open.
        let cap = bound.max(1);
        let mut net = Network::build(self.nodes, &self.edges, cap, scale, (source, sink))?;
        let mut price = net.potentials()?;
        if source == sink || bound == 0 {
            return Ok(Solution::default());
        }

        // A simple source–sink path never enters the source nor leaves the sink, and
        // the cycles of a min-cost flow cost nothing: such edges are closed.
        for (e, &a) in self.edges.iter().zip(&net.edge_arc) {
            if a != NONE && (e.to == source || e.from == sink) {
                net.arc[a as usize].residual = 0;
            }
        }
        let supply = match mode {
            Mode::MinCost => {
                net.arc[net.bypass].residual = bound;
                // The sink has no arc out left: lowering its price keeps every other
                // reduced cost non-negative and makes the bypass's so.
                let through_bypass = price[source] - 1;
                price[sink] = price[sink].min(through_bypass);
                bound
            }
            Mode::MaxFlowMinCost => {
                let amount = max_flow(&mut net, source, sink, bound);
                net.undo_flow();
                amount
            }
        };
        ShortestPaths::new(&mut net, price).run(source, sink, supply)?;

        let flows: Vec<i64> = net.edge_arc.iter().map(|&a| net.flow(a)).collect();
        let mut solution = Solution::default();
        let mut cost: i128 = 0;
        for (edge, &f) in self.edges.iter().zip(&flows) {
            cost += i128::from(f) * i128::from(edge.cost);
            if edge.from == source {
                solution.flow += f;
            }
        }
        solution.cost = i64::try_from(cost).map_err(|_| FlowError::Overflow)?;
        self.flows = flows;
        Ok(solution)
    }

    fn validate(&self, source: usize, sink: usize, limit: Option<i64>) -> Result<(), FlowError> {
        for node in [source, sink] {
            if node >= self.nodes {
                return Err(FlowError::BadNode(node));
            }
        }
        if let Some(limit) = limit.filter(|&l| l < 0) {
            return Err(FlowError::NegativeLimit(limit));
        }
        for (i, e) in self.edges.iter().enumerate() {
            if let Some(&bad) = [e.from, e.to].iter().find(|&&v| v >= self.nodes) {
                return Err(FlowError::BadNode(bad));
            }
            if e.capacity < 0 {
                return Err(FlowError::NegativeCapacity(EdgeId(i)));
            }
        }
        Ok(())
    }

    /// Most the source can send: the limit, the capacity out of the source and the
    /// capacity into the sink. No edge of a min-cost flow without cycles carries
    /// more, so capacities are capped at it, which lets callers use `i64::MAX` as
    /// "unbounded".
    fn flow_bound(&self, source: usize, sink: usize, limit: Option<i64>) -> i64 {
        let (mut out, mut into) = (0i64, 0i64);
        for e in self.edges.iter().filter(|e| e.from != e.to) {
            if e.from == source {
                out = out.saturating_add(e.capacity);
            }
            if e.to == sink {
                into = into.saturating_add(e.capacity);
            }
        }
        out.min(into).min(limit.unwrap_or(i64::MAX))
    }
}

/// No such node or arc.
const NONE: u32 = u32::MAX;

/// Largest magnitude of a scaled cost or of a node price, so that reduced costs
/// `cost + π(u) − π(v)` fit in i64 without checks.
const MAGNITUDE_LIMIT: i64 = i64::MAX / 4;

/// An arc of the residual network. Its fields sit together because each scan
/// reads them together, and the network build writes the reverse arcs at random.
#[derive(Clone, Copy, Default)]
struct Arc {
    target: u32,
    reverse: u32,
    /// Scaled cost; a reverse arc has the opposite of its forward arc's.
    cost: i64,
    residual: i64,
}

/// The residual network of one solve, in compressed sparse row form.
struct Network {
    /// Arcs out of node `v` are `first_out[v]..first_out[v + 1]`.
    first_out: Vec<u32>,
    arc: Vec<Arc>,
    /// Forward arc of each edge; `NONE` for edges that can never carry flow (no
    /// capacity, or a self-loop: negative ones are rejected as negative cycles).
    edge_arc: Vec<u32>,
    /// Arc source → sink of scaled cost −1, closed until MinCost mode opens it.
    bypass: usize,
}

impl Network {
    /// Builds the network of `edges` (capacities capped at `bound`, costs times
    /// `scale`) and a closed bypass from source to sink. Each node's arcs are in
    /// insertion order, for determinism.
    fn build(
        nodes: usize,
        edges: &[Edge],
        bound: i64,
        scale: i64,
        (source, sink): (usize, usize),
    ) -> Result<Self, FlowError> {
        let usable = |e: &Edge| e.capacity > 0 && e.from != e.to;
        // A self-loop never carries flow, unless it is a negative cycle on its own.
        if edges
            .iter()
            .any(|e| e.capacity > 0 && e.from == e.to && e.cost < 0)
        {
            return Err(FlowError::NegativeCycle);
        }
        if nodes >= NONE as usize || edges.len() >= (NONE / 2) as usize {
            return Err(FlowError::Overflow);
        }
        let mut first_out = vec![0u32; nodes + 1];
        for e in edges.iter().filter(|e| usable(e)) {
            first_out[e.from + 1] += 1;
            first_out[e.to + 1] += 1;
        }
        first_out[source + 1] += 1; // the bypass
        first_out[sink + 1] += 1;
        for v in 0..nodes {
            first_out[v + 1] += first_out[v];
        }
        let arcs = first_out[nodes] as usize;

        let mut net = Self {
            arc: vec![Arc::default(); arcs],
            edge_arc: vec![NONE; edges.len()],
            bypass: 0,
            first_out,
        };
        let mut next = net.first_out.clone();
        let mut add = |from: usize, to: usize, capacity: i64, cost: i64| {
            let (a, b) = (next[from] as usize, next[to] as usize);
            next[from] += 1;
            next[to] += 1;
            net.arc[a] = Arc {
                target: to as u32,
                reverse: b as u32,
                cost,
                residual: capacity,
            };
            net.arc[b] = Arc {
                target: from as u32,
                reverse: a as u32,
                cost: -cost,
                residual: 0,
            };
            a
        };
        for (i, e) in edges.iter().enumerate().filter(|(_, e)| usable(e)) {
            let cost = e
                .cost
                .checked_mul(scale)
                .filter(|c| c.abs() <= MAGNITUDE_LIMIT)
                .ok_or(FlowError::Overflow)?;
            net.edge_arc[i] = add(e.from, e.to, e.capacity.min(bound), cost) as u32;
        }
        net.bypass = add(source, sink, 0, -1);
        Ok(net)
    }

    /// Sends `amount` more along arc `a`.
    fn send(&mut self, a: usize, amount: i64) {
        self.arc[a].residual -= amount;
        let back = self.arc[a].reverse as usize;
        self.arc[back].residual += amount;
    }

    /// Flow on forward arc `a` (0 for `NONE`): what its reverse arc could send back.
    fn flow(&self, a: u32) -> i64 {
        if a == NONE {
            return 0;
        }
        let back = self.arc[a as usize].reverse;
        self.arc[back as usize].residual
    }

    /// Node arc `a` leaves.
    fn tail(&self, a: usize) -> usize {
        self.arc[self.arc[a].reverse as usize].target as usize
    }

    fn out(&self, v: usize) -> std::ops::Range<usize> {
        self.first_out[v] as usize..self.first_out[v + 1] as usize
    }

    /// Prices under which no arc with residual capacity has a negative reduced cost:
    /// shortest distances from a virtual root joined to every node at cost 0. Fails
    /// on a cycle of negative cost.
    ///
    /// Assignment graphs are acyclic, which a topological sort proves in linear time,
    /// and one pass in that order gives the distances; other graphs get a queue-based
    /// Bellman–Ford, where a shortest path of `nodes` arcs reveals a negative cycle.
    fn potentials(&self) -> Result<Vec<i64>, FlowError> {
        let n = self.first_out.len() - 1;
        let live = |a: usize| self.arc[a].residual > 0;
        let add = |d: i64, a: usize| {
            d.checked_add(self.arc[a].cost)
                .filter(|d| *d >= -MAGNITUDE_LIMIT)
                .ok_or(FlowError::Overflow)
        };
        let mut dist = vec![0i64; n];
        let mut indegree = vec![0u32; n];
        for arc in self.arc.iter().filter(|arc| arc.residual > 0) {
            indegree[arc.target as usize] += 1;
        }
        let mut order: Vec<usize> = (0..n).filter(|&v| indegree[v] == 0).collect();
        let mut done = 0;
        while let Some(&u) = order.get(done) {
            done += 1;
            for a in self.out(u).filter(|&a| live(a)) {
                let v = self.arc[a].target as usize;
                dist[v] = dist[v].min(add(dist[u], a)?);
                indegree[v] -= 1;
                if indegree[v] == 0 {
                    order.push(v);
                }
            }
        }
        if done == n {
            return Ok(dist);
        }

        dist.fill(0);
        let mut length = vec![0usize; n];
        let mut queued = vec![true; n];
        let mut queue: VecDeque<usize> = (0..n).collect();
        while let Some(u) = queue.pop_front() {
            queued[u] = false;
            for a in self.out(u).filter(|&a| live(a)) {
                let v = self.arc[a].target as usize;
                let d = add(dist[u], a)?;
                if d < dist[v] {
                    dist[v] = d;
                    length[v] = length[u] + 1;
                    if length[v] >= n {
                        return Err(FlowError::NegativeCycle);
                    }
                    if !queued[v] {
                        queued[v] = true;
                        queue.push_back(v);
                    }
                }
            }
        }
        Ok(dist)
    }

    /// Sets every arc back to zero flow (keeping closed arcs closed).
    fn undo_flow(&mut self) {
        let edges = self.edge_arc.iter().filter(|&&a| a != NONE);
        for a in edges.map(|&a| a as usize).chain([self.bypass]) {
            let b = self.arc[a].reverse as usize;
            self.arc[a].residual += self.arc[b].residual;
            self.arc[b].residual = 0;
        }
    }
}

/// Dinic's maximum flow, up to `limit`, on the residual capacities of `net`.
fn max_flow(net: &mut Network, source: usize, sink: usize, limit: i64) -> i64 {
    let n = net.first_out.len() - 1;
    let mut level = vec![u32::MAX; n];
    let mut current = vec![0u32; n];
    let mut queue = VecDeque::new();
    let mut path: Vec<usize> = Vec::new();
    let mut total = 0;
    while total < limit {
        level.fill(u32::MAX);
        level[source] = 0;
        queue.push_back(source);
        while let Some(u) = queue.pop_front() {
            for a in net.out(u) {
                let v = net.arc[a].target as usize;
                if net.arc[a].residual > 0 && level[v] == u32::MAX {
                    level[v] = level[u] + 1;
                    queue.push_back(v);
                }
            }
        }
        if level[sink] == u32::MAX {
            break;
        }
        current.copy_from_slice(&net.first_out[..n]);
        // Blocking flow by depth-first search with current arcs, one path at a time.
        let mut u = source;
        loop {
            if u == sink {
                let push = path
                    .iter()
                    .map(|&a| net.arc[a].residual)
                    .fold(limit - total, i64::min);
                for &a in &path {
                    net.send(a, push);
                }
                total += push;
                if total == limit {
                    break;
                }
                let saturated = path.iter().position(|&a| net.arc[a].residual == 0);
                path.truncate(saturated.unwrap_or(0));
                u = path.last().map_or(source, |&a| net.arc[a].target as usize);
                continue;
            }
            let end = net.first_out[u + 1];
            while current[u] < end {
                let a = current[u] as usize;
                let v = net.arc[a].target as usize;
                if net.arc[a].residual > 0 && level[v] == level[u] + 1 {
                    break;
                }
                current[u] += 1;
            }
            if current[u] < end {
                let a = current[u] as usize;
                path.push(a);
                u = net.arc[a].target as usize;
            } else if let Some(a) = path.pop() {
                level[u] = u32::MAX; // dead end for the rest of this phase
                u = net.tail(a);
                current[u] += 1;
            } else {
                break;
            }
        }
        path.clear();
    }
    total
}

/// Successive shortest paths between nodes in excess and nodes in deficit, with
/// Johnson potentials (`price`) keeping every residual arc's reduced cost
/// `cost + π(u) − π(v)` non-negative, so each search is a Dijkstra.
///
/// Each search starts from *one* node in excess and stops at the first node in
/// deficit it settles. The source's supply is first pushed to its neighbours over
/// arcs of reduced cost 0 (which keeps the potentials valid): in an assignment graph
/// each search then starts from one need and usually ends after a few of its
/// candidates, instead of sweeping the whole graph from the source.
struct ShortestPaths<'a> {
    net: &'a mut Network,
    price: Vec<i64>,
    excess: Vec<i64>,
    /// Tentative distance of the current search (`i64::MAX`: not reached).
    dist: Vec<i64>,
    settled: Vec<bool>,
    /// Arc by which the current search reached each node.
    parent: Vec<u32>,
    /// Nodes reached by the current search, to reset after it.
    reached: Vec<u32>,
    /// Nodes settled by the current search, in order.
    order: Vec<u32>,
    /// Min-heap on (distance, node): ties go to the lower node, for determinism.
    heap: BinaryHeap<Reverse<(i64, u32)>>,
}

impl<'a> ShortestPaths<'a> {
    fn new(net: &'a mut Network, price: Vec<i64>) -> Self {
        let n = price.len();
        Self {
            net,
            price,
            excess: vec![0; n],
            dist: vec![i64::MAX; n],
            settled: vec![false; n],
            parent: vec![NONE; n],
            reached: Vec::new(),
            order: Vec::new(),
            heap: BinaryHeap::new(),
        }
    }

    /// Sends `supply` units from `source` to `sink` at minimum cost.
    fn run(mut self, source: usize, sink: usize, supply: i64) -> Result<(), FlowError> {
        if supply == 0 {
            return Ok(());
        }
        self.excess[source] = supply;
        self.excess[sink] = -supply;
        for a in self.net.out(source) {
            let rest = self.excess[source];
            let v = self.net.arc[a].target as usize;
            if rest > 0 && self.reduced_cost(source, a) == 0 {
                self.push(a, source, v, rest.min(self.net.arc[a].residual));
            }
        }

        let n = self.price.len();
        let mut queue: VecDeque<u32> = (0..n as u32)
            .filter(|&v| self.excess[v as usize] > 0)
            .collect();
        while let Some(&start) = queue.front() {
            let start = start as usize;
            if self.excess[start] <= 0 {
                queue.pop_front();
                continue;
            }
            let Some(end) = self.search(start)? else {
                debug_assert!(
                    false,
                    "supply {supply} is feasible, every excess has a path"
                );
                break;
            };
            let mut amount = self.excess[start].min(-self.excess[end]);
            let mut v = end;
            while v != start {
                let a = self.parent[v] as usize;
                amount = amount.min(self.net.arc[a].residual);
                v = self.tail(a);
            }
            let mut v = end;
            while v != start {
                let a = self.parent[v] as usize;
                let u = self.tail(a);
                self.push(a, u, v, amount);
                v = u;
            }
        }
        Ok(())
    }

    /// Dijkstra from `start` to the nearest node in deficit, which it returns (with
    /// the path in `parent`) after updating the prices of the settled nodes.
    fn search(&mut self, start: usize) -> Result<Option<usize>, FlowError> {
        for &v in &self.reached {
            self.dist[v as usize] = i64::MAX;
            self.settled[v as usize] = false;
        }
        self.reached.clear();
        self.order.clear();
        self.heap.clear();

        self.dist[start] = 0;
        self.reached.push(start as u32);
        self.heap.push(Reverse((0, start as u32)));
        let mut found = None;
        while let Some(Reverse((d, u))) = self.heap.pop() {
            let u = u as usize;
            if self.settled[u] {
                continue;
            }
            self.settled[u] = true;
            self.order.push(u as u32);
            if self.excess[u] < 0 {
                found = Some((u, d));
                break;
            }
            for a in self.net.out(u) {
                let v = self.net.arc[a].target as usize;
                if self.net.arc[a].residual == 0 || self.settled[v] {
                    continue;
                }
                let rc = self.reduced_cost(u, a);
                debug_assert!(rc >= 0, "potentials keep reduced costs non-negative");
                let dv = d.checked_add(rc).ok_or(FlowError::Overflow)?;
                if dv < self.dist[v] {
                    if self.dist[v] == i64::MAX {
                        self.reached.push(v as u32);
                    }
                    self.dist[v] = dv;
                    self.parent[v] = a as u32;
                    self.heap.push(Reverse((dv, v as u32)));
                }
            }
        }
        let Some((end, total)) = found else {
            return Ok(None);
        };
        // π(v) += min(d(v), D) − D keeps every reduced cost ≥ 0 and makes the path's 0;
        // it leaves the nodes not settled (d ≥ D) alone.
        for &v in &self.order {
            let v = v as usize;
            let price = self.price[v] + (self.dist[v] - total);
            if price < -MAGNITUDE_LIMIT {
                return Err(FlowError::Overflow);
            }
            self.price[v] = price;
        }
        Ok(Some(end))
    }

    fn reduced_cost(&self, u: usize, a: usize) -> i64 {
        self.net.arc[a].cost + self.price[u] - self.price[self.net.arc[a].target as usize]
    }

    fn tail(&self, a: usize) -> usize {
        self.net.arc[self.net.arc[a].reverse as usize].target as usize
    }

    fn push(&mut self, a: usize, u: usize, v: usize, amount: i64) {
        self.net.send(a, amount);
        self.excess[u] -= amount;
        self.excess[v] += amount;
    }
}
