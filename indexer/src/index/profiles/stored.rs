//! A segment's [`Profiles`] kept in a file beside the index, so that the next process
//! reads them instead of decoding the segment's columns again: decoding was most of a
//! one-off `explor match`.
//!
//! A tantivy segment never changes once written and its id is never reused, so the
//! file of a segment (`profiles-<segment id>.bin`) stays true for as long as the segment
//! lives. Whoever decodes a segment's values writes its file (a read-only workspace
//! does not); a commit removes the files of segments gone. The file is a cache: one
//! missing, unreadable, cut short or altered (its CRC-32 does not match, or what it
//! holds does not fit the segment) is ignored and the values decoded again.
//!
//! Layout, little-endian: the 16 bytes of [`MAGIC`], the [`VERSION`] (u32), the
//! segment's document count (u32); then, each as an element count (u64) followed by the
//! elements: for themes, countries and skill words in turn, the keys (u64), where each
//! key's documents start (u32) and the documents (u32); per document the missions done
//! (u32, `u32::MAX` for none); the languages' starts (u32) and values (u64, as in the
//! `lang_level` column); the windows' starts (u32) and first and last days (pairs of i32);
//! last, the CRC-32 of everything before it (u32).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use tantivy::DocId;
use tantivy::directory::{Directory, MmapDirectory};
use tantivy::index::SegmentId;

use super::{KeyHolders, KeyNumbering, LanguageDecoder, PerDoc, Profiles, last_stages};
use crate::index::schema::lang_level;

/// What a profiles file starts with.
const MAGIC: &[u8; 16] = b"explor-profiles\0";
/// Bumped whenever the layout, or what [`Profiles`] holds, changes: a file of another
/// version is ignored.
const VERSION: u32 = 1;
const PREFIX: &str = "profiles-";
const SUFFIX: &str = ".bin";
/// Part of the name of a file being written (renamed when complete).
const PARTIAL: &str = ".partial-";

/// The file of `segment`'s profiles in the index folder `dir`.
fn path(dir: &Path, segment: SegmentId) -> PathBuf {
    dir.join(format!("{PREFIX}{}{SUFFIX}", segment.uuid_string()))
}

impl Profiles {
    /// The profiles kept for `segment` in `dir`, if a sound file of them is there.
    ///
    /// The file is mapped, not read into memory of its own: its pages come from the
    /// page cache as they are read, and are never copied whole first.
    pub(in crate::index) fn load(dir: &Path, segment: SegmentId, max_doc: DocId) -> Option<Self> {
        let file = path(dir, segment);
        let name = file.file_name()?;
        let mapped = MmapDirectory::open(dir)
            .ok()?
            .open_read(Path::new(name))
            .ok()?
            .read_bytes()
            .ok()?;
        Self::from_bytes(mapped.as_slice(), max_doc)
    }

    /// Keeps the profiles of `segment` in `dir`: written under another name, then
    /// renamed, so that a reader finds the whole file or none.
    pub(in crate::index) fn save(&self, dir: &Path, segment: SegmentId) -> std::io::Result<()> {
        let target = path(dir, segment);
        let partial = dir.join(format!(
            "{PREFIX}{}{PARTIAL}{}-{:?}",
            segment.uuid_string(),
            std::process::id(),
            std::thread::current().id(),
        ));
        std::fs::write(&partial, self.to_bytes())?;
        std::fs::rename(&partial, &target).inspect_err(|_| {
            let _ = std::fs::remove_file(&partial);
        })
    }

    /// Removes the file of `segment`'s profiles from `dir`, if there is one.
    pub(in crate::index) fn forget(dir: &Path, segment: SegmentId) {
        let _ = std::fs::remove_file(path(dir, segment));
    }

    fn to_bytes(&self) -> Vec<u8> {
        let mut out = Out(Vec::with_capacity(1 << 20));
        out.0.extend_from_slice(MAGIC);
        out.u32(VERSION);
        out.u32(self.max_doc);
        for (keys, docs) in [
            (&self.theme_keys, &self.theme_docs),
            (&self.country_keys, &self.country_docs),
            (&self.stem_keys, &self.stem_docs),
        ] {
            out.u64s(&keys.keys);
            out.u32s(&docs.starts);
            out.u32s(&docs.values);
        }
        let missions: Vec<u32> = self.last_stages.iter().map(|s| s.missions).collect();
        out.u32s(&missions);
        out.u32s(&self.languages.starts);
        let languages: Vec<u64> = self
            .languages
            .values
            .iter()
            .map(|&(code, level)| lang_level(code, level))
            .collect();
        out.u64s(&languages);
        out.u32s(&self.windows.starts);
        out.count(self.windows.values.len());
        for (first, last) in &self.windows.values {
            out.0.extend_from_slice(&first.to_le_bytes());
            out.0.extend_from_slice(&last.to_le_bytes());
        }
        let crc = crc32fast::hash(&out.0);
        out.u32(crc);
        out.0
    }

