//! What every page's layout needs, how dates are written (`jj/mm/aaaa`), and the
//! HTML side of a view's [`Table`].

use chrono::{DateTime, NaiveDate, Utc};
use explor_views::Table;

use crate::auth::extract::CurrentUser;
use crate::store::Role;

/// The base layout's data: title, navigation and the CSRF token for forms and htmx.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The page title (before " — explor").
    pub title: String,
    /// The signed-in account, for the navigation.
    pub user: Option<NavUser>,
    /// The session's CSRF token (empty on pages without a session).
    pub csrf: String,
}

/// The navigation's view of the signed-in account.
#[derive(Debug, Clone)]
pub struct NavUser {
    /// E-mail.
    pub email: String,
    /// French role name.
    pub role: &'static str,
    /// Whether the coordinator's links are shown.
    pub coordinator: bool,
    /// Whether an association's links are shown.
    pub association: bool,
    /// Whether an expert's links are shown.
    pub expert: bool,
    /// Whether a company's links are shown.
    pub company: bool,
    /// Notifications not seen yet.
    pub unread: i64,
}

impl Layout {
    /// A page for someone signed out.
    pub fn signed_out(title: &str, csrf: String) -> Self {
        Self {
            title: title.to_owned(),
            user: None,
            csrf,
        }
    }

    /// A page for the signed-in `user`.
    pub fn signed_in(title: &str, user: &CurrentUser) -> Self {
        Self {
            title: title.to_owned(),
            user: Some(NavUser {
                email: user.account.email.clone(),
                role: user.account.role.label(),
                coordinator: user.account.role == Role::Coordinator,
                association: user.account.role == Role::Association,
                expert: user.account.role == Role::Expert,
                company: user.account.role == Role::Company,
                unread: user.unread,
            }),
            csrf: user.csrf.clone(),
        }
    }
}

/// A Unix time as `jj/mm/aaaa` (UTC).
pub fn date(ts: i64) -> String {
    DateTime::<Utc>::from_timestamp(ts, 0)
        .map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_default()
}

/// A Unix time as `jj/mm/aaaa hh:mm` (UTC).
pub fn date_time(ts: i64) -> String {
    DateTime::<Utc>::from_timestamp(ts, 0)
        .map(|d| d.format("%d/%m/%Y %H:%M").to_string())
        .unwrap_or_default()
}

/// A calendar day as `jj/mm/aaaa`.
pub fn day(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// Today, on the server's calendar (the day the command line would record too).
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// An id as one segment of a URL path: every byte but the unreserved ones encoded.
pub fn seg(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A view's [`Table`] ready for `partials/table.html`: a caption, and for each row an
/// optional link put on its first cell. Cells stay text (the template escapes them and
/// writes each line of a cell on its own line).
#[derive(Debug, Clone)]
pub struct HtmlTable {
    /// Says what the table holds (`<caption>`).
    pub caption: String,
    /// Column titles.
    pub header: Vec<String>,
    /// The rows.
    pub rows: Vec<HtmlRow>,
}

/// One row of an [`HtmlTable`].
#[derive(Debug, Clone)]
pub struct HtmlRow {
    /// Where the first cell leads, if anywhere.
    pub link: Option<String>,
    /// The cells, as the view wrote them.
    pub cells: Vec<String>,
}

impl HtmlTable {
    /// The table without links.
    pub fn new(caption: impl Into<String>, table: Table) -> Self {
        Self::linked(caption, table, |_| None)
    }

    /// The table with each row's first cell linked to `link(row)`.
    pub fn linked(
        caption: impl Into<String>,
        table: Table,
        link: impl Fn(&[String]) -> Option<String>,
    ) -> Self {
        Self {
            caption: caption.into(),
            header: table.header,
            rows: table
                .rows
                .into_iter()
                .map(|cells| HtmlRow {
                    link: link(&cells),
                    cells,
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_are_day_month_year() {
        // 2026-12-04 17:05:00 UTC
        assert_eq!(super::date(1_796_403_900), "04/12/2026");
        assert_eq!(super::date_time(1_796_403_900), "04/12/2026 17:05");
        let d = chrono::NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        assert_eq!(super::day(d), "01/03/2027");
    }

    #[test]
    fn ids_are_encoded_as_one_path_segment() {
        assert_eq!(super::seg("need-kin_2.x~"), "need-kin_2.x~");
        assert_eq!(super::seg("a/b c<é"), "a%2Fb%20c%3C%C3%A9");
    }
}
