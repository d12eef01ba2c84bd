//! The field tables of the four record kinds: one description drives JSON checking,
//! CSV reading and CSV writing.

use crate::model::RecordKind;

/// The type of one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    /// Non-empty text.
    Text,
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
    pub ty: Ty,
    /// Whether it must be present.
    pub required: bool,
}

const fn req(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        required: true,
    }
}

const fn opt(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        required: false,
    }
}

/// Any count of days a person could state (a year at most).
const DAYS: Ty = Ty::Count { min: 1, max: 366 };

const CONTACT: &[Field] = &[
    req("name", Ty::Text),
    opt("email", Ty::Text),
    opt("phone", Ty::Text),
];

const ASSOCIATION: &[Field] = &[
    req("id", Ty::Text),
    req("name", Ty::Text),
    req("department", Ty::Departement),
    opt("network_member", Ty::Bool),
    opt("field_experience_years", Ty::Count { min: 0, max: 200 }),
    opt("mecenat_eligible", Ty::Bool),
    opt("contact", Ty::Object(CONTACT)),
];

const HOME: &[Field] = &[
    req("country", Ty::Country),
    opt("department", Ty::Departement),
    opt("city", Ty::Text),
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
    req("id", Ty::Text),
    req("name", Ty::Text),
    req("kind", Ty::Choice(EMPLOYER_KINDS)),
];

const CONSENT: &[Field] = &[
    req("scheme", Ty::Choice(SCHEMES)),
    req("status", Ty::Choice(CONSENT_STATUSES)),
    opt("valid_from", Ty::Date),
    opt("valid_to", Ty::Date),
];

const EXPERT: &[Field] = &[
    req("id", Ty::Text),
    req("name", Ty::Text),
    opt("email", Ty::Text),
    opt("phone", Ty::Text),
    req("home", Ty::Object(HOME)),
    req("status", Ty::Choice(STATUSES)),
    opt("employer", Ty::Object(EMPLOYER)),
    opt("consent", Ty::Object(CONSENT)),
    req("themes", Ty::ThemeList),
    opt("skills", Ty::TextList),
    opt("bio", Ty::Text),
    req("languages", Ty::LanguageLevels),
    opt("countries", Ty::CountryList),
    req("availability", Ty::Windows),
    req("max_mission_days", DAYS),
    opt("daily_cost_eur", Ty::Money),
    opt(
        "missions_done",
        Ty::Count {
            min: 0,
            max: 10_000,
        },
    ),
];

const COMPANY: &[Field] = &[
    req("id", Ty::Text),
    req("name", Ty::Text),
    opt("turnover_eur", Ty::Money),
];

const OFFER: &[Field] = &[
    req("id", Ty::Text),
    req("company", Ty::Object(COMPANY)),
    req("title", Ty::Text),
    opt("description", Ty::Text),
    req("themes", Ty::ThemeList),
    req("skills", Ty::TextList),
    opt("languages", Ty::LanguageLevels),
    opt("countries", Ty::CountryList),
    opt("experts", Ty::TextList),
    req(
        "headcount",
        Ty::Count {
            min: 1,
            max: 10_000,
        },
    ),
    req("window", Ty::Window),
    req("max_mission_days", DAYS),
    opt("covers_remaining_costs", Ty::Bool),
];

const NEED_KINDS: &[&str] = &["standard", "reciprocity"];

const LOCAL_PARTNER: &[Field] = &[
    opt("name", Ty::Text),
    opt("provides_lodging", Ty::Bool),
    opt("provides_field_transport", Ty::Bool),
    opt("meals_provided_per_day", Ty::Count { min: 0, max: 2 }),
];

const NEED: &[Field] = &[
    req("id", Ty::Text),
    req("association", Ty::Text),
    opt("call", Ty::Text),
    req("kind", Ty::Choice(NEED_KINDS)),
    req("title", Ty::Text),
    req("description", Ty::Text),
    req("theme", Ty::Theme),
    req("skills", Ty::TextList),
    req("country", Ty::Country),
    opt("city", Ty::Text),
    req("languages", Ty::LanguageLevels),
    opt("preferred_languages", Ty::LanguageLevels),
    req("window", Ty::Window),
    // The 7…15 rule is checked apart so that it gets its own error class.
    req("duration_days", DAYS),
    opt("experts_wanted", Ty::Count { min: 1, max: 5 }),
    opt("objectives", Ty::TextList),
    opt("deliverables", Ty::TextList),
    opt("local_partner", Ty::Object(LOCAL_PARTNER)),
    opt("expert_origin", Ty::Country),
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