    fn from_bytes(bytes: &[u8], max_doc: DocId) -> Option<Self> {
        let (body, crc) = bytes.split_at_checked(bytes.len().checked_sub(4)?)?;
        if crc32fast::hash(body) != u32::from_le_bytes(crc.try_into().ok()?) {
            return None;
        }
        let mut input = In(body);
        if input.take(MAGIC.len())? != MAGIC || input.u32()? != VERSION || input.u32()? != max_doc {
            return None;
        }
        let mut holders = || -> Option<KeyHolders> {
            let keys = input.u64s()?;
            let docs = PerDoc {
                starts: input.u32s()?,
                values: input.u32s()?,
            };
            if !docs.fits(keys.len()) || docs.values.iter().any(|&d| d >= max_doc) {
                return None;
            }
            let mut numbering = KeyNumbering::default();
            for &key in &keys {
                numbering.of(key)?;
            }
            // Each key once.
            (numbering.keys.len() == keys.len()).then_some((docs, numbering))
        };
        let themes = holders()?;
        let countries = holders()?;
        let stems = holders()?;
        let missions = input.u32s()?;
        let language_starts = input.u32s()?;
        let mut decoder = LanguageDecoder::default();
        let language_values = input.each(|n: [u8; 8]| decoder.decode(u64::from_le_bytes(n)))?;
        let languages = PerDoc {
            starts: language_starts,
            values: language_values,
        };
        let window_starts = input.u32s()?;
        let days = input.each(|pair: [u8; 8]| {
            let [a, b, c, d, e, f, g, h] = pair;
            Some((
                i32::from_le_bytes([a, b, c, d]),
                i32::from_le_bytes([e, f, g, h]),
            ))
        })?;
        if !input.0.is_empty() {
            return None;
        }
        let windows = PerDoc {
            starts: window_starts,
            values: days,
        };
        let docs = max_doc as usize;
        if missions.len() != docs || !languages.fits(docs) || !windows.fits(docs) {
            return None;
        }
        let missions_done = |doc: DocId| {
            missions
                .get(doc as usize)
                .copied()
                .filter(|&done| done != u32::MAX)
        };
        let last_stages = last_stages(max_doc, missions_done, &windows, &languages);
        Some(Self::assemble(
            max_doc,
            themes,
            countries,
            stems,
            (last_stages, languages, windows),
        ))
    }
}

#[cfg(test)]
impl Profiles {
    /// The bytes of these profiles changed by `change` first, with a sound CRC.
    fn to_bytes_unchecked_for_test(&self, change: impl FnOnce(&mut Self)) -> Vec<u8> {
        let mut copy = Self::from_bytes(&self.to_bytes(), self.max_doc).expect("sound bytes");
        change(&mut copy);
        copy.to_bytes()
    }
}

impl<T> PerDoc<T> {
    /// Whether this holds `entries` lists (documents, or keys), end to end.
    fn fits(&self, entries: usize) -> bool {
        self.starts.len() == entries + 1
            && self.starts.first() == Some(&0)
            && self.starts.windows(2).all(|w| w[0] <= w[1])
            && self.starts.last().map(|&end| end as usize) == Some(self.values.len())
    }
}

/// Removes from the index folder `dir` the profiles of segments not in `living`, and
/// files left half written. What cannot be removed stays (it is only ignored).
pub(in crate::index) fn remove_stale(dir: &Path, living: &HashSet<SegmentId>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let living: HashSet<String> = living.iter().map(SegmentId::uuid_string).collect();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(PREFIX)) else {
            continue;
        };
        let kept = rest
            .strip_suffix(SUFFIX)
            .is_some_and(|segment| living.contains(segment));
        if !kept {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Bytes being written.
struct Out(Vec<u8>);

impl Out {
    fn u32(&mut self, n: u32) {
        self.0.extend_from_slice(&n.to_le_bytes());
    }

    fn count(&mut self, n: usize) {
        self.0.extend_from_slice(&(n as u64).to_le_bytes());
    }

    fn u32s(&mut self, values: &[u32]) {
        self.count(values.len());
        for v in values {
            self.0.extend_from_slice(&v.to_le_bytes());
        }
    }

    fn u64s(&mut self, values: &[u64]) {
        self.count(values.len());
        for v in values {
            self.0.extend_from_slice(&v.to_le_bytes());
        }
    }
}

/// Bytes being read: each read takes from the front, `None` when too few are left.
struct In<'b>(&'b [u8]);

