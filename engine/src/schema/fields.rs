//! The field tables of the four record kinds: one description drives JSON checking,
//! CSV reading and CSV writing.

use crate::model::RecordKind;

/// The type of one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// Non-empty text.
    Text,
    /// A record's id, or a reference to one: see [`id_problem`](super::id_problem).
    Id,
    /// `true` / `false`.
    Bool,
    /// Whole number in `min..=max`.
    Count {
        /// Smallest allowed.
        min: u64,
        /// Largest allowed.
        max: u64,
    },
    /// Euros, at most two decimals, not negative.
    Money,
    /// `YYYY-MM-DD`.
    Date,
    /// ISO 3166-1 alpha-2.
    Country,
    /// French département code.
    Departement,
    /// Theme key.
    Theme,
    /// One of a fixed set of words.
    Choice(&'static [&'static str]),
    /// Nested object.
    Object(&'static [Field]),
    /// `{"from", "to"}`.
    Window,
    /// List of texts.
    TextList,
    /// List of record ids.
    IdList,
    /// List of theme keys.
    ThemeList,
    /// List of country codes.
    CountryList,
    /// List of `{"code", "level"}`.
    LanguageLevels,
    /// List of windows.
    Windows,
}

/// One field of a record or nested object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// Name as written in data files.
    pub name: &'static str,
    /// Its type.
    pub ty: FieldType,
    /// Whether it must be present.
    pub required: bool,
}

const fn req(name: &'static str, ty: FieldType) -> Field {
    Field {
        name,
        ty,
        required: true,
    }
}

const fn opt(name: &'static str, ty: FieldType) -> Field {
    Field {
        name,
        ty,
        required: false,
    }
}

/// Any count of days a person could state (a year at most).
const DAYS: FieldType = FieldType::Count { min: 1, max: 366 };

const CONTACT: &[Field] = &[
    req("name", FieldType::Text),
    opt("email", FieldType::Text),
    opt("phone", FieldType::Text),
];

const ASSOCIATION: &[Field] = &[
    req("id", FieldType::Id),
    req("name", FieldType::Text),
    req("department", FieldType::Departement),
    opt("network_member", FieldType::Bool),
    opt(
        "field_experience_years",
        FieldType::Count { min: 0, max: 200 },
    ),
    opt("mecenat_eligible", FieldType::Bool),
    opt("contact", FieldType::Object(CONTACT)),
];

const HOME: &[Field] = &[
    req("country", FieldType::Country),
    opt("department", FieldType::Departement),
    opt("city", FieldType::Text),
];

/// Expert statuses.
pub const STATUSES: &[&str] = &["employee", "public_agent", "independent", "retired"];
const EMPLOYER_KINDS: &[&str] = &["company", "local_authority", "public_body"];
const SCHEMES: &[&str] = &[
    "mecenat_competences",
    "conge_solidaire",
    "mise_a_disposition",
    "none",
];
const CONSENT_STATUSES: &[&str] = &["granted", "pending", "refused", "not_required"];

const EMPLOYER: &[Field] = &[
    req("id", FieldType::Id),
    req("name", FieldType::Text),
    req("kind", FieldType::Choice(EMPLOYER_KINDS)),
];

const CONSENT: &[Field] = &[
    req("scheme", FieldType::Choice(SCHEMES)),
    req("status", FieldType::Choice(CONSENT_STATUSES)),
    opt("valid_from", FieldType::Date),
    opt("valid_to", FieldType::Date),
];

const EXPERT: &[Field] = &[
    req("id", FieldType::Id),
    req("name", FieldType::Text),
    opt("email", FieldType::Text),
    opt("phone", FieldType::Text),
    req("home", FieldType::Object(HOME)),
    req("status", FieldType::Choice(STATUSES)),
    opt("employer", FieldType::Object(EMPLOYER)),
    opt("consent", FieldType::Object(CONSENT)),
    req("themes", FieldType::ThemeList),
    opt("skills", FieldType::TextList),
    opt("bio", FieldType::Text),
    req("languages", FieldType::LanguageLevels),
    opt("countries", FieldType::CountryList),
    req("availability", FieldType::Windows),
    req("max_mission_days", DAYS),
    opt("daily_cost_eur", FieldType::Money),
    opt(
        "missions_done",
        FieldType::Count {
            min: 0,
            max: 10_000,
        },
    ),
];

const COMPANY: &[Field] = &[
    req("id", FieldType::Id),
    req("name", FieldType::Text),
    opt("turnover_eur", FieldType::Money),
];

const OFFER: &[Field] = &[
    req("id", FieldType::Id),
    req("company", FieldType::Object(COMPANY)),
    req("title", FieldType::Text),
    opt("description", FieldType::Text),
    req("themes", FieldType::ThemeList),
    req("skills", FieldType::TextList),
    opt("languages", FieldType::LanguageLevels),
    opt("countries", FieldType::CountryList),
    opt("experts", FieldType::IdList),
    req(
        "headcount",
        FieldType::Count {
            min: 1,
            max: 10_000,
        },
    ),
    req("window", FieldType::Window),
    req("max_mission_days", DAYS),
    opt("covers_remaining_costs", FieldType::Bool),
];

const NEED_KINDS: &[&str] = &["standard", "reciprocity"];

const LOCAL_PARTNER: &[Field] = &[
    opt("name", FieldType::Text),
    opt("provides_lodging", FieldType::Bool),
    opt("provides_field_transport", FieldType::Bool),
    opt(
        "meals_provided_per_day",
        FieldType::Count { min: 0, max: 2 },
    ),
];

const NEED: &[Field] = &[
    req("id", FieldType::Id),
    req("association", FieldType::Id),
    opt("call", FieldType::Text),
    req("kind", FieldType::Choice(NEED_KINDS)),
    req("title", FieldType::Text),
    req("description", FieldType::Text),
    req("theme", FieldType::Theme),
    req("skills", FieldType::TextList),
    req("country", FieldType::Country),
    opt("city", FieldType::Text),
    req("languages", FieldType::LanguageLevels),
    opt("preferred_languages", FieldType::LanguageLevels),
    req("window", FieldType::Window),
    // The 7…15 rule is checked apart so that it gets its own error class.
    req("duration_days", DAYS),
    opt("experts_wanted", FieldType::Count { min: 1, max: 5 }),
    opt("objectives", FieldType::TextList),
    opt("deliverables", FieldType::TextList),
    opt("local_partner", FieldType::Object(LOCAL_PARTNER)),
    opt("expert_origin", FieldType::Country),
];

/// The fields of a record kind, in canonical order.
pub fn fields(kind: RecordKind) -> &'static [Field] {
    match kind {
        RecordKind::Association => ASSOCIATION,
        RecordKind::Expert => EXPERT,
        RecordKind::Offer => OFFER,
        RecordKind::Need => NEED,
    }
}
