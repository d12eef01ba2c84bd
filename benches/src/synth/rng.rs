//! A small, self-contained pseudo-random generator (SplitMix64) and weighted choices.
//!
//! Written here rather than taken from `rand` so that the output for a seed can never
//! change under a dependency upgrade: the datasets are benchmark fixtures and must stay
//! byte-identical for a given seed. No floating point is used in any draw.

/// SplitMix64 (Steele, Lea & Flood 2014): 64 bits of state, passes BigCrush, and is
/// the usual seeder of larger generators. Plenty for synthetic data.
#[derive(Debug, Clone)]
pub(crate) struct Rng {
    state: u64,
}

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

impl Rng {
    /// An independent stream for `label` (one per record kind), derived from `seed`, so
    /// that asking for more needs does not change the experts.
    pub(crate) fn stream(seed: u64, label: u64) -> Self {
        let mut mixer = Rng {
            state: seed ^ label.wrapping_mul(GOLDEN).rotate_left(17),
        };
        Rng {
            state: mixer.next_u64(),
        }
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0), by multiply-shift (no modulo bias worth the name).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        debug_assert!(n > 0);
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `lo..=hi`.
    pub(crate) fn range(&mut self, lo: u32, hi: u32) -> u32 {
        debug_assert!(lo <= hi);
        lo + self.below((hi - lo) as usize + 1) as u32
    }

    /// True with probability `percent` / 100.
    pub(crate) fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }

    /// One element of a non-empty slice.
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// One element of a small table of `(item, weight)` pairs (total weight > 0).
    pub(crate) fn weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> &'a T {
        let total: u64 = items.iter().map(|(_, w)| u64::from(*w)).sum();
        let mut ticket = self.below(total as usize) as u64;
        for (item, w) in items {
            let w = u64::from(*w);
            if ticket < w {
                return item;
            }
            ticket -= w;
        }
        // Unreachable with a positive total; the last item is a safe answer.
        &items[items.len() - 1].0
    }

    /// Up to `k` distinct elements of `items`, in random order (partial Fisher–Yates).
    pub(crate) fn sample<T: Clone>(&mut self, items: &[T], k: usize) -> Vec<T> {
        let mut order: Vec<usize> = (0..items.len()).collect();
        let k = k.min(items.len());
        for i in 0..k {
            let j = i + self.below(order.len() - i);
            order.swap(i, j);
        }
        order[..k].iter().map(|&i| items[i].clone()).collect()
    }
}

/// Cumulative weights over many items, for `O(log n)` weighted draws (companies,
/// associations: thousands of them, Zipf-like sizes).
#[derive(Debug, Clone, Default)]
pub(crate) struct Cumulative {
    ends: Vec<u64>,
}

impl Cumulative {
    /// Zipf-like weights `1 / (rank + offset)`: a few large employers, many small
    /// ones; a larger `offset` flattens the head.
    pub(crate) fn zipf(n: usize, offset: u64) -> Self {
        Self::from_weights((0..n).map(|r| 1_000_000 / (r as u64 + offset.max(1))))
    }

    pub(crate) fn from_weights(weights: impl IntoIterator<Item = u64>) -> Self {
        let mut total = 0;
        let ends = weights
            .into_iter()
            .map(|w| {
                total += w.max(1);
                total
            })
            .collect();
        Self { ends }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// An index drawn with probability proportional to its weight (non-empty table).
    pub(crate) fn draw(&self, rng: &mut Rng) -> usize {
        let total = self.ends[self.ends.len() - 1];
        let ticket = ((u128::from(rng.next_u64()) * u128::from(total)) >> 64) as u64;
        self.ends.partition_point(|&end| end <= ticket)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let a: Vec<u64> = (0..4).map(|_| Rng::stream(42, 1).next_u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        assert_ne!(Rng::stream(42, 1).next_u64(), Rng::stream(42, 2).next_u64());
        assert_ne!(Rng::stream(42, 1).next_u64(), Rng::stream(43, 1).next_u64());
    }

    #[test]
    fn draws_stay_in_bounds() {
        let mut rng = Rng::stream(7, 0);
        for _ in 0..10_000 {
            assert!(rng.below(3) < 3);
            let r = rng.range(7, 15);
            assert!((7..=15).contains(&r));
        }
        let table = Cumulative::zipf(50, 1);
        let mut counts = [0usize; 50];
        for _ in 0..50_000 {
            counts[table.draw(&mut rng)] += 1;
        }
        assert!(counts[0] > counts[10] && counts[10] > counts[49]);
        let s = rng.sample(&[1, 2, 3, 4, 5], 3);
        assert_eq!(s.len(), 3);
        assert!(s.iter().all(|x| (1..=5).contains(x)));
        assert!(s[0] != s[1] && s[1] != s[2] && s[0] != s[2]);
    }
}