impl<'b> In<'b> {
    fn take(&mut self, n: usize) -> Option<&'b [u8]> {
        let (front, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(front)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    /// An element count, then that many elements of `N` bytes, each made a `T` by
    /// `make` (`None`: the whole read fails).
    fn each<const N: usize, T>(
        &mut self,
        mut make: impl FnMut([u8; N]) -> Option<T>,
    ) -> Option<Vec<T>> {
        let n = usize::try_from(u64::from_le_bytes(self.take(8)?.try_into().ok()?)).ok()?;
        let bytes = self.take(n.checked_mul(N)?)?;
        bytes
            .chunks_exact(N)
            .map(|c| make(c.try_into().ok()?))
            .collect()
    }

    fn u32s(&mut self) -> Option<Vec<u32>> {
        self.each(|b| Some(u32::from_le_bytes(b)))
    }

    fn u64s(&mut self) -> Option<Vec<u64>> {
        self.each(|b| Some(u64::from_le_bytes(b)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each segment of the sample with its profiles decoded from the columns.
    fn sample_profiles() -> (tempfile::TempDir, Vec<(SegmentId, Profiles)>) {
        let (dir, ws) = crate::test_support::sample_workspace();
        let searcher = ws.index().reader.searcher();
        let decoded = searcher
            .segment_readers()
            .iter()
            .map(|r| (r.segment_id(), Profiles::read(r)))
            .collect();
        (dir, decoded)
    }

    fn same(a: &Profiles, b: &Profiles) {
        assert_eq!(a.to_bytes(), b.to_bytes());
        assert_eq!(a.last_stages, b.last_stages);
        assert_eq!(a.theme_keys.index, b.theme_keys.index);
        assert_eq!(a.country_keys.index, b.country_keys.index);
        assert_eq!(a.stem_keys.index, b.stem_keys.index);
    }

    #[test]
    fn profiles_read_back_from_their_bytes_are_those_decoded() {
        let (_dir, decoded) = sample_profiles();
        for (_, profiles) in &decoded {
            let back = Profiles::from_bytes(&profiles.to_bytes(), profiles.max_doc).unwrap();
            same(&back, profiles);
            assert!(!profiles.stem_docs.values.is_empty());
            assert!(profiles.languages.values.len() >= profiles.max_doc as usize);
        }
    }

    #[test]
    fn bytes_altered_cut_or_of_another_segment_are_refused() {
        let (_dir, decoded) = sample_profiles();
        let (_, profiles) = &decoded[0];
        let bytes = profiles.to_bytes();
        let max_doc = profiles.max_doc;
        // Every byte altered, one at a time: the CRC catches each.
        for at in (0..bytes.len()).step_by(7) {
            let mut altered = bytes.clone();
            altered[at] ^= 0x20;
            assert!(
                Profiles::from_bytes(&altered, max_doc).is_none(),
                "byte {at}"
            );
        }
        for len in [0, 3, 4, 20, bytes.len() / 2, bytes.len() - 1] {
            assert!(
                Profiles::from_bytes(&bytes[..len], max_doc).is_none(),
                "{len}"
            );
        }
        assert!(Profiles::from_bytes(&bytes, max_doc + 1).is_none());
        // Sound CRC, wrong content: a document beyond the segment.
        let mut wrong = profiles.to_bytes_unchecked_for_test(|p| p.stem_docs.values[0] = max_doc);
        assert!(Profiles::from_bytes(&wrong, max_doc).is_none());
        wrong = profiles.to_bytes_unchecked_for_test(|p| p.windows.starts[1] = u32::MAX);
        assert!(Profiles::from_bytes(&wrong, max_doc).is_none());
    }

    #[test]
    fn saved_profiles_load_and_stale_files_are_removed() {
        let (dir, decoded) = sample_profiles();
        let (segment, profiles) = &decoded[0];
        let folder = dir.path().join("kept");
        std::fs::create_dir(&folder).unwrap();
        assert!(Profiles::load(&folder, *segment, profiles.max_doc).is_none());
        profiles.save(&folder, *segment).unwrap();
        same(
            &Profiles::load(&folder, *segment, profiles.max_doc).unwrap(),
            profiles,
        );
        // Another segment's file, one left half written and a file of someone else's.
        let gone = SegmentId::generate_random();
        profiles.save(&folder, gone).unwrap();
        std::fs::write(folder.join(format!("{PREFIX}x{PARTIAL}1")), b"half").unwrap();
        std::fs::write(folder.join("meta.json"), b"{}").unwrap();
        remove_stale(&folder, &HashSet::from([*segment]));
        let mut left: Vec<String> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                "meta.json".to_owned(),
                path(&folder, *segment)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            ]
        );
    }
}
