//! Bit sets over a segment's documents: what the scan's filters, the bound's screening
//! and the text relevance all pass documents around in.

use tantivy::DocId;

/// A bit set over a segment's documents, 64 to a word.
pub(super) type Bits = Vec<u64>;

/// How many words a set over `max_doc` documents takes.
pub(super) fn words(max_doc: DocId) -> usize {
    (max_doc as usize).div_ceil(64)
}

/// Adds `doc`.
pub(super) fn insert(bits: &mut Bits, doc: DocId) {
    if let Some(w) = bits.get_mut(doc as usize / 64) {
        *w |= 1 << (doc % 64);
    }
}

/// Takes `doc` out.
pub(super) fn remove(bits: &mut Bits, doc: DocId) {
    if let Some(w) = bits.get_mut(doc as usize / 64) {
        *w &= !(1 << (doc % 64));
    }
}

/// Whether `doc` is in.
pub(super) fn contains(bits: &[u64], doc: DocId) -> bool {
    bits.get(doc as usize / 64)
        .is_some_and(|w| w & (1 << (doc % 64)) != 0)
}

/// Every document of a segment of `max_doc` documents.
pub(super) fn full(max_doc: DocId) -> Bits {
    let mut bits = vec![u64::MAX; words(max_doc)];
    let tail = max_doc % 64;
    if tail != 0
        && let Some(last) = bits.last_mut()
    {
        *last = (1 << tail) - 1;
    }
    bits
}

/// The documents of `bits` in `of`, and the others.
pub(super) fn split(bits: &[u64], of: &[u64]) -> (Bits, Bits) {
    let within = bits
        .iter()
        .enumerate()
        .map(|(i, w)| w & of.get(i).copied().unwrap_or(0))
        .collect();
    let without = bits
        .iter()
        .enumerate()
        .map(|(i, w)| w & !of.get(i).copied().unwrap_or(0))
        .collect();
    (within, without)
}

/// Calls `each` with every document of `bits`, in order.
pub(super) fn for_each_doc(bits: &[u64], mut each: impl FnMut(DocId)) {
    for (i, &word) in bits.iter().enumerate() {
        let mut w = word;
        while w != 0 {
            let bit = w.trailing_zeros();
            // `bits` covers at most `max_doc` documents, so this fits a DocId.
            each((i as DocId) * 64 + bit);
            w &= w - 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_sets_exactly_the_segment_documents() {
        for max_doc in [0, 1, 63, 64, 65, 130] {
            let mut docs = Vec::new();
            for_each_doc(&full(max_doc), |d| docs.push(d));
            assert_eq!(
                docs,
                (0..max_doc).collect::<Vec<_>>(),
                "{max_doc} documents"
            );
        }
    }

    #[test]
    fn a_document_taken_out_is_out_and_the_others_stay() {
        let mut bits = full(130);
        for d in [0, 64, 129, 129, 500] {
            remove(&mut bits, d);
        }
        let mut docs = Vec::new();
        for_each_doc(&bits, |d| docs.push(d));
        let expected: Vec<DocId> = (0..130).filter(|d| ![0, 64, 129].contains(d)).collect();
        assert_eq!(docs, expected);
    }

    #[test]
    fn documents_come_out_in_order() {
        let mut bits = vec![0; words(200)];
        for d in [199, 0, 64, 63, 128, 5] {
            insert(&mut bits, d);
        }
        let mut docs = Vec::new();
        for_each_doc(&bits, |d| docs.push(d));
        assert_eq!(docs, vec![0, 5, 63, 64, 128, 199]);
    }
}
