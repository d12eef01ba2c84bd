use serde::{Deserialize, Serialize};

/// An international-solidarity association (ASI) of the region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Association {
    /// Stable id (`asso-eau-vive`).
    pub id: String,
    /// Name.
    pub name: String,
    /// Département code of its seat (`31`).
    pub department: String,
    /// Already active in the network.
    #[serde(default = "yes")]
    pub network_member: bool,
    /// Years of field experience.
    #[serde(default)]
    pub field_experience_years: u32,
    /// Can issue tax receipts (*intérêt général*), so a company's gift is sponsorship.
    #[serde(default)]
    pub mecenat_eligible: bool,
    /// Contact person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
}

fn yes() -> bool {
    true
}

/// A contact person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Name.
    pub name: String,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}
