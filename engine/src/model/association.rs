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

/// Why an association may not (yet) carry a project in the programme: the programme
/// selects projects "portés par des associations déjà actives dans le réseau et
/// possédant une expérience de terrain".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Ineligibility {
    /// Not (yet) active in the network.
    NotNetworkMember,
    /// No field experience recorded.
    NoFieldExperience,
}

impl Association {
    /// What keeps it from the programme's eligibility rules; empty when it meets them.
    pub fn ineligibility(&self) -> Vec<Ineligibility> {
        let mut out = Vec::new();
        if !self.network_member {
            out.push(Ineligibility::NotNetworkMember);
        }
        if self.field_experience_years == 0 {
            out.push(Ineligibility::NoFieldExperience);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn association(network_member: bool, field_experience_years: u32) -> Association {
        Association {
            id: "asso-a".into(),
            name: "A".into(),
            department: "31".into(),
            network_member,
            field_experience_years,
            mecenat_eligible: false,
            contact: None,
        }
    }

    #[test]
    fn eligibility_needs_network_membership_and_field_experience() {
        assert!(association(true, 3).ineligibility().is_empty());
        assert_eq!(
            association(false, 0).ineligibility(),
            [
                Ineligibility::NotNetworkMember,
                Ineligibility::NoFieldExperience
            ]
        );
        assert_eq!(
            association(true, 0).ineligibility(),
            [Ineligibility::NoFieldExperience]
        );
    }
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
