//! What every page's layout needs, and how dates are written (`jj/mm/aaaa`).

use chrono::{DateTime, Utc};

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

#[cfg(test)]
mod tests {
    #[test]
    fn dates_are_day_month_year() {
        // 2026-12-04 17:05:00 UTC
        assert_eq!(super::date(1_796_403_900), "04/12/2026");
        assert_eq!(super::date_time(1_796_403_900), "04/12/2026 17:05");
    }
}
