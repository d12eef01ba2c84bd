//! # explor-engine
//!
//! The domain of EXPLOR expertise missions, and its rules: who the experts, companies,
//! associations and needs are ([`model`]), the value types that keep bad states out
//! ([`values`]: CEFR levels, ISO codes, date windows, money in cents), the reference
//! lists they are checked against ([`reference`](mod@reference): theme taxonomy as a petgraph graph,
//! countries with their UN M49 region, languages, French départements), import
//! validation ([`schema`]), the scoring stage ([`scoring`]), batch assignment
//! ([`batch`], on the exact min-cost flow of [`assign`]), cost plans ([`cost`]) and
//! missions ([`mission`]: lifecycle as an append-only event log, staffing checked by
//! the gates on chosen dates, and the French documents rendered from templates).
//!
//! The crate is pure: no files, no database, no search index. Everything it needs
//! from the outside world comes in as values; the reference data and the document
//! templates of `data/` are embedded at build time through the `explor-data` crate.
//!
//! One design decision: import validation works on the JSON value before any typed
//! deserialisation, driven by one table of fields per record kind. Serde stops at the
//! first error; the table lets the import report *every* problem of a record, each
//! with its field path, and the same table reads and writes the CSV flattening.
//!
//! ```
//! use explor_engine::{Reference, RecordKind, Record, check_record};
//!
//! let value = serde_json::json!({
//!     "id": "asso-eau-vive", "name": "Eau Vive Occitanie", "department": "31"
//! });
//! let record = check_record(RecordKind::Association, &value, &Reference::embedded()).unwrap();
//! let Record::Association(asso) = record else { unreachable!() };
//! assert!(asso.network_member); // defaults are filled in
//!
//! let bad = serde_json::json!({"id": "a", "name": "A", "department": "31", "colour": "red"});
//! let issues = check_record(RecordKind::Association, &bad, &Reference::embedded()).unwrap_err();
//! assert_eq!(issues[0].field, "colour");
//! ```
#![warn(missing_docs)]

pub mod assign;
pub mod batch;
pub mod cost;
pub mod fr;
pub mod mission;
pub mod model;
pub mod reference;
pub mod retrieval;
pub mod schema;
pub mod scoring;
pub mod values;

pub use model::{
    Association, Consent, ConsentScheme, ConsentStatus, Employer, EmployerKind, Expert,
    ExpertStatus, LanguageLevel, LocalPartner, Need, NeedKind, Offer, Record, RecordKind, ThemeKey,
};
pub use reference::{Countries, Departements, Languages, Reference, ReferenceError, Taxonomy};
pub use retrieval::{BruteForce, Candidate, CandidateKind, CandidateSource};
pub use schema::{FieldIssue, IssueClass, check_record};
pub use values::{Cefr, CountryCode, DateWindow, LanguageCode, Money};
