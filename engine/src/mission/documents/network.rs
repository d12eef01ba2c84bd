//! Who runs the programme, as the documents name it, from
//! `data/reference/network.json` (dated, with its source).

use serde::Deserialize;
use std::sync::OnceLock;

/// The network and its programme.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Network {
    /// Where the facts come from and when: required in the file, for its reader; the
    /// documents cite the programme through the cost rules' sources.
    #[serde(rename = "source")]
    _source: serde::de::IgnoredAny,
    #[serde(rename = "date")]
    _date: serde::de::IgnoredAny,
    pub(super) name: String,
    pub(super) description: String,
    pub(super) programme: String,
    pub(super) funders: String,
}

const EMBEDDED: &str = explor_data::reference::NETWORK;

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
        let raw: serde_json::Value = serde_json::from_str(EMBEDDED).unwrap();
        assert!(raw["source"].as_str().is_some_and(|s| s.contains("EXPLOR")));
        assert!(raw["date"].as_str().is_some_and(|d| !d.is_empty()));
        // The source and date are required: a file without them is refused.
        let mut bare = raw.clone();
        bare.as_object_mut().unwrap().remove("source");
        assert!(serde_json::from_value::<Network>(bare).is_err());
    }
}
