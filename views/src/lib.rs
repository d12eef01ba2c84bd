//! # explor-views
//!
//! What explor shows: the views that the command line and the web application both
//! render, so that no rule of presentation is written twice. Each view is built once
//! from the workspace's results and hands out plain data: [`Table`]s (a header and
//! rows of text), lines, and serde structs for JSON. The CLI draws the tables for a
//! terminal and writes JSON, CSV or Markdown; the web app draws them in HTML.
//!
//! - [`matching`]: ranked candidates with their main reasons, the excluded with the
//!   gates that excluded them (`explor match`, a need's page);
//! - [`batch`]: a batch run's assignments, unserved needs, alternates, travel advice,
//!   and the meeting report (a Markdown template);
//! - [`cost`]: a cost plan's lines, totals and payers;
//! - [`mission`]: a mission's sheet, log and JSON;
//! - [`records`] and [`search`]: records and search hits as rows;
//! - [`overview`]: what a workspace holds, counted.
//!
//! One design decision: views return text cells, not formatted output. Where the
//! terminal and the browser differ (wrapping, links, escaping) is the front end's
//! business; what a cell *says* is decided here, once.
//!
//! ```
//! use explor_views::Table;
//!
//! let mut t = Table::new(&["id", "name"]);
//! t.push(vec!["exp-0007".into(), "Hélène Bousquet".into()]);
//! assert_eq!(t.to_csv().unwrap(), "id,name\nexp-0007,Hélène Bousquet\n");
//! ```
#![warn(missing_docs)]

pub mod batch;
pub mod cost;
pub mod matching;
pub mod mission;
pub mod names;
pub mod overview;
pub mod records;
pub mod search;
mod table;
pub mod words;

#[cfg(test)]
mod tests;

pub use batch::BatchView;
pub use cost::CostPlanView;
pub use matching::{CandidateMatch, NeedMatch};
pub use mission::{MissionFileJson, MissionJson, MissionSheet};
pub use names::{Names, record_name};
pub use overview::Overview;
pub use search::{Facets, SearchResults};
pub use table::{CsvDialect, Table};
