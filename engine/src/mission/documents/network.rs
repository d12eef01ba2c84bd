//! Who runs the programme, as the documents name it, from
//! `data/reference/network.json` (dated, with its source).

use serde::Deserialize;
use std::sync::OnceLock;

/// The network and its programme.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Network {
    #[allow(dead_code)] // kept in the file for the reader, not shown in documents
    pub(super) source: String,
    #[allow(dead_code)]
    pub(super) date: String,
    pub(super) name: String,
    pub(super) description: String,
    pub(super) programme: String,
    pub(super) funders: String,
}

const EMBEDDED: &str = include_str!("../../../../data/reference/network.json");

impl Network {
    /// The embedded file, parsed on first use.
    pub(super) fn embedded() -> &'static Network {
        static CELL: OnceLock<Network> = OnceLock::new();
        CELL.get_or_init(|| {
            // Checked by this module's test; failing here is a build defect.
            serde_json::from_str(EMBEDDED).expect("embedded data/reference/network.json is valid")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_network_file_reads_and_names_its_source() {
        let n = Network::embedded();
        assert_eq!(n.name, "Occitanie Coopération");
        assert!(n.source.contains("EXPLOR") && !n.date.is_empty());
    }
}
